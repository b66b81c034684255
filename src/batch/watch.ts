/**
 * `agenda build --watch`: after the first build, waits for saves and runs the
 * batch again over the same inputs; the manifest makes that rebuild only what
 * changed. chokidar copes with editors that save by writing a new file and
 * renaming it over the old one, which plain fs.watch loses track of.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface WatchTargets {
  /** Files and folders to watch (definitions, folders given on the command line, configuration files). */
  paths: string[];
  /** Follow links to folders below the folders watched (`--follow`), as the search then does. */
  follow?: boolean;
}

/**
 * Folders are watched with everything under them. Installed packages and repositories hold
 * no definitions, and would cost thousands of watches (a glob over the working folder).
 * They are told below the path watched (the nearest that holds `path`): the project
 * itself may live under a node_modules.
 */
export function notWatched(watched: readonly string[], { follow = false }: { follow?: boolean } = {}): (path: string) => boolean {
  const roots = [...watched].sort((a, b) => b.length - a.length);
  const named = new Set(watched);
  return (path) => {
    const root = roots.find((r) => path === r || (path.startsWith(r) && (/[\\/]$/.test(r) || /[\\/]/.test(path[r.length]!))));
    if (root !== undefined && /(^|[\\/])(node_modules|\.git)([\\/]|$)/.test(path.slice(root.length))) return true;
    // A link to a folder met below a watched path is not followed, as the search does not
    // follow it (inputs.ts): `ln -s /usr meetings/usr` would watch all of /usr.
    return !follow && !named.has(path) && linksToFolder(path);
  };
}

function linksToFolder(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink() && statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Calls `rebuild` with the files saved since the last call, one call at a time:
 * saves that arrive during a rebuild are gathered for the next one. Resolves when
 * `signal` aborts (Ctrl+C: see cli.ts); a rebuild under way is then stopped through the
 * signal it was given (the jobs in hand finish: every output is whole).
 */
export async function watchForChanges(
  targets: WatchTargets,
  rebuild: (changed: string[], signal: AbortSignal) => Promise<void>,
  log: (line: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const { watch } = await import('chokidar');
  const watcher = watch(targets.paths, { ignoreInitial: true, ignored: notWatched(targets.paths, { follow: targets.follow }), awaitWriteFinish: { stabilityThreshold: 80, pollInterval: 20 } });
  const pending = new Set<string>();
  let running: Promise<void> | undefined;
  const stopping = new AbortController();
  const drain = async () => {
    try {
      while (pending.size && !stopping.signal.aborted) {
        const changed = [...pending].sort();
        pending.clear();
        await rebuild(changed, stopping.signal);
      }
    } catch (err) {
      // A rebuild that throws is a bug; the watch goes on, and the next save tries again.
      log(`agenda: internal error during the rebuild: ${(err as Error)?.message ?? String(err)}. This is a bug: please report it.`);
    } finally {
      running = undefined;
    }
  };
  // Every file: besides definitions and configurations, a build depends on files it reads (an
  // emblem); the caller keeps those that concern its inputs.
  const onChange = (file: string) => {
    pending.add(file);
    running ??= drain();
  };
  watcher.on('change', onChange);
  watcher.on('add', onChange);
  // chokidar reads a new folder before it starts watching it: a file written in between
  // (\`mkdir b && cp x.yaml b/\`) is never reported. Once the folder is watched, what it
  // holds that chokidar does not know is reported here.
  const ignored = notWatched(targets.paths, { follow: targets.follow });
  const unreported = (dir: string) => {
    // getWatched() names folders by their absolute paths; events, as the paths were given.
    const known = new Set(watcher.getWatched()[resolve(dir)] ?? []);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // gone again
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (known.has(entry.name) || ignored(path)) continue;
      if (entry.isFile()) onChange(path);
      else if (entry.isDirectory()) unreported(path);
    }
  };
  watcher.on('addDir', (dir) => {
    for (const delay of [250, 1500]) setTimeout(() => !stopping.signal.aborted && unreported(dir), delay).unref();
  });
  // A translation, configuration or emblem deleted changes the build as much as one saved.
  watcher.on('unlink', onChange);
  await new Promise<void>((resolveReady) => watcher.once('ready', () => resolveReady()));
  log(`watching ${targets.paths.length} path${targets.paths.length === 1 ? '' : 's'} for changes (Ctrl+C to stop)`);
  await new Promise<void>((resolveWatch) => {
    const stop = () => {
      stopping.abort();
      void Promise.resolve(running).then(() => watcher.close()).then(() => resolveWatch());
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
}
