/**
 * Escaping for CommonMark + GFM, so that no user text can become syntax: emphasis,
 * links, HTML, entities, table pipes, strikethrough, or a block marker at the
 * start of a line. Linear in the length of the text.
 */

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** What escapeMarkdownText may change: syntax characters, line breaks and "_" (all ASCII). */
const SPECIAL = /[\\`*[\]<>#|~&!\n\r_]/;
const SPECIAL_CODES = Uint8Array.from({ length: 128 }, (_, c) => (SPECIAL.test(String.fromCharCode(c)) ? 1 : 0));

/**
 * A loop that joins the pieces in bounded groups: a replace over a text of millions of
 * backslashes held a part or a match for each (5 MB of them needed over 80 MB).
 */
export function escapeMarkdownText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  const chunks: string[] = [];
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || !SPECIAL_CODES[c]) continue;
    let replacement: string;
    // A line break would end the paragraph or table row: the model has none, but a renderer must not trust that.
    if (c === 10 || c === 13) replacement = ' ';
    else if (c === 95) {
      // "_" inside a word (ic_2022) can never open emphasis; leave it for readable URLs.
      if (isWordChar(text[i - 1]) && isWordChar(text[i + 1])) continue;
      replacement = '\\_';
    } else replacement = `\\${text[i]}`;
    parts.push(text.slice(from, i), replacement);
    from = i + 1;
    if (parts.length >= 4096) {
      chunks.push(parts.join(''));
      parts.length = 0;
    }
  }
  parts.push(text.slice(from));
  chunks.push(parts.join(''));
  return chunks.join('');
}

/** Escapes what would start a block at the beginning of a line: "1.", "-", "+", "=". */
export function escapeLineStart(rendered: string): string {
  const m = /^(\d{1,9})([.)])/.exec(rendered);
  if (m) return `${m[1]}\\${m[2]}${rendered.slice(m[0].length)}`;
  if (/^[-+=]/.test(rendered)) return `\\${rendered}`;
  return rendered;
}

/** A link destination: in angle brackets when it holds spaces or parentheses. */
export function escapeUrl(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>\\]/g, (c) => `\\${c}`)}>` : url;
}
