import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool } from '../pdf/helpers.js';
import { chromiumMissing, hasChromium, htmlOf, launchBrowser, pageFile } from './helpers.js';
import { difference, HTML_RENDER_SOURCE, HTML_RENDERS_DIR, HTML_TOLERANCE, printName, printPictures, screenPicture, SCREENS } from './renders.js';

const ready = hasChromium && hasTool('pdftoppm');
const title = ready ? 'the HTML page looks like the committed pictures, on a desktop, on a phone and printed' : `HTML pictures: ${hasChromium ? 'skipped, pdftoppm not found (apt-get install poppler-utils)' : chromiumMissing}`;
const committed = (name: string) => {
  const file = join(HTML_RENDERS_DIR, name);
  expect(existsSync(file), `${name} is not committed: run npm run update-renders:html`).toBe(true);
  return readFileSync(file);
};

const printedCount = () => readdirSync(HTML_RENDERS_DIR).filter((f) => f.startsWith('print-')).length;

describe.skipIf(!ready)(title, () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    // Past the page's policy, which allows its own style sheet only: the last test adds one.
    page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(pageFile(htmlOf(HTML_RENDER_SOURCE)).url);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(SCREENS.map((s) => [s.name, s] as const))('%s', async (name, screen) => {
    expect(difference(await screenPicture(page, screen), committed(name)), `${name} differs (npm run update-renders:html if intended)`).toBeLessThanOrEqual(HTML_TOLERANCE);
  });

  it('printed: every page', async () => {
    const pages = await printPictures(page);
    expect(pages.length, 'printed pages').toBe(printedCount());
    pages.forEach((png, i) => expect(difference(png, committed(printName(i + 1))), `printed page ${i + 1} differs (npm run update-renders:html if intended)`).toBeLessThanOrEqual(HTML_TOLERANCE));
  });

  // The tolerance catches a change of layout: the right-hand column of the masthead (three
  // short lines) moved by 10 pixels on screen, the annex table on the last printed page.
  it('fails when a block of the page moves by 10 pixels', async () => {
    await page.addStyleTag({ content: '.distribution { position: relative; inset-inline-start: 10px; } @media print { .annex table { position: relative; inset-block-start: 10px; } }' });
    try {
      const moved = await screenPicture(page, SCREENS[0]);
      expect(difference(moved, committed(SCREENS[0].name))).toBeGreaterThan(HTML_TOLERANCE * 2);
      const last = printedCount();
      const [annex] = await printPictures(page, last);
      expect(difference(annex!, committed(printName(last)))).toBeGreaterThan(HTML_TOLERANCE * 2);
    } finally {
      await page.reload();
    }
  });
});
