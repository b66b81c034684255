import { exampleDefinition, twoDayOrganization as organization } from './example-definition.js';
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
  check({ definition, report }) {
    const days = definition.organization_of_work;
    if (!days) return;
    const scheduled = new Set(days.flatMap((d) => d.slots.flatMap((s) => s.items.filter((e): e is string => typeof e === 'string'))));
    definition.items.forEach((item, i) => {
      const subs = item.items ?? [];
      // An item with sub-items is covered through them, as item 1 is in the reference annex.
      if (scheduled.has(item.id) || (subs.length && subs.every((s) => scheduled.has(s.id)))) return;
      const missing = subs.length ? subs.map((s, j) => ({ s, path: ['items', i, 'items', j], number: `${i + 1} (${String.fromCharCode(97 + j)})` })).filter((x) => !scheduled.has(x.s.id)) : [{ s: item, path: ['items', i], number: String(i + 1) }];
      for (const m of missing) {
        report({ path: [...m.path, 'id'], message: `agenda item ${m.number} ('${m.s.id}') is not taken up anywhere in the organization of work`, hint: `add '${m.s.id}' to a meeting under 'organization_of_work'` });
      }
    });
  },
});
