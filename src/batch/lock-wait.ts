/**
 * How long a build waits for another one's lock on its output folder before it gives up
 * (exit 2), in milliseconds; `--lock-wait` changes it. Its own module: the CLI shows it in
 * its help without loading the lock code.
 */
export const LOCK_WAIT_MS = 5000;
