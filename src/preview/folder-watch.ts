/**
 * Watches some files of one folder for the preview, without reading the folder.
 *
 * The folders above a definition are looked in for a configuration file, so the preview
 * watches them: a home folder, or /tmp, with thousands of entries. chokidar lists and stats
 * every entry of a folder it watches, even at depth 0 with all of them ignored, at the start
 * and again on each change in the folder: a preview of a file in /tmp cost half a second of
 * CPU to start, and more each time anything in /tmp changed. fs.watch on the folder reads
 * nothing; the operating system reports the names that change.
 *
 * The folder is watched, not the file: a file deleted and written again, renamed over (as
 * editors save) or created later is seen as well as one saved in place. A file's changes are
 * reported once it has been quiet for `settleMs`, so that a save written in several pieces is
 * one change, as chokidar's awaitWriteFinish made it.
 */
import { watch } from 'node:fs';
import { join } from 'node:path';

export interface FolderWatch {
  close(): void;
}

export interface FolderWatchOptions {
  /** Whether a path of the folder is one of interest; others are not reported. */
  watches: (path: string) => boolean;
  /** Called with the path of a file of interest that changed, appeared or went. */
  onChange: (path: string) => void;
  /** Called when the folder cannot be watched (gone, or the system's limit of watches reached). */
  onError: (err: Error) => void;
  /** How long a file must be left alone before its change is reported. */
  settleMs?: number;
}

export function watchFolder(folder: string, { watches, onChange, onError, settleMs = 80 }: FolderWatchOptions): FolderWatch {
  const settling = new Map<string, NodeJS.Timeout>();
  const settle = (path: string) => {
    clearTimeout(settling.get(path));
    settling.set(
      path,
      setTimeout(() => {
        settling.delete(path);
        onChange(path);
      }, settleMs),
    );
  };
  let watcher: ReturnType<typeof watch> | undefined;
  try {
    // Linux, macOS and Windows give the name; where one did not, the change could not be placed.
    watcher = watch(folder, { persistent: true }, (_event, name) => {
      if (!name) return;
      const path = join(folder, name.toString());
      if (watches(path)) settle(path);
    });
    watcher.on('error', onError);
  } catch (err) {
    onError(err as Error);
  }
  return {
    close() {
      watcher?.close();
      for (const timer of settling.values()) clearTimeout(timer);
      settling.clear();
    },
  };
}
