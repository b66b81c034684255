import type PDFDocument from 'pdfkit';
import type { PDFStructureElement, StructOptions } from 'pdfkit';
import type { Face, FontSet } from './fonts.js';
import { spaceWidth, type Line, type PlacedPiece, type Style } from './line-breaker.js';

const FAMILY: Record<Face, string> = { regular: 'Tinos', bold: 'Tinos-Bold', italic: 'Tinos-Italic', boldItalic: 'Tinos-BoldItalic' };

/** Where drawn text goes in the structure tree: an element, or nowhere (an artifact). */
export type Target = PDFStructureElement | 'artifact';

/** Draws positioned text and rules into pdfkit, marking every mark as tagged content or artifact. */
export class Painter {
  constructor(
    readonly doc: PDFDocument,
    readonly fonts: FontSet,
    /** The element type of each target, for the marked-content tag. */
    private readonly types: WeakMap<PDFStructureElement, string>,
  ) {}

  /** Runs `draw` inside marked content that belongs to `target`. */
  mark(target: Target, draw: () => void): void {
    if (target === 'artifact') {
      this.doc.markContent('Artifact', { type: 'Pagination' });
      draw();
      this.doc.endMarkedContent();
      return;
    }
    const content = this.doc.markStructureContent(this.types.get(target) ?? 'Span');
    draw();
    this.doc.endMarkedContent();
    target.add(content);
  }

  struct(parent: PDFStructureElement, type: string, options?: StructOptions): PDFStructureElement {
    const el = this.doc.struct(type, options);
    this.types.set(el, type);
    parent.add(el);
    return el;
  }

  /** Draws one line of pieces with its baseline at `baseline`, justified if the line says so. */
  line(line: Line, x: number, baseline: number, target: Target): void {
    const spaces = line.pieces.length ? line.pieces[line.pieces.length - 1]!.spaces : 0;
    const stretch = line.justify && spaces ? Math.max(0, (line.measure - line.width) / spaces) : 0;
    // A line that would gape (few spaces, much room) is set ragged rather than justified.
    const extra = stretch > MAX_STRETCH ? 0 : stretch;
    // Group pieces of one style that follow each other with only spaces between: one text call each.
    let i = 0;
    const ps = line.pieces;
    while (i < ps.length) {
      let j = i + 1;
      while (j < ps.length && sameStyle(ps[j]!.style, ps[i]!.style) && ps[j]!.before !== 'soft' && (ps[j]!.before === 'space' || false)) j++;
      const group = ps.slice(i, j);
      const start = x + group[0]!.x + extra * group[0]!.spaces;
      const last = group[group.length - 1]!;
      const end = x + last.x + last.width + extra * last.spaces;
      this.segment(group, start, end, baseline, extra, target);
      i = j;
    }
  }

  private segment(group: PlacedPiece[], x: number, end: number, baseline: number, extra: number, target: Target): void {
    const style = group[0]!.style;
    const text = group.map((p) => p.text).join(' ');
    const draw = () => this.text(text, style, x, baseline, group.length > 1 ? extra : 0);
    if (style.link && target !== 'artifact') {
      const link = this.struct(target, 'Link');
      this.mark(link, draw);
      this.doc.link(x, baseline - style.size * 0.8, end - x, style.size * 1.05, style.link, { structParent: link });
    } else {
      this.mark(target, draw);
    }
  }

  /** Sets `text` (words separated by single spaces) in `style` at baseline `y`. */
  text(text: string, style: Style, x: number, y: number, wordSpacing = 0): void {
    this.doc.font(this.fonts.faces[style.face], FAMILY[style.face]).fontSize(style.size);
    // Shaping words is most of pdfkit's work; its per-document word cache is shared
    // across documents (the shaped runs depend on the font alone, not the document).
    this.doc._font.layoutCache = this.fonts.layoutCache(style.face);
    // pdfkit positions words itself (with kerning inside words) only when word spacing is set;
    // a tiny value keeps that path, so drawn widths always match our measurements.
    this.doc.text(text, x, y - style.rise, { lineBreak: false, baseline: 'alphabetic', wordSpacing: wordSpacing || 1e-9 });
  }

  rule(x1: number, x2: number, y: number, width: number): void {
    this.doc.lineWidth(width).moveTo(x1, y).lineTo(x2, y).stroke();
  }

  spaceWidth(style: Style): number {
    return spaceWidth(style, this.fonts);
  }
}

/** Widest extra space (points) justification may add between words. */
const MAX_STRETCH = 6;

const sameStyle = (a: Style, b: Style) => a.face === b.face && a.size === b.size && a.rise === b.rise && a.link === b.link && a.note === b.note;
