import { exampleDefinition } from './example-definition.js';
import { defineRule, TEXT } from './types.js';

const items = (annotation: string) => `items:
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
    annotation: ${annotation}
    documentation:
      - title: Background paper prepared by the Secretariat
        symbol: CTOC/COP/WG.3/2023/2
  - id: other
    title: Other matters
    annotation: No documentation is foreseen under this item.
  - id: report
    title: Adoption of the report`;

export default defineRule({
  id: 'AG009',
  name: 'review-mechanism-citation',
  description: 'The annotation of the review-mechanism item cites paragraph 12 of the procedures and rules for the functioning of the Mechanism.',
  source: 'UNTOC review mechanism, procedures and rules, para. 12; CTOC/COP/WG.3/2023/1, item 3',
  category: 'procedure',
  severity: 'warning',
  parameters: { citation: 'paragraph 12 of the procedures and rules for the functioning of the Mechanism' },
  parameterDocs: { citation: 'the words the annotation must contain' },
  parameterSchemas: { citation: TEXT },
  messages: { noCitation: 'item {number} is on the review mechanism, but its annotation does not cite {citation}' },
  hints: { noCitation: "start the annotation with 'Pursuant to {citation} ...'" },
  examples: {
    failing: exampleDefinition({ items: items('The Working Group will discuss the review process.') }),
    passing: exampleDefinition({ items: items('Pursuant to paragraph 12 of the procedures and rules for the functioning of the Mechanism, the working groups are to add matters pertaining to the review process to their agendas.') }),
  },
  check({ params, report, model }) {
    const wanted = params.citation.toLowerCase().replace(/\s+/g, ' ');
    for (const it of model.sources.items) {
      if (!it.reviewMechanism) continue;
      const text = (it.annotation ?? '').toLowerCase().replace(/\s+/g, ' ');
      if (!text.includes(wanted)) {
        report({
          path: [...it.origin.path, it.annotation === undefined ? 'review_mechanism' : 'annotation'],
          messageId: 'noCitation',
          data: { number: it.number, citation: params.citation },
          hintId: 'noCitation',
        });
      }
    }
  },
});
