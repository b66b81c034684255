import { dayNumber, fromDayNumber, parseIsoDate } from '../locale/calendar.js';
import { en } from '../locale/en.js';
import { exampleDefinition } from './example-definition.js';
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
  description: 'The days of the proposed organization of work fall within the meeting dates, in order, each once, and not on a holiday the definition gives (`meeting.holidays`, which fall within the dates too); a meeting day (a weekday of the meeting that is no holiday, or a weekend day it lists) that the organization of work leaves out is a warning.',
  source: 'CTOC/COP/WG.3/2023/1, annex (practice)',
  category: 'procedure',
  severity: 'error',
  parameters: {},
  messages: {
    outside: '{date} is outside the meeting dates ({dates})',
    twice: '{date} appears twice in the organization of work',
    outOfOrder: '{date} comes after a later day in the organization of work',
    missingDay: '{day} is a meeting day, but the organization of work has no meetings on it',
    missingDays: '{count} meeting days have no meetings in the organization of work: {days}',
    holidayOutside: 'the holiday {date} is outside the meeting dates ({dates})',
    holidayMeeting: '{date} is a holiday (meeting.holidays), but the organization of work has plenary meetings on it',
  },
  hints: {
    outside: 'check the date, or the meeting dates',
    order: 'list each day once, in calendar order',
    missingDay: 'add the day to the organization of work, check the meeting dates, or list the day under meeting.holidays if the body does not meet on it',
    holiday: 'check the date, or remove it from meeting.holidays',
  },
  examples: {
    failing: exampleDefinition({ organization: organization('2023-09-13') }),
    passing: exampleDefinition({ organization: organization('2023-09-12') }),
  },
  check({ model, report }) {
    const { meeting, organization } = model.sources;
    if (!meeting.days) return;
    const [first, last] = meeting.days.map((d) => dayNumber(d.date)) as [number, number];
    const holidays = new Map<number, string>();
    meeting.holidays.forEach((iso, k) => {
      const date = parseIsoDate(iso);
      if (!date) return; // the schema has reported it
      const n = dayNumber(date);
      if (n < first || n > last) report({ path: ['meeting', 'holidays', k], messageId: 'holidayOutside', data: { date: iso, dates: meeting.written.join(' to ') }, hintId: 'holiday' });
      holidays.set(n, iso);
    });
    let previous = -Infinity;
    let misdated = false;
    for (const day of organization ?? []) {
      if (!day.date.date) continue;
      const n = dayNumber(day.date.date);
      const path = [...day.origin.path, 'date'];
      if (n < first || n > last) {
        misdated = true;
        report({ path, messageId: 'outside', data: { date: day.date.iso, dates: meeting.written.join(' to ') }, hintId: 'outside' });
      } else if (n <= previous) {
        report({ path, messageId: n === previous ? 'twice' : 'outOfOrder', data: { date: day.date.iso }, hintId: 'order' });
      } else if (holidays.has(n) && day.slots.some((slot) => slot.plenary)) {
        report({ path, messageId: 'holidayMeeting', data: { date: day.date.iso }, hintId: 'holiday' });
      }
      previous = Math.max(previous, n);
    }
    // A day out of the meeting dates is most likely a missing day mistyped: one diagnostic for it is enough.
    if (!organization?.length || misdated) return;
    const listed = new Set(organization.flatMap((d) => (d.date.date ? [dayNumber(d.date.date)] : [])));
    const missing = meeting.meetingDays.filter((n) => !listed.has(n));
    // One report for all the days left out, at the meeting dates: listing every day of a long session helps nobody.
    if (missing.length === 1) {
      report({ path: ['meeting', 'dates'], messageId: 'missingDay', data: { day: en.dateWithWeekday(fromDayNumber(missing[0]!)) }, hintId: 'missingDay', severity: 'warning' });
    } else if (missing.length > 1) {
      const days = runsOf(missing, meeting.meetingDays, [...holidays.keys()])
        .map(([from, to]) => (from === to ? en.dateWithWeekday(fromDayNumber(from)) : `${en.dateWithWeekday(fromDayNumber(from))} to ${en.dateWithWeekday(fromDayNumber(to))}`))
        .join('; ');
      report({ path: ['meeting', 'dates'], messageId: 'missingDays', data: { count: missing.length, days }, hintId: 'missingDay', severity: 'warning' });
    }
  },
});

/**
 * The days of `days` as runs of meeting days that follow one another in `meetingDays` (a
 * weekend between two weeks of meetings does not break a run; a holiday does, so that a run
 * never seems to take it in), each as its first and last day.
 */
function runsOf(days: readonly number[], meetingDays: readonly number[], holidays: readonly number[]): [number, number][] {
  const place = new Map([...meetingDays, ...holidays].sort((a, b) => a - b).map((n, k) => [n, k]));
  const runs: [number, number][] = [];
  for (const n of days) {
    const run = runs[runs.length - 1];
    if (run && place.get(n) === place.get(run[1])! + 1) run[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}
