/**
 * The rules' view of a definition (model.ts, Sources): items numbered as printed,
 * meeting days and annex slots parsed, documents listed with their places. Built once
 * per compile from values normalize has already worked out, so it costs a walk over the
 * items and nothing per character.
 */
import type { ItemDef, MeetingDefinition } from '../definition.js';
import { dayNumber, parseIsoDate, parseTime } from '../locale/calendar.js';
import type { CalendarDate } from '../locale/types.js';
import { LEGACY_ROLES, type AnnotationSection, type DaySource, type DocumentationSource, type ItemRole, type LegacyRole, type OutlineItem, type Path, type Sources, type WrittenDate } from '../model.js';
import { authorTexts } from './texts.js';

/**
 * The wordings that give an item its role, in the order they are tried: the first that
 * fits wins, so "Adoption of the report of the Credentials Committee" is about credentials
 * and "Adoption of the provisional agenda for the next session" about the next session.
 * `starts` are starts of the title, `has` words anywhere in it (case and spacing do not
 * matter). The English wordings of the UNTOC and UNCAC conferences, ECOSOC commissions,
 * the General Assembly, UNCTAD bodies and the treaty bodies (un-conventions.md, § 2).
 */
const ROLE_WORDINGS: readonly { role: ItemRole; starts?: readonly string[]; has?: readonly string[] }[] = [
  { role: 'credentials', has: ['credentials'] },
  {
    role: 'provisional-agenda-next-session',
    starts: ['provisional agenda', 'draft provisional agenda', 'dates and provisional agenda', 'date, venue and provisional agenda', 'venue, dates and provisional agenda', 'adoption of the provisional agenda for', 'adoption of the provisional agenda of', 'adoption of the draft provisional agenda', 'approval of the provisional agenda for'],
    has: ['agenda for the next session', 'agenda of the next session', 'agenda for its next session'],
  },
  // "Organization of work, adoption of the agenda and allocation of items" (General Assembly) adopts the agenda.
  { role: 'adoption-of-agenda', starts: ['adoption of agenda', 'adoption of the provisional agenda'], has: ['adoption of the agenda', 'approval of the agenda'] },
  { role: 'adoption-of-rules-of-procedure', starts: ['adoption of the rules of procedure', 'rules of procedure'] },
  { role: 'adoption-of-report', starts: ['adoption of the report', 'adoption of the annual report', 'adoption of the draft report', 'adoption of the final report', 'consideration and adoption of the report', 'adoption of its report', 'approval of the report'] },
  { role: 'organizational-matters', starts: ['organizational matters', 'organizational and procedural matters', 'procedural matters', 'procedural and organizational matters'] },
  { role: 'organization-of-work', starts: ['organization of work', 'organization of the work', 'organization of the session', 'organization of the meeting'] },
  { role: 'opening', starts: ['opening of the', 'opening of its', 'opening by the', 'opening of session', 'opening of meeting'] },
  { role: 'minute-of-silence', starts: ['minute of silent prayer', 'minute of silence'] },
  { role: 'solemn-declaration', starts: ['solemn declaration'] },
  { role: 'election-of-officers', starts: ['election of officers', 'election of the officers', 'election of the president', 'election of the chair', 'election of the vice', 'election of vice', 'election of the bureau', 'election of the rapporteur', 'election of a chair', 'election of a president', 'election of a vice'] },
  { role: 'elections', starts: ['election of', 'elections'] },
  { role: 'general-debate', starts: ['general debate', 'general discussion'] },
  { role: 'other-matters', starts: ['other matters', 'other business', 'any other business', 'miscellaneous'] },
  { role: 'closing', starts: ['closing of the', 'closure of the', 'close of the', 'closing of session', 'closing of meeting'] },
];

/** The role an item's title gives it, if any (case and spacing do not matter). */
export function itemRole(title: string): ItemRole | undefined {
  const t = title.replace(/\s+/g, ' ').trim().toLowerCase();
  return ROLE_WORDINGS.find(({ starts, has }) => starts?.some((w) => t.startsWith(w)) || has?.some((w) => t.includes(w)))?.role;
}

/** The role a definition declares, under its current name (`role: adoption` is 'adoption-of-agenda'). */
export const declaredRole = (role: ItemRole | LegacyRole | undefined): ItemRole | undefined => (role !== undefined && Object.hasOwn(LEGACY_ROLES, role) ? LEGACY_ROLES[role as LegacyRole] : (role as ItemRole | undefined));

/**
 * The meeting days: the days from the first to the last, without Saturdays and Sundays
 * unless the organization of work lists them (or the meeting has no other days). What
 * {days} counts, and what AG010 expects the organization of work to list.
 */
export function meetingDays(first: CalendarDate, last: CalendarDate, listed: readonly string[] = []): number[] {
  const a = dayNumber(first);
  const b = dayNumber(last);
  const weekend = new Set(listed.map((iso) => parseIsoDate(iso)).flatMap((d) => (d ? [dayNumber(d)] : [])));
  const all: number[] = [];
  const days: number[] = [];
  for (let n = a; n <= b; n++) {
    all.push(n);
    const w = (((n + 4) % 7) + 7) % 7; // as weekday(): 0 is Sunday
    if ((w !== 0 && w !== 6) || weekend.has(n)) days.push(n);
  }
  return days.length ? days : all;
}

type SlotTimes = readonly (readonly ({ start: number; end: number } | undefined)[])[];

/**
 * The Sources of a definition, built when a rule first reads any part of them: a build
 * reads none and pays one small object. (A class, not a getter in the model's literal,
 * which would make V8 build every model the slow way.)
 */
export class LazySources implements Sources {
  private built: Sources | undefined;

  constructor(
    private readonly def: MeetingDefinition,
    private readonly sections: readonly AnnotationSection[],
    private readonly days: readonly [CalendarDate, CalendarDate],
    private readonly slots: SlotTimes,
  ) {}

  private get all(): Sources {
    return (this.built ??= buildSources(this.def, this.sections, this.days, this.slots));
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
  days: readonly [CalendarDate, CalendarDate],
  slots: SlotTimes,
): Sources {
  const items: OutlineItem[] = [];
  const documentation: DocumentationSource[] = [];
  const outlineItem = (item: ItemDef, path: Path, section: AnnotationSection, top: number, sub?: number): OutlineItem => {
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
      level: sub === undefined ? 1 : 2,
      index: items.length,
      top,
      ...(sub === undefined ? {} : { sub }),
      role: declaredRole(item.role) ?? itemRole(item.title),
      roleWritten: item.role !== undefined,
      title: item.title,
      ...(item.short_title === undefined ? {} : { shortTitle: item.short_title }),
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
    node.children = (item.items ?? []).map((subItem, j) => outlineItem(subItem, ['items', i, 'items', j], section.children[j]!, i, j));
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
        entries: slot.items.map((entry, e) => (typeof entry === 'string' ? { itemId: entry, origin: { path: [...path, 'items', e] } } : { title: entry.title, origin: { path: [...path, 'items', e] } })),
        origin: { path },
      };
    }),
  }));

  const doc = def.document;
  const meeting = def.meeting;
  const opensAt = meeting.opens_at;
  const opening = parseTime(opensAt ?? '');
  return {
    document: {
      symbol: doc.symbol,
      date: written(doc.date),
      ...(doc.distribution === undefined ? {} : { distribution: doc.distribution }),
      ...(doc.languages === undefined ? {} : { languages: doc.languages }),
      ...(doc.job_number === undefined ? {} : { jobNumber: doc.job_number }),
      ...(doc.processed === undefined ? {} : { processed: written(doc.processed) }),
      ...(doc.issued === undefined ? {} : { issued: written(doc.issued) }),
      // Read as written: the field is optional, and older definitions have none.
      ...(typeof (doc as { kind?: unknown }).kind === 'string' ? { kind: (doc as { kind?: string }).kind } : {}),
    },
    body: def.body,
    meeting: {
      ...(meeting.kind === undefined ? {} : { kind: meeting.kind }),
      venue: meeting.venue,
      written: typeof meeting.dates === 'string' ? [meeting.dates] : [...meeting.dates],
      days: [
        { iso: typeof meeting.dates === 'string' ? meeting.dates : meeting.dates[0], date: days[0] },
        { iso: typeof meeting.dates === 'string' ? meeting.dates : meeting.dates[1], date: days[1] },
      ],
      ...(opensAt === undefined ? {} : { opensAt: opening === undefined ? { text: opensAt } : { text: opensAt, minutes: opening } }),
      // (A definition without dates has no meeting days.)
      meetingDays: days ? meetingDays(days[0], days[1], def.organization_of_work?.map((d) => d.date)) : [],
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
