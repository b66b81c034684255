import { exampleDefinition, twoDayOrganization as organization } from './example-definition.js';
import { playsOne } from './roles.js';
import { defineRule, ROLES } from './types.js';

export default defineRule({
  id: 'AG013',
  name: 'annex-item-order',
  description:
    "The organization of work takes the items up in agenda order (a later item may continue an earlier one, but not start before it). Items of the roles in `takenUpLate` may come at any time: a conference adopts its credentials report near the end, though the item stands among the organizational matters.",
  source: 'CTOC/COP/WG.3/2023/1, annex (practice); CAC/COSP/2023/1 and CTOC/COP/2020/1, annexes (credentials on the last day); ECOSOC commissions do reorder items, so their profile switches this off',
  category: 'procedure',
  severity: 'warning',
  parameters: { takenUpLate: ['credentials'] as string[] },
  parameterDocs: { takenUpLate: 'roles of items that may be taken up after later items' },
  parameterSchemas: { takenUpLate: ROLES },
  messages: { outOfOrder: 'item {number} is taken up for the first time after item {highest}' },
  hints: { outOfOrder: 'take the items up in agenda order, or switch this rule off for bodies that reorder items' },
  examples: {
    failing: exampleDefinition({ organization: organization('report, other') }),
    passing: exampleDefinition({ organization: organization('other, report') }),
  },
  check({ report, model, params }) {
    const order = new Map(model.sources.items.filter((it) => !playsOne(it, params.takenUpLate)).map((it) => [it.id, it]));
    const started = new Set<string>();
    let highest: { index: number; number: string } | undefined;
    for (const day of model.sources.organization ?? []) {
      for (const slot of day.slots) {
        for (const entry of slot.entries) {
          if (!('itemId' in entry)) continue;
          const info = order.get(entry.itemId);
          if (!info || started.has(entry.itemId)) continue; // continuing an item never breaks the order
          started.add(entry.itemId);
          if (highest && info.index < highest.index) {
            report({ path: entry.origin.path, messageId: 'outOfOrder', data: { number: info.number, highest: highest.number }, hintId: 'outOfOrder' });
          }
          if (!highest || info.index > highest.index) highest = info;
        }
      }
    }
  },
});
