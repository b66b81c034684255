import { dayNumber, parseIsoDate, parseTime } from '../locale/calendar.js';
import { exampleDefinition } from './example-definition.js';
import { meetingDates } from './helpers.js';
import { defineRule } from './types.js';

const withOpening = (opensAt: string) =>
  exampleDefinition({
    meeting: `meeting:
  kind: meeting
  number: 14
  venue: Vienna
  dates: [2023-09-11, 2023-09-12]
  opens_at: "${opensAt}"`,
    organization: `organization_of_work:
  - date: 2023-09-11
    slots:
      - time: 10:00-13:00
        items: [opening, adoption]
  - date: 2023-09-12
    slots:
      - time: 10:00-13:00
        items: [other, report]`,
  });

export default defineRule({
  id: 'AG011',
  name: 'annex-opening-consistent',
  description: 'The opening day and time in the annotations are the first day and first meeting of the organization of work.',
  source: 'CTOC/COP/WG.3/2023/1, item 1 (a) and annex (practice)',
  category: 'procedure',
  severity: 'error',
  parameters: {},
  examples: { failing: withOpening('09:30'), passing: withOpening('10:00') },
  check({ definition, report }) {
    const days = definition.organization_of_work;
    const dates = meetingDates(definition);
    if (!days?.length || !dates) return;
    const firstDay = parseIsoDate(days[0]!.date);
    if (firstDay && dayNumber(firstDay) !== dayNumber(dates[0])) {
      report({ path: ['organization_of_work', 0, 'date'], message: `the organization of work starts on ${days[0]!.date}, but the meeting opens on the first meeting day`, hint: 'the first day of the organization of work is the opening day' });
    }
    const opensAt = definition.meeting.opens_at;
    const firstSlot = days[0]!.slots[0]?.time.split(/[-–]/)[0]?.trim();
    if (opensAt === undefined || firstSlot === undefined) return;
    const a = parseTime(opensAt);
    const b = parseTime(firstSlot);
    if (a !== undefined && b !== undefined && a !== b) {
      report({ path: ['meeting', 'opens_at'], message: `the meeting opens at ${opensAt}, but the first meeting of the organization of work starts at ${firstSlot}`, hint: "make them agree, or leave out 'opens_at': the first meeting's time is then used" });
    }
  },
});
