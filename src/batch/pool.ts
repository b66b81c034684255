import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { READY, type BuildJob, type JobResult } from './job.js';
import { JOB_TIMEOUT_SECONDS, timedOut } from './job-timeout.js';

/**
 * Runs jobs on up to `jobs` worker processes, or in this process with workers beside it
 * (`share`), and reports each result as it comes. Jobs are pulled from an iterator, so that
 * sources are read only as fast as they are built: memory stays flat however many files
 * there are. Each worker holds its next job while it builds one (QUEUED_PER_WORKER), so that
 * it never waits for this process to read and send the next. A batch of fewer than
 * `workersFrom` jobs (or --jobs 1) runs in this process. Resolves to the number of worker
 * processes started.
 */
export async function runJobs(
  source: AsyncIterable<BuildJob>,
  jobs: number,
  onResult: (r: JobResult) => void,
  {
    workerUrl = new URL('./worker.js', import.meta.url),
    workersFrom = 2,
    signal,
    jobTimeout = JOB_TIMEOUT_SECONDS * 1000,
    maxWorkers = MAX_WORKERS,
    total,
    documentsPerJob = 1,
    share = false,
    buildHere,
    workerStartMs = WORKER_START_MS,
  }: {
    /** Another worker script (for tests); the fewest jobs for which workers start without `share`. */
    workerUrl?: URL;
    workersFrom?: number;
    /** Once it aborts no job starts, not even one already read: the jobs in hand finish. */
    signal?: AbortSignal;
    /**
     * Milliseconds a worker may spend on one job before it is killed and the job fails
     * (0: no limit). Jobs built in this process cannot be interrupted and have none.
     */
    jobTimeout?: number;
    /** The most worker processes started, whatever `jobs` asks. */
    maxWorkers?: number;
    /** How many jobs the source yields, when the caller knows: never more workers than that. */
    total?: number;
    /** The documents a job builds (its language versions): the archive threshold counts documents. */
    documentsPerJob?: number;
    /**
     * Build in this process from the first job, and start workers beside it only once the
     * jobs left are measured to pay for a worker's start-up (shareWithWorkers); `jobs` then
     * counts this process as one of them. Without it (`--jobs` given), `jobs` workers build
     * and this process only hands out jobs, from `workersFrom` jobs on.
     */
    share?: boolean;
    /** Builds a job in this process (tests give their own); by default job.ts's runJob. */
    buildHere?: (job: BuildJob) => Promise<JobResult>;
    /** What starting workers costs, in milliseconds of building here (tests give a small one): WORKER_START_MS. */
    workerStartMs?: number;
  } = {},
): Promise<number> {
  const iterator = source[Symbol.asyncIterator]();
  // Look ahead to learn whether workers are worth starting.
  const ahead: BuildJob[] = [];
  let aheadDone = false;
  // An archive is built by workers alone (SHARED_BELOW); when the caller cannot say its size, so is this.
  if (share && (total === undefined || total * documentsPerJob >= SHARED_BELOW)) share = false;
  for (let i = 0; i < (share ? 1 : workersFrom); i++) {
    const n = await iterator.next();
    if (n.done) {
      aheadDone = true;
      break;
    }
    ahead.push(n.value);
  }
  // The iterator is an async generator: calls to next() are queued, never run at once.
  const take = async (): Promise<BuildJob | undefined> => {
    if (signal?.aborted) return undefined;
    if (ahead.length) return ahead.shift();
    const n = await iterator.next();
    return n.done ? undefined : n.value;
  };
  // Each lane takes a job, waits for its result, and takes the next; a worker's lanes keep it fed.
  const lane = async (worker: BuildWorker): Promise<void> => {
    for (let job = await take(); job; job = await take()) {
      let result: JobResult | 'again';
      while ((result = await worker.run(job)) === 'again') {
        if (signal?.aborted) return; // not started after all: counted as such
      }
      onResult(result);
    }
  };
  let started = 0;
  const onWorkers = async (count: number): Promise<void> => {
    started += count;
    const workers = Array.from({ length: count }, () => new BuildWorker(workerUrl, jobTimeout));
    try {
      await Promise.all(workers.flatMap((w) => Array.from({ length: QUEUED_PER_WORKER + 1 }, () => lane(w))));
    } finally {
      for (const w of workers) w.close();
    }
  };
  // Under the test runner the sources are TypeScript and there is no worker script to start.
  const canStartWorkers = jobs > 1 && existsSync(fileURLToPath(workerUrl));
  if (share || !canStartWorkers || ahead.length < workersFrom) {
    const build = buildHere ?? (await import('./job.js')).runJob;
    const helpers = share && canStartWorkers ? workerCount(jobs - 1, total ?? Infinity, maxWorkers) : 0;
    await shareWithWorkers(take, build, onResult, helpers, onWorkers, { total, workerStartMs });
    return started;
  }
  keepYoungGenerationSmall(true);
  try {
    await onWorkers(workerCount(jobs, aheadDone ? ahead.length : (total ?? Infinity), maxWorkers));
  } finally {
    keepYoungGenerationSmall(false);
  }
  return started;
}

/**
 * The fewest documents (jobs × the language versions each builds) for which a shared batch
 * (the default) is built by a worker per core from the start, this process only handing out
 * jobs. A batch of 1,000 built as fast either way (alternated runs), but a process that
 * builds holds more memory than a worker of the same work: V8 sizes the heap to its limit,
 * lower in workers (WORKER_V8_OPTIONS), and it cannot be lowered once a process runs. This
 * process then held 179 MB instead of 39, and the whole build 291 MB instead of 264, which an
 * archive of 10,000 would push past 300. Counted in documents: 100 meetings in six languages
 * (600 documents) took 9.4-9.6 s on two workers from the start against 9.7-10.8 s built here
 * with a worker started after the first five (alternated runs).
 */
export const SHARED_BELOW = 500;

/**
 * What starting workers costs, in milliseconds of this process's building: a worker loads its
 * code and fonts (0.4 to 0.6 s), runs its first builds cold (two to three times slower than
 * this warm process), and a batch ends when its slowest builder does. On the 2-core machine,
 * built in this process alone a batch of 100 took 2.7 s, with a worker beside it 3.2 s and on
 * two workers 3.8 s; at 300 the three were even (5.5 s): about 5 s of work left is where a
 * worker starts to pay.
 */
export const WORKER_START_MS = 5000;
/** Builds timed before workers are considered: the first ones run cold and cost several times the next. */
const TIMED_BEFORE_DECIDING = 5;

/**
 * Builds jobs in this process, timing each, and starts `helpers` workers beside it as soon as
 * the jobs left, at the measured cost of a warm build, would take longer than workers cost
 * to start (WORKER_START_MS): a session's ten documents, or a hundred, are built before
 * workers would have paid for themselves. This process keeps building
 * meanwhile, on its own core (helpers are one fewer than the cores), and lets the event loop
 * turn between jobs so that the workers' results are recorded and their next jobs sent.
 * Jobs built here cannot be interrupted, and have no time limit.
 */
async function shareWithWorkers(
  take: () => Promise<BuildJob | undefined>,
  build: (job: BuildJob) => Promise<JobResult>,
  onResult: (r: JobResult) => void,
  helpers: number,
  onWorkers: (count: number) => Promise<void>,
  { total, workerStartMs }: { total?: number; workerStartMs: number },
): Promise<void> {
  let workers: Promise<void> | undefined;
  let failure: { error: unknown } | undefined; // kept for the end: a rejection nobody awaits yet would end the process
  let done = 0;
  const recent: number[] = []; // the last builds' times
  pretenure(false);
  inlineLess(true);
  try {
    for (let job = await take(); job; job = await take()) {
      const started = performance.now();
      onResult(await build(job));
      done++;
      recent.push(performance.now() - started);
      if (recent.length > TIMED_BEFORE_DECIDING) recent.shift();
      // The fastest of the last few: what a build costs once the code is warm.
      if (!workers && helpers > 0 && done >= TIMED_BEFORE_DECIDING && ((total ?? Infinity) - done) * Math.min(...recent) > workerStartMs) {
        workers = onWorkers(helpers).catch((error: unknown) => void (failure = { error }));
      }
      if (workers) await nextTurn();
    }
  } finally {
    pretenure(true);
    inlineLess(false);
  }
  await workers;
  if (failure) throw failure.error;
}

/**
 * How many worker processes a batch starts: the one place where --jobs is limited (the
 * command line only checks that it is a whole number from 1 to 1024). Never more than asked,
 * than there are jobs (a worker costs a start-up and memory whether it builds or not), or
 * than `cap` (MAX_WORKERS: what the cores can keep busy); at least one.
 */
export function workerCount(jobs: number, total: number, cap: number = MAX_WORKERS): number {
  return Math.max(1, Math.min(Math.floor(jobs) || 1, total, cap));
}

/**
 * The most worker processes a batch starts, whatever --jobs asks: twice the cores. Builds
 * keep a core busy; more workers than that only share the cores and multiply the memory
 * (about 140 MB each), and a huge number would exhaust it before the first job.
 */
export const MAX_WORKERS = 2 * availableParallelism();

/**
 * While workers build, this process reads inputs, hashes them and records results: little
 * allocation, but what it keeps (a manifest entry per file, the --json entries) survives,
 * and V8 grows the young generation for every megabyte that survives, up to two 16 MB
 * semi-spaces. Kept at its first size instead, this process stayed at 88-101 MB over 10,000
 * meetings instead of growing to 130-145 MB (measured, all formats). V8 reads this option each time it
 * would grow the young generation, so it may be set at run time.
 */
function keepYoungGenerationSmall(small: boolean): void {
  if (!growthFactorByUser) setFlagsFromString(`--semi-space-growth-factor=${small ? 1 : 2}`); // 2: V8's default
}
const growthFactorByUser = givenByUser('semi-space-growth-factor');

/** Whether the user gave a V8 option whose name holds `name` (on the command line or in NODE_OPTIONS): then it is theirs to set. */
function givenByUser(name: string): boolean {
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes(name));
}

/**
 * The builds of a batch are independent: what one allocates is garbage once it ends. V8's
 * allocation-site pretenuring sees the objects of a build (its typeset pages, the model,
 * pdfkit's objects) survive the scavenges that fall within it and starts allocating them in
 * the old generation, where, dead, they keep the young objects they point to alive (copied,
 * then promoted) until the next full collection. Without it, 300 meetings built in one
 * process promoted a third less (142 MB instead of 213), copied a sixth less and needed half
 * the full collections. Workers run without it (WORKER_V8_OPTIONS); this process while it
 * builds a batch itself.
 */
function pretenure(on: boolean): void {
  if (!pretenuringByUser) setFlagsFromString(on ? '--allocation-site-pretenuring' : NO_PRETENURING);
}
const NO_PRETENURING = '--no-allocation-site-pretenuring';
const pretenuringByUser = givenByUser('allocation-site-pretenuring');

/**
 * A smaller budget for the bytecode TurboFan inlines into one optimized function (V8's
 * default: 920 bytes). A batch's builds keep V8's optimizing compiler busy on helper threads
 * long after the first documents (building the same code for hundreds of definitions, it
 * optimizes and reoptimizes what runs once a document), and on busy cores that CPU is taken
 * from the builds. With 200, building 400 meetings in one process took the compiler 1.7 s of
 * CPU instead of 2.4 and the builds themselves no longer (6.4-7.1 s against 6.6-7.7,
 * alternated runs); 50 to 400 gave the same build times. Workers run with it
 * (WORKER_V8_OPTIONS); this process while it builds a batch itself. V8 reads it each time
 * it optimizes a function, so it may be set at run time. A single build is as fast either way.
 */
function inlineLess(on: boolean): void {
  if (!inliningByUser) setFlagsFromString(on ? INLINE_LESS : '--max-inlined-bytecode-size-cumulative=920'); // 920: V8's default
}
const INLINE_LESS = '--max-inlined-bytecode-size-cumulative=200';
const inliningByUser = givenByUser('max-inlined-bytecode-size');

/**
 * Jobs a worker holds besides the one it builds. Without one, a worker sends its result and
 * waits for this process to record it, read the next input and send it: about 4 ms a job by
 * the worker's clock on two busy cores, though the batch gained only about 1 % (measured),
 * the wait being mostly for a core this process also needs.
 */
const QUEUED_PER_WORKER = 1;

/** Signals a worker gets from outside (a user, a service manager), never from the job it builds. */
const KILLED_FROM_OUTSIDE = new Set<NodeJS.Signals>(['SIGINT', 'SIGTERM', 'SIGHUP']);

/**
 * One worker process, started when first needed and again after it dies. It says when it is
 * ready, builds the jobs it is sent one at a time, in order, and answers each in turn: the
 * oldest job written to its channel and not answered is the one in hand.
 */
class BuildWorker {
  private process: ChildProcess | undefined;
  /** Whether the current process has said it is ready. */
  private ready = false;
  private sent: Sent[] = [];
  /** Workers in a row that died before they were ready: past a few, none can start. */
  private deadOnArrival = 0;
  /** Jobs in hand when their worker was killed from outside: retried, but not forever. */
  private killedUnder = new WeakMap<BuildJob, number>();
  /** The job whose time is being counted, and the timer that ends it. */
  private timed: { entry: Sent; timer: NodeJS.Timeout } | undefined;
  /** The job in hand when its worker was killed for taking too long. */
  private expired: Sent | undefined;

  constructor(
    private readonly url: URL,
    /** Milliseconds a job may take (0: no limit). */
    private readonly jobTimeout: number,
  ) {}

  /** The job's result; 'again' when the worker died before reaching it (building another, or starting). */
  run(job: BuildJob): Promise<JobResult | 'again'> {
    return new Promise((answer) => {
      const worker = (this.process ??= this.start());
      const entry: Sent = { job, answer, written: false };
      this.sent.push(entry);
      // A write that fails (EPIPE) means the worker is gone: how it ended decides.
      worker.send(job, (err) => {
        if (err) return;
        entry.written = true;
        this.watch(worker);
      });
    });
  }

  close(): void {
    if (this.process?.connected) this.process.disconnect(); // it exits when its channel closes
    this.process = undefined;
    this.stopTimer();
  }

  private start(): ChildProcess {
    const worker = startWorker(this.url);
    this.ready = false;
    live.add(worker);
    // Not 'close': after a disconnect of ours, Node 20 never emits it.
    worker.once('exit', () => live.delete(worker));
    worker.on('message', (m: JobResult | typeof READY) => {
      if (m === READY) {
        this.ready = true;
        this.deadOnArrival = 0;
      } else this.sent.shift()?.answer(m);
      this.watch(worker);
    });
    // What the worker prints on stderr is kept, not shown: the last few kilobytes, to say in
    // one line why it died (V8 prints a dump of dozens of lines when it runs out of memory).
    let tail = '';
    worker.stderr?.setEncoding('utf8');
    worker.stderr?.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-STDERR_TAIL);
    });
    const ended = (cause: string, stack?: string, fromOutside = false) => {
      if (worker !== this.process) return; // closed by us, or a second event of the same end
      if (!this.ready) this.deadOnArrival++;
      this.died(worker, cause, stack, fromOutside);
    };
    // 'close', not 'exit': it comes after the last message the worker sent has been read.
    worker.on('close', (code, signal) => ended(whyItStopped(code, signal, tail), undefined, signal !== null && KILLED_FROM_OUTSIDE.has(signal)));
    worker.on('error', (err) => ended(err.message, err.stack)); // it could not be started (or signalled)
    // A channel that closes under a live worker (never ours): end it, so that 'close' comes.
    worker.on('disconnect', () => worker === this.process && worker.kill('SIGKILL'));
    return worker;
  }

  /**
   * A worker that dies takes only the job in hand with it: none when it had not started one
   * (it died loading), and none when it was killed from outside (SIGTERM, say), unless that
   * happened to the same job three times. The jobs queued behind, or never written to its
   * channel, go to its successor. When workers die before they are ready, every job fails
   * instead: none would get built.
   */
  private died(worker: ChildProcess, message: string, stack?: string, fromOutside = false): void {
    this.process = undefined;
    this.stopTimer();
    const expired = this.expired;
    this.expired = undefined;
    worker.removeAllListeners('message');
    if (worker.exitCode === null && worker.signalCode === null) worker.kill();
    const sent = this.sent;
    this.sent = [];
    const inHand = this.ready ? sent.find((e) => e.written) : undefined;
    let lost = false;
    if (inHand && fromOutside) {
      const times = (this.killedUnder.get(inHand.job) ?? 0) + 1;
      this.killedUnder.set(inHand.job, times);
      lost = times >= 3;
    }
    const cannotStart = this.deadOnArrival >= 3;
    for (const e of sent) {
      const fails = cannotStart || (e === inHand && (e === expired || !fromOutside || lost));
      if (!fails) e.answer('again');
      else e.answer({ file: e.job.file, status: 'failed', written: [], diagnostics: [], error: e === expired ? timedOut(this.jobTimeout / 1000) : { kind: 'internal', message, stack } });
    }
  }

  /**
   * Counts the time of the job in hand: the oldest one written and not answered, once the
   * worker is ready (before that, it has not started it). A job gets its full time from when
   * the one before it was answered or from when it was written, whichever is later.
   */
  private watch(worker: ChildProcess): void {
    const head = this.sent[0];
    if (this.timed?.entry === head) return;
    this.stopTimer();
    if (!this.jobTimeout || !head?.written || !this.ready || worker !== this.process) return;
    const timer = setTimeout(() => {
      if (worker !== this.process || this.sent[0] !== head) return;
      this.expired = head;
      worker.kill('SIGKILL');
    }, this.jobTimeout);
    timer.unref(); // the pending answer keeps the batch going, not the timer
    this.timed = { entry: head, timer };
  }

  private stopTimer(): void {
    if (this.timed) clearTimeout(this.timed.timer);
    this.timed = undefined;
  }
}

interface Sent {
  job: BuildJob;
  answer: (r: JobResult | 'again') => void;
  /** Written to the worker's channel (it may not have read it yet). */
  written: boolean;
}

/**
 * Workers still running when this process exits (a second Ctrl+C, an uncaught error): killed,
 * rather than left to finish a job nobody will record. A worker whose main process is killed
 * outright ends after the job in hand, and does not write it (worker.ts).
 */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const worker of live) worker.kill('SIGKILL');
});

/**
 * V8 options of the worker processes. The batch keeps every core busy with workers, so the
 * collector's helper threads only compete with them: collecting on the worker's own thread
 * is faster. A ceiling on the old generation makes V8 size the heap to what a build needs
 * (a worker then peaks near 140 MB instead of 250) and bounds a runaway input; 512 MB is
 * far above what the largest definition accepted (5 MB) needs. The young generation keeps
 * V8's size: semi-spaces of 8 MB instead of 16 took 17 MB less a worker and made batches
 * about 11 % slower (four alternated runs of 1,000 meetings). No allocation-site pretenuring:
 * see pretenure(); a smaller inlining budget: see inlineLess().
 */
const HEAP_LIMIT_MB = 512;
const WORKER_V8_OPTIONS = ['--single-threaded-gc', `--max-old-space-size=${HEAP_LIMIT_MB}`, NO_PRETENURING, INLINE_LESS];

/** How much of a worker's stderr is kept: V8's fatal-error line comes a few kilobytes before the end. */
const STDERR_TAIL = 16 * 1024;

/**
 * One line on why a worker ended, from its exit code or signal and the end of what it printed
 * on stderr: V8's out-of-memory and other fatal errors, or an uncaught error's first line.
 */
export function whyItStopped(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  if (/JavaScript heap out of memory|Reached heap limit|Allocation failed/.test(stderr)) return `the build worker ran out of memory (heap limit ${HEAP_LIMIT_MB} MB)`;
  const how = signal ? `signal ${signal}` : `exit code ${code}`;
  const fatal = /^#? ?Fatal error[^\n]*\n#?\s*([^\n]+)|^FATAL ERROR: ([^\n]+)/im.exec(stderr);
  const thrown = /^(?:Uncaught )?[A-Za-z]*(?:Error|Exception)\b[^\n]*/m.exec(stderr);
  const reason = fatal ? `V8 fatal error: ${(fatal[1] ?? fatal[2])!.trim()}` : thrown?.[0].trim();
  return `the build worker stopped (${how})${reason ? `: ${oneLine(reason)}` : ''}`;
}

/** At most 200 characters, without control characters: it is printed to a terminal. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return plain.length > 200 ? `${plain.slice(0, 199)}…` : plain;
}

/**
 * Workers are processes, not threads: each has its own V8 options, heap and allocator. On two
 * cores, two worker processes built 1,000 meetings in 12.4 s where two threads took 19 s
 * (16.3 s with the same collector option for the whole process), measured.
 */
function startWorker(workerUrl: URL): ChildProcess {
  return fork(fileURLToPath(workerUrl), [], {
    execArgv: WORKER_V8_OPTIONS,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    // A process group of its own: Ctrl+C in a terminal signals the foreground group, and a
    // worker still loading its code (before worker.ts can ignore SIGINT) would die of it.
    // This process decides what Ctrl+C does (cli.ts). Not on Windows, where it would open
    // a console window for each worker.
    detached: process.platform !== 'win32',
  });
}
