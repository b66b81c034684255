/** What several rules share: comparing titles, counting days. */
import { dayNumber } from '../locale/calendar.js';
import type { CalendarDate } from '../locale/types.js';
import type { ItemRole, OutlineItem } from '../model.js';

/** Compares titles the way a reader would: case, spacing and a final full stop do not matter. */
export const normalTitle = (t: string) => t.replace(/\s+/g, ' ').trim().replace(/[.;:]$/, '').toLowerCase();

/** Whether the title starts with one of the given wordings. */
export const titleStartsWith = (title: string, wordings: readonly string[]) => {
  const t = normalTitle(title);
  return wordings.some((w) => t.startsWith(normalTitle(w)));
};

/**
 * Whether an item plays a role: the one its `role:` gives, if any; else whether its title
 * starts with one of the wordings a rule's parameters give for it.
 */
export const plays = (item: OutlineItem, role: ItemRole, wordings: readonly string[]) => (item.roleWritten ? item.role === role : titleStartsWith(item.title, wordings));

/** Whole days from `a` to `b`. */
export const daysFrom = (a: CalendarDate, b: CalendarDate) => dayNumber(b) - dayNumber(a);

/** The fact AG001, AG002 and AG003 all report when the agenda is dated too close to the opening: only the most severe report of it is kept. */
export const LEAD_TIME_FACT = 'agenda-lead-time';
