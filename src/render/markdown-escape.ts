/**
 * Escaping for CommonMark + GFM, so that no user text can become syntax: emphasis,
 * links, HTML, entities, table pipes, strikethrough, or a block marker at the
 * start of a line. Linear in the length of the text.
 */

/** What escapeMarkdownText may change: syntax characters, line breaks and "_". */
const SPECIAL = /[\\`*[\]<>#|~&!\n\r_]/g;
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

export function escapeMarkdownText(text: string): string {
  return text.replace(SPECIAL, (ch, i: number) => {
    // A line break would end the paragraph or table row: the model has none, but a renderer must not trust that.
    if (ch === '\n' || ch === '\r') return ' ';
    // "_" inside a word (ic_2022) can never open emphasis; leave it for readable URLs.
    if (ch === '_') return isWordChar(text[i - 1]) && isWordChar(text[i + 1]) ? '_' : '\\_';
    return `\\${ch}`;
  });
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
