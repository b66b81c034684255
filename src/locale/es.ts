import { messagesOf } from '../generated/messages.js';
import { weekday } from './calendar.js';
import { Catalogue, type CompiledMessage } from './catalogue.js';
import { subItemLabels } from './labels.js';
import { SPANISH_ROLE_WORDINGS } from './role-wordings.js';
import type { CalendarDate, Locale, MessageId, TimeOfDay, WordForm } from './types.js';

/**
 * The Spanish locale, as United Nations Spanish documents set it.
 *
 * Sources (verified with published documents; "not verified" where none was found):
 * - Masthead "Naciones Unidas", "Distr. general", "20 de septiembre de 2012", "Español",
 *   "Original: inglés", "Sexto período de sesiones", "Viena, 15 a 19 de octubre de 2012",
 *   "Tema 2 del programa provisional": CTOC/COP/2012/14 (Spanish). "Asamblea General",
 *   "Distr. general 4 de julio de 2003 Español Original: inglés": A/58/165 (Spanish).
 * - Ranges across months "28 de julio a 5 de agosto de 1997", job letter "(S)":
 *   FCCC/SBI/1997/11 (Spanish). Older masthead "Distr. GENERAL", "Original: INGLES" there too;
 *   "Distr. LIMITADA": LC/L.4011/Rev.1.
 * - Lists "2. Cuestiones de organización:", "a) Aprobación del programa;", "… Kyoto.", sub-items
 *   cited "Tema 2 a) del programa provisional", title "Programa provisional y anotaciones":
 *   FCCC/KP/CMP/2017/1 (Spanish). "Anotaciones al programa provisional", "Tema 1. Elección de
 *   la Mesa", "Documentación", "a las 10.00 horas": HSP/GC/19/1/Add.1 (Spanish).
 * - Weekday and date without comma, "Martes 5 de septiembre de 2023": Dag Hammarskjöld
 *   Library, ask.un.org/es/faq/10858. (HSP/GC/19/1/Add.1 of 2003 still wrote "lunes, 5 de mayo".)
 * - Two consecutive days "11 y 12 de septiembre de 2023": not verified (the conjunction is
 *   Spanish grammar; "e" before a word starting with the sound /i/, "francés e inglés").
 * - Time ranges "10.00 a 13.00 horas": the form of "15 a 19 de octubre" applied to hours; not
 *   verified against a Spanish annex. Noon is "12.00 horas" (24-hour clock): not verified.
 * - Ordinals "decimocuarta reunión", "trigésimo segundo período de sesiones", "septuagésimo
 *   octavo período de sesiones": Spanish grammar (RAE); "período de sesiones" is masculine and
 *   "reunión" feminine; "primer", "tercer" and "decimotercer" lose their -o before the noun.
 *   Note: UN Spanish documents of subsidiary bodies write ordinals from 11 on in figures
 *   ("41º período de sesiones", A/AC.105/C.1/L.268; "19º período de sesiones",
 *   HSP/GC/19/1/Add.1; "27ª Reunión", UNEP/OzL.Pro.27/2); this locale spells them, as the
 *   General Assembly does ("septuagésimo período de sesiones"); choosing figures per body is
 *   not done.
 * - Quotation marks “ ” (outer) and ‘ ’ (inner): UN Spanish documents (CTOC/COP/2012/14 uses
 *   double quotes); not verified for the inner marks.
 */

export const SPANISH_MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
export const SPANISH_WEEKDAYS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];

const UNITS = [
  'cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce', 'trece', 'catorce', 'quince',
  'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve', 'veinte', 'veintiuno', 'veintidós', 'veintitrés', 'veinticuatro', 'veinticinco',
  'veintiséis', 'veintisiete', 'veintiocho', 'veintinueve',
];
const TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const HUNDREDS = ['', 'ciento', 'doscientos', 'trescientos', 'cuatrocientos', 'quinientos', 'seiscientos', 'setecientos', 'ochocientos', 'novecientos'];

/**
 * Cardinal words; with the gender of a counted noun (`form`), as they stand before it:
 * "un día", "veintiún días", "treinta y un días"; "una sesión", "veintiuna sesiones",
 * "doscientas sesiones" (RAE).
 */
function cardinal(n: number, form?: WordForm): string {
  if (form?.gender === 'masculine') return cardinal(n).replace(/veintiuno$/, 'veintiún').replace(/\buno$/, 'un');
  if (form?.gender === 'feminine') {
    return cardinal(n)
      .replace(/uno$/, 'una')
      .replace(/ientos\b/g, 'ientas');
  }
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) return String(n);
  if (n < 30) return UNITS[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? ` y ${UNITS[n % 10]}` : '');
  if (n < 1000) {
    if (n === 100) return 'cien';
    return HUNDREDS[Math.floor(n / 100)]! + (n % 100 ? ` ${cardinal(n % 100)}` : '');
  }
  const k = Math.floor(n / 1000);
  // "mil", "dos mil", "veintiún mil": "uno" is shortened before "mil".
  const head = k === 1 ? 'mil' : `${cardinal(k).replace(/veintiuno$/, 'veintiún').replace(/uno$/, 'un')} mil`;
  return n % 1000 ? `${head} ${cardinal(n % 1000)}` : head;
}

const ORD_UNITS = ['', 'primero', 'segundo', 'tercero', 'cuarto', 'quinto', 'sexto', 'séptimo', 'octavo', 'noveno'];
const ORD_TEENS = ['décimo', 'undécimo', 'duodécimo', 'decimotercero', 'decimocuarto', 'decimoquinto', 'decimosexto', 'decimoséptimo', 'decimoctavo', 'decimonoveno'];
const ORD_TENS = ['', '', 'vigésimo', 'trigésimo', 'cuadragésimo', 'quincuagésimo', 'sexagésimo', 'septuagésimo', 'octogésimo', 'nonagésimo'];
const ORD_HUNDREDS = ['', 'centésimo', 'ducentésimo', 'tricentésimo', 'cuadringentésimo', 'quingentésimo', 'sexcentésimo', 'septingentésimo', 'octingentésimo', 'noningentésimo'];

/**
 * "decimocuarto", "trigésimo segundo", "septuagésimo octavo", in the gender of the noun:
 * every word agrees ("vigésima primera reunión"). Before a masculine noun "primero",
 * "tercero" and "decimotercero" drop the -o ("vigésimo primer período de sesiones"); the
 * locale's ordinals stand before the noun, so a masculine form is the shortened one.
 */
function ordinal(n: number, form?: WordForm): string {
  if (!Number.isInteger(n) || n < 1 || n >= 1000) return n >= 1000 && Number.isInteger(n) ? `${n}º` : String(n);
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) words.push(ORD_HUNDREDS[h]!);
  if (rest >= 10 && rest < 20) words.push(ORD_TEENS[rest - 10]!);
  else {
    if (rest >= 20) words.push(ORD_TENS[Math.floor(rest / 10)]!);
    if (rest % 10) words.push(ORD_UNITS[rest % 10]!);
  }
  if (form?.gender === 'feminine') return words.map((w) => w.replace(/o$/, 'a')).join(' ');
  const out = words.join(' ');
  return form?.gender === 'masculine' ? out.replace(/(primer|tercer)o$/, '$1') : out;
}

/** "A, B y C"; "e" before a word that starts with the sound /i/ ("francés e inglés"), not before "hie-" or "y". */
function list(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  const last = parts[parts.length - 1]!;
  const and = /^h?[iíIÍ](?![aeiouáéíóú])/.test(last) ? 'e' : 'y';
  return `${parts.slice(0, -1).join(', ')} ${and} ${last}`;
}

const date = (d: CalendarDate) => `${d.day} de ${SPANISH_MONTHS[d.month - 1]} de ${d.year}`;

function dateRange(a: CalendarDate, b: CalendarDate): string {
  if (a.year === b.year && a.month === b.month && a.day === b.day) return date(a);
  if (a.year === b.year && a.month === b.month) {
    const joiner = b.day - a.day === 1 ? ' y ' : ' a ';
    return `${a.day}${joiner}${b.day} de ${SPANISH_MONTHS[b.month - 1]} de ${b.year}`;
  }
  if (a.year === b.year) return `${a.day} de ${SPANISH_MONTHS[a.month - 1]} a ${date(b)}`;
  return `${date(a)} a ${date(b)}`;
}

/** "10.00": hours and minutes after a point, on the 24-hour clock. */
const clock = (t: TimeOfDay) => `${Math.floor(t / 60)}.${String(t % 60).padStart(2, '0')}`;
const time = (t: TimeOfDay) => `${clock(t)} horas`;

const SUB_ITEMS = { open: '', close: ')', alphabet: 'abcdefghijklmnopqrstuvwxyz' };
const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase('es') + text.slice(1);

export const es: Locale = {
  tag: 'es',
  dir: 'ltr',
  messages: new Catalogue('es', () => messagesOf('es') as Record<MessageId, CompiledMessage>),
  // Common nouns in Spanish: lower case ("Original: inglés").
  languageNames: { ar: 'árabe', zh: 'chino', en: 'inglés', fr: 'francés', ru: 'ruso', es: 'español' },
  // Alphabetical by the Spanish names: "Español, francés e inglés únicamente" (mastheads of the Spanish versions).
  languageOrder: ['ar', 'zh', 'es', 'fr', 'en', 'ru'],
  listPunctuation: { beforeSubItems: ':', betweenSubItems: ';', last: '.' },
  roleWordings: SPANISH_ROLE_WORDINGS,
  jointSymbolSeparator: ' – ',
  quotes: { open: '\u201C', close: '\u201D', innerOpen: '\u2018', innerClose: '\u2019' },
  subItemStyle: SUB_ITEMS,
  pageCounter: '{page}/{pages}',
  fonts: [{ script: 'Latn', family: 'Tinos', fallbacks: ['Times New Roman', 'Liberation Serif', 'Nimbus Roman', 'serif'] }],
  ordinal,
  cardinal,
  capitalize,
  list,
  ...subItemLabels(SUB_ITEMS),
  upperCase: (text) => text.toLocaleUpperCase('es'),
  date,
  dateWithWeekday: (d) => `${SPANISH_WEEKDAYS[weekday(d)]} ${date(d)}`,
  dayHeading: (d) => capitalize(`${SPANISH_WEEKDAYS[weekday(d)]} ${d.day} de ${SPANISH_MONTHS[d.month - 1]}`),
  dateRange,
  time,
  // "10.00 a 13.00 horas": "horas" once, after the end.
  timeRange: (start, end) => `${clock(start)} a ${time(end)}`,
  meetingNouns: {
    meeting: { gender: 'feminine' },
    session: { gender: 'masculine' },
    'special-session': { gender: 'masculine' },
    'resumed-session': { gender: 'masculine' },
    'reconvened-session': { gender: 'masculine' },
    'organizational-session': { gender: 'masculine' },
    'emergency-special-session': { gender: 'masculine' },
  },
  placeholderForms: { 'plenary-meetings': ['counted'], days: ['counted'] },
};
