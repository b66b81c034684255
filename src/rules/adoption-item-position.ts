import { exampleDefinition } from './example-definition.js';
import { describeRoles, playsOne } from './roles.js';
import { defineRule, ROLES } from './types.js';

export default defineRule({
  id: 'AG005',
  name: 'adoption-item-position',
  description: 'The adoption of the agenda comes first, after only the preliminaries the body allows (opening, election of officers, solemn declaration ...), matched by their roles.',
  source: 'UNTOC COP rule 11; CMW rules 6 and 13; ECOSOC functional commissions, rules 7 and 15; A/S-20/1',
  category: 'procedure',
  severity: 'warning',
  parameters: {
    allowedBefore: ['organizational-matters', 'opening', 'election-of-officers', 'solemn-declaration'],
  },
  parameterDocs: { allowedBefore: 'the roles of the items and sub-items that may precede it (the item that holds it as a sub-item always may)' },
  parameterSchemas: { allowedBefore: ROLES },
  messages: { late: "the adoption of the agenda (item {number}) comes after item {intruder} '{title}', which is not a preliminary this body takes first" },
  hints: {
    late: 'only these may come before it: {allowed}',
    declare: "only these may come before it: {allowed}; if item {intruder} is one of them in other words, declare its role ('role: ...')",
    inferred: "only these may come before it: {allowed}; item {intruder} is taken for {inferred} from its title: if it is something else, declare its role ('role: ...')",
  },
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
    const adoption = items.find((it) => it.role === 'adoption-of-agenda');
    if (!adoption) return; // adoption-item-present reports it
    // The item that holds the adoption as a sub-item comes before it whatever it is called.
    const holds = (it: (typeof items)[number]) => it.level === 1 && adoption.level === 2 && it.top === adoption.top;
    const intruder = items.slice(0, adoption.index).find((it) => !holds(it) && !playsOne(it, params.allowedBefore));
    if (!intruder) return;
    report({
      path: [...adoption.origin.path, 'title'],
      messageId: 'late',
      data: { number: adoption.number, intruder: intruder.number, title: intruder.title, allowed: describeRoles(params.allowedBefore, '; '), ...(intruder.role ? { inferred: describeRoles([intruder.role]) } : {}) },
      hintId: intruder.role === undefined ? 'declare' : intruder.roleWritten ? 'late' : 'inferred',
    });
  },
});
