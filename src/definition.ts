/** The meeting definition as written in YAML, after schema validation (see schemas/meeting.schema.json). */
import type { Distribution, LanguageCode, MeetingKind } from './locale/types.js';
import type { ItemRole, LegacyRole } from './model.js';
import type { DocumentKindName, StyleName } from './style/styles.js';

export interface DocumentEntryDef {
  title: string;
  symbol?: string | string[];
  issued?: string;
}

export interface ItemDef {
  id: string;
  title: string;
  short_title?: string;
  /** The heading of the annotation, when it differs from the title in the list. */
  annotation_title?: string;
  /** A heading that opens a group of items ("Operational segment"): items only, not sub-items. */
  group_heading?: string;
  annotation?: string;
  documentation?: DocumentEntryDef[];
  review_mechanism?: boolean;
  role?: ItemRole | LegacyRole;
  items?: ItemDef[];
}

export interface UnderItemDef {
  /** An item id, or a role such as adoption-of-agenda. */
  item: string;
  /** The symbol of the provisional agenda, printed as the asterisk note of the line. */
  agenda_symbol?: string;
}

export interface MastheadNoteDef {
  /** What the asterisk follows. */
  on: 'symbol' | 'under_item' | 'title';
  text: string;
}

/** An item by id; other business by its title; or business under an item (`item` and `title`: a State party's dialogue under the consideration of reports). */
export type SlotEntryDef = string | { title: string; item?: string };

export interface MeetingDefinition {
  profile?: string;
  language?: LanguageCode;
  /** The house style (src/style/styles.ts). */
  style?: StyleName;
  document: {
    /** One symbol, or the symbols of a joint document (a list, or written "A/78/1 – E/2023/1"). */
    symbol: string | string[];
    distribution?: Distribution;
    date: string;
    original?: LanguageCode;
    languages?: LanguageCode[];
    title?: string;
    /** What the document is: the list, the annotations or both (src/style/styles.ts). */
    kind?: DocumentKindName;
    job_number?: string;
    processed?: string;
    issued?: string;
    /** The item the document is issued under ("Item 2 of the provisional agenda"): an item id or a role. */
    under_item?: string | UnderItemDef;
    /** Notes marked by asterisks, at the foot of the first page. */
    notes?: MastheadNoteDef[];
    /** Lines printed under the title. */
    subtitle?: string | string[];
    /** Paragraphs before the agenda list. */
    introduction?: string;
    /** An emblem file (SVG or PNG) for the masthead, relative to the definition. */
    emblem?: string;
    /** The document's address, given as the QR code of the first page. */
    address?: string;
  };
  /** The masthead's organ, when it is not the parent body (which then heads the meeting block). */
  organ?: string;
  parent_body?: string;
  body: string;
  meeting: {
    kind?: MeetingKind;
    number?: number;
    show_session?: boolean;
    venue?: string;
    /** Whether the masthead prints the venue (default: yes); `{venue}` still gives it. */
    show_venue?: boolean;
    dates?: string | [string, string];
    /** Weekdays within the dates on which the body does not meet (official holidays). */
    holidays?: string[];
    /** Whether the masthead prints the dates (default: yes); `{dates}` and the rules still read them. */
    show_dates?: boolean;
    opens_at?: string;
    /** IANA time zone of the venue ("Europe/Vienna"); known UN venues need none. */
    time_zone?: string;
  };
  resources?: { plenary_meetings?: number; interpretation?: 'all' | LanguageCode[] };
  links?: { symbol?: string };
  items: ItemDef[];
  footnotes?: Record<string, string>;
  organization_of_work?: { date: string; slots: { time: string; plenary?: boolean; items: SlotEntryDef[] }[] }[];
}
