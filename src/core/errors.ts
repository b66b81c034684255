/**
 * Failed writes, told the same way by `agenda check --fix`, `agenda build` and the batch
 * workers: one list of the system errors that mean "the output cannot be written here",
 * one message and one exit code for them.
 */
import { basename, dirname } from 'node:path';
import { reportPath } from '../diagnostics/formatters/paths.js';
import { EXIT } from '../exit-codes.js';
import { TEMPORARY } from '../util/atomic-write.js';

/** System error codes of a write the user can do something about (permissions, space, a file in the way). */
export const WRITE_ERRORS: readonly string[] = ['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'ENOTDIR', 'EEXIST', 'EISDIR', 'EDQUOT', 'EMFILE', 'ENFILE'];

/** What the user reads under a failed write. */
export const WRITE_ERROR_HINT = 'check that the output folder exists, is writable and has space';

/** The hint for this failed write: a folder in the way of a file, or the general one. */
export function writeErrorHint(err: NodeJS.ErrnoException): string {
  if (err.code === 'EISDIR') return 'a folder has the name of the output: move or rename it';
  if (err.code === 'ENOTDIR') return 'a file stands where the output folder, or one of its parents, should be: move or rename it';
  return WRITE_ERROR_HINT;
}

/** The exit code of a run in which an output could not be written. */
export const WRITE_ERROR_EXIT = EXIT.errors;

export function isWriteError(err: unknown): err is NodeJS.ErrnoException {
  const code = (err as NodeJS.ErrnoException)?.code;
  return typeof code === 'string' && WRITE_ERRORS.includes(code);
}

/**
 * "cannot write out/m.md: permission denied (EACCES)" for a failed write: the path, the
 * reason and the code once. Node's message already starts with the code and ends with the
 * call and the path ("EACCES: permission denied, open '…'"). A temporary file's name means
 * nothing to the reader: its folder is named instead. `folder`, where the outputs go,
 * names a failed write that says no path (a full disk).
 */
export function cannotWrite(e: NodeJS.ErrnoException, folder?: string): string {
  const path = (e as { dest?: string }).dest ?? e.path;
  const where = path === undefined ? (folder === undefined ? 'the output' : `in ${reportPath(folder, process.cwd())}`) : TEMPORARY.test(basename(path)) ? `in ${reportPath(dirname(path), process.cwd())}` : reportPath(path, process.cwd());
  return `cannot write ${where}: ${systemErrorReason(e)}`;
}

/** "permission denied (EACCES)" of "EACCES: permission denied, open '/x'": the reason, the code once. */
export function systemErrorReason(e: NodeJS.ErrnoException): string {
  let text = String(e?.message ?? e);
  const code = e?.code;
  if (code && text.startsWith(`${code}: `)) text = text.slice(code.length + 2);
  const call = e?.syscall ? text.lastIndexOf(`, ${e.syscall}`) : -1;
  if (call > 0) text = text.slice(0, call);
  return code ? `${text} (${code})` : text;
}
