import { readdir, realpath, stat, type Dirent } from 'node:fs';
import { lstat, realpath as realpathPromise, stat as statPromise } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { isConfigFile } from '../config/names.js';

/**
 * Not searched: installed packages, below the folder searched (the project itself may live
 * under a node_modules): every search runs from that folder, a glob's included.
 */
const NOT_SEARCHED = ['**/node_modules/**'];

/** Configuration files live beside meeting definitions but are not meetings. */
const isMeeting = (path: string) => !isConfigFile(path);

export interface ExpandedInputs {
  /** Absolute paths, sorted, each once. */
  files: string[];
  /**
   * The folder the output tree mirrors: the deepest folder that holds every input as named
   * (a file's folder, a folder, the folder a glob searches). It depends on the arguments, not
   * on the files found: a definition added later (--watch, the next run) does not move it.
   */
  base: string;
  /** Arguments that matched nothing. */
  unmatched: string[];
}

export interface ExpandOptions {
  /** Follow links to folders met in a search (`--follow`); by default they are not followed. */
  follow?: boolean;
}

/** Turns files, folders and globs into the list of meeting definitions to build. */
export async function expandInputs(args: readonly string[], cwd = process.cwd(), options: ExpandOptions = {}): Promise<ExpandedInputs> {
  const found = new Set<string>();
  const unmatched: string[] = [];
  const anchors: string[] = [];
  const fs = searchFs(options.follow ?? false);
  for (const arg of args) {
    const before = found.size;
    const path = resolve(cwd, arg);
    // A link named on the command line is followed, as git and ripgrep follow one.
    const info = await statPromise(path).catch(() => undefined);
    // What exists but is not a folder (a FIFO, a device, a link that leads nowhere or to
    // itself) is an input all the same: reading it says what is wrong with it.
    const named = info ? !info.isDirectory() : await lstat(path).then(() => true, () => false);
    if (named) {
      found.add(path);
      anchors.push(dirname(path));
    } else if (info?.isDirectory()) {
      for (const f of await glob('**/*.{yaml,yml}', { cwd: path, absolute: true, ignore: NOT_SEARCHED, dot: false, fs })) if (isMeeting(f)) found.add(resolve(f));
      anchors.push(path);
    } else if (isDynamicPattern(arg)) {
      const { root, pattern } = splitGlob(arg, cwd);
      for (const f of await glob(pattern, { cwd: root, absolute: true, ignore: NOT_SEARCHED, dot: false, fs })) if (isMeeting(f)) found.add(resolve(f));
      // Even while it matches nothing, if it exists: a definition may appear there (--watch).
      if (found.size > before || (await statPromise(root).then((r) => r.isDirectory(), () => false))) anchors.push(root);
    }
    if (found.size === before && !named) unmatched.push(arg);
  }
  let files = [...found].sort();
  // Links followed may lead to one folder by two ways: each definition is built once, under its first name.
  if (options.follow) {
    const seen = new Set<string>();
    const real = await Promise.all(files.map((f) => realpathPromise(f).catch(() => f)));
    files = files.filter((_, i) => {
      if (seen.has(real[i]!)) return false;
      seen.add(real[i]!);
      return true;
    });
  }
  return { files, base: commonFolder(anchors), unmatched };
}

/**
 * What the glob's walk sees of a folder. A link to a folder is not followed unless asked
 * (`--follow`), as git and ripgrep do: it may lead anywhere (`ln -s /usr m/usr`), or to a
 * folder searched already. A link to anything else, and an entry that is neither a file
 * nor a folder (a FIFO, a device, a socket), is shown to the walk as a file: when its name
 * matches, reading it refuses it with the reason, where the walk would leave it out unsaid.
 */
function searchFs(follow: boolean) {
  type Done = (error: NodeJS.ErrnoException | null, entries: Dirent[]) => void;
  const shownReaddir = (path: string, options: { withFileTypes: true }, done: Done): void => {
    readdir(path, options, (error, entries) => {
      if (error) return done(error, entries);
      const odd = entries.filter((e) => !e.isFile() && !e.isDirectory());
      if (!odd.length) return done(null, entries);
      const shown = new Map<Dirent, Dirent | undefined>();
      let waiting = odd.length;
      const settle = (entry: Dirent, as: Dirent | undefined) => {
        shown.set(entry, as);
        if (--waiting === 0) done(null, entries.flatMap((e) => (shown.has(e) ? (shown.get(e) ?? []) : [e])));
      };
      for (const entry of odd) {
        const link = join(path, entry.name);
        if (!entry.isSymbolicLink()) settle(entry, asFile(entry));
        // A link to a folder: followed only when asked, and never back into a folder that
        // holds it (a loop), which the walk would otherwise go round once more.
        else
          stat(link, (err, target) => {
            if (err) settle(entry, asFile(entry));
            else if (!target.isDirectory()) settle(entry, asFile(entry));
            else if (!follow) settle(entry, undefined);
            else realpath(link, (e1, to) => realpath(path, (e2, from) => settle(entry, e1 || e2 || from === to || isInside(from, to) ? undefined : entry)));
          });
      }
    });
  };
  // The walk (fdir) calls readdir(path, { withFileTypes: true }, callback) only.
  return { readdir: shownReaddir as unknown as typeof readdir };
}

/** An entry as the walk sees a file: listed under its own name, never resolved. */
function asFile(entry: Dirent): Dirent {
  return Object.assign(Object.create(entry) as Dirent, { isFile: () => true, isDirectory: () => false, isSymbolicLink: () => false });
}

/**
 * Where new definitions for an input argument would appear: a file or folder itself, or
 * the folder a glob searches, its leading segments without a wildcard (`meetings/20??/*.yaml`
 * searches `meetings`). `agenda build --watch` watches these paths.
 */
export function watchRoot(arg: string, cwd = process.cwd()): string {
  return isDynamicPattern(arg) ? splitGlob(arg, cwd).root : resolve(cwd, arg);
}

/**
 * A glob split where its first segment with a special character starts (a wildcard, a
 * brace, which may hold a slash, an extglob's "@(" or "+(", a group "(a|b)", an escape): the folder it
 * searches, and the pattern below that folder. Backslashes separate folders only on Windows.
 */
function splitGlob(arg: string, cwd: string): { root: string; pattern: string } {
  const segments = arg.split(process.platform === 'win32' ? /[\\/]/ : '/');
  let fixed = 0;
  while (fixed < segments.length - 1 && !SPECIAL.test(segments[fixed]!)) fixed++;
  const head = segments.slice(0, fixed).join('/');
  // An empty head of an absolute glob is the root ('/*.yaml'), and 'C:' a drive's root, not its current folder.
  const root = fixed > 0 && (head === '' || /^[A-Za-z]:$/.test(head)) ? `${head}/` : head || '.';
  return { root: resolve(cwd, root), pattern: segments.slice(fixed).join('/') };
}

const SPECIAL = /[*?[\]{}\\]|[@!+]\(|\([^)]*\|/;

/** The deepest folder that holds every one of `folders` (or is it). */
function commonFolder(folders: readonly string[]): string {
  if (!folders.length) return process.cwd();
  let common = folders[0]!;
  for (const f of folders) {
    while (f !== common && !isInside(f, common)) common = dirname(common);
  }
  return common;
}

function isInside(file: string, folder: string): boolean {
  const rel = relative(folder, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
