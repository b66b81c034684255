import { messagesOf } from '../generated/messages.js';
import { weekday } from './calendar.js';
import { Catalogue, type CompiledMessage } from './catalogue.js';
import { en } from './en.js';
import { ARABIC_ROLE_WORDINGS } from './role-wordings.js';
import type { CalendarDate, Locale, MessageId, TimeOfDay, WordForm } from './types.js';

/**
 * The Arabic locale, as United Nations Arabic documents set it.
 *
 * Sources (verified with published documents; "not verified" where none was found):
 * - A/74/L.75 and A/C.3/72/L.1 in English and Arabic, aligned by the UN document repository
 *   (conferences.unite.un.org, MultiLanguageAlignment.bitext): "الأمم المتحدة", "الجمعية
 *   العامة"; the masthead's right column stays in English ("Distr.: Limited", "16 July 2020",
 *   "Arabic", "Original: English"); the job number ends in "(A)" ("20-09399 (A)");
 *   "الدورة الرابعة والسبعون", "الدورة الثانية والسبعون" (the ordinal after the noun, definite,
 *   feminine with "الدورة"); "البند 7 من جدول الأعمال"; Western digits in the text; the paired
 *   month names "13 آذار/مارس 2003", "14 حزيران/يونيه 2019", "أيلول/سبتمبر 2020"; sub-items
 *   "(أ)", "الفقرة (ب)"; "شروح جدول الأعمال", "انظر المرفق"; the list "57/301 ... و 73/299".
 * - E/CONF.103/2 (English and Arabic, aligned likewise): "نيويورك، 19-23 آب/أغسطس 2013" (the
 *   Arabic comma after the place), "البند 3 (ب) من جدول الأعمال المؤقت*", "إقرار جدول الأعمال
 *   ومسائل تنظيمية أخرى:" (the colon before sub-items), "أولا -" (headings).
 * - www.un.org/ar/pga/75/backgrounder (the President of the General Assembly, in Arabic):
 *   "يوم الثلاثاء، 15 أيلول/سبتمبر، الساعة 15:00", "من الساعة 8:00 إلى الساعة 11:00" (24-hour
 *   clock with a colon), quotation marks ”…“ (U+201D opens, U+201C closes, as Arabic Word
 *   writes them in logical order).
 * - The remaining months of the pairs (كانون الثاني/يناير … كانون الأول/ديسمبر) as the OHCHR
 *   and A/AC.109/2019/L.18 Arabic versions print them (shared/reference/next-features.md).
 * - Numbered paragraphs "1 -": "64 - أقرت لجنة الخبراء …" (a report of E/C.20, Arabic, 2014, in the
 *   UN parallel corpus at tarjamaan.com), "١ -" in A/C.3/72/L.1 and A/71/1007 (whose automatic
 *   numbering printed Arabic-Indic digits); Geneva documents write "10-" without the space.
 *   Agenda items numbered the same way: not verified.
 * - Sub-item letters in the abjad order أ ب ج د هـ و ز ح ط ي ك ل م ن س ع ف ص ق ر ش ت ث خ ذ ض ظ غ:
 *   (أ) to (هـ) seen in UN Arabic texts (tarjamaan.com UN corpus, "(د)", "(ﻫ)"); the rest of the
 *   order, letters past the 28th and the third level "'1'": not verified.
 * - The Arabic semicolon "؛" between sub-items (UN Arabic texts in the same corpus); the full
 *   stop after the last: not verified against an Arabic agenda.
 * - Ordinals from 101 to 199 with "بعد المائة": "الدورة العشرون بعد المائة", "الدورة التاسعة عشرة بعد
 *   المائة" (FAO CL 120/11, Arabic, 2001: a UN-system document); "الحادي بعد المائة" for 101, the
 *   weekday of annex rows and two-day ranges ("11 و 12 أيلول/سبتمبر 2023"): not verified.
 */

export const ARABIC_MONTHS = [
  'كانون الثاني/يناير', 'شباط/فبراير', 'آذار/مارس', 'نيسان/أبريل', 'أيار/مايو', 'حزيران/يونيه',
  'تموز/يوليه', 'آب/أغسطس', 'أيلول/سبتمبر', 'تشرين الأول/أكتوبر', 'تشرين الثاني/نوفمبر', 'كانون الأول/ديسمبر',
];
export const ARABIC_WEEKDAYS = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];

/** The ordinal of 1 to 10, definite, [masculine, feminine]. */
const ORD_UNITS: readonly (readonly [string, string])[] = [
  ['', ''], ['الأول', 'الأولى'], ['الثاني', 'الثانية'], ['الثالث', 'الثالثة'], ['الرابع', 'الرابعة'], ['الخامس', 'الخامسة'],
  ['السادس', 'السادسة'], ['السابع', 'السابعة'], ['الثامن', 'الثامنة'], ['التاسع', 'التاسعة'], ['العاشر', 'العاشرة'],
];
/** The units of a compound ("الحادي والعشرون"): one is "الحادي", not "الأول". */
const ORD_COMPOUND_ONE = ['الحادي', 'الحادية'] as const;
/** Tens, definite; the nominative ends in -ون, the genitive and accusative in -ين. */
const TENS_STEM = ['', '', 'العشر', 'الثلاث', 'الأربع', 'الخمس', 'الست', 'السبع', 'الثمان', 'التسع'];

type Gender = 0 | 1; // masculine, feminine
const genderOf = (form?: WordForm): Gender => (form?.gender === 'feminine' ? 1 : 0);
const oblique = (form?: WordForm) => form?.case === 'genitive' || form?.case === 'accusative';

function ordinalBelow100(n: number, g: Gender, obl: boolean): string {
  if (n <= 10) return ORD_UNITS[n]![g];
  if (n < 20) {
    const unit = n === 11 ? ORD_COMPOUND_ONE[g] : ORD_UNITS[n - 10]![g];
    return `${unit} ${g ? 'عشرة' : 'عشر'}`;
  }
  const tens = `${TENS_STEM[Math.floor(n / 10)]}${obl ? 'ين' : 'ون'}`;
  const u = n % 10;
  if (!u) return tens;
  return `${u === 1 ? ORD_COMPOUND_ONE[g] : ORD_UNITS[u]![g]} و${tens}`;
}

/**
 * "الرابع عشر", "الثامنة والسبعون": definite, after the noun, agreeing in gender (and case:
 * -ون in the nominative, -ين otherwise) with it. From 101 to 199 "... بعد المائة"; figures above.
 */
function ordinal(n: number, form?: WordForm): string {
  if (!Number.isInteger(n) || n < 1) return String(n);
  const g = genderOf(form);
  const obl = oblique(form);
  if (n < 100) return ordinalBelow100(n, g, obl);
  if (n === 100) return 'المائة';
  // 101 is "الحادي بعد المائة", as in compounds.
  if (n < 200) return `${n === 101 ? ORD_COMPOUND_ONE[g] : ordinalBelow100(n - 100, g, obl)} بعد المائة`;
  return String(n);
}

/** Cardinals 3 to 10 with a masculine counted noun (the form in ة); a feminine noun takes the other. */
const CARD_UNITS: readonly (readonly [string, string])[] = [
  ['صفر', 'صفر'], ['واحد', 'واحدة'], ['اثنان', 'اثنتان'], ['ثلاثة', 'ثلاث'], ['أربعة', 'أربع'], ['خمسة', 'خمس'],
  ['ستة', 'ست'], ['سبعة', 'سبع'], ['ثمانية', 'ثماني'], ['تسعة', 'تسع'], ['عشرة', 'عشر'],
];
const CARD_TENS = ['', '', 'عشرون', 'ثلاثون', 'أربعون', 'خمسون', 'ستون', 'سبعون', 'ثمانون', 'تسعون'];

/**
 * "أربعة", "واحد وعشرون": the nominative (the oblique when `form` asks: "عشرين"), agreeing (by polarity from 3 to 10) with the gender of
 * the counted noun given in `form`; without one, the counting form of a masculine noun
 * ("أربعة أيام"). Figures from 100 on, as UN Arabic documents write large numbers.
 */
function cardinal(n: number, form?: WordForm): string {
  // The oblique (genitive and accusative): اثنين, اثني عشر, عشرين, اثنين وعشرين.
  if (oblique(form)) {
    return cardinal(n, { ...form, case: 'nominative' })
      .replace(/^اثنان(?= |$)/, 'اثنين')
      .replace(/^اثنتان(?= |$)/, 'اثنتين')
      .replace(/^اثنا /, 'اثني ')
      .replace(/^اثنتا /, 'اثنتي ')
      .replace(/ون$/, 'ين');
  }
  if (!Number.isInteger(n) || n < 0 || n >= 100) return String(n);
  const g = genderOf(form);
  if (n <= 10) return CARD_UNITS[n]![g];
  if (n === 11) return g ? 'إحدى عشرة' : 'أحد عشر';
  if (n === 12) return g ? 'اثنتا عشرة' : 'اثنا عشر';
  if (n < 20) return `${CARD_UNITS[n - 10]![g]} ${g ? 'عشرة' : 'عشر'}`;
  const u = n % 10;
  if (!u) return CARD_TENS[n / 10]!;
  const unit = u === 1 ? (g ? 'إحدى' : 'واحد') : CARD_UNITS[u]![g];
  return `${unit} و${CARD_TENS[Math.floor(n / 10)]}`;
}

/** "العربية والصينية والإنكليزية": each part after the first joined by "و" (UN Arabic lists of languages). */
const list = (parts: string[]) => parts.join(' و');

const date = (d: CalendarDate) => `${d.day} ${ARABIC_MONTHS[d.month - 1]} ${d.year}`;

function dateRange(a: CalendarDate, b: CalendarDate): string {
  if (a.year === b.year && a.month === b.month && a.day === b.day) return date(a);
  if (a.year === b.year && a.month === b.month) {
    // "و" before a figure is spaced ("و 73/299", A/74/L.75).
    const joiner = b.day - a.day === 1 ? ' و ' : '–';
    return `${a.day}${joiner}${date(b)}`;
  }
  if (a.year === b.year) return `${a.day} ${ARABIC_MONTHS[a.month - 1]} – ${date(b)}`;
  return `${date(a)} – ${date(b)}`;
}

/** "10:00": the 24-hour clock with a colon (un.org/ar), after "الساعة". */
const clock = (t: TimeOfDay) => `${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}`;
// A no-break space: "الساعة" never ends a line without its time.
const time = (t: TimeOfDay) => `الساعة\u00a0${clock(t)}`;

/** The abjad order of UN Arabic sub-item letters; "هـ" is written with the tatweel. */
const ABJAD = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق', 'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ', 'غ'];
/** The letter of a 1-based index; past the 28th letters combine as in English ("أأ"), not verified. */
function abjad(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    n -= 1;
    s = ABJAD[n % ABJAD.length]! + s;
    n = Math.floor(n / ABJAD.length);
  }
  return s;
}
const SUB_ITEMS = { open: '(', close: ')', alphabet: ABJAD.join('') };
const sub = (index: number) => `(${abjad(index)})`;
/** The third level in Western digits between single quotes: "'1'" (not verified). */
const subSub = (index: number) => `'${index}'`;

/** The oblique cases, as placeholders ask for them ("{session|genitive}"): the same ending in both. */
const OBLIQUE = ['genitive', 'accusative'] as const;

export const ar: Locale = {
  tag: 'ar',
  dir: 'rtl',
  messages: new Catalogue('ar', () => messagesOf('ar') as Record<MessageId, CompiledMessage>),
  languageNames: { ar: 'العربية', zh: 'الصينية', en: 'الإنكليزية', fr: 'الفرنسية', ru: 'الروسية', es: 'الإسبانية' },
  // Alphabetical by the Arabic names after the article: الإسبانية، الإنكليزية، الروسية، الصينية، العربية، الفرنسية.
  languageOrder: ['es', 'en', 'ru', 'zh', 'ar', 'fr'],
  listPunctuation: { beforeSubItems: ':', betweenSubItems: '؛', last: '.' },
  roleWordings: ARABIC_ROLE_WORDINGS,
  jointSymbolSeparator: ' – ',
  quotes: { open: '\u201D', close: '\u201C', innerOpen: '\u2019', innerClose: '\u2018' },
  subItemStyle: SUB_ITEMS,
  pageCounter: '{page}/{pages}',
  // Amiri (from npm, embedded in the PDF): its glyphs map back to the right characters when text is copied.
  fonts: [{ script: 'Arab', family: 'Amiri', fallbacks: ['Noto Naskh Arabic', 'Traditional Arabic', 'Arial', 'serif'] }],
  ordinal,
  cardinal,
  // Arabic has no capitals.
  capitalize: (text) => text,
  list,
  subItemLetter: sub,
  subSubItemLabel: subSub,
  itemNumber: (item, s, ss) => (s === undefined ? String(item) : `${item} ${sub(s)}` + (ss === undefined ? '' : ` ${subSub(ss)}`)),
  upperCase: (text) => text,
  date,
  dateWithWeekday: (d) => `يوم ${ARABIC_WEEKDAYS[weekday(d)]}، ${date(d)}`,
  dayHeading: (d) => `${ARABIC_WEEKDAYS[weekday(d)]}، ${d.day} ${ARABIC_MONTHS[d.month - 1]}`,
  dateRange,
  time,
  timeRange: (start, end) => `من ${time(start)} إلى ${time(end)}`,
  // "الاجتماع" is masculine, "الدورة" feminine: "الاجتماع الرابع عشر", "الدورة الثامنة والسبعون".
  meetingNouns: {
    meeting: { gender: 'masculine' },
    session: { gender: 'feminine' },
    'special-session': { gender: 'feminine' },
    'resumed-session': { gender: 'feminine' },
    'reconvened-session': { gender: 'feminine' },
    'organizational-session': { gender: 'feminine' },
    'emergency-special-session': { gender: 'feminine' },
  },
  mastheadColumn: en,
  // The oblique (genitive and accusative) of the ordinal: "الحادي والعشرين"; the counted
  // phrase, number and noun agreeing by Arabic counting rules ("أربع جلسات عامة", "يومين").
  countedCase: 'genitive',
  placeholderForms: {
    session: OBLIQUE,
    ordinal: OBLIQUE,
    'plenary-meetings': ['counted'],
    days: ['counted'],
  },
};
