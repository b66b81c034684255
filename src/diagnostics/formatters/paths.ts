import { isAbsolute, relative, sep } from 'node:path';
import { UNPRINTABLE_CLASS } from './visible.js';

/** A path relative to `cwd` with forward slashes, as CI systems want it; absolute when outside. */
export function reportPath(file: string, cwd: string): string {
  const rel = isAbsolute(file) ? relative(cwd, file) : file;
  const chosen = rel.startsWith('..') || isAbsolute(rel) ? file : rel;
  // The folder itself (`--config .`): a path, not an empty name.
  return chosen === '' ? '.' : chosen.split(sep).join('/');
}

/** C escapes of the control characters that have one, as git writes them. */
const C_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };

/**
 * Characters a file name may hold that must not reach a terminal as they are (visible.ts:
 * ESC starts a terminal sequence, a newline forges a line, bidi controls show a name
 * reversed), with tab, line feed and carriage return, and `"` and `\\`, which quoting itself uses.
 */
const UNSAFE = new RegExp(`[\\t\\n\\r"\\\\${UNPRINTABLE_CLASS}]`);

/**
 * A path as a human-readable line shows it: as it is when it holds nothing a terminal would act
 * on, otherwise in double quotes with C escapes, as git quotes one (core.quotePath):
 * "a\nb.yaml", "\033[31m.yaml". Letters of any script are left as they are.
 */
export function quotePath(path: string): string {
  if (!UNSAFE.test(path)) return path;
  let quoted = '';
  for (const ch of path) {
    if (C_ESCAPES[ch] !== undefined) quoted += C_ESCAPES[ch];
    // Octal, byte by byte of its UTF-8, as git writes what has no letter escape.
    else if (UNSAFE.test(ch)) for (const byte of Buffer.from(ch, 'utf8')) quoted += `\\${byte.toString(8).padStart(3, '0')}`;
    else quoted += ch;
  }
  return `"${quoted}"`;
}
