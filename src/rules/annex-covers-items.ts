import { exampleDefinition, twoDayOrganization as organization } from './example-definition.js';
import { flatItems } from './helpers.js';
import { defineRule } from './types.js';

export default defineRule({
  id: 'AG012',
  name: 'annex-covers-items',
  description: 'Every agenda item and sub-item is taken up at least once in the proposed organization of work.',
  source: 'CTOC/COP/WG.3/2023/1, annex (practice)',
  category: 'procedure',
  severity: 'error',
  parameters: {},
  examples: {
    failing: exampleDefinition({ organization: organization('report') }),
    passing: exampleDefinition({ organization: organization('other, report') }),
  },
  check({ definition, model, report }) {
    const days = definition.organization_of_work;
    if (!days) return;
    const scheduled = new Set(days.flatMap((d) => d.slots.flatMap((s) => s.items.filter((e): e is string => typeof e === 'string'))));
    const items = flatItems(definition, model);
    const subsOf = new Map<number, typeof items>();
    for (const s of items) {
      if (s.sub === undefined) continue;
      const list = subsOf.get(s.top);
      if (list) list.push(s);
      else subsOf.set(s.top, [s]);
    }
    for (const it of items) {
      if (it.sub !== undefined || scheduled.has(it.def.id)) continue;
      const subs = subsOf.get(it.top) ?? [];
      // An item with sub-items is covered through them, as item 1 is in the reference annex.
      if (subs.length && subs.every((s) => scheduled.has(s.def.id))) continue;
      for (const m of subs.length ? subs.filter((s) => !scheduled.has(s.def.id)) : [it]) {
        report({ path: [...m.path, 'id'], message: `agenda item ${m.number} ('${m.def.id}') is not taken up anywhere in the organization of work`, hint: `add '${m.def.id}' to a meeting under 'organization_of_work'` });
      }
    }
  },
});
