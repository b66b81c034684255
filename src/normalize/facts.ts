import type { MessageValue } from '../locale/catalogue.js';
import type { Locale, MessageId, PlaceholderName, WordForm } from '../locale/types.js';
import type { Resolution } from './inline.js';

/** What the placeholders of annotation text stand for, computed once per document. */
export interface MeetingFacts {
  /** The meeting's number, and the gender of its noun, for the ordinal in another case. */
  number?: number;
  nounForm?: WordForm;
  /** The meeting's kind as the catalogue's select key. */
  kind: string;
  ordinal?: string;
  session: string;
  body: string;
  parentBody?: string;
  /** Undefined when the definition gives no venue or no dates: the placeholders that need them say so. */
  venue?: string;
  dates?: string;
  year?: string;
  openingDate?: string;
  /** Minutes after midnight. */
  opensAt?: number;
  openingTime?: string;
  plenaryMeetings?: number;
  days?: number;
  interpretation?: string;
  symbol: string;
}

interface PlaceholderSpec {
  describe: string;
  /** The arguments of the placeholder's catalogue message, or undefined when the definition lacks the fact. */
  args(f: MeetingFacts, locale: Locale, form: string | undefined): Record<string, MessageValue> | undefined;
  missing?: string;
}

const given = <T>(value: T | undefined, args: (v: T) => Record<string, MessageValue>) => (value === undefined ? undefined : args(value));

/** The ordinal in the case asked, agreeing with the meeting's noun. */
const ordinalIn = (f: MeetingFacts, l: Locale, form: string | undefined) => (form === undefined || f.number === undefined ? f.ordinal : l.ordinal(f.number, { ...f.nounForm, case: form }));

/** A count: the number, and its words for a counted noun of each gender (a language's message chooses). */
const counted = (count: number, l: Locale, form: string | undefined): Record<string, MessageValue> => {
  // The case the language writes a counted number in (Arabic: the oblique), for the words of each gender.
  const inCase = form === 'counted' && l.countedCase ? { case: l.countedCase } : {};
  return {
    count,
    words: l.cardinal(count),
    wordsMasculine: l.cardinal(count, { gender: 'masculine', ...inCase }),
    wordsFeminine: l.cardinal(count, { gender: 'feminine', ...inCase }),
    wordsNeuter: l.cardinal(count, { gender: 'neuter', ...inCase }),
    form: form ?? 'plain',
  };
};

/**
 * Every placeholder an author may write, with what it gives. Each resolves through the
 * locale's message `placeholder.NAME`, so that a language can inflect it. Documented in
 * docs/format.md.
 */
export const PLACEHOLDERS: Record<PlaceholderName, PlaceholderSpec> = {
  ordinal: { describe: 'the ordinal of the meeting: "fourteenth"', args: (f, l, form) => given(ordinalIn(f, l, form), (ordinal) => ({ ordinal, form: form ?? 'plain' })), missing: "give 'meeting.number'" },
  session: {
    describe: 'the ordinal and the kind: "fourteenth meeting"',
    args: (f, l, form) => {
      if (form === undefined) return { session: f.session, form: 'plain' };
      const ordinal = ordinalIn(f, l, form);
      const session = ordinal === undefined ? l.messages.format('session', { kind: f.kind, case: form }) : l.messages.format('numberedSession', { ordinal, kind: f.kind, case: form });
      return { session, form };
    },
  },
  body: { describe: 'the name of the body: "Working Group on International Cooperation"', args: (f) => ({ body: f.body }) },
  'parent-body': { describe: 'the parent body of the masthead', args: (f) => given(f.parentBody, (parentBody) => ({ parentBody })), missing: "give 'parent_body'" },
  venue: { describe: 'the venue: "Vienna"', args: (f) => given(f.venue, (venue) => ({ venue })), missing: "give 'meeting.venue'" },
  dates: { describe: 'the dates: "11 and 12 September 2023"', args: (f) => given(f.dates, (dates) => ({ dates })), missing: "give 'meeting.dates'" },
  year: { describe: 'the year of the opening: "2023"', args: (f) => given(f.year, (year) => ({ year })), missing: "give 'meeting.dates'" },
  'opening-date': { describe: 'the opening day: "Monday, 11 September 2023"', args: (f) => given(f.openingDate, (date) => ({ date })), missing: "give 'meeting.dates'" },
  'opening-time': { describe: 'the opening time: "10 a.m."', args: (f) => given(f.openingTime, (time) => ({ time })), missing: "give 'organization_of_work' or 'meeting.opens_at'" },
  'plenary-meetings': {
    describe: 'the number of plenary meetings, in words: "four"; `{plenary-meetings|counted}`: with the noun, "four plenary meetings"',
    args: (f, l, form) => given(f.plenaryMeetings, (count) => counted(count, l, form)),
    missing: "give 'resources.plenary_meetings', or an organization of work with plenary meetings (slots without plenary: false)",
  },
  days: { describe: 'the number of meeting days (weekdays but `meeting.holidays`, and weekend days with a plenary meeting), in words: "two"; `{days|counted}`: with the noun, "two days"', args: (f, l, form) => given(f.days, (count) => counted(count, l, form)), missing: "give 'meeting.dates' or 'organization_of_work'" },
  interpretation: { describe: 'the interpretation languages: "the six official languages of the United Nations"', args: (f) => given(f.interpretation, (languages) => ({ languages })), missing: "give 'resources.interpretation'" },
  symbol: { describe: 'the document symbol', args: (f) => ({ symbol: f.symbol }) },
};

/** Item references: `{agenda-item:ID}` gives "agenda item 2", `{item:ID}` "item 1 (b)", `{number:ID}` "1 (b)"; each is a catalogue message. */
const REFERENCE_MESSAGES = {
  'agenda-item': 'agendaItemReference',
  item: 'itemReference',
  number: 'numberReference',
} as const satisfies Record<string, MessageId>;

export const REFERENCE_KINDS = Object.keys(REFERENCE_MESSAGES) as (keyof typeof REFERENCE_MESSAGES)[];

export function resolvePlaceholder(
  name: string,
  facts: MeetingFacts,
  locale: Locale,
  itemNumbers: ReadonlyMap<string, string>,
): Resolution {
  const bar = name.indexOf('|');
  const form = bar < 0 ? undefined : name.slice(bar + 1);
  if (bar >= 0) name = name.slice(0, bar);
  const colon = name.indexOf(':');
  if (colon >= 0 && form !== undefined) return { error: `'{${name}|${form}}': an item reference takes no grammatical form`, hint: `write {${name}}` };
  if (colon >= 0) {
    const kind = name.slice(0, colon);
    const id = name.slice(colon + 1);
    if (!Object.hasOwn(REFERENCE_MESSAGES, kind)) {
      return { error: `'{${name}}' is not a known reference`, hint: `write {agenda-item:${id}}, {item:${id}} or {number:${id}}` };
    }
    const number = itemNumbers.get(id);
    if (number === undefined) {
      return { error: `'{${name}}' refers to an agenda item that does not exist: '${id}'`, hint: `the item ids are: ${[...itemNumbers.keys()].join(', ')}` };
    }
    return { text: locale.messages.format(REFERENCE_MESSAGES[kind as (typeof REFERENCE_KINDS)[number]], { number }) };
  }
  if (!Object.hasOwn(PLACEHOLDERS, name)) {
    return { error: `'{${name}}' is not a known placeholder`, hint: `the placeholders are: ${Object.keys(PLACEHOLDERS).map((p) => `{${p}}`).join(', ')}; write \\{ for a literal brace` };
  }
  const spec = PLACEHOLDERS[name as PlaceholderName];
  if (form !== undefined) {
    const forms = locale.placeholderForms[name as PlaceholderName] ?? [];
    if (!forms.includes(form)) {
      return {
        error: `'{${name}|${form}}': this language gives {${name}} in no form '${form}'`,
        hint: forms.length ? `its forms of {${name}} are: ${forms.join(', ')}` : `write {${name}}: it has one form in this language`,
      };
    }
  }
  const args = spec.args(facts, locale, form);
  if (args === undefined) return { error: `'{${name}}' needs a fact the definition does not give`, hint: spec.missing };
  return { text: locale.messages.format(`placeholder.${name as PlaceholderName}`, args) };
}
