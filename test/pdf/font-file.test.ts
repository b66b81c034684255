// Reading font files with the charstrings of a large CFF font left for later
// (src/export/pdf/font-file.ts): what is read is the file's bytes, what the subsetter needs
// is read when it needs it, and subsets and PDFs come out as from the whole file.
import * as fontkit from 'fontkit';
import type { FontkitFont } from 'pdfkit';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFastCffSubsets } from '../../src/export/pdf/cff-subset.js';
import { missingFamily } from '../../src/export/pdf/families.js';
import { deferredBytesOf, readFontFile } from '../../src/export/pdf/font-file.js';
import { FILES } from '../../src/export/pdf/fonts.js';
import { cffOnlyFile } from './helpers.js';

const haveCjk = missingFamily('Noto Serif SC') === undefined;
const DIR = process.env.AGENDA_CJK_FONT_DIR ?? '/usr/share/fonts/opentype/noto';
const REGULAR = join(DIR, 'NotoSerifCJK-Regular.ttc');

type Font = FontkitFont & {
  glyphForCodePoint(c: number): { id: number };
  numGlyphs: number;
  createSubset(): { includeGlyph(g: number): number; encode(): Uint8Array };
  directory: { tables: Record<string, { offset: number; length: number }> };
};

/** The 4 kB pages of `got` that differ from `want`, as [from, to) spans of bytes. */
function differences(got: Buffer, want: Buffer): [number, number][] {
  const out: [number, number][] = [];
  for (let at = 0; at < want.length; at += 4096) {
    const end = Math.min(at + 4096, want.length);
    if (Buffer.compare(got.subarray(at, end), want.subarray(at, end)) === 0) continue;
    if (out.length && out.at(-1)![1] === at) out.at(-1)![1] = end;
    else out.push([at, end]);
  }
  return out;
}

/** Where a CFF table's CharStrings INDEX keeps its data, by fontkit's reading of it. */
function charStringsData(font: Font): { start: number; end: number } {
  const cff = (font as unknown as { 'CFF ': { topDict: { CharStrings: { offset: number; length: number }[] } } })['CFF '];
  const strings = cff.topDict.CharStrings;
  const table = font.directory.tables['CFF ']!.offset;
  return { start: table + strings[0]!.offset, end: table + strings.at(-1)!.offset + strings.at(-1)!.length };
}

describe('font files', () => {
  it('reads a small font whole, as readFileSync does, with nothing left for later', () => {
    const path = createRequire(import.meta.url).resolve(FILES.regular);
    const bytes = readFontFile(path);
    expect(deferredBytesOf(bytes)).toBeUndefined();
    expect(Buffer.compare(bytes, readFileSync(path))).toBe(0);
  });

  it('reads a large file it does not understand whole', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'agenda-font-file-')), 'odd.ttc');
    const junk = Buffer.alloc(5 << 20, 0x5a);
    junk.write('ttcf', 0, 'latin1');
    writeFileSync(path, junk);
    const bytes = readFontFile(path);
    expect(deferredBytesOf(bytes)).toBeUndefined();
    expect(Buffer.compare(bytes, junk)).toBe(0);
  });

  describe.skipIf(!haveCjk)(haveCjk ? 'Noto Serif CJK' : 'Noto Serif CJK: skipped, not installed (apt-get install fonts-noto-cjk)', () => {
    it('reads all but the charstrings at once, and a charstring when it is needed', () => {
      const whole = readFileSync(REGULAR);
      const bytes = readFontFile(REGULAR);
      const later = deferredBytesOf(bytes)!;
      expect(later).toBeDefined();
      const font = fontkit.create(whole, 'NotoSerifCJKsc-Regular') as unknown as Font;
      const { start, end } = charStringsData(font);
      // Unread: one span inside the charstrings, whole pages, most of them.
      const unread = differences(bytes, whole);
      expect(unread.length).toBeGreaterThan(0);
      for (const [from, to] of unread) {
        expect(from).toBeGreaterThanOrEqual(start);
        expect(to).toBeLessThanOrEqual(end);
      }
      const unreadBytes = unread.reduce((n, [from, to]) => n + to - from, 0);
      expect(unreadBytes).toBeGreaterThan(0.8 * (end - start));

      later.need(start + 1_000_000, start + 1_000_300);
      expect(Buffer.compare(bytes.subarray(start + 1_000_000, start + 1_000_300), whole.subarray(start + 1_000_000, start + 1_000_300))).toBe(0);
      expect(differences(bytes, whole).reduce((n, [from, to]) => n + to - from, 0)).toBeLessThan(unreadBytes);
      later.all();
      expect(Buffer.compare(bytes, whole)).toBe(0);
    });

    it('reads whole a CFF font without vertical metrics, whose glyph boxes fontkit would read from the outlines', () => {
      const whole = readFileSync(REGULAR);
      const font = fontkit.create(whole, 'NotoSerifCJKsc-Regular') as unknown as Font;
      const cff = font.directory.tables['CFF ']!;
      const file = cffOnlyFile(whole.subarray(cff.offset, cff.offset + cff.length)); // no vmtx
      const path = join(mkdtempSync(join(tmpdir(), 'agenda-font-file-')), 'cff-only.otf');
      writeFileSync(path, file);
      const bytes = readFontFile(path);
      expect(deferredBytesOf(bytes)).toBeUndefined();
      expect(Buffer.compare(bytes, file)).toBe(0);
    });

    it('gives the same subsets as the whole file, through the faster subsetter and through fontkit', () => {
      const text = '联合国毒品和犯罪问题办公室：第十四次会议（续），2023年9月11日星期一。维也纳；“议程”、《公约》 Abc 123';
      const subsets = (font: Font, fast: boolean) => {
        const glyphs = [...text].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id);
        const first = font.createSubset();
        for (const g of glyphs) first.includeGlyph(g);
        const out = [Buffer.from(first.encode())];
        if (fast) {
          // A second document, with glyphs the first did not use.
          const second = font.createSubset();
          for (let g = 30_000; g < 30_200; g += 7) second.includeGlyph(g);
          out.push(Buffer.from(second.encode()));
        }
        return out;
      };
      const fromWhole = fontkit.create(readFileSync(REGULAR), 'NotoSerifCJKsc-Regular') as unknown as Font;
      const sparseBytes = readFontFile(REGULAR);
      const fromSparse = fontkit.create(sparseBytes, 'NotoSerifCJKsc-Regular') as unknown as Font;
      expect(useFastCffSubsets(fromWhole)).toBe(true);
      expect(useFastCffSubsets(fromSparse, deferredBytesOf(sparseBytes))).toBe(true);
      expect(subsets(fromSparse, true)).toEqual(subsets(fromWhole, true));

      // Where the faster subsetter gives up (here: charstrings it is handed unread, which it
      // cannot scan), fontkit's subsetter takes the face, and the face is read whole first.
      const lazyBytes = readFontFile(REGULAR);
      const lazy = fontkit.create(lazyBytes, 'NotoSerifCJKsc-Regular') as unknown as Font;
      let readWhole = 0;
      const real = deferredBytesOf(lazyBytes)!;
      expect(useFastCffSubsets(lazy, { need: () => {}, all: () => (readWhole++, real.all()) })).toBe(true);
      const fontkits = fontkit.create(readFileSync(REGULAR), 'NotoSerifCJKsc-Regular') as unknown as Font;
      expect(subsets(lazy, false)).toEqual(subsets(fontkits, false));
      expect(readWhole).toBe(1);
    });
  });
});
