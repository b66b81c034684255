/**
 * Fewest jobs for which worker processes are started when `--jobs` is not given. Each worker
 * pays a start-up (loading the code and fonts, warming up) of about 0.4 s: on two cores a
 * batch of 50 builds faster in this process, one of 100 on two workers; with more cores
 * workers win sooner. Its own module: the CLI shows it in its help without loading the pool.
 */
export const WORKERS_FROM = 24;

/** The fewest jobs for which a batch starts workers: from two when `--jobs` asked for them, else WORKERS_FROM. */
export const workersFromFor = (jobs: number | undefined): number => (jobs === undefined ? WORKERS_FROM : 2);
