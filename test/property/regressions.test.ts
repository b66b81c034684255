/** Cases the property tests found, kept as plain examples. */
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model.js';
import { compileYaml, MINIMAL } from '../helpers/compile.js';

const withTitle = (yaml: string) => compileYaml(MINIMAL.replace('title: Adoption of the agenda', yaml));

describe('found by the round-trip property tests', () => {
  it('an escaped footnote call (\\[^n\\]) is text, not a call to an unknown note', () => {
    const { diagnostics, model } = withTitle(String.raw`title: 'See \[^n\] here'`);
    expect(diagnostics).toEqual([]);
    expect(model!.agenda.items[0]!.title).toMatchObject([{ type: 'text', value: 'See [^n] here' }]);
  });

  it('an unknown call after an escape is still reported, at its own column', () => {
    const { diagnostics } = withTitle(String.raw`title: 'See \* and [^gone]'`);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'unknown-footnote', line: 10, column: 24 })]);
  });

  it('a problem in a title is reported once, not once per place the title is printed', () => {
    const { diagnostics } = withTitle('title: Adoption of the {agenda-tiem}');
    expect(diagnostics.map((d) => d.code)).toEqual(['unknown-placeholder']);
  });

  it('a no-break space at the edge of a paragraph is dropped like any space', () => {
    const { model } = withTitle('title: "\\u00a0Adoption of the agenda\\u00a0"');
    expect(model!.agenda.items[0]!.title).toMatchObject([{ type: 'text', value: 'Adoption of the agenda' }]);
  });

  it('line breaks after spaces inside emphasis and links fold like anywhere else', () => {
    const { model, diagnostics } = withTitle(String.raw`title: "*Adoption\v  \n\v  \nof* the [agenda\v  \nnow](https://un.org)"`);
    expect(diagnostics).toEqual([]);
    const flat = (nodes: Inline[]): string => nodes.map((n) => ('value' in n ? n.value : 'children' in n ? `<${n.type}>${flat(n.children)}</${n.type}>` : '')).join('');
    expect(flat(model!.agenda.items[0]!.title)).toBe('<emphasis>Adoption of</emphasis> the <link>agenda now</link>');
  });

  it('a no-break space, then a line break after two spaces, at the start of a paragraph leaves no space', () => {
    const { model, diagnostics } = withTitle(`title: Adoption\n    annotation: ${String.raw`"\u00a0  \nThe text."`}`);
    expect(diagnostics).toEqual([]);
    expect(model!.annotations.sections[0]!.paragraphs[0]!.content).toMatchObject([{ type: 'text', value: 'The text.' }]);
  });

  it('a vertical tab before a line break (Word) gives one space, not two', () => {
    const { model } = withTitle('title: "Adoption\\v  \\nof the agenda"');
    const title = model!.agenda.items[0]!.title.map((n) => (n.type === 'text' ? n.value : '')).join('');
    expect(title).toBe('Adoption of the agenda');
  });
});

describe('footnote calls found in one scan of the text', () => {
  it('"[^[^n]" still calls n, and case does not matter', () => {
    const { diagnostics, model } = compileYaml(`${MINIMAL.replace('title: Adoption of the agenda', 'title: Adoption of the agenda\n    annotation: "See [^[^n] and [^M]."')}footnotes:\n  n: Note.\n  m: Other.\n`);
    expect(diagnostics).toEqual([]);
    expect(model!.footnotes.map((f) => f.id)).toEqual(['n', 'm']);
  });

  it('3,000 footnotes, each called once, are numbered in order', () => {
    const calls = Array.from({ length: 3000 }, (_, i) => `Text.[^n${i}]`).join('\\n\\n'); // a paragraph each
    const notes = Array.from({ length: 3000 }, (_, i) => `  n${i}: Note ${i}.\n`).join('');
    const { diagnostics, model } = compileYaml(`${MINIMAL.replace('title: Adoption of the agenda', `title: Adoption of the agenda\n    annotation: "${calls}"`)}footnotes:\n${notes}`);
    expect(diagnostics).toEqual([]);
    expect(model!.footnotes.at(-1)).toMatchObject({ number: 3000, id: 'n2999' });
  });
});
