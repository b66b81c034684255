/**
 * npm run bench: speed and memory of agenda, measured, never asserted in tests.
 *   - cold CLI runs on the reference example, per format and for `check`;
 *   - batch throughput (all formats, one process) over 10, 100 and 1,000 generated
 *     meetings (add --large for 10,000), with the peak resident memory;
 *   - pandoc on the same meetings' Markdown, when it is installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileSource } from '../src/pipeline.js';
import { FORMATS } from '../src/render/formats.js';
import { generateMeeting } from './generate.js';

const root = new URL('../', import.meta.url).pathname;
const reference = join(root, 'examples/ctoc-cop-wg3-2023.yaml');
const work = mkdtempSync(join(tmpdir(), 'agenda-bench-'));
const formats = Object.values(FORMATS);
const rows: string[][] = [];
const ms = (n: number) => `${n.toFixed(0)} ms`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

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

// 1. Cold start of the CLI.
const cli = join(root, 'bin/agenda.js');
rows.push(['node -e 0 (floor)', ms(timeCommand('node', ['-e', '0']))]);
rows.push(['agenda check (reference)', ms(timeCommand('node', [cli, 'check', reference]))]);
for (const f of formats) rows.push([`agenda build --format ${f.name} (reference)`, ms(timeCommand('node', [cli, 'build', reference, '--format', f.name, '--out', work]))]);
rows.push([`agenda build --format ${formats.map((f) => f.name).join(',')} (reference)`, ms(timeCommand('node', [cli, 'build', reference, '--format', formats.map((f) => f.name).join(','), '--out', work]))]);

// 2. Batch throughput, in one process, all formats.
const sizes = process.argv.includes('--large') ? [10, 100, 1000, 10000] : [10, 100, 1000];
let peakRss = 0;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
for (const n of sizes) {
  const dir = join(work, `archive-${n}`);
  mkdirSync(dir, { recursive: true });
  const files = Array.from({ length: n }, (_, i) => {
    const file = join(dir, `meeting-${i}.yaml`);
    writeFileSync(file, generateMeeting(i));
    return file;
  });
  const t = performance.now();
  for (const file of files) {
    const { model } = compileSource(file, readFileSync(file, 'utf8'));
    if (!model) throw new Error(`${file} did not compile`);
    for (const f of formats) writeFileSync(`${file}.${f.extension}`, await f.render(model));
  }
  const seconds = (performance.now() - t) / 1000;
  rows.push([`batch of ${n} meetings, ${formats.length} formats each, one process`, `${(n / seconds).toFixed(1)} meetings/s (${seconds.toFixed(2)} s)`]);
}
clearInterval(sample);
rows.push(['peak resident memory during the batches', `${(peakRss / 1024 / 1024).toFixed(0)} MB`]);

// 3. What a user would use instead, when installed.
const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
if (have('pandoc')) {
  const md = join(work, 'reference.md');
  execFileSync('node', [cli, 'build', reference, '--format', 'md', '--out', work]);
  rows.push(['pandoc Markdown → HTML (reference)', ms(timeCommand('pandoc', [md, '-s', '-o', join(work, 'p.html'), '--metadata', 'title=x']))]);
  if (have('pdflatex')) rows.push(['pandoc Markdown → PDF via pdflatex (reference)', ms(timeCommand('pandoc', [md, '-o', join(work, 'p.pdf')], 3))]);
} else {
  rows.push(['pandoc', 'skipped: not installed (apt-get install pandoc)']);
}

const width = Math.max(...rows.map((r) => r[0]!.length));
console.log(`agenda benchmark — node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
for (const [what, value] of rows) console.log(`${what.padEnd(width)}  ${value}`);
rmSync(work, { recursive: true, force: true });
