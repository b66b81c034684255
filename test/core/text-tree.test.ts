import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/pipeline.js';
import { exampleDefinition, itemsWithAnnotation } from '../../src/rules/example-definition.js';

/** The tree of the opening's annotation, as a rule reads it from the model. */
function treeOf(annotation: string, footnotes = '') {
  const yaml = exampleDefinition({ items: itemsWithAnnotation(annotation), footnotes: footnotes || undefined });
  const model = compileSource('meeting.yaml', yaml).model!;
  const text = model.sources.texts.find((t) => t.role === 'annotation' && t.origin.path.join('.').endsWith('items.0.annotation'))!;
  return { raw: text.raw, tree: text.tree };
}

describe("the syntax tree of an author's text in the model", () => {
  it('gives paragraphs of spans with their offsets in the text and what they name', () => {
    const { raw, tree } = treeOf('|\n          The {session} of the *Group*.[^note]\n\n          See [the site](https://example.org).', 'footnotes:\n  note: A note.');
    const at = (n: { start: number; end: number }) => raw.slice(n.start, n.end);
    expect(tree).toHaveLength(2);
    const [first, second] = tree;
    expect(first!.type).toBe('paragraph');
    expect(first!.children!.map((n) => [n.type, at(n), n.value])).toEqual([
      ['text', 'The ', undefined],
      ['placeholder', '{session}', 'session'],
      ['text', ' of the ', undefined],
      ['emphasis', '*Group*', undefined],
      ['text', '.', undefined],
      ['footnoteCall', '[^note]', 'note'],
    ]);
    expect(second!.children!.map((n) => [n.type, at(n), n.value])).toEqual([
      ['text', 'See ', undefined],
      ['link', '[the site](https://example.org)', 'https://example.org'],
      ['text', '.', undefined],
    ]);
  });

  it('is the same whether the field is plain text or needs the full parser', () => {
    // A plain field takes the parser's fast path; the strong emphasis below does not.
    const plain = treeOf('"The meeting will be opened."').tree;
    const full = treeOf('"The **meeting** will be opened."').tree;
    expect(plain.map((p) => p.children!.map((n) => n.type))).toEqual([['text']]);
    expect(full.map((p) => p.children!.map((n) => n.type))).toEqual([['text', 'strong', 'text']]);
    expect(full[0]!.children![1]!.children).toEqual([{ type: 'text', start: 6, end: 13 }]);
  });
});
