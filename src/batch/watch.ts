/**
 * `agenda build --watch`: after the first build, waits for saves and runs the
 * batch again over the same inputs; the manifest makes that rebuild only what
 * changed. chokidar copes with editors that save by writing a new file and
 * renaming it over the old one, which plain fs.watch loses track of.
 */
export interface WatchTargets {
  /** Files and folders to watch (definitions, folders given on the command line, configuration files). */
  paths: string[];
}

/**
 * Folders are watched with everything under them. Installed packages and repositories hold
 * no definitions, and would cost thousands of watches (a glob over the working folder).
 */
export const notWatched = (path: string): boolean => /(^|[\\/])(node_modules|\.git)([\\/]|$)/.test(path);

/**
 * Calls `rebuild` with the files saved since the last call, one call at a time:
 * saves that arrive during a rebuild are gathered for the next one. Resolves when
 * `signal` aborts or on Ctrl+C; a rebuild under way is then stopped through the
 * signal it was given (the jobs in hand finish: every output is whole).
 */
export async function watchForChanges(
  targets: WatchTargets,
  rebuild: (changed: string[], signal: AbortSignal) => Promise<void>,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  const { watch } = await import('chokidar');
  const watcher = watch(targets.paths, { ignoreInitial: true, ignored: notWatched, awaitWriteFinish: { stabilityThreshold: 80, pollInterval: 20 } });
  const pending = new Set<string>();
  let running: Promise<void> | undefined;
  const stopping = new AbortController();
  const drain = async () => {
    while (pending.size && !stopping.signal.aborted) {
      const changed = [...pending].sort();
      pending.clear();
      await rebuild(changed, stopping.signal);
    }
    running = undefined;
  };
  const onChange = (file: string) => {
    if (!/\.ya?ml$/i.test(file)) return;
    pending.add(file);
    running ??= drain();
  };
  watcher.on('change', onChange);
  watcher.on('add', onChange);
  await new Promise<void>((resolveReady) => watcher.once('ready', () => resolveReady()));
  log(`watching ${targets.paths.length} path${targets.paths.length === 1 ? '' : 's'} for changes (Ctrl+C to stop)`);
  await new Promise<void>((resolveWatch) => {
    const stop = () => {
      process.off('SIGINT', stop);
      stopping.abort();
      void Promise.resolve(running).then(() => watcher.close()).then(() => resolveWatch());
    };
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    process.once('SIGINT', stop);
  });
}
