import { create } from 'qrcode/lib/core/qrcode.js';
import { describe, expect, it } from 'vitest';
import { qrPath } from '../../src/typeset/qr.js';

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
