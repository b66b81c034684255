/**
 * The VTIMEZONE block of a meeting's IANA zone, read from the runtime's zone data (Intl):
 * the offset in force when the covered years begin, and every change of offset in them, as
 * explicit onsets (no RRULE, so nothing is guessed beyond the data).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in minutes (east positive). */
export function offsetAt(zone: string, instant: number): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((local - Math.floor(instant / 1000) * 1000) / 60000);
}

const MINUTE = 60_000;
// Offsets are sampled daily (two changes within a day would go unseen), then each change found by halving.
const STEP = 24 * 60 * MINUTE;

interface Change {
  /** The instant of the change (UTC milliseconds). */
  at: number;
  from: number;
  to: number;
}

/** Every change of the zone's offset between two instants, to the minute. */
function changes(zone: string, start: number, end: number): Change[] {
  const out: Change[] = [];
  let before = offsetAt(zone, start);
  for (let t = start; t < end; t += STEP) {
    const next = Math.min(t + STEP, end);
    const after = offsetAt(zone, next);
    if (after === before) continue;
    // The first minute with the new offset.
    let lo = t;
    let hi = next;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (offsetAt(zone, mid) === before) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, from: before, to: offsetAt(zone, hi) });
    before = after;
  }
  return out;
}

/** "+0200", "-0330" */
const utcOffset = (minutes: number): string => {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
};

/** A UTC instant as the local DATE-TIME of an offset: "20230326T020000". */
export const localStamp = (instant: number, offset: number): string => new Date(instant + offset * MINUTE).toISOString().replace(/[-:]/g, '').slice(0, 15);

/**
 * The VTIMEZONE lines for `zone` over the years `first`..`last`. The first observance is
 * the last change before the first year (searched in the year before it), or else the
 * offset in force on 1 January, from then. An observance is DAYLIGHT when its offset is
 * above its year's standard offset (the lower of January's and July's), STANDARD otherwise.
 */
export function vtimezone(zone: string, first: number, last: number): string[] {
  // The same block for every meeting of a batch in that zone and those years: computed once per process.
  const key = `${zone} ${first} ${last}`;
  let lines = blocks.get(key);
  if (!lines) blocks.set(key, (lines = computeVtimezone(zone, first, last)));
  return lines;
}

const blocks = new Map<string, string[]>();

function computeVtimezone(zone: string, first: number, last: number): string[] {
  const start = Date.UTC(first, 0, 1);
  const end = Date.UTC(last + 1, 0, 1) + 2 * 24 * 60 * MINUTE;
  const found = changes(zone, Date.UTC(first - 1, 0, 1), end);
  const opening = offsetAt(zone, start);
  const initial = found.filter((c) => c.at < start).at(-1) ?? { at: start - opening * MINUTE, from: opening, to: opening };
  const observances = [initial, ...found.filter((c) => c.at >= start)];
  // A year's standard offset is the lower of its January and July ones: an offset above it is
  // summer time. Per year, so that a zone that changed its standard offset for good (Nuuk,
  // 2023) is not called DAYLIGHT the years after; the first observance is judged by the first year.
  const standardOf = (year: number) => Math.min(offsetAt(zone, Date.UTC(year, 0, 1)), offsetAt(zone, Date.UTC(year, 6, 1)));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  for (const o of observances) {
    const year = o === initial ? first : new Date(o.at).getUTCFullYear();
    const kind = o.to > standardOf(year) ? 'DAYLIGHT' : 'STANDARD';
    // The onset is written in the local time of the offset it ends (RFC 5545 3.6.5).
    lines.push(`BEGIN:${kind}`, `DTSTART:${localStamp(o.at, o.from)}`, `TZOFFSETFROM:${utcOffset(o.from)}`, `TZOFFSETTO:${utcOffset(o.to)}`, `END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
