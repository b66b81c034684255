/**
 * The kill test: the build process killed (SIGKILL, no clean-up possible) at
 * moments spread over a large PDF build leaves, at the output's path, either the
 * previous file or the complete new one, byte for byte; never a truncated file.
 * The same holds for the input under `check --fix`. The moments are seeded, so a
 * failure can be replayed.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument } from 'yaml';
import { random } from '../../bench/generate.js';
import { repoRoot } from '../helpers/reference.js';

const bin = join(repoRoot, 'bin/agenda.js');
/** Kills per test: even ones spread over the run, odd ones while writing. `npm run fuzz` makes more. */
const KILL_RUNS = Number(process.env.KILL_RUNS ?? 2);
const work = mkdtempSync(join(tmpdir(), 'agenda-kill-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The reference agenda with every annotation repeated `times` times: a PDF of many pages. */
function largeDefinition(times: number, marker: string): string {
  const doc = parseDocument(readFileSync(join(repoRoot, 'examples/ctoc-cop-wg3-2023.yaml'), 'utf8'));
  const visit = (list: unknown) => {
    if (!isSeq(list)) return;
    for (const item of list.items) {
      if (!isMap(item)) continue;
      const annotation = item.get('annotation');
      if (typeof annotation === 'string') item.set('annotation', `${marker}\n\n${Array.from({ length: times }, () => annotation.trim()).join('\n\n')}\n`);
      visit(item.get('items'));
    }
  };
  visit(doc.get('items'));
  return doc.toString();
}

/**
 * Runs the CLI; kills it after `kill.afterMs`, or `kill.afterMs` after the first
 * file appears or changes in `kill.onWriteIn` (that is, while it writes).
 */
function run(args: string[], kill?: { afterMs: number; onWriteIn?: string }): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn('node', [bin, ...args], { stdio: 'ignore' });
    let timer: NodeJS.Timeout | undefined;
    const arm = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), kill!.afterMs));
    const watcher = kill?.onWriteIn ? watch(kill.onWriteIn, arm) : undefined;
    if (kill && !watcher) arm();
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      watcher?.close();
      done({ code, signal, ms: performance.now() - started });
    });
  });
}

describe('a build killed at any moment', () => {
  let oldPdf: Buffer;
  let newPdf: Buffer;
  let fullMs: number;
  const input = join(work, 'in', 'meeting.yaml');
  const out = join(work, 'out');

  beforeAll(async () => {
    mkdirSync(join(work, 'in'), { recursive: true });
    writeFileSync(input, largeDefinition(12, 'First version.'));
    expect((await run(['build', input, '--format', 'pdf', '--out', join(work, 'old'), '--allow-errors'])).code).not.toBeNull();
    oldPdf = readFileSync(join(work, 'old', 'meeting.pdf'));
    writeFileSync(input, largeDefinition(12, 'Second version.'));
    const full = await run(['build', input, '--format', 'pdf', '--out', join(work, 'new'), '--allow-errors']);
    fullMs = full.ms;
    newPdf = readFileSync(join(work, 'new', 'meeting.pdf'));
    expect(newPdf.equals(oldPdf)).toBe(false);
    expect(newPdf.length).toBeGreaterThan(100_000);
  }, 60_000);

  it('leaves the old PDF or the new one, never a broken one', async () => {
    const rnd = random(7);
    const seen = { old: 0, new: 0 };
    for (let i = 0; i < KILL_RUNS; i++) {
      mkdirSync(out, { recursive: true });
      copyFileSync(join(work, 'old', 'meeting.pdf'), join(out, 'meeting.pdf'));
      rmSync(join(out, '.agenda-manifest.json'), { force: true });
      // Even attempts: a moment spread over the whole run. Odd ones: a few milliseconds
      // after the first file is created in the output folder, i.e. while writing.
      const kill = i % 2 === 0 ? { afterMs: fullMs * ((i + rnd()) / KILL_RUNS) } : { afterMs: rnd() * 4, onWriteIn: out };
      await run(['build', input, '--format', 'pdf', '--out', out, '--allow-errors'], kill);
      const now = readFileSync(join(out, 'meeting.pdf'));
      const state = now.equals(oldPdf) ? 'old' : now.equals(newPdf) ? 'new' : 'broken';
      expect(state, `killed ${JSON.stringify(kill)} (a whole build takes ${fullMs.toFixed(0)} ms)`).not.toBe('broken');
      seen[state]++;
    }
    expect(seen.old + seen.new).toBe(KILL_RUNS);
  }, 120_000);

  it('and a later build clears the temporary files a killed one left behind', async () => {
    writeFileSync(join(out, `.meeting.pdf.999999.0badc0de.tmp`), 'partial');
    expect((await run(['build', input, '--format', 'pdf', '--out', out, '--allow-errors', '--force'])).code).not.toBeNull();
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(join(out, 'meeting.pdf')).equals(newPdf)).toBe(true);
  }, 60_000);
});

describe('check --fix killed at any moment', () => {
  it('leaves the input as it was or as fixed, never half-written', async () => {
    const file = join(work, 'fix.yaml');
    const original = largeDefinition(6, 'Some 70 percent of States.');
    writeFileSync(file, original);
    const fixedCopy = join(work, 'fixed.yaml');
    writeFileSync(fixedCopy, original);
    const full = await run(['check', fixedCopy, '--fix']);
    const fixed = readFileSync(fixedCopy, 'utf8');
    expect(fixed).not.toBe(original);
    expect(fixed).toContain('70 per cent');
    const rnd = random(11);
    for (let i = 0; i < KILL_RUNS; i++) {
      writeFileSync(file, original);
      await run(['check', file, '--fix'], i % 2 === 0 ? { afterMs: full.ms * ((i + rnd()) / KILL_RUNS) } : { afterMs: rnd() * 2, onWriteIn: work });
      const now = readFileSync(file, 'utf8');
      expect([original, fixed].includes(now), `attempt ${i}`).toBe(true);
    }
  }, 60_000);
});
