import { describe, expect, it } from 'vitest';
import { loadDefinition } from '../../src/load/load.js';

const SOURCE = `document:
  symbol: A/AC.999/2025/1   # a comment
body: "Ad Hoc Committee"
items:
  - id: adoption
    title: Adoption of the agenda
  - id: other
    title: >
      Other matters
    subitems: [a, {title: b}]
`;

const { locator } = loadDefinition('meeting.yaml', SOURCE);
/** The path at the first character of `text` (the n-th time it occurs), plus `shift`. */
const at = (text: string, shift = 0, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = SOURCE.indexOf(text, i + 1);
  if (i < 0) throw new Error(`no ${text}`);
  return locator.pathAt(i + shift);
};

describe('SourceLocator.pathAt', () => {
  it('gives the path of the scalar value the offset is in, from its first character to its last', () => {
    expect(at('A/AC.999')).toEqual(['document', 'symbol']);
    expect(at('/2025/1', 6)).toEqual(['document', 'symbol']);
    expect(at('Ad Hoc')).toEqual(['body']);
    expect(at('"Ad Hoc', 0)).toEqual(['body']); // the quote belongs to the value
    expect(at('of the agenda')).toEqual(['items', 0, 'title']);
  });

  it('gives the path of the entry for an offset on its key or its colon', () => {
    expect(at('symbol')).toEqual(['document', 'symbol']);
    expect(at('body:', 4)).toEqual(['body']);
    expect(at('title', 0, 1)).toEqual(['items', 1, 'title']);
  });

  it('walks sequences, block scalars and flow collections', () => {
    expect(at('other')).toEqual(['items', 1, 'id']);
    expect(at('Other matters')).toEqual(['items', 1, 'title']);
    expect(at('[a', 1)).toEqual(['items', 1, 'subitems', 0]);
    expect(at('{title: b}', 8)).toEqual(['items', 1, 'subitems', 1, 'title']);
  });

  it('gives the enclosing collection for the space between entries, and [] outside every node', () => {
    expect(at('# a comment')).toEqual(['document']);
    expect(at('  - id: other')).toEqual(['items']);
    expect(locator.pathAt(SOURCE.length)).toEqual([]);
    expect(locator.pathAt(-1)).toEqual([]);
  });

  it('is the inverse of valueStart for every value of a definition', () => {
    for (const path of [['document', 'symbol'], ['body'], ['items', 0, 'id'], ['items', 1, 'title'], ['items', 1, 'subitems', 1, 'title']] as const) {
      const { line, column } = locator.valueStart(path);
      const offset = SOURCE.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0) + column - 1;
      expect(locator.pathAt(offset)).toEqual(path);
    }
  });
});
