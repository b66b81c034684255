import { exampleDefinition } from './example-definition.js';
import { titleStartsWith } from './helpers.js';
import { defineRule } from './types.js';

export default defineRule({
  id: 'AG007',
  name: 'closing-items',
  description: "The agenda ends with the body's closing items: 'Other matters', then 'Adoption of the report' (with the next provisional agenda where the body adopts one).",
  source: 'CTOC/COP/WG.3/2023/1; CAC/COSP/2015/1; E/CN.15/2011/1 (practice)',
  category: 'procedure',
  severity: 'warning',
  parameters: { closingItems: [['Other matters', 'Other business'], ['Adoption of the report']] },
  parameterDocs: { closingItems: 'the last items in order, each a list of the wordings its title may start with' },
  examples: {
    failing: exampleDefinition({
      items: `items:
  - id: organizational
    title: Organizational matters
    items:
      - id: opening
        title: Opening of the meeting
      - id: adoption
        title: Adoption of the agenda and organization of work
  - id: report
    title: Adoption of the report
  - id: other
    title: Other matters
    annotation: No documentation is foreseen under this item.`,
    }),
    passing: exampleDefinition(),
  },
  check({ definition, params, report }) {
    const items = definition.items;
    const tail = params.closingItems;
    tail.forEach((wordings, k) => {
      const index = items.length - tail.length + k;
      const item = index >= 0 ? items[index] : undefined;
      if (item && titleStartsWith(item.title, wordings)) return;
      const position = k === tail.length - 1 ? 'last item' : `item ${tail.length - k} from the end`;
      report({
        path: item ? ['items', index, 'title'] : ['items'],
        message: `the ${position} should be '${wordings[0]}'${item ? `, not '${item.title}'` : ''}`,
        hint: `the agenda of this body ends with: ${tail.map((w) => w[0]).join('; ')}`,
      });
    });
  },
});
