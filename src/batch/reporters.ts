import { quotePath, reportPath } from '../diagnostics/formatters/paths.js';
import type { BatchReporter, BatchSummary } from './run-batch.js';
import type { JobResult } from './job.js';

/**
 * How a batch shows its progress: `bar` on a terminal (files done, rate, time left,
 * the file in hand); `lines`, one line per file, when not on a terminal or with
 * --verbose; `quiet`, nothing. What a result means to the reader (its diagnostics,
 * why it failed) is printed by the caller's `onResult`, above the bar.
 */
export type ProgressMode = 'bar' | 'lines' | 'quiet';

export interface ProgressSink {
  write(text: string): void;
  /** The terminal the bar is drawn on. */
  stream?: NodeJS.WriteStream;
}

export async function createReporter(
  mode: ProgressMode,
  sink: ProgressSink,
  base: string,
  onResult: (r: JobResult) => void,
  /** Which results get a progress line (`lines`): a rebuild in --watch lists what was saved, not every file it skipped. */
  listed: (r: JobResult) => boolean = () => true,
): Promise<BatchReporter & { stop(): void }> {
  const shown = (file: string) => quotePath(reportPath(file, base));
  if (mode === 'bar' && sink.stream) {
    const { SingleBar, Presets } = (await import('cli-progress')).default;
    const bar = new SingleBar(
      { format: 'building [{bar}] {value}/{total} | {rate}/s | eta {eta_formatted} | {file}', hideCursor: true, clearOnComplete: true, stream: sink.stream, etaBuffer: 50, fps: 10 },
      Presets.shades_classic,
    );
    const started = performance.now();
    let running = false;
    return {
      start: (total) => {
        bar.start(total, 0, { file: '', rate: '0' });
        running = true;
      },
      config: () => {},
      result: (r, done) => {
        const rate = (done / ((performance.now() - started) / 1000)).toFixed(1);
        if (r.diagnostics.length || r.error) {
          // Clear the bar, print above it, then draw it again.
          bar.stop();
          onResult(r);
          bar.start(bar.getTotal(), done, { file: shown(r.file), rate });
        } else {
          onResult(r);
          bar.update(done, { file: shown(r.file), rate });
        }
      },
      stop: () => {
        if (running) bar.stop();
        running = false;
      },
    };
  }
  // One input needs no progress: its result says it all.
  return {
    start: () => {},
    result: (r, done, total) => {
      if (mode === 'lines' && total > 1 && listed(r)) sink.write(`[${done}/${total}] ${r.status === 'skipped' ? 'up to date' : r.status} ${shown(r.file)}\n`);
      onResult(r);
    },
    stop: () => {},
  };
}

/**
 * The machine-readable summary of --json: stable keys, paths relative to the working folder,
 * files sorted. Each file's entry is turned into text when its result comes (a few hundred
 * bytes kept, not the result), and the whole is written in pieces: as one string it would
 * take megabytes for a large archive, at the end, when memory peaks.
 */
export class JsonSummary {
  private entries: [file: string, text: string][] = [];
  private configs = new Set<string>();

  constructor(private readonly cwd = process.cwd()) {}

  /** A configuration file that applied to some of the files (`configFiles`; empty: none did). */
  addConfig(file: string): void {
    this.configs.add(reportPath(file, this.cwd));
  }

  add(r: JobResult): void {
    const cwd = this.cwd;
    const entry = {
      file: reportPath(r.file, cwd),
      status: r.status,
      outputs: r.written.map((w) => reportPath(w, cwd)),
      diagnostics: r.diagnostics.map(({ fix: _fix, ...d }) => ({ ...d, file: reportPath(d.file, cwd) })),
      ...(r.error ? { error: { kind: r.error.kind, ...(r.error.file ? { file: reportPath(r.error.file, cwd) } : {}), message: r.error.message, ...(r.error.hint ? { hint: r.error.hint } : {}), ...(r.error.at ? r.error.at : {}) } } : {}),
    };
    // Indented as JSON.stringify(whole, null, 2) would indent it, two levels down. Only at
    // '\n': JSON.stringify leaves U+2028 and U+2029 in strings as they are, and /^/m would
    // take them for line ends.
    this.entries.push([r.file, `    ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n    ')}`]);
  }

  write(summary: BatchSummary, out: (text: string) => void): void {
    const head = JSON.stringify({ built: summary.built, skipped: summary.skipped, failed: summary.failed, stopped: summary.notStarted, seconds: Number(summary.seconds.toFixed(3)), workers: summary.workers, unmatched: summary.unmatched, configFiles: [...this.configs].sort() }, null, 2);
    this.entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    let chunk = `${head.slice(0, -2)},\n  "files": [`;
    this.entries.forEach(([, text], i) => {
      chunk += `${i ? ',' : ''}\n${text}`;
      if (chunk.length > 65536) {
        out(chunk);
        chunk = '';
      }
    });
    out(`${chunk}${this.entries.length ? '\n  ]' : ']'}\n}\n`);
  }
}
