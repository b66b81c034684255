import { insideBreaks } from './break-opportunities.js';
import type { FontMetrics } from './fonts.js';
import type { Hyphenator } from './hyphenation.js';
import { makePiece, type Line, type Piece, type Style } from './pieces.js';

/**
 * Justified paragraphs broken by total fit (Knuth and Plass, "Breaking paragraphs into
 * lines", 1981): of all the ways to break a paragraph, the one whose lines together have
 * the fewest demerits, a line's demerits growing with the cube of how far its spaces
 * stretch or shrink, with the penalty of a break inside a word, and with a hyphen on the
 * line before or a change from a tight line to a loose one.
 *
 * Word spaces stretch to at most MAX_SPACE times their width and shrink to MIN_SPACE. As
 * TeX does, a first pass tries without hyphenation, within a stricter limit; a second
 * allows hyphens (never on more than MAX_HYPHENS lines in a row). When neither finds a
 * way (a document symbol, never broken, after a short line), a last pass finds the way
 * whose lines go least past the limit, and those lines are set with spaces at the limit,
 * short of the measure. When even that fails (a word wider than the measure) the caller
 * breaks first-fit.
 *
 * The last line is set at its natural width; the others are justified.
 */

/** The widest a word space may become on a justified line, in normal spaces. */
export const MAX_SPACE = 1.8;
/** The narrowest: spaces shrink a little, as they may in hand-set text. */
export const MIN_SPACE = 0.8;
/** The first pass (no hyphenation) accepts spaces up to this wide. */
const FIRST_PASS_SPACE = 1.5;
/** Hyphenated lines in a row, at most. */
export const MAX_HYPHENS = 2;

/** What a space may stretch by at badness 100, in normal spaces; and shrink by. */
const STRETCH = 0.5;
const SHRINK = 1 - MIN_SPACE;

/** Demerits and penalties, TeX's plain values. */
const LINE_PENALTY = 10;
const HYPHEN_PENALTY = 50;
const DOUBLE_HYPHEN_DEMERITS = 10_000;
const FINAL_HYPHEN_DEMERITS = 5_000;
const ADJACENT_DEMERITS = 10_000;

/** How a break ends its line. */
const enum Kind {
  /** At a breaking space (it disappears). */
  Space,
  /** Between two pieces without a space (a web address after its slash, ideographs). */
  Soft,
  /** Inside a piece, where UAX #14 allows (after a hyphen, a dash, a slash). */
  Inside,
  /** Inside a word, with a hyphen added. */
  Hyphen,
  /** The end of the paragraph. */
  End,
}

/**
 * The break candidates of a paragraph in text order, as parallel arrays: a paragraph has one
 * for every word, and an object for each was a sixth of what a document's line breaking
 * allocated. One list serves every paragraph (totalFit never runs inside itself).
 */
class Breaks {
  count = 0;
  /** The piece the next line starts with (or inside of); pieces.length for the end. */
  piece = new Int32Array(256);
  /** 0: before the piece; else the offset in its text. */
  offset = new Int32Array(256);
  kind = new Uint8Array(256);
  /** The line ends with a hyphen (added, or the word's own). */
  flagged = new Uint8Array(256);
  /** Width of the piece's text before the offset, the added hyphen included (NaN until needed). */
  head = new Float64Array(256);
  /** Width of the piece's text from the offset (NaN until needed). */
  tail = new Float64Array(256);

  add(piece: number, offset: number, kind: Kind, flagged: boolean): void {
    if (this.count === this.piece.length) this.grow();
    const i = this.count++;
    this.piece[i] = piece;
    this.offset[i] = offset;
    this.kind[i] = kind;
    this.flagged[i] = flagged ? 1 : 0;
    this.head[i] = NaN;
    this.tail[i] = NaN;
  }

  /** The penalty of breaking there: inside a word, with a hyphen or after one. */
  penalty(i: number): number {
    const kind = this.kind[i];
    return kind === Kind.Inside || kind === Kind.Hyphen ? HYPHEN_PENALTY : 0;
  }

  private grow(): void {
    const size = this.piece.length * 2;
    const more = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.piece = more(this.piece, Int32Array);
    this.offset = more(this.offset, Int32Array);
    this.kind = more(this.kind, Uint8Array);
    this.flagged = more(this.flagged, Uint8Array);
    this.head = more(this.head, Float64Array);
    this.tail = more(this.tail, Float64Array);
  }
}

const breakList = new Breaks();

interface Node {
  at: number;
  /** Lines set before this break. */
  line: number;
  fitness: number;
  /** Lines ending with a hyphen in a row, up to this break. */
  hyphens: number;
  total: number;
  previous: Node | undefined;
}

/**
 * What measureLine found: a line's natural width and its spaces. In a typed array, not in
 * variables of totalFit that its functions share: V8 boxes each number stored in a shared
 * variable (a new heap number every time a width is not a small integer), 48 MB over 240
 * documents.
 */
const measured = new Float64Array(2);
const WIDTH = 0;
const SPACES = 1;

/** run's best new node at a break for each fitness class (4) and run of hyphens, emptied after each break. */
const best: (Node | undefined)[] = new Array<Node | undefined>(4 * (MAX_HYPHENS + 1)).fill(undefined);

/** The lines of a justified paragraph, or undefined when total fit finds no way (the caller breaks first-fit). */
export function totalFit(pieces: Piece[], measures: readonly number[], fonts: FontMetrics, hyphenator: Hyphenator | undefined, spaceWidth: (s: Style) => number): Line[] | undefined {
  const n = pieces.length;
  if (n === 0) return undefined;
  // The hyphen's width in the last style asked for (a paragraph has one or two).
  let hyphenStyle: Style | undefined;
  let hyphenSize = 0;
  // Per piece: the space before it (none at a soft break or inside a word), and prefix sums
  // of widths and of spaces, so that a line's natural width is a difference of two sums.
  const gap = new Float64Array(n);
  const sum = new Float64Array(n + 1);
  const spaces = new Int32Array(n + 1);
  let unit = Infinity;
  for (let k = 0; k < n; k++) {
    const p = pieces[k]!;
    if (k > 0 && (p.before === 'space' || p.before === 'glue')) {
      gap[k] = spaceWidth(pieces[k - 1]!.style);
      unit = Math.min(unit, gap[k]!);
    }
    sum[k + 1] = sum[k]! + gap[k]! + p.width;
    spaces[k + 1] = spaces[k]! + (gap[k]! > 0 ? 1 : 0);
  }
  // The narrowest space sets the limits: no space of a line grows past them.
  if (unit === Infinity) unit = spaceWidth(pieces[0]!.style);

  // A paragraph that fits on one line (most list items and notes) has nothing to choose.
  const breaks = breakList;
  if (sum[n]! <= measures[0]! + 0.01) {
    breaks.count = 0;
    breaks.add(0, 0, Kind.Space, false);
    breaks.add(n, 0, Kind.End, false);
    return [lineOf(0, 1, measures[0]!)];
  }
  const inside = insideOpportunities(pieces);
  candidates(breaks, pieces, inside, undefined);
  const first = run(FIRST_PASS_SPACE, false);
  if (first) return build(first);
  if (hyphenator) candidates(breaks, pieces, inside, hyphenator);
  const second = run(MAX_SPACE, false);
  if (second) return build(second);
  const last = run(Infinity, true);
  return last ? build(last) : undefined;

  /** Width of part of a piece's text. */
  function widthOf(p: Piece, from: number, to: number): number {
    return from === 0 && to === p.text.length ? p.width : fonts.width(p.style.face, p.style.size, p.text.slice(from, to), p.style.font);
  }
  function hyphenWidth(style: Style): number {
    if (style !== hyphenStyle) {
      hyphenSize = fonts.width(style.face, style.size, '-', style.font);
      hyphenStyle = style;
    }
    return hyphenSize;
  }
  /**
   * Width of part of a word as the search for breaks uses it: its characters' advances
   * added up (kerning inside a part of a plain word is rare and small). Measuring each part
   * tried as a text of its own made most of the time and garbage of breaking; the lines
   * chosen are measured exactly (lineOf), their spaces never past the limit.
   */
  function partWidth(p: Piece, from: number, to: number): number {
    let w = 0;
    for (let i = from; i < to; ) {
      const wide = p.text.charCodeAt(i) >= 0xd800 && p.text.charCodeAt(i) < 0xdc00 && i + 1 < to;
      w += fonts.width(p.style.face, p.style.size, wide ? p.text.slice(i, i + 2) : p.text[i]!, p.style.font);
      i += wide ? 2 : 1;
    }
    return w;
  }
  function head(b: number): number {
    if (Number.isNaN(breaks.head[b])) {
      const p = pieces[breaks.piece[b]!]!;
      breaks.head[b] = partWidth(p, 0, breaks.offset[b]!) + (breaks.kind[b] === Kind.Hyphen ? hyphenWidth(p.style) : 0);
    }
    return breaks.head[b]!;
  }
  function tail(b: number): number {
    if (Number.isNaN(breaks.tail[b])) {
      const p = pieces[breaks.piece[b]!]!;
      breaks.tail[b] = partWidth(p, breaks.offset[b]!, p.text.length);
    }
    return breaks.tail[b]!;
  }

  /** Natural width and spaces of the line from break a to break b, in `measured` (no array made for each of the many lines tried). */
  function measureLine(a: number, b: number): void {
    const ka = breaks.piece[a]!;
    const kb = breaks.piece[b]!;
    if (ka === kb) {
      // A part of one word between two breaks inside it (a long word in a narrow measure).
      const p = pieces[ka]!;
      measured[WIDTH] = widthOf(p, breaks.offset[a]!, breaks.offset[b]!) + (breaks.kind[b] === Kind.Hyphen ? hyphenWidth(p.style) : 0);
      measured[SPACES] = 0;
      return;
    }
    let width = (breaks.offset[a]! > 0 ? tail(a) : pieces[ka]!.width) + sum[kb]! - sum[ka + 1]!;
    let count = spaces[kb]! - spaces[ka + 1]!;
    if (breaks.offset[b]! > 0) {
      width += gap[kb]! + head(b);
      if (gap[kb]! > 0) count++;
    }
    measured[WIDTH] = width;
    measured[SPACES] = count;
  }

  /**
   * The best way to break with spaces up to `widest` normal spaces, as the chain of its
   * breaks from the last; undefined when none. `last`: the emergency pass (any stretch).
   */
  function run(widest: number, emergency: boolean): Node | undefined {
    const active: Node[] = [{ at: 0, line: 0, fitness: 1, hyphens: 0, total: 0, previous: undefined }];
    best.fill(undefined);
    for (let i = 1; i < breaks.count; i++) {
      const bPiece = breaks.piece[i]!;
      const bOffset = breaks.offset[i]!;
      const bFlagged = breaks.flagged[i] === 1;
      const bPenalty = breaks.penalty(i);
      // The best new node at b for each fitness class and run of hyphens (in `best`, emptied after).
      let found = false;
      let kept = 0;
      for (let j = 0; j < active.length; j++) {
        const a = active[j]!;
        const from = a.at;
        const fromPiece = breaks.piece[from]!;
        const fromOffset = breaks.offset[from]!;
        if (fromPiece > bPiece || (fromPiece === bPiece && fromOffset >= bOffset)) {
          active[kept++] = a;
          continue;
        }
        const measure = measures[Math.min(a.line, measures.length - 1)]!;
        // Before measuring the head of a word for a line that ends inside it: whether the whole
        // word would leave the line too loose, or the line is too long even without the head.
        if (bOffset > 0 && bPiece > fromPiece) {
          const before = (fromOffset > 0 ? tail(from) : pieces[fromPiece]!.width) + sum[bPiece]! - sum[fromPiece + 1]! + gap[bPiece]!;
          const count = spaces[bPiece + 1]! - spaces[fromPiece + 1]!;
          const room = measure - before - pieces[bPiece]!.width - hyphenWidth(pieces[bPiece]!.style);
          if ((!emergency && (count > 0 ? room > count * (widest - 1) * unit : room > 0.01)) || before > measure + count * SHRINK * unit + 0.01) {
            active[kept++] = a;
            continue;
          }
        }
        measureLine(from, i);
        const width = measured[WIDTH]!;
        const count = measured[SPACES]!;
        const end = breaks.kind[i] === Kind.End;
        let ratio: number;
        if (width > measure + (end ? 0 : count * SHRINK * unit) + 0.01) {
          // Too long, and longer still at any later break: a is done (unless the line ends inside a word, which may be narrower).
          if (bOffset === 0) continue;
          active[kept++] = a;
          continue;
        }
        active[kept++] = a;
        if (end) ratio = 0;
        else if (count === 0) {
          // Nothing to stretch: as bad as a line whose one space took up the room left.
          if (measure - width > 0.01 && !emergency) continue;
          ratio = measure - width > 0.01 ? (measure - width) / (STRETCH * unit) : 0;
        } else {
          const per = (measure - width) / count;
          if (per > (widest - 1) * unit + 1e-9) continue;
          ratio = per >= 0 ? per / (STRETCH * unit) : per / (SHRINK * unit);
        }
        if (bFlagged && a.hyphens >= MAX_HYPHENS) continue;
        // Uncapped: past the limit (the last pass) it keeps growing, so that the excess is kept small and spread.
        const badness = 100 * Math.abs(ratio) ** 3;
        const fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
        let demerits = (LINE_PENALTY + badness) ** 2 + (bPenalty > 0 ? bPenalty ** 2 : 0);
        if (bFlagged && a.hyphens > 0) demerits += DOUBLE_HYPHEN_DEMERITS;
        if (end && a.hyphens > 0) demerits += FINAL_HYPHEN_DEMERITS;
        if (Math.abs(fitness - a.fitness) > 1) demerits += ADJACENT_DEMERITS;
        const total = a.total + demerits;
        const hyphens = bFlagged ? a.hyphens + 1 : 0;
        const slot = fitness * (MAX_HYPHENS + 1) + hyphens;
        const old = best[slot];
        if (!old || total < old.total) best[slot] = { at: i, line: a.line + 1, fitness, hyphens, total, previous: a };
        found = true;
      }
      active.length = kept;
      if (found) {
        for (let k = 0; k < best.length; k++) {
          const node = best[k];
          if (node) {
            active.push(node);
            best[k] = undefined;
          }
        }
      }
      if (active.length === 0) return undefined;
    }
    let result: Node | undefined;
    for (const node of active) if (node.at === breaks.count - 1 && (!result || node.total < result.total)) result = node;
    return result;
  }

  /** The lines of the chain of breaks that ends at `last`. */
  function build(last: Node): Line[] {
    const chain: number[] = [];
    for (let node: Node | undefined = last; node; node = node.previous) chain.push(node.at);
    chain.reverse();
    const lines: Line[] = [];
    for (let l = 1; l < chain.length; l++) lines.push(lineOf(chain[l - 1]!, chain[l]!, measures[Math.min(l - 1, measures.length - 1)]!));
    return lines;
  }

  /** The line from break ia to break ib. */
  function lineOf(ia: number, ib: number, measure: number): Line {
    const a = { piece: breaks.piece[ia]!, offset: breaks.offset[ia]! };
    const b = { piece: breaks.piece[ib]!, offset: breaks.offset[ib]!, kind: breaks.kind[ib]! as Kind };
    const own: Piece[] = [];
    const xs: number[] = [];
    const counts: number[] = [];
    const notes: number[] = [];
    let x = 0;
    let count = 0;
    const stop = b.offset > 0 ? b.piece : b.piece - 1;
    for (let k = a.piece; k <= stop; k++) {
      let p = pieces[k]!;
      const from = k === a.piece ? a.offset : 0;
      const to = k === b.piece ? b.offset : p.text.length;
      if (from > 0 || to < p.text.length) {
        const text = p.text.slice(from, to);
        p = makePiece(text, p.style, widthOf(p, from, to), from > 0 ? 'soft' : p.before, p.whole);
      }
      if (k > a.piece && gap[k]! > 0) {
        x += gap[k]!;
        count++;
      }
      own.push(p);
      xs.push(x);
      counts.push(count);
      x += p.width;
      if (p.style.note !== undefined) notes.push(p.style.note);
    }
    const end = b.kind === Kind.End;
    const width = b.kind === Kind.Hyphen ? x + hyphenWidth(own[own.length - 1]!.style) : x;
    const justify = !end;
    return {
      pieces: own,
      xs,
      spaces: counts,
      width,
      measure,
      justify,
      // Spaces stretch to MAX_SPACE at most: where no way of breaking keeps within it (a long
      // document symbol after a short line), the line falls short of the measure instead.
      stretch: justify && count > 0 ? Math.min((measure - width) / count, (MAX_SPACE - 1) * unit) : 0,
      notes,
      end: end ? 'none' : b.kind === Kind.Space ? 'space' : b.kind === Kind.Hyphen ? 'hyphen' : 'soft',
    };
  }
}


/** Breaks inside each piece that UAX #14 allows (after a hyphen, a dash, a slash), by piece; undefined for most, which have none. */
function insideOpportunities(pieces: Piece[]): (readonly number[] | undefined)[] {
  const out: (readonly number[] | undefined)[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k]!;
    // Letters, digits and plain punctuation never allow a break between them: no need to ask.
    if (p.whole || p.text.length < 2 || !MAY_BREAK_INSIDE.test(p.text)) continue;
    const at = insideBreaks(p.text);
    if (at.length) out[k] = at;
  }
  return out;
}
const MAY_BREAK_INSIDE = /[^A-Za-z0-9.,;:'"’‘“”]/;

/** Fills `out` with the break candidates of a paragraph in text order: its start, spaces, soft breaks, breaks inside words, hyphens (with a hyphenator) and its end. */
function candidates(out: Breaks, pieces: Piece[], inside: (readonly number[] | undefined)[], hyphenator: Hyphenator | undefined): void {
  out.count = 0;
  out.add(0, 0, Kind.Space, false);
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k]!;
    if (k > 0 && (p.before === 'space' || p.before === 'soft')) out.add(k, 0, p.before === 'space' ? Kind.Space : Kind.Soft, false);
    const at = inside[k];
    if (at) {
      for (let m = 0; m < at.length; m++) {
        const c = p.text.charCodeAt(at[m]! - 1);
        out.add(k, at[m]!, Kind.Inside, c === 0x2d || c === 0x2010);
      }
    } else if (hyphenator && hyphenates(pieces, k)) {
      const points = hyphenator.points(p.text);
      for (let m = 0; m < points.length; m++) out.add(k, points[m]!, Kind.Hyphen, true);
    }
  }
  out.add(pieces.length, 0, Kind.End, false);
}

/**
 * Whether piece k may take a hyphen: not a document symbol or a part of a web address, not
 * a link or a footnote call, and a whole word: not joined to letters or digits of another
 * piece (a word set partly in italics is left whole).
 */
function hyphenates(pieces: Piece[], k: number): boolean {
  const p = pieces[k]!;
  if (p.whole || p.style.link !== undefined || p.style.note !== undefined) return false;
  if (p.before === 'none' && k > 0) {
    const previous = pieces[k - 1]!.text;
    if (wordChar(previous.charCodeAt(previous.length - 1))) return false;
  }
  const next = pieces[k + 1];
  if (next && next.before === 'none' && next.style.note === undefined && wordChar(next.text.charCodeAt(0))) return false;
  return true;
}

/** A letter or digit (any character past ASCII counts: a word of another script goes on). */
const wordChar = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c > 0x7f && c !== 0xa0 && (c < 0x2000 || c > 0x206f));
