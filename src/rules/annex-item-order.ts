import { exampleDefinition, twoDayOrganization as organization } from './example-definition.js';
import { flatItems } from './helpers.js';
import { defineRule } from './types.js';

export default defineRule({
  id: 'AG013',
  name: 'annex-item-order',
  description: 'The organization of work takes the items up in agenda order (a later item may continue an earlier one, but not start before it).',
  source: 'CTOC/COP/WG.3/2023/1, annex (practice); ECOSOC commissions do reorder items, so their profile switches this off',
  category: 'procedure',
  severity: 'warning',
  parameters: {},
  examples: {
    failing: exampleDefinition({ organization: organization('report, other') }),
    passing: exampleDefinition({ organization: organization('other, report') }),
  },
  check({ definition, report, model }) {
    const order = new Map(flatItems(definition, model).map((it, i) => [it.def.id, { rank: i, number: it.number }]));
    const started = new Set<string>();
    let highest: { rank: number; number: string } | undefined;
    definition.organization_of_work?.forEach((day, d) =>
      day.slots.forEach((slot, s) =>
        slot.items.forEach((entry, e) => {
          if (typeof entry !== 'string') return;
          const info = order.get(entry);
          if (!info || started.has(entry)) return; // continuing an item never breaks the order
          started.add(entry);
          if (highest && info.rank < highest.rank) {
            report({ path: ['organization_of_work', d, 'slots', s, 'items', e], message: `item ${info.number} is taken up for the first time after item ${highest.number}`, hint: 'take the items up in agenda order, or switch this rule off for bodies that reorder items' });
          }
          if (!highest || info.rank > highest.rank) highest = info;
        }),
      ),
    );
  },
});
