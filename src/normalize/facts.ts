import type { Locale } from '../locale/types.js';
import type { Resolution } from './inline.js';

/** What the placeholders of annotation text stand for, computed once per document. */
export interface MeetingFacts {
  ordinal?: string;
  session: string;
  body: string;
  parentBody?: string;
  venue: string;
  dates: string;
  year: string;
  openingDate: string;
  openingTime?: string;
  plenaryMeetings?: number;
  days: number;
  interpretation?: string;
  symbol: string;
}

interface PlaceholderSpec {
  describe: string;
  value(f: MeetingFacts, locale: Locale): string | undefined;
  missing?: string;
}

/** Every placeholder an author may write, with what it gives. Documented in docs/format.md. */
export const PLACEHOLDERS: Record<string, PlaceholderSpec> = {
  ordinal: { describe: 'the ordinal of the meeting: "fourteenth"', value: (f) => f.ordinal, missing: "give 'meeting.number'" },
  session: { describe: 'the ordinal and the kind: "fourteenth meeting"', value: (f) => f.session },
  body: { describe: 'the name of the body: "Working Group on International Cooperation"', value: (f) => f.body },
  'parent-body': { describe: 'the parent body of the masthead', value: (f) => f.parentBody, missing: "give 'parent_body'" },
  venue: { describe: 'the venue: "Vienna"', value: (f) => f.venue },
  dates: { describe: 'the dates: "11 and 12 September 2023"', value: (f) => f.dates },
  year: { describe: 'the year of the opening: "2023"', value: (f) => f.year },
  'opening-date': { describe: 'the opening day: "Monday, 11 September 2023"', value: (f) => f.openingDate },
  'opening-time': { describe: 'the opening time: "10 a.m."', value: (f) => f.openingTime, missing: "give 'organization_of_work' or 'meeting.opens_at'" },
  'plenary-meetings': { describe: 'the number of plenary meetings, in words: "four"', value: (f, l) => (f.plenaryMeetings === undefined ? undefined : l.cardinal(f.plenaryMeetings)), missing: "give 'organization_of_work' or 'resources.plenary_meetings'" },
  days: { describe: 'the number of meeting days, in words: "two"', value: (f, l) => l.cardinal(f.days) },
  interpretation: { describe: 'the interpretation languages: "the six official languages of the United Nations"', value: (f) => f.interpretation, missing: "give 'resources.interpretation'" },
  symbol: { describe: 'the document symbol', value: (f) => f.symbol },
};

/** Item references: `{agenda-item:ID}` gives "agenda item 2", `{item:ID}` "item 1 (b)", `{number:ID}` "1 (b)". */
export const REFERENCE_KINDS = ['agenda-item', 'item', 'number'] as const;

export function resolvePlaceholder(
  name: string,
  facts: MeetingFacts,
  locale: Locale,
  itemNumbers: ReadonlyMap<string, string>,
): Resolution {
  const colon = name.indexOf(':');
  if (colon >= 0) {
    const kind = name.slice(0, colon);
    const id = name.slice(colon + 1);
    if (!(REFERENCE_KINDS as readonly string[]).includes(kind)) {
      return { error: `'{${name}}' is not a known reference`, hint: `write {agenda-item:${id}}, {item:${id}} or {number:${id}}` };
    }
    const number = itemNumbers.get(id);
    if (number === undefined) {
      return { error: `'{${name}}' refers to an agenda item that does not exist: '${id}'`, hint: `the item ids are: ${[...itemNumbers.keys()].join(', ')}` };
    }
    if (kind === 'agenda-item') return { text: `${locale.words.agendaItem} ${number}` };
    if (kind === 'item') return { text: `${locale.words.item} ${number}` };
    return { text: number };
  }
  const spec = PLACEHOLDERS[name];
  if (!spec) {
    return { error: `'{${name}}' is not a known placeholder`, hint: `the placeholders are: ${Object.keys(PLACEHOLDERS).map((p) => `{${p}}`).join(', ')}; write \\{ for a literal brace` };
  }
  const text = spec.value(facts, locale);
  if (text === undefined) return { error: `'{${name}}' needs a fact the definition does not give`, hint: spec.missing };
  return { text };
}
