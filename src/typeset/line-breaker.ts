import type { Inline } from '../model.js';
import type { Face, FontMetrics } from './fonts.js';

/** How a run of text is set. `note` marks a footnote call; `link` an address. */
export interface Style {
  face: Face;
  size: number;
  /** Baseline shift upwards (superscript footnote calls). */
  rise: number;
  link?: string;
  note?: number;
  /** The size of a space after this run (a call's following space is body size). */
  spaceSize?: number;
}

/** A piece of text without spaces, in one style. */
export interface Piece {
  text: string;
  style: Style;
  width: number;
  /** What separates this piece from the previous one: a space, a break point inside a long word, or nothing. */
  before: 'space' | 'soft' | 'none';
}

export interface Line {
  /** The pieces set on this line, as they came (not copied: a document's lines live until it is painted). */
  pieces: Piece[];
  /** Offset of each piece from the line start before justification. */
  xs: number[];
  /** Spaces before each piece on the line: each widens by the justification amount. */
  spaces: number[];
  width: number;
  /** The line's measure; justification spreads `measure - width` over its spaces. */
  measure: number;
  justify: boolean;
  /** Footnote numbers called on this line. */
  notes: number[];
  /** What the line break replaces: a space (written at the line's end, for text extraction), a break inside a word, or nothing (last line). */
  end: 'space' | 'soft' | 'none';
}

export interface BaseStyle {
  face: Face;
  size: number;
  markerSize: number;
  markerRise: number;
}

const italicOf = (f: Face): Face => (f === 'bold' || f === 'boldItalic' ? 'boldItalic' : 'italic');
const boldOf = (f: Face): Face => (f === 'italic' || f === 'boldItalic' ? 'boldItalic' : 'bold');

/** Flattens inline nodes into pieces (words and word parts) with their styles. */
export function toPieces(nodes: readonly Inline[], base: BaseStyle, fonts: FontMetrics): Piece[] {
  const out: Piece[] = [];
  let pendingSpace = false;
  const push = (text: string, style: Style) => {
    // Split on spaces; each space becomes a break opportunity before the next piece.
    for (let at = 0; at <= text.length; ) {
      let end = at;
      while (end < text.length && !isBreakingSpace(text.charCodeAt(end))) end++;
      if (end > at) {
        const part = text.slice(at, end);
        const before = out.length === 0 ? 'none' : pendingSpace ? 'space' : 'none';
        out.push({ text: part, style, width: fonts.width(style.face, style.size, part), before });
        pendingSpace = false;
      }
      if (end < text.length) pendingSpace = true;
      at = end + 1;
    }
  };
  const walk = (list: readonly Inline[], face: Face, link: string | undefined) => {
    for (const n of list) {
      switch (n.type) {
        case 'text':
          push(n.value, styleOf(face, link));
          break;
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
          push(n.value, styleOf(face, n.url || link));
          break;
        case 'noteRef':
          push(String(n.number), { face: 'regular', size: base.markerSize, rise: base.markerRise, note: n.number, spaceSize: base.size });
          break;
      }
    }
  };
  const styleOf = (face: Face, link: string | undefined): Style => (link ? { face, size: base.size, rise: 0, link } : { face, size: base.size, rise: 0 });
  walk(nodes, base.face, undefined);
  return out;
}

/** The white space that separates words (a no-break space does not). */
const isBreakingSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Pieces of plain text in one style. */
export function plainPieces(text: string, face: Face, size: number, fonts: FontMetrics): Piece[] {
  return toPieces([{ type: 'text', value: text }], { face, size, markerSize: size, markerRise: 0 }, fonts);
}

/**
 * Greedy first-fit line breaking over styled pieces. Breaks at spaces; a word
 * wider than the measure (a long web address) breaks after "/" or, failing
 * that, anywhere. `measures[i]` is the width of line i (the last repeats).
 */
export function breakLines(input: Piece[], measures: number[], fonts: FontMetrics, justify: boolean): Line[] {
  const pieces = splitLongWords(input, Math.min(...measures), fonts);
  const lines: Line[] = [];
  // The line being filled: pieces[start] to pieces[next - 1], each at xs[k - start].
  let start = 0;
  let xs: number[] = [];
  let counts: number[] = [];
  let width = 0;
  let spaces = 0;
  const measureOf = (i: number) => measures[Math.min(i, measures.length - 1)]!;
  const finish = (next: number, last: boolean, end: Line['end']) => {
    const notes: number[] = [];
    for (let k = start; k < next; k++) if (pieces[k]!.style.note !== undefined) notes.push(pieces[k]!.style.note!);
    // A line of the whole block (the common case for labels, cells and short paragraphs) keeps the array itself.
    const own = start === 0 && next === pieces.length ? pieces : pieces.slice(start, next);
    lines.push({ pieces: own, xs, spaces: counts, width, measure: measureOf(lines.length), justify: justify && !last, notes, end });
    start = next;
    xs = [];
    counts = [];
    width = 0;
    spaces = 0;
  };
  // Group into unbreakable words: pieces i to j (excluded) joined by 'none'.
  for (let i = 0; i < pieces.length; ) {
    const first = pieces[i]!;
    let wordWidth = first.width;
    let j = i + 1;
    for (; j < pieces.length && pieces[j]!.before === 'none'; j++) wordWidth += pieces[j]!.width;
    const gap = i > start && first.before === 'space' ? spaceWidth(pieces[i - 1]!.style, fonts) : 0;
    if (i > start && width + gap + wordWidth > measureOf(lines.length) + 0.01) {
      finish(i, false, first.before === 'soft' ? 'soft' : 'space');
    }
    const g = i > start && first.before === 'space' ? gap : 0;
    if (g) spaces++;
    let x = width + g;
    for (let k = i; k < j; k++) {
      xs.push(x);
      counts.push(spaces);
      x += pieces[k]!.width;
    }
    width = x;
    i = j;
  }
  if (start < pieces.length || !lines.length) finish(pieces.length, true, 'none');
  return lines;
}

export function spaceWidth(style: Style, fonts: FontMetrics): number {
  return fonts.width(style.face, style.spaceSize ?? style.size, ' ');
}

/** Web addresses (not document symbols, which never break): a scheme, "www." or a domain before a slash. */
const WEB_ADDRESS = /(?:^|\()(?:https?:\/\/|www\.)|\.[a-z]{2,}\//i;

/** Whether a piece is to be split: wider than the measure, or a long web address (see splitLongWords). */
const splits = (p: Piece, measure: number) => p.width > measure || (p.width > measure / 4 && WEB_ADDRESS.test(p.text));

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
    const parts = p.text.split(/(?<=\/)/);
    // Between slashes, or anywhere in a part that is itself wider than the measure.
    const chunks = parts.length > 1 ? parts.flatMap((c) => (fonts.width(p.style.face, p.style.size, c) > measure ? [...c] : [c])) : [...p.text];
    if (address && p.width <= measure) {
      chunks.forEach((c, k) => out.push({ text: c, style: p.style, width: fonts.width(p.style.face, p.style.size, c), before: k === 0 ? p.before : 'soft' }));
      continue;
    }
    // Re-join small chunks greedily so that breaks happen only where needed.
    let acc = '';
    const flush = (first: boolean) => {
      if (!acc) return;
      out.push({ text: acc, style: p.style, width: fonts.width(p.style.face, p.style.size, acc), before: first ? p.before : 'soft' });
      acc = '';
    };
    let first = true;
    for (const c of chunks) {
      if (acc && fonts.width(p.style.face, p.style.size, acc + c) > measure) {
        flush(first);
        first = false;
      }
      acc += c;
    }
    flush(first);
  }
  return out;
}
