import type { RoleWording } from './role-wordings.js';
/**
 * A locale holds every fixed word of the document and the grammar that places
 * numbers, dates and times in a sentence. Renderers and the normalizer take all
 * wording from here, so that a new UN language is one new file.
 */
import type { Catalogue } from './catalogue.js';

export type LanguageCode = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';

export type Distribution = 'general' | 'limited' | 'restricted';
export type MeetingKind = 'meeting' | 'session' | 'special-session' | 'resumed-session' | 'reconvened-session' | 'organizational-session' | 'emergency-special-session';

/** A calendar date without time zone. */
export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

/** A time of day in minutes after midnight. */
export type TimeOfDay = number;

/**
 * Every message of a locale's catalogue. Each is an ICU MessageFormat pattern; the
 * arguments each one receives are listed beside it in en.ts.
 */
export type MessageId =
  | 'unitedNations'
  | 'distribution'
  | 'original'
  | 'languagesOnly'
  | 'jobNumber'
  | 'documentTitle'
  | 'provisionalAgenda'
  | 'agenda'
  | 'annotations'
  | 'documentation'
  | 'annex'
  | 'organizationOfWork'
  | 'columnDateAndTime'
  | 'columnAgendaItem'
  | 'columnTitleOrDescription'
  | 'footnotes'
  | 'backToReference'
  | 'continued'
  | 'continuedTitle'
  | 'session'
  | 'numberedSession'
  | 'placeAndDates'
  | 'placeOnly'
  | 'datesOnly'
  | 'underItem'
  | 'underAgendaItem'
  | 'agendaSymbolNote'
  | 'principalOrgan'
  | 'metaTitle'
  | 'metaDescription'
  | 'metaDescriptionNoPlace'
  | 'itemLabel'
  | 'agendaItemReference'
  | 'itemReference'
  | 'numberReference'
  | 'documentationEntry'
  | 'titleWithSymbols'
  | 'allOfficialLanguages'
  | 'documentTitleByKind'
  | 'paragraphLabel'
  | 'distributionOlder'
  | 'originalOlder'
  | 'pageOlder'
  | 'pleaseRecycle'
  | 'emblemAlt'
  | 'documentAddress'
  | `placeholder.${PlaceholderName}`;

/** The placeholders an author may write in annotation text: `{session}`, `{opening-date}`. */
export type PlaceholderName =
  | 'ordinal'
  | 'session'
  | 'body'
  | 'parent-body'
  | 'venue'
  | 'dates'
  | 'year'
  | 'opening-date'
  | 'opening-time'
  | 'plenary-meetings'
  | 'days'
  | 'interpretation'
  | 'symbol';

/** Grammatical form asked of a word that agrees with another (ordinals in Russian, French). */
export interface WordForm {
  gender?: 'masculine' | 'feminine' | 'neuter';
  case?: string;
}

/** The font of one script, as the renderers embed or name it. */
export interface ScriptFont {
  /** ISO 15924 code: "Latn", "Cyrl", "Arab", "Hans". */
  script: string;
  /** The family a renderer embeds (PDF) or names first (HTML). */
  family: string;
  /** Families a browser may use instead, in order. */
  fallbacks: string[];
}

export type { RoleWording };

export interface Locale {
  /** BCP 47 tag for `lang` attributes and PDF metadata. */
  tag: string;
  /** The direction of the language's script. */
  dir: 'ltr' | 'rtl';
  /** The catalogue of messages: every fixed word and every phrase built around an argument. */
  messages: Catalogue<MessageId>;
  /** Names of the six official languages, in this language. */
  languageNames: Record<LanguageCode, string>;
  /**
   * The order in which this language lists official languages ("English, French and Spanish
   * only", the languages of interpretation): alphabetical by their names in it, but Chinese,
   * which keeps the order of the English names.
   */
  languageOrder: readonly LanguageCode[];
  /** The punctuation of the provisional agenda list (UN style). */
  listPunctuation: {
    /** After an item that has sub-items: ":". */
    beforeSubItems: string;
    /** After every sub-item but the last: ";". */
    betweenSubItems: string;
    /** After an item without sub-items and after the last sub-item: ".". */
    last: string;
  };
  /** The wordings of titles that give an item its role, when it declares none. */
  roleWordings: readonly RoleWording[];
  /** What joins the symbols of a joint document: " – " (a spaced en dash). */
  jointSymbolSeparator: string;
  /** Quotation marks, outer and inner: “ ” and ‘ ’ in English. */
  quotes: { open: string; close: string; innerOpen: string; innerClose: string };
  /** How sub-items are labelled and cited: "(a)" and "1 (a)" in English. */
  subItemStyle: { open: string; close: string; alphabet: string };
  /** The page counter of running footers, with {page} and {pages}: "{page}/{pages}". */
  pageCounter: string;
  /** The fonts of the scripts this language is written in, the main one first. */
  fonts: ScriptFont[];
  /** "fourteenth", "thirty-ninth"; `form` for languages where the ordinal agrees with its noun. */
  ordinal(n: number, form?: WordForm): string;
  /**
   * "four", "twenty-one"; `form` for languages where the number agrees with the counted noun
   * (Arabic: "أربعة أيام", "أربع جلسات"). Without it, the language's counting form.
   */
  cardinal(n: number, form?: WordForm): string;
  /** Sentence-initial capital: "Fourteenth meeting". */
  capitalize(text: string): string;
  /** "A, B and C": the list punctuation of running text. */
  list(parts: string[]): string;
  /** "(a)" for the 1-based index of a sub-item. */
  subItemLetter(index: number): string;
  /** "(i)" for the 1-based index of a sub-item of a sub-item (the third level). */
  subSubItemLabel(index: number): string;
  /** "1 (a)", "2 (a) (i)": the number by which an item or sub-item is cited. */
  itemNumber(item: number, subItem?: number, subSubItem?: number): string;
  /** The text in capitals, as the older masthead prints the original language ("ENGLISH"). */
  upperCase(text: string): string;
  /** "11 September 2023". */
  date(d: CalendarDate): string;
  /** "Monday, 11 September 2023". */
  dateWithWeekday(d: CalendarDate): string;
  /** "Monday, 11 September": annex day rows, no year. */
  dayHeading(d: CalendarDate): string;
  /** "11 and 12 September 2023", "15–19 October 2018", "30 September–2 October 2023". */
  dateRange(first: CalendarDate, last: CalendarDate): string;
  /** "10 a.m.", "10.30 a.m.", "noon". */
  time(t: TimeOfDay): string;
  /** "10 a.m.–1 p.m.", "3–6 p.m.". */
  timeRange(start: TimeOfDay, end: TimeOfDay): string;
  /**
   * The gender (and case) of the noun that names each kind of meeting, which the ordinal
   * agrees with: French "réunion" and "session" are feminine ("quatorzième réunion"), Spanish
   * "período de sesiones" masculine and "reunión" feminine, Russian "совещание" neuter and
   * "сессия" feminine. Languages whose ordinals do not agree leave it out.
   */
  meetingNouns?: Partial<Record<MeetingKind, WordForm>>;
  /**
   * The grammatical forms an author may ask of a placeholder, `{session|genitive}`,
   * `{days|counted}`: the case of the phrase (Russian "четырнадцатого совещания") or the number
   * with its counted noun (Arabic "يومين", Russian "четыре пленарных заседания"). The placeholder's
   * message receives the form as its `form` argument.
   */
  placeholderForms: Partial<Record<PlaceholderName, readonly string[]>>;
  /** The case of a counted phrase's number (`{days|counted}`), where it inflects: Arabic writes it in the oblique ("على مدى عشرين يوما"). */
  countedCase?: string;
  /**
   * The locale whose words print the right-hand column of the masthead (distribution, date,
   * "Original:" and the languages line), when that column is not in this language: the
   * Russian, Chinese and Arabic versions print it in English ("Distr.: General",
   * "20 March 2015", "Original: English"). The symbol, "United Nations", the organ and the job
   * number stay in this language.
   */
  mastheadColumn?: Locale;
}
