import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { Path } from '../load/locator.js';
import type { Inline, Paragraph, Text } from '../model.js';
import { parseInlineMarkdown, type ParsedText } from './parse-inline.js';
import { SUBHEADING_MARKS } from './subheadings.js';

/** What a placeholder or reference resolves to, or why it cannot. */
export type Resolution = { text: string } | { error: string; hint?: string };

export interface InlineContext {
  footnoteIds: readonly string[];
  /** Parses once per distinct text: a title is converted for the list, its heading and the annex. */
  parseCache: Map<string, ParsedText>;
  /** Resolves `{name}` and `{kind:id}` in the text at `path`. */
  resolve(name: string, path: Path): Resolution;
  /** Numbers a footnote call; called in reading order. */
  callFootnote(id: string): { number: number; occurrence: number };
  report(path: Path, offset: number, code: string, message: string, hint?: string): void;
  /** Whether footnote calls are allowed in this field (not inside footnotes themselves). */
  allowFootnotes: boolean;
}

const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;
const FOOTNOTE_CALL_TEXT = /\[\^([^\]\s\\]+)\]/g;

/**
 * Collapses the whitespace of YAML line folding (and Word's line and page breaks, U+000B and
 * U+000C) and NFC-normalizes, so equal words give equal bytes. No-break and other Unicode
 * spaces are the author's choice and stay as written.
 */
export function cleanText(text: string): string {
  return (MAY_DECOMPOSE.test(text) ? text.normalize('NFC') : text).replace(FOLDABLE_SPACE, ' ');
}

/**
 * A run of foldable white space other than one plain space (which would be replaced by
 * itself): a text of words has a match at every space otherwise.
 */
const FOLDABLE_SPACE = /[\t\n\r\v\f\u2028\u2029][ \t\n\r\v\f\u2028\u2029]*| [ \t\n\r\v\f\u2028\u2029]+/g;
/** Text below U+0300, where combining marks start, is in NFC already. */
const MAY_DECOMPOSE = /[^\u0000-\u02ff]/;

/** A field of plain text (no markup): cleaned and trimmed. */
export const plainText = (text: string): string => cleanText(text).trim();

/**
 * A sub-heading's marks, read at a paragraph's offset in the text as written, so that an
 * escaped "\#" starts no heading.
 */
const SUBHEADING_AT = new RegExp(SUBHEADING_MARKS.source.slice(1), 'y');
/** Its optional closing sequence: "### Right to food ###". */
const SUBHEADING_END = /[ \t]+#+[ \t]*$/;

/**
 * Converts a text field into paragraphs of model inlines, resolving everything. With
 * `subheadings` (annotations), a paragraph that starts with "#" and a space is a sub-heading.
 */
export function convertParagraphs(text: string, path: Path, ctx: InlineContext, subheadings = false): Paragraph[] {
  let parsed = ctx.parseCache.get(text);
  if (!parsed) {
    parsed = parseInlineMarkdown(text, ctx.footnoteIds);
    ctx.parseCache.set(text, parsed);
  }
  const { root, length, base } = parsed;
  const at: OffsetOf = Object.assign((node: { position?: { start: { offset?: number } } }) => (node.position?.start.offset ?? base) - base, { text });
  const paragraphs: Paragraph[] = [];
  const convert = (block: RootContent) => {
    const offset = at(block);
    if (offset >= length) return;
    if (block.type === 'paragraph') {
      SUBHEADING_AT.lastIndex = offset;
      const marker = subheadings && SUBHEADING_AT.test(text);
      const content = trimInlines(convertChildren(block.children, path, ctx, at));
      if (marker) {
        stripSubheadingMarks(content);
        // A heading is one line, as in Markdown: a line that goes on under it would join the heading.
        const end = (block.position?.end.offset ?? base + length) - base;
        const lineEnd = text.indexOf('\n', offset);
        if (lineEnd >= 0 && lineEnd < end) ctx.report(path, lineEnd + 1, 'subheading-lines', 'a sub-heading is one line: this line would join it', 'put a blank line between the sub-heading and its text');
        if (!content.length) ctx.report(path, offset, 'empty-text', 'this sub-heading is empty', 'write its words, or remove the line');
      }
      if (!content.length) return;
      paragraphs.push(marker ? { content, heading: true, origin: { path, offset } } : { content, origin: { path, offset } });
    } else if (block.type === 'footnoteDefinition') {
      ctx.report(path, offset, 'footnote-in-text', `footnote '${block.label ?? block.identifier}' is defined inside the text`, "define footnotes under 'footnotes:' at the end of the file and refer to them as [^id]");
    }
  };
  // A long plain text makes its paragraphs one at a time, so that its whole tree is never held.
  if (parsed.each) parsed.each(convert);
  else for (const block of root.children) convert(block);
  return paragraphs;
}

/** Converts a one-paragraph field (titles, footnotes, documentation entries). */
export function convertInline(text: string, path: Path, ctx: InlineContext): Inline[] {
  const paragraphs = convertParagraphs(text, path, ctx);
  if (paragraphs.length > 1) {
    ctx.report(path, paragraphs[1]!.origin!.offset ?? 0, 'paragraph-break', 'this text has a blank line in it, but it must be a single paragraph', 'remove the blank line');
  }
  return paragraphs.flatMap((p, i) => (i ? [{ type: 'text' as const, value: ' ' }, ...p.content] : p.content));
}

/** Offset of a node in its own field's text. */
type OffsetOf = ((node: { position?: { start: { offset?: number } } }) => number) & {
  /** The field's text as written (escapes and all). */
  text: string;
};

function convertChildren(nodes: readonly Nodes[], path: Path, ctx: InlineContext, at: OffsetOf): Inline[] {
  return foldSpaces(nodes.flatMap((n) => convertNode(n, path, ctx, at)));
}

/**
 * Whitespace folds across text nodes too, at every level (inside emphasis and links as
 * well): "a\v  \n" is a text ending in a space and a line break, which is another space.
 */
function foldSpaces(inlines: Inline[]): Inline[] {
  let spaceBefore = false; // the text so far ends in a space (texts emptied by folding are skipped)
  for (const node of inlines) {
    if (node.type !== 'text') {
      spaceBefore = false;
      continue;
    }
    if (spaceBefore) node.value = node.value.replace(/^ +/, '');
    if (node.value) spaceBefore = node.value.endsWith(' ');
  }
  return inlines.filter((n) => n.type !== 'text' || n.value !== '');
}

function convertNode(node: Nodes, path: Path, ctx: InlineContext, at: OffsetOf): Inline[] {
  const offset = at(node);
  switch (node.type) {
    case 'text':
      return textWithUnknownCalls(node, offset, path, ctx, at);
    case 'break':
      return [{ type: 'text', value: ' ' }];
    case 'emphasis':
      return [{ type: 'emphasis', children: convertChildren(node.children, path, ctx, at) }];
    case 'strong':
      return [{ type: 'strong', children: convertChildren(node.children, path, ctx, at) }];
    case 'link': {
      const children = convertChildren(node.children, path, ctx, at);
      if (!SAFE_URL.test(node.url)) {
        ctx.report(path, offset, 'unsafe-link', `the link address '${node.url}' is not allowed`, 'links must start with https://, http:// or mailto:');
        return children;
      }
      return [{ type: 'link', url: node.url, children }];
    }
    case 'footnoteReference': {
      if (!ctx.allowFootnotes) {
        ctx.report(path, offset, 'footnote-in-footnote', 'a footnote cannot refer to another footnote', 'put the text in this footnote');
        return [];
      }
      const { number, occurrence } = ctx.callFootnote(node.identifier);
      return [{ type: 'noteRef', number, occurrence }];
    }
    case 'placeholder': {
      const r = ctx.resolve(node.name, path);
      if ('error' in r) {
        ctx.report(path, offset, 'unknown-placeholder', r.error, r.hint);
        return [{ type: 'text', value: `{${node.name}}` }];
      }
      return [{ type: 'text', value: r.text, origin: { path, offset } }];
    }
    default: {
      // Any other node (should not occur with the constructs enabled) keeps its text.
      const children = (node as { children?: PhrasingContent[] }).children;
      if (children) return convertChildren(children, path, ctx, at);
      const value = (node as { value?: string }).value;
      return value ? [{ type: 'text', value: cleanText(value), origin: { path, offset } }] : [];
    }
  }
}

/**
 * A footnote call to an id with no definition is left as text by the parser: report it.
 * The text is searched as written, so that an escaped call (\\[^n\\]) is not one, and the
 * offset is exact even after escapes.
 */
function textWithUnknownCalls(node: Nodes & { value: string }, offset: number, path: Path, ctx: InlineContext, at: OffsetOf): Inline[] {
  const value = node.value;
  if (value.includes('[^')) {
    const end = (node.position?.end.offset ?? 0) - ((node.position?.start.offset ?? 0) - offset);
    const written = at.text.slice(offset, Math.max(offset, end));
    for (const m of written.matchAll(FOOTNOTE_CALL_TEXT)) {
      let backslashes = 0;
      while (m.index - backslashes - 1 >= 0 && written[m.index - backslashes - 1] === '\\') backslashes++;
      if (backslashes % 2) continue; // "\\[^n]" is a literal bracket
      ctx.report(path, offset + m.index, 'unknown-footnote', `footnote '${m[1]}' is not defined`, `add '${m[1]}:' under 'footnotes:'`);
    }
  }
  return [{ type: 'text', value: cleanText(value), origin: { path, offset } }];
}

/** Takes the heading's "### " (and a closing " ###") off its text, in place. */
function stripSubheadingMarks(content: Inline[]): void {
  const first = content[0];
  if (first?.type === 'text') {
    first.value = first.value.replace(SUBHEADING_MARKS, '');
    if (!first.value) content.shift();
  }
  const last = content[content.length - 1];
  if (last?.type === 'text') {
    last.value = last.value.replace(SUBHEADING_END, '').replace(/^#+$/, '');
    if (!last.value) content.pop();
  }
}

/**
 * Drops leading and trailing spaces of a paragraph, doubled spaces between text nodes, and the full stop that follows an
 * abbreviation already ending in one ("at {opening-time}." gives "at 10 a.m.", not "a.m..").
 */
function trimInlines(inlines: Inline[]): Inline[] {
  for (let i = 0; i + 1 < inlines.length; i++) {
    const a = inlines[i]!;
    const b = inlines[i + 1]!;
    if (a.type === 'text' && b.type === 'text' && a.value.endsWith('.') && b.value.startsWith('.') && !b.value.startsWith('..')) {
      b.value = b.value.slice(1);
    }
  }
  // Any whitespace, as for plain-text fields: a no-break space at a paragraph's edge is invisible junk.
  // Over as many text nodes as it takes: "\u00a0  \n" is a no-break space, then a line break.
  const out = inlines.filter((n) => n.type !== 'text' || n.value !== '');
  let start = 0;
  let end = out.length;
  while (start < end && out[start]!.type === 'text') {
    const first = out[start] as Text;
    first.value = first.value.replace(/^\s+/, '');
    if (first.value) break;
    start++;
  }
  while (end > start && out[end - 1]!.type === 'text') {
    const last = out[end - 1] as Text;
    last.value = last.value.replace(/\s+$/, '');
    if (last.value) break;
    end--;
  }
  return out.slice(start, end);
}
