import { dayNumber } from '../locale/calendar.js';
import { exampleDefinition } from './example-definition.js';
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
  messages: {
    firstDay: 'the organization of work starts on {date}, but the meeting opens on the first meeting day',
    openingTime: 'the meeting opens at {opensAt}, but the first meeting of the organization of work starts at {firstSlot}',
  },
  hints: {
    firstDay: 'the first day of the organization of work is the opening day',
    openingTime: "make them agree, or leave out 'opens_at': the first meeting's time is then used",
  },
  examples: { failing: withOpening('09:30'), passing: withOpening('10:00') },
  check({ model, report }) {
    const { meeting, organization: days } = model.sources;
    if (!days?.length) return;
    const firstDay = days[0]!.date;
    if (firstDay.date && meeting.days && dayNumber(firstDay.date) !== dayNumber(meeting.days[0].date)) {
      report({ path: [...days[0]!.origin.path, 'date'], messageId: 'firstDay', data: { date: firstDay.iso }, hintId: 'firstDay' });
    }
    const firstSlot = days[0]!.slots[0];
    const opensAt = meeting.opensAt;
    if (opensAt === undefined || firstSlot === undefined) return;
    const a = opensAt.minutes;
    const b = firstSlot.start;
    if (a !== undefined && b !== undefined && a !== b) {
      report({ path: ['meeting', 'opens_at'], messageId: 'openingTime', data: { opensAt: opensAt.text, firstSlot: firstSlot.time.split(/[-–]/)[0]!.trim() }, hintId: 'openingTime' });
    }
  },
});
