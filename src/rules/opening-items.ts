import { exampleDefinition } from './example-definition.js';
import { describeRoles, playsOne } from './roles.js';
import { defineRule, ROLE_LISTS } from './types.js';

export default defineRule({
  id: 'AG006',
  name: 'opening-items',
  description: "The agenda opens with the body's usual first items, matched by their roles (e.g. 'organizational-matters', then 'opening': '1. Organizational matters: (a) Opening of the meeting'), whatever their exact wording ('Opening of the ninth session of the Assembly', 'Opening of the session by the head of the delegation of ...').",
  source: 'CTOC/COP/WG.3/2023/1; CAC/COSP/2015/1; E/CN.15/2011/1; CMW rule 6; A/S-20/1 (practice)',
  category: 'procedure',
  severity: 'warning',
  parameters: { firstRoles: [['organizational-matters', 'opening', 'election-of-officers']] },
  parameterDocs: { firstRoles: 'the roles of the first items and sub-items, in reading order (1, 1 (a), 1 (b), 2 ...): for each place, the roles it may have' },
  parameterSchemas: { firstRoles: ROLE_LISTS },
  messages: {
    different: "item {number} '{title}' is not what this body's agendas start with: {expected}",
    missing: 'the agenda has no item {position} in reading order ({expected})',
  },
  hints: {
    usual: 'the agenda of this body opens with: {usual}',
    declare: "the agenda of this body opens with: {usual}; if item {number} is {expected} in other words, declare its role ('role: ...')",
    inferred: "the agenda of this body opens with: {usual}; item {number} is taken for {inferred} from its title: if it is something else, declare its role ('role: ...')",
  },
  examples: {
    failing: exampleDefinition({
      items: `items:
  - id: topic
    title: International cooperation
    annotation: No documentation is foreseen under this item.
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
    const usual = params.firstRoles.map((roles) => describeRoles(roles)).join('; then ');
    // Only the first difference is reported: everything after it is shifted anyway.
    for (const [i, roles] of params.firstRoles.entries()) {
      const it = items[i];
      if (it && playsOne(it, roles)) continue;
      const expected = describeRoles(roles);
      if (it) {
        const inferred: Record<string, string> = it.role !== undefined && !it.roleWritten ? { inferred: describeRoles([it.role]) } : {};
        report({ path: [...it.origin.path, 'title'], messageId: 'different', data: { number: it.number, title: it.title, expected, usual, ...inferred }, hintId: it.role === undefined ? 'declare' : it.roleWritten ? 'usual' : 'inferred' });
      }
      else report({ path: ['items'], messageId: 'missing', data: { position: i + 1, expected, usual }, hintId: 'usual' });
      return;
    }
  },
});
