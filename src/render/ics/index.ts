/**
 * The calendar of the meeting (iCalendar, RFC 5545): one event per meeting of the
 * organization of work, in the meeting's time zone, for delegates' calendar programs.
 *
 * Identity: each event's UID is the document's symbol, the day and the meeting's place in
 * that day (first, second ...), the same in every language version and every build, so
 * that a program that imported the calendar updates its events instead of adding copies.
 * A meeting whose times or items change keeps its UID and gets a higher SEQUENCE (the
 * calendar written before is read for that); a meeting that is gone stays, cancelled.
 * The output is a function of the model and that previous file alone: same bytes again.
 */
import type { AgendaDocument, AnnexSlot, Inline } from '../../model.js';
import { escapeText, serialize } from './lines.js';
import { previousEvents, propertyName, propertyValue, type PreviousEvent } from './previous.js';
import { localStamp, vtimezone } from './time-zone.js';

export interface IcsOptions {
  /** The text of the calendar written before at the output path, if any. */
  previousCalendar?: string;
}

/** An event before its SEQUENCE is decided: its UID and its other lines (no UID, DTSTAMP or SEQUENCE). */
interface Event {
  uid: string;
  body: string[];
}

const plain = (nodes: readonly Inline[]): string => nodes.map((n) => (n.type === 'text' || n.type === 'symbol' ? n.value : n.type === 'noteRef' ? '' : plain(n.children))).join('');

/** "20230911" */
const basicDate = (iso: string): string => iso.replace(/-/g, '');

/** A day and a time of day (minutes, possibly past midnight) as a local DATE-TIME. */
const dateTime = (iso: string, minutes: number): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return localStamp(Date.UTC(y!, m! - 1, d!, 0, minutes), 0);
};

/** The day after an ISO date, as a DATE: an all-day event ends (exclusively) there. */
const nextDay = (iso: string): string => dateTime(iso, 24 * 60).slice(0, 8);

/** The document's part of every UID: its first symbol, with characters a UID is often stored under (file names, URLs) made plain. */
export const symbolKey = (doc: AgendaDocument): string => (doc.masthead.symbols?.[0] ?? doc.masthead.symbol.split(/\s/)[0]!).replace(/[^A-Za-z0-9.]+/g, '-');

export function renderIcs(doc: AgendaDocument, options: IcsOptions = {}): string {
  const zone = doc.meeting.timeZone;
  const key = symbolKey(doc);
  const lang = `LANGUAGE=${doc.lang}`;
  const text = (name: string, value: string) => `${name};${lang}:${escapeText(value)}`;
  // The years of the times given in the zone: what its VTIMEZONE block covers (all-day events need none).
  const years = new Set<number>();
  const at = (name: string, iso: string, minutes: number) => {
    years.add(Number(iso.slice(0, 4)));
    return `${name}${zone ? `;TZID=${zone}` : ''}:${dateTime(iso, minutes)}`;
  };
  const venue = doc.meeting.venue === undefined ? [] : [text('LOCATION', doc.meeting.venue)];
  // A URI value is not escaped: one with spaces or controls (a hand-written address) is left out.
  const address = doc.masthead.address;
  const url = address !== undefined && /^[\x21-\x7e]+$/.test(address) ? [`URL:${address}`] : [];
  // Whose meeting it is, under the items of each event: organ, parent body (under an organ of its own), body, session, document.
  const context = [doc.masthead.organ, doc.meeting.parentBody, doc.meeting.body, doc.meeting.session, doc.meta.title].filter((s): s is string => !!s);

  const events: Event[] = [];
  for (const day of doc.annex?.days ?? []) {
    day.slots.forEach((slot, i) => {
      const rows = slot.rows.map((r) => (r.item === undefined ? plain(r.title) : `${r.item} ${plain(r.title)}`));
      events.push({
        uid: `${key}-${basicDate(day.date)}-${i + 1}`,
        body: [
          ...when(slot, day.date, at),
          text('SUMMARY', rows.join('; ')),
          // A meeting whose time could not be read is an all-day event that says the time as written.
          text('DESCRIPTION', [...(timed(slot) ? [] : [slot.time, '']), ...rows, '', ...context].join('\n')),
          ...venue,
          ...url,
        ],
      });
    });
  }
  // No organization of work: the meeting as one all-day event over its days.
  if (!events.length && doc.meeting.startDate && doc.meeting.endDate) {
    events.push({
      uid: `${key}-meeting`,
      body: [
        `DTSTART;VALUE=DATE:${basicDate(doc.meeting.startDate)}`,
        `DTEND;VALUE=DATE:${nextDay(doc.meeting.endDate)}`,
        text('SUMMARY', doc.meeting.body ?? doc.masthead.organ),
        text('DESCRIPTION', [doc.meta.description, '', ...context].join('\n')),
        ...venue,
        ...url,
      ],
    });
  }

  const owns = (uid: string) => uid.startsWith(`${key}-`) && /^(?:\d{8}-\d+|meeting)$/.test(uid.slice(key.length + 1));
  const previous = options.previousCalendar === undefined ? [] : previousEvents(options.previousCalendar, owns);
  const current = new Set(events.map((e) => e.uid));
  // An event of the calendar before that is no longer in the document stays, cancelled, so
  // that programs that imported it remove it; unless it names a zone this calendar does not define.
  for (const gone of previous.filter((p) => !current.has(p.uid))) {
    const body = gone.lines.filter((l) => !['UID', 'DTSTAMP', 'SEQUENCE', 'STATUS'].includes(propertyName(l)));
    const zones = body.flatMap((l) => [...l.slice(0, l.indexOf(':')).matchAll(/;TZID=([^;:]*)/gi)].map((m) => m[1]));
    if (zones.some((z) => z !== zone)) continue;
    const start = body.find((l) => propertyName(l) === 'DTSTART');
    const year = start === undefined ? NaN : Number(propertyValue(start).slice(0, 4));
    if (zones.length && Number.isInteger(year)) years.add(year);
    events.push({ uid: gone.uid, body: [...body, 'STATUS:CANCELLED'] });
  }

  const byUid = new Map(previous.map((p) => [p.uid, p]));
  const stamp = `DTSTAMP:${basicDate(doc.meta.date)}T000000Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//agenda//NONSGML agenda//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    text('NAME', doc.meta.title),
    `X-WR-CALNAME:${escapeText(doc.meta.title)}`,
    ...(zone ? [`X-WR-TIMEZONE:${zone}`] : []),
    ...(zone && years.size ? vtimezone(zone, Math.min(...years), Math.max(...years)) : []),
  ];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, stamp, `SEQUENCE:${sequence(e, byUid.get(e.uid))}`, ...e.body, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return serialize(lines);
}

const timed = (slot: AnnexSlot): slot is AnnexSlot & { start: number; end: number } => slot.start !== undefined && slot.end !== undefined;

/** DTSTART and DTEND of a meeting: local times in the zone, or the whole day when its time could not be read. */
function when(slot: AnnexSlot, date: string, at: (name: string, iso: string, minutes: number) => string): string[] {
  if (!timed(slot)) return [`DTSTART;VALUE=DATE:${basicDate(date)}`, `DTEND;VALUE=DATE:${nextDay(date)}`];
  return [at('DTSTART', date, slot.start), at('DTEND', date, slot.end)];
}

/** The previous SEQUENCE where the event is as before (DTSTAMP aside); one more where it changed; 0 for a new event. */
function sequence(event: Event, before: PreviousEvent | undefined): number {
  if (!before) return 0;
  const same = (l: string) => !['UID', 'DTSTAMP', 'SEQUENCE'].includes(propertyName(l));
  const old = before.lines.filter(same);
  const unchanged = old.length === event.body.length && old.every((l, i) => l === event.body[i]);
  return unchanged ? before.sequence : before.sequence + 1;
}
