import type { AgendaDocument, AgendaListItem, AnnotationSection, Inline, Origin } from '../../model.js';
import { loadFonts, type Face } from './fonts.js';
import { UnrenderableInputError } from '../errors.js';
import { fontChainOf, scriptOf, type FontChain } from '../../typeset/fonts.js';
import { missingFamily } from './families.js';

/** A character the embedded font has no glyph for: the PDF would show a blank box. */
export class UnsupportedCharacterError extends UnrenderableInputError {
  constructor(
    readonly character: string,
    /** The text the character appears in, as the model carries it. */
    readonly text: string,
    readonly face: Face,
    /** Where the character came from in the definition, when the model knows (text from YAML strings). */
    override readonly origin?: Origin,
    /** The family the character's script is set in. */
    readonly family = 'Tinos',
    /** Why: the family is not installed (what to do in `hint`). */
    missing?: { message: string; hint: string },
  ) {
    const code = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    super(
      missing ? `${missing.message}: it sets the character "${character}" (${code}) in "${text}"` : `the PDF font (${family}) cannot draw the character "${character}" (${code}) in "${text}"`,
      origin,
      missing ? missing.hint : 'replace the character, or build the other formats only',
      'unsupported-character',
    );
    this.name = 'UnsupportedCharacterError';
  }
}

/**
 * Whether each face draws a code point (white space counts as drawable), as found so far:
 * for the Basic Multilingual Plane a table indexed by the UTF-16 unit (0 not known yet,
 * 1 drawable, 2 not), which every character of every string is looked up in; a map above it.
 */
const knownFor = () => ({ bmp: new Uint8Array(0x10000), astral: new Map<number, boolean>() });
const knownForFaces = (): Record<Face, ReturnType<typeof knownFor>> => ({ regular: knownFor(), bold: knownFor(), italic: knownFor(), boldItalic: knownFor() });
/** What is known, for each font chain (the families of a language's scripts). */
const drawableBy = new Map<string, Record<Face, ReturnType<typeof knownFor>>>();
const DRAWABLE = 1;
const NOT_DRAWABLE = 2;

export interface UnsupportedCharacter {
  character: string;
  text: string;
  face: Face;
  /** The YAML path of the string and the character's offset in it, for text nodes that carry an origin. */
  origin?: Origin;
  /** The family that sets the character's script (absent: Tinos). */
  family?: string;
  /** The family is not installed: what to say and do. */
  missing?: { message: string; hint: string };
}

/**
 * The families that may set a character: its script's, or for digits, punctuation and
 * spaces any of the chain's (they take the family of the letters beside them).
 */
function familiesOf(chain: FontChain, code: number): string[] {
  const script = scriptOf(code);
  if (script !== 'Common') return [chain.family(script)];
  return [...new Set([chain.family('Common'), ...Object.values(chain.families)])];
}

/**
 * Every (character, text) pair the PDF could not draw, in document order. Checks
 * every string of the model in the face it is set in (all four faces of Tinos
 * cover the same repertoire, but we do not rely on that).
 */
export function unsupportedCharacters(doc: AgendaDocument): UnsupportedCharacter[] {
  const fonts = loadFonts();
  const found: UnsupportedCharacter[] = [];
  const chain = fontChainOf(doc.writing.fonts);
  const missing = new Map<string, { message: string; hint: string } | undefined>();
  const missingOf = (family: string) => {
    if (!missing.has(family)) missing.set(family, family === 'Tinos' ? undefined : missingFamily(family));
    return missing.get(family);
  };
  // What is known holds for the chain's families as installed now.
  const key = JSON.stringify([chain.families, Object.values(chain.families).filter((f) => missingOf(f))]);
  let drawable = drawableBy.get(key);
  if (!drawable) drawableBy.set(key, (drawable = knownForFaces()));
  const draws = (face: Face, code: number) => /\s/.test(String.fromCodePoint(code)) || familiesOf(chain, code).some((f) => !missingOf(f) && fonts.draws(face, code, f === 'Tinos' ? undefined : f));
  const check = (text: string | undefined, face: Face, origin?: Origin) => {
    if (!text) return;
    const { bmp, astral } = drawable[face];
    for (let index = 0; index < text.length; ) {
      const code = text.codePointAt(index)!;
      const size = code > 0xffff ? 2 : 1;
      let ok: boolean;
      if (size === 1) {
        let state = bmp[code]!;
        if (!state) bmp[code] = state = draws(face, code) ? DRAWABLE : NOT_DRAWABLE;
        ok = state === DRAWABLE;
      } else {
        let known = astral.get(code);
        if (known === undefined) {
          if (astral.size > 10_000) astral.clear();
          astral.set(code, (known = draws(face, code)));
        }
        ok = known;
      }
      if (!ok) {
        const ch = text.slice(index, index + size);
        const family = familiesOf(chain, code)[0]!;
        const why = missingOf(family);
        found.push({ character: ch, text, face, ...(origin ? { origin: { path: origin.path, offset: (origin.offset ?? 0) + index } } : {}), ...(family === 'Tinos' ? {} : { family }), ...(why ? { missing: why } : {}) });
      }
      index += size;
    }
  };
  const inlines = (nodes: readonly Inline[], face: Face) => {
    for (const n of nodes) {
      if (n.type === 'text') check(n.value, face, n.origin);
      else if (n.type === 'symbol') check(n.value, face);
      else if (n.type === 'emphasis') inlines(n.children, face === 'bold' ? 'boldItalic' : 'italic');
      else if (n.type === 'strong') inlines(n.children, face === 'italic' ? 'boldItalic' : 'bold');
      else if (n.type === 'link') inlines(n.children, face);
      else check(String(n.number), 'regular');
    }
  };
  const m = doc.masthead;
  for (const t of [m.unitedNations, m.symbol, m.distribution, m.date, m.original, m.languagesOnly, m.job?.number, m.job?.barcode, ...(m.job?.stamps ?? [])]) check(t, 'regular');
  check(m.organ, 'bold');
  check(doc.meeting.parentBody, 'bold');
  check(doc.meeting.body, 'bold');
  check(doc.meeting.session, 'regular');
  check(doc.meeting.placeAndDates, 'regular');
  if (doc.meeting.underItem) {
    check(doc.meeting.underItem.line, 'regular');
    inlines(doc.meeting.underItem.title, 'bold');
  }
  if (doc.titleContent) inlines(doc.titleContent, 'bold');
  else check(doc.title, 'bold');
  for (const p of [...(doc.subtitle ?? []), ...(doc.introduction ?? []), ...(doc.starNotes ?? [])]) inlines(p.content, 'regular');
  check(doc.pageCounter, 'bold');
  check(doc.agenda?.heading, 'bold');
  const listItems = (items: AgendaListItem[]) => {
    for (const i of items) {
      if (i.groupHeading) inlines(i.groupHeading.content, 'bold');
      check(i.label + i.punctuation, 'regular');
      inlines(i.title, 'regular');
      listItems(i.children);
    }
  };
  listItems(doc.agenda?.items ?? []);
  check(doc.annotations?.heading, 'bold');
  const sections = (list: AnnotationSection[]) => {
    for (const s of list) {
      if (s.groupHeading) inlines(s.groupHeading.content, 'bold');
      check(s.label, 'bold');
      inlines(s.title, 'bold');
      for (const p of s.paragraphs) {
        check(p.label, 'regular');
        inlines(p.content, p.heading ? 'italic' : 'regular');
      }
      if (s.documentation) {
        check(s.documentation.heading, 'italic');
        for (const p of s.documentation.entries) inlines(p.content, 'regular');
      }
      sections(s.children);
    }
  };
  sections(doc.annotations?.sections ?? []);
  for (const n of doc.footnotes) inlines(n.content, 'regular');
  if (doc.annex) {
    const a = doc.annex;
    check(a.heading, 'bold');
    check(a.title, 'bold');
    for (const c of Object.values(a.columns)) check(c, 'italic');
    for (const day of a.days) {
      check(day.label, 'bold');
      for (const slot of day.slots) {
        check(slot.time, 'regular');
        for (const row of slot.rows) {
          check(row.item, 'regular');
          inlines(row.title, 'regular');
        }
      }
    }
  }
  return found;
}

/** Throws on the first character the font cannot draw. */
export function assertDrawable(doc: AgendaDocument): void {
  const all = unsupportedCharacters(doc);
  // A family not installed: reported where the definition first writes text it would set, rather than at the locale's words.
  const first = all[0]?.missing ? (all.find((u) => u.missing && u.origin) ?? all[0]) : all[0];
  if (first) throw new UnsupportedCharacterError(first.character, first.text, first.face, first.origin ?? writtenAt(doc, first.character), first.family, first.missing);
}

/**
 * Where the definition writes a character that a masthead line shows without a place of its
 * own (the body, the organ, the venue in "Vienna, 11 and 12 September 2023"): the first text
 * of the definition that holds it. Looked up only for the error.
 */
function writtenAt(doc: AgendaDocument, character: string): Origin | undefined {
  const { sources } = doc;
  for (const t of sources.texts) {
    const at = t.raw.indexOf(character);
    if (at >= 0) return { path: t.origin.path, offset: at };
  }
  const venue = sources.meeting.venue?.indexOf(character) ?? -1;
  if (venue >= 0) return { path: ['meeting', 'venue'], offset: venue };
  return undefined;
}
