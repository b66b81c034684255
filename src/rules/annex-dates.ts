import { dayNumber, parseIsoDate } from '../locale/calendar.js';
import { exampleDefinition } from './example-definition.js';
import { meetingDates } from './helpers.js';
import { defineRule } from './types.js';

const organization = (second: string) => `organization_of_work:
  - date: 2023-09-11
    slots:
      - time: 10:00-13:00
        items: [opening, adoption]
  - date: ${second}
    slots:
      - time: 10:00-13:00
        items: [other, report]`;

export default defineRule({
  id: 'AG010',
  name: 'annex-dates',
  description: 'The days of the proposed organization of work fall within the meeting dates, in order, each once.',
  source: 'CTOC/COP/WG.3/2023/1, annex (practice)',
  category: 'procedure',
  severity: 'error',
  parameters: {},
  examples: {
    failing: exampleDefinition({ organization: organization('2023-09-13') }),
    passing: exampleDefinition({ organization: organization('2023-09-12') }),
  },
  check({ definition, report }) {
    const dates = meetingDates(definition);
    if (!dates) return;
    const [first, last] = dates.map(dayNumber) as [number, number];
    let previous = -Infinity;
    definition.organization_of_work?.forEach((day, d) => {
      const date = parseIsoDate(day.date);
      if (!date) return;
      const n = dayNumber(date);
      const path = ['organization_of_work', d, 'date'];
      if (n < first || n > last) {
        report({ path, message: `${day.date} is outside the meeting dates (${definition.meeting.dates.toString().replace(',', ' to ')})`, hint: 'check the date, or the meeting dates' });
      } else if (n <= previous) {
        report({ path, message: `${day.date} ${n === previous ? 'appears twice' : 'comes after a later day'} in the organization of work`, hint: 'list each day once, in calendar order' });
      }
      previous = Math.max(previous, n);
    });
  },
});
