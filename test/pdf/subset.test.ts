// The faster TrueType subsetter (src/export/pdf/subset.ts) writes byte for byte what fontkit writes.
import { createRequire } from 'node:module';
import PDFDocument, { type FontkitFont } from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { random } from '../../bench/generate.js';
import { FONT_TABLES } from '../../src/generated/font-tables.js';
import { FILES, type Face } from '../../src/export/pdf/fonts.js';
import { fastSubsetsInUse, glyphRecord, useFastSubsets, type RawTables } from '../../src/export/pdf/subset.js';

type Subset = { includeGlyph(g: number): number; encode(): Uint8Array };
type Font = FontkitFont & { createSubset(): Subset; numGlyphs: number };

const require = createRequire(import.meta.url);

/**
 * Parses of the same file: one keeps fontkit's subsetter; one gets the faster one learning its
 * constant tables from a first subset encoded by fontkit; one gets them from the build-time tables.
 */
function fonts(face: Face): { fontkit: Font; fast: Font; built: Font } {
  const parse = () => {
    const doc = new PDFDocument({ autoFirstPage: false, font: require.resolve(FILES[face]) });
    return (doc as unknown as { _font: { font: Font } })._font.font;
  };
  const fast = parse();
  useFastSubsets(fast);
  const built = parse();
  useFastSubsets(built, Buffer.from(FONT_TABLES[face]!.subset, 'base64'));
  return { fontkit: parse(), fast, built };
}

describe('TrueType subsets', () => {
  for (const [face, file] of Object.entries(FILES) as [Face, string][]) {
    it(`are the same bytes as fontkit's for ${face}, with constant tables learnt at run time or made at build time`, () => {
      const { fontkit, fast, built } = fonts(face);
      expect(fastSubsetsInUse(built)).toBe(true); // before any subset: the build-time tables are trusted from the start
      const rnd = random(file.length);
      // Small and large sets in random order, the whole font, and text; composites (accented letters) included.
      const sets: number[][] = [[], [36, 37, 38]];
      for (let k = 0; k < 12; k++) sets.push(Array.from({ length: 1 + Math.floor(rnd() * 400) }, () => Math.floor(rnd() * fontkit.numGlyphs)));
      sets.push(Array.from({ length: fontkit.numGlyphs }, (_, i) => fontkit.numGlyphs - 1 - i));
      const text = 'Économie, société: à Genève, São Paulo, Łódź, Москва — «per cent» ½ ﬁ';
      sets.push([...text].map((ch) => (fontkit as unknown as { glyphForCodePoint(c: number): { id: number } }).glyphForCodePoint(ch.codePointAt(0)!).id));
      for (const set of sets) {
        const a = fontkit.createSubset();
        const b = fast.createSubset();
        const c = built.createSubset();
        for (const g of set) {
          const id = a.includeGlyph(g);
          expect(b.includeGlyph(g)).toBe(id);
          expect(c.includeGlyph(g)).toBe(id);
        }
        const reference = Buffer.from(a.encode());
        expect(Buffer.from(b.encode()).equals(reference)).toBe(true);
        expect(Buffer.from(c.encode()).equals(reference)).toBe(true);
      }
      expect(fastSubsetsInUse(fast)).toBe(true);
    });
  }
});

describe('TrueType subsets of Amiri (no cvt or fpgm table)', () => {
  const AMIRI = ['400Regular/Amiri_400Regular.ttf', '700Bold/Amiri_700Bold.ttf', '400Regular_Italic/Amiri_400Regular_Italic.ttf', '700Bold_Italic/Amiri_700Bold_Italic.ttf'];
  for (const path of AMIRI) {
    it(`are the same bytes as fontkit's for ${path}, constant tables learnt from a first subset`, () => {
      const parse = () => {
        const doc = new PDFDocument({ autoFirstPage: false, font: require.resolve(`@expo-google-fonts/amiri/${path}`) });
        return (doc as unknown as { _font: { font: Font } })._font.font;
      };
      const fontkit = parse();
      const fast = parse();
      useFastSubsets(fast);
      const rnd = random(path.length);
      const text = 'جدول الأعمال المؤقت المشروح، الدورة الرابعة عشرة (تابع) ١٢٣ 2023';
      const sets: number[][] = [[...text].map((ch) => (fontkit as unknown as { glyphForCodePoint(c: number): { id: number } }).glyphForCodePoint(ch.codePointAt(0)!).id), [], [5, 6, 7]];
      for (let k = 0; k < 10; k++) sets.push(Array.from({ length: 1 + Math.floor(rnd() * 400) }, () => Math.floor(rnd() * fontkit.numGlyphs)));
      for (const set of sets) {
        const a = fontkit.createSubset();
        const b = fast.createSubset();
        for (const g of set) expect(b.includeGlyph(g)).toBe(a.includeGlyph(g));
        expect(Buffer.from(b.encode()).equals(Buffer.from(a.encode()))).toBe(true);
      }
      expect(fastSubsetsInUse(fast)).toBe(true);
    });
  }
});

describe('glyphs read from the font file', () => {
  const files = [...Object.values(FILES), ...['400Regular/Amiri_400Regular.ttf', '700Bold/Amiri_700Bold.ttf'].map((p) => `@expo-google-fonts/amiri/${p}`)];
  for (const file of files) {
    it(`${file.split('/').pop()}: every glyph's bytes, advance, bearing and components as fontkit reads them`, () => {
      const doc = new PDFDocument({ autoFirstPage: false, font: require.resolve(file) });
      type Decoded = { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
      const font = (doc as unknown as { _font: { font: Font & { getGlyph(g: number): { _decode(): Decoded; advanceWidth: number; _getMetrics(): { leftBearing: number } } } } })._font.font;
      let composites = 0;
      const wrong: number[] = [];
      for (let gid = 0; gid < font.numGlyphs; gid++) {
        const glyph = font.getGlyph(gid);
        const decoded = glyph._decode();
        const components = decoded && decoded.numberOfContours < 0 ? (decoded.components ?? []).map((c) => ({ glyphID: c.glyphID, pos: c.pos })) : undefined;
        if (components) composites++;
        const r = glyphRecord(font, undefined, gid);
        const same = r.advance === glyph.advanceWidth && r.bearing === glyph._getMetrics().leftBearing && JSON.stringify(r.components) === JSON.stringify(components);
        if (!same) wrong.push(gid);
      }
      expect(wrong).toEqual([]);
      expect(composites).toBeGreaterThan(0);
    });
  }
});

describe('horizontal metrics past hhea.numberOfMetrics', () => {
  it('repeat the last advance, take their own bearing, and a bearing past the table is 0', () => {
    // hmtx: two full metrics (500, 10) and (600, -20), then one bearing alone (30); glyph 3 has none.
    const hmtx = Buffer.from([0x01, 0xf4, 0x00, 0x0a, 0x02, 0x58, 0xff, 0xec, 0x00, 0x1e]);
    const raw: RawTables = { bytes: hmtx, glyf: 0, hmtx: 0, hmtxEnd: hmtx.length, metrics: 2 };
    const font = { loca: { offsets: [0, 0, 0, 0, 0], version: 0 } } as unknown as FontkitFont;
    expect([0, 1, 2, 3].map((g) => glyphRecord(font, raw, g)).map(({ advance, bearing }) => [advance, bearing])).toEqual([
      [500, 10],
      [600, -20],
      [600, 30],
      [600, 0],
    ]);
  });
});
