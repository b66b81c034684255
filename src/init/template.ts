/**
 * What `agenda init` writes: the template of a profile (templates/<profile>.yaml, shipped
 * with the package) with the symbol, the session number and dates that pass the profile's
 * lead times filled in, under a `$schema` line for editors. No I/O beyond reading the template.
 */
import { readFileSync } from 'node:fs';

/**
 * A template beside the others, from dist/init/ (src/init/ under the tests) up to the
 * package root: named as a file, since the bundler relocates file addresses, not folders'.
 */
const TEMPLATES = new URL('../../templates/generic.yaml', import.meta.url);

export function readTemplate(profile: string): string {
  return readFileSync(new URL(`${profile}.yaml`, TEMPLATES), 'utf8');
}

/** How a profile's meetings usually run, for the dates a new definition starts with. */
interface Shape {
  /** Meeting days, Monday to Friday. */
  days: number;
  /** Days between the document's date and the opening: the lead time, with the ten weeks of submission for the document services. */
  lead: number;
  /** The session number from the symbol ("A/80/150": 80), when the symbol carries it. */
  number?: RegExp;
}

const TEN_WEEKS_AND_MORE = 84;

const SHAPES: Record<string, Shape> = {
  generic: { days: 5, lead: TEN_WEEKS_AND_MORE },
  'untoc-working-group': { days: 2, lead: TEN_WEEKS_AND_MORE },
  'untoc-cop-session': { days: 5, lead: TEN_WEEKS_AND_MORE },
  'uncac-cosp-session': { days: 5, lead: TEN_WEEKS_AND_MORE },
  'ecosoc-functional-commission': { days: 5, lead: TEN_WEEKS_AND_MORE },
  // Committees meet for two or three weeks; CMW/C/40/1 is the agenda of the fortieth session.
  'treaty-body': { days: 10, lead: TEN_WEEKS_AND_MORE, number: /^[A-Z]+\/C\/(\d+)\/1$/ },
  'ga-regular-session': { days: 1, lead: TEN_WEEKS_AND_MORE, number: /^A\/(\d+)\// },
  'ga-special-session': { days: 3, lead: TEN_WEEKS_AND_MORE, number: /^A\/S-(\d+)\// },
  // Convened within 24 hours (rule 8 (b)): the agenda bears the day of the opening.
  'ga-emergency-special-session': { days: 1, lead: 0, number: /^A\/ES-(\d+)\// },
  'un-conference': { days: 5, lead: TEN_WEEKS_AND_MORE },
  'unctad-body': { days: 5, lead: TEN_WEEKS_AND_MORE },
};

export interface Plan {
  /** The document's date, YYYY-MM-DD. */
  date: string;
  opens: string;
  closes: string;
  /** The session number: from the symbol, or 1 for the author to fill in. */
  number: number;
  /** Two plenary meetings a day. */
  plenary: number;
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const weekday = (t: number) => new Date(t).getUTCDay();
/** The first Monday (or `day`) on or after t. */
const onOrAfter = (t: number, day = 1) => t + ((day - weekday(t) + 7) % 7) * DAY;

/** A calendar date YYYY-MM-DD as a UTC time, or undefined when it is not one. */
export function parseDate(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const t = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(t) || iso(t) !== text ? undefined : t;
}

/**
 * The dates and number a new definition starts with. The opening is `opens` when given;
 * otherwise a Monday far enough from `today` for the lead time, in the symbol's year when
 * it has one (UNODC and ECOSOC symbols carry the year of the session, and a rule checks
 * it); a regular session of the General Assembly opens on the second Tuesday of September
 * of its year (the eightieth, 2025). The author corrects what the comments mark.
 */
export function plan(profile: string, symbol: string, today: number, opens?: number): Plan {
  const shape = SHAPES[profile] ?? SHAPES.generic!;
  const fromSymbol = shape.number?.exec(symbol)?.[1];
  const number = fromSymbol ? Number(fromSymbol) : 1;
  let start = opens;
  if (start === undefined) {
    const year = symbol.split('/').find((p) => /^(?:19|20)\d\d$/.test(p));
    const earliest = today + (shape.lead + 14) * DAY;
    if (profile === 'ga-regular-session' && fromSymbol) start = onOrAfter(Date.UTC(1945 + number, 8, 8), 2);
    else if (year === undefined) start = onOrAfter(earliest);
    else {
      start = onOrAfter(Math.max(earliest, Date.UTC(Number(year), 0, 15)));
      // A year past or too near: early June of that year, for the author to correct.
      if (new Date(start + 14 * DAY).getUTCFullYear() !== Number(year)) start = onOrAfter(Date.UTC(Number(year), 5, 1));
    }
  }
  // The last day: the days-th working day from the opening.
  let end = start;
  for (let left = shape.days - 1; left > 0; ) {
    end += DAY;
    if (weekday(end) !== 0 && weekday(end) !== 6) left--;
  }
  return { date: iso(start - shape.lead * DAY), opens: iso(start), closes: iso(end), number, plenary: 2 * shape.days };
}

/**
 * What a symbol must look like to be written into a template unquoted: components separated
 * by slashes, starting with a capital (E/CN.7/2025/1, A/ES-11/1, TD/B/C.II/51, A/79/L.1/Rev.1).
 * The rules of the profile judge the rest.
 */
export const SYMBOL_SHAPE = /^[A-Z][A-Za-z0-9.()-]*(?:\/[A-Za-z0-9.()-]+)+$/;

/** The template with its {{fields}} filled in, under the `$schema` line. */
export function fill(template: string, symbol: string, p: Plan, schema: string): string {
  const values: Record<string, string> = {
    symbol,
    date: p.date,
    dates: p.opens === p.closes ? p.opens : `[${p.opens}, ${p.closes}]`,
    number: String(p.number),
    plenary: String(p.plenary),
    // The next document of the series, for the first document listed: CTOC/COP/WG.3/2023/1 → CTOC/COP/WG.3/2023/2.
    next: symbol.replace(/(\d+)$/, (n) => String(Number(n) + 1)),
  };
  const body = template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
  return `# yaml-language-server: $schema=${schema}\n${body}`;
}
