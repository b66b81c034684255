import { exampleDefinition } from './example-definition.js';
import { plays, titleStartsWith } from './helpers.js';
import { defineRule, TEXTS } from './types.js';

export default defineRule({
  id: 'AG005',
  name: 'adoption-item-position',
  description: 'The adoption of the agenda comes first, after only the preliminaries the body allows (opening, election of officers, solemn declaration).',
  source: 'UNTOC COP rule 11; CMW rules 6 and 13; ECOSOC functional commissions, rules 7 and 15; A/S-20/1',
  category: 'procedure',
  severity: 'warning',
  parameters: {
    wordings: ['Adoption of the agenda'],
    allowedBefore: ['Organizational matters', 'Opening of the meeting', 'Opening of the session', 'Election of officers', 'Solemn declaration'],
  },
  parameterDocs: { wordings: 'how the title of the adoption item starts', allowedBefore: 'the items and sub-items that may precede it (and any with `role: organization` or `role: opening`)' },
  parameterSchemas: { wordings: TEXTS, allowedBefore: TEXTS },
  messages: { late: "the adoption of the agenda (item {number}) comes after item {intruder} '{title}'" },
  hints: { late: 'only these may come before it: {allowed}' },
  examples: {
    failing: exampleDefinition({
      items: `items:
  - id: organizational
    title: Organizational matters
    items:
      - id: opening
        title: Opening of the meeting
      - id: statements
        title: General statements
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
    const at = items.findIndex((it) => plays(it, 'adoption', params.wordings));
    if (at < 0) return; // adoption-item-present reports it
    // Organizational matters and the opening may come first whatever their wording, when the definition says what they are.
    const intruder = items.slice(0, at).find((it) => !(it.roleWritten && (it.role === 'organization' || it.role === 'opening')) && !titleStartsWith(it.title, params.allowedBefore));
    if (intruder) {
      report({
        path: [...items[at]!.origin.path, 'title'],
        messageId: 'late',
        data: { number: items[at]!.number, intruder: intruder.number, title: intruder.title, allowed: params.allowedBefore.join('; ') },
        hintId: 'late',
      });
    }
  },
});
