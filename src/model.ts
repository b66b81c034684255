/**
 * The normalized model: the whole document with every number, letter, date,
 * weekday, ordinal, cross-reference, footnote number and fixed word resolved.
 * Renderers are functions of this model alone; they never look at the definition
 * or the locale. `origin` fields let rules point back into the YAML and are
 * ignored by renderers.
 */
import type { CalendarDate, Distribution, LanguageCode, MeetingKind } from './locale/types.js';

/** A path into the definition, as JSON Pointer segments: ["items", 2, "title"]. */
export type Path = readonly (string | number)[];

export interface Origin {
  path: Path;
  /** Offset in the string value at `path`, for text that came from one. */
  offset?: number;
}

export type Inline = Text | Emphasis | Strong | Link | NoteRef | DocSymbol;

export interface Text {
  type: 'text';
  value: string;
  origin?: Origin;
}
export interface Emphasis {
  type: 'emphasis';
  children: Inline[];
}
export interface Strong {
  type: 'strong';
  children: Inline[];
}
export interface Link {
  type: 'link';
  url: string;
  children: Inline[];
}
/** A footnote call, numbered across the whole document in order of first reference. */
export interface NoteRef {
  type: 'noteRef';
  number: number;
  /** 1 for the first call of this note, 2 for the second ... (HTML back links). */
  occurrence: number;
}
/** A document symbol, linkable where the definition gives an address pattern. */
export interface DocSymbol {
  type: 'symbol';
  value: string;
  url?: string;
}

export interface Paragraph {
  content: Inline[];
  /** The paragraph's number as printed ("1."), in house styles that number annotation paragraphs. */
  label?: string;
  /** A sub-heading of an annotation ("### Right to food" in the definition): never numbered. */
  heading?: true;
  origin?: Origin;
}

export interface Masthead {
  unitedNations: string;
  /** The organ printed under "United Nations". */
  organ: string;
  /** Where the definition names the organ (`organ`, `parent_body` or `body`); undefined when the symbol's series names it. */
  organOrigin?: Origin;
  /** The symbol as printed; a joint document's symbols joined by the locale's separator: "A/78/1 – E/2023/1". */
  symbol: string;
  /** Each symbol as written, the first naming the document: one for most documents, several for a joint one (identifiers, for exchange formats). */
  symbols?: string[];
  symbolUrl?: string;
  /** The asterisks after the symbol, when a note is marked on it: "*" (see AgendaDocument.starNotes). */
  symbolMark?: string;
  /** "Distr.: General" */
  distribution: string;
  /** "14 June 2023" */
  date: string;
  /** The same date, ISO: "2023-06-14". */
  isoDate: string;
  /** The language of the right-hand column (distribution, date, original) when it is not the document's: "en" in Arabic, Chinese and Russian mastheads. */
  columnLang?: string;
  /** The language of a version translated from the original, above "Original": "Français", "Russian" (the Russian masthead's column is English). */
  versionLanguage?: string;
  /** "Original: English" */
  original: string;
  /** "English, French and Spanish only" */
  languagesOnly?: string;
  /**
   * First-page footer: "V.23-11234 (E)", stamps "200623" and the barcode text "*2311234*".
   * `baseNumber` is the number without its language letter ("V.23-11234"), for the footers
   * of later pages; `stampDates` are the stamps' dates, ISO, in the same order.
   */
  job?: { number: string; baseNumber: string; stamps: string[]; stampDates: string[]; barcode: string };
  /** The organ is a principal organ (General Assembly, Economic and Social Council, Security Council): set larger. */
  principalOrgan?: true;
  /**
   * The document's address, given as a QR code at the foot of the first page ("https://undocs.org/A/78/1");
   * undefined in the older style, which has none.
   */
  address?: string;
  /** "Please recycle", the wording of the recycling mark at the foot of the first page; undefined in the older style. */
  recycle?: string;
  /** The emblem at the left of the masthead, when the definition or the configuration names one. */
  emblem?: Emblem;
}

/** An emblem file for the masthead (its use is restricted: the tool ships none). */
export interface Emblem {
  /** The file as written, relative to the file that names it. */
  file: string;
  /** Its description, for formats that describe pictures (HTML's alt text). */
  alt: string;
  /** The definition's field that names it; undefined when the configuration does. */
  origin?: Origin;
  /**
   * The file's format and content, as the core read and checked them; renderers draw nothing
   * without them. A PDF file is turned into SVG by the build before any renderer sees it.
   */
  format?: 'svg' | 'png' | 'pdf';
  data?: Uint8Array;
}

export interface MeetingBlock {
  /** The parent body, when the masthead names an organ above it (`organ`): bold, above the body. */
  parentBody?: string;
  /** The body, when it differs from the organ of the masthead (bold). */
  body?: string;
  /** "Fourteenth meeting", "Thirty-ninth session", when the masthead shows it. */
  session?: string;
  /** What the session line and `{session}` name, as values: the kind and the number in the body's series. */
  kind: MeetingKind;
  number?: number;
  /** "Vienna, 11 and 12 September 2023", "Geneva", "2–13 March 2026"; undefined when the masthead prints neither. */
  placeAndDates?: string;
  /** The first and last days, ISO: "2023-09-11", "2023-09-12" (equal for one day); undefined when the definition gives no dates. */
  startDate?: string;
  endDate?: string;
  /** "Item 2 of the provisional agenda" and the item's title, under the session lines. */
  underItem?: UnderItemLine;
  /**
   * The venue's IANA time zone ("Europe/Vienna"): given by `meeting.time_zone` or known
   * from the venue; undefined for a venue the tool does not know. Every time of day in
   * the model (opening, annex slots) is local time in this zone.
   */
  timeZone?: string;
  /** The opening time in minutes after midnight, when the definition gives one. */
  opensAt?: number;
  /** The venue as the version writes it ("Vienna", "Vienne"), even where the masthead does not print it; undefined when the definition gives none. */
  venue?: string;
}

/** The agenda item a document is issued under, as the masthead prints it. */
export interface UnderItemLine {
  /** "Item 2 of the provisional agenda" */
  line: string;
  /** "*" when a note is marked on the line. */
  mark?: string;
  itemId: string;
  /** The item's element id, "item-adoption", to link to it. */
  elementId: string;
  /** The item's title, as in the list (no punctuation). */
  title: Inline[];
  origin: Origin;
}

/**
 * A note marked by asterisks on the symbol, the "Item N" line or the title, set at the
 * foot of the first page before the numbered footnotes ("* CMW/C/40/1.").
 */
export interface StarNote {
  /** "*", "**" ... in the order the marks stand on the page. */
  mark: string;
  /** Stable element id: "star-note-1". */
  elementId: string;
  content: Inline[];
  origin: Origin;
}

export interface AgendaListItem {
  id: string;
  /** Stable element id, from the definition's id: "item-opening". Equal in the list, the annotations and the annex. */
  elementId: string;
  /** "1.", "(a)" or "(i)" */
  label: string;
  title: Inline[];
  /** The punctuation the locale puts after the title in the list: ":", ";" or "." in English; "" in styles without. */
  punctuation: string;
  /**
   * Footnote calls that end the title as written, set after the punctuation (in English a
   * call follows the punctuation: "sanitation:¹"); the title then holds the rest.
   */
  notesAfter?: NoteRef[];
  /** The heading of the group of items this item opens, printed above it ("Operational segment"); items only. */
  groupHeading?: GroupHeading;
  children: AgendaListItem[];
  origin: Origin;
}

/** The heading of a group of items ("Operational segment", `group_heading`). */
export interface GroupHeading {
  /** Stable element id, from the id of the item that opens the group: "group-policy". Equal in the list and the annotations. */
  elementId: string;
  content: Inline[];
}

/** A run of the agenda list: the items before any group's heading, or a group under its heading. */
export interface ItemRun {
  heading?: GroupHeading;
  items: AgendaListItem[];
  /** The place of its first item in the list, from 0. */
  start: number;
}

/** The agenda list as the renderers set it: a list for each run, a group's heading above its own. */
export function itemRuns(items: readonly AgendaListItem[]): ItemRun[] {
  const runs: ItemRun[] = [];
  items.forEach((item, i) => {
    if (item.groupHeading || !runs.length) runs.push({ ...(item.groupHeading ? { heading: item.groupHeading } : {}), items: [], start: i });
    runs[runs.length - 1]!.items.push(item);
  });
  return runs;
}

export interface AnnotationSection {
  id: string;
  /** Stable element id: "item-opening", as in the agenda list. */
  elementId: string;
  /** 1 for items, 2 for sub-items, 3 for their sub-items ((i), (ii) ...). */
  level: 1 | 2 | 3;
  /** "1.", "(a)" or "(i)" */
  label: string;
  /** How the item is cited: "1", "1 (b)", "2 (a) (i)". */
  number: string;
  /** The heading: the item's `annotation_title`, else its title. */
  title: Inline[];
  /**
   * The heading of the group of items printed above this section: on the first printed
   * section of a group (its first items may have no annotation); items only.
   */
  groupHeading?: GroupHeading;
  paragraphs: Paragraph[];
  documentation?: { heading: string; entries: Paragraph[] };
  reviewMechanism: boolean;
  children: AnnotationSection[];
  origin: Origin;
}

export interface Footnote {
  number: number;
  id: string;
  /** Stable element id, from the footnote's key (not its number, which moves with the text): "note-unodc". */
  elementId: string;
  content: Inline[];
  /** How many calls refer to this note. */
  references: number;
  /** The accessible name of the link back to each call, in order: "Back to reference 1 (2)". */
  backLabels: string[];
  origin: Origin;
}

export interface AnnexRow {
  /** "1 (a)", or undefined for business that is not an agenda item. */
  item?: string;
  itemId?: string;
  /** The element id of the item ("item-report"), to link to it. */
  itemElementId?: string;
  /** The (short) title, followed by "(continued)" in italics on repeats. */
  title: Inline[];
  continued: boolean;
  origin: Origin;
}

export interface AnnexSlot {
  /** Stable element id from the day and the start time: "slot-2023-09-11-1000" ("-2" and on for a second slot with the same start). */
  elementId: string;
  /** "10 a.m.–1 p.m." */
  time: string;
  /** Where `time` may break in a very narrow column: before its end ("10 a.m.–" / "1 p.m."); nowhere else. */
  timeBreak?: number;
  /** Start and end in minutes after midnight, local time in `meeting.timeZone`; undefined when the time could not be read. */
  start?: number;
  end?: number;
  rows: AnnexRow[];
  origin: Origin;
}

export interface AnnexDay {
  /** ISO date, for machine-readable markup. */
  date: string;
  /** Stable element id: "day-2023-09-11". */
  elementId: string;
  /** "Monday, 11 September" */
  label: string;
  slots: AnnexSlot[];
  origin: Origin;
}

export interface Annex {
  heading: string;
  title: string;
  columns: { dateAndTime: string; agendaItem: string; titleOrDescription: string };
  days: AnnexDay[];
}

export interface DocumentMetadata {
  /** "CTOC/COP/WG.3/2023/1: Annotated provisional agenda" */
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  /** One sentence for HTML <meta name="description">. */
  description: string;
  /** The document date, ISO, for reproducible PDF dates. */
  date: string;
}

/** The older house style's page furniture (the current style has none of these). */
export interface PageStyle {
  /** The page counter ("Page 2") set under the running head of later pages, not at their foot. */
  counterInHead: boolean;
  /** Whether the first page carries the job number's barcode. */
  barcode: boolean;
}

/** Words a renderer needs that belong to no single node. */
export interface Labels {
  footnotes: string;
  continued: string;
}

/** How the document's language is written: what a renderer reads instead of guessing from the language tag. */
export interface Writing {
  /** Quotation marks, outer and inner. */
  quotes: { open: string; close: string; innerOpen: string; innerClose: string };
  /** The font of each script the language uses, the main one first. */
  fonts: { script: string; family: string; fallbacks: string[] }[];
}

export interface AgendaDocument {
  /** BCP 47 language tag. */
  lang: string;
  /** Text direction of the language: "rtl" for Arabic. */
  dir: 'ltr' | 'rtl';
  writing: Writing;
  meta: DocumentMetadata;
  labels: Labels;
  /** Page counter pattern with {page} and {pages}: "{page}/{pages}". */
  pageCounter: string;
  /**
   * Where the house style puts the page furniture; undefined for the current UN style
   * (page counter at the foot, barcode on the first page).
   */
  pageStyle?: PageStyle;
  masthead: Masthead;
  meeting: MeetingBlock;
  /** The title as plain text (metadata, outlines). */
  title: string;
  /** The title as inline text, when the definition writes it with markup or the document marks a note on it. */
  titleContent?: Inline[];
  /** "*" when a note is marked on the title. */
  titleMark?: string;
  /** Lines under the title ("Issued in accordance with rule 16 of the rules of procedure."). */
  subtitle?: Paragraph[];
  /** Paragraphs before the agenda list. */
  introduction?: Paragraph[];
  /** The asterisk notes of the first page, in the order of their marks. */
  starNotes?: StarNote[];
  /**
   * The list of items; undefined when the document does not print it (annotations issued
   * as an addendum). No heading when the list is the whole document: the title heads it.
   */
  /** The list of items; `standing` for an adopted or standing agenda ("Agenda"), not a provisional one. */
  agenda?: { heading?: string; items: AgendaListItem[]; standing?: true };
  /**
   * The annotations; undefined when the document has none (a plain provisional agenda, or
   * no item with an annotation). Only the sections the house style prints are here. No
   * heading in an addendum of annotations: the title says it.
   */
  annotations?: { heading?: string; sections: AnnotationSection[] };
  footnotes: Footnote[];
  annex?: Annex;
  /** The definition as the rules read it (see Sources); renderers ignore it. */
  sources: Sources;
}

/*
 * Sources: the definition's facts as the rules read them.
 *
 * The printed model above holds what a reader sees; this block holds what was written
 * and where, already numbered and parsed, so that a rule never re-derives an item's number,
 * a date or the list of texts (built by src/normalize/outline.ts and texts.ts). Strings
 * here are the YAML's own values, unchanged: a rule's offsets count in them, and --fix
 * compares them with the source.
 */

/** A date as written ("2023-09-11"), and as a calendar date when it is one. */
export interface WrittenDate {
  iso: string;
  date?: CalendarDate;
}

/**
 * The procedural items of UN agendas, by what they are for: the roles an item may declare
 * (`role:`) and that the procedural rules and profiles match, in any language.
 */
export const ITEM_ROLES = [
  'organizational-matters',
  'opening',
  'minute-of-silence',
  'solemn-declaration',
  'election-of-officers',
  'elections',
  'credentials',
  'adoption-of-rules-of-procedure',
  'adoption-of-agenda',
  'organization-of-work',
  'general-debate',
  'other-matters',
  'provisional-agenda-next-session',
  'adoption-of-report',
  'closing',
] as const;

/**
 * What an item is for in the body's usual agenda: as the definition's `role:` says, or else
 * recognised from the start of its English title ("Adoption of the agenda ..." is
 * 'adoption-of-agenda'). Undefined for substantive items.
 */
export type ItemRole = (typeof ITEM_ROLES)[number];

/** The earlier names of three roles, still accepted in `role:`. */
export const LEGACY_ROLES = { organization: 'organizational-matters', adoption: 'adoption-of-agenda', report: 'adoption-of-report' } as const satisfies Record<string, ItemRole>;
export type LegacyRole = keyof typeof LEGACY_ROLES;

/** An item or sub-item, numbered as the document prints it. */
export interface OutlineItem {
  id: string;
  /** How it is cited, as the locale prints it: "1", "1 (b)"; the 28th sub-item of item 2 is "2 (ab)". */
  number: string;
  /** The sub-item's letter as printed, "(b)", or the numeral of a third-level one, "(ii)"; undefined for an item. */
  letter?: string;
  level: 1 | 2 | 3;
  /** Its place in reading order (1, 1 (a), 1 (b), 2 ...), from 0. */
  index: number;
  /** The index of the item it is or belongs to, from 0. */
  top: number;
  /** The index of a sub-item among its item's sub-items (of a third-level one, among its sub-item's), from 0. */
  sub?: number;
  role?: ItemRole;
  /** Whether the definition gives the role (`role:`), which then counts before any wording of the title. */
  roleWritten: boolean;
  title: string;
  shortTitle?: string;
  /** The heading of its annotation, when it differs from the title (`annotation_title`). */
  annotationTitle?: string;
  /** The heading of the group of items it opens (`group_heading`: "Operational segment"); items only. */
  groupHeading?: string;
  annotation?: string;
  reviewMechanism: boolean;
  documentation: DocumentationSource[];
  /** Its sub-items (a third-level one has none). */
  children: OutlineItem[];
  /** ["items", 2], ["items", 2, "items", 0] or ["items", 2, "items", 0, "items", 1]. */
  origin: Origin;
}

/** A document listed under an item. */
export interface DocumentationSource {
  /** The id of the item that lists it. */
  itemId: string;
  title: string;
  /** Its symbols as written; a joint document has several. */
  symbols: string[];
  /** Whether they were written as a list (`symbol: [A/1, B/2]`): each then has its own path. */
  list: boolean;
  issued?: WrittenDate;
  /** ["items", 2, "documentation", 0] */
  origin: Origin;
}

/** A meeting of the organization of work, its time parsed. */
export interface SlotSource {
  /** As written: "10:00-13:00". */
  time: string;
  /** Minutes after midnight; undefined when the time did not parse (the compiler reported it). */
  start?: number;
  end?: number;
  /** What it takes up: an item by id, other business by title, or business under an item (both). */
  entries: ({ itemId: string; title?: string; origin: Origin } | { title: string; origin: Origin })[];
  /** Whether it is a plenary meeting of the body (`plenary: false`: a side event, a meeting of a committee of the whole). */
  plenary: boolean;
  origin: Origin;
}

export interface DaySource {
  date: WrittenDate;
  slots: SlotSource[];
  origin: Origin;
}

/** Where an author text stands in the document, which decides what a text rule asks of it. */
export type TextRole = 'body' | 'document-title' | 'title' | 'short-title' | 'annotation' | 'documentation' | 'footnote' | 'annex-entry';

/**
 * The inline syntax of an author text, as parsed for the document: paragraphs of spans, each
 * with its offsets in the text as the YAML gives it (`AuthorText.raw`). What a rule reads to
 * know where emphasis, links, placeholders and footnote calls are, without parsing again.
 */
export interface TextNode {
  type: 'paragraph' | 'text' | 'emphasis' | 'strong' | 'link' | 'placeholder' | 'footnoteCall' | 'code' | 'break' | 'other';
  start: number;
  end: number;
  /** Placeholders: the name ("session", "agenda-item:report"); footnote calls: the id; links: the target. */
  value?: string;
  children?: TextNode[];
}

/** A text an author wrote. */
export interface AuthorText {
  role: TextRole;
  /** The string as the YAML gives it. */
  raw: string;
  /**
   * `raw` with what the author did not write as prose (placeholders, footnote calls, link
   * targets, web and e-mail addresses) blanked out by spaces, so offsets stay offsets into
   * `raw`. Computed on first read: only the text rules need it.
   */
  readonly masked: string;
  /** Its inline syntax tree (parsed on first read: only rules that need it pay for it). */
  readonly tree: readonly TextNode[];
  origin: Origin;
}

/** What the document is (`document.kind`): which parts it prints (src/style/styles.ts). */
export type DocumentKind = 'annotated-provisional-agenda' | 'provisional-agenda' | 'provisional-agenda-and-annotations' | 'annotations-addendum' | 'agenda-and-annotations';

export interface Sources {
  document: {
    /** The symbol; the first of a joint document's. */
    symbol: string;
    /** Every symbol of a joint document (one for most documents). */
    symbols?: string[];
    /** Whether the symbols are written as a YAML list (each then has its own path) rather than in their printed form. */
    symbolList?: true;
    /** As written, else the default 'annotated-provisional-agenda'. */
    kind: DocumentKind;
    /** Whether the document prints annotations (false for a plain provisional agenda): rules that ask for annotation text read it. */
    annotated: boolean;
    /** Whether the house style numbers the annotation paragraphs (1., 2., ...) itself. */
    numberedParagraphs: boolean;
    date: WrittenDate;
    /** As written; undefined when the definition gives none (the document is then general). */
    distribution?: Distribution;
    languages?: LanguageCode[];
    jobNumber?: string;
    processed?: WrittenDate;
    issued?: WrittenDate;
  };
  body: string;
  meeting: {
    kind?: MeetingKind;
    /** Undefined when the definition gives none. */
    venue?: string;
    /** `meeting.dates` as written: one date, or the first and the last; empty when none is given. */
    written: string[];
    /** The first and the last meeting day; undefined when the definition gives no dates. */
    days?: [WrittenDate & { date: CalendarDate }, WrittenDate & { date: CalendarDate }];
    /** `meeting.opens_at` as written, with its minutes when it parses. */
    opensAt?: { text: string; minutes?: number };
    /** The meeting days (day numbers, as dayNumber gives them): weekdays, and the weekend days the organization of work lists. */
    meetingDays: number[];
    /** `meeting.holidays` as written (ISO dates): days within the dates on which the body does not meet. */
    holidays: string[];
  };
  resources: { plenaryMeetings?: number; interpretation?: 'all' | LanguageCode[] };
  /** The items, each with its sub-items. */
  outline: OutlineItem[];
  /** Items and sub-items in reading order: 1, 1 (a), 1 (b), 2 ... */
  items: OutlineItem[];
  /** Every document listed under the items, in reading order. */
  documentation: DocumentationSource[];
  /** The organization of work; undefined when the definition has none. */
  organization?: DaySource[];
  /** Every author text, in reading order: masthead, agenda list, annotations, short titles, annex, footnotes. */
  texts: AuthorText[];
}
