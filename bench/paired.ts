/**
 * npm run bench:paired -- <other checkout>: this checkout against another one (built, with
 * its own dist/), measured in the same run, runs interleaved so that a noisy machine slows
 * both alike. Reports medians and each as a ratio to `node -e 0`:
 *   `agenda check` of the reference, a cold build of all formats of the reference, a
 *   batch of 1,000 generated meetings in all formats (workers), and 100 of them in the six
 *   languages (--languages-batch N; 0 leaves it out).
 * Use it to show that a change is no slower; `npm run bench` gives the full table.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LANGUAGES as UN_LANGUAGES } from '../dist/translate/load.js';
import { generateMeeting } from './generate.js';

const [otherArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!otherArg) {
  console.error('usage: npm run bench:paired -- <path of another built checkout> [--runs N] [--batch N] [--batch-runs N] [--languages-batch N]');
  process.exit(2);
}
const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = option('--runs', 7);
const batchSize = option('--batch', 1000);
const batchRuns = option('--batch-runs', 3);
const languagesBatch = option('--languages-batch', 100);
// The six official languages, as this checkout knows them (the other checkout is only run).
const LANGUAGES = [...UN_LANGUAGES];
const versions = { this: resolve(new URL('../', import.meta.url).pathname), other: resolve(otherArg) };
for (const root of Object.values(versions)) {
  if (!existsSync(join(root, 'dist/agenda.js'))) {
    console.error(`${root} has no dist/agenda.js: run npm run build there first`);
    process.exit(2);
  }
}

const work = mkdtempSync(join(tmpdir(), 'agenda-paired-'));
const inputs = join(work, 'in');
mkdirSync(inputs);
for (let i = 0; i < batchSize; i++) writeFileSync(join(inputs, `meeting-${String(i).padStart(5, '0')}.yaml`), generateMeeting(i));
const inputsInLanguages = join(work, 'in-languages');
mkdirSync(inputsInLanguages);
for (let i = 0; i < languagesBatch; i++) writeFileSync(join(inputsInLanguages, `meeting-${String(i).padStart(5, '0')}.yaml`), generateMeeting(i));

// Each version's reference alone, without its translations.
const REFERENCE = 'examples/ctoc-cop-wg3-2023.yaml';
for (const [name, root] of Object.entries(versions)) {
  mkdirSync(join(work, `alone-${name}`));
  copyFileSync(join(root, REFERENCE), join(work, `alone-${name}`, 'ctoc-cop-wg3-2023.yaml'));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const timed = (args: string[], cwd: string): number => {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} in ${cwd} exited ${r.status}`);
  return performance.now() - t;
};

type Name = keyof typeof versions;
const tasks: Record<string, (root: string, name: Name) => string[]> = {
  'node -e 0': () => ['-e', '0'],
  check: (root) => [join(root, 'bin/agenda.js'), 'check', join(root, REFERENCE)],
  'check, reference alone': (root, name) => [join(root, 'bin/agenda.js'), 'check', join(work, `alone-${name}`, 'ctoc-cop-wg3-2023.yaml')],
  'cold build, all formats': (root, name) => [join(root, 'bin/agenda.js'), 'build', join(root, REFERENCE), '--force', '--format', 'all', '--out', join(work, `cold-${name}`)],
};
const times: Record<string, Record<Name, number[]>> = {};
const LANGUAGES_TASK = `${languagesBatch} in ${LANGUAGES.length} languages`;
for (const task of [...Object.keys(tasks), `batch of ${batchSize}`, ...(languagesBatch ? [LANGUAGES_TASK] : [])]) times[task] = { this: [], other: [] };

for (let run = 0; run < runs; run++) {
  // Alternate which version goes first, so that neither always meets a warm or a cold cache.
  const order: Name[] = run % 2 ? ['other', 'this'] : ['this', 'other'];
  for (const [task, args] of Object.entries(tasks)) for (const name of order) times[task]![name].push(timed(args(versions[name], name), work));
}
// Batches are long: three each (--batch-runs), interleaved, each from an empty output folder (--force).
for (let run = 0; run < batchRuns; run++) {
  for (const name of run % 2 ? (['other', 'this'] as Name[]) : (['this', 'other'] as Name[])) {
    const out = join(work, `batch-${name}`);
    rmSync(out, { recursive: true, force: true });
    times[`batch of ${batchSize}`]![name].push(timed([join(versions[name], 'bin/agenda.js'), 'build', inputs, '--format', 'all', '--force', '--quiet', '--out', out], work));
    if (!languagesBatch) continue;
    // The generated meetings have no translations: their texts stay English, marked.
    rmSync(out, { recursive: true, force: true });
    times[LANGUAGES_TASK]![name].push(timed([join(versions[name], 'bin/agenda.js'), 'build', inputsInLanguages, '--format', 'all', '--force', '--quiet', '--out', out, '--lang', LANGUAGES.join(','), '--allow-untranslated'], work));
  }
}

const floor = { this: median(times['node -e 0']!.this), other: median(times['node -e 0']!.other) };
console.log(`paired benchmark: this = ${versions.this}, other = ${versions.other}; medians of ${runs} runs (batches: ${batchRuns})`);
console.log('this/other is a ratio of times: below 1, this checkout is faster');
console.log(['task'.padEnd(26), 'this'.padStart(10), 'other'.padStart(10), 'this/other'.padStart(11), '× node (this)'.padStart(14), '× node (other)'.padStart(15)].join(' '));
for (const [task, t] of Object.entries(times)) {
  const a = median(t.this);
  const b = median(t.other);
  // Batches as meetings (or, in the languages, documents) a second.
  const count = task === LANGUAGES_TASK ? languagesBatch * LANGUAGES.length : task.startsWith('batch') ? batchSize : 0;
  const show = (ms: number) => (count ? `${((count * 1000) / ms).toFixed(1)}/s` : `${ms.toFixed(0)} ms`);
  console.log([task.padEnd(26), show(a).padStart(10), show(b).padStart(10), (a / b).toFixed(2).padStart(11), (a / floor.this).toFixed(2).padStart(14), (b / floor.other).toFixed(2).padStart(15)].join(' '));
}
rmSync(work, { recursive: true, force: true });
