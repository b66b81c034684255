import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FILES, loadFonts, type Face } from '../../src/export/pdf/fonts.js';

const require = createRequire(import.meta.url);

/** The font as pdfkit parses it, left to fontkit alone. */
function untouched(face: Face) {
  const doc = new PDFDocument({ autoFirstPage: false, font: require.resolve(FILES[face]) });
  return (doc as unknown as { _font: { font: Record<string, unknown> & { post: Record<string, unknown> } } })._font.font;
}

describe('the fonts as loaded for the PDF', () => {
  it("give the 'post' table's header without decoding the glyph names, and the rest when asked", () => {
    const { faces } = loadFonts();
    for (const face of Object.keys(FILES) as Face[]) {
      const light = (faces[face] as unknown as { post: Record<string, unknown> }).post;
      const full = untouched(face).post;
      for (const key of ['version', 'italicAngle', 'underlinePosition', 'underlineThickness', 'isFixedPitch', 'minMemType42', 'maxMemType42', 'minMemType1', 'maxMemType1']) {
        expect(light[key], `${face} ${key}`).toEqual(full[key]);
      }
      expect((faces[face] as unknown as { italicAngle: number }).italicAngle).toBe(face.includes('talic') ? full.italicAngle : 0);
      expect(light.glyphNameIndex).toEqual(full.glyphNameIndex);
      expect(light.names).toEqual(full.names);
    }
  });
});
