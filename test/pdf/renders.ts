import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
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
