import { exampleDefinition, twoDayOrganization as organization } from './example-definition.js';
import type { OutlineItem } from '../model.js';
import { defineRule } from './types.js';

export default defineRule({
  id: 'AG012',
  name: 'annex-covers-items',
  description: 'Every agenda item and sub-item is taken up at least once in the proposed organization of work.',
  source: 'CTOC/COP/WG.3/2023/1, annex (practice)',
  category: 'procedure',
  severity: 'error',
  parameters: {},
  messages: { notTakenUp: "agenda item {number} ('{id}') is not taken up anywhere in the organization of work" },
  hints: { notTakenUp: "add '{id}' to a meeting under 'organization_of_work'" },
  examples: {
    failing: exampleDefinition({ organization: organization('report') }),
    passing: exampleDefinition({ organization: organization('other, report') }),
  },
  check({ model, report }) {
    const days = model.sources.organization;
    if (!days) return;
    const scheduled = new Set(days.flatMap((d) => d.slots.flatMap((s) => s.entries.flatMap((e) => ('itemId' in e ? [e.itemId] : [])))));
    for (const it of model.sources.outline) {
      if (scheduled.has(it.id)) continue;
      const subs = it.children;
      // An item with sub-items is covered through them, as item 1 is in the reference annex.
      if (subs.length && subs.every((s) => scheduled.has(s.id))) continue;
      for (const m of subs.length ? subs.filter((s: OutlineItem) => !scheduled.has(s.id)) : [it]) {
        report({ path: [...m.origin.path, 'id'], messageId: 'notTakenUp', data: { number: m.number, id: m.id }, hintId: 'notTakenUp' });
      }
    }
  },
});
