/**
 * What a command writes to and how it reports what stopped it: shared by the commands
 * (check, build) and the command line that starts them.
 */
import { quotePath } from '../diagnostics/formatters/paths.js';
import { formatFileError } from '../diagnostics/formatters/stylish.js';
import { cannotWrite, isWriteError, WRITE_ERROR_EXIT, writeErrorHint } from '../core/errors.js';
import { EXIT } from '../exit-codes.js';
import { UnreadableInputError } from '../load/source.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
  /** Whether what goes to `out` may be coloured (stdout is a terminal); `color` when not given. */
  outColor?: boolean;
  /** stderr when it is a terminal: where the build draws its progress bar. */
  terminal?: NodeJS.WriteStream;
}

/** Runs one file's work; turns unreadable input into exit 2, a failed write into its message, and bugs into one line. */
export async function guard(file: string, io: Io, debug: boolean, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof UnreadableInputError) {
      io.err(formatFileError(quotePath(err.file), err));
      return EXIT.usage;
    }
    if (isWriteError(err)) {
      io.err(`${file}: error ${cannotWrite(err)}\n  → ${writeErrorHint(err)}\n`);
      return WRITE_ERROR_EXIT;
    }
    return internalError(file, err, io, debug);
  }
}

export function internalError(what: string, err: unknown, io: Io, debug: boolean): number {
  io.err(`agenda: internal error while processing ${what}: ${(err as Error)?.message ?? String(err)}. This is a bug: please report it with the input file.${debug ? '' : ' (--debug shows details)'}\n`);
  if (debug && err instanceof Error && err.stack) io.err(`${err.stack}\n`);
  return EXIT.errors;
}
