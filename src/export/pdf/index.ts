import PDFDocument, { type PDFOutlineItem, type PDFStructureElement } from 'pdfkit';
import type { AgendaDocument } from '../../model.js';
import { UnrenderableInputError } from '../errors.js';
import { PAGE, PageOverflowError, typeset, type StructNode, type TypesetDocument } from '../../typeset/index.js';
import { assertDrawable } from './characters.js';
import { loadFonts, type FontSet } from './fonts.js';
import { Painter } from './painter.js';
import { batchPageContent } from './page-content.js';
import { accessible, ARCHIVAL_SUBSET, archival, type PdfProfile, type SourceFile } from './archival.js';
import { finishObjectsFaster } from './objects.js';

export { UnsupportedCharacterError, unsupportedCharacters, type UnsupportedCharacter } from './characters.js';
export { MastheadTooLongError, SymbolTooWideError } from '../../typeset/index.js';

/**
 * The annotated provisional agenda as a tagged PDF (PDF/UA structure, A4, Tinos
 * embedded and subset). A function of the model alone; the same model gives the
 * same bytes (dates come from the model or SOURCE_DATE_EPOCH, never the clock).
 * With `pdfProfile: 'a3'`, an archival PDF/A-3 carrying `sources` (archival.ts).
 */
export async function renderPdf(doc: AgendaDocument, options: { pdfProfile?: PdfProfile; sources?: readonly SourceFile[] } = {}): Promise<Uint8Array> {
  assertDrawable(doc);
  const fonts = loadFonts();
  fonts.trim();
  const date = documentDate(doc);
  const pdf = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    autoFirstPage: false,
    // Our own default font: pdfkit would otherwise parse Helvetica's metrics for every document.
    font: fonts.faces.regular,
    tagged: true,
    subset: options.pdfProfile === 'a3' ? ARCHIVAL_SUBSET : 'PDF/UA',
    pdfVersion: '1.7',
    lang: doc.lang,
    displayTitle: true,
    info: {
      Title: doc.meta.title,
      Subject: doc.meta.subject,
      Author: doc.meta.author,
      Keywords: doc.meta.keywords.join(', '),
      CreationDate: date,
      ModDate: date,
    },
  });
  const output = collectOutput(pdf);
  const archive = options.pdfProfile === 'a3' ? archival(pdf) : undefined;
  const universal = accessible(pdf);
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', () => resolve());
    pdf.on('error', (e) => reject(e));
  });
  pdf.on('data', () => undefined); // nothing comes through the stream (see collectOutput), but 'end' needs a reader
  pdf.on('pageAdded', () => batchPageContent(pdf.page));
  finishObjectsFaster(pdf);
  try {
    paintPages(pdf, doc, fonts);
  } catch (e) {
    throw e instanceof PageOverflowError ? unrenderable(e) : e;
  }
  escapeXmpValues(pdf);
  universal.finish();
  archive?.finish(doc, options.sources ?? [], date);
  pdf.end();
  await done;
  return output();
}

/**
 * Typesets the document (pages as data) and paints the pages. The typeset pages (every
 * line of the document) are referred to from this function's frame alone, not from the
 * asynchronous one above, which outlives it: anything that holds on to that one a little
 * longer (the collector promotes what survives two scavenges, and an old object keeps
 * the young ones it refers to until a full collection) would otherwise carry every line
 * with it. Measured: half of what outlived each build.
 */
function paintPages(pdf: PDFDocument, doc: AgendaDocument, fonts: FontSet): void {
  const set = typeset(doc, fonts);
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const painter = new Painter(pdf, fonts, new WeakMap<PDFStructureElement, string>());
  // Structure elements are made in the typesetter's order (pdfkit numbers its objects as they are made).
  painter.structure(set.structure, root);
  for (const page of set.pages) {
    pdf.addPage({ size: [PAGE.width, PAGE.height], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    for (const placed of page.body) painter.marks(placed.unit.marks, placed.top, placed.repeated);
    if (page.footRule) painter.mark('artifact', () => painter.rule(page.footRule!.x1, page.footRule!.x2, page.footRule!.y, page.footRule!.width));
    for (const placed of page.foot) painter.marks(placed.unit.marks, placed.top, false);
    painter.marks(page.furniture, 0, false);
  }
  bookmarks(pdf, set);
}

/**
 * The document's outline (bookmarks): its headings, nested by level, each pointing at its
 * page and height; not the "Documentation" subheadings. Titles are the headings' text as set,
 * without footnote calls.
 */
function bookmarks(pdf: PDFDocument, set: TypesetDocument): void {
  const found = new Map<StructNode, { words: string[]; page: number; top: number }>();
  set.pages.forEach((page, n) => {
    for (const placed of page.body) {
      if (placed.repeated) continue;
      for (const m of placed.unit.marks) {
        if ((m.kind !== 'line' && m.kind !== 'run') || m.target === 'artifact' || !/^H\d$/.test(m.target.type) || m.target.bookmark === false) continue;
        let entry = found.get(m.target);
        if (!entry) found.set(m.target, (entry = { words: [], page: n, top: placed.top + m.y }));
        if (m.kind === 'run') entry.words.push(m.text);
        else if (m.line.logical !== undefined) entry.words.push(m.line.logical);
        // Without footnote calls: a bookmark reads "Operational segment", not "Operational segment1".
        else entry.words.push(m.line.pieces.map((p, k) => (p.style.note !== undefined ? '' : k > 0 && (p.before === 'space' || p.before === 'glue') ? ` ${p.text}` : p.text)).join(''));
      }
    }
  });
  // In reading order (the structure's), each under the nearest heading of a higher level before it.
  const open: { level: number; item: PDFOutlineItem }[] = [];
  for (const [node, { words, page, top }] of [...found].sort((a, b) => a[0].index - b[0].index)) {
    const level = Number(node.type.slice(1));
    while (open.length && open[open.length - 1]!.level >= level) open.pop();
    const parent = open.length ? open[open.length - 1]!.item : pdf.outline;
    // pdfkit 0.20.2 sets a destination's left as the page's width minus \`left\`, its top as the height minus \`top\`.
    const item = parent.addItem(words.join(' ').replace(/\s+/g, ' ').trim(), { pageNumber: page, top: Math.max(0, top - 14), left: PAGE.width, expanded: true });
    open.push({ level, item });
  }
}

/** A text the page cannot hold, reported as input the PDF cannot render (a diagnostic at its YAML value). */
function unrenderable(e: PageOverflowError): UnrenderableInputError {
  const err = new UnrenderableInputError(e.message, e.origin, e.hint, e.code);
  err.name = e.name;
  return err;
}

/**
 * pdfkit writes the file one line at a time, each converted to bytes and pushed
 * through a Node stream. Collect the lines instead, and convert them in one go at
 * the end: the same bytes (pdfkit keeps the low byte of each UTF-16 unit) without
 * a stream chunk per line. pdfkit's offsets for the cross-reference table stay right.
 *
 * Internals (`_write`, `_offset`, the stream's buffer): written for pdfkit 0.20.2.
 */
function collectOutput(pdf: PDFDocument): () => Uint8Array {
  // What pdfkit wrote before now (the header) waits in the stream's buffer.
  const head = (pdf as unknown as { read(): Uint8Array | null }).read();
  const parts: (string | Uint8Array)[] = head ? [head] : [];
  let strings: string[] = [];
  pdf._write = (data: string | Uint8Array) => {
    if (typeof data === 'string') {
      strings.push(data);
      pdf._offset += data.length + 1;
    } else {
      if (strings.length) parts.push(`${strings.join('\n')}\n`);
      strings = [];
      parts.push(data);
      pdf._offset += data.length;
    }
  };
  return () => {
    if (strings.length) parts.push(`${strings.join('\n')}\n`);
    strings = [];
    let length = 0;
    for (const p of parts) length += p.length;
    const out = Buffer.allocUnsafe(length);
    let at = 0;
    for (const p of parts) {
      // latin1 keeps the low byte of each UTF-16 unit, as pdfkit does, in one native call.
      if (typeof p === 'string') at += out.write(p, at, 'latin1');
      else {
        out.set(p, at);
        at += p.length;
      }
    }
    return out;
  };
}

/** The document's date at midnight UTC, or SOURCE_DATE_EPOCH when set (reproducible builds). */
function documentDate(doc: AgendaDocument): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${doc.meta.date}T00:00:00Z`);
}

/**
 * pdfkit copies the document information into the XMP packet without escaping:
 * a title with "&" or "<" would make the metadata invalid XML. Escape the values
 * for the XMP packet only; the information dictionary keeps them as they are.
 *
 * Internals (`endMetadata`, `info`): written for pdfkit 0.20.2.
 */
function escapeXmpValues(pdf: PDFDocument): void {
  const endMetadata = pdf.endMetadata.bind(pdf);
  pdf.endMetadata = () => {
    const info = pdf.info;
    pdf.info = Object.fromEntries(Object.entries(info).map(([k, v]) => [k, typeof v === 'string' ? escapeXml(v) : v]));
    try {
      endMetadata();
    } finally {
      pdf.info = info;
    }
  };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
