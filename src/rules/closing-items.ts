import type { OutlineItem } from '../model.js';
import { exampleDefinition } from './example-definition.js';
import { describeRoles, playsOne } from './roles.js';
import { defineRule, ROLE_LISTS, ROLES } from './types.js';

export default defineRule({
  id: 'AG007',
  name: 'closing-items',
  description:
    "The agenda ends with the body's closing items, matched by their roles: 'other-matters', then 'adoption-of-report' (with the next session's provisional agenda where the body adopts one). A closing item that is missing is an error and is named; one out of place is a warning. Roles in `optionalRoles` may be missing: a treaty body adopts its annual report at one session of the year, so its other session ends with a substantive item.",
  source: 'CTOC/COP/WG.3/2023/1; CAC/COSP/2015/1; E/CN.15/2011/1; CMW/C/39/1 (practice)',
  category: 'procedure',
  severity: 'warning',
  parameters: { closingRoles: [['other-matters'], ['adoption-of-report']], optionalRoles: [] as string[] },
  parameterDocs: {
    closingRoles: 'the roles of the last items, in order: for each place, the roles it may have',
    optionalRoles: 'roles of closing items that some sessions do not have (when present, they must stand in their place)',
  },
  parameterSchemas: { closingRoles: ROLE_LISTS, optionalRoles: ROLES },
  messages: {
    missing: "the agenda has no item {expected}: it should come right before item {nextNumber} '{nextTitle}'",
    missingLast: 'the agenda has no item {expected}: it should come last',
    misplaced: "item {number} '{title}' should come right before item {nextNumber} '{nextTitle}'",
    misplacedLast: "item {number} '{title}' should come last",
  },
  hints: {
    usual: 'the agenda of this body ends with: {usual}',
    declare: "the agenda of this body ends with: {usual}; if item {candidate} is that item in other words, declare its role ('role: {role}')",
    inferred: "the agenda of this body ends with: {usual}; item {number} is taken for {inferred} from its title: if it is something else, declare its role ('role: ...')",
  },
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
  check({ model, params, report }) {
    const items = model.sources.outline;
    const usual = params.closingRoles.map((roles) => describeRoles(roles)).join('; then ');
    // Matched from the end: `j` is the last item not yet matched, `next` the closing item matched after it.
    let j = items.length - 1;
    let next: OutlineItem | undefined;
    for (let k = params.closingRoles.length - 1; k >= 0; k--) {
      const roles = params.closingRoles[k]!;
      const here = items[j];
      if (here && j >= 0 && playsOne(here, roles)) {
        next = here;
        j--;
        continue;
      }
      // Where it belongs: before the closing item matched after it, or last (a message of its own each).
      const place: Record<string, string> = next ? { nextNumber: next.number, nextTitle: next.title } : {};
      const elsewhere = items.find((it) => playsOne(it, roles));
      if (elsewhere) {
        const inferred: Record<string, string> = elsewhere.roleWritten ? {} : { inferred: describeRoles([elsewhere.role!]) };
        report({ path: [...elsewhere.origin.path, 'title'], messageId: next ? 'misplaced' : 'misplacedLast', data: { number: elsewhere.number, title: elsewhere.title, ...place, usual, ...inferred }, hintId: elsewhere.roleWritten ? 'usual' : 'inferred' });
        continue;
      }
      if (roles.every((r) => params.optionalRoles.includes(r))) continue;
      const data = { expected: describeRoles(roles), ...place, usual };
      const at = next ?? (here && j >= 0 ? here : undefined);
      // An item in that place that plays no role may be this one in other words.
      const candidate = here && j >= 0 && here.role === undefined ? here : undefined;
      report({
        path: at ? [...at.origin.path, 'title'] : ['items'],
        messageId: next ? 'missing' : 'missingLast',
        data: candidate ? { ...data, candidate: candidate.number, role: roles[0]! } : data,
        hintId: candidate ? 'declare' : 'usual',
        severity: 'error',
      });
    }
  },
});
