import type { Line, Style } from './line-breaker.js';

/**
 * Pages as data: what the typesetter hands to an exporter. No drawing callbacks and no
 * PDF objects: positions in points from the page's top-left corner, text as lines of
 * styled pieces (each piece a glyph run of one font, size and bidi level), rules, bars,
 * links (on the pieces' styles), and the structure tree each run belongs to.
 */

/** An element of the document's logical structure (tagged PDF: Document > P, H1-H5, L/LI/Lbl/LBody, Table/TR/TH/TD, Note). */
export interface StructNode {
  readonly type: string;
  /** Undefined for the root (Document). */
  readonly parent: StructNode | undefined;
  /** Header cells: the cells they head. */
  readonly scope?: 'Column';
  /** Its place in the order the elements were made (parents before children, siblings in reading order). */
  readonly index: number;
  /** False for a heading that the document's outline (bookmarks) leaves out: the "Documentation" subheadings. */
  readonly bookmark?: false;
}

/** Where a mark belongs in the structure: an element, or nowhere (an artifact: rules, running heads, repeated headers). */
export type Target = StructNode | 'artifact';

/** A line of text with its baseline at `y`, starting at `x` (justified if the line says so). */
export interface LineMark {
  kind: 'line';
  line: Line;
  x: number;
  y: number;
  target: Target;
}

/** One run of text in one style (a footnote's number before its text). */
export interface RunMark {
  kind: 'run';
  text: string;
  style: Style;
  x: number;
  y: number;
  target: Target;
}

/** A horizontal rule, always an artifact. */
export interface RuleMark {
  kind: 'rule';
  x1: number;
  x2: number;
  y: number;
  width: number;
}

/** Filled bars (a barcode): each [start, width] in modules from `x`, `height` tall from `y` down. An artifact. */
export interface BarsMark {
  kind: 'bars';
  x: number;
  y: number;
  module: number;
  height: number;
  bars: readonly (readonly [number, number])[];
}

/**
 * A filled shape (the QR code, the recycling symbol): `path` in SVG path syntax (M, L, C, H, V,
 * Z and their relative forms), in its own units, drawn `scale` points per unit from (`x`, `y`)
 * downwards, filled by the non-zero rule. An artifact.
 */
export interface PathMark {
  kind: 'path';
  x: number;
  y: number;
  scale: number;
  path: string;
}

/**
 * A picture in a box (the emblem): the file's content as the definition named it, drawn
 * to fit `width` × `height` points from (`x`, `y`) downwards, keeping its proportions. An artifact.
 */
export interface ImageMark {
  kind: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  format: 'svg' | 'png';
  data: Uint8Array;
}

export type Mark = LineMark | RunMark | RuleMark | BarsMark | PathMark | ImageMark;

/** The tree as it is built: elements in the order they are made, each added to its parent. */
export class Structure {
  readonly nodes: StructNode[] = [];
  readonly root: StructNode = this.add(undefined, 'Document');

  add(parent: StructNode | undefined, type: string, scope?: 'Column', bookmark?: false): StructNode {
    const node: StructNode = scope ? { type, parent, scope, index: this.nodes.length } : bookmark === false ? { type, parent, index: this.nodes.length, bookmark } : { type, parent, index: this.nodes.length };
    this.nodes.push(node);
    return node;
  }
}
