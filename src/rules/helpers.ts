import type { ItemDef, MeetingDefinition } from '../definition.js';
import type { Path } from '../load/locator.js';
import type { AgendaDocument } from '../model.js';
import { dayNumber, parseIsoDate } from '../locale/calendar.js';
import type { CalendarDate } from '../locale/types.js';

export interface FlatItem {
  def: ItemDef;
  path: Path;
  /** "1", "1 (b)" */
  number: string;
  /** 0-based index of the top-level item. */
  top: number;
  sub?: number;
}

/**
 * Items and sub-items in reading order: 1, 1 (a), 1 (b), 2 ... Each is cited by the number
 * the model gives it (the locale's, as the document prints it: the 28th sub-item is "(ab)").
 */
export function flatItems(def: MeetingDefinition, model: AgendaDocument): FlatItem[] {
  const out: FlatItem[] = [];
  def.items.forEach((item, i) => {
    const section = model.annotations.sections[i]!;
    out.push({ def: item, path: ['items', i], number: section.number, top: i });
    item.items?.forEach((sub, j) => out.push({ def: sub, path: ['items', i, 'items', j], number: section.children[j]!.number, top: i, sub: j }));
  });
  return out;
}

/** Compares titles the way a reader would: case, spacing and a final full stop do not matter. */
export const normalTitle = (t: string) => t.replace(/\s+/g, ' ').trim().replace(/[.;:]$/, '').toLowerCase();

/** Whether the title starts with one of the given wordings. */
export const titleStartsWith = (title: string, wordings: readonly string[]) => {
  const t = normalTitle(title);
  return wordings.some((w) => t.startsWith(normalTitle(w)));
};

export function meetingDates(def: MeetingDefinition): [CalendarDate, CalendarDate] | undefined {
  const raw = typeof def.meeting.dates === 'string' ? [def.meeting.dates, def.meeting.dates] : def.meeting.dates;
  const first = parseIsoDate(raw[0] ?? '');
  const last = parseIsoDate(raw[1] ?? '');
  return first && last ? [first, last] : undefined;
}

/** Whole days from `a` to `b`. */
export const daysFrom = (a: CalendarDate, b: CalendarDate) => dayNumber(b) - dayNumber(a);

/** The documents listed under the items, each with its path. */
export function documentationEntries(def: MeetingDefinition, model: AgendaDocument): { symbols: string[]; list: boolean; path: Path; issued?: string; title: string }[] {
  return flatItems(def, model).flatMap((it) =>
    (it.def.documentation ?? []).map((d, k) => ({
      symbols: d.symbol === undefined ? [] : typeof d.symbol === 'string' ? [d.symbol] : d.symbol,
      list: Array.isArray(d.symbol),
      path: [...it.path, 'documentation', k],
      issued: d.issued,
      title: d.title,
    })),
  );
}
