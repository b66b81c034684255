// The committed pictures of the HTML page, in Chromium: a desktop's first screen, a phone's
// first screen and its annex, and every printed page. Taken by `npm run update-renders` (with
// the PDF's) and compared by pictures.test.ts. No vitest imports: the update script runs alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { repoRoot } from '../helpers/reference.js';

/** The reference: it has every part of the page (masthead, list, annotations, notes, the annex table). */
export const HTML_RENDER_SOURCE = 'ctoc-cop-wg3-2023.yaml';
export const HTML_RENDERS_DIR = resolve(repoRoot, 'test/fixtures/html-renders');
/** Printed pages at the PDF renders' resolution (test/pdf/renders.ts). */
export const PRINT_RESOLUTION = 50;

/**
 * Share of a picture's pixels allowed to differ, anti-aliased pixels aside: 0.025 per cent
 * (about 290 of a desktop's first screen). Renders on one machine are identical; this absorbs
 * stray pixels between builds of the same browser with the same fonts, and is under half of
 * what moving the masthead's right-hand column (three short lines) by 10 pixels changes
 * (pictures.test.ts proves it).
 */
export const HTML_TOLERANCE = 0.00025;

/** The screens: viewport, and what of the page is taken. */
export const SCREENS = [
  { name: 'desktop-1280.png', width: 1280, height: 900 },
  { name: 'phone-390.png', width: 390, height: 844 },
  { name: 'phone-390-annex.png', width: 390, height: 844, element: '.annex' },
] as const;
export type Screen = (typeof SCREENS)[number];

export const printName = (n: number) => `print-${String(n).padStart(2, '0')}.png`;

/** The picture of one screen of the page open in `page` (light scheme, on screen). */
export async function screenPicture(page: Page, screen: Screen): Promise<Buffer> {
  await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
  await page.setViewportSize({ width: screen.width, height: screen.height });
  if ('element' in screen) return page.locator(screen.element).screenshot();
  // The first screen, wherever an earlier picture left the page scrolled.
  await page.evaluate(() => window.scrollTo(0, 0));
  return page.screenshot();
}

/** The printed pages of the page open in `page` (all, or from `first` on), as Chromium prints it to A4, rasterized by pdftoppm in grey. */
export async function printPictures(page: Page, first = 1): Promise<Buffer[]> {
  // Without media emulation: a page shown as on screen would print with the screen's styles.
  await page.emulateMedia({ media: null, colorScheme: 'light' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const dir = mkdtempSync(join(tmpdir(), 'agenda-html-print-'));
  writeFileSync(join(dir, 'page.pdf'), pdf);
  execFileSync('pdftoppm', ['-png', '-gray', '-r', String(PRINT_RESOLUTION), '-f', String(first), join(dir, 'page.pdf'), join(dir, 'p')]);
  return readdirSync(dir)
    .filter((f) => f.startsWith('p-') && f.endsWith('.png'))
    .sort((a, b) => Number(/(\d+)\.png$/.exec(a)![1]) - Number(/(\d+)\.png$/.exec(b)![1]))
    .map((f) => readFileSync(join(dir, f)));
}

/** The share of pixels that differ between two pictures of one size (pixelmatch, anti-aliased pixels ignored); 1 when the sizes differ. */
export function difference(actual: Buffer, expected: Buffer): number {
  const a = PNG.sync.read(actual);
  const e = PNG.sync.read(expected);
  if (a.width !== e.width || a.height !== e.height) return 1;
  return pixelmatch(a.data, e.data, undefined, a.width, a.height, { threshold: 0.1 }) / (a.width * a.height);
}
