import { exampleDefinition } from './example-definition.js';
import { defineRule } from './types.js';

/** The first day's meetings as YAML lines, in the order given. */
const organization = (...firstDay: string[]) => `organization_of_work:
  - date: 2023-09-11
    slots:
${firstDay.join('\n')}
  - date: 2023-09-12
    slots:
      - time: 15:00-18:00
        items: [report]`;
const MORNING = '      - time: 10:00-13:00\n        items: [opening, adoption]';
const AFTERNOON = '      - time: 15:00-18:00\n        items: [other]';

/** A time of the rule's messages as the definition writes times, from minutes after midnight: "15:00". */
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export default defineRule({
  id: 'AG040',
  name: 'slot-order',
  description:
    "The meetings of a day in the organization of work are listed in the order of the clock, and two plenary meetings do not overlap: the first opens the session ({opening-time}) and '(continued)' follows that order. A meeting that is not plenary (`plenary: false`) may run beside a plenary one.",
  source: 'CTOC/COP/WG.3/2023/1, annex (practice)',
  category: 'procedure',
  severity: 'error',
  parameters: {},
  messages: {
    outOfOrder: 'this meeting starts at {start}, before the meeting listed above it ({previous})',
    overlap: 'this plenary meeting starts at {start}, before the plenary meeting above it ends ({previousEnd})',
  },
  hints: {
    outOfOrder: 'list the meetings of the day in the order of the clock: the opening time and "(continued)" follow that order',
    overlap: 'check the times, or mark a meeting held beside the plenary with `plenary: false`',
  },
  examples: {
    failing: exampleDefinition({ organization: organization(AFTERNOON, MORNING) }),
    passing: exampleDefinition({ organization: organization(MORNING, AFTERNOON) }),
  },
  check({ model, report }) {
    for (const day of model.sources.organization ?? []) {
      let previousStart: number | undefined;
      let plenaryEnd: number | undefined;
      for (const slot of day.slots) {
        // A time that did not parse is the compiler's to report.
        if (slot.start === undefined || slot.end === undefined) continue;
        const path = [...slot.origin.path, 'time'];
        if (previousStart !== undefined && slot.start < previousStart) {
          report({ path, messageId: 'outOfOrder', data: { start: clock(slot.start), previous: clock(previousStart) }, hintId: 'outOfOrder' });
        } else if (slot.plenary && plenaryEnd !== undefined && slot.start < plenaryEnd) {
          report({ path, messageId: 'overlap', data: { start: clock(slot.start), previousEnd: clock(plenaryEnd) }, hintId: 'overlap' });
        }
        previousStart = Math.max(previousStart ?? slot.start, slot.start);
        if (slot.plenary) plenaryEnd = Math.max(plenaryEnd ?? slot.end, slot.end);
      }
    }
  },
});
