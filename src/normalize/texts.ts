/**
 * Every text an author wrote, as the rules read it (model.ts, AuthorText), and the
 * masking that lets text rules scan it without tripping over what the author did not
 * write as prose: placeholders, footnote calls, link targets, web addresses and domain
 * names become spaces of the same length, so offsets stay offsets into the YAML string.
 *
 * Every regular expression here must run in linear time: no nested quantifiers, no
 * alternatives that can match the same text.
 */
import type { MeetingDefinition } from '../definition.js';
import type { AuthorText, DaySource, OutlineItem, Path, TextNode, TextRole } from '../model.js';
import { textTree } from './text-tree.js';
import { PARAGRAPH_START } from './subheadings.js';

/**
 * An author text whose masked form and syntax tree are made when a rule first reads them. A
 * class, not an object literal with getters: such a literal makes a closure and an accessor
 * of its own for every text, on V8's slow path.
 */
class LazyAuthorText implements AuthorText {
  private maskedText: string | undefined;
  private parsed: TextNode[] | undefined;
  readonly origin: AuthorText['origin'];

  constructor(
    readonly role: TextRole,
    readonly raw: string,
    path: Path,
    private readonly footnoteIds: readonly string[],
  ) {
    this.origin = { path };
  }

  get masked(): string {
    // A sub-heading's marks ("### ") are no prose: blanked, its first word starts a sentence.
    return (this.maskedText ??= this.role === 'annotation' && this.raw.includes('#') ? blankSubheadingMarks(mask(this.raw)) : mask(this.raw));
  }

  get tree(): readonly TextNode[] {
    return (this.parsed ??= textTree(this.raw, this.footnoteIds));
  }
}

/** The marks of an annotation's sub-headings, blanked by spaces (same length, same offsets). */
const blankSubheadingMarks = (text: string): string =>
  text.replace(PARAGRAPH_START, (start: string, before: string, indent: string, marks: string | undefined) => (marks ? `${before}${indent}${' '.repeat(marks.length)}` : start));

const authorText = (role: TextRole, raw: string, path: Path, footnoteIds: readonly string[]): AuthorText => new LazyAuthorText(role, raw, path, footnoteIds);

/**
 * The one walk over the text fields: every author text in reading order (masthead, agenda
 * list, annotations with their documentation, short titles for the annex, annex entries,
 * footnotes), driven by the outline and organization of work already built.
 */
export function authorTexts(def: MeetingDefinition, outline: readonly OutlineItem[], organization: readonly DaySource[] | undefined): AuthorText[] {
  const out: AuthorText[] = [];
  const footnoteIds = Object.keys(def.footnotes ?? {});
  const add = (role: TextRole, raw: string | undefined, path: Path) => {
    if (raw !== undefined) out.push(authorText(role, raw, path, footnoteIds));
  };
  add('body', def.organ, ['organ']);
  add('body', def.parent_body, ['parent_body']);
  add('body', def.body, ['body']);
  add('document-title', def.document.title, ['document', 'title']);
  // The front matter: lines under the title, paragraphs before the list and asterisk notes are running text.
  const subtitle = def.document.subtitle;
  if (typeof subtitle === 'string') add('body', subtitle, ['document', 'subtitle']);
  else subtitle?.forEach((line, k) => add('body', line, ['document', 'subtitle', k]));
  add('body', def.document.introduction, ['document', 'introduction']);
  def.document.notes?.forEach((note, k) => add('body', note.text, ['document', 'notes', k, 'text']));
  const items: OutlineItem[] = [];
  const walk = (it: OutlineItem) => {
    items.push(it);
    it.children.forEach(walk);
  };
  outline.forEach(walk);
  // A group's heading stands above its first item's title, in the list and in the annotations.
  for (const it of items) {
    add('title', it.groupHeading, [...it.origin.path, 'group_heading']);
    add('title', it.title, [...it.origin.path, 'title']);
  }
  for (const it of items) {
    add('title', it.annotationTitle, [...it.origin.path, 'annotation_title']);
    add('annotation', it.annotation, [...it.origin.path, 'annotation']);
    for (const d of it.documentation) add('documentation', d.title, [...d.origin.path, 'title']);
  }
  for (const it of items) add('short-title', it.shortTitle, [...it.origin.path, 'short_title']);
  for (const day of organization ?? []) for (const slot of day.slots) for (const entry of slot.entries) if (entry.title !== undefined) add('annex-entry', entry.title, [...entry.origin.path, 'title']);
  for (const [id, text] of Object.entries(def.footnotes ?? {})) add('footnote', text, ['footnotes', id]);
  return out;
}

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
