/** What several rules share: counting days, the facts several rules report. */
import { dayNumber } from '../locale/calendar.js';
import type { CalendarDate } from '../locale/types.js';

/** Whole days from `a` to `b`. */
export const daysFrom = (a: CalendarDate, b: CalendarDate) => dayNumber(b) - dayNumber(a);

/** The fact AG001, AG002 and AG003 all report when the agenda is dated too close to the opening: only the most severe report of it is kept. */
export const LEAD_TIME_FACT = 'agenda-lead-time';
