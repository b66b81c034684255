import { relative } from 'node:path';
import type { BatchReporter, BatchSummary } from './run-batch.js';
import type { JobResult } from './job.js';

export type ProgressMode = 'bar' | 'lines' | 'quiet';

/**
 * How a batch shows its progress: a bar on a terminal (files done, rate, time left,
 * the file in hand); one line per file when piped or with --verbose; nothing but
 * failures with --quiet. Diagnostics are printed by the caller through `onResult`.
 */
export async function createReporter(mode: ProgressMode, stream: NodeJS.WriteStream, base: string, onResult: (r: JobResult) => void): Promise<BatchReporter & { stop(): void }> {
  if (mode === 'bar') {
    const { SingleBar, Presets } = (await import('cli-progress')).default;
    const bar = new SingleBar(
      { format: 'building [{bar}] {value}/{total} | {rate}/s | eta {eta_formatted} | {file}', hideCursor: true, clearOnComplete: true, stream, etaBuffer: 50 },
      Presets.shades_classic,
    );
    const started = performance.now();
    return {
      start: (total) => bar.start(total, 0, { file: '', rate: '0' }),
      result: (r, done) => {
        const rate = (done / ((performance.now() - started) / 1000)).toFixed(1);
        if (r.status === 'failed') {
          // Print above the bar, then redraw it.
          bar.stop();
          onResult(r);
          bar.start(bar.getTotal(), done, { file: relative(base, r.file), rate });
        } else {
          bar.update(done, { file: relative(base, r.file), rate });
        }
      },
      stop: () => bar.stop(),
    };
  }
  return {
    start: () => {},
    result: (r, done, total) => {
      if (mode === 'lines') stream.write(`[${done}/${total}] ${r.status.padEnd(7)} ${relative(base, r.file) || r.file}\n`);
      onResult(r);
    },
    stop: () => {},
  };
}

/** The machine-readable summary of --json: stable keys, paths relative to the working folder. */
export function summaryJson(summary: BatchSummary, cwd = process.cwd()): string {
  return `${JSON.stringify(
    {
      built: summary.built,
      skipped: summary.skipped,
      failed: summary.failed,
      seconds: Number(summary.seconds.toFixed(3)),
      unmatched: summary.unmatched,
      files: summary.results.map((r) => ({
        file: relative(cwd, r.file),
        status: r.status,
        outputs: r.written.map((w) => relative(cwd, w)),
        diagnostics: r.diagnostics.map((d) => ({ ...d, file: relative(cwd, d.file) })),
        ...(r.error ? { error: r.error.message } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}
