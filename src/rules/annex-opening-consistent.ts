import { dayNumber } from '../locale/calendar.js';
import { en } from '../locale/en.js';
import type { Sources } from '../model.js';
import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { MONTHS, MONTH_PATTERN, WEEKDAYS } from './text.js';
import { defineRule, type RuleContext } from './types.js';

/**
 * "Monday, 23 May 2022, at 10 a.m.": the opening day (and time) as an opening annotation
 * states it. Only a weekday with its date counts, after a verb of opening, so that other
 * dates of the annotation (a decision of the Bureau) are left alone.
 */
const OPENING_DATE = new RegExp(`\\b(${WEEKDAYS.join('|')}),? (\\d{1,2}) (${MONTH_PATTERN})(?:,? (\\d{4}))?(?:,? at (?:(\\d{1,2})(?:\\.(\\d{2}))? ([ap])\\.m\\.|(noon)))?`, 'g');
const OPENING_VERB = /\b(?:open|opens|opened|opening|convene|convenes|convened|begin|begins|commence|commences|commenced)\b/i;

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
  description: 'The opening day and time agree everywhere: the first day and first meeting of the organization of work, `meeting.opens_at`, and the day and time the opening annotation writes out ("will be opened on Monday, 11 September 2023, at 10 a.m.": a sentence left from an earlier agenda is caught).',
  source: 'CTOC/COP/WG.3/2023/1, item 1 (a) and annex (practice)',
  category: 'procedure',
  severity: 'error',
  parameters: {},
  messages: {
    firstDay: 'the organization of work starts on {date}, but the meeting opens on the first meeting day',
    openingTime: 'the meeting opens at {opensAt}, but the first meeting of the organization of work starts at {firstSlot}',
    annotationDate: "the opening annotation says the meeting opens on '{written}', but it opens on {expected}",
    annotationTime: "the opening annotation says the meeting opens at {written}, but it opens at {expected}",
  },
  hints: {
    firstDay: 'the first day of the organization of work is the opening day',
    openingTime: "make them agree, or leave out 'opens_at': the first meeting's time is then used",
    annotation: 'write {opening-date} and {opening-time}: they are taken from the meeting dates and the first meeting, and stay right when those change',
  },
  examples: { failing: withOpening('09:30'), passing: withOpening('10:00') },
  check(context) {
    annotationOpening(context);
    const { model, report } = context;
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

/** The opening day and time written out in the opening annotation, compared with the meeting's. */
function annotationOpening({ model, report }: RuleContext<Record<string, never>, 'annotationDate' | 'annotationTime' | 'firstDay' | 'openingTime', string>): void {
  const sources: Sources = model.sources;
  const opening = sources.items.find((it) => it.role === 'opening' && it.annotation !== undefined);
  if (!opening) return;
  const path = JSON.stringify([...opening.origin.path, 'annotation']);
  const text = sources.texts.find((t) => JSON.stringify(t.origin.path) === path);
  if (!text) return;
  const first = sources.meeting.days?.[0].date;
  if (!first) return;
  const slot = sources.organization?.[0]?.slots[0];
  const time = sources.meeting.opensAt?.minutes ?? slot?.start;
  for (const m of text.masked.matchAll(OPENING_DATE)) {
    if (!OPENING_VERB.test(text.masked.slice(Math.max(0, m.index - 60), m.index))) continue;
    const [whole, , day, month, year, hour, minute, half, noon] = m as unknown as (string | undefined)[];
    const written = { year: year === undefined ? first.year : Number(year), month: MONTHS.indexOf(month!) + 1, day: Number(day) };
    const dateText = whole!.replace(/,? at .*$/, '');
    // A weekday that does not fit its own date is AG025's; here the date itself is compared.
    if (dayNumber(written) !== dayNumber(first)) {
      report({ path: text.origin.path, offset: m.index, length: dateText.length, messageId: 'annotationDate', data: { written: dateText, expected: en.dateWithWeekday(first) }, hintId: 'annotation' });
    }
    const at = noon !== undefined ? 12 * 60 : hour !== undefined ? ((Number(hour) % 12) + (half === 'p' ? 12 : 0)) * 60 + Number(minute ?? 0) : undefined;
    if (at !== undefined && time !== undefined && at !== time) {
      const timeText = whole!.slice(whole!.lastIndexOf(' at ') + 4);
      report({ path: text.origin.path, offset: m.index + whole!.length - timeText.length, length: timeText.length, messageId: 'annotationTime', data: { written: timeText, expected: en.time(time) }, hintId: 'annotation' });
    }
    return; // the first statement of the opening is the one
  }
}
