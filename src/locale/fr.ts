import { messagesOf } from '../generated/messages.js';
import { weekday } from './calendar.js';
import { Catalogue, type CompiledMessage } from './catalogue.js';
import { subItemLabels } from './labels.js';
import { FRENCH_ROLE_WORDINGS } from './role-wordings.js';
import type { CalendarDate, Locale, MessageId, TimeOfDay, WordForm } from './types.js';

/**
 * The French locale, as United Nations French documents set it.
 *
 * Sources (verified with published documents; "not verified" where none was found):
 * - Masthead "Distr. générale", "Français", "Original : anglais", session line
 *   "Quarante-neuvième session", place and dates "Vienne, 12-15 juillet 2021", "Point 2 de
 *   l’ordre du jour provisoire", title "Ordre du jour provisoire annoté", "Ouverture de la
 *   session", "Élection du Bureau", "Adoption de l’ordre du jour", typographic apostrophe:
 *   IDB.49/1/Add.1 (French, 26 mars 2021). "Distr. générale … Français Original : anglais" also
 *   in A/CONF.222/INF/1 (French), whose job number ends in "(F)".
 * - "1er" for the first day of a month: A/RES/52/91 (French): "en date du 1er décembre 1950".
 * - Dates "lundi 11 septembre 2023" (weekday in lower case, no comma): UN French press
 *   releases (press.un.org/fr: "qui commence demain, mardi 11 mai"); the UN French style of
 *   weekday and date without comma is the Manuel de rédaction's. Day rows of the annex are
 *   capitalized as headings ("Lundi 11 septembre"): not verified against a French annex.
 * - Two consecutive days "11 et 12 septembre 2023": as English; the dash of longer ranges
 *   ("15–19 octobre 2018", "30 septembre–2 octobre 2023"): not verified (extracted texts show
 *   a hyphen, which extraction also gives for the English en dash).
 * - Times "10 heures": "Les séances du matin ont normalement lieu de 10 heures à 13 heures et
 *   les séances de l’après-midi de 15 heures à 18 heures" (Guide à l’usage des délégations,
 *   static.un.org/french/ga/59/booklet/conf.htm). That is the running-text form; the annex
 *   cell is given the compact "10 heures–13 heures", whose dash is not verified; "10 h 30",
 *   "midi" and "minuit": not verified. A weekday opening a line is capitalized ("Mardi 13
 *   septembre 2022", Guide à l’usage des délégations 2022, ST/CS/72), as the annex day rows are.
 * - Sub-items "a)", cited "1 a)": UN French agendas (IDB.49/1/Add.1 lists; the UNTOC rules of
 *   procedure in French, article 8: "a Les questions …" with the parenthesis lost in
 *   extraction). Third level "i)", "2 a) i)": not verified.
 * - Narrow no-break space (U+202F) before ":" ";" "?" "!" and inside « »: French typography
 *   as the UN French documents apply it ("Original : anglais"); the narrow width rather than
 *   the word-wide no-break space is the Imprimerie nationale's for ";" "?" "!", used here for
 *   ":" too, for one spacing throughout: not verified against a UN French PDF.
 * - Ordinals "quatorzième", "quarante-neuvième", "soixante-dix-huitième", "vingt et unième";
 *   "première" agrees with "réunion" and "session" (both feminine): French grammar,
 *   traditional spelling (hyphens only below 100 and not around "et"), as UN French documents
 *   write session numbers ("Soixante-dix-septième session", press.un.org/fr AG/AB/4406).
 * - Titles of the annex ("Projet d’organisation des travaux", "Date et heure", "Point de
 *   l’ordre du jour", "Titre ou description") and "(suite)": UNTERM French equivalents;
 *   not verified against a French annex.
 */

/** Month and weekday names: lower case inside a sentence. */
export const FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
export const FRENCH_WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

/** U+202F, the narrow no-break space of French typography before ":" ";" "?" "!" and inside « ». */
export const NNBSP = '\u202F';
/** U+00A0, the no-break space that holds "10 h 30" together. */
const NBSP = '\u00A0';

const UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'soixante', 'quatre-vingt', 'quatre-vingt'];

/** 0–99: "dix-sept", "vingt et un", "soixante et onze", "quatre-vingts", "quatre-vingt-onze". */
function below100(n: number): string {
  if (n <= 16) return UNITS[n]!;
  if (n < 20) return `dix-${UNITS[n - 10]}`;
  const t = Math.floor(n / 10);
  // Seventy and ninety count on from sixty and eighty: soixante-dix, quatre-vingt-dix.
  const u = t === 7 || t === 9 ? (n % 10) + 10 : n % 10;
  if (u === 0) return t === 8 ? 'quatre-vingts' : TENS[t]!;
  if (u === 1 && t !== 8 && t !== 9) return `${TENS[t]} et un`;
  if (u === 11 && t === 7) return 'soixante et onze';
  return `${TENS[t]}-${below100(u)}`;
}

/**
 * Cardinal words below 1,000,000, traditional spelling: "deux cents", "deux cent un",
 * "quatre-vingt mille"; before a feminine noun "une", "vingt et une" (`form`).
 */
function cardinal(n: number, form?: WordForm): string {
  if (form?.gender === 'feminine') return cardinal(n).replace(/\bun$/, 'une');
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) return String(n);
  if (n < 100) return below100(n);
  if (n < 1000) {
    const h = Math.floor(n / 100);
    const r = n % 100;
    const head = h === 1 ? 'cent' : `${UNITS[h]} cent${r ? '' : 's'}`;
    return r ? `${head} ${below100(r)}` : head;
  }
  const k = Math.floor(n / 1000);
  const r = n % 1000;
  // "vingt" and "cent" take no s before "mille": "quatre-vingt mille", "deux cent mille".
  const head = k === 1 ? 'mille' : `${cardinal(k).replace(/(vingt|cent)s$/, '$1')} mille`;
  return r ? `${head} ${cardinal(r)}` : head;
}

/** "premier"/"première", "deuxième", "quatorzième", "vingt et unième", "quatre-vingtième", "centième". */
function ordinal(n: number, form?: WordForm): string {
  if (!Number.isInteger(n) || n < 1 || n >= 1_000_000) return String(n);
  if (n === 1) return form?.gender === 'feminine' ? 'première' : 'premier';
  const words = cardinal(n).replace(/(vingt|cent)s$/, '$1');
  return words.replace(/(q|f|e)?$/, (end) => (end === 'q' ? 'qu' : end === 'f' ? 'v' : '')) + 'ième';
}

function list(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
}

/** "1er", then plain numbers: the UN French writes the first day of a month as an ordinal. */
const day = (d: number) => (d === 1 ? '1er' : String(d));
const date = (d: CalendarDate) => `${day(d.day)} ${FRENCH_MONTHS[d.month - 1]} ${d.year}`;

function dateRange(a: CalendarDate, b: CalendarDate): string {
  if (a.year === b.year && a.month === b.month && a.day === b.day) return date(a);
  if (a.year === b.year && a.month === b.month) {
    const joiner = b.day - a.day === 1 ? ' et ' : '–';
    return `${day(a.day)}${joiner}${b.day} ${FRENCH_MONTHS[b.month - 1]} ${b.year}`;
  }
  if (a.year === b.year) return `${day(a.day)} ${FRENCH_MONTHS[a.month - 1]}–${date(b)}`;
  return `${date(a)}–${date(b)}`;
}

/** "10 heures", "10 h 30", "midi": the 24-hour clock of UN French documents. */
function time(t: TimeOfDay): string {
  if (t === 12 * 60) return 'midi';
  if (t === 0 || t === 24 * 60) return 'minuit';
  const h = Math.floor(t / 60);
  const m = t % 60;
  if (m) return `${h}${NBSP}h${NBSP}${String(m).padStart(2, '0')}`;
  return `${h}${NBSP}${h === 1 ? 'heure' : 'heures'}`;
}

const SUB_ITEMS = { open: '', close: ')', alphabet: 'abcdefghijklmnopqrstuvwxyz' };

export const fr: Locale = {
  tag: 'fr',
  dir: 'ltr',
  messages: new Catalogue('fr', () => messagesOf('fr') as Record<MessageId, CompiledMessage>),
  // Language names are common nouns in French: lower case ("Original : anglais").
  languageNames: { ar: 'arabe', zh: 'chinois', en: 'anglais', fr: 'français', ru: 'russe', es: 'espagnol' },
  // Alphabetical by the French names: "Anglais, espagnol et français seulement" (mastheads of the French versions).
  languageOrder: ['en', 'ar', 'zh', 'es', 'fr', 'ru'],
  // "1. Questions d’organisation :", "a) Ouverture de la réunion ;", "b) Adoption … travaux."
  listPunctuation: { beforeSubItems: `${NNBSP}:`, betweenSubItems: `${NNBSP};`, last: '.' },
  roleWordings: FRENCH_ROLE_WORDINGS,
  jointSymbolSeparator: ' – ',
  // « » with narrow no-break spaces inside; “ ” inside them.
  quotes: { open: `«${NNBSP}`, close: `${NNBSP}»`, innerOpen: '\u201C', innerClose: '\u201D' },
  subItemStyle: SUB_ITEMS,
  pageCounter: '{page}/{pages}',
  fonts: [{ script: 'Latn', family: 'Tinos', fallbacks: ['Times New Roman', 'Liberation Serif', 'Nimbus Roman', 'serif'] }],
  ordinal,
  cardinal,
  capitalize: (text) => text.charAt(0).toLocaleUpperCase('fr') + text.slice(1),
  list,
  ...subItemLabels(SUB_ITEMS),
  // "1 a)", "2 a) i)": the label follows the number after a space.
  upperCase: (text) => text.toLocaleUpperCase('fr'),
  date,
  dateWithWeekday: (d) => `${FRENCH_WEEKDAYS[weekday(d)]} ${date(d)}`,
  dayHeading: (d) => {
    const w = FRENCH_WEEKDAYS[weekday(d)]!;
    return `${w.charAt(0).toUpperCase()}${w.slice(1)} ${day(d.day)} ${FRENCH_MONTHS[d.month - 1]}`;
  },
  dateRange,
  time,
  timeRange: (start, end) => `${time(start)}–${time(end)}`,
  meetingNouns: {
    meeting: { gender: 'feminine' },
    session: { gender: 'feminine' },
    'special-session': { gender: 'feminine' },
    'resumed-session': { gender: 'feminine' },
    'reconvened-session': { gender: 'feminine' },
    'organizational-session': { gender: 'feminine' },
    'emergency-special-session': { gender: 'feminine' },
  },
  placeholderForms: { 'plenary-meetings': ['counted'], days: ['counted'] },
};
