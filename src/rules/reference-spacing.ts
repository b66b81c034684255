import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { defineRule } from './types.js';

/** "1(a)" and "(a)(i)": a subdivision in brackets directly after a number or another subdivision. */
const TIGHT = /(?<=[0-9)])\((?:[a-z]{1,2}|[ivx]{1,6})\)/g;

export default defineRule({
  id: 'AG032',
  name: 'reference-spacing',
  description: 'A space separates a number from its subdivision in brackets: "paragraph 1 (a)", "item 1 (b)", "(a) (i)".',
  source: 'CTOC/COP/WG.3/2023/1; CAC/COSP/2015/1 ("article 63, paragraph 4 (c)")',
  category: 'editorial',
  languages: ['en'],
  severity: 'warning',
  fixable: true,
  parameters: {},
  messages: { space: "a space goes before '{text}'" },
  hints: { space: "write '{before} {text}'" },
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('See article 27, paragraph 1(a), of the Convention.') }),
    passing: exampleDefinition({ items: itemsWithAnnotation('See article 27, paragraph 1 (a), of the Convention.') }),
  },
  check({ model, report }) {
    for (const t of model.sources.texts) {
      for (const m of t.masked.matchAll(TIGHT)) {
        const before = t.raw[m.index - 1]!;
        report({ path: t.origin.path, offset: m.index, length: m[0].length, messageId: 'space', data: { text: m[0], before }, hintId: 'space', fix: { offset: m.index, length: 0, replacement: ' ' } });
      }
    }
  },
});
