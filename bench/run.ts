/**
 * npm run bench: speed and memory of agenda, measured, never asserted in tests.
 *   1. cold CLI runs on the reference example: check, each format, all formats;
 *   2. batch builds (worker processes, all formats) of 10, 100 and 1,000 generated
 *      meetings (--large adds 10,000), the no-change rebuild, peak memory;
 *   3. what a user would use instead, on equivalent sources, when installed:
 *      pandoc (HTML; PDF through wkhtmltopdf or pdflatex) and the Typst compiler for
 *      Node (npm i --no-save @myriaddreamin/typst-ts-node-compiler).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
// The bundle the CLI runs (scripts/bundle.js): its workers are dist/worker.js, as for `agenda build`.
import { runBatch, WORKERS_FROM } from '../dist/batch.js';
import { compileSource } from '../dist/pipeline.js';
import { FORMAT_NAMES } from '../dist/render/formats.js';
import { generateMeeting } from './generate.js';
import { typstSource } from './typst-source.js';

const root = new URL('../', import.meta.url).pathname;
const reference = join(root, 'examples/ctoc-cop-wg3-2023.yaml');
const cli = join(root, 'bin/agenda.js');
const work = mkdtempSync(join(tmpdir(), 'agenda-bench-'));
const rows: [string, string][] = [];
const figures: Record<string, number> = {};
const quiet = { start() {}, result() {} };

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
record(`agenda build --format ${FORMAT_NAMES.join(',')}, reference`, 'cold-all', timeCommand('node', [cli, 'build', reference, '--force', '--format', FORMAT_NAMES.join(','), '--out', work]), 'ms');

// 2. Batches.
const sizes = process.argv.includes('--large') ? [10, 100, 1000, 10000] : [10, 100, 1000];
let peakRss = 0;
let sizePeak = 0; // the peak of the batch in hand: flat memory means the same figure for 10 and 10,000
/**
 * Resident memory of this process and of its children (the build's worker processes), from
 * /proc on Linux; elsewhere this process's alone, and the figures leave the workers out.
 */
function treeRss(): number {
  let total = process.memoryUsage().rss;
  try {
    const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    for (const pid of children) {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (kb) total += Number(kb) * 1024;
    }
  } catch {
    // no /proc, or a worker that ended between the two reads
  }
  return total;
}
const sampler = setInterval(() => {
  const rss = treeRss();
  peakRss = Math.max(peakRss, rss);
  sizePeak = Math.max(sizePeak, rss);
}, 25);
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
  const out = join(work, `archive-${n}`, 'out');
  const first = await runBatch({ inputs: [dir], formats: FORMAT_NAMES, out }, quiet);
  if (first.failed) throw new Error(`${first.failed} generated meetings failed to build`);
  record(`batch of ${n}, ${FORMAT_NAMES.length} formats each, ${n < WORKERS_FROM ? 'main thread' : `${cpus().length} workers`}`, `batch-${n}`, n / first.seconds, `meetings/s (${first.seconds.toFixed(2)} s)`, 1);
  record(`peak resident memory during the batch of ${n} (main process and workers)`, `rss-${n}`, sizePeak / 1024 / 1024, 'MB');
  const again = await runBatch({ inputs: [dir], formats: FORMAT_NAMES, out }, quiet);
  record(`no-change rebuild of ${n}`, `nochange-${n}`, again.seconds * 1000, 'ms');
  sizePeak = 0;
}
clearInterval(sampler);
record('peak resident memory over all batches', 'rss', peakRss / 1024 / 1024, 'MB');

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
rows.push(['pandoc PDF (wkhtmltopdf) time / agenda cold build, all formats', ratio('pandoc-pdf-wkhtmltopdf', 'cold-all')]);
// Worker start-up is a fixed cost that dominates a batch of 10; compare 100 and the largest batch.
const largest = sizes[sizes.length - 1]!;
rows.push([`time per meeting, ${largest} vs 100 (1.00 = linear)`, ratio('batch-100', `batch-${largest}`)]);

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`agenda benchmark — Node ${process.version}, ${cpus().length} cores, formats ${FORMAT_NAMES.join(', ')}`);
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
rmSync(work, { recursive: true, force: true });
