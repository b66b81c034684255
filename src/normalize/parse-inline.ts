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
}

/**
 * Parses one text field. GFM footnote calls are only recognised when a definition
 * exists, so a stub definition is appended for every known footnote id; a call to
 * an unknown id then stays literal text and is reported by the converter.
 */
export function parseInlineMarkdown(text: string, footnoteIds: readonly string[]): ParsedText {
  // Only the ids this text calls need a stub; most texts call none (a plain substring test, no regex).
  const lower = text.includes('[^') ? text.toLowerCase() : '';
  const called = lower ? footnoteIds.filter((id) => lower.includes(`[^${id.toLowerCase()}]`)) : [];
  const stubs = called.map((id) => `[^${id}]: x`).join('\n\n');
  const root = fromMarkdown(stubs ? `${text}\n\n${stubs}\n` : text, {
    extensions: [gfmFootnote(), placeholderSyntax, inlineOnly],
    mdastExtensions: [gfmFootnoteFromMarkdown(), placeholderFromMarkdown],
  });
  root.children = root.children.filter((n) => n.type !== 'footnoteDefinition' || (n.position?.start.offset ?? 0) < text.length);
  return { root, length: text.length };
}

export type MdastNode = Nodes;
