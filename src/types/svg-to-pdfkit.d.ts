// The entry point of svg-to-pdfkit (0.1.8) the PDF exporter uses to draw an SVG emblem as vectors.
declare module 'svg-to-pdfkit' {
  import type PDFDocument from 'pdfkit';
  export interface SvgOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** Called with each problem met in the SVG (an unknown element, an unsupported feature). */
    warningCallback?: (message: string) => void;
    assumePt?: boolean;
    /** The address of a picture the SVG refers to: what pdfkit is given to open (a path would be read from disk). */
    imageCallback?: (link: string) => string;
  }
  export default function SVGtoPDF(doc: PDFDocument, svg: string, x: number, y: number, options?: SvgOptions): void;
}
