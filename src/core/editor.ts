/**
 * What an editor asks of a definition besides its diagnostics: where its items, days and
 * slots stand (the outline, go-to-definition), what the cursor stands on (an item
 * reference, an item id in the organization of work) and what a rule is. Read from the
 * YAML text as typed, so that it serves while the definition does not compile; offsets are
 * of the text given (UTF-16 code units, as editors count them).
 */
import { isMap, isScalar, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import { loadDefinition } from '../load/load.js';
import type { Path } from '../load/locator.js';
import { isConfigFile } from '../config/names.js';
import { findRule } from '../rules/index.js';
import { isTranslationText, translationName } from '../translate/load.js';
import type { Rule } from '../rules/types.js';

/** A [start, end) range of the text. */
export interface TextRange {
  start: number;
  end: number;
}

export interface EditorItem {
  id?: string;
  title?: string;
  path: Path;
  /** The item's whole entry. */
  range: TextRange;
  /** Its id's value (the place a reference leads to); the entry's start when it has none. */
  idRange: TextRange;
  /** The heading of the group of items it opens (`group_heading`), with its value's range. */
  groupHeading?: { text: string; range: TextRange };
  items: EditorItem[];
}

export interface EditorSlot {
  time?: string;
  range: TextRange;
  /** The items taken up: ids, or the titles of business that is not an item. */
  entries: { id?: string; title?: string; range: TextRange }[];
}

export interface EditorDay {
  date?: string;
  range: TextRange;
  slots: EditorSlot[];
}

export interface DefinitionOutline {
  items: EditorItem[];
  days: EditorDay[];
  /** Every item at every level by its id (the first of two with one id). */
  byId: Map<string, EditorItem>;
}

const rangeOf = (node: unknown): TextRange | undefined => {
  const r = (node as YamlNode | null | undefined)?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
};
const textOf = (node: unknown): string | undefined => {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
};
const field = (map: YAMLMap, key: string): unknown => map.get(key, true);

/** The items, days and slots of a definition, as far as its YAML can be read. */
export function definitionOutline(file: string, text: string): DefinitionOutline {
  const doc = loadDefinition(file, text).locator.document;
  const root = doc.contents;
  const byId = new Map<string, EditorItem>();
  const readItems = (seq: unknown, path: Path): EditorItem[] => {
    if (!isSeq(seq)) return [];
    const out: EditorItem[] = [];
    seq.items.forEach((node, i) => {
      const range = rangeOf(node);
      if (!isMap(node) || !range) return;
      const here = [...path, i];
      const idNode = field(node, 'id');
      const id = textOf(idNode);
      const item: EditorItem = { id, title: textOf(field(node, 'title')), path: here, range, idRange: rangeOf(idNode) ?? range, items: readItems(field(node, 'items'), [...here, 'items']) };
      const headingNode = field(node, 'group_heading');
      const heading = textOf(headingNode);
      const headingRange = rangeOf(headingNode);
      if (heading !== undefined && headingRange) item.groupHeading = { text: heading, range: headingRange };
      if (id !== undefined && !byId.has(id)) byId.set(id, item);
      out.push(item);
    });
    return out;
  };
  if (!isMap(root)) return { items: [], days: [], byId };
  const items = readItems(field(root, 'items'), ['items']);
  const days: EditorDay[] = [];
  const work = field(root, 'organization_of_work');
  if (isSeq(work)) {
    for (const day of work.items) {
      const range = rangeOf(day);
      if (!isMap(day) || !range) continue;
      const slots: EditorSlot[] = [];
      const slotSeq = field(day, 'slots');
      if (isSeq(slotSeq)) {
        for (const slot of slotSeq.items) {
          const slotRange = rangeOf(slot);
          if (!isMap(slot) || !slotRange) continue;
          const entries: EditorSlot['entries'] = [];
          const taken = field(slot, 'items');
          if (isSeq(taken)) {
            for (const entry of taken.items) {
              const entryRange = rangeOf(entry);
              if (!entryRange) continue;
              if (isMap(entry)) entries.push({ title: textOf(field(entry, 'title')), range: entryRange });
              else if (textOf(entry) !== undefined) entries.push({ id: textOf(entry), range: entryRange });
            }
          }
          slots.push({ time: textOf(field(slot, 'time')), range: slotRange, entries });
        }
      }
      days.push({ date: textOf(field(day, 'date')), range, slots });
    }
  }
  return { items, days, byId };
}

/** The kinds of item reference in text: `{agenda-item:ID}`, `{item:ID}`, `{number:ID}`. */
export const ITEM_REFERENCE_KINDS = ['agenda-item', 'item', 'number'] as const;

/** An item id the cursor stands in or after: what completion replaces and definition follows. */
export interface ItemIdAt {
  /** The id as written so far (up to the cursor: `prefix`; whole: `id`). */
  id: string;
  prefix: string;
  range: TextRange;
  /** Where it was found: an item reference in text, or a field that takes an item id. */
  where: 'reference' | 'field';
}

const ID_CHAR = /[A-Za-z0-9_.-]/;

/**
 * An item reference around `offset` (`{agenda-item:rep|` or `{item:report}`), read from the
 * line's characters: it serves inside any text, folded or quoted, while the YAML is half typed.
 */
function referenceAt(text: string, offset: number): ItemIdAt | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let start = offset;
  while (start > lineStart && ID_CHAR.test(text[start - 1]!)) start--;
  const before = text.slice(Math.max(lineStart, start - 16), start);
  const kind = ITEM_REFERENCE_KINDS.find((k) => before.endsWith(`{${k}:`) && before[before.length - k.length - 3] !== '\\');
  if (!kind) return undefined;
  let end = offset;
  while (end < text.length && ID_CHAR.test(text[end]!)) end++;
  return { id: text.slice(start, end), prefix: text.slice(start, offset), range: { start, end }, where: 'reference' };
}

/** Paths of the fields whose value is an item id (or whose list holds item ids). */
const takesItemId = (path: Path): boolean =>
  (path.length >= 5 && path[0] === 'organization_of_work' && path[2] === 'slots' && path[4] === 'items' && (path.length === 5 || (path.length === 6 && typeof path[5] === 'number'))) ||
  (path[0] === 'document' && path[1] === 'under_item' && (path.length === 2 || (path.length === 3 && path[2] === 'item')));

/**
 * The item id at `offset`: in an item reference, in the organization of work's slot items,
 * or in `document.under_item`. For completion the cursor may stand just after what is typed,
 * or where a value is still to be typed (`items: [opening, |]`, `- |`).
 */
export function itemIdAt(file: string, text: string, offset: number): ItemIdAt | undefined {
  const reference = referenceAt(text, offset);
  if (reference) return reference;
  let start = offset;
  while (start > 0 && ID_CHAR.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && ID_CHAR.test(text[end]!)) end++;
  const locator = loadDefinition(file, text).locator;
  // The word's first character places it in the YAML; an empty word, the character before the cursor.
  const probe = start < end ? start : Math.max(0, offset - 1);
  const path = locator.pathAt(probe);
  const word = { id: text.slice(start, end), prefix: text.slice(start, offset), range: { start, end }, where: 'field' as const };
  if (takesItemId(path)) {
    // A key (`items:` itself, `item:`) is no id.
    if (start < end && text[end] === ':') return undefined;
    return word;
  }
  // `- |` or `items: [a, |]`: the cursor after a sequence's marker belongs to the sequence.
  if (start === end && /[-[,]\s*$/.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset))) {
    const parent = locator.pathAt(Math.max(0, text.lastIndexOf('\n', offset - 1)));
    if (takesItemId([...path, 0]) || takesItemId(path) || takesItemId(parent)) return word;
  }
  return undefined;
}

/** What an editor shows about a rule: what the rule module declares of itself, and whether it fixes. */
export interface RuleDocumentation extends Pick<Rule, 'id' | 'name' | 'description' | 'source' | 'category' | 'severity'> {
  fixable: boolean;
}

/** A rule by its id ("AG028", any case) or name ("per-cent"); undefined for none. */
export function ruleDocumentation(key: string): RuleDocumentation | undefined {
  const rule = findRule(key);
  if (!rule) return undefined;
  return { id: rule.id, name: rule.name, description: rule.description, source: rule.source, category: rule.category, severity: rule.severity, fixable: Boolean(rule.fixable) };
}

/**
 * Whether an editor's YAML file is a meeting definition, a translation of one (beside its
 * original) or neither (a CI workflow, a configuration file): a definition names the
 * meeting schema on its first lines or has a top-level `items`, `document` or `meeting` key.
 */
export function editorFileKind(file: string, text: string, exists: (path: string) => boolean): 'definition' | 'translation' | undefined {
  if (isConfigFile(file)) return undefined;
  const translation = translationName(file);
  if (translation && isTranslationText(text) && exists(translation.original)) return 'translation';
  if (/^#.*\$schema=\S*meeting\.schema\.json/m.test(text.slice(0, 2000)) || /^(?:items|document|meeting)[ \t]*:/m.test(text)) return 'definition';
  return undefined;
}

/** The original definition a translation file is named after (meeting.yaml for meeting.fr.yaml), if its name is one. */
export const originalOf = (file: string): string | undefined => translationName(file)?.original;

export { isConfigFile };
