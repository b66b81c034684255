import PDFDocument, { type PDFStructureElement } from 'pdfkit';
import type { AgendaDocument } from '../../model.js';
import { assertDrawable } from './characters.js';
import { loadFonts } from './fonts.js';
import { PAGE } from './geometry.js';
import { layout } from './layout.js';
import { paginate, type Frame } from './paginate.js';
import { Painter } from './painter.js';
import { paintFoot, paintFurniture } from './furniture.js';

export { UnsupportedCharacterError, unsupportedCharacters, type UnsupportedCharacter } from './characters.js';

/**
 * The annotated provisional agenda as a tagged PDF (PDF/UA structure, A4, Tinos
 * embedded and subset). A function of the model alone; the same model gives the
 * same bytes (dates come from the model or SOURCE_DATE_EPOCH, never the clock).
 */
export async function renderPdf(doc: AgendaDocument): Promise<Uint8Array> {
  assertDrawable(doc);
  const fonts = loadFonts();
  const date = documentDate(doc);
  const pdf = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    autoFirstPage: false,
    // Our own default font: pdfkit would otherwise parse Helvetica's metrics for every document.
    font: fonts.faces.regular,
    tagged: true,
    subset: 'PDF/UA',
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
  const chunks: Uint8Array[] = [];
  pdf.on('data', (c) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', () => resolve());
    pdf.on('error', (e) => reject(e));
  });

  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const painter = new Painter(pdf, fonts, new WeakMap<PDFStructureElement, string>());
  const flow = layout(doc, painter, root);
  const frame = (i: number): Frame =>
    i === 0 ? { top: PAGE.firstTop, bottom: doc.masthead.job ? PAGE.firstBottomWithJob : PAGE.bottom } : { top: PAGE.top, bottom: PAGE.bottom };
  const pages = paginate(flow.units, flow.notes, frame);

  pages.forEach((page, i) => {
    pdf.addPage({ size: [PAGE.width, PAGE.height], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    for (const placed of page.body) placed.unit.paint(painter, placed.top, placed.repeated);
    paintFoot(painter, page, frame(i));
    paintFurniture(painter, doc, i, pages.length);
  });
  escapeXmpValues(pdf);
  pdf.end();
  await done;
  return Buffer.concat(chunks);
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
