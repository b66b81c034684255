import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';
import type { FontMetrics } from './fonts.js';
import { makePiece, restyle, type Line, type Piece } from './pieces.js';

/**
 * Right-to-left text, after the Unicode bidirectional algorithm (UAX #9, through `bidi-js`):
 * the pieces of a paragraph get their embedding levels (bidiPieces), lines are broken in
 * logical order, and each line's pieces are then put in visual order (visualLine, rule L2),
 * so that a run of Arabic reads from the right while symbols (A/78/150), numbers and Latin
 * words inside it keep their left-to-right order. Glyphs within a piece are ordered by
 * the exporter's shaper; brackets are mirrored there too (`mirrored`).
 */

/** The algorithm's tables, built on first use (right-to-left documents only). */
let engine: Bidi | undefined;
const bidi = (): Bidi => (engine ??= (createRequire(import.meta.url)('bidi-js') as () => Bidi)());

/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms). */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const LTR_LETTER = /[\p{L}\p{M}]/u;

/**
 * The paragraph's direction by its first strong letter (rules P2 and P3): right to left
 * when it is Arabic or Hebrew, or when the text has no letter at all (numbers alone, in a
 * right-to-left document); left to right when it is any other letter ("Distr.: General").
 */
export function paragraphLevel(text: string): 0 | 1 {
  for (const c of text) {
    if (RTL_LETTER.test(c)) return 1;
    if (LTR_LETTER.test(c)) return 0;
  }
  return 1;
}

/**
 * A paragraph's pieces, each with its embedding level, split where the level changes; and the
 * paragraph's level: `base` when the paragraph's direction is known (the document's, for its
 * own paragraphs: an Arabic paragraph that opens with "UNODC" or a web address is still right
 * to left), else by its first strong letter (the masthead's English column).
 */
export function bidiPieces(input: Piece[], fonts: FontMetrics, base?: 0 | 1): { pieces: Piece[]; level: 0 | 1 } {
  let text = '';
  const starts: number[] = [];
  for (const [k, p] of input.entries()) {
    if (k > 0 && (p.before === 'space' || p.before === 'glue')) text += ' ';
    starts.push(text.length);
    text += p.text;
  }
  const level = base ?? paragraphLevel(text);
  const levels = embeddingLevels(text, level);
  const out: Piece[] = [];
  input.forEach((p, k) => {
    const at = starts[k]!;
    let from = 0;
    const part = (to: number) => {
      const lvl = levels[at + from]!;
      const style = p.style.level === lvl ? p.style : restyle(p.style, { level: lvl });
      const whole = from === 0 && to === p.text.length;
      const t = whole ? p.text : p.text.slice(from, to);
      out.push(makePiece(t, style, whole ? p.width : fonts.width(style.face, style.size, t, style.font), from === 0 ? p.before : 'none', p.whole));
      from = to;
    };
    for (let i = 1; i < p.text.length; i++) if (levels[at + i] !== levels[at + i - 1] && !isLowSurrogate(p.text.charCodeAt(i))) part(i);
    part(p.text.length);
  });
  return { pieces: out, level };
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The algorithm's levels of a paragraph's text, remembered: a paragraph is set more than
 * once (measured, then placed) and the documents of a batch share many (fixed words,
 * headings, the masthead); over half the calls in an Arabic batch were repeats. A pure
 * function of the text and direction; the memory is emptied when it reaches its bound.
 */
const levelsMemo = new Map<string, Uint8Array>();
const MAX_LEVELS = 2_000;

function embeddingLevels(text: string, level: 0 | 1): Uint8Array {
  const key = `${level}${text}`;
  let levels = levelsMemo.get(key);
  if (!levels) {
    if (levelsMemo.size >= MAX_LEVELS) levelsMemo.clear();
    levels = bidi().getEmbeddingLevels(text, level === 1 ? 'rtl' : 'ltr').levels;
    levelsMemo.set(key, levels);
  }
  return levels;
}

/**
 * A line (pieces in logical order, as broken) with its pieces in visual order, left to
 * right, each at its final offset (justification applied): rule L2 reverses every run at
 * or above each odd level. The spaces between pieces travel with them, at the lower level
 * of their two neighbours. The line keeps its words in logical order, without footnote
 * calls (`logical`): a heading's bookmark reads them.
 */
export function visualLine(line: Line, level: 0 | 1, _fonts: FontMetrics): Line {
  const ps = line.pieces;
  const n = ps.length;
  let reordered = false;
  for (let k = 0; k < n && !reordered; k++) reordered = ps[k]!.style.level % 2 === 1;
  if (!reordered && level === 0) return line;
  const at = (k: number) => line.xs[k]! + line.stretch * line.spaces[k]!;
  // Units: piece k is 2k, the gap before it 2k - 1; in scratch arrays (no object per unit).
  const count = n > 0 ? 2 * n - 1 : 0;
  if (unitPiece.length < count) grow(count);
  let logical = '';
  for (let k = 0; k < n; k++) {
    const p = ps[k]!;
    if (k > 0) {
      const u = 2 * k - 1;
      unitPiece[u] = -1;
      unitWidth[u] = at(k) - at(k - 1) - ps[k - 1]!.width;
      unitLevel[u] = Math.min(p.style.level, ps[k - 1]!.style.level);
      if (p.before === 'space' || p.before === 'glue') logical += ' ';
    }
    unitPiece[2 * k] = k;
    unitWidth[2 * k] = p.width;
    unitLevel[2 * k] = p.style.level;
    if (p.style.note === undefined) logical += p.text;
  }
  let highest = 0;
  let lowestOdd = Infinity;
  for (let u = 0; u < count; u++) {
    highest = Math.max(highest, unitLevel[u]!);
    if (unitLevel[u]! % 2 === 1) lowestOdd = Math.min(lowestOdd, unitLevel[u]!);
  }
  for (let lvl = highest; lvl >= lowestOdd; lvl--) {
    for (let i = 0; i < count; ) {
      if (unitLevel[i]! < lvl) {
        i++;
        continue;
      }
      let j = i;
      while (j < count && unitLevel[j]! >= lvl) j++;
      reverseUnits(i, j);
      i = j;
    }
  }
  const pieces: Piece[] = [];
  const xs: number[] = [];
  const visualOf = new Array<number>(n);
  let x = 0;
  for (let u = 0; u < count; u++) {
    const piece = unitPiece[u]!;
    if (piece >= 0) {
      visualOf[piece] = pieces.length;
      pieces.push(ps[piece]!);
      xs.push(x);
    }
    x += unitWidth[u]!;
  }
  // Written out, not spread from `line`: a spread that then adds properties made V8 build
  // each line's object the slow way (a tenth of an Arabic PDF's typesetting).
  return {
    pieces,
    xs,
    spaces: new Array<number>(n).fill(0),
    width: line.width,
    measure: line.measure,
    justify: line.justify,
    stretch: 0,
    notes: line.notes,
    end: line.end,
    direction: level === 1 ? 'rtl' : 'ltr',
    logical,
    extent: x,
    visualOf,
  };
}

/** visualLine's units (piece index or -1 for a gap, width, level), reused from line to line. */
let unitPiece = new Int32Array(64);
let unitWidth = new Float64Array(64);
let unitLevel = new Int32Array(64);

function grow(count: number): void {
  const size = Math.max(count, unitPiece.length * 2);
  unitPiece = new Int32Array(size);
  unitWidth = new Float64Array(size);
  unitLevel = new Int32Array(size);
}

function reverseUnits(from: number, to: number): void {
  for (let i = from, j = to - 1; i < j; i++, j--) {
    const p = unitPiece[i]!;
    unitPiece[i] = unitPiece[j]!;
    unitPiece[j] = p;
    const w = unitWidth[i]!;
    unitWidth[i] = unitWidth[j]!;
    unitWidth[j] = w;
    const l = unitLevel[i]!;
    unitLevel[i] = unitLevel[j]!;
    unitLevel[j] = l;
  }
}

/** The text a piece at `level` is drawn from: on a right-to-left level, brackets and other paired marks mirrored (rule L4). */
export function mirrored(text: string, level: number): string {
  if (level % 2 === 0) return text;
  let out = '';
  for (const c of text) out += bidi().getMirroredCharacter(c) ?? c;
  return out;
}
