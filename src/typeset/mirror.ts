import type { FontMetrics } from './fonts.js';
import { PAGE } from './geometry.js';
import type { Line } from './pieces.js';
import type { Mark } from './pages.js';
import type { Placed } from './paginate.js';

/**
 * The page of a right-to-left document is the left-to-right page mirrored: the masthead's
 * columns, hanging numbers and labels, indents, running heads and the annex table's
 * columns change sides. Each mark keeps its size and content and moves to the other side
 * of the page's vertical axis. A right-to-left line's text ends where the left-to-right
 * one would start (so it is set flush right); a left-to-right line in such a document
 * (the English column of the masthead) keeps its box and starts at the box's left edge.
 * Pictures are moved, not flipped.
 */
export function mirrorMark(m: Mark, fonts: FontMetrics): Mark {
  const W = PAGE.width;
  switch (m.kind) {
    case 'line': {
      const reach = extentOf(m.line);
      const box = m.line.direction === 'rtl' || m.line.measure >= W ? reach : m.line.measure;
      return { ...m, x: W - m.x - box };
    }
    case 'run':
      return { ...m, x: W - m.x - fonts.width(m.style.face, m.style.size, m.text, m.style.font) };
    case 'rule':
      return { ...m, x1: W - m.x2, x2: W - m.x1 };
    case 'bars': {
      let end = 0;
      for (const [at, w] of m.bars) end = Math.max(end, at + w);
      return { ...m, x: W - m.x - end * m.module };
    }
    case 'image':
      return { ...m, x: W - m.x - m.width };
    case 'path':
      // Drawn shapes (the QR code, the recycling mark) stand in the first page's footer, which is not mirrored.
      return m;
  }
}

/** How far a line's pieces reach from its start. */
function extentOf(line: Line): number {
  if (line.extent !== undefined) return line.extent;
  const n = line.pieces.length;
  if (!n) return 0;
  return line.xs[n - 1]! + line.stretch * line.spaces[n - 1]! + line.pieces[n - 1]!.width;
}

/** Placed units with their marks mirrored; a unit placed more than once (a repeated header) is mirrored once. */
export function mirrorPlaced(list: Placed[], fonts: FontMetrics, done: Map<Mark, Mark>): Placed[] {
  return list.map((p) => ({
    ...p,
    unit: {
      ...p.unit,
      marks: p.unit.marks.map((m) => {
        let out = done.get(m);
        if (!out) done.set(m, (out = mirrorMark(m, fonts)));
        return out;
      }),
    },
  }));
}
