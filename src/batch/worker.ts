// A build worker process (started by pool.ts): takes BuildJobs and answers with JobResults,
// one at a time, over its IPC channel. It ends when the channel closes: when the batch is
// done, or when the process that started it is gone.
import { runJob, type BuildJob } from './job.js';

process.on('message', (job: BuildJob) => {
  void runJob(job).then((result) => process.send?.(result));
});
process.on('disconnect', () => process.exit(0));
// Ctrl+C in a terminal reaches the whole process group, workers included. The main process
// decides: it ends (and this worker with its channel), or in --watch stops the rebuild
// after the jobs in hand. A worker killed by it would report its job as failed.
process.on('SIGINT', () => undefined);
