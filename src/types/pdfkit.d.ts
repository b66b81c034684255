// Local declarations for the parts of pdfkit 0.20 the PDF renderer uses:
// @types/pdfkit lags 0.20 (no 'PDF/UA' subset, no structure closures).
declare module 'pdfkit' {
  /** A fontkit font as pdfkit parses it; reused across documents to parse each file once. */
  export interface FontkitFont {
    postscriptName: string;
    numGlyphs: number;
    head: { checkSumAdjustment: number };
    unitsPerEm: number;
    ascent: number;
    descent: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(
      text: string,
      features?: string[],
    ): { advanceWidth: number; glyphs: { id: number; advanceWidth: number; codePoints: number[] }[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] };
  }

  /** A glyph position as pdfkit's embedded font returns it (already in 1/1000 em). */
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
    advanceWidth: number;
  }

  /** pdfkit's embedded font of a document (internal, stable across 0.20.x). */
  export interface PDFKitFont {
    id: string;
    font: FontkitFont;
    layoutCache?: Record<string, unknown>;
    ref(): unknown;
    encode(text: string, features?: string[]): [string[], GlyphPosition[]];
    /** The shaped run of a text without spaces (but maybe one at its end), from the word cache. */
    layoutCached(text: string): { glyphs: { id: number; advanceWidth: number; codePoints: number[] }[]; positions: GlyphPosition[] };
    subset: { includeGlyph(id: number): number };
    widths: number[];
    unicode: number[][];
    scale: number;
  }

  export interface PDFStructureContent {
    readonly refs: unknown[];
  }

  export interface PDFStructureElement {
    add(child: PDFStructureElement | PDFStructureContent | (() => void)): this;
    end(): void;
  }

  export interface StructOptions {
    title?: string;
    lang?: string;
    alt?: string;
    actual?: string;
    scope?: 'Row' | 'Column' | 'Both';
  }

  export interface TextOptions {
    lineBreak?: boolean;
    wordSpacing?: number;
    baseline?: number | 'alphabetic' | 'top';
    features?: string[];
    link?: string;
  }

  export interface DocumentOptions {
    size?: string | [number, number];
    margins?: { top: number; bottom: number; left: number; right: number };
    autoFirstPage?: boolean;
    font?: string | FontkitFont;
    bufferPages?: boolean;
    compress?: boolean;
    tagged?: boolean;
    subset?: string;
    pdfVersion?: string;
    lang?: string;
    displayTitle?: boolean;
    info?: Record<string, string | Date>;
  }

  /** An indirect object; internal. Streams collect their chunks in `buffer` until finalized. */
  export interface PDFReference {
    compress: boolean;
    buffer: Uint8Array[];
    finalize(): void;
  }

  /** An entry of the outline; `top` and `left` as pdfkit 0.20.2 reads them (see bookmarks() in export/pdf). */
  export interface PDFOutlineItem {
    addItem(title: string, options?: { pageNumber?: number; top?: number; left?: number; expanded?: boolean }): PDFOutlineItem;
  }

  export default class PDFDocument {
    constructor(options?: DocumentOptions);
    /** Makes an indirect object; internal. */
    ref(data?: Record<string, unknown>): PDFReference;
    info: Record<string, string | Date>;
    endMetadata(): void;
    page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number }; fonts: Record<string, unknown>; write(chunk: string | Uint8Array): void; end(): void };
    /** Writes a line (a string, followed by a newline) or bytes to the file; internal. */
    _write(data: string | Uint8Array): void;
    /** Bytes written so far; internal. */
    _offset: number;
    /** The current font: its parsed fontkit font and pdfkit's cache of shaped words. */
    _font: PDFKitFont;
    _fontSize: number;
    addContent(data: string): this;
    on(event: 'data', listener: (chunk: Uint8Array) => void): this;
    on(event: 'end' | 'error' | 'pageAdded', listener: (arg?: unknown) => void): this;
    addPage(options?: DocumentOptions): this;
    font(src: string | FontkitFont, family?: string): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(width: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    rect(x: number, y: number, w: number, h: number): this;
    fill(color?: string): this;
    stroke(): this;
    save(): this;
    restore(): this;
    translate(x: number, y: number): this;
    scale(factor: number): this;
    /** A path in SVG path syntax. */
    path(d: string): this;
    image(src: Buffer, x: number, y: number, options?: { fit?: [number, number]; align?: 'left' | 'center' | 'right'; valign?: 'top' | 'center' | 'bottom' }): this;
    /** The image's dimensions as pdfkit reads them (throws on a file it cannot read). */
    openImage(src: Buffer): { width: number; height: number };
    text(text: string, x: number, y: number, options?: TextOptions): this;
    link(x: number, y: number, w: number, h: number, url: string, options?: { structParent?: PDFStructureElement }): this;
    struct(type: string, options?: StructOptions, children?: unknown): PDFStructureElement;
    addStructure(element: PDFStructureElement): this;
    /** The document's outline (bookmarks): its root item. */
    outline: PDFOutlineItem;
    markContent(tag: string, options?: { type?: string; subtype?: string }): this;
    markStructureContent(tag: string): PDFStructureContent;
    endMarkedContent(): this;
    end(): void;
  }
}
