import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runJob, type BuildJob, type JobResult } from './job.js';

/**
 * Fewest jobs for which worker processes are started. Each worker pays a start-up (loading
 * the code and fonts, warming up) of about 0.4 s: on two cores a batch of 50 builds faster
 * in this process, one of 100 on two workers; with more cores workers win sooner.
 */
export const WORKERS_FROM = 24;

/**
 * Runs jobs on up to `jobs` worker processes, each taking the next job as soon as it
 * is free, and reports each result as it comes. Jobs are pulled from an iterator,
 * so that sources are read only as fast as workers take them: memory stays flat
 * however many files there are. A batch of fewer than WORKERS_FROM jobs (or --jobs 1)
 * runs in this process: it pays no worker start-up.
 */
export async function runJobs(
  source: AsyncIterable<BuildJob>,
  jobs: number,
  onResult: (r: JobResult) => void,
  /** For tests: another worker script, another threshold. */
  { workerUrl = new URL('./worker.js', import.meta.url), workersFrom = WORKERS_FROM }: { workerUrl?: URL; workersFrom?: number } = {},
): Promise<void> {
  const iterator = source[Symbol.asyncIterator]();
  // Look ahead to learn whether workers are worth starting.
  const ahead: BuildJob[] = [];
  for (let i = 0; i < workersFrom; i++) {
    const n = await iterator.next();
    if (n.done) break;
    ahead.push(n.value);
  }
  const take = async (): Promise<BuildJob | undefined> => {
    if (ahead.length) return ahead.shift();
    const n = await iterator.next();
    return n.done ? undefined : n.value;
  };
  // Under the test runner the sources are TypeScript and there is no worker script to start.
  const inThread = jobs <= 1 || ahead.length < workersFrom || !existsSync(fileURLToPath(workerUrl));
  if (inThread) {
    for (let job = await take(); job; job = await take()) onResult(await runJob(job));
    return;
  }
  const runWorker = async (): Promise<void> => {
    let worker: ChildProcess | undefined;
    try {
      for (let job = await take(); job; job = await take()) {
        worker ??= startWorker(workerUrl);
        const { result, died } = await onWorker(worker, job);
        if (died) worker = undefined;
        onResult(result);
      }
    } finally {
      if (worker?.connected) worker.disconnect(); // it exits when its channel closes
    }
  };
  await Promise.all(Array.from({ length: jobs }, runWorker));
}

/**
 * V8 options of the worker processes. The batch keeps every core busy with workers, so the
 * collector's helper threads only compete with them: collecting on the worker's own thread
 * is faster. A ceiling on the old generation makes V8 size the heap to what a build needs
 * (a worker then peaks near 150 MB instead of 250) and bounds a runaway input; 512 MB is
 * far above what the largest definition accepted (5 MB) needs.
 */
const WORKER_V8_OPTIONS = ['--single-threaded-gc', '--max-old-space-size=512'];

/**
 * Workers are processes, not threads: each has its own V8 options, heap and allocator. On two
 * cores, two worker processes built 1,000 meetings in 12.4 s where two threads took 19 s
 * (16.3 s with the same collector option for the whole process), measured.
 */
function startWorker(workerUrl: URL): ChildProcess {
  return fork(fileURLToPath(workerUrl), [], { execArgv: WORKER_V8_OPTIONS, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** Sends one job to a worker; a worker that dies takes only this file with it, and is replaced. */
function onWorker(worker: ChildProcess, job: BuildJob): Promise<{ result: JobResult; died: boolean }> {
  return new Promise((resolveJob) => {
    const done = (result: JobResult, died: boolean) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (died && worker.exitCode === null && worker.signalCode === null) worker.kill();
      resolveJob({ result, died });
    };
    const fail = (message: string, stack?: string) => done({ file: job.file, status: 'failed', written: [], diagnostics: [], error: { kind: 'internal', message, stack } }, true);
    const onMessage = (r: unknown) => done(r as JobResult, false);
    const onError = (err: Error) => fail(err.message, err.stack);
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => fail(`the build worker stopped (${signal ? `signal ${signal}` : `exit code ${code}`})`);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.send(job, (err) => err && fail(err.message, err.stack));
  });
}
