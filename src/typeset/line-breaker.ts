import type { Inline } from '../model.js';
import { bidiPieces, visualLine } from './bidi.js';
import { insideBreaks, needsFullBreaking, opportunities, spaceHolds } from './break-opportunities.js';
import { DEFAULT_FONTS, scriptOf, type Face, type FontChain, type FontMetrics } from './fonts.js';
import type { Hyphenator } from './hyphenation.js';
import { makePiece, makeStyle, repiece, restyle, type Line, type Piece, type Style } from './pieces.js';
import { totalFit } from './total-fit.js';

export type { Line, Piece, Style } from './pieces.js';

export interface BaseStyle {
  face: Face;
  size: number;
  markerSize: number;
  markerRise: number;
}

const italicOf = (f: Face): Face => (f === 'bold' || f === 'boldItalic' ? 'boldItalic' : 'italic');
const boldOf = (f: Face): Face => (f === 'italic' || f === 'boldItalic' ? 'boldItalic' : 'bold');

/**
 * Flattens inline nodes into pieces (words and word parts) with their styles and break
 * opportunities (UAX #14, see break-opportunities.ts), each piece in the font the chain
 * gives its script.
 */
export function toPieces(nodes: readonly Inline[], base: BaseStyle, fonts: FontMetrics, chain: FontChain = fonts.chain ?? DEFAULT_FONTS): Piece[] {
  const out: Piece[] = [];
  let pendingSpace = false;
  // The family of Latin text, and whether Greek, Cyrillic and common characters share it (then no scan is needed).
  const body = chain.family('Latin');
  const oneFamily = chain.family('Greek') === body && chain.family('Cyrillic') === body && chain.family('Common') === body;
  let whole = false;
  const piece = (text: string, style: Style, before: Piece['before']) => {
    const width = fonts.width(style.face, style.size, text, style.font);
    out.push(makePiece(text, style, width, before, whole || undefined));
  };
  /** A piece, split where the font chain changes family within it (`plain`: text of the body family's scripts only). */
  const add = (text: string, style: Style, before: Piece['before'], plain: boolean) => {
    if (oneFamily && plain) return piece(text, style, before);
    let from = 0;
    // Digits and punctuation take the family of the letters beside them ("A/78/150" in
    // Tinos, "2023年" in the Chinese face); the chain's common family when alone.
    let family: string | undefined;
    for (let k = 0; k < text.length; ) {
      const c = text.codePointAt(k)!;
      const script = scriptOf(c);
      if (script !== 'Common') {
        const f = chain.family(script);
        if (family === undefined) family = f;
        else if (f !== family) {
          piece(text.slice(from, k), family === style.font ? style : restyle(style, { font: family }), from === 0 ? before : 'none');
          from = k;
          family = f;
        }
      }
      k += c > 0xffff ? 2 : 1;
    }
    family ??= chain.family('Common');
    piece(text.slice(from), family === style.font ? style : restyle(style, { font: family }), from === 0 ? before : 'none');
  };
  const push = (text: string, style: Style) => {
    // Scripts that do not separate words with spaces: every opportunity from the package.
    const full = needsFullBreaking(text) ? new Set(opportunities(text)) : undefined;
    // Most texts break at spaces alone: find them natively.
    const spacesOnly = !OTHER_BREAKING_SPACE.test(text);
    // Split on spaces; each space becomes a break opportunity before the next piece, unless UAX #14 holds it.
    for (let at = 0; at <= text.length; ) {
      let end: number;
      if (spacesOnly) {
        end = text.indexOf(' ', at);
        if (end < 0) end = text.length;
      } else {
        end = at;
        while (end < text.length && !isBreakingSpace(text.charCodeAt(end))) end++;
      }
      if (end > at) {
        let before: Piece['before'] = 'none';
        if (out.length && pendingSpace) {
          const last = out[out.length - 1]!.text;
          const held = full && at > 0 ? !full.has(at) : spaceHolds(last.charCodeAt(last.length - 1), text.charCodeAt(at));
          before = held ? 'glue' : 'space';
        }
        let from = at;
        if (full) {
          for (let k = at + 1; k < end; k++) {
            if (!full.has(k)) continue;
            add(text.slice(from, k), style, from === at ? before : 'soft', false);
            from = k;
          }
        }
        add(text.slice(from, end), style, from === at ? before : 'soft', !full);
        pendingSpace = false;
      }
      if (end < text.length) pendingSpace = true;
      at = end + 1;
    }
  };
  const walk = (list: readonly Inline[], face: Face, link: string | undefined) => {
    for (let i = 0; i < list.length; i++) {
      const n = list[i]!;
      switch (n.type) {
        case 'text': {
          // Text nodes that meet inside an Arabic word (a preposition written against a
          // placeholder: "ب{interpretation}") are shaped as one, or the letters would not join.
          let value = n.value;
          for (let next = list[i + 1]; next?.type === 'text' && joins(value, next.value); next = list[i + 1]) {
            value += next.value;
            i++;
          }
          push(value, styleOf(face, link));
          break;
        }
        case 'emphasis':
          walk(n.children, italicOf(face), link);
          break;
        case 'strong':
          walk(n.children, boldOf(face), link);
          break;
        case 'link':
          walk(n.children, face, n.url);
          break;
        case 'symbol':
          // A document symbol is not broken at its slashes.
          whole = true;
          push(n.value, styleOf(face, n.url || link));
          whole = false;
          break;
        case 'noteRef':
          push(String(n.number), makeStyle({ face: 'regular', size: base.markerSize, rise: base.markerRise, note: n.number, spaceSize: base.size, font: body, level: 0 }));
          break;
      }
    }
  };
  const styleOf = (face: Face, link: string | undefined): Style => makeStyle({ face, size: base.size, rise: 0, link: link || undefined, font: body, level: 0 });
  walk(nodes, base.face, undefined);
  return out;
}

/** Letters of the Arabic script, which join their neighbours. */
const ARABIC_LETTER = /[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefc]/u;
/** Whether two texts meet between two Arabic letters. */
const joins = (before: string, after: string) => ARABIC_LETTER.test(before.slice(-1)) && ARABIC_LETTER.test(after.slice(0, 1));

/** The white space that separates words (a no-break space does not). */
const isBreakingSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const OTHER_BREAKING_SPACE = /[\t\n\r]/;

/** Pieces of plain text in one style. */
export function plainPieces(text: string, face: Face, size: number, fonts: FontMetrics): Piece[] {
  return toPieces([{ type: 'text', value: text }], { face, size, markerSize: size, markerRise: 0 }, fonts);
}

/**
 * Breaks styled pieces into lines of `measures[i]` (the width of line i; the last repeats).
 * Justified text is broken by total fit (total-fit.ts), hyphenated by `hyphenator` where
 * it must be; other text, and justified text total fit cannot set, first-fit (firstFit).
 */
export function breakLines(input: Piece[], measures: number[], fonts: FontMetrics, justify: boolean, hyphenator?: Hyphenator, direction: 'document' | 'auto' = 'document'): Line[] {
  // A right-to-left document: each piece gets its bidi level, and each line is put in visual
  // order. Its own paragraphs are right to left; `auto` (the masthead's lines, some printed in
  // another language) takes the direction of the first strong letter.
  if (fonts.direction === 'rtl') {
    const leveled = bidiPieces(input, fonts, direction === 'auto' ? undefined : 1);
    return breakInto(leveled.pieces, measures, fonts, justify, hyphenator).map((line) => visualLine(line, leveled.level, fonts));
  }
  const lines = breakInto(input, measures, fonts, justify, hyphenator);
  // Justified Chinese: the room left is spread between the ideographs, which have no spaces to widen.
  if (justify && lines.some((l) => l.pieces.some((p) => isIdeographic(p.text.codePointAt(0))))) return lines.map(justifyIdeographs);
  return lines;
}

const isIdeographic = (c: number | undefined) => c !== undefined && scriptOf(c) === 'Han';

/**
 * A justified line of Chinese, set as UN Chinese documents are: flush with both margins,
 * the room spread evenly over the gaps between ideographs (and CJK punctuation) as well as
 * the spaces, at most a quarter of an em each (a line that would gape is left ragged).
 * Lines without such gaps are returned as they are.
 */
function justifyIdeographs(line: Line): Line {
  if (!line.justify) return line;
  const ps = line.pieces;
  let count = 0;
  let added = false;
  const spaces = new Array<number>(ps.length);
  for (let k = 0; k < ps.length; k++) {
    const p = ps[k]!;
    if (k > 0) {
      if (p.before === 'space' || p.before === 'glue') count++;
      else if (p.before === 'soft' && (isIdeographic(p.text.codePointAt(0)) || isIdeographic(ps[k - 1]!.text.codePointAt(ps[k - 1]!.text.length - 1)))) {
        count++;
        added = true;
      }
    }
    spaces[k] = count;
  }
  if (!added) return line;
  const stretch = (line.measure - line.width) / count;
  if (stretch < 0 || stretch > ps[0]!.style.size / 4) return line;
  return { ...line, spaces, stretch };
}

function breakInto(input: Piece[], measures: number[], fonts: FontMetrics, justify: boolean, hyphenator?: Hyphenator): Line[] {
  const pieces = splitLongWords(input, Math.min(...measures), fonts);
  if (justify) {
    const lines = totalFit(pieces, measures, fonts, hyphenator, (style) => spaceWidth(style, fonts));
    if (lines) return lines;
  }
  return firstFit(pieces, measures, fonts, justify);
}

/**
 * Greedy first-fit line breaking over styled pieces. Breaks at the opportunities UAX #14
 * gives: between pieces joined by a breaking space or a soft break, and inside a word
 * that does not fit at the end of a line (after a hyphen, a slash...). A word wider than
 * the measure with no such opportunity (a long web address) breaks after "/" or, failing
 * that, anywhere. `measures[i]` is the width of line i (the last repeats).
 */
function firstFit(input: Piece[], measures: number[], fonts: FontMetrics, justify: boolean): Line[] {
  let pieces = input;
  const lines: Line[] = [];
  // The line being filled: pieces[start] to pieces[next - 1], each at xs[k - start].
  let start = 0;
  let xs: number[] = [];
  let counts: number[] = [];
  // The line's width and spaces so far: never used by the functions below, which would make
  // V8 box each new width in a heap number (they get them as arguments).
  let width = 0;
  let spaces = 0;
  const measureOf = (i: number) => measures[Math.min(i, measures.length - 1)]!;
  const finish = (next: number, last: boolean, end: Line['end'], lineWidth: number, lineSpaces: number) => {
    const notes: number[] = [];
    for (let k = start; k < next; k++) if (pieces[k]!.style.note !== undefined) notes.push(pieces[k]!.style.note!);
    const own = pieces.slice(start, next);
    const measure = measureOf(lines.length);
    // Arrays of their exact length: one filled by push keeps room for more (17 entries for
    // one), and the lines live until the document is painted.
    lines.push({ pieces: own, xs: xs.slice(), spaces: counts.slice(), width: lineWidth, measure, justify: justify && !last, stretch: justify && !last ? stretchOf(measure, lineWidth, lineSpaces) : 0, notes, end });
    start = next;
    xs = [];
    counts = [];
  };
  /** The space a glued piece adds before itself inside a word. */
  const glue = (k: number) => (pieces[k]!.before === 'glue' ? spaceWidth(pieces[k - 1]!.style, fonts) : 0);
  /**
   * Splits the word of pieces i to j (excluded) at its last break opportunity inside a
   * piece whose head fits in `room`: the head keeps the piece's place, the rest follows
   * as a soft break. Whether it did.
   */
  const cut = (i: number, j: number, room: number): boolean => {
    for (let k = j - 1; k >= i; k--) {
      const p = pieces[k]!;
      if (p.whole) continue;
      const inside = insideBreaks(p.text);
      if (!inside.length) continue;
      let before = 0;
      for (let m = i; m < k; m++) before += (m > i ? glue(m) : 0) + pieces[m]!.width;
      if (k > i) before += glue(k);
      for (let b = inside.length - 1; b >= 0; b--) {
        const head = p.text.slice(0, inside[b]);
        const headWidth = fonts.width(p.style.face, p.style.size, head, p.style.font);
        if (before + headWidth > room) continue;
        const tail = p.text.slice(inside[b]);
        if (pieces === input) pieces = pieces.slice();
        pieces.splice(k, 1, makePiece(head, p.style, headWidth, p.before), makePiece(tail, p.style, fonts.width(p.style.face, p.style.size, tail, p.style.font), 'soft'));
        return true;
      }
    }
    return false;
  };
  // Group into unbreakable words: pieces i to j (excluded) joined by 'none' or 'glue'.
  for (let i = 0; i < pieces.length; ) {
    const first = pieces[i]!;
    let wordWidth = first.width;
    let j = i + 1;
    for (; j < pieces.length && (pieces[j]!.before === 'none' || pieces[j]!.before === 'glue'); j++) wordWidth += glue(j) + pieces[j]!.width;
    const gap = i > start && first.before === 'space' ? spaceWidth(pieces[i - 1]!.style, fonts) : 0;
    if (width + gap + wordWidth > measureOf(lines.length) + 0.01) {
      // An opportunity inside the word: its head ends this line (or, at a line's start, fills it).
      if (cut(i, j, measureOf(lines.length) + 0.01 - width - gap)) continue;
      if (i > start) {
        finish(i, false, first.before === 'soft' ? 'soft' : 'space', width, spaces);
        width = 0;
        spaces = 0;
        continue; // the word again, at the start of the next line
      }
      // Alone on its line and still too wide, with a held space inside ("(" + a very long word):
      // the space breaks after all rather than let the text run past the measure.
      let held = i + 1;
      while (held < j && pieces[held]!.before !== 'glue') held++;
      if (held < j) {
        if (pieces === input) pieces = pieces.slice();
        pieces[held] = repiece(pieces[held]!, { before: 'space' });
        continue;
      }
    }
    const g = i > start && first.before === 'space' ? gap : 0;
    if (g) spaces++;
    let x = width + g;
    for (let k = i; k < j; k++) {
      if (k > i && pieces[k]!.before === 'glue') {
        x += glue(k);
        spaces++;
      }
      xs.push(x);
      counts.push(spaces);
      x += pieces[k]!.width;
    }
    width = x;
    i = j;
  }
  if (start < pieces.length || !lines.length) finish(pieces.length, true, 'none', width, spaces);
  return lines;
}

/** Widest extra space (points) justification may add between words. */
const MAX_STRETCH = 6;

/** The justification of a line of `spaces` spaces: a line that would gape (few spaces, much room) is set ragged rather than justified. */
function stretchOf(measure: number, width: number, spaces: number): number {
  const stretch = spaces ? Math.max(0, (measure - width) / spaces) : 0;
  return stretch > MAX_STRETCH ? 0 : stretch;
}

export function spaceWidth(style: Style, fonts: FontMetrics): number {
  return fonts.width(style.face, style.spaceSize ?? style.size, ' ', style.font);
}

/** Web addresses (not document symbols, which never break): a scheme, "www." or a domain before a slash. */
const WEB_ADDRESS = /(?:^|\()(?:https?:\/\/|www\.)|\.[a-z]{2,}\//i;

/** Whether a piece is to be split: wider than the measure, or a long web address (see splitLongWords). */
const splits = (p: Piece, measure: number) => p.width > measure || (p.width > measure / 4 && WEB_ADDRESS.test(p.text));

/** `text` cut at the offsets `at` (ascending). */
function partsAt(text: string, at: readonly number[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (const k of at) {
    out.push(text.slice(from, k));
    from = k;
  }
  out.push(text.slice(from));
  return out;
}

function splitLongWords(pieces: Piece[], measure: number, fonts: FontMetrics): Piece[] {
  if (!pieces.some((p) => splits(p, measure))) return pieces; // nearly always: no copy
  const out: Piece[] = [];
  for (const p of pieces) {
    // Web addresses may break after a slash wherever a line needs it, not only when
    // wider than the measure: a justified line before an unbreakable address gapes.
    if (!splits(p, measure)) {
      out.push(p);
      continue;
    }
    const address = WEB_ADDRESS.test(p.text) && p.width > measure / 4;
    // An address or a symbol between its slashes; another word where UAX #14 allows (after a
    // hyphen, a slash, a dash); then anywhere in a part that is itself wider than the measure.
    const parts = address || p.whole ? p.text.split(/(?<=\/)/) : partsAt(p.text, insideBreaks(p.text));
    const chunks = parts.length > 1 ? parts.flatMap((c) => (fonts.width(p.style.face, p.style.size, c, p.style.font) > measure ? [...c] : [c])) : [...p.text];
    if (address && p.width <= measure) {
      chunks.forEach((c, k) => out.push(makePiece(c, p.style, fonts.width(p.style.face, p.style.size, c, p.style.font), k === 0 ? p.before : 'soft', true)));
      continue;
    }
    // Re-join small chunks greedily so that breaks happen only where needed.
    let acc = '';
    const flush = (first: boolean) => {
      if (!acc) return;
      out.push(makePiece(acc, p.style, fonts.width(p.style.face, p.style.size, acc, p.style.font), first ? p.before : 'soft', true));
      acc = '';
    };
    let first = true;
    for (const c of chunks) {
      if (acc && fonts.width(p.style.face, p.style.size, acc + c, p.style.font) > measure) {
        flush(first);
        first = false;
      }
      acc += c;
    }
    flush(first);
  }
  return out;
}
