/**
 * An emblem given as a PDF file, turned into an SVG drawing that every renderer already
 * draws (the PDF as vectors through svg-to-pdfkit, the HTML as a data: image). pdf.js reads
 * the file's first page into drawing operations; paths with their fill and stroke colours,
 * line widths and transformations are kept. Text, pictures, shadings and clipping are not:
 * such a file is refused with what to do, rather than drawn wrong.
 */
import { createHash } from 'node:crypto';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

/** What is kept of the graphics state: the transformation, the colours and the line width. */
interface State {
  ctm: number[];
  fill: string;
  stroke: string;
  lineWidth: number;
}

const multiply = (m: number[], n: number[]): number[] => [
  n[0]! * m[0]! + n[1]! * m[2]!,
  n[0]! * m[1]! + n[1]! * m[3]!,
  n[2]! * m[0]! + n[3]! * m[2]!,
  n[2]! * m[1]! + n[3]! * m[3]!,
  n[4]! * m[0]! + n[5]! * m[2]! + m[4]!,
  n[4]! * m[1]! + n[5]! * m[3]! + m[5]!,
];
const num = (n: number) => String(Math.round(n * 1000) / 1000);

/** SVG path data of pdf.js's path operations (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4). */
function pathData(ops: ArrayLike<number>): string {
  const out: string[] = [];
  for (let i = 0; i < ops.length; ) {
    const op = ops[i++]!;
    const take = (n: number) => Array.from({ length: n }, () => num(ops[i++]!)).join(' ');
    if (op === 0) out.push(`M${take(2)}`);
    else if (op === 1) out.push(`L${take(2)}`);
    else if (op === 2) out.push(`C${take(6)}`);
    else if (op === 3) out.push(`Q${take(4)}`);
    else if (op === 4) out.push('Z');
    else throw new Error(`path operation ${op}`);
  }
  return out.join('');
}

type Made = { svg: string } | { problem: string };

/**
 * Drawings already made, by the file's digest: a batch of meetings shares one emblem, and
 * reading a PDF with pdf.js costs more than building a meeting. A few files at most.
 */
const made = new Map<string, Promise<Made>>();
const MAX_REMEMBERED = 8;

/** The first page of a PDF as an SVG drawing, or what keeps it from being one (made once per file content). */
export function pdfEmblemAsSvg(data: Uint8Array): Promise<Made> {
  const key = createHash('sha256').update(data).digest('hex');
  let drawing = made.get(key);
  if (!drawing) {
    if (made.size >= MAX_REMEMBERED) made.delete(made.keys().next().value!);
    made.set(key, (drawing = drawingOf(data)));
  }
  return drawing;
}

async function drawingOf(data: Uint8Array): Promise<Made> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf: PDFDocumentProxy | undefined;
  try {
    pdf = await getDocument({ data: new Uint8Array(data), verbosity: 0, disableFontFace: true, useSystemFonts: false, isEvalSupported: false, stopAtErrors: true }).promise;
    const page = await pdf.getPage(1);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const list = await page.getOperatorList();
    // Operations that change nothing a drawing of paths shows.
    const ignored = new Set<number>([OPS.dependency, OPS.setLineCap, OPS.setLineJoin, OPS.setMiterLimit, OPS.setDash, OPS.setFlatness, OPS.setRenderingIntent, OPS.setGState, OPS.beginMarkedContent, OPS.beginMarkedContentProps, OPS.endMarkedContent, OPS.paintFormXObjectBegin, OPS.paintFormXObjectEnd, OPS.beginGroup, OPS.endGroup]);
    const fills = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
    const strokes = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
    const evenOdd = new Set<number>([OPS.eoFill, OPS.eoFillStroke, OPS.closeEOFillStroke]);
    const closes = new Set<number>([OPS.closeStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
    const stack: State[] = [];
    let state: State = { ctm: [1, 0, 0, 1, 0, 0], fill: '#000000', stroke: '#000000', lineWidth: 1 };
    const paths: string[] = [];
    for (let k = 0; k < list.fnArray.length; k++) {
      const fn = list.fnArray[k]!;
      const args = list.argsArray[k] as unknown[];
      if (fn === OPS.save) stack.push({ ...state });
      else if (fn === OPS.restore) state = stack.pop() ?? state;
      else if (fn === OPS.transform) state = { ...state, ctm: multiply(state.ctm, args as number[]) };
      else if (fn === OPS.setLineWidth) state = { ...state, lineWidth: args[0] as number };
      else if (fn === OPS.setFillRGBColor) state = { ...state, fill: args[0] as string };
      else if (fn === OPS.setStrokeRGBColor) state = { ...state, stroke: args[0] as string };
      else if (fn === OPS.constructPath) {
        const [op, [ops]] = args as [number, [ArrayLike<number> | null]];
        if (op === OPS.endPath || !ops) continue;
        if (!fills.has(op) && !strokes.has(op)) return { problem: 'clips its drawing, which an emblem cannot do here' };
        const d = pathData(ops) + (closes.has(op) ? 'Z' : '');
        const paint = [
          `fill="${fills.has(op) ? state.fill : 'none'}"`,
          ...(evenOdd.has(op) ? ['fill-rule="evenodd"'] : []),
          ...(strokes.has(op) ? [`stroke="${state.stroke}"`, `stroke-width="${num(state.lineWidth)}"`] : []),
        ].join(' ');
        paths.push(`<path transform="matrix(${state.ctm.map(num).join(' ')})" d="${d}" ${paint}/>`);
      } else if (!ignored.has(fn)) {
        return { problem: 'holds text, pictures or shadings: only shapes are drawn (convert its text to outlines and flatten it, or give it as SVG)' };
      }
    }
    if (!paths.length) return { problem: 'draws nothing on its first page' };
    const width = x1 - x0;
    const height = y1 - y0;
    // PDF space has its origin at the bottom left, SVG's at the top left.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}"><g transform="matrix(1 0 0 -1 ${num(-x0)} ${num(y1)})">${paths.join('')}</g></svg>`;
    return { svg };
  } catch (err) {
    return { problem: `cannot be read as a PDF file (${(err as Error).message})` };
  } finally {
    await pdf?.destroy();
  }
}
