import { exampleDefinition } from './example-definition.js';
import { flatItems, normalTitle } from './helpers.js';
import { defineRule } from './types.js';

export default defineRule({
  id: 'AG006',
  name: 'opening-items',
  description: "The agenda opens with the body's usual first items, e.g. '1. Organizational matters: (a) Opening of the meeting'.",
  source: 'CTOC/COP/WG.3/2023/1; CAC/COSP/2015/1; E/CN.15/2011/1 (practice)',
  category: 'procedure',
  severity: 'warning',
  parameters: { firstItems: ['Organizational matters', 'Opening of the meeting'] },
  parameterDocs: { firstItems: 'the titles of the first items and sub-items, in reading order (1, 1 (a), 1 (b), 2 ...); alternatives separated by " | "' },
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
  check({ definition, params, report, model }) {
    const items = flatItems(definition, model);
    // Only the first difference is reported: everything after it is shifted anyway.
    for (const [i, expected] of params.firstItems.entries()) {
      const it = items[i];
      const choices = expected.split('|').map((s) => s.trim());
      if (it && choices.some((c) => normalTitle(c) === normalTitle(it.def.title))) continue;
      const usual = `the agenda of this body opens with: ${params.firstItems.join('; ')}`;
      if (it) report({ path: [...it.path, 'title'], message: `item ${it.number} should be '${choices.join("' or '")}', as in this body's agendas`, hint: usual });
      else report({ path: ['items'], message: `the agenda has no item ${i + 1} in reading order ('${choices.join("' or '")}')`, hint: usual });
      return;
    }
  },
});
