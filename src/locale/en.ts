import { weekday } from './calendar.js';
import type { CalendarDate, Locale, TimeOfDay } from './types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINAL_UNITS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const ORDINAL_TENS = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];

/** Cardinal words below 1,000,000 with hyphenated compounds ("twenty-one", "one hundred and five"). */
function cardinal(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) return String(n);
  if (n < 20) return UNITS[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? `-${UNITS[n % 10]}` : '');
  if (n < 1000) return `${UNITS[Math.floor(n / 100)]} hundred` + (n % 100 ? ` and ${cardinal(n % 100)}` : '');
  return `${cardinal(Math.floor(n / 1000))} thousand` + (n % 1000 ? (n % 1000 < 100 ? ' and ' : ' ') + cardinal(n % 1000) : '');
}

/** Ordinal words: "fourteenth", "thirty-ninth", "seventy-eighth", "one hundred and first". */
function ordinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n >= 1_000_000) return String(n);
  if (n < 20) return ORDINAL_UNITS[n]!;
  if (n < 100) return n % 10 ? `${TENS[Math.floor(n / 10)]}-${ORDINAL_UNITS[n % 10]}` : ORDINAL_TENS[n / 10]!;
  const rest = n % 100;
  const head = n >= 1000 ? cardinal(n - rest) : `${UNITS[Math.floor(n / 100)]} hundred`;
  return rest ? `${head} and ${ordinal(rest)}` : `${head}th`;
}

function list(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function time(t: TimeOfDay): string {
  if (t === 12 * 60) return 'noon';
  if (t === 0 || t === 24 * 60) return 'midnight';
  return `${clock(t)} ${t < 12 * 60 ? 'a.m.' : 'p.m.'}`;
}

/** "10", "10.30": the UN writes minutes after a point, never ":00". */
function clock(t: TimeOfDay): string {
  const h24 = Math.floor(t / 60) % 24;
  const h = h24 % 12 === 0 ? 12 : h24 % 12;
  const m = t % 60;
  return m ? `${h}.${String(m).padStart(2, '0')}` : String(h);
}

function timeRange(start: TimeOfDay, end: TimeOfDay): string {
  const named = (t: number) => t % (12 * 60) === 0;
  // The suffix is shared when both ends fall in the same half of the day: "3–6 p.m.".
  if (!named(start) && !named(end) && start < 12 * 60 === end < 12 * 60) {
    return `${clock(start)}–${time(end)}`;
  }
  return `${time(start)}–${time(end)}`;
}

const date = (d: CalendarDate) => `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;

function dateRange(a: CalendarDate, b: CalendarDate): string {
  if (a.year === b.year && a.month === b.month && a.day === b.day) return date(a);
  if (a.year === b.year && a.month === b.month) {
    const joiner = b.day - a.day === 1 ? ' and ' : '–';
    return `${a.day}${joiner}${b.day} ${MONTHS[b.month - 1]} ${b.year}`;
  }
  if (a.year === b.year) return `${a.day} ${MONTHS[a.month - 1]}–${date(b)}`;
  return `${date(a)}–${date(b)}`;
}

export const en: Locale = {
  tag: 'en',
  jobLanguageLetter: 'E',
  words: {
    unitedNations: 'United Nations',
    distributionLabel: 'Distr.:',
    distribution: { general: 'General', limited: 'Limited', restricted: 'Restricted' },
    originalLabel: 'Original:',
    documentTitle: 'Annotated provisional agenda',
    provisionalAgenda: 'Provisional agenda',
    annotations: 'Annotations',
    documentation: 'Documentation',
    annex: 'Annex',
    organizationOfWork: 'Proposed organization of work',
    columns: { dateAndTime: 'Date and time', agendaItem: 'Agenda item', titleOrDescription: 'Title or description' },
    continued: 'continued',
    item: 'item',
    agendaItem: 'agenda item',
    kind: { meeting: 'meeting', session: 'session', 'special-session': 'special session', 'resumed-session': 'resumed session' },
    languages: { ar: 'Arabic', zh: 'Chinese', en: 'English', fr: 'French', ru: 'Russian', es: 'Spanish' },
    allOfficialLanguages: 'the six official languages of the United Nations',
    footnotes: 'Notes',
    backToReference: 'Back to reference',
    page: 'Page',
    contents: 'Contents',
    pageCounter: '{page}/{pages}',
  },
  ordinal,
  cardinal,
  capitalize: (text) => text.charAt(0).toUpperCase() + text.slice(1),
  list,
  subItemLetter: (index) => `(${letters(index)})`,
  itemNumber: (item, sub) => (sub === undefined ? String(item) : `${item} (${letters(sub)})`),
  languagesOnly: (names) => `${list(names)} only`,
  date,
  dateWithWeekday: (d) => `${WEEKDAYS[weekday(d)]}, ${date(d)}`,
  dayHeading: (d) => `${WEEKDAYS[weekday(d)]}, ${d.day} ${MONTHS[d.month - 1]}`,
  dateRange,
  placeAndDates: (venue, dates) => `${venue}, ${dates}`,
  time,
  timeRange,
};

/** Sub-item letters: a ... z, then aa, ab ... as in long GA agendas. */
function letters(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    n -= 1;
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return s;
}
