import { exampleDefinition } from './example-definition.js';
import { plays } from './helpers.js';
import { defineRule, TEXTS } from './types.js';

export default defineRule({
  id: 'AG004',
  name: 'adoption-item-present',
  description: 'The agenda has an item or sub-item for the adoption of the agenda.',
  source: 'UNTOC COP rule 11; Security Council provisional rule 9; CMW rule 6; ECOSOC functional commissions, rule 7',
  category: 'procedure',
  severity: 'error',
  parameters: { wordings: ['Adoption of the agenda'] },
  parameterDocs: { wordings: 'how the title of the adoption item may start ("... and organization of work", "... and other organizational matters" match too); an item with `role: adoption` is the adoption item whatever its title' },
  parameterSchemas: { wordings: TEXTS },
  messages: { missing: 'the agenda has no item for the adoption of the agenda' },
  hints: { missing: "add an item or sub-item titled '{wording}' near the start" },
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
  check({ params, report, model }) {
    if (model.sources.items.some((it) => plays(it, 'adoption', params.wordings))) return;
    report({ path: ['items'], messageId: 'missing', data: { wording: params.wordings[0]! }, hintId: 'missing' });
  },
});
