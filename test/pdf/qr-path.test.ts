import { create } from 'qrcode/lib/core/qrcode.js';
import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { qrPath } from '../../src/typeset/qr.js';
import { rectilinearPath } from '../../src/export/pdf/painter.js';
import { batchPageContent, pageContent } from '../../src/export/pdf/page-content.js';

/** The QR code's path: every dark module of the encoder's matrix covered once, in few rectangles. */

describe('the QR code as one path', () => {
  for (const text of ['https://undocs.org/CTOC/COP/WG.3/2023/1', 'https://undocs.org/E/CN.15/2024/1', `https://example.org/${'x'.repeat(150)}`]) {
    it(`covers exactly the dark modules, in fewer rectangles than half of them (${text.length} characters)`, () => {
      const { path, size } = qrPath(text);
      const { modules } = create(text, { errorCorrectionLevel: 'M' });
      expect(size).toBe(modules.size);
      const covered = new Uint8Array(size * size);
      const rects = [...path.matchAll(/M(\d+) (\d+)h(\d+)v(\d+)h-(\d+)z/g)];
      expect(rects.map((m) => m[0]).join('')).toBe(path);
      for (const [, x, y, w, h, back] of rects.map((m) => m.map(Number))) {
        expect(back).toBe(w);
        for (let r = y!; r < y! + h!; r++) for (let c = x!; c < x! + w!; c++) covered[r * size + c]!++;
      }
      let dark = 0;
      for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) {
        const on = modules.get(r, c) ? 1 : 0;
        dark += on;
        expect(covered[r * size + c], `module ${r},${c}`).toBe(on);
      }
      expect(rects.length).toBeLessThan(dark / 2);
    });
  }
});

describe('a rectilinear path written without pdfkit\'s SVG path parser', () => {
  /** The page content `draw` writes on a fresh page. */
  const written = (draw: (doc: PDFDocument) => void): string => {
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.on('pageAdded', () => batchPageContent(doc.page));
    doc.addPage();
    draw(doc);
    return Buffer.from(pageContent(doc.page).take() ?? new Uint8Array()).toString('latin1');
  };
  const paths = [qrPath('https://undocs.org/CTOC/COP/WG.3/2023/1').path, qrPath(`https://example.org/${'x'.repeat(150)}`).path, 'M10 20h-3v-4h3v4zM0 0h1z', 'M5 5v2h2z'];
  for (const path of paths) {
    it(`writes the operators pdfkit writes for ${path.slice(0, 24)}…`, () => {
      const ours = written((doc) => expect(rectilinearPath(pageContent(doc.page), path)).toBe(true));
      expect(ours).toBe(written((doc) => doc.path(path)));
      expect(ours).toMatch(/ m\n/);
    });
  }
  it('leaves any other path to pdfkit, having written nothing', () => {
    for (const path of ['M0 0L5 5z', 'M0.5 0h1z', 'm0 0h1z', 'M0 0h1', 'M0 0 h1z', 'M0 0c1 1 2 2 3 3z']) {
      expect(written((doc) => expect(rectilinearPath(pageContent(doc.page), path)).toBe(false))).toBe('');
    }
  });
});
