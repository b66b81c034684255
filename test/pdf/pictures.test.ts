import { describe, it } from 'vitest';
import { hasTool, pdfOf } from './helpers.js';
import { expectCommittedLook, RENDER_SOURCES } from './renders.js';

const havePdftoppm = hasTool('pdftoppm');

const title = havePdftoppm ? 'PDF pages look like the committed renders' : 'PDF page pictures: skipped, pdftoppm not found (apt-get install poppler-utils)';

describe.skipIf(!havePdftoppm)(title, () => {
  for (const source of RENDER_SOURCES) {
    it(`${source}`, async () => expectCommittedLook(source, await pdfOf(source)));
  }
});
