/**
 * The author-written text of a definition, and the masking that lets text rules
 * scan it without tripping over what the author did not write as prose:
 * placeholders, footnote calls, link targets, web addresses and domain names become spaces of
 * the same length, so offsets stay offsets into the YAML string.
 *
 * Every regular expression here and in the text rules must run in linear time:
 * no nested quantifiers, no alternatives that can match the same text.
 */
import type { ItemDef, MeetingDefinition } from '../definition.js';
import type { Path } from '../load/locator.js';

export type TextRole = 'body' | 'document-title' | 'title' | 'short-title' | 'annotation' | 'documentation' | 'footnote' | 'annex-entry';

export interface AuthorText {
  path: Path;
  text: string;
  /** The text with placeholders, footnote calls, link targets and addresses blanked out (see mask). */
  masked: string;
  role: TextRole;
}

const cache = new WeakMap<MeetingDefinition, AuthorText[]>();

/**
 * Every text an author wrote, in reading order: masthead, agenda list, annotations,
 * annex, footnotes; each with its masked form. Computed once per definition, since
 * every text rule walks it.
 */
export function authorTexts(def: MeetingDefinition): AuthorText[] {
  let texts = cache.get(def);
  if (!texts) {
    texts = collectTexts(def);
    cache.set(def, texts);
  }
  return texts;
}

function collectTexts(def: MeetingDefinition): AuthorText[] {
  const out: Omit<AuthorText, 'masked'>[] = [];
  if (def.parent_body) out.push({ path: ['parent_body'], text: def.parent_body, role: 'body' });
  out.push({ path: ['body'], text: def.body, role: 'body' });
  if (def.document.title) out.push({ path: ['document', 'title'], text: def.document.title, role: 'document-title' });
  const titles = (item: ItemDef, path: Path) => {
    out.push({ path: [...path, 'title'], text: item.title, role: 'title' });
    item.items?.forEach((sub, j) => titles(sub, [...path, 'items', j]));
  };
  def.items.forEach((item, i) => titles(item, ['items', i]));
  const sections = (item: ItemDef, path: Path) => {
    if (item.annotation !== undefined) out.push({ path: [...path, 'annotation'], text: item.annotation, role: 'annotation' });
    item.documentation?.forEach((d, k) => out.push({ path: [...path, 'documentation', k, 'title'], text: d.title, role: 'documentation' }));
    item.items?.forEach((sub, j) => sections(sub, [...path, 'items', j]));
  };
  def.items.forEach((item, i) => sections(item, ['items', i]));
  const shortTitles = (item: ItemDef, path: Path) => {
    if (item.short_title !== undefined) out.push({ path: [...path, 'short_title'], text: item.short_title, role: 'short-title' });
    item.items?.forEach((sub, j) => shortTitles(sub, [...path, 'items', j]));
  };
  def.items.forEach((item, i) => shortTitles(item, ['items', i]));
  def.organization_of_work?.forEach((day, d) =>
    day.slots.forEach((slot, s) =>
      slot.items.forEach((entry, e) => {
        if (typeof entry !== 'string') out.push({ path: ['organization_of_work', d, 'slots', s, 'items', e, 'title'], text: entry.title, role: 'annex-entry' });
      }),
    ),
  );
  for (const [id, text] of Object.entries(def.footnotes ?? {})) out.push({ path: ['footnotes', id], text, role: 'footnote' });
  return out.map((t) => ({ ...t, masked: mask(t.text) }));
}

/** Running text: the prose of annotations and footnotes, as opposed to titles and names. */
export const isRunningText = (role: TextRole) => role === 'annotation' || role === 'footnote' || role === 'documentation';

/** What to blank out, each with a string it cannot match without (most texts have none of them). */
const MASKS: [string, RegExp][] = [
  ['\\', /\\./g], // a backslash escape
  ['{', /\{[^{}\n]{0,200}\}/g], // a placeholder: generated text, correct by construction
  ['[^', /\[\^[^\]\s]{1,200}\]/g], // a footnote call
  ['](', /\]\([^()\s]{0,4000}\)/g], // a link target (the label stays)
  ['', /(?:https?:\/\/|www\.)[^\s)\]]+/g], // a web address
  // A bare domain name with an optional port and path: "unodc.org", "documents.un.org/doc/x.pdf".
  // Dot-separated labels ending in a top-level domain of two letters or more, not inside a
  // word: "e.g.", "a.m." and "No.12" do not qualify (one-letter or digit ending). The
  // top-level domain is in any case when a path or a port follows ("UNODC.ORG/data"), in
  // lower case only when nothing does, so that "end.The" is no domain.
  // A path stops before final punctuation, which belongs to the sentence.
  ['.', /(?<![\w.@/-])(?:[A-Za-z0-9-]{1,63}\.)+(?:[a-z]{2,24}|[A-Za-z]{2,24}(?=\/|:\d))(?![\w-])(?::\d{1,5})?(?:\/(?:[^\s)\]]*[^\s)\].,;:!?'"])?)?/g],
  ['@', /[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,200}/g], // an e-mail address
];

/** The text with what is not prose replaced by spaces (same length, same offsets). */
export function mask(text: string): string {
  let out = text;
  for (const [needed, re] of MASKS) if (out.includes(needed)) out = out.replace(re, (m) => ' '.repeat(m.length));
  return out;
}

/**
 * Whether position `i` starts a sentence or a line of text: only spaces, quotes or
 * an opening bracket between it and the start or the end of the previous sentence.
 */
export function atSentenceStart(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && ' \t\n"“‘('.includes(text[j]!)) {
    if (text[j] === '\n' && j > 0 && text[j - 1] === '\n') return true; // paragraph break
    j--;
  }
  if (j < 0) return true;
  const c = text[j]!;
  if (c === '!' || c === '?') return true;
  if (c !== '.') return false;
  // "a.m." and "p.m." end abbreviations more often than sentences in agendas.
  return !/(?:^|\s)(?:a\.m|p\.m|i\.e|e\.g|No|para|paras|art|arts|Corr|Add|Rev|Vol|p|pp)\.$/.test(text.slice(Math.max(0, j - 6), j + 1));
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const MONTH_PATTERN = MONTHS.join('|');
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
