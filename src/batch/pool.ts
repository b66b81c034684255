import { Worker } from 'node:worker_threads';
import { runJob, type BuildJob, type JobResult } from './job.js';

/**
 * Runs jobs on `jobs` worker threads, each taking the next job as soon as it is
 * free, and reports each result as it comes. One job (or --jobs 1) runs in this
 * thread: no worker start-up for a single file.
 */
export async function runJobs(list: readonly BuildJob[], jobs: number, onResult: (r: JobResult) => void): Promise<void> {
  if (jobs <= 1 || list.length <= 1) {
    for (const job of list) onResult(await runJob(job));
    return;
  }
  let next = 0;
  const workerUrl = new URL('./worker.js', import.meta.url);
  const runWorker = () =>
    new Promise<void>((resolveWorker, rejectWorker) => {
      const worker = new Worker(workerUrl);
      let current: BuildJob | undefined;
      const feed = () => {
        current = list[next++];
        if (current) worker.postMessage(current);
        else void worker.terminate().then(() => resolveWorker());
      };
      worker.on('message', (result: JobResult) => {
        onResult(result);
        feed();
      });
      worker.on('error', (err) => {
        // A worker that dies takes only its own file with it.
        if (current) onResult({ file: current.file, status: 'failed', written: [], diagnostics: [], error: { message: err.message, internal: true, stack: err.stack } });
        rejectWorker(err);
      });
      feed();
    });
  const workers = Array.from({ length: Math.min(jobs, list.length) }, () => runWorker().catch(() => undefined));
  await Promise.all(workers);
  // Jobs a dead worker never took are run here.
  while (next < list.length) onResult(await runJob(list[next++]!));
}
