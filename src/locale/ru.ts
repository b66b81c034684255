import { messagesOf } from '../generated/messages.js';
import { weekday } from './calendar.js';
import { Catalogue, type CompiledMessage } from './catalogue.js';
import { subItemLabels } from './labels.js';
import { en } from './en.js';
import { RUSSIAN_ROLE_WORDINGS } from './role-wordings.js';
import type { CalendarDate, Locale, MessageId, TimeOfDay, WordForm } from './types.js';

/**
 * The Russian locale, as United Nations Russian documents set it.
 *
 * Sources (verified with published documents; "not verified" where none was found):
 * - CAC/COSP/IRG/2015/1 in English and Russian, aligned by the UN document repository
 *   (conferences2.unite.un.org, MultiLanguageAlignment.bitext): the masthead's right column
 *   stays in English ("Distr.: General", "20 March 2015", "Russian", "Original: English"), the
 *   job number ends in "(R)" ("V.15-01968 (R)"), "Организация Объединенных Наций",
 *   "Шестая сессия", "Вена, 1-5 июня 2015 года", "Аннотированная предварительная повестка
 *   дня", "Предварительная повестка дня", "1. Организационные вопросы:", sub-items with Latin
 *   letters "a) открытие сессии;", and no full stop after an item or the last sub-item
 *   ("b) утверждение повестки дня и организация работы", "2. Обзор хода осуществления …").
 * - The older masthead: "Distr. GENERAL", "RUSSIAN", "Original: ENGLISH" (UNEP/CHW.6/1/Add.1,
 *   Russian, 2002); its times "в 10 ч. 00 м." — the current UN Russian writes "10 ч 00 м"
 *   without points: not verified against a current document.
 * - "е" for "ё" ("Объединенных", "четвертый"), as UN Russian documents print it.
 * - Quotation marks « » (outer), „ “ (inner): the Headquarters Agreement in Russian
 *   (un.org/ru: «район Центральных учреждений»); inner marks not verified.
 * - Dates "11 сентября 2023 года", weekday "понедельник, 11 сентября 2023 года": Russian
 *   grammar as UN Russian documents write them; two days "11 и 12 сентября 2023 года" and the
 *   spaced dash across months ("30 сентября – 2 октября 2023 года"): not verified.
 * - Ordinals agree in gender (and case) with the noun: "четырнадцатое совещание" (neuter),
 *   "шестая сессия" (feminine); only the last word of a compound is an ordinal ("семьдесят
 *   восьмая сессия"): Russian grammar.
 * - Sub-items cited "1 b)", third level "i)": not verified.
 */

export const RUSSIAN_MONTHS_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
export const RUSSIAN_WEEKDAYS = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];

const UNITS = ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять', 'десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'];
const TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];

function below1000(n: number, feminine = false): string[] {
  const words: string[] = [];
  if (n >= 100) words.push(HUNDREDS[Math.floor(n / 100)]!);
  const r = n % 100;
  if (r >= 20) {
    words.push(TENS[Math.floor(r / 10)]!);
    if (r % 10) words.push(UNITS[r % 10]!);
  } else if (r) words.push(UNITS[r]!);
  if (feminine && words.length) words[words.length - 1] = words[words.length - 1]!.replace(/^один$/, 'одна').replace(/^два$/, 'две');
  return words;
}

/** "четыре", "двадцать один", "две тысячи": the nominative, masculine unless `form` gives the counted noun's gender ("одно заседание", "две сессии"). */
function cardinal(n: number, form?: WordForm): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) return String(n);
  if (n === 0) return UNITS[0]!;
  const k = Math.floor(n / 1000);
  const words: string[] = [];
  if (k) {
    words.push(...below1000(k, true));
    const last = k % 100 >= 11 && k % 100 <= 14 ? 5 : k % 10;
    words.push(last === 1 ? 'тысяча' : last >= 2 && last <= 4 ? 'тысячи' : 'тысяч');
  }
  words.push(...below1000(n % 1000));
  const last = words.length - 1;
  if (form?.gender === 'feminine') words[last] = words[last]!.replace(/^один$/, 'одна').replace(/^два$/, 'две');
  if (form?.gender === 'neuter') words[last] = words[last]!.replace(/^один$/, 'одно');
  return words.join(' ');
}

/** The masculine nominative of the ordinal of each unit, teen, ten and hundred. */
const ORD_UNITS = ['', 'первый', 'второй', 'третий', 'четвертый', 'пятый', 'шестой', 'седьмой', 'восьмой', 'девятый'];
const ORD_TEENS = ['десятый', 'одиннадцатый', 'двенадцатый', 'тринадцатый', 'четырнадцатый', 'пятнадцатый', 'шестнадцатый', 'семнадцатый', 'восемнадцатый', 'девятнадцатый'];
const ORD_TENS = ['', '', 'двадцатый', 'тридцатый', 'сороковой', 'пятидесятый', 'шестидесятый', 'семидесятый', 'восьмидесятый', 'девяностый'];
const ORD_HUNDREDS = ['', 'сотый', 'двухсотый', 'трехсотый', 'четырехсотый', 'пятисотый', 'шестисотый', 'семисотый', 'восьмисотый', 'девятисотый'];

type Gender = 'masculine' | 'feminine' | 'neuter';
/** Adjective endings by case, for masculine, feminine and neuter; accusative of inanimate nouns. */
const HARD: Record<string, [string, string, string]> = {
  nominative: ['', 'ая', 'ое'],
  genitive: ['ого', 'ой', 'ого'],
  dative: ['ому', 'ой', 'ому'],
  accusative: ['', 'ую', 'ое'],
  instrumental: ['ым', 'ой', 'ым'],
  prepositional: ['ом', 'ой', 'ом'],
};
const SOFT: Record<string, [string, string, string]> = {
  nominative: ['ий', 'ья', 'ье'],
  genitive: ['ьего', 'ьей', 'ьего'],
  dative: ['ьему', 'ьей', 'ьему'],
  accusative: ['ий', 'ью', 'ье'],
  instrumental: ['ьим', 'ьей', 'ьим'],
  prepositional: ['ьем', 'ьей', 'ьем'],
};

/** The ordinal word in the gender and case asked: "четырнадцатое", "восьмая", "третьем". */
function inflect(masculine: string, gender: Gender, grammaticalCase: string): string {
  const index = gender === 'masculine' ? 0 : gender === 'feminine' ? 1 : 2;
  const c = HARD[grammaticalCase] ? grammaticalCase : 'nominative';
  if (masculine === 'третий') return `трет${SOFT[c]![index]}`;
  const ending = HARD[c]![index]!;
  return ending === '' ? masculine : masculine.slice(0, -2) + ending;
}

/**
 * "четырнадцатое", "семьдесят восьмая": the words before the last are cardinals, the last
 * an ordinal agreeing with the noun (`form`; masculine nominative without one).
 */
function ordinal(n: number, form?: WordForm): string {
  if (!Number.isInteger(n) || n < 1 || n >= 1000) return String(n);
  const gender = form?.gender ?? 'masculine';
  const c = form?.case ?? 'nominative';
  const h = Math.floor(n / 100);
  const r = n % 100;
  const words: string[] = [];
  let last: string;
  if (r === 0) last = ORD_HUNDREDS[h]!;
  else {
    if (h) words.push(HUNDREDS[h]!);
    if (r < 10) last = ORD_UNITS[r]!;
    else if (r < 20) last = ORD_TEENS[r - 10]!;
    else if (r % 10 === 0) last = ORD_TENS[r / 10]!;
    else {
      words.push(TENS[Math.floor(r / 10)]!);
      last = ORD_UNITS[r % 10]!;
    }
  }
  return [...words, inflect(last, gender, c)].join(' ');
}

function list(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} и ${parts[parts.length - 1]}`;
}

const date = (d: CalendarDate) => `${d.day} ${RUSSIAN_MONTHS_GENITIVE[d.month - 1]} ${d.year} года`;

function dateRange(a: CalendarDate, b: CalendarDate): string {
  if (a.year === b.year && a.month === b.month && a.day === b.day) return date(a);
  if (a.year === b.year && a.month === b.month) {
    const joiner = b.day - a.day === 1 ? ' и ' : '–';
    return `${a.day}${joiner}${date(b)}`;
  }
  if (a.year === b.year) return `${a.day} ${RUSSIAN_MONTHS_GENITIVE[a.month - 1]} – ${date(b)}`;
  return `${date(a)} – ${date(b)}`;
}

/** "10 ч 00 м": hours and minutes, 24-hour clock, as UN Russian documents print times. */
const time = (t: TimeOfDay) => `${Math.floor(t / 60)}\u00A0ч\u00A0${String(t % 60).padStart(2, '0')}\u00A0м`;

const SUB_ITEMS = { open: '', close: ')', alphabet: 'abcdefghijklmnopqrstuvwxyz' };
const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase('ru') + text.slice(1);

/** The cases other than the nominative, as placeholders ask for them ("{session|genitive}"). */
const OBLIQUE_CASES = ['genitive', 'dative', 'accusative', 'instrumental', 'prepositional'] as const;

export const ru: Locale = {
  tag: 'ru',
  dir: 'ltr',
  messages: new Catalogue('ru', () => messagesOf('ru') as Record<MessageId, CompiledMessage>),
  languageNames: { ar: 'арабский', zh: 'китайский', en: 'английский', fr: 'французский', ru: 'русский', es: 'испанский' },
  // Alphabetical by the Russian names: английский, арабский, испанский, китайский, русский, французский.
  languageOrder: ['en', 'ar', 'es', 'zh', 'ru', 'fr'],
  // No full stop closes an item (CAC/COSP/IRG/2015/1, Russian).
  listPunctuation: { beforeSubItems: ':', betweenSubItems: ';', last: '' },
  roleWordings: RUSSIAN_ROLE_WORDINGS,
  jointSymbolSeparator: ' – ',
  quotes: { open: '\u00AB', close: '\u00BB', innerOpen: '\u201E', innerClose: '\u201C' },
  subItemStyle: SUB_ITEMS,
  pageCounter: '{page}/{pages}',
  // Tinos covers Cyrillic.
  fonts: [{ script: 'Cyrl', family: 'Tinos', fallbacks: ['Times New Roman', 'Liberation Serif', 'Nimbus Roman', 'serif'] }],
  ordinal,
  cardinal,
  capitalize,
  list,
  ...subItemLabels(SUB_ITEMS),
  upperCase: (text) => text.toLocaleUpperCase('ru'),
  date,
  dateWithWeekday: (d) => `${RUSSIAN_WEEKDAYS[weekday(d)]}, ${date(d)}`,
  dayHeading: (d) => capitalize(`${RUSSIAN_WEEKDAYS[weekday(d)]}, ${d.day} ${RUSSIAN_MONTHS_GENITIVE[d.month - 1]}`),
  dateRange,
  time,
  timeRange: (start, end) => `${time(start)} – ${time(end)}`,
  meetingNouns: {
    meeting: { gender: 'neuter' },
    session: { gender: 'feminine' },
    'special-session': { gender: 'feminine' },
    'resumed-session': { gender: 'feminine' },
    'reconvened-session': { gender: 'feminine' },
    'organizational-session': { gender: 'feminine' },
    'emergency-special-session': { gender: 'feminine' },
  },
  mastheadColumn: en,
  // The cases of the phrase a placeholder gives; the accusative of inanimate nouns is the nominative but for feminine ones ("сессию").
  placeholderForms: {
    session: OBLIQUE_CASES,
    ordinal: OBLIQUE_CASES,
    'plenary-meetings': ['counted'],
    days: ['counted'],
  },
};
