// fontkit 2.0.4 (pinned): the one function the PDF export calls directly; the font it returns
// is the object pdfkit wraps, typed where pdfkit's types describe it.
declare module 'fontkit' {
  import type { FontkitFont } from 'pdfkit';
  /** Parses a font file's bytes; `postscriptName` picks a face out of a collection (.ttc). */
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}
