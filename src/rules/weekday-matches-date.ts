import { parseIsoDate, weekday } from '../locale/calendar.js';
import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { hasFigure, MONTH_PATTERN, MONTHS, WEEKDAYS } from './text.js';
import { defineRule } from './types.js';

const WEEKDAY_DATE = new RegExp(`\\b(${WEEKDAYS.join('|')}),? (\\d{1,2}) (${MONTH_PATTERN})(?: (\\d{4}))?`, 'g');

export default defineRule({
  id: 'AG025',
  name: 'weekday-matches-date',
  description: 'A weekday written in the text ("Friday, 27 May 2022") is the weekday of that date.',
  source: 'CTOC/COP/WG.3/2023/1 (practice); generated weekdays are always right, written ones are not',
  category: 'editorial',
  languages: ['en'],
  severity: 'error',
  parameters: {},
  messages: {
    notADate: '{day} {month} {year} is not a date',
    wrongWeekday: '{day} {month} {year} is a {actual}, not a {written}',
  },
  hints: {
    notADate: 'check the day of the month',
    wrongWeekday: "write '{actual}', or check the date",
    wrongWeekdayNoYear: "write '{actual}', or check the date (no year given: the meeting year is assumed)",
  },
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('The constructive dialogue was held on Thursday, 27 May 2022.') }),
    passing: exampleDefinition({ items: itemsWithAnnotation('The constructive dialogue was held on Friday, 27 May 2022.') }),
  },
  check({ model, report }) {
    const meetingYear: number | undefined = model.sources.meeting.days?.[0].date.year;
    for (const t of model.sources.texts) {
      if (!hasFigure(t.masked)) continue; // the day is in figures
      for (const m of t.masked.matchAll(WEEKDAY_DATE)) {
        const year = m[4] ? Number(m[4]) : meetingYear;
        if (year === undefined) continue;
        const month = MONTHS.indexOf(m[3]!) + 1;
        const iso = `${year}-${String(month).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
        const date = parseIsoDate(iso);
        if (!date) {
          report({ path: t.origin.path, offset: m.index + m[1]!.length + 1, length: m[0].length - m[1]!.length - 1, messageId: 'notADate', data: { day: m[2]!, month: m[3]!, year }, hintId: 'notADate' });
          continue;
        }
        const actual = WEEKDAYS[weekday(date)]!;
        if (actual !== m[1]) {
          report({ path: t.origin.path, offset: m.index, length: m[1]!.length, messageId: 'wrongWeekday', data: { day: m[2]!, month: m[3]!, year, actual, written: m[1]! }, hintId: m[4] ? 'wrongWeekday' : 'wrongWeekdayNoYear' });
        }
      }
    }
  },
});
