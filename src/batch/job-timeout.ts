import type { JobFailure } from './job.js';

/**
 * The default limit on one job in a worker (pool.ts), in seconds. The largest definition
 * accepted (5 MB) builds in all three formats in about 4 s on two cores; a job still
 * running after 30 times that is stuck (a bug), and would otherwise hold up the whole batch.
 * Its own module: the CLI shows it in its help without loading the batch machinery.
 */
export const JOB_TIMEOUT_SECONDS = 120;

/** Why a job failed when its worker was stopped for taking longer than `seconds`. */
export function timedOut(seconds: number): JobFailure {
  return {
    kind: 'timeout',
    message: `took longer than ${seconds} second${seconds === 1 ? '' : 's'} to build, and was stopped`,
    hint: 'this is most likely a bug: please report it with the input file (a larger --job-timeout gives a file more time)',
  };
}
