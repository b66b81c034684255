/**
 * npm run bench: speed and memory of agenda, measured, never asserted in tests.
 *   1. cold CLI runs on the reference example: check, each format, all formats;
 *   2. `agenda build` (worker processes, all formats) of 10, 100 and 1,000 generated
 *      meetings (--large adds 10,000), the no-change rebuild, the peak memory of the
 *      build's processes (proportional and resident), and how fast a batch of 1,000 goes
 *      at its start and at its end;
 *   3. what a user would use instead, on equivalent sources, when installed:
 *      pandoc (HTML; PDF through wkhtmltopdf or pdflatex) and the Typst compiler for
 *      Node (npm i --no-save @myriaddreamin/typst-ts-node-compiler).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
// The bundle the CLI runs (scripts/bundle.js).
import { SHARED_BELOW } from '../dist/batch/pool.js';
import { compileSource } from '../dist/pipeline.js';
import { FORMAT_NAMES, parseFormats } from '../dist/core/formats.js';
import { LANGUAGES } from '../dist/translate/load.js';
import { generateMeeting } from './generate.js';
import { typstSource } from './typst-source.js';

/** The publishing formats (`--format all`: Markdown, HTML, PDF), which the figures are of; `every` adds the exchange formats. */
const PUBLISHING = parseFormats('all').formats.map((f) => f.name);
const EXCHANGE = FORMAT_NAMES.filter((f) => !PUBLISHING.includes(f));
const root = new URL('../', import.meta.url).pathname;
const reference = join(root, 'examples/ctoc-cop-wg3-2023.yaml');
const cli = join(root, 'bin/agenda.js');
const work = mkdtempSync(join(tmpdir(), 'agenda-bench-'));
const rows: [string, string][] = [];
const figures: Record<string, number> = {};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function timeCommand(cmd: string, args: string[], runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
    times.push(performance.now() - t);
  }
  return median(times);
}
const record = (label: string, key: string, value: number, unit: string, digits = 0) => {
  figures[key] = value;
  rows.push([label, `${value.toFixed(digits)} ${unit}`]);
};

// 1. Cold start.
record('node -e 0 (the floor)', 'node', timeCommand('node', ['-e', '0']), 'ms');
record('agenda check, reference example', 'check', timeCommand('node', [cli, 'check', reference]), 'ms');
// --force: a single build is incremental too, and the runs after the first would find the outputs up to date.
for (const f of FORMAT_NAMES) record(`agenda build --format ${f}, reference`, `cold-${f}`, timeCommand('node', [cli, 'build', reference, '--force', '--format', f, '--out', work]), 'ms');
record(`agenda build --format all (${PUBLISHING.join(',')}), reference`, 'cold-all', timeCommand('node', [cli, 'build', reference, '--force', '--format', 'all', '--out', work]), 'ms');
if (EXCHANGE.length) record(`agenda build --format every (${FORMAT_NAMES.join(',')}), reference`, 'cold-every', timeCommand('node', [cli, 'build', reference, '--force', '--format', 'every', '--out', work]), 'ms');
// Every language the reference has a translation for, beside it (examples/ctoc-cop-wg3-2023.fr.yaml ...).
const versions = ['en', ...LANGUAGES.filter((l) => l !== 'en' && existsSync(reference.replace(/\.yaml$/, `.${l}.yaml`)))];
if (versions.length > 1) {
  record(`agenda build --format all --lang ${versions.join(',')}, reference`, 'cold-languages', timeCommand('node', [cli, 'build', reference, '--force', '--lang', versions.join(','), '--format', 'all', '--out', work]), 'ms');
  figures['languages'] = versions.length;
}

// 1b. `agenda check --fix` of one large definition (2,000 items, three fixes each), against
// `agenda check` of it: with every fix of a pass applied at once, --fix costs a check per pass
// plus the first one (here 2 checks), not a check or a copy of the file per fix.
const fixable = join(work, 'fixable.yaml');
const fixableText = [
  'document:\n  symbol: CTOC/COP/WG.3/2023/1\n  date: 2023-06-14',
  'parent_body: Conference of the Parties to the United Nations Convention against Transnational Organized Crime\nbody: Working Group on International Cooperation',
  'meeting:\n  kind: meeting\n  number: 14\n  venue: Vienna\n  dates: [2023-09-11, 2023-09-12]',
  'items:\n  - id: organizational\n    title: Organizational matters\n    items:\n      - id: opening\n        title: Opening of the meeting\n      - id: adoption\n        title: Adoption of the agenda and organization of work',
].join('\n') + Array.from({ length: 2000 }, (_, i) => `\n  - id: x${i}\n    title: Topic ${i}\n    annotation: It resumes at 10:00 with 70 percent of the reviews, see paragraph 1(a).`).join('') + '\n  - id: other\n    title: Other matters\n  - id: report\n    title: Adoption of the report\n';
/** Median time of `agenda <args>` on a fresh copy of the definition; exit 1 (problems found) is expected. */
const timeOnFixable = (args: string[]) => {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    writeFileSync(fixable, fixableText); // each --fix run has the 6,000 fixes to make
    const t = performance.now();
    const r = spawnSync('node', [cli, ...args, fixable], { stdio: 'ignore' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`agenda ${args.join(' ')} exited ${r.status}`);
    times.push(performance.now() - t);
  }
  return median(times);
};
const checkLarge = timeOnFixable(['check']);
const fixLarge = timeOnFixable(['check', '--fix']);
record('agenda check, 2,000 items', 'check-2000', checkLarge, 'ms');
record('agenda check --fix, 2,000 items, 6,000 fixes', 'fix-2000', fixLarge, 'ms');

// 2. Batches, through the CLI as a user runs it, its process tree's memory sampled meanwhile.
const sizes = process.argv.includes('--large') ? [10, 100, 1000, 10000] : [10, 100, 1000];

/** The processes of a tree: the CLI and its worker processes (Linux /proc; elsewhere none). */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // gone, or no /proc
  }
  return [pid, ...children.flatMap(processTree)];
}
const procKb = (path: string, field: RegExp): number => {
  try {
    return Number(field.exec(readFileSync(path, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0; // a worker that ended between the two reads
  }
};

interface TreeRun {
  summary: { built: number; skipped: number; failed: number; seconds: number; workers: number };
  /** Peak of the sum of resident memory over the tree: pages shared between processes (Node's own code) counted once per process. */
  rss: number;
  /** Peak of the sum of proportional memory (PSS): shared pages divided among the processes that share them, what the tree takes from the machine. */
  pss: number;
}

/**
 * Runs `agenda build … --json` and samples its tree: resident memory every 25 ms (a cheap
 * counter), proportional memory every 250 ms (smaps_rollup walks the memory map: sampled
 * often, it slows the build it measures). Without `memory` (a run whose memory is not
 * reported) nothing is sampled: the sampling takes CPU from the build on two cores.
 */
function buildTree(args: string[], { memory = true }: { memory?: boolean } = {}): Promise<TreeRun> {
  return new Promise((resolveRun, rejectRun) => {
    const child = spawn('node', [cli, 'build', ...args, '--json', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    let rss = 0;
    let pss = 0;
    let tick = 0;
    const sample = () => {
      const tree = processTree(child.pid!);
      rss = Math.max(rss, tree.reduce((sum, pid) => sum + procKb(`/proc/${pid}/status`, /VmRSS:\s+(\d+)/), 0) * 1024);
      if (tick++ % 10 === 0) pss = Math.max(pss, tree.reduce((sum, pid) => sum + procKb(`/proc/${pid}/smaps_rollup`, /^Pss:\s+(\d+)/m), 0) * 1024);
    };
    const sampler = memory ? setInterval(sample, 25) : undefined;
    child.on('error', (err) => {
      clearInterval(sampler);
      rejectRun(err);
    });
    // 'close', not 'exit': the summary on stdout may still be arriving when the process exits.
    child.on('close', (code) => {
      clearInterval(sampler);
      if (code !== 0) return rejectRun(new Error(`agenda build ${args.join(' ')} exited ${code}`));
      resolveRun({ summary: JSON.parse(out), rss, pss });
    });
  });
}

/**
 * When each file of a rebuild (--force) was done, from the progress lines: how fast a batch
 * goes at its start and at its end. Workers speed up over hundreds of meetings, as V8
 * optimizes code that runs once per meeting: the gap between a batch's rate and its
 * steady rate.
 */
function doneTimes(args: string[]): Promise<number[]> {
  return new Promise((resolveRun, rejectRun) => {
    const started = performance.now();
    const child = spawn('node', [cli, 'build', ...args, '--force'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const times: number[] = [];
    let pending = '';
    child.stderr.on('data', (d: Buffer) => {
      const lines = (pending + d.toString()).split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (/^\[\d+\/\d+\]/.test(line)) times.push((performance.now() - started) / 1000);
    });
    child.on('error', rejectRun);
    child.on('close', (code) => (code === 0 ? resolveRun(times) : rejectRun(new Error(`agenda build ${args.join(' ')} exited ${code}`))));
  });
}

const MB = 1024 * 1024;
const archives = new Map<number, string[]>();
for (const n of sizes) {
  const dir = join(work, `archive-${n}`, 'in');
  mkdirSync(dir, { recursive: true });
  const files = Array.from({ length: n }, (_, i) => {
    const file = join(dir, `meeting-${String(i).padStart(5, '0')}.yaml`);
    writeFileSync(file, generateMeeting(i));
    return file;
  });
  archives.set(n, files);
  const args = [dir, '--format', 'all', '--out', join(work, `archive-${n}`, 'out')];
  const first = await buildTree(args);
  if (first.summary.built !== n) throw new Error(`${n - first.summary.built} generated meetings were not built`);
  // From SHARED_BELOW definitions on, the main process only hands out work to its workers.
  const builders = !first.summary.workers ? 'main process' : `${n < SHARED_BELOW ? 'main process and ' : ''}${first.summary.workers} worker process${first.summary.workers === 1 ? '' : 'es'}`;
  record(`batch of ${n}, ${PUBLISHING.length} formats each, ${builders}`, `batch-${n}`, n / first.summary.seconds, `meetings/s (${first.summary.seconds.toFixed(2)} s)`, 1);
  record(`peak memory of the build of ${n}, proportional (PSS), main process and workers`, `pss-${n}`, first.pss / MB, 'MB');
  record(`peak memory of the build of ${n}, resident (RSS) summed over the processes`, `rss-${n}`, first.rss / MB, 'MB');
  const again = await buildTree(args, { memory: false });
  record(`no-change rebuild of ${n}`, `nochange-${n}`, again.summary.seconds * 1000, 'ms');
  if (n === 1000) {
    const t = await doneTimes(args);
    const rate = (from: number, to: number) => (to - from) / (t[to - 1]! - t[from - 1]!);
    rows.push([`batch of 1,000 again: meetings/s from the 10th to the 100th / to the 500th / to the last`, `${rate(10, 100).toFixed(1)} / ${rate(100, 500).toFixed(1)} / ${rate(500, 1000).toFixed(1)}`]);
    figures['ramp-1000-start'] = rate(10, 100);
    figures['ramp-1000-end'] = rate(500, 1000);
    if (EXCHANGE.length) {
      const every = await buildTree([dir, '--format', 'every', '--out', join(work, `archive-${n}`, 'every')], { memory: false });
      record(`batch of ${n}, every format (${FORMAT_NAMES.join(', ')})`, `batch-${n}-every`, n / every.summary.seconds, `meetings/s (${every.summary.seconds.toFixed(2)} s)`, 1);
    }
  }
}

// A batch across languages: each generated meeting of the batch of 100 in the six official
// languages (the generated meetings have no translations: their texts stay English, marked).
if (archives.has(100)) {
  const dir = join(work, 'archive-100', 'in');
  const languages = LANGUAGES;
  const run = await buildTree([dir, '--format', 'all', '--out', join(work, 'archive-100', 'languages'), '--lang', languages.join(','), '--allow-untranslated'], { memory: false });
  const documents = run.summary.built * languages.length;
  record(`batch of 100 meetings in ${languages.length} languages, ${PUBLISHING.length} formats each`, 'batch-languages', documents / run.summary.seconds, `documents/s (${run.summary.seconds.toFixed(2)} s)`, 1);
}

// 3. Alternatives.
const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const md = join(work, 'ctoc-cop-wg3-2023.md');
spawnSync('node', [cli, 'build', reference, '--format', 'md', '--out', work]);
if (have('pandoc')) {
  record('pandoc Markdown → HTML, reference', 'pandoc-html', timeCommand('pandoc', [md, '-s', '--metadata', 'title=Agenda', '-o', join(work, 'p.html')]), 'ms');
  for (const engine of ['wkhtmltopdf', 'pdflatex']) {
    if (have(engine)) record(`pandoc Markdown → PDF via ${engine}, reference`, `pandoc-pdf-${engine}`, timeCommand('pandoc', [md, '--metadata', 'title=Agenda', `--pdf-engine=${engine}`, '-o', join(work, 'p.pdf')], 3), 'ms');
    else rows.push([`pandoc → PDF via ${engine}`, 'skipped: not installed']);
  }
} else rows.push(['pandoc', 'skipped: not installed (apt-get install pandoc wkhtmltopdf)']);

try {
  const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
  // A cold process compiling one document, as a user runs it: the anchor of a cold PDF.
  const one = join(work, 'typst-one.mjs');
  const entry = pathToFileURL(createRequire(import.meta.url).resolve('@myriaddreamin/typst-ts-node-compiler')).href;
  writeFileSync(one, `import { NodeCompiler } from ${JSON.stringify(entry)};\nimport { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(join(work, 'typst-one.pdf'))}, NodeCompiler.create().pdf({ mainFileContent: ${JSON.stringify(typstSource(compileSource(reference, readFileSync(reference, 'utf8')).model!))} }));\n`);
  record('Typst compiler for Node, cold process, one PDF (the reference)', 'typst-cold', timeCommand('node', [one], 3), 'ms');
  const compiler = NodeCompiler.create();
  const n = Math.min(1000, sizes[sizes.length - 1]!);
  const sources = archives.get(n)!.map((f) => typstSource(compileSource(f, readFileSync(f, 'utf8')).model!));
  compiler.pdf({ mainFileContent: sources[0]! }); // warm-up: fonts
  const t = performance.now();
  for (const src of sources) {
    compiler.pdf({ mainFileContent: src });
    compiler.evictCache(10);
  }
  const seconds = (performance.now() - t) / 1000;
  record(`Typst compiler for Node, ${n} equivalent PDFs, one thread`, 'typst', n / seconds, `PDFs/s (${seconds.toFixed(2)} s)`, 1);
} catch (err) {
  rows.push(['Typst compiler for Node', `skipped: ${(err as Error).message.split('\n')[0]} (npm i --no-save @myriaddreamin/typst-ts-node-compiler)`]);
}

// Ratios against the targets and the alternatives.
const ratio = (a: string, b: string) => (figures[a] && figures[b] ? `${(figures[a]! / figures[b]!).toFixed(2)}×` : 'n/a');
rows.push(['agenda batch (1,000) / Typst PDFs per second', ratio('batch-1000', 'typst')]);
rows.push(['agenda check --fix / agenda check, 2,000 items (two checks and a write: about 2)', ratio('fix-2000', 'check-2000')]);
rows.push(['pandoc PDF (wkhtmltopdf) time / agenda cold build, all formats', ratio('pandoc-pdf-wkhtmltopdf', 'cold-all')]);
// Worker start-up is a fixed cost that dominates a batch of 10; compare 100 and the largest batch.
const largest = sizes[sizes.length - 1]!;
rows.push([`time per meeting, ${largest} vs 100 (1.00 = linear)`, ratio('batch-100', `batch-${largest}`)]);

// The targets, each as a ratio to its anchor measured in this run.
const targets: [string, string, number | undefined, string][] = [];
const target = (label: string, value: number | undefined, goal: string, met: (v: number) => boolean) => targets.push([label, value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(2), value, `${goal}${value === undefined || Number.isNaN(value) ? '' : met(value) ? '  met' : '  not met'}`]);
const over = (a: string, b: string) => (figures[a] && figures[b] ? figures[a]! / figures[b]! : undefined);
target('check / node -e 0', over('check', 'node'), '≤ 1.8', (v) => v <= 1.8);
target('cold build, all formats / node -e 0', over('cold-all', 'node'), '≤ 3', (v) => v <= 3);
target('cold build, all formats / pandoc → wkhtmltopdf', over('cold-all', 'pandoc-pdf-wkhtmltopdf'), '≤ 0.5', (v) => v <= 0.5);
target('cold PDF / Typst for Node, cold, one PDF', over('cold-pdf', 'typst-cold'), '≤ 1.5', (v) => v <= 1.5);
target('batch of 10, meetings/s', figures['batch-10'], '≥ 40', (v) => v >= 40);
target('batch of 100, meetings/s', figures['batch-100'], '≥ 80', (v) => v >= 80);
target('batch of 1,000, meetings/s (on a quiet machine)', figures['batch-1000'], '≥ 150', (v) => v >= 150);
target('batch of 1,000 / Typst PDFs per second', over('batch-1000', 'typst'), '≥ 2.5', (v) => v >= 2.5);
if (figures['batch-1000-every']) target('batch of 1,000 in every format, meetings/s', figures['batch-1000-every'], '≥ 80', (v) => v >= 80);
target(`peak PSS up to ${largestSize()} meetings, MB`, Math.max(...sizes.map((n) => figures[`pss-${n}`] ?? 0)), '< 300', (v) => v < 300);
if (figures['languages']) target(`cold build in ${figures['languages']} languages / in English`, over('cold-languages', 'cold-all'), `≤ ${figures['languages']}`, (v) => v <= figures['languages']!);
if (figures['batch-languages']) target('batch across six languages, documents/s', figures['batch-languages'], '≥ 60', (v) => v >= 60);
function largestSize() {
  return sizes[sizes.length - 1]!.toLocaleString('en');
}
rows.push(['', '']);
rows.push(['targets (ratio or figure: goal)', '']);
for (const [label, value, , goal] of targets) rows.push([`  ${label}`, `${value}  (${goal.trim()})`]);

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`agenda benchmark — Node ${process.version}, ${cpus().length} cores, publishing formats ${PUBLISHING.join(', ')}${EXCHANGE.length ? `, exchange formats ${EXCHANGE.join(', ')}` : ''}`);
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
rmSync(work, { recursive: true, force: true });
