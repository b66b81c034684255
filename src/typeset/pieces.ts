import type { Face } from './fonts.js';

/** Pieces of text and lines of them, as the line breakers make them and the exporters paint them. */

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
  /** The font family (from the font chain, by the text's script). */
  font: string;
  /** Bidirectional embedding level: 0 left to right (all text today), odd right to left. */
  level: number;
}

/**
 * A style with all its fields, in one order. V8 gives objects with the same fields in the
 * same order one hidden class; the line breakers and the painter read a piece's style in
 * their inner loops, and styles of half a dozen classes (made by literals with or without a
 * link or a note, and by spreads) made those reads megamorphic: a generic lookup each time.
 * Every style is made here or by `restyle`.
 */
export function makeStyle(s: Pick<Style, 'face' | 'size' | 'rise' | 'font' | 'level'> & Partial<Pick<Style, 'link' | 'note' | 'spaceSize'>>): Style {
  return { face: s.face, size: s.size, rise: s.rise, link: s.link, note: s.note, spaceSize: s.spaceSize, font: s.font, level: s.level };
}

/** `style` with some of its fields changed, in the one order (makeStyle). */
export function restyle(style: Style, change: Partial<Style>): Style {
  return makeStyle({ ...style, ...change });
}

/** A piece of text without spaces, in one style. */
export interface Piece {
  text: string;
  style: Style;
  width: number;
  /**
   * What separates this piece from the previous one: a space where a line may break, a
   * space where it may not ('glue': before a closing bracket, after an opening one), a
   * break opportunity without a space (inside a long word, between ideographs), or nothing.
   */
  before: 'space' | 'glue' | 'soft' | 'none';
  /** Never broken inside (a document symbol; the parts of a web address already broken after its slashes). */
  whole?: true;
}

/** A piece with all its fields, in one order, as makeStyle makes styles (and for the same reason). */
export function makePiece(text: string, style: Style, width: number, before: Piece['before'], whole?: true | undefined): Piece {
  return { text, style, width, before, whole };
}

/** `piece` with some of its fields changed, in the one order (makePiece). */
export function repiece(piece: Piece, change: Partial<Piece>): Piece {
  const p = { ...piece, ...change };
  return makePiece(p.text, p.style, p.width, p.before, p.whole);
}

export interface Line {
  /** The pieces set on this line, in an array of its own (exact length: a document's lines live until it is painted). */
  pieces: Piece[];
  /** Offset of each piece from the line start before justification. */
  xs: number[];
  /** Spaces before each piece on the line: each widens by the justification amount. */
  spaces: number[];
  width: number;
  /** The line's measure; justification spreads `measure - width` over its spaces. */
  measure: number;
  justify: boolean;
  /**
   * What justification adds to each space of the line (0 when not justified; below 0 where
   * spaces shrink): piece k stands at `x + xs[k] + stretch * spaces[k]` from the line's start.
   */
  stretch: number;
  /** Footnote numbers called on this line. */
  notes: number[];
  /**
   * What the line break replaces: a space (written at the line's end, for text extraction),
   * a break inside a word, a break inside a word that adds a hyphen (drawn after the last
   * piece, in the width; text extraction reads it as a soft hyphen), or nothing (last line).
   */
  end: 'space' | 'soft' | 'hyphen' | 'none';
  /**
   * A line of a right-to-left document (bidi.ts): its paragraph's direction, the pieces in
   * visual order at their final offsets (`xs`, no stretch), the text in logical order
   * (without footnote calls, for bookmarks), and how far the pieces reach from the line's start.
   */
  direction?: 'ltr' | 'rtl';
  logical?: string;
  extent?: number;
  /** Where each piece, in logical order, stands in `pieces`. */
  visualOf?: number[];
}
