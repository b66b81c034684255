// Regenerates the committed page pictures the picture test compares against:
// npm run update-renders (needs pdftoppm from poppler-utils). Look at them before committing.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPdf } from '../../src/export/pdf/index.js';
import { modelOf } from './helpers.js';
import { rasterize, RENDER_SOURCES, RENDERS_DIR, renderName, SCRIPT_RENDER_SOURCES, stemOf } from './renders.js';

mkdirSync(RENDERS_DIR, { recursive: true });
for (const source of [...RENDER_SOURCES, ...SCRIPT_RENDER_SOURCES]) {
  for (const old of readdirSync(RENDERS_DIR).filter((f) => f.startsWith(`${stemOf(source)}-`))) rmSync(join(RENDERS_DIR, old));
  const pages = rasterize(await renderPdf(modelOf(source)));
  pages.forEach((png, i) => writeFileSync(join(RENDERS_DIR, renderName(source, i + 1)), png));
  console.log(`${source}: ${pages.length} pages -> ${RENDERS_DIR}`);
}
