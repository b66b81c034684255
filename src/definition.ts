/** The meeting definition as written in YAML, after schema validation (see schemas/meeting.schema.json). */
import type { Distribution, LanguageCode, MeetingKind } from './locale/types.js';
import type { ItemRole } from './model.js';
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
  annotation?: string;
  documentation?: DocumentEntryDef[];
  review_mechanism?: boolean;
  role?: ItemRole;
  items?: ItemDef[];
}

export type SlotEntryDef = string | { title: string };

export interface MeetingDefinition {
  profile?: string;
  language?: LanguageCode;
  /** The house style (src/style/styles.ts). */
  style?: StyleName;
  document: {
    symbol: string;
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
  };
  parent_body?: string;
  body: string;
  meeting: {
    kind?: MeetingKind;
    number?: number;
    show_session?: boolean;
    venue: string;
    dates: string | [string, string];
    opens_at?: string;
    /** IANA time zone of the venue ("Europe/Vienna"); known UN venues need none. */
    time_zone?: string;
  };
  resources?: { plenary_meetings?: number; interpretation?: 'all' | LanguageCode[] };
  links?: { symbol?: string };
  items: ItemDef[];
  footnotes?: Record<string, string>;
  organization_of_work?: { date: string; slots: { time: string; items: SlotEntryDef[] }[] }[];
}
