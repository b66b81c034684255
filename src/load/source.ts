import type { Diagnostic } from '../diagnostics/types.js';
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';

/** Input that is not a meeting definition we can read at all (missing, binary, wrong encoding). */
export class UnreadableInputError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly hint?: string,
    /** Where the offending byte is, when there is one place to point at (line and column from 1). */
    readonly at?: { line: number; column: number },
  ) {
    super(message);
  }
}

/** The input that cannot be read, as a diagnostic of code `unreadable`, at its invalid byte or at 1:1 (for reports, the editor, the preview). */
export function unreadableDiagnostic(err: UnreadableInputError): Diagnostic {
  return { file: err.file, line: err.at?.line ?? 1, column: err.at?.column ?? 1, severity: 'error', code: 'unreadable', message: err.message, ...(err.hint ? { hint: err.hint } : {}) };
}

export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/**
 * Reads a definition as text. UTF-8 with or without a byte-order mark is accepted;
 * anything else is refused here rather than printed as mojibake later.
 */
export async function readSource(file: string): Promise<string> {
  return readSourceSync(file);
}

/**
 * readSource, synchronously: for a batch's main thread, which reads one input after another
 * while every core builds; each asynchronous read is four round trips to the thread pool.
 * Only a regular file is read, and no more of it than the limit and one byte: a link to
 * /dev/zero would otherwise fill the memory, and a FIFO would wait for a writer forever.
 */
export function readSourceSync(file: string): string {
  return decodeSource(file, readDefinitionBytes(file).bytes);
}

/**
 * The bytes of a definition, and the file as it was when opened (for a writer that must
 * see whether it changed since). Refuses what readSourceSync refuses, with its messages.
 */
export function readDefinitionBytes(file: string): { bytes: Buffer; opened: Stats } {
  // Looked at before it is opened: opening a FIFO waits for a writer, opening a device may act on it.
  let info: Stats;
  try {
    info = statSync(file);
  } catch (err) {
    throw unreadable(file, err);
  }
  if (!info.isFile()) throw notRegular(file, info);
  let fd: number;
  try {
    // O_NONBLOCK: should the file have been replaced by a FIFO since, opening it does not wait.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw unreadable(file, err);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw notRegular(file, opened);
    if (opened.size > MAX_INPUT_BYTES) throw tooLarge(file, opened.size);
    // A file may grow while it is read, or say 0 bytes and hold more (/proc): read to the limit and one byte.
    return { bytes: readAtMost(fd, opened.size, MAX_INPUT_BYTES + 1), opened };
  } catch (err) {
    throw err instanceof UnreadableInputError ? err : unreadable(file, err);
  } finally {
    closeSync(fd);
  }
}

/** Up to `limit` bytes of an open file, whose size was `size` when looked at (it may have changed since). */
function readAtMost(fd: number, size: number, limit: number): Buffer {
  // One byte more than the size, so that the end is seen in the first read.
  let buffer = Buffer.allocUnsafe(Math.min(limit, size + 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) break;
      const larger = Buffer.allocUnsafe(Math.min(limit, Math.max(2 * length, 65536)));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
}

function tooLarge(file: string, size: number): UnreadableInputError {
  return new UnreadableInputError(file, `is ${size} bytes long; the limit is ${MAX_INPUT_BYTES}`, 'split the definition or check that this is the right file');
}

/** A FIFO, a device or a socket, named or reached through a link: refused without being read. */
function notRegular(file: string, info: Stats): UnreadableInputError {
  if (info.isDirectory()) return new UnreadableInputError(file, 'is a folder, not a file', 'name a .yaml file');
  const kind = info.isFIFO() ? 'a FIFO (named pipe)' : info.isCharacterDevice() ? 'a character device' : info.isBlockDevice() ? 'a block device' : info.isSocket() ? 'a socket' : 'not a file';
  let target = '';
  try {
    if (lstatSync(file).isSymbolicLink()) target = `a symbolic link to ${realpathSync(file)}, which is `;
  } catch {
    // the kind alone says enough
  }
  return new UnreadableInputError(file, `is ${target}${kind}, not a regular file`, 'agenda reads only regular files: name a .yaml file');
}

function unreadable(file: string, err: unknown): UnreadableInputError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    const link = linkTarget(file);
    return link === undefined ? new UnreadableInputError(file, 'file not found', 'check the path') : new UnreadableInputError(file, `is a symbolic link to ${link}, which does not exist`, 'check where the link points (ls -l)');
  }
  if (code === 'EISDIR') return new UnreadableInputError(file, 'is a folder, not a file', 'name a .yaml file');
  if (code === 'ELOOP') return new UnreadableInputError(file, 'cannot be read: too many levels of symbolic links (a link that leads back to itself)', 'check where the link points (ls -l), and point it at the definition');
  if (code === 'EACCES' || code === 'EPERM') return new UnreadableInputError(file, 'cannot be read (permission denied)', 'check the permissions of the file and its folders');
  if (code === 'ENAMETOOLONG') return new UnreadableInputError(file, 'cannot be read: the name is too long', 'check the path');
  if (code === 'ENOTDIR') return new UnreadableInputError(file, 'file not found (a part of the path is not a folder)', 'check the path');
  return new UnreadableInputError(file, `cannot be read (${code ?? 'unknown error'})`);
}

/** Where a symbolic link points, when `file` is one. */
function linkTarget(file: string): string | undefined {
  try {
    return lstatSync(file).isSymbolicLink() ? readlinkSync(file) : undefined;
  } catch {
    return undefined;
  }
}

export function decodeSource(file: string, bytes: Uint8Array): string {
  if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(file, bytes.length);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    throw new UnreadableInputError(file, 'is encoded in UTF-32', 'save the file as UTF-8');
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UnreadableInputError(file, 'is encoded in UTF-16', 'save the file as UTF-8');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    if (looksLikeUtf32(bytes)) throw new UnreadableInputError(file, 'is encoded in UTF-32 (without a byte-order mark)', 'save the file as UTF-8');
    if (looksLikeUtf16(bytes)) throw new UnreadableInputError(file, 'is encoded in UTF-16 (without a byte-order mark)', 'save the file as UTF-8');
    const at = bytePosition(bytes, nul);
    throw new UnreadableInputError(file, `is not a text file (it contains a NUL byte)`, 'save the file as UTF-8 text', at);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const at = bytePosition(bytes, bad);
    throw new UnreadableInputError(
      file,
      `is not valid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')})`,
      'save the file as UTF-8 (in most editors: "Save with encoding")',
      at,
    );
  }
  // Old Mac line endings: the YAML parser understands LF and CRLF only.
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * UTF-16 without a byte-order mark: text in Latin script has a NUL in every other byte,
 * at odd offsets (little-endian) or even ones (big-endian). Looks at the first 512 bytes.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 2) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 ? odd++ : even++;
  const half = n / 2;
  return (odd >= half * 0.6 && even === 0) || (even >= half * 0.6 && odd === 0);
}

/** UTF-32: three NULs in every four bytes, the character's byte first (LE) or last (BE). */
function looksLikeUtf32(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length - (bytes.length % 4), 512);
  if (n < 4) return false;
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i += 4) {
    if (bytes[i + 1] === 0 && bytes[i + 2] === 0 && bytes[i + 3] === 0 && bytes[i] !== 0) le++;
    if (bytes[i] === 0 && bytes[i + 1] === 0 && bytes[i + 2] === 0 && bytes[i + 3] !== 0) be++;
  }
  return Math.max(le, be) >= (n / 4) * 0.6;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** Line and column (in characters, from 1) of a byte offset; the bytes before it are taken as UTF-8. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  // Count characters, not bytes: continuation bytes (10xxxxxx) do not start one.
  for (let i = lineStart; i < offset; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;
  return { line, column };
}
