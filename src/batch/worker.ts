// A build worker: takes BuildJobs from the pool and answers with JobResults.
import { parentPort } from 'node:worker_threads';
import { runJob, type BuildJob } from './job.js';

parentPort?.on('message', (job: BuildJob) => {
  void runJob(job).then((result) => parentPort!.postMessage(result));
});
