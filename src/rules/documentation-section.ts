import { exampleDefinition } from './example-definition.js';
import { titleStartsWith } from './helpers.js';
import { defineRule, TEXT, TEXTS } from './types.js';

const items = (other: string) => `items:
  - id: organizational
    title: Organizational matters
    items:
      - id: opening
        title: Opening of the meeting
      - id: adoption
        title: Adoption of the agenda and organization of work
  - id: topic
    title: Law enforcement cooperation
    annotation: The Working Group may wish to exchange views on law enforcement cooperation.
    documentation:
      - title: Background paper prepared by the Secretariat
        symbol: CTOC/COP/WG.3/2023/2
  - id: other
    title: Other matters
    annotation: ${other}
  - id: report
    title: Adoption of the report`;

export default defineRule({
  id: 'AG016',
  name: 'documentation-section',
  description: 'Each substantive item lists its documentation or says that none is foreseen.',
  source: 'CTOC/COP/WG.3/2023/1, items 2 to 4 (practice)',
  category: 'procedure',
  severity: 'warning',
  parameters: {
    exempt: ['Organizational matters', 'Opening of the', 'Adoption of the agenda', 'Election of officers', 'Adoption of the report'],
    noDocumentation: 'no documentation',
  },
  parameterDocs: { exempt: 'procedural items (by the start of their title) that need no documentation; items with a `role:` other than other-matters need none either', noDocumentation: 'words that state that no documentation is foreseen' },
  parameterSchemas: { exempt: TEXTS, noDocumentation: TEXT },
  messages: { noDocumentation: 'item {number} lists no documentation and does not say that none is foreseen' },
  hints: { noDocumentation: "add 'documentation:' entries, or say in the annotation that no documentation is foreseen" },
  examples: {
    failing: exampleDefinition({ items: items('The Working Group may raise other matters.') }),
    passing: exampleDefinition({ items: items('As no issues to be raised under {agenda-item:other} have come to the attention of the secretariat, no documentation regarding the item is currently foreseen.') }),
  },
  check({ params, report, model }) {
    const statement = params.noDocumentation.toLowerCase();
    if (!model.sources.document.annotated) return; // a plain provisional agenda lists no documents
    for (const it of model.sources.items) {
      if (it.children.length) continue; // its sub-items carry the documentation
      if (it.top === 0 || titleStartsWith(it.title, params.exempt) || (it.roleWritten && it.role !== 'other-matters')) continue; // procedural items need no documents
      if (it.documentation.length) continue;
      if ((it.annotation ?? '').toLowerCase().replace(/\s+/g, ' ').includes(statement)) continue;
      report({
        path: [...it.origin.path, it.annotation === undefined ? 'title' : 'annotation'],
        messageId: 'noDocumentation',
        data: { number: it.number },
        hintId: 'noDocumentation',
      });
    }
  },
});
