/**
 * Meeting definitions built from schemas/meeting.schema.json: a fast-check arbitrary read
 * off the schema itself (types, required and optional properties, enums, patterns,
 * formats, ranges, oneOf), so that it follows the schema as it changes. Most values
 * conform; `offSchema` makes some of them wrong on purpose (a wrong type, a missing
 * required field, an unknown field). `repair` then makes most definitions coherent
 * (unique ids, known references, ordered dates and times, called footnotes), so that
 * many compile without errors and go on to be rendered.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { repoRoot } from '../helpers/reference.js';
import { anyText, escapeInline } from './text.js';

type Schema = {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  items?: Schema;
  oneOf?: Schema[];
  description?: string;
};

export const MEETING_SCHEMA = JSON.parse(readFileSync(join(repoRoot, 'schemas/meeting.schema.json'), 'utf8')) as Schema;

/** Dates around now, as the schema's "date" format writes them. */
const isoDate = fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2031-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Words as definitions have them, and now and then hostile text. */
const words = fc.array(fc.constantFrom('Adoption', 'of', 'the', 'agenda', 'Working', 'Group', 'on', 'Crime', 'Vienna', 'report', 'Commission', 'session', 'per', 'cent', 'United', 'Nations', '10:00', '2023', 'Article', '27'), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
const plainString = fc.oneof({ weight: 4, arbitrary: words }, { weight: 1, arbitrary: anyText });

/** Markdown inline text: words, escaped hostile text, and the markup the format documents; `hostile` adds raw text and dangling references. */
/** Latin text the PDF font draws (the hostile definitions bring the rest, and the "cannot draw" diagnostic). */
const drawable = (s: string) => s.replace(/[^\u0009\u000a\u0020-\u007e\u00a0-\u017f\u2013\u2014\u2019\u2026\u20ac]/gu, '');
const tameText = anyText.map(drawable);

const inlineString = (hostile: boolean) =>
  fc
    .array(
      fc.oneof(
        { weight: 5, arbitrary: words },
        { weight: 1, arbitrary: (hostile ? anyText : tameText).map(escapeInline) },
        { weight: hostile ? 2 : 0, arbitrary: anyText },
        { weight: 1, arbitrary: words.map((w) => `*${w}*`) },
        { weight: 1, arbitrary: words.map((w) => `**${w}**`) },
        { weight: 1, arbitrary: words.map((w) => `[${w}](https://www.unodc.org/${w.length})`) },
        { weight: 1, arbitrary: fc.constantFrom('{session}', '{venue}', '{opening-date}', '{body}', '{dates}', '{year}', '{symbol}', '{agenda-item:i0}', '{item:i1}', '{number:i0}', '[^n0]', '[^n1]') },
        { weight: hostile ? 1 : 0, arbitrary: fc.constantFrom('{nope}', '[^zz]', '{opening-time}', '{plenary-meetings}', '{interpretation}', '[x](javascript:alert(1))', '{agenda-item:zz}') },
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((parts) => parts.join(' '));

const isInline = (s: Schema) => /Markdown inline text/i.test(s.description ?? '');

function arbitraryFor(schema: Schema, name: string, hostile: boolean): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.oneOf) return fc.oneof(...schema.oneOf.map((s) => arbitraryFor(s, name, hostile)));
  switch (schema.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 40, 40) });
    case 'number':
      return fc.double({ min: schema.minimum ?? 0, max: schema.maximum ?? 100, noNaN: true });
    case 'string': {
      if (schema.format === 'date') return isoDate;
      // A string of the pattern is almost never a zone of the database: mostly real ones, and one that is not.
      if (name === 'time_zone') return fc.constantFrom('Europe/Vienna', 'america/new_york', 'Asia/Kolkata', 'Mars/Olympus_Mons');
      if (schema.pattern) {
        const re = new RegExp(schema.pattern);
        // Mostly printable: a control character is refused at load, before anything else is tried.
        const printable = (s: string) => {
          const t = s.replace(hostile ? /[\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/g : /[^\u0021-\u007e]/g, 'x');
          return re.test(t) ? t : s;
        };
        return fc.stringMatching(re).map(printable).filter((s) => s.length >= (schema.minLength ?? 0) && s.length < 60);
      }
      if (name === 'annotation') return fc.array(inlineString(hostile), { minLength: 1, maxLength: 3 }).map((p) => p.join('\n\n'));
      return (isInline(schema) ? inlineString(hostile) : hostile ? plainString : plainString.map(drawable)).filter((s) => s.length >= (schema.minLength ?? 0));
    }
    case 'array': {
      const item = arbitraryFor(schema.items ?? {}, name, hostile);
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? min + 3, min + 3);
      return schema.uniqueItems ? fc.uniqueArray(item, { minLength: min, maxLength: max, selector: (v) => JSON.stringify(v) }) : fc.array(item, { minLength: min, maxLength: max });
    }
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      // Sub-items may not have sub-items: the schema stops the recursion itself.
      for (const [key, sub] of Object.entries(props)) if (key !== '$schema') record[key] = arbitraryFor(sub, key, hostile);
      const fixed = fc.record(record, { requiredKeys: [...required].filter((k) => k in record) });
      if (typeof schema.additionalProperties === 'object' && schema.propertyNames?.pattern) {
        const key = fc.stringMatching(new RegExp(schema.propertyNames.pattern)).filter((k) => k.length < 20);
        const dict = fc.dictionary(fc.oneof(fc.constantFrom('n0', 'n1', 'n2'), key), arbitraryFor(schema.additionalProperties, 'footnote', hostile), { maxKeys: 3 });
        return Object.keys(props).length ? fc.tuple(fixed, dict).map(([a, b]) => ({ ...b, ...a })) : dict;
      }
      return fixed;
    }
    default:
      return fc.anything();
  }
}

/** Values of the wrong kind. */
const wrongValue = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.constant(''), fc.constant([]), fc.constant({}), fc.constant('not a date'), fc.string({ maxLength: 5 }));

type Json = Record<string, unknown>;

/** Makes one value of the definition wrong: a type, a missing field or an unknown one. */
export function offSchema(def: Json, choice: number, value: unknown): Json {
  const out = structuredClone(def);
  const objects: Json[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      objects.push(v as Json);
      Object.values(v).forEach(walk);
    }
  };
  walk(out);
  const target = objects[choice % objects.length]!;
  const keys = Object.keys(target);
  const key = keys[choice % Math.max(1, keys.length)];
  switch (choice % 3) {
    case 0:
      if (key !== undefined) target[key] = value;
      break;
    case 1:
      if (key !== undefined) delete target[key];
      break;
    default:
      target[`unknown_${choice % 7}`] = value;
  }
  return out;
}

interface ItemLike {
  id: string;
  title?: string;
  annotation?: string;
  items?: ItemLike[];
}

/** Unique ids (i0, i1 ...), slot entries that name real items, ordered dates and times, footnotes called. */
export function repair(def: Json): Json {
  const out = structuredClone(def) as Json & { items?: ItemLike[]; meeting?: Json; organization_of_work?: { date: string; slots: { time: string; items: unknown[] }[] }[]; footnotes?: Record<string, string> };
  // Every official language has a locale; an Arabic or Chinese PDF is refused (a located
  // diagnostic, tested by the locales' own tests) until their fonts come, so these two are
  // left to English here, where the PDF must build.
  if (out.language === 'ar' || out.language === 'zh') delete out.language;
  const ids: string[] = [];
  const fixItem = (it: ItemLike) => {
    it.id = `i${ids.length}`;
    ids.push(it.id);
    it.items?.forEach(fixItem);
  };
  if (Array.isArray(out.items)) out.items.forEach(fixItem);
  const meeting = out.meeting;
  if (meeting && Array.isArray(meeting.dates)) meeting.dates = [...(meeting.dates as string[])].sort();
  out.organization_of_work?.forEach((day, d) => {
    day.slots?.forEach((slot, s) => {
      slot.time = `${String(9 + s).padStart(2, '0')}:00-${String(10 + s).padStart(2, '0')}:30`;
      // An id, or the item of business under an item, names a real item.
      const real = (k: number) => ids[(d + s + k) % ids.length]!;
      slot.items = [...new Set(slot.items.map((e, k) => (!ids.length ? e : typeof e === 'string' ? real(k) : typeof e === 'object' && e !== null && 'item' in e ? { ...(e as object), item: real(k) } : e)))];
    });
  });
  // Every footnote called once, from the first item's annotation; calls to undefined notes removed.
  const notes = Object.keys(out.footnotes ?? {});
  // Placeholders of facts the definition leaves out (venue and dates are optional) are errors: left out too.
  const missing = new Set([...(meeting?.venue === undefined ? ['venue'] : []), ...(meeting?.dates === undefined ? ['dates', 'opening-date', 'year', ...(out.organization_of_work ? [] : ['days'])] : [])]);
  const strip = (t: string) =>
    t
      .replace(/\[\^([^\]]*)\]/g, (m, id: string) => (notes.includes(id) ? m : ''))
      .replace(/\{(agenda-item|item|number):([a-z0-9-]+)\}/g, (m, kind: string, id: string) => (ids.includes(id) ? m : `{${kind}:i0}`))
      .replace(/\{([a-z-]+)\}/g, (m, name: string) => (missing.has(name) ? 'Text' : m));
  // Every text but the footnotes themselves (which may not call notes).
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return strip(v).trim() || 'Text';
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'footnotes' ? x : walk(x)]));
    return v;
  };
  if (out.items) out.items = walk(out.items) as ItemLike[];
  // The front matter: texts repaired as the items' are; the item line names a real item; one note per mark, none on an item
  // line the document does not print, and no footnote calls in notes.
  const doc = out.document as (Json & { under_item?: string | Json; notes?: { on: string; text: string }[] }) | undefined;
  if (doc) {
    for (const key of ['title', 'subtitle', 'introduction'] as const) if (doc[key] !== undefined) doc[key] = walk(doc[key]);
    const ref = ids[ids.length > 1 ? 1 : 0] ?? 'i0';
    if (typeof doc.under_item === 'string') doc.under_item = ref;
    else if (doc.under_item) doc.under_item.item = ref;
    if (doc.notes) {
      const marked = new Set(doc.under_item && typeof doc.under_item === 'object' && doc.under_item.agenda_symbol !== undefined ? ['under_item'] : []);
      doc.notes = doc.notes
        .filter((n) => (n.on !== 'under_item' || doc.under_item !== undefined) && !marked.has(n.on) && marked.add(n.on))
        .map((n) => ({ ...n, text: (walk(n.text) as string).replace(/\[\^[^\]]*\]/g, '') || 'Note' }));
      if (!doc.notes.length) delete doc.notes;
    }
  }
  if (out.organization_of_work) out.organization_of_work = walk(out.organization_of_work) as typeof out.organization_of_work;
  const first = out.items?.[0];
  if (first && notes.length) first.annotation = `${first.annotation ?? 'Text'} ${notes.map((n) => `[^${n}]`).join(' ')}`;
  if (out.footnotes) for (const id of notes) out.footnotes[id] = out.footnotes[id]!.replace(/\[\^[^\]]*\]/g, '') || 'Note';
  return out;
}

/** A definition: schema-built, mostly repaired into coherence, sometimes off the schema. */
export const meetingDefinition: fc.Arbitrary<{ def: Json; kind: 'coherent' | 'raw' | 'off-schema' | 'undrawable' }> = fc
  .tuple(arbitraryFor(MEETING_SCHEMA, '', false) as fc.Arbitrary<Json>, arbitraryFor(MEETING_SCHEMA, '', true) as fc.Arbitrary<Json>, fc.nat(11), fc.nat(), wrongValue)
  .map(([tame, hostile, roll, choice, value]) => {
    if (roll < 6) return { def: repair(tame), kind: 'coherent' as const };
    if (roll < 8) return { def: hostile, kind: 'raw' as const };
    if (roll < 10) return { def: offSchema(repair(tame), choice, value), kind: 'off-schema' as const };
    // A coherent definition with a character the PDF font lacks in its body's name.
    const def = repair(tame);
    def.body = `${String(def.body ?? 'Body')} ${['★', '𠜎', 'مرحبا', '😀'][choice % 4]}`;
    return { def, kind: 'undrawable' as const };
  });
