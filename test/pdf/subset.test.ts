// The faster TrueType subsetter (src/render/pdf/subset.ts) writes byte for byte what fontkit writes.
import { createRequire } from 'node:module';
import PDFDocument, { type FontkitFont } from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONT_TABLES } from '../../src/generated/font-tables.js';
import { fastSubsetsInUse, useFastSubsets } from '../../src/render/pdf/subset.js';

type Subset = { includeGlyph(g: number): number; encode(): Uint8Array };
type Font = FontkitFont & { createSubset(): Subset; numGlyphs: number };

const require = createRequire(import.meta.url);
const FILES = { regular: '400Regular/Tinos_400Regular', bold: '700Bold/Tinos_700Bold', italic: '400Regular_Italic/Tinos_400Regular_Italic', boldItalic: '700Bold_Italic/Tinos_700Bold_Italic' } as const;

/**
 * Parses of the same file: one keeps fontkit's subsetter; one gets the faster one learning its
 * constant tables from a first subset encoded by fontkit; one gets them from the build-time tables.
 */
function fonts(file: string, face: keyof typeof FONT_TABLES): { fontkit: Font; fast: Font; built: Font } {
  const parse = () => {
    const doc = new PDFDocument({ autoFirstPage: false, font: require.resolve(`@expo-google-fonts/tinos/${file}.ttf`) });
    return (doc as unknown as { _font: { font: Font } })._font.font;
  };
  const fast = parse();
  useFastSubsets(fast);
  const built = parse();
  useFastSubsets(built, FONT_TABLES[face]!.subset);
  return { fontkit: parse(), fast, built };
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('TrueType subsets', () => {
  for (const [face, file] of Object.entries(FILES) as [keyof typeof FILES, string][]) {
    it(`are the same bytes as fontkit's for ${file.split('/')[1]}, with constant tables learnt at run time or made at build time`, () => {
      const { fontkit, fast, built } = fonts(file, face);
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
