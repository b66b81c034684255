import { exampleDefinition } from './example-definition.js';
import { defineRule } from './types.js';

export default defineRule({
  id: 'AG004',
  name: 'adoption-item-present',
  description: "The agenda has an item or sub-item for the adoption of the agenda (role 'adoption-of-agenda': declared, or recognised from a title such as 'Adoption of the agenda and organization of work').",
  source: 'UNTOC COP rule 11; Security Council provisional rule 9; CMW rule 6; ECOSOC functional commissions, rule 7',
  category: 'procedure',
  severity: 'error',
  parameters: {},
  messages: { missing: 'the agenda has no item for the adoption of the agenda' },
  hints: { missing: "add an item or sub-item titled 'Adoption of the agenda' near the start; an item titled otherwise (in another language) takes 'role: adoption-of-agenda'" },
  examples: {
    failing: exampleDefinition({
      items: `items:
  - id: organizational
    title: Organizational matters
    items:
      - id: opening
        title: Opening of the meeting
      - id: work
        title: Organization of work
  - id: other
    title: Other matters
    annotation: No documentation is foreseen under this item.
  - id: report
    title: Adoption of the report`,
    }),
    passing: exampleDefinition(),
  },
  check({ report, model }) {
    if (model.sources.items.some((it) => it.role === 'adoption-of-agenda')) return;
    report({ path: ['items'], messageId: 'missing', hintId: 'missing' });
  },
});
