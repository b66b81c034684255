import { describe, expect, it } from 'vitest';
import { describePath } from '../../src/validate/describe.js';

const data = {
  items: [
    { id: 'organizational', items: [{ id: 'opening' }, { items: [{ id: 'deep' }, {}] }] },
    { title: 'no id' },
  ],
};

describe('the names of places in a definition, in diagnostics', () => {
  it.each([
    [['items', 0], "agenda item 'organizational'"],
    [['items', 1, 'title'], 'agenda item 2'],
    [['items', 0, 'items', 0], "sub-item 'opening'"],
    [['items', 0, 'items', 1], "sub-item 2 of agenda item 'organizational'"],
    [['items', 0, 'items', 1, 'items', 0, 'items'], "sub-item 'deep'"],
    [['items', 0, 'items', 1, 'items', 1], "sub-item 2 of sub-item 2 of agenda item 'organizational'"],
    [['items', 0, 'items', 1, 'items', 0, 'documentation', 2], "document 3 listed under sub-item 'deep'"],
    [['items', 1, 'documentation', 0], 'document 1 listed under agenda item 2'],
    [['organization_of_work', 1, 'slots', 0, 'items', 2], 'entry 3 of meeting 1 of day 2 of the organization of work'],
    [['footnotes', 'rules'], "footnote 'rules'"],
    [[], 'the definition'],
  ] as const)('%j is %s', (path, name) => {
    expect(describePath([...path], data)).toBe(name);
  });
});
