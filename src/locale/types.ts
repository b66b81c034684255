/**
 * A locale holds every fixed word of the document and the grammar that places
 * numbers, dates and times in a sentence. Renderers and the normalizer take all
 * wording from here, so that a new UN language is one new file.
 */
export type LanguageCode = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';

export type Distribution = 'general' | 'limited' | 'restricted';
export type MeetingKind = 'meeting' | 'session' | 'special-session' | 'resumed-session';

/** A calendar date without time zone. */
export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

/** A time of day in minutes after midnight. */
export type TimeOfDay = number;

export interface Locale {
  /** BCP 47 tag for `lang` attributes and PDF metadata. */
  tag: string;
  /** The letter in parentheses after a job number: "(E)" for English. */
  jobLanguageLetter: string;
  words: {
    unitedNations: string;
    distributionLabel: string; // "Distr.:"
    distribution: Record<Distribution, string>;
    originalLabel: string; // "Original:"
    documentTitle: string; // "Annotated provisional agenda"
    provisionalAgenda: string;
    annotations: string;
    documentation: string;
    annex: string;
    organizationOfWork: string;
    columns: { dateAndTime: string; agendaItem: string; titleOrDescription: string };
    continued: string; // "continued", shown as "(continued)"
    item: string; // "item"
    agendaItem: string; // "agenda item"
    kind: Record<MeetingKind, string>;
    languages: Record<LanguageCode, string>;
    allOfficialLanguages: string; // "the six official languages of the United Nations"
    footnotes: string; // heading for footnote lists where a format needs one
    backToReference: string; // accessible label for a footnote's back link
    page: string; // "Page"
    contents: string;
    /** The page counter of running footers, with {page} and {pages}: "{page}/{pages}". */
    pageCounter: string;
  };
  /** "fourteenth", "thirty-ninth". */
  ordinal(n: number): string;
  /** "four", "twenty-one". */
  cardinal(n: number): string;
  /** Sentence-initial capital: "Fourteenth meeting". */
  capitalize(text: string): string;
  /** "A, B and C". */
  list(parts: string[]): string;
  /** "(a)" for the 1-based index of a sub-item. */
  subItemLetter(index: number): string;
  /** "1 (a)": the number by which an item or sub-item is cited. */
  itemNumber(item: number, subItem?: number): string;
  /** "only" clause of the masthead: "English, French and Spanish only". */
  languagesOnly(names: string[]): string;
  /** "11 September 2023". */
  date(d: CalendarDate): string;
  /** "Monday, 11 September 2023". */
  dateWithWeekday(d: CalendarDate): string;
  /** "Monday, 11 September": annex day rows, no year. */
  dayHeading(d: CalendarDate): string;
  /** "11 and 12 September 2023", "15–19 October 2018", "30 September–2 October 2023". */
  dateRange(first: CalendarDate, last: CalendarDate): string;
  /** "Vienna, 11 and 12 September 2023". */
  placeAndDates(venue: string, dates: string): string;
  /** "10 a.m.", "10.30 a.m.", "noon". */
  time(t: TimeOfDay): string;
  /** "10 a.m.–1 p.m.", "3–6 p.m.". */
  timeRange(start: TimeOfDay, end: TimeOfDay): string;
}
