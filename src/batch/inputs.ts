import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
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
  /** The folder the output tree mirrors: the deepest folder that holds every input. */
  base: string;
  /** Arguments that matched nothing. */
  unmatched: string[];
}

/** Turns files, folders and globs into the list of meeting definitions to build. */
export async function expandInputs(args: readonly string[], cwd = process.cwd()): Promise<ExpandedInputs> {
  const found = new Set<string>();
  const unmatched: string[] = [];
  for (const arg of args) {
    const before = found.size;
    const path = resolve(cwd, arg);
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) found.add(path);
    else if (info?.isDirectory()) {
      for (const f of await glob('**/*.{yaml,yml}', { cwd: path, absolute: true, ignore: NOT_SEARCHED, dot: false })) if (isMeeting(f)) found.add(resolve(f));
    } else if (isDynamicPattern(arg)) {
      const { root, pattern } = splitGlob(arg, cwd);
      for (const f of await glob(pattern, { cwd: root, absolute: true, ignore: NOT_SEARCHED, dot: false })) if (isMeeting(f)) found.add(resolve(f));
    }
    if (found.size === before && !info?.isFile()) unmatched.push(arg);
  }
  const files = [...found].sort();
  return { files, base: commonFolder(files), unmatched };
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

function commonFolder(files: readonly string[]): string {
  if (!files.length) return process.cwd();
  let common = dirname(files[0]!);
  for (const f of files) {
    while (!isInside(f, common)) common = dirname(common);
  }
  return common;
}

function isInside(file: string, folder: string): boolean {
  const rel = relative(folder, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
