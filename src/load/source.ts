import { readFile } from 'node:fs/promises';

/** Input that is not a meeting definition we can read at all (missing, binary, wrong encoding). */
export class UnreadableInputError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/**
 * Reads a definition as text. UTF-8 with or without a byte-order mark is accepted;
 * anything else is refused here rather than printed as mojibake later.
 */
export async function readSource(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UnreadableInputError(file, 'file not found', 'check the path');
    if (code === 'EISDIR') throw new UnreadableInputError(file, 'is a folder, not a file', 'name a .yaml file');
    throw new UnreadableInputError(file, `cannot be read (${code ?? 'unknown error'})`);
  }
  return decodeSource(file, bytes);
}

export function decodeSource(file: string, bytes: Uint8Array): string {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new UnreadableInputError(file, `is ${bytes.length} bytes long; the limit is ${MAX_INPUT_BYTES}`, 'split the definition or check that this is the right file');
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UnreadableInputError(file, 'is encoded in UTF-16', 'save the file as UTF-8');
  }
  if (bytes.includes(0)) {
    throw new UnreadableInputError(file, 'is not a text file (it contains NUL bytes)', 'save the file as UTF-8 text');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UnreadableInputError(file, 'is not valid UTF-8', 'save the file as UTF-8 (in most editors: "Save with encoding")');
  }
  // Old Mac line endings: the YAML parser understands LF and CRLF only.
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
