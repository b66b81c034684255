/**
 * Arbitrary text for the round-trip property tests: strings full of what would be
 * markup in HTML, Markdown or YAML, entities, quotes, combining and astral characters,
 * right-to-left text and the whitespace YAML folds; and, for the fields of Markdown
 * inline text, documents built from segments of plain, emphasized, strong and linked
 * text, written with every ASCII punctuation character escaped as the format says.
 */
import fc from 'fast-check';

/** Fragments that have broken renderers elsewhere. */
const TRICKY = [
  '<script>alert(1)</script>', '<script', '</p>', '</li>', '</title>', '<!--', '-->', ']]>', '<b>', '<img src=x onerror=alert(1)>',
  '&amp;', '&#x3c;', '&#60;', '&lt;', '&quot;', '&nbsp;', '&', '"', "'", '" onmouseover="alert(1)', "' onfocus='x", '`', '```', '=',
  '|', '*', '**', '_', '__', '[', ']', '[x](javascript:alert(1))', '![x](y)', '#', '# ', '>', '> ', '1.', '1)', '- ', '+ ', '~~', '\\', '\\*',
  '{', '}', '{session}', '{agenda-item:a}', '[^n]', '<http://a.b>', 'www.x.org', ':', '%', '$', '^',
  'e\u0301', 'A\u030a', '\u0308', 'ﬁ', 'Å', '𝔘𝔑', '😀', '👩‍👩‍👧', '𠜎', '\u00a0', '\u202f', '\u2009', '\u200b', '\u200d',
  'مرحبا', 'שלום', '\u202e', '\u200f', '\u2066', 'Ω', 'ß', 'İ', 'é', '–', '—', '’', '…', '€', '«»',
  ' ', '  ', '\t', '\n', '\u000b', '\u000c', '\u2028',
];

const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 3, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789'.split('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 }) },
);

/** Any text (it may contain characters the loader refuses; the tests expect the refusal then). */
export const anyText = fc.array(unit, { minLength: 1, maxLength: 14 }).map((parts) => parts.join(''));

/** The same, with no blank line (which would end a paragraph). */
export const oneParagraphText = anyText.map((s) => s.replace(/\n(?:[ \t]*\n)+/g, '\n'));

/** Control characters, unpaired surrogates and noncharacters: refused wherever they stand. */
export const forbidden = fc.constantFrom('\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b', '\ud800', '\udfff', '\ufffe', '\uffff', '\ufdd0');

/** Whitespace that YAML line folding and Word's line and page breaks produce: one space in output. */
const FOLDED = /[ \t\n\r\v\f\u2028\u2029]+/g;
export const expectedPlain = (s: string) => s.normalize('NFC').replace(FOLDED, ' ').trim();

/** Escapes every ASCII punctuation character, so the text is literal in Markdown inline text. */
export const escapeInline = (s: string) => s.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);

export type Segment = { kind: 'text' | 'emphasis' | 'strong' | 'link'; text: string };

/** Text inside emphasis or a link: no whitespace at its edges (it would not be emphasis then). */
const innerText = oneParagraphText.map((s) => s.replace(/^\s+|\s+$/gu, '')).filter((s) => s.length > 0 && !/^\s|\s$/u.test(s));

const segment: fc.Arbitrary<Segment> = fc.oneof(
  { weight: 3, arbitrary: oneParagraphText.map((text) => ({ kind: 'text' as const, text })) },
  { weight: 1, arbitrary: innerText.map((text) => ({ kind: 'emphasis' as const, text })) },
  { weight: 1, arbitrary: innerText.map((text) => ({ kind: 'strong' as const, text })) },
  { weight: 1, arbitrary: innerText.map((text) => ({ kind: 'link' as const, text })) },
);

export const paragraph = fc.array(segment, { minLength: 1, maxLength: 4 });

/** The Markdown source of a paragraph: marked-up segments stand between spaces, so flanking rules always hold. */
export function writeParagraph(segments: readonly Segment[]): string {
  // Adjacent plain segments are one text, written composed (NFC) as editors do: the loader
  // composes the file's text before Markdown reads it, so "\\<" followed by U+0338 would
  // become a backslash before "≮".
  const merged: Segment[] = [];
  for (const s of segments) {
    const last = merged[merged.length - 1];
    if (last && last.kind === 'text' && s.kind === 'text') last.text += s.text;
    else merged.push({ ...s });
  }
  return merged
    .map((s) => ({ ...s, text: s.text.normalize('NFC').replace(/\n(?:[ \t]*\n)+/g, '\n') }))
    .map((s) => {
      const t = escapeInline(s.text);
      if (s.kind === 'text') return t;
      if (s.kind === 'emphasis') return ` *${t}* `;
      if (s.kind === 'strong') return ` **${t}** `;
      return ` [${t}](https://example.org/a?b=1&c="2") `;
    })
    .join('');
}

/** What a reader sees of a paragraph: the texts, markup gone, whitespace folded, NFC. */
export function readParagraph(segments: readonly Segment[]): string {
  return expectedPlain(segments.map((s) => (s.kind === 'text' ? s.text : ` ${s.text} `)).join(''));
}

/** Bidirectional embeddings or overrides in any of these strings? Then the definition must be refused (bidi-control). */
export const hasBidiOverride = (texts: readonly string[]) => texts.some((t) => /[\u202a-\u202e]/.test(t));
/** Any bidirectional control (isolates too): a refusal as bidi-control may then be right, when an isolate is left open. */
export const hasBidiControl = (texts: readonly string[]) => texts.some((t) => /[\u202a-\u202e\u2066-\u2069]/.test(t));

/** Forbidden characters in any of these strings? Then the definition must be refused. */
export const hasForbidden = (texts: readonly string[]) =>
  texts.some((t) => [...t].some((c) => c.length === 2 && (c.codePointAt(0)! & 0xfffe) === 0xfffe) || /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(t));
