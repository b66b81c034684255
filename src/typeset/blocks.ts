import type { Inline } from '../model.js';
import type { FontMetrics } from './fonts.js';
import type { Hyphenator } from './hyphenation.js';
import { breakLines, toPieces, type BaseStyle, type Line, type Piece } from './line-breaker.js';
import type { Mark, Target } from './pages.js';
import type { Unit } from './paginate.js';

/** Baseline offset of a line of `size` type in a `leading` line box: the glyphs centred in the box. */
export const baselineIn = (fonts: FontMetrics, size: number, leading: number) => (leading - size) / 2 + fonts.ascent(size) * 0.94;

export interface TextBlock {
  pieces: Piece[];
  x: number;
  width: number;
  size: number;
  leading: number;
  target: Target;
  before: number;
  justify: boolean;
  /** Where words of justified text may take a hyphen (the document's language); none: never. */
  hyphenator?: Hyphenator;
  /** Keep every line with what follows (headings). */
  keepAll?: boolean;
  /** A hanging label drawn on the first line (list numbers, heading numbers). */
  label?: { pieces: Piece[]; x: number; target: Target };
  /** How far the first line starts to the right of `x` (after a paragraph number); the others start at `x`. */
  firstIndent?: number;
}

/**
 * Breaks a block into one unit per line. Widow and orphan control: no break
 * after the first line or before the last one.
 */
export function textUnits(b: TextBlock, fonts: FontMetrics): Unit[] {
  const indent = b.firstIndent ?? 0;
  const lines = breakLines(b.pieces, indent ? [b.width - indent, b.width] : [b.width], fonts, b.justify, b.hyphenator);
  const label = b.label ? breakLines(b.label.pieces, [1e6], fonts, false)[0] : undefined;
  const base = baselineIn(fonts, b.size, b.leading);
  return lines.map((line, k) => {
    // Array literals: an array filled by push keeps room for 17 marks.
    const mark: Mark = { kind: 'line', line, x: k === 0 ? b.x + indent : b.x, y: base, target: b.target };
    const marks: Mark[] = k === 0 && label && b.label ? [{ kind: 'line', line: label, x: b.label.x, y: base, target: b.label.target }, mark] : [mark];
    return {
      height: b.leading,
      before: k === 0 ? b.before : 0,
      // No page break after the first or the next-to-last line (no orphan, no widow), nor after a
      // hyphenated line: a word is not divided across two pages.
      keep: b.keepAll === true || (lines.length > 1 && (k === 0 || k === lines.length - 2)) || line.end === 'hyphen',
      notes: line.notes,
      marks,
    };
  });
}

/** Lines of inline content in a cell or column, for blocks laid out as one piece. */
export function linesOf(nodes: readonly Inline[], base: BaseStyle, width: number, fonts: FontMetrics, justify = false): Line[] {
  return breakLines(toPieces(nodes, base, fonts), [width], fonts, justify);
}
