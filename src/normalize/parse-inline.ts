import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { Extension } from 'micromark-util-types';
import { placeholderFromMarkdown, placeholderSyntax } from './placeholder-syntax.js';

/**
 * Annotation text is Markdown restricted to paragraphs of inline text: emphasis,
 * links, footnote calls and placeholders. Block constructs are switched off, so a
 * paragraph that happens to start with "1." or "#" stays text.
 */
const inlineOnly: Extension = {
  disable: {
    null: [
      'blockQuote',
      'codeFenced',
      'codeIndented',
      'codeText',
      'definition',
      'hardBreakEscape',
      'hardBreakTrailing',
      'headingAtx',
      'htmlFlow',
      'htmlText',
      'labelStartImage',
      'list',
      'setextUnderline',
      'thematicBreak',
    ],
  },
};

export interface ParsedText {
  root: Root;
  /** Length of the author's text; anything after it was appended by us. */
  length: number;
  /** Where the text starts in the string that was parsed: subtract it from node offsets. */
  base: number;
  /**
   * For a long field of plain text, its paragraphs made one at a time as they are converted
   * (`root` is then empty): the tree of a text of 400,000 short paragraphs took 400 MB.
   */
  each?: (emit: (block: RootContent) => void) => void;
}

/** The parser's options, made on first use: most runs never parse (plainParagraphs), and the bundle loads the parser only then. */
let options: Parameters<typeof fromMarkdown>[1] | undefined;
const parserOptions = () =>
  (options ??= {
    extensions: [gfmFootnote(), placeholderSyntax, inlineOnly],
    mdastExtensions: [gfmFootnoteFromMarkdown(), placeholderFromMarkdown],
  });

/** "[^label]"; no "[" inside, so that "[^[^n]" still finds "n". */
const CALL_LABEL = /\[\^([^\][]*)\]/g;

/** Footnote stub definitions for the ids a text calls (one scan of the text). */
function stubsFor(text: string, footnoteIds: readonly string[]): string {
  if (!text.includes('[^')) return '';
  // One pass over the text for the labels it calls (a search of the text per id was quadratic).
  const called = new Set<string>();
  for (const m of text.matchAll(CALL_LABEL)) called.add(m[1]!.toLowerCase());
  return footnoteIds
    .filter((id) => called.has(id.toLowerCase()))
    .map((id) => `[^${id}]: x`)
    .join('\n\n');
}

/**
 * Parses one text field. GFM footnote calls are only recognised when a definition
 * exists, so a stub definition is appended for every footnote id the text calls; a
 * call to an unknown id then stays literal text and is reported by the converter.
 */
export function parseInlineMarkdown(text: string, footnoteIds: readonly string[]): ParsedText {
  return parseFields([text], footnoteIds)[0]!;
}

/**
 * Parses many text fields, each plain one without the parser (plainParagraphs) and the
 * others through micromark in batches (parseWithMicromark).
 */
export function parseFields(texts: readonly string[], footnoteIds: readonly string[]): ParsedText[] {
  const results: ParsedText[] = [];
  // Most fields are plain text: only the others go through the parser.
  const marked: number[] = [];
  const known = new Set(footnoteIds.map((id) => id.toLowerCase()));
  texts.forEach((text, i) => {
    if (text.length > LAZY_CHARS) {
      // Checked here, made again paragraph by paragraph when converted.
      if (eachPlainParagraph(text, known, () => {})) results[i] = { root: { type: 'root', children: [] }, length: text.length, base: 0, each: (emit) => void eachPlainParagraph(text, known, emit) };
      else marked.push(i);
      return;
    }
    const plain = plainParagraphs(text, known);
    if (plain) results[i] = { root: plain, length: text.length, base: 0 };
    else marked.push(i);
  });
  if (marked.length) {
    const parsed = parseWithMicromark(marked.map((i) => texts[i]!), footnoteIds);
    marked.forEach((i, k) => (results[i] = parsed[k]!));
  }
  return results;
}

/** A plain field longer than this is not kept as a tree (ParsedText.each). */
const LAZY_CHARS = 65_536;

/**
 * Characters of text parsed in one call of micromark. One call per field would cost far
 * more (the parser sets itself up anew at every call, about a millisecond), but one call for
 * all fields costs time growing with the square of the paragraphs (the parser splices the
 * events of each paragraph into those of the whole document) and holds the events of the
 * whole document at once (hundreds of bytes for each escape, character reference, line
 * ending or placeholder): 1 MB of escapes took 1.2 GB. Batches of a few kilobytes are fastest.
 */
const BATCH_CHARS = 4096;

/**
 * The fields through micromark: every field with markup. Fields (and the paragraphs of a
 * long field) are parsed together in batches of about BATCH_CHARS, separated by blank lines,
 * which no construct enabled here can cross; node offsets are then made relative to each
 * field's own text (base 0).
 */
export function parseWithMicromark(texts: readonly string[], footnoteIds: readonly string[], batchChars = BATCH_CHARS): ParsedText[] {
  const results: ParsedText[] = texts.map((text) => ({ root: { type: 'root', children: [] }, length: text.length, base: 0 }));
  const pointsOf = new Map<number, (offset: number) => Point>();
  /** The pieces of the batch: a field, where the piece starts in it and where in the batch. */
  let pieces: { field: number; from: number; at: number }[] = [];
  let joined = '';
  const flush = () => {
    if (!pieces.length) return;
    const end = joined.length;
    const stubs = stubsFor(joined, footnoteIds);
    const root = fromMarkdown(stubs ? `${joined}\n\n${stubs}\n` : joined, parserOptions());
    let k = 0;
    for (const block of root.children) {
      const offset = block.position?.start.offset ?? 0;
      if (offset >= end) break; // our stubs
      while (k + 1 < pieces.length && offset >= pieces[k + 1]!.at) k++;
      const { field, from, at } = pieces[k]!;
      let points = pointsOf.get(field);
      if (!points) pointsOf.set(field, (points = pointsIn(texts[field]!)));
      moveTo(block, from - at, points);
      results[field]!.root.children.push(block);
    }
    pieces = [];
    joined = '';
  };
  const add = (field: number, from: number, piece: string) => {
    if (joined) joined += '\n\n';
    pieces.push({ field, from, at: joined.length });
    joined += piece;
    if (joined.length >= batchChars) flush();
  };
  texts.forEach((text, field) => {
    if (text.length <= batchChars) return add(field, 0, text);
    // A long field in runs of whole paragraphs, cut where a blank line ends.
    let from = 0;
    for (const m of text.matchAll(BLANK_LINES)) {
      const cut = m.index + m[0].length;
      if (cut - from >= batchChars) {
        add(field, from, text.slice(from, cut));
        from = cut;
      }
    }
    add(field, from, text.slice(from));
  });
  flush();
  return results;
}

type Point = { line: number; column: number; offset: number };

/**
 * Moves the positions of a block parsed in a batch to its field's own text: offsets by
 * `shift`, lines and columns recounted there. Without recursion (nesting has no bound here).
 */
function moveTo(block: Nodes, shift: number, points: (offset: number) => Point): void {
  const stack: Nodes[] = [block];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.position) {
      node.position.start = points((node.position.start.offset ?? 0) + shift);
      node.position.end = points((node.position.end.offset ?? 0) + shift);
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}

/**
 * Characters that can start or end a construct enabled here other than placeholders
 * (emphasis, links, footnote calls, escapes, character references, autolinks), a few more
 * whose constructs are off (to stay on the safe side), and controls (micromark replaces NUL).
 */
const MARKUP = /[\\&*_[\]<>!`~\0-\x08\x0b\x0c\x0e-\x1f]/;
const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n';
/** A blank line (a line of spaces and tabs, or none) and those after it: they separate paragraphs. */
const BLANK_LINES = /\n[ \t]*\n(?:[ \t]*\n)*/g;
/** Spaces or tabs before a line ending inside a paragraph: a hard break, left to the parser. */
const HARD_BREAK = /[ \t]\n/;
/** Footnote calls with a simple label, and what follows each (a colon could make a definition). */
const CALL = /\[\^([A-Za-z0-9_.:-]{1,80})\](:?)/g;
/**
 * A Unicode punctuation character other than markup (the MARKUP characters and braces, which
 * make placeholders and stand in for footnote calls below): "،" after an Arabic title in
 * italics, "»" or "。" as well as "." or ")".
 */
const OTHER_PUNCTUATION = String.raw`[^\P{P}*_\\[\]&<>!\x60~{}]`;
/**
 * Emphasis the simple way ("the *Official Records* of"): an asterisk after the start, white
 * space or punctuation (OTHER_PUNCTUATION); text on one line that starts and ends with a
 * letter or digit, without markup or braces; an asterisk before the end, white space or
 * punctuation. Then the first can only open emphasis and the second only close it
 * (CommonMark's flanking rules), and they pair with each other.
 */
const EMPHASIS_SOURCE = String.raw`(?<=^|[\t\n\p{Zs}]|${OTHER_PUNCTUATION})\*([\p{L}\p{N}](?:[^*\n\\&_[\]<>!\x60~{}\0-\x1f]*[\p{L}\p{N}])?)\*(?=$|[\t\n\p{Zs}]|${OTHER_PUNCTUATION})`;
const EMPHASIS = new RegExp(EMPHASIS_SOURCE, 'gu');
/**
 * Brackets around a few words that can make no link: not "![" (an image), not after a
 * backslash or another "]" ("[a][b]"), not followed by "(", "[" or ":" (an inline, full or
 * collapsed link, a definition), and not "[^" (a footnote call). With link definitions
 * switched off (inlineOnly) they are text, as the parser reads them: "[en] Other matters",
 * the mark of a text left untranslated (--allow-untranslated).
 */
const LITERAL_BRACKETS = /(?<![!\\\]])\[([\p{L}\p{N}][\p{L}\p{N} .-]{0,40})\](?![([:])/gu;
/**
 * In one pass: a placeholder as placeholder-syntax.ts reads it, a footnote call ("[^label]")
 * with a simple label, or simple emphasis (EMPHASIS).
 */
const INLINE_CONSTRUCT = new RegExp(String.raw`\{([A-Za-z0-9_.:-]{1,80}(?:\|[A-Za-z]{1,40})?)\}|\[\^([A-Za-z0-9_.:-]{1,80})\]|${EMPHASIS_SOURCE}`, 'gu');
/**
 * Whether a backslash before this character is an escape the fast path reads. CommonMark:
 * a backslash before ASCII punctuation is that character. Not brackets and braces, which
 * could make a footnote call or a placeholder of what follows: left to the parser. The
 * parser spends hundreds of bytes on each escape; 1 MB of them took 1.2 GB.
 */
const isEscapable = (code: number) => (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || code === 0x5c || (code >= 0x5e && code <= 0x60) || code === 0x7c || code === 0x7e;

/** MARKUP as a table of the ASCII codes it matches (it matches no other). */
const MARKUP_CODES = Uint8Array.from({ length: 128 }, (_, c) => (MARKUP.test(String.fromCharCode(c)) ? 1 : 0));

/**
 * Whether the text holds a MARKUP character other than an escape the fast path reads
 * (isEscapable) or underscores inside a word, escapes read left to right ("\\\\" is one).
 * A loop without allocation: a text may be millions of escapes.
 */
function hasMarkup(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || !MARKUP_CODES[c]) continue;
    if (c === 0x5c && isEscapable(text.charCodeAt(i + 1))) i++;
    else if (c === 0x5f && isAsciiAlphanumeric(text.charCodeAt(i - 1))) {
      // Underscores inside a word ("constructive_dialogues" in a web address) are text:
      // CommonMark lets such a run neither open nor close emphasis.
      let end = i;
      while (text.charCodeAt(end) === 0x5f) end++;
      if (!isAsciiAlphanumeric(text.charCodeAt(end))) return true;
      i = end - 1;
    } else return true;
  }
  return false;
}

const isAsciiAlphanumeric = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * The tree micromark builds for a field whose only markup is placeholders, calls of known
 * footnotes (`knownIds`, lower case) and simple emphasis (EMPHASIS): paragraphs (separated
 * by blank lines), each from its first to its last character that is not a space, tab or
 * line ending, of text nodes, placeholders, footnote references and emphasis. The
 * converter folds whitespace runs (cleanText), so where the parser would also drop the
 * indentation of continuation lines the result is the same; offsets are the parser's. Anything else (a brace that opens no
 * placeholder, a call of an unknown footnote or followed by a colon, a hard break, a CR,
 * text of whitespace only) returns undefined.
 */
export function plainParagraphs(text: string, knownIds: ReadonlySet<string> = new Set()): Root | undefined {
  const root: Root = { type: 'root', children: [] };
  return eachPlainParagraph(text, knownIds, (p) => root.children.push(p)) ? root : undefined;
}

/**
 * Calls `emit` with each paragraph of plainParagraphs' tree, in order, and says whether the
 * field is plain: when it is not, some paragraphs may have been emitted already.
 */
export function eachPlainParagraph(text: string, knownIds: ReadonlySet<string>, emit: (paragraph: Paragraph) => void): boolean {
  if (text.includes('\r')) return false;
  let bare = text;
  if (text.includes('[^')) {
    for (const m of text.matchAll(CALL)) if (m[2] || !knownIds.has(m[1]!.toLowerCase())) return false;
    // In place of each call a brace, which simple emphasis neither holds nor touches: an
    // asterisk next to a call, or two around one, are then not simple emphasis, as below.
    bare = text.replace(CALL, '{');
  }
  if (bare.includes('*')) bare = bare.replace(EMPHASIS, '$1');
  if (bare.includes('[')) bare = bare.replace(LITERAL_BRACKETS, '$1');
  // After emphasis: an escape next to an asterisk keeps it from being simple emphasis.
  if (hasMarkup(bare)) return false;
  const escapes = text.includes('\\');
  const pointAt = pointsIn(text);
  let placeholders = 0;
  let paragraphs = 0;
  const paragraph = (from: number, to: number): boolean => {
    while (from < to && isBlank(text[from])) from++;
    while (to > from && isBlank(text[to - 1])) to--;
    if (to === from) return true;
    const content = text.slice(from, to);
    if (HARD_BREAK.test(content)) return false;
    const span = (a: number, b: number) => ({ start: pointAt(from + a), end: pointAt(from + b) });
    const children: PhrasingContent[] = [];
    let at = 0;
    const textUpTo = (end: number) => {
      if (end <= at) return;
      const value = content.slice(at, end);
      children.push({ type: 'text', value: escapes ? unescape(value) : value, position: span(at, end) });
    };
    for (const m of content.matchAll(INLINE_CONSTRUCT)) {
      textUpTo(m.index);
      const end = m.index + m[0].length;
      const position = span(m.index, end);
      if (m[1] !== undefined) {
        children.push({ type: 'placeholder', name: m[1], position });
        placeholders++;
      } else if (m[2] !== undefined) children.push({ type: 'footnoteReference', identifier: m[2].toLowerCase(), label: m[2], position });
      else children.push({ type: 'emphasis', position, children: [{ type: 'text', value: m[3]!, position: span(m.index + 1, end - 1) }] });
      at = end;
    }
    textUpTo(content.length);
    emit({ type: 'paragraph', position: span(0, content.length), children });
    paragraphs++;
    return true;
  };
  let start = 0;
  for (const m of text.matchAll(BLANK_LINES)) {
    if (!paragraph(start, m.index)) return false;
    start = m.index + m[0].length;
  }
  if (!paragraph(start, text.length)) return false;
  // Every brace opening a placeholder was matched: one left over is for the parser.
  let braces = 0;
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) braces++;
  return paragraphs > 0 && braces === placeholders;
}

/**
 * The text with its escapes (isEscapable) resolved. A loop over the backslashes that joins
 * the pieces in bounded groups: a replace with "$1", or one string grown piece by piece,
 * held millions of parts for a text of escapes.
 */
function unescape(text: string): string {
  const chunks: string[] = [];
  const parts: string[] = [];
  let from = 0;
  for (let i = text.indexOf('\\'); i !== -1 && i + 1 < text.length; i = text.indexOf('\\', i + 1)) {
    if (!isEscapable(text.charCodeAt(i + 1))) continue;
    parts.push(text.slice(from, i));
    from = i + 1; // keep the escaped character, drop the backslash
    i++; // an escaped backslash escapes nothing after it
    if (parts.length === 4096) {
      chunks.push(parts.join(''));
      parts.length = 0;
    }
  }
  if (!from) return text;
  parts.push(text.slice(from));
  chunks.push(parts.join(''));
  return chunks.join('');
}

/** Line, column and offset of offsets in `text` (a binary search over its line starts). */
function pointsIn(text: string): (offset: number) => { line: number; column: number; offset: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1, offset };
  };
}

export type MdastNode = Nodes;
