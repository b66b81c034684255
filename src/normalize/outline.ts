/**
 * The rules' view of a definition (model.ts, Sources): items numbered as printed,
 * meeting days and annex slots parsed, documents listed with their places. Built once
 * per compile from values normalize has already worked out, so it costs a walk over the
 * items and nothing per character.
 */
import type { ItemDef, MeetingDefinition } from '../definition.js';
import { dayNumber, parseIsoDate, parseTime } from '../locale/calendar.js';
import type { RoleWording } from '../locale/role-wordings.js';
import type { CalendarDate } from '../locale/types.js';
import { LEGACY_ROLES, type AnnotationSection, type DaySource, type DocumentationSource, type ItemRole, type LegacyRole, type OutlineItem, type Path, type Sources, type WrittenDate } from '../model.js';
import { authorTexts } from './texts.js';
import { DEFAULT_DOCUMENT_KIND, DOCUMENT_KINDS, houseStyle } from '../style/styles.js';

/** The role an item's title gives it in the definition's language, if any (case and spacing do not matter). */
export function itemRole(title: string, wordings: readonly RoleWording[]): ItemRole | undefined {
  const t = title.replace(/\s+/g, ' ').trim().toLowerCase();
  return wordings.find(({ starts, has }) => starts?.some((w) => t.startsWith(w)) || has?.some((w) => t.includes(w)))?.role as ItemRole | undefined;
}

/** The role a definition declares, under its current name (`role: adoption` is 'adoption-of-agenda'). */
export const declaredRole = (role: ItemRole | LegacyRole | undefined): ItemRole | undefined => (role !== undefined && Object.hasOwn(LEGACY_ROLES, role) ? LEGACY_ROLES[role as LegacyRole] : (role as ItemRole | undefined));

/**
 * The meeting days: the days from the first to the last, without Saturdays and Sundays
 * unless the organization of work lists them, and without the holidays the definition gives
 * (or every day, when the meeting has no other). What
 * {days} counts, and what AG010 expects the organization of work to list.
 */
export function meetingDays(first: CalendarDate, last: CalendarDate, listed: readonly string[] = [], holidays: readonly string[] = []): number[] {
  const a = dayNumber(first);
  const b = dayNumber(last);
  const numbers = (isos: readonly string[]) => new Set(isos.map((iso) => parseIsoDate(iso)).flatMap((d) => (d ? [dayNumber(d)] : [])));
  const weekend = numbers(listed);
  const closed = numbers(holidays);
  const all: number[] = [];
  const days: number[] = [];
  for (let n = a; n <= b; n++) {
    all.push(n);
    const w = (((n + 4) % 7) + 7) % 7; // as weekday(): 0 is Sunday
    if (((w !== 0 && w !== 6) || weekend.has(n)) && !closed.has(n)) days.push(n);
  }
  return days.length ? days : all;
}

/**
 * The days of the organization of work that have a plenary meeting: a weekend day counts as
 * a meeting day for them (meetingDays), not for a side event alone.
 */
export const plenaryDaysListed = (def: MeetingDefinition): string[] => (def.organization_of_work ?? []).filter((day) => day.slots.some(isPlenary)).map((day) => day.date);

/** Whether a slot of the organization of work is a plenary meeting: all are but those marked `plenary: false`. */
export const isPlenary = (slot: { plenary?: boolean }): boolean => slot.plenary !== false;

/** The symbols of `document.symbol`: a list, or one string, which may be a joint symbol written with spaced en dashes. */
export function documentSymbols(symbol: string | readonly string[]): string[] {
  return typeof symbol === 'string' ? symbol.split(/\s+\u2013\s+/) : [...symbol];
}

/** Whether an item's role (written or read from its title) is the role `wanted`, by its current or its earlier name. */
export function hasRole(item: ItemDef, wanted: string, wordings: readonly RoleWording[]): boolean {
  const role = declaredRole(item.role) ?? itemRole(item.title, wordings);
  return role !== undefined && role === (declaredRole(wanted as ItemRole | LegacyRole) ?? wanted);
}

type SlotTimes = readonly (readonly ({ start: number; end: number } | undefined)[])[];

/**
 * The Sources of a definition, built when a rule first reads any part of them: a render of a
 * model whose rules have not run (the library's render calls) pays one small object. (A
 * class, not a getter in the model's literal, which would make V8 build every model the
 * slow way.)
 */
export class LazySources implements Sources {
  private built: Sources | undefined;

  constructor(
    private readonly def: MeetingDefinition,
    private readonly sections: readonly AnnotationSection[],
    private readonly days: readonly [CalendarDate, CalendarDate] | undefined,
    private readonly slots: SlotTimes,
    private readonly roleWordings: readonly RoleWording[],
  ) {}

  private get all(): Sources {
    return (this.built ??= buildSources(this.def, this.sections, this.days, this.slots, this.roleWordings));
  }
  get document() {
    return this.all.document;
  }
  get body() {
    return this.all.body;
  }
  get meeting() {
    return this.all.meeting;
  }
  get resources() {
    return this.all.resources;
  }
  get outline() {
    return this.all.outline;
  }
  get items() {
    return this.all.items;
  }
  get documentation() {
    return this.all.documentation;
  }
  get organization() {
    return this.all.organization;
  }
  get texts() {
    return this.all.texts;
  }
}

const written = (iso: string): WrittenDate => {
  const date = parseIsoDate(iso);
  return date ? { iso, date } : { iso };
};

/**
 * The Sources of a definition. `sections` are the model's annotation sections (whose
 * numbers the rules cite), `days` the parsed first and last meeting days, `slots` the
 * parsed times of the organization of work ([day][slot], undefined where one did not parse).
 */
export function buildSources(
  def: MeetingDefinition,
  sections: readonly AnnotationSection[],
  days: readonly [CalendarDate, CalendarDate] | undefined,
  slots: SlotTimes,
  roleWordings: readonly RoleWording[],
): Sources {
  const items: OutlineItem[] = [];
  const documentation: DocumentationSource[] = [];
  const outlineItem = (item: ItemDef, path: Path, section: AnnotationSection, top: number, sub?: number): OutlineItem => {
    const level = section.level;
    const docs: DocumentationSource[] = (item.documentation ?? []).map((d, k) => ({
      itemId: item.id,
      title: d.title,
      symbols: d.symbol === undefined ? [] : typeof d.symbol === 'string' ? [d.symbol] : d.symbol,
      list: Array.isArray(d.symbol),
      ...(d.issued === undefined ? {} : { issued: written(d.issued) }),
      origin: { path: [...path, 'documentation', k] },
    }));
    const node: OutlineItem = {
      id: item.id,
      number: section.number,
      ...(sub === undefined ? {} : { letter: section.label }),
      level,
      index: items.length,
      top,
      ...(sub === undefined ? {} : { sub }),
      role: declaredRole(item.role) ?? itemRole(item.title, roleWordings),
      roleWritten: item.role !== undefined,
      title: item.title,
      ...(item.short_title === undefined ? {} : { shortTitle: item.short_title }),
      ...(item.annotation_title === undefined ? {} : { annotationTitle: item.annotation_title }),
      ...(item.group_heading === undefined || sub !== undefined ? {} : { groupHeading: item.group_heading }),
      ...(item.annotation === undefined ? {} : { annotation: item.annotation }),
      reviewMechanism: item.review_mechanism ?? false,
      documentation: docs,
      children: [],
      origin: { path },
    };
    items.push(node);
    documentation.push(...docs);
    return node;
  };
  const outline = def.items.map((item, i) => {
    const section = sections[i]!;
    const node = outlineItem(item, ['items', i], section, i);
    node.children = (item.items ?? []).map((subItem, j) => {
      const subPath = ['items', i, 'items', j];
      const subNode = outlineItem(subItem, subPath, section.children[j]!, i, j);
      subNode.children = (subItem.items ?? []).map((third, k) => outlineItem(third, [...subPath, 'items', k], section.children[j]!.children[k]!, i, k));
      return subNode;
    });
    return node;
  });

  const organization: DaySource[] | undefined = def.organization_of_work?.map((day, d) => ({
    date: written(day.date),
    origin: { path: ['organization_of_work', d] },
    slots: day.slots.map((slot, s) => {
      const path = ['organization_of_work', d, 'slots', s];
      const parsed = slots[d]?.[s];
      return {
        time: slot.time,
        ...(parsed ? { start: parsed.start, end: parsed.end } : {}),
        entries: slot.items.map((entry, e) => (typeof entry === 'string' ? { itemId: entry, origin: { path: [...path, 'items', e] } } : entry.item !== undefined ? { itemId: entry.item, title: entry.title, origin: { path: [...path, 'items', e] } } : { title: entry.title, origin: { path: [...path, 'items', e] } })),
        plenary: isPlenary(slot),
        origin: { path },
      };
    }),
  }));

  const doc = def.document;
  const kind = doc.kind ?? DEFAULT_DOCUMENT_KIND;
  const meeting = def.meeting;
  const opensAt = meeting.opens_at;
  const opening = parseTime(opensAt ?? '');
  const symbols = documentSymbols(doc.symbol);
  const dates = meeting.dates === undefined ? [] : typeof meeting.dates === 'string' ? [meeting.dates, meeting.dates] : meeting.dates;
  return {
    document: {
      symbol: symbols[0]!,
      ...(symbols.length > 1 ? { symbols } : {}),
      ...(Array.isArray(doc.symbol) ? { symbolList: true as const } : {}),
      kind,
      annotated: DOCUMENT_KINDS[kind].annotations,
      numberedParagraphs: houseStyle(def.style).numberedParagraphs,
      date: written(doc.date),
      ...(doc.distribution === undefined ? {} : { distribution: doc.distribution }),
      ...(doc.languages === undefined ? {} : { languages: doc.languages }),
      ...(doc.job_number === undefined ? {} : { jobNumber: doc.job_number }),
      ...(doc.processed === undefined ? {} : { processed: written(doc.processed) }),
      ...(doc.issued === undefined ? {} : { issued: written(doc.issued) }),
    },
    body: def.body,
    meeting: {
      ...(meeting.kind === undefined ? {} : { kind: meeting.kind }),
      ...(meeting.venue === undefined ? {} : { venue: meeting.venue }),
      written: meeting.dates === undefined ? [] : typeof meeting.dates === 'string' ? [meeting.dates] : [...meeting.dates],
      ...(days === undefined
        ? {}
        : {
            days: [
              { iso: dates[0]!, date: days[0] },
              { iso: dates[1]!, date: days[1] },
            ],
          }),
      ...(opensAt === undefined ? {} : { opensAt: opening === undefined ? { text: opensAt } : { text: opensAt, minutes: opening } }),
      // (A definition without dates has no meeting days.)
      meetingDays: days ? meetingDays(days[0], days[1], plenaryDaysListed(def), def.meeting.holidays) : [],
      holidays: def.meeting.holidays ?? [],
    },
    resources: {
      ...(def.resources?.plenary_meetings === undefined ? {} : { plenaryMeetings: def.resources.plenary_meetings }),
      ...(def.resources?.interpretation === undefined ? {} : { interpretation: def.resources.interpretation }),
    },
    outline,
    items,
    documentation,
    ...(organization ? { organization } : {}),
    texts: authorTexts(def, outline, organization),
  };
}
