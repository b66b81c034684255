/**
 * The text layer of RFC 5545: TEXT escaping, content lines folded at 75 octets, CRLF.
 */

/**
 * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as
 * "\n". Other control characters are not allowed in TEXT and are dropped (tab is allowed).
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** The UTF-8 length of one code point. */
const octets = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/**
 * Folds a content line (RFC 5545 3.1): no line longer than 75 octets, CRLF excluded; each
 * continuation begins with a space, which counts. Breaks fall between code points, never
 * inside a UTF-8 sequence (an Arabic letter is 2 octets, a Chinese character 3, an emoji 4).
 */
export function fold(line: string): string {
  // Most lines are short ASCII: no fold.
  if (line.length <= 75 && /^[\x00-\x7f]*$/.test(line)) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch.codePointAt(0)!);
    // The first line holds 75 octets; the others 74 after their leading space.
    if (size + n > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The lines of a calendar object as its bytes: each folded, each ended by CRLF. */
export const serialize = (lines: readonly string[]): string => lines.map((l) => `${fold(l)}\r\n`).join('');

/** The content lines of a calendar file, unfolded (the reverse of `serialize`; tolerates bare LF). */
export const unfold = (text: string): string[] =>
  text
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .filter((l) => l !== '');
