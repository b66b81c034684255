// A build worker process (started by pool.ts): takes BuildJobs and answers with JobResults
// over its IPC channel, one at a time and in the order they came: the pool sends the next
// job before this one is done, and counts on the order. It ends when the channel closes:
// when the batch is done, or when the process that started it is gone.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { READY, runJob, type BuildJob, type JobResult } from './job.js';

/** Resolves once the message is written to the channel: a crash in the next job cannot lose it. */
const send = (message: JobResult | typeof READY) => new Promise<void>((resolve) => process.send!(message, undefined, undefined, () => resolve()));

let previous: Promise<void> = send(READY);
process.on('message', (job: BuildJob) => {
  previous = previous.then(async () => {
    // A job can run start to end without the event loop turning, and the next queued one
    // after it. A turn before each job and before its writes lets the channel's end be
    // seen (and this process end: 'disconnect' below) when the main process is gone: nobody would
    // record the outputs, and a newer run may already have written its own.
    await nextTurn();
    const result = await runJob(job, { writeIf: async () => (await nextTurn(), process.connected) });
    await send(result);
  });
});
process.on('disconnect', () => process.exit(0));
// Ctrl+C is the main process's to handle: it starts no more jobs and waits for those in hand
// (cli.ts), or, on a second Ctrl+C, exits and kills its workers (pool.ts). Workers have a
// process group of their own, out of a terminal's reach; where they cannot (Windows, where
// the console signals every process attached to it) they ignore it.
process.on('SIGINT', () => undefined);
