import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import { repoRoot } from '../helpers/reference.js';

/** The definitions whose page pictures are committed, and where they live. */
export const RENDER_SOURCES = ['examples/ctoc-cop-wg3-2023.yaml', 'test/fixtures/long-meeting.yaml'];
/** Definitions in the scripts of other fonts (Arabic: Amiri, mirrored page; Chinese: Noto Serif CJK, found installed or not). */
export const SCRIPT_RENDER_SOURCES = ['test/fixtures/scripts/meeting.ar.yaml', 'test/fixtures/scripts/meeting.zh.yaml'];
export const RENDERS_DIR = resolve(repoRoot, 'test/fixtures/pdf-renders');
/** Low resolution: enough to see the layout, small enough to commit and compare quickly. */
export const RESOLUTION = 50;

export const stemOf = (source: string) => basename(source, '.yaml');
/** The committed picture of page `n` (1-based). */
export const renderName = (source: string, n: number) => `${stemOf(source)}-${String(n).padStart(2, '0')}.png`;

/** Page pictures of a PDF as PNG files' bytes, first page first (pdftoppm). */
export function rasterize(pdf: Uint8Array): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'agenda-render-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-gray', '-r', String(RESOLUTION), file, join(dir, 'page')]);
  return readdirSync(dir)
    .filter((f) => f.startsWith('page') && f.endsWith('.png'))
    .sort((a, b) => Number(/(\d+)\.png$/.exec(a)![1]) - Number(/(\d+)\.png$/.exec(b)![1]))
    .map((f) => readFileSync(join(dir, f)));
}

/** Share of a page's pixels allowed to differ (anti-aliasing, poppler versions). */
export const TOLERANCE = 0.002;

/** Expects the PDF's pages to look like the committed pictures of `source`, page by page. */
export function expectCommittedLook(source: string, pdf: Uint8Array): void {
  const committed = existsSync(RENDERS_DIR) ? readdirSync(RENDERS_DIR).filter((f) => f.startsWith(`${stemOf(source)}-`)).length : 0;
  expect(committed, 'no committed renders: run npm run update-renders').toBeGreaterThan(0);
  const pages = rasterize(pdf);
  expect(pages.length, 'page count').toBe(committed);
  pages.forEach((png, i) => {
    const actual = PNG.sync.read(png);
    const expected = PNG.sync.read(readFileSync(join(RENDERS_DIR, renderName(source, i + 1))));
    expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
    const diff = pixelmatch(actual.data, expected.data, undefined, actual.width, actual.height, { threshold: 0.1 });
    expect(diff / (actual.width * actual.height), `page ${i + 1} differs (npm run update-renders if intended)`).toBeLessThanOrEqual(TOLERANCE);
  });
}
