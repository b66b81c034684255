import type { Nodes, Root } from 'mdast';
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
}

const OPTIONS = {
  extensions: [gfmFootnote(), placeholderSyntax, inlineOnly],
  mdastExtensions: [gfmFootnoteFromMarkdown(), placeholderFromMarkdown],
};

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
 * Parses many text fields in one pass of the parser, which costs far less than one
 * parse per field (micromark and mdast set themselves up anew at every call). The
 * fields are separated by blank lines, which no construct enabled here can cross.
 */
export function parseFields(texts: readonly string[], footnoteIds: readonly string[]): ParsedText[] {
  const bases: number[] = [];
  let joined = '';
  for (const text of texts) {
    if (joined) joined += '\n\n';
    bases.push(joined.length);
    joined += text;
  }
  const end = joined.length;
  const stubs = stubsFor(joined, footnoteIds);
  const root = fromMarkdown(stubs ? `${joined}\n\n${stubs}\n` : joined, OPTIONS);
  const results: ParsedText[] = texts.map((text, i) => ({ root: { type: 'root', children: [] }, length: text.length, base: bases[i]! }));
  let field = 0;
  for (const block of root.children) {
    const offset = block.position?.start.offset ?? 0;
    if (offset >= end) break; // our stubs
    while (field + 1 < texts.length && offset >= bases[field + 1]!) field++;
    results[field]!.root.children.push(block);
  }
  return results;
}

export type MdastNode = Nodes;
