import { exampleDefinition } from './example-definition.js';
import { defineRule } from './types.js';

const reviewItems = `items:
  - id: organizational
    title: Organizational matters
    items:
      - id: opening
        title: Opening of the meeting
      - id: adoption
        title: Adoption of the agenda and organization of work
  - id: lessons
    title: Lessons learned
    review_mechanism: true
    annotation: Pursuant to paragraph 12 of the procedures and rules for the functioning of the Mechanism, the working groups are to add matters pertaining to the review process to their agendas.
    documentation:
      - title: Background paper prepared by the Secretariat
        symbol: CTOC/COP/WG.3/2023/2
  - id: status
    title: Status of the review process
    review_mechanism: REVIEW
    annotation: Pursuant to paragraph 12 of the procedures and rules for the functioning of the Mechanism, the working groups report on the review process.
    documentation:
      - title: Note by the Secretariat
        symbol: CTOC/COP/WG.3/2023/3
  - id: other
    title: Other matters
    annotation: No documentation is foreseen under this item.
  - id: report
    title: Adoption of the report`;

export default defineRule({
  id: 'AG008',
  name: 'review-mechanism-max-one',
  description: 'A working group gives at most one agenda item per session to the functioning of the review mechanism.',
  source: 'UNTOC review mechanism, procedures and rules, para. 12 (annex to COP resolution 9/1)',
  category: 'procedure',
  severity: 'error',
  parameters: { max: 1 },
  parameterDocs: { max: 'items flagged review_mechanism: true allowed per session' },
  parameterSchemas: { max: { type: 'integer', minimum: 0, maximum: 100 } },
  messages: { tooMany: 'item {number} is one more item on the review mechanism ({count} in all); a working group may give it no more than {max} per session' },
  hints: { tooMany: 'merge the review-mechanism matters into item {first}' },
  examples: {
    failing: exampleDefinition({ items: reviewItems.replace('REVIEW', 'true') }),
    passing: exampleDefinition({ items: reviewItems.replace('REVIEW', 'false') }),
  },
  check({ params, report, model }) {
    const flagged = model.sources.items.filter((it) => it.reviewMechanism);
    for (const extra of flagged.slice(params.max)) {
      report({
        path: [...extra.origin.path, 'review_mechanism'],
        messageId: 'tooMany',
        data: { number: extra.number, count: flagged.length, max: params.max, first: flagged[0]!.number },
        hintId: 'tooMany',
      });
    }
  },
});
