/**
 * House styles: how a body sets the body of its agenda, as data. The definition's `style:`
 * names one; normalize reads its fields and puts the result in the model, so renderers
 * never branch on a style's name. A new style is a new row here (and a line in
 * docs/format.md), not a new code path.
 */

export interface HouseStyle {
  /** One line for the documentation and the schema. */
  description: string;
  /**
   * The punctuation of the provisional agenda list: 'un' is the current UN style (":" after
   * an item that has sub-items, ";" between sub-items, "." at the end of each item), the
   * marks the locale gives; 'none' is a list without punctuation.
   */
  listPunctuation: 'un' | 'none';
  /** Annotation paragraphs numbered 1., 2., … through the annotations. */
  numberedParagraphs: boolean;
  /** Whether an item without annotation (no text, no documentation, no annotated sub-item) still gets its heading. */
  everyHeading: boolean;
  /**
   * 'current': "Distr.: General", "Original: English", page counters "2/14" at the foot,
   * the job number's barcode. 'older': the style of documents issued before about 2006,
   * "Distr. GENERAL", "Original: ENGLISH", "Page 2" under the running head, no barcode.
   */
  masthead: 'current' | 'older';
}

export const HOUSE_STYLES = {
  un: {
    description: 'The current UN style: list punctuation ":" ";" ".", unnumbered annotation paragraphs, headings for annotated items only.',
    listPunctuation: 'un',
    numberedParagraphs: false,
    everyHeading: false,
    masthead: 'current',
  },
  'un-numbered': {
    description: 'As un, with the annotation paragraphs numbered 1., 2., … through the annotations (treaty bodies, UNCTAD, many Geneva and New York bodies).',
    listPunctuation: 'un',
    numberedParagraphs: true,
    everyHeading: false,
    masthead: 'current',
  },
  'un-every-heading': {
    description: 'As un, and every item has its heading in the annotations, annotated or not.',
    listPunctuation: 'un',
    numberedParagraphs: false,
    everyHeading: true,
    masthead: 'current',
  },
  'un-numbered-every-heading': {
    description: 'As un-numbered, and every item has its heading in the annotations, annotated or not (the Human Rights Council, the bodies of the UNFCCC).',
    listPunctuation: 'un',
    numberedParagraphs: true,
    everyHeading: true,
    masthead: 'current',
  },
  unpunctuated: {
    description: 'As un, with no punctuation after the entries of the agenda list.',
    listPunctuation: 'none',
    numberedParagraphs: false,
    everyHeading: false,
    masthead: 'current',
  },
  'unpunctuated-numbered': {
    description: 'No list punctuation, and numbered annotation paragraphs.',
    listPunctuation: 'none',
    numberedParagraphs: true,
    everyHeading: false,
    masthead: 'current',
  },
  archive: {
    description: 'The older style, to regenerate archived documents: "Distr. GENERAL", "Original: ENGLISH", "Page 2" running heads, no barcode; numbered paragraphs; every heading; UN list punctuation.',
    listPunctuation: 'un',
    numberedParagraphs: true,
    everyHeading: true,
    masthead: 'older',
  },
  'archive-unpunctuated': {
    description: 'As archive, with no punctuation after the entries of the agenda list (as in many older lists).',
    listPunctuation: 'none',
    numberedParagraphs: true,
    everyHeading: true,
    masthead: 'older',
  },
} as const satisfies Record<string, HouseStyle>;

export type StyleName = keyof typeof HOUSE_STYLES;

/** The style a definition without `style:` gets. */
export const DEFAULT_STYLE: StyleName = 'un';

export const STYLE_NAMES = Object.keys(HOUSE_STYLES) as StyleName[];

export function houseStyle(name: StyleName | undefined): HouseStyle {
  return HOUSE_STYLES[name ?? DEFAULT_STYLE];
}

/** The kinds of agenda document (`document.kind`), and what each prints. */
export interface DocumentKind {
  description: string;
  /** The list of items, under its own heading when the document also has annotations. */
  list: boolean;
  /** The annotations. */
  annotations: boolean;
  /** Whether the agenda is provisional ("Provisional agenda", "Item 2 of the provisional agenda"), or adopted or standing ("Agenda", "Agenda item 2"). */
  provisional: boolean;
}

export const DOCUMENT_KINDS = {
  'annotated-provisional-agenda': { description: 'Annotated provisional agenda: the list, then the annotations (the default).', list: true, annotations: true, provisional: true },
  'provisional-agenda-and-annotations': { description: 'The same parts under the title "Provisional agenda and annotations", as some bodies (CCPCJ, CAC/COSP) head it.', list: true, annotations: true, provisional: true },
  'provisional-agenda': { description: 'A plain provisional agenda: the list only, under the title, without an "Annotations" part.', list: true, annotations: false, provisional: true },
  'annotations-addendum': {
    description: 'The annotations issued as an addendum to the provisional agenda (symbol .../Add.1): the annotations only, under the title "Annotations to the provisional agenda".',
    list: false,
    annotations: true,
    provisional: true,
  },
  'agenda-and-annotations': {
    description:
      'A standing agenda with its annotations, under the title "Agenda and annotations", as the Human Rights Council issues them (A/HRC/58/1): the list under "Agenda", then the annotations; the masthead\'s item line reads "Agenda item 1".',
    list: true,
    annotations: true,
    provisional: false,
  },
} as const satisfies Record<string, DocumentKind>;

export type DocumentKindName = keyof typeof DOCUMENT_KINDS;

export const DEFAULT_DOCUMENT_KIND: DocumentKindName = 'annotated-provisional-agenda';
