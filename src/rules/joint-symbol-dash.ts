import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { SYMBOL_IN_TEXT } from './symbols.js';
import { defineRule } from './types.js';

const DASHES = /^ ?[-‐‑‒–—] ?$/;

export default defineRule({
  id: 'AG022',
  name: 'joint-symbol-dash',
  description: 'Joint symbols are separated by a spaced en dash: "E/2001/28 – E/CN.7/2001/12".',
  source: 'research.un.org/en/docs/symbols; CTOC/COP/WG.3/2023/1, item 3',
  category: 'editorial',
  severity: 'error',
  fixable: true,
  parameters: {},
  messages: { dash: "joint symbols are separated by a spaced en dash (' – '), not '{between}'" },
  hints: { dash: "write 'A/1 – B/2'" },
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('See the joint note E/2001/28-E/CN.7/2001/12.') }),
    passing: exampleDefinition({ items: itemsWithAnnotation('See the joint note E/2001/28 – E/CN.7/2001/12.') }),
  },
  check({ model, report }) {
    for (const t of model.sources.texts) {
      const masked = t.masked;
      let previousEnd = -1;
      for (const m of masked.matchAll(SYMBOL_IN_TEXT)) {
        if (m.index > 0 && /[A-Za-z0-9/]/.test(masked[m.index - 1]!)) continue;
        if (previousEnd >= 0) {
          const between = masked.slice(previousEnd, m.index);
          if (between !== ' – ' && DASHES.test(between)) {
            report({ path: t.origin.path, offset: previousEnd, length: between.length, messageId: 'dash', data: { between }, hintId: 'dash', fix: { offset: previousEnd, length: between.length, replacement: ' – ' } });
          }
        }
        previousEnd = m.index + m[0].length;
      }
    }
  },
});
