// A build worker process (started by pool.ts): takes BuildJobs and answers with JobResults
// over its IPC channel, one at a time and in the order they came: the pool sends the next
// job before this one is done, and counts on the order. It ends when the channel closes:
// when the batch is done, or when the process that started it is gone.
import { runJob, type BuildJob } from './job.js';

let previous: Promise<void> = Promise.resolve();
process.on('message', (job: BuildJob) => {
  previous = previous.then(async () => {
    const result = await runJob(job);
    process.send?.(result);
  });
});
process.on('disconnect', () => process.exit(0));
// Ctrl+C in a terminal reaches the whole process group, workers included. The main process
// decides: it ends (and this worker with its channel), or in --watch stops the rebuild
// after the jobs in hand. A worker killed by it would report its job as failed.
process.on('SIGINT', () => undefined);
