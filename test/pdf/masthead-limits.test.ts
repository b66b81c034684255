/**
 * The masthead is the first page's fixed head and is never continued: a text that makes
 * it taller than the first page, or a symbol too wide for its place, stops the build
 * with an error at the YAML value it comes from (exit code 1, no file written).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/core/formats.js';
import { PAGE } from '../../src/typeset/geometry.js';
import { renderPdf } from '../../src/export/pdf/index.js';
import { renderAll } from '../../src/core/render-all.js';
import { compileYaml, MINIMAL } from '../helpers/compile.js';
import { repoRoot } from '../helpers/reference.js';
import { readPdf, wordsOf } from './helpers.js';

/** About 18 KB of words. */
const LONG = Array.from({ length: 3000 }, (_, k) => `word${k}`).join(' ');

async function pdfOutcome(yaml: string) {
  const r = compileYaml(yaml);
  expect(r.model, JSON.stringify(r.diagnostics)).toBeDefined();
  return renderAll(r.model!, [FORMATS.pdf!], 'meeting.yaml', r.loaded.locator);
}

describe('masthead text that cannot fit on the first page', () => {
  it.each([
    ['venue', MINIMAL.replace('venue: New York', `venue: ${LONG}`), 6, 10, 'the venue'],
    ['body', MINIMAL.replace('body: Ad Hoc Committee on Example Matters', `body: ${LONG}`), 4, 7, "the body's name"],
    ['body under a parent body', MINIMAL.replace('body: Ad Hoc Committee on Example Matters', `parent_body: Commission on Example Matters\nbody: ${LONG}`), 5, 7, "the body's name"],
    ['parent body', MINIMAL.replace('body: Ad Hoc Committee on Example Matters', `parent_body: ${LONG}\nbody: Working Group`), 4, 14, "the parent body's name"],
    ['organ', MINIMAL.replace('body: Ad Hoc Committee on Example Matters', `organ: ${LONG}\nbody: Working Group`), 4, 8, "the organ's name"],
    ['parent body under an organ', MINIMAL.replace('body: Ad Hoc Committee on Example Matters', `organ: General Assembly\nparent_body: ${LONG}\nbody: Working Group`), 5, 14, "the parent body's name"],
  ])('a %s of 18 KB is an error at its value', async (_, yaml, line, column, what) => {
    const outcome = await pdfOutcome(yaml);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.diagnostic).toMatchObject({ code: 'masthead-too-long', severity: 'error', line, column });
    expect(outcome.diagnostic.message).toContain(`the masthead does not fit on the first page: ${what} takes`);
  });

  it('a venue of a few lines still builds', async () => {
    const outcome = await pdfOutcome(MINIMAL.replace('venue: New York', `venue: ${LONG.slice(0, 1000)}`));
    expect(outcome.ok).toBe(true);
  });

  it('a document symbol too wide for the masthead is an error at its value, not a cut word', async () => {
    const outcome = await pdfOutcome(MINIMAL.replace('symbol: A/AC.999/2025/1', `symbol: A/AC.999/2025/1${'/Add.1'.repeat(25)}`));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.diagnostic).toMatchObject({ code: 'symbol-too-wide', line: 2, column: 11 });
  });

  it('wraps a long "... only" line of languages in the right column instead of running off the page', async () => {
    const r = compileYaml(MINIMAL.replace('  date: 2025-01-10', '  date: 2025-01-10\n  languages: [ar, zh, en, fr, ru]'));
    const [first] = await readPdf(await renderPdf(r.model!));
    for (const run of first!.runs) expect(run.x + run.width, run.str).toBeLessThanOrEqual(PAGE.right + 0.5);
    expect(wordsOf(first!.runs).join(' ')).toContain('Arabic, Chinese, English, French and Russian only');
  });

  it('agenda build exits 1 and writes no PDF', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-masthead-'));
    try {
      writeFileSync(join(dir, 'm.yaml'), MINIMAL.replace('venue: New York', `venue: ${LONG}`));
      let status = 0;
      let stderr = '';
      try {
        execFileSync(process.execPath, [resolve(repoRoot, 'bin/agenda.js'), 'build', join(dir, 'm.yaml'), '--format', 'pdf', '--out', join(dir, 'out')], { stdio: 'pipe' });
      } catch (e) {
        const err = e as { status: number; stderr: Buffer };
        status = err.status;
        stderr = err.stderr.toString();
      }
      expect(status).toBe(1);
      expect(stderr).toMatch(/m\.yaml:6:10: error pdf: the masthead does not fit on the first page/);
      expect(existsSync(join(dir, 'out', 'm.pdf'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
