// The faster CFF subsetter (src/export/pdf/cff-subset.ts): a subset of Noto Serif CJK read back
// by fontkit draws every glyph as the original does, and keeps exactly the subroutines reached.
import * as fontkit from 'fontkit';
import PDFDocument, { type FontkitFont } from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { random } from '../../bench/generate.js';
import { missingFamily } from '../../src/export/pdf/families.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bias, hasCffOutlines, reachedSubroutines, useFastCffSubsets } from '../../src/export/pdf/cff-subset.js';
import { FILES } from '../../src/export/pdf/fonts.js';
import { cffOnlyFile, hasTool, pdfOf } from './helpers.js';

const haveCjk = missingFamily('Noto Serif SC') === undefined;
const DIR = process.env.AGENDA_CJK_FONT_DIR ?? '/usr/share/fonts/opentype/noto';

interface Glyph {
  path: { toSVG(): string };
  advanceWidth: number;
  _usedGsubrs: Record<string, true>;
  _usedSubrs: Record<string, true>;
}
interface Cff {
  isCIDFont: boolean;
  globalSubrIndex: unknown[];
  topDict: { FDArray: { Private?: { Subrs?: unknown[] } }[]; CharStrings: unknown[] };
  fdForGlyph(gid: number): number;
}
type Font = FontkitFont & { getGlyph(gid: number): Glyph; glyphForCodePoint(c: number): Glyph & { id: number }; numGlyphs: number; 'CFF ': Cff; createSubset(): { cff?: unknown; glyphs: number[]; includeGlyph(g: number): number; encode(): Uint8Array } };

function parse(file: string, name: string): Font {
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.font(`${DIR}/${file}`, name);
  return (doc as unknown as { _font: { font: Font } })._font.font;
}

/** The CFF table alone, in the smallest OpenType file fontkit reads. */
const asFont = (cff: Uint8Array): Font => fontkit.create(cffOnlyFile(cff)) as unknown as Font;

const used = (glyph: Glyph, kind: '_usedGsubrs' | '_usedSubrs') => Object.keys(glyph[kind]).map(Number);
const sorted = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe.skipIf(!haveCjk)(haveCjk ? 'CFF subsets of Noto Serif CJK' : 'CFF subsets: skipped, Noto Serif CJK not installed (apt-get install fonts-noto-cjk)', () => {
  for (const [file, name] of [
    ['NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'],
    ['NotoSerifCJK-Bold.ttc', 'NotoSerifCJKsc-Bold'],
  ] as const) {
    it(`${name}: every glyph drawn as in the original, only the subroutines reached kept, renumbered in order`, () => {
      const original = parse(file, name);
      const fast = parse(file, name);
      expect(useFastCffSubsets(fast)).toBe(true);
      const rnd = random(name.length);
      const text = '联合国毒品和犯罪问题办公室：第十四次会议（续），2023年9月11日星期一。维也纳；“议程”、《公约》 Abc 123';
      const sets: number[][] = [[], [...text].map((ch) => original.glyphForCodePoint(ch.codePointAt(0)!).id)];
      for (let k = 0; k < 4; k++) sets.push(Array.from({ length: 1 + Math.floor(rnd() * 300) }, () => Math.floor(rnd() * original.numGlyphs)));
      for (const set of sets) {
        const subset = fast.createSubset();
        expect(subset.cff).toBeTruthy(); // pdfkit embeds it as CIDFontType0C
        for (const g of set) subset.includeGlyph(g);
        const written = asFont(subset.encode());
        const cff = written['CFF '];
        expect(cff.isCIDFont).toBe(true);
        expect(cff.topDict.CharStrings.length).toBe(subset.glyphs.length);

        const globalReached: number[] = [];
        const localReached = new Map<number, number[]>();
        const globalKept: number[] = [];
        const localKept = new Map<number, number[]>();
        subset.glyphs.forEach((gid, i) => {
          const before = original.getGlyph(gid);
          const after = written.getGlyph(i);
          expect(after.path.toSVG(), `glyph ${gid}`).toBe(before.path.toSVG());
          // fontkit's own reading of the original agrees with the subsetter's scan.
          const reached = reachedSubroutines(fast, gid)!;
          expect(reached.gsubrs).toEqual(sorted(used(before, '_usedGsubrs')));
          expect(reached.subrs).toEqual(sorted(used(before, '_usedSubrs')));
          globalReached.push(...reached.gsubrs);
          const fd = original['CFF '].fdForGlyph(gid);
          localReached.set(fd, [...(localReached.get(fd) ?? []), ...reached.subrs]);
          globalKept.push(...used(after, '_usedGsubrs'));
          const fdAfter = cff.fdForGlyph(i);
          localKept.set(fdAfter, [...(localKept.get(fdAfter) ?? []), ...used(after, '_usedSubrs')]);
        });
        // As many subroutines as the glyphs reach, each one reached in the subset.
        expect(cff.globalSubrIndex.length).toBe(sorted(globalReached).length);
        expect(sorted(globalKept)).toEqual(range(cff.globalSubrIndex.length));
        expect(cff.topDict.FDArray.length).toBe(localReached.size);
        cff.topDict.FDArray.forEach((dict, k) => {
          const count = dict.Private?.Subrs?.length ?? 0;
          expect(sorted(localKept.get(k) ?? [])).toEqual(range(count));
        });
        expect([...localReached.values()].map((s) => sorted(s).length).sort()).toEqual(cff.topDict.FDArray.map((d) => d.Private?.Subrs?.length ?? 0).sort());
      }
    });
  }

  it('gives a Chinese PDF whose font programs are CID-keyed CFF that qpdf and poppler read', async () => {
    const pdf = Buffer.from(await pdfOf('test/fixtures/scripts/meeting.zh.yaml'));
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/CIDFontType0C/);
    const file = join(mkdtempSync(join(tmpdir(), 'agenda-cff-')), 'zh.pdf');
    writeFileSync(file, pdf);
    if (hasTool('qpdf')) execFileSync('qpdf', ['--check', file], { stdio: 'pipe' }); // throws on a damaged file
    if (hasTool('pdffonts')) {
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      expect(fonts).toMatch(/NotoSerifCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    }
  });

  it('uses the subroutine biases of Type 2 charstrings', () => {
    expect([0, 1239, 1240, 33899, 33900].map(bias)).toEqual([107, 107, 1131, 1131, 32768]);
  });
});

describe('a TrueType face', () => {
  it('keeps its subsetter: the CFF one declines it', () => {
    const doc = new PDFDocument({ autoFirstPage: false, font: createRequire(import.meta.url).resolve(FILES.regular) });
    const font = (doc as unknown as { _font: { font: Font } })._font.font;
    const before = font.createSubset;
    expect(hasCffOutlines(font)).toBe(false);
    expect(useFastCffSubsets(font)).toBe(false);
    expect(font.createSubset).toBe(before);
  });
});
