import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { defineRule, TEXTS } from './types.js';

/** "1(a)" and "(a)(i)": a subdivision in brackets directly after a number or another subdivision. */
const TIGHT = /(?<=[0-9)])\((?:[a-z]{1,2}|[ivx]{1,6})\)/g;

export default defineRule({
  id: 'AG032',
  name: 'reference-spacing',
  description: 'A space separates a number from its subdivision in brackets: "paragraph 1 (a)", "item 1 (b)", "(a) (i)"; not in the series of `tightSeries`, whose house style writes "paragraph 2(b)" (the UNFCCC\'s).',
  source: 'CTOC/COP/WG.3/2023/1; CAC/COSP/2015/1 ("article 63, paragraph 4 (c)"); FCCC/SBI/2017/1 ("paragraph 2(b)")',
  category: 'editorial',
  languages: ['en'],
  severity: 'warning',
  fixable: true,
  parameters: { tightSeries: ['FCCC/'] as string[] },
  parameterDocs: { tightSeries: 'starts of the document symbols whose house style sets a subdivision against its number: "paragraph 2(b)" (the UNFCCC\'s)' },
  parameterSchemas: { tightSeries: TEXTS },
  messages: { space: "a space goes before '{text}'" },
  hints: { space: "write '{before} {text}'" },
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('See article 27, paragraph 1(a), of the Convention.') }),
    passing: exampleDefinition({ items: itemsWithAnnotation('See article 27, paragraph 1 (a), of the Convention.') }),
  },
  check({ model, report, params }) {
    if (params.tightSeries.some((start) => model.sources.document.symbol.startsWith(start))) return;
    for (const t of model.sources.texts) {
      for (const m of t.masked.matchAll(TIGHT)) {
        const before = t.raw[m.index - 1]!;
        report({ path: t.origin.path, offset: m.index, length: m[0].length, messageId: 'space', data: { text: m[0], before }, hintId: 'space', fix: { offset: m.index, length: 0, replacement: ' ' } });
      }
    }
  },
});
