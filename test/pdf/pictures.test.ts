import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { hasTool, pdfOf } from './helpers.js';
import { rasterize, RENDER_SOURCES, RENDERS_DIR, renderName, stemOf } from './renders.js';

const havePdftoppm = hasTool('pdftoppm');
/** Share of a page's pixels allowed to differ (anti-aliasing, poppler versions). */
const TOLERANCE = 0.002;

const title = havePdftoppm ? 'PDF pages look like the committed renders' : 'PDF page pictures: skipped, pdftoppm not found (apt-get install poppler-utils)';

describe.skipIf(!havePdftoppm)(title, () => {
  for (const source of RENDER_SOURCES) {
    it(`${source}`, async () => {
      const committed = existsSync(RENDERS_DIR) ? readdirSync(RENDERS_DIR).filter((f) => f.startsWith(`${stemOf(source)}-`)).length : 0;
      expect(committed, 'no committed renders: run npm run update-renders').toBeGreaterThan(0);
      const pages = rasterize(await pdfOf(source));
      expect(pages.length, 'page count').toBe(committed);
      pages.forEach((png, i) => {
        const actual = PNG.sync.read(png);
        const expected = PNG.sync.read(readFileSync(join(RENDERS_DIR, renderName(source, i + 1))));
        expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
        const diff = pixelmatch(actual.data, expected.data, undefined, actual.width, actual.height, { threshold: 0.1 });
        expect(diff / (actual.width * actual.height), `page ${i + 1} differs (npm run update-renders if intended)`).toBeLessThanOrEqual(TOLERANCE);
      });
    });
  }
});
