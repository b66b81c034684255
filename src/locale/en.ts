import { messagesOf } from '../generated/messages.js';
import { weekday } from './calendar.js';
import { Catalogue, type CompiledMessage } from './catalogue.js';
import { ENGLISH_ROLE_WORDINGS } from './role-wordings.js';
import type { CalendarDate, Locale, MessageId, TimeOfDay } from './types.js';

/** Month and weekday names, also what the editorial rules of English text look for. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

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

/**
 * The English catalogue, in ICU MessageFormat: src/locale/messages/en.json, each message with
 * a description for translators, parsed at build time (scripts/compile-messages.js).
 * Arguments are words the locale has already made ("fourteenth", "11 and 12 September 2023")
 * or numbers for plural rules; rich arguments ({title}) are inline nodes, and <em> sets italics.
 */
const MESSAGES = () => messagesOf('en') as Record<MessageId, CompiledMessage>;

const SUB_ITEMS = { open: '(', close: ')', alphabet: 'abcdefghijklmnopqrstuvwxyz' };

export const en: Locale = {
  tag: 'en',
  dir: 'ltr',
  messages: new Catalogue('en', MESSAGES),
  languageNames: { ar: 'Arabic', zh: 'Chinese', en: 'English', fr: 'French', ru: 'Russian', es: 'Spanish' },
  // "Arabic, Chinese, English, French, Russian and Spanish" (rules of procedure of the General Assembly, rule 51); "English, French and Spanish only" (CMW/C/39/1).
  languageOrder: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
  listPunctuation: { beforeSubItems: ':', betweenSubItems: ';', last: '.' },
  roleWordings: ENGLISH_ROLE_WORDINGS,
  jointSymbolSeparator: ' – ',
  quotes: { open: '\u201C', close: '\u201D', innerOpen: '\u2018', innerClose: '\u2019' },
  subItemStyle: SUB_ITEMS,
  pageCounter: '{page}/{pages}',
  // Tinos is metric-compatible with Times New Roman, the UN's body face.
  fonts: [{ script: 'Latn', family: 'Tinos', fallbacks: ['Times New Roman', 'Liberation Serif', 'Nimbus Roman', 'serif'] }],
  ordinal,
  cardinal,
  capitalize: (text) => text.charAt(0).toUpperCase() + text.slice(1),
  list,
  subItemLetter: (index) => `${SUB_ITEMS.open}${letters(index, SUB_ITEMS.alphabet)}${SUB_ITEMS.close}`,
  subSubItemLabel: (index) => `${SUB_ITEMS.open}${roman(index)}${SUB_ITEMS.close}`,
  // The UN cites a third-level sub-item with a space before each parenthesis: "2 (a) (i)".
  itemNumber: (item, sub, subSub) =>
    sub === undefined
      ? String(item)
      : `${item} ${SUB_ITEMS.open}${letters(sub, SUB_ITEMS.alphabet)}${SUB_ITEMS.close}` + (subSub === undefined ? '' : ` ${SUB_ITEMS.open}${roman(subSub)}${SUB_ITEMS.close}`),
  upperCase: (text) => text.toLocaleUpperCase('en'),
  date,
  dateWithWeekday: (d) => `${WEEKDAYS[weekday(d)]}, ${date(d)}`,
  dayHeading: (d) => `${WEEKDAYS[weekday(d)]}, ${d.day} ${MONTHS[d.month - 1]}`,
  dateRange,
  time,
  timeRange,
  placeholderForms: { 'plenary-meetings': ['counted'], days: ['counted'] },
};

/** Sub-item letters: a ... z, then aa, ab ... as in long GA agendas (bijective base of the alphabet). */
export function letters(index: number, alphabet: string): string {
  const base = alphabet.length;
  let n = index;
  let s = '';
  while (n > 0) {
    n -= 1;
    s = alphabet[n % base]! + s;
    n = Math.floor(n / base);
  }
  return s;
}

const ROMAN: readonly [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

/** Lower-case roman numerals, as the UN labels the third level of a list: i, ii, iii, iv … */
export function roman(index: number): string {
  let n = index;
  let s = '';
  for (const [value, digits] of ROMAN) {
    while (n >= value) {
      s += digits;
      n -= value;
    }
  }
  return s;
}
