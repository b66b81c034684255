import type PDFDocument from 'pdfkit';
import type { PDFStructureElement, StructOptions } from 'pdfkit';
import type { Face, FontSet } from './fonts.js';
import { spaceWidth, type Line, type Style } from './line-breaker.js';

/**
 * pdfkit's cache keys for the faces: the PostScript names, which pdfkit also files
 * each font under. Any other key makes pdfkit open (and compare) the font again
 * on every selection.
 */
const FAMILY: Record<Face, string> = { regular: 'Tinos-Regular', bold: 'Tinos-Bold', italic: 'Tinos-Italic', boldItalic: 'Tinos-BoldItalic' };

/** Where drawn text goes in the structure tree: an element, or nowhere (an artifact). */
export type Target = PDFStructureElement | 'artifact';

/** Draws positioned text and rules into pdfkit, marking every mark as tagged content or artifact. */
export class Painter {
  /** The face last selected in pdfkit. */
  private face: Face | undefined;

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
    // One marked-content sequence per run of pieces in one style (one Link element per linked run);
    // inside it each word is set at its own position, followed by its space: real space
    // characters keep the text readable to assistive technology and text extraction.
    const ps = line.pieces;
    let i = 0;
    while (i < ps.length) {
      let j = i + 1;
      while (j < ps.length && sameStyle(ps[j]!.style, ps[i]!.style)) j++;
      const draw = () => {
        for (let k = i; k < j; k++) {
          const piece = ps[k]!;
          const space = k + 1 < ps.length ? ps[k + 1]!.before === 'space' : line.end === 'space';
          const spaced = space ? `${piece.text} ` : piece.text;
          this.text(spaced, piece.style, x + piece.x + extra * piece.spaces, baseline);
        }
      };
      const style = ps[i]!.style;
      if (style.link && target !== 'artifact') {
        const first = ps[i]!;
        const last = ps[j - 1]!;
        const start = x + first.x + extra * first.spaces;
        const end = x + last.x + last.width + extra * last.spaces;
        const link = this.struct(target, 'Link');
        this.mark(link, draw);
        this.doc.link(start, baseline - style.size * 0.8, end - start, style.size * 1.05, style.link, { structParent: link });
      } else {
        this.mark(target, draw);
      }
      i = j;
    }
  }

  /** Sets `text` in `style` with its baseline at `y`. */
  text(text: string, style: Style, x: number, y: number): void {
    if (this.face !== style.face) {
      this.doc.font(this.fonts.faces[style.face], FAMILY[style.face]);
      // Shaping words is most of pdfkit's work; its per-document word cache is shared
      // across documents (the shaped runs depend on the font alone, not the document).
      this.doc._font.layoutCache = this.fonts.layoutCache(style.face);
      this.face = style.face;
    }
    this.doc.fontSize(style.size);
    this.doc.text(text, x, y - style.rise, { lineBreak: false, baseline: 'alphabetic' });
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
