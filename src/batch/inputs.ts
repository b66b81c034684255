import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { isConfigFile } from '../config/names.js';

/** Not searched: installed packages. */
const NOT_SEARCHED = ['**/node_modules/**'];

/**
 * Configuration files live beside meeting definitions but are not meetings. Told by name
 * after the search: an ignore pattern applies only to paths under the working folder, and a
 * glob may name another (an absolute one does).
 */
const isMeeting = (path: string) => !isConfigFile(path) && !path.split(/[\\/]/).includes('node_modules');

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
      for (const f of await glob(arg, { cwd, absolute: true, ignore: NOT_SEARCHED, dot: false })) if (isMeeting(f)) found.add(resolve(f));
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
  if (!isDynamicPattern(arg)) return resolve(cwd, arg);
  const fixed: string[] = [];
  for (const segment of arg.split(/[\\/]/)) {
    if (isDynamicPattern(segment)) break;
    fixed.push(segment);
  }
  return resolve(cwd, fixed.join('/') || '.');
}

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
