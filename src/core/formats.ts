import type { AgendaDocument } from '../model.js';
import { UnrenderableInputError } from '../export/errors.js';
import type { PdfProfile, SourceFile } from '../export/pdf/archival.js';

export { PDF_PROFILES, type PdfProfile, type SourceFile } from '../export/pdf/archival.js';

/**
 * The output formats. Each renderer is loaded only when asked for, so that
 * `agenda check` and a Markdown-only build never load the PDF library.
 */
export interface OutputFormat {
  name: string;
  extension: string;
  /**
   * `publishing`: the document as people read it (Markdown, HTML, PDF), what `all` builds.
   * `exchange`: the same document for other programs and chains (Word, calendars,
   * structured data), added by `every`.
   */
  group: 'publishing' | 'exchange';
  /**
   * The renderer carries identity across builds and is given the file it wrote before at
   * the same path (`RenderOptions.previousCalendar`): the calendar keeps its events' SEQUENCE.
   */
  readsPrevious?: true;
  render(doc: AgendaDocument, options?: RenderOptions): Promise<Uint8Array | string>;
}

/**
 * What a renderer may be given besides the model: facts of the build, not of the
 * meeting (the model stays the one source of what the document says).
 */
export interface RenderOptions {
  /**
   * The calendar written before at the output path (ics only): unchanged events keep their
   * SEQUENCE, changed ones get the next, removed ones stay as cancelled. Undefined when
   * there is none (a first build, or a build in memory).
   */
  previousCalendar?: string;
  /**
   * PDF: an archival profile; `a3` makes a PDF/A-3 (level A) file, still tagged and declared
   * PDF/UA-1, carrying `sources` as its associated source files (docs/pdf.md). Absent: the plain PDF.
   */
  pdfProfile?: PdfProfile;
  /**
   * The files the document was compiled from, as an archival PDF carries them: the definition,
   * and for a language version the translation file that made it. Ignored by the other formats.
   */
  sources?: readonly SourceFile[];
}

/**
 * A renderer's module, imported on first use and kept: an `await import()` per
 * document still costs a trip through the module loader.
 */
function lazy<M>(load: () => Promise<M>): () => M | Promise<M> {
  let loaded: M | undefined;
  return () => loaded ?? load().then((m) => (loaded = m));
}

const markdown = lazy(() => import('../render/markdown.js'));
const html = lazy(() => import('../render/html/index.js'));
const pdf = lazy(() => import('../export/pdf/index.js'));
const docx = lazy(() => import('../export/docx/index.js'));
const ics = lazy(() => import('../render/ics/index.js'));
const akn = lazy(() => import('../render/akn/index.js'));

export const FORMATS: Record<string, OutputFormat> = {
  md: {
    name: 'md',
    extension: 'md',
    group: 'publishing',
    render: async (doc) => (await markdown()).renderMarkdown(doc),
  },
  html: {
    name: 'html',
    extension: 'html',
    group: 'publishing',
    render: async (doc) => (await html()).renderHtml(doc),
  },
  pdf: {
    name: 'pdf',
    extension: 'pdf',
    group: 'publishing',
    render: async (doc, options) => (await pdf()).renderPdf(doc, options),
  },
  docx: {
    name: 'docx',
    extension: 'docx',
    group: 'exchange',
    render: async (doc) => (await docx()).renderDocx(doc),
  },
  ics: {
    name: 'ics',
    extension: 'ics',
    group: 'exchange',
    readsPrevious: true,
    render: async (doc, options) => {
      // A calendar without a day is no calendar (RFC 5545 wants at least one component).
      if (!doc.annex?.days.some((d) => d.slots.length) && !doc.meeting.startDate) {
        throw new UnrenderableInputError('the calendar needs the meeting days', { path: ['meeting'] }, "give 'meeting.dates' (or an organization of work), or build without ics", 'ics-no-dates');
      }
      return (await ics()).renderIcs(doc, options?.previousCalendar === undefined ? {} : { previousCalendar: options.previousCalendar });
    },
  },
  // Akoma Ntoso 3.0 XML (AKN4UN meeting agenda), for repositories and document systems.
  akn: {
    name: 'akn',
    extension: 'akn.xml',
    group: 'exchange',
    render: async (doc) => (await akn()).renderAkn(doc),
  },
};

export const FORMAT_NAMES = Object.keys(FORMATS);

/**
 * Parses "md,html,pdf", "all" (the publishing formats) or "every" (all formats), in any case ("MD,Pdf", "ALL"): format names are not
 * case-sensitive, as file extensions are not on most systems. The formats come in FORMATS's order; the unknown names are returned as well.
 */
export function parseFormats(list: string): { formats: OutputFormat[]; unknown: string[] } {
  const asked = [...new Set(list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];
  const group = (g: OutputFormat['group']) => FORMAT_NAMES.filter((n) => FORMATS[n]!.group === g);
  const names = [...new Set(asked.flatMap((n) => (n === 'every' ? FORMAT_NAMES : n === 'all' ? group('publishing') : [n])))];
  // Own names only: "constructor" or "__proto__" is not a format.
  const known = (n: string) => Object.hasOwn(FORMATS, n);
  // In one order whatever the order asked ("html,md" is "md,html"): a batch's build key and its outputs do not depend on it.
  return { formats: Object.keys(FORMATS).filter((n) => names.includes(n)).map((n) => FORMATS[n]!), unknown: names.filter((n) => !known(n)) };
}
