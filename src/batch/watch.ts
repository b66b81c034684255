import type { JobResult } from './job.js';

/**
 * `agenda build --watch`: rebuilds a definition each time it is saved and prints its
 * diagnostics. chokidar copes with editors that save by writing a new file and
 * renaming it over the old one, which plain fs.watch loses track of.
 */
export async function watchAndRebuild(files: readonly string[], rebuild: (file: string) => Promise<JobResult>, log: (line: string) => void, signal?: AbortSignal): Promise<void> {
  const { watch } = await import('chokidar');
  const watcher = watch([...files], { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 80, pollInterval: 20 } });
  const pending = new Map<string, Promise<void>>();
  const onChange = (file: string) => {
    // One rebuild at a time per file; a save during a rebuild queues one more.
    const previous = pending.get(file) ?? Promise.resolve();
    const next = previous.then(async () => {
      const r = await rebuild(file);
      log(`${new Date().toISOString().slice(11, 19)} ${r.status} ${file}`);
    });
    pending.set(file, next.catch(() => undefined));
  };
  watcher.on('change', onChange);
  watcher.on('add', onChange);
  log(`watching ${files.length} file${files.length === 1 ? '' : 's'} (Ctrl+C to stop)`);
  await new Promise<void>((resolveWatch) => {
    const stop = () => void watcher.close().then(() => resolveWatch());
    signal?.addEventListener('abort', stop, { once: true });
    process.once('SIGINT', stop);
  });
}
