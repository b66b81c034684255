/**
 * The syntax tree of an author text for the rules (model.ts, TextNode): the parser the
 * document is made with (parse-inline.ts), its nodes reduced to their kind, their offsets in
 * the author's text and what they name.
 */
import type { Nodes, RootContent } from 'mdast';
import type { TextNode } from '../model.js';
import { parseInlineMarkdown } from './parse-inline.js';

const KINDS: Readonly<Record<string, TextNode['type']>> = {
  paragraph: 'paragraph',
  text: 'text',
  emphasis: 'emphasis',
  strong: 'strong',
  link: 'link',
  placeholder: 'placeholder',
  footnoteReference: 'footnoteCall',
  inlineCode: 'code',
  break: 'break',
};

/** The paragraphs of `raw`, as the document parses them (footnote calls known by `footnoteIds`). */
export function textTree(raw: string, footnoteIds: readonly string[]): TextNode[] {
  const parsed = parseInlineMarkdown(raw, footnoteIds);
  const blocks: RootContent[] = [];
  if (parsed.each) parsed.each((b) => blocks.push(b));
  else blocks.push(...parsed.root.children);
  const out: TextNode[] = [];
  const convert = (node: Nodes): TextNode | undefined => {
    const start = (node.position?.start.offset ?? 0) - parsed.base;
    const end = (node.position?.end.offset ?? 0) - parsed.base;
    if (start < 0 || start >= parsed.length) return undefined; // the footnote stubs appended for the parser
    const out: TextNode = { type: KINDS[node.type] ?? 'other', start, end: Math.min(end, parsed.length) };
    if (node.type === 'placeholder') out.value = (node as { name: string }).name;
    else if (node.type === 'footnoteReference') out.value = node.label ?? node.identifier;
    else if (node.type === 'link') out.value = node.url;
    if ('children' in node && node.type !== 'footnoteDefinition') {
      const children = (node.children as Nodes[]).flatMap((c) => convert(c) ?? []);
      if (children.length) out.children = children;
    }
    return out;
  };
  for (const b of blocks) {
    const node = convert(b);
    if (node) out.push(node);
  }
  return out;
}
