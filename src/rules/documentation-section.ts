import { ITEM_ROLES, type OutlineItem } from '../model.js';
import { exampleDefinition } from './example-definition.js';
import { playsOne } from './roles.js';
import { defineRule, ROLES, TEXT } from './types.js';

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

/** The words that say no documentation is foreseen, in English: the parameter's default. */
const ENGLISH_STATEMENT = 'no documentation';

/** Every procedural role but other matters: an item for matters nobody has raised yet says whether documents are foreseen. */
const PROCEDURAL = ITEM_ROLES.filter((r) => r !== 'other-matters');

export default defineRule({
  id: 'AG016',
  name: 'documentation-section',
  description:
    "Each substantive item of an annotated agenda lists its documentation or says that none is foreseen. Procedural items (by their role: opening, elections, solemn declaration, minute of silent prayer, general debate, adoption of the agenda or of the (annual) report ...) never list documents, and a plain provisional agenda (a list without annotations: `document.kind` says so, or no item has an annotation or documents) has no documentation sections at all.",
  source: 'CTOC/COP/WG.3/2023/1, items 2 to 4 (practice)',
  category: 'procedure',
  severity: 'warning',
  parameters: {
    exemptRoles: PROCEDURAL as string[],
    noDocumentation: ENGLISH_STATEMENT,
  },
  parameterDocs: { exemptRoles: 'the roles of the items that need no documentation', noDocumentation: 'words that state that no documentation is foreseen (English by default: in a definition in another language, annotations are read for them only when the configuration gives that language’s words)' },
  parameterSchemas: { exemptRoles: ROLES, noDocumentation: TEXT },
  messages: { noDocumentation: 'item {number} lists no documentation and does not say that none is foreseen' },
  hints: { noDocumentation: "add 'documentation:' entries, or say in the annotation that no documentation is foreseen; a procedural item titled otherwise takes its role ('role: ...')" },
  examples: {
    failing: exampleDefinition({ items: items('The Working Group may raise other matters.') }),
    passing: exampleDefinition({ items: items('As no issues to be raised under {agenda-item:other} have come to the attention of the secretariat, no documentation regarding the item is currently foreseen.') }),
  },
  check({ params, report, model }) {
    const { document, items: all } = model.sources;
    // A plain provisional agenda lists no documents; nor does a list not yet annotated at all.
    if (!document.annotated || all.every((it) => it.annotation === undefined && it.documentation.length === 0)) return;
    const statement = params.noDocumentation.toLowerCase();
    // The default words are English: in another language an annotation is taken to say what it
    // needs to, unless the configuration gives the words that language uses.
    const readsAnnotations = model.lang === 'en' || params.noDocumentation !== ENGLISH_STATEMENT;
    for (const it of all) {
      if (it.children.length) continue; // its sub-items carry the documentation
      if (it.top === 0 || playsOne(it, params.exemptRoles)) continue; // procedural items need no documents
      if (it.documentation.length) continue;
      if (it.annotation !== undefined && !readsAnnotations) continue;
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

