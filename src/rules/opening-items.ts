import { exampleDefinition } from './example-definition.js';
import { normalTitle } from './helpers.js';
import { defineRule, TEXTS } from './types.js';

export default defineRule({
  id: 'AG006',
  name: 'opening-items',
  description: "The agenda opens with the body's usual first items, e.g. '1. Organizational matters: (a) Opening of the meeting'.",
  source: 'CTOC/COP/WG.3/2023/1; CAC/COSP/2015/1; E/CN.15/2011/1 (practice)',
  category: 'procedure',
  severity: 'warning',
  parameters: { firstItems: ['Organizational matters', 'Opening of the meeting'] },
  parameterDocs: { firstItems: 'the titles of the first items and sub-items, in reading order (1, 1 (a), 1 (b), 2 ...); alternatives separated by " | "' },
  parameterSchemas: { firstItems: TEXTS },
  messages: {
    different: "item {number} should be '{expected}', as in this body's agendas",
    missing: "the agenda has no item {position} in reading order ('{expected}')",
  },
  hints: { usual: 'the agenda of this body opens with: {usual}' },
  examples: {
    failing: exampleDefinition({
      items: `items:
  - id: adoption
    title: Adoption of the agenda and organization of work
  - id: other
    title: Other matters
    annotation: No documentation is foreseen under this item.
  - id: report
    title: Adoption of the report`,
    }),
    passing: exampleDefinition(),
  },
  check({ params, report, model }) {
    const items = model.sources.items;
    // Only the first difference is reported: everything after it is shifted anyway.
    for (const [i, wanted] of params.firstItems.entries()) {
      const it = items[i];
      const choices = wanted.split('|').map((s) => s.trim());
      if (it && choices.some((c) => normalTitle(c) === normalTitle(it.title))) continue;
      const usual = params.firstItems.join('; ');
      const expected = choices.join("' or '");
      if (it) report({ path: [...it.origin.path, 'title'], messageId: 'different', data: { number: it.number, expected, usual }, hintId: 'usual' });
      else report({ path: ['items'], messageId: 'missing', data: { position: i + 1, expected, usual }, hintId: 'usual' });
      return;
    }
  },
});
