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
    // An item with sub-items is covered through them, as item 1 is in the reference annex (and a sub-item through its own).
    const covered = (it: OutlineItem): boolean => scheduled.has(it.id) || (it.children.length > 0 && it.children.every(covered));
    const uncovered = (it: OutlineItem): OutlineItem[] => (covered(it) ? [] : it.children.length ? it.children.flatMap(uncovered) : [it]);
    for (const m of model.sources.outline.flatMap(uncovered)) {
      report({ path: [...m.origin.path, 'id'], messageId: 'notTakenUp', data: { number: m.number, id: m.id }, hintId: 'notTakenUp' });
    }
  },
});
