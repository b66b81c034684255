import { isAbsolute, relative, sep } from 'node:path';

/** A path relative to `cwd` with forward slashes, as CI systems want it; absolute when outside. */
export function reportPath(file: string, cwd: string): string {
  const rel = isAbsolute(file) ? relative(cwd, file) : file;
  const chosen = rel.startsWith('..') || isAbsolute(rel) ? file : rel;
  return chosen.split(sep).join('/');
}
