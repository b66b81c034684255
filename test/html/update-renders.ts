// Regenerates the committed pictures of the HTML page that pictures.test.ts compares against:
// npm run update-renders (with the PDF's), or npm run update-renders:html. Needs Chromium (see
// chromium.ts) and pdftoppm (poppler-utils). Look at them before committing.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { renderHtml } from '../../src/render/html/index.js';
import { modelOf } from '../pdf/helpers.js';
import { launchOptions } from './chromium.js';
import { HTML_RENDER_SOURCE, HTML_RENDERS_DIR, printName, printPictures, screenPicture, SCREENS } from './renders.js';
import { pageFile } from './page-file.js';

mkdirSync(HTML_RENDERS_DIR, { recursive: true });
for (const old of readdirSync(HTML_RENDERS_DIR).filter((f) => f.endsWith('.png'))) rmSync(join(HTML_RENDERS_DIR, old));
const browser = await chromium.launch(launchOptions);
try {
  const page = await browser.newPage();
  await page.goto(pageFile(renderHtml(modelOf(`examples/${HTML_RENDER_SOURCE}`))).url);
  for (const screen of SCREENS) writeFileSync(join(HTML_RENDERS_DIR, screen.name), await screenPicture(page, screen));
  const printed = await printPictures(page);
  printed.forEach((png, i) => writeFileSync(join(HTML_RENDERS_DIR, printName(i + 1)), png));
  console.log(`${HTML_RENDER_SOURCE}: ${SCREENS.length} screens and ${printed.length} printed pages -> ${HTML_RENDERS_DIR}`);
} finally {
  await browser.close();
}
