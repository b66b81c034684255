import { createHash } from 'node:crypto';
import type PDFDocument from 'pdfkit';
import type { AgendaDocument } from '../../model.js';
import { UnrenderableInputError } from '../errors.js';

/**
 * The archival profile (`--pdf-profile a3`): the tagged PDF made a PDF/A-3 (level A)
 * file that still declares PDF/UA-1, with the files it was compiled from inside.
 *
 * pdfkit declares one standard at a time (its `subset` option, foliojs/pdfkit#1603). The
 * document is made with the PDF/A-3a subset, which gives the sRGB output intent (pdfkit
 * ships the ICC profile) and leaves out the CIDSet streams, and the XMP packet is written
 * here, whole: both identifications, the extension schema PDF/A asks for the PDF/UA
 * identification (not a schema PDF/A predefines), and every entry of the document
 * information dictionary again, as PDF/A requires.
 *
 * It also gives what PDF/UA-1 asks and pdfkit leaves out (links' descriptions, notes'
 * identifiers), refuses fonts it cannot embed, and names the file by its content.
 *
 * Internals (`_root`, `_write`, `_finalize`, `_id`, `_fontFamilies`, `struct`, `link`,
 * `getStructTreeRoot`, `file`'s options, `endMetadata`): written for pdfkit 0.20.2.
 */

/** The profiles `--pdf-profile` takes. */
export const PDF_PROFILES = ['a3'] as const;
export type PdfProfile = (typeof PDF_PROFILES)[number];

/** pdfkit's subset for the profile: part 3, conformance level A (the document is tagged). */
export const ARCHIVAL_SUBSET = 'PDF/A-3a';

/** A file the document was compiled from, carried inside it as a `Source` associated file. */
export interface SourceFile {
  /** Its name, without folders (the attachment's /F and /UF). */
  name: string;
  data: Uint8Array;
}

/** The MIME type the attachments are declared with (RFC 9512). */
const YAML_TYPE = 'application/yaml';

interface PdfkitInternals {
  _root: { data: Record<string, unknown> };
  _write(data: string | Uint8Array): void;
  _finalize(): void;
  _id: Uint8Array;
  _fontFamilies: Record<string, { name: string; subset?: unknown }>;
  struct(type: string, options?: unknown, children?: unknown): { dictionary: { data: Record<string, unknown> } };
  getStructTreeRoot(): { data: Record<string, unknown> };
  link(x: number, y: number, w: number, h: number, url: string | number, options?: Record<string, unknown>): unknown;
  file(src: Uint8Array, options: { name: string; type: string; relationship: string; creationDate: Date; modifiedDate: Date }): unknown;
}

/**
 * Makes `pdf` (made with ARCHIVAL_SUBSET) archival. Call as soon as its output is collected,
 * before anything is painted: the file identifier is a hash of every byte written from then
 * on. `finish`, after the pages are painted and before `end()`, attaches the sources, dated
 * `date`, and puts our XMP packet in place of pdfkit's.
 */
export function archival(pdf: PDFDocument): { finish(doc: AgendaDocument, sources: readonly SourceFile[], date: Date): void } {
  const internals = pdf as unknown as PdfkitInternals;
  contentIdentifier(internals);
  return {
    finish(doc, sources, date) {
      assertFontsEmbedded(internals, doc);
      for (const source of sources) {
        // Named in the /EmbeddedFiles tree (what readers list) and in the catalogue's /AF.
        // The checksum is the 16 bytes of the MD5 digest (ISO 32000-1, table 46); pdfkit writes their
        // hexadecimal spelling, and writes the stream at once: set it as the stream is made.
        const ref = pdf.ref;
        pdf.ref = (data) => {
          if (data?.Type === 'EmbeddedFile') (data.Params as Record<string, unknown>).CheckSum = createHash('md5').update(source.data).digest();
          return ref.call(pdf, data);
        };
        try {
          internals.file(source.data, { name: source.name, type: YAML_TYPE, relationship: 'Source', creationDate: date, modifiedDate: date });
        } finally {
          pdf.ref = ref;
        }
      }
      pdf.endMetadata = () => {
        const ref = pdf.ref({ Type: 'Metadata', Subtype: 'XML' }) as unknown as { compress: boolean; write(b: Uint8Array): void; end(): void };
        // PDF/A: the metadata stream is not compressed (finishObjectsFaster leaves it alone too).
        ref.compress = false;
        ref.write(Buffer.from(xmpPacket(pdf.info, doc.lang), 'utf8'));
        ref.end();
        internals._root.data.Metadata = ref;
      };
    },
  };
}

/**
 * PDF/A embeds every font. The typesetter's are embedded; text in an SVG emblem is set by
 * svg-to-pdfkit in one of pdfkit's standard fonts (Helvetica...), which are not: such an
 * emblem is refused at its key rather than giving a file that claims PDF/A and is not.
 */
function assertFontsEmbedded(pdf: PdfkitInternals, doc: AgendaDocument): void {
  // pdfkit's embedded fonts have a subset; its standard fonts (the 14 PDF base fonts) have none.
  const standard = Object.values(pdf._fontFamilies).filter((f) => !f.subset).map((f) => f.name);
  if (!standard.length) return;
  const emblem = doc.masthead.emblem;
  throw new UnrenderableInputError(
    `the emblem '${emblem?.file ?? ''}' sets text in ${[...new Set(standard)].join(', ')}, a font an archival PDF (--pdf-profile a3) cannot embed`,
    emblem?.origin,
    "convert the emblem's text to outlines (paths) in a drawing program, or build the PDF without --pdf-profile",
    'pdfa-font',
  );
}

/**
 * What PDF/UA-1 asks of every PDF the tool writes (each declares PDF/UA), beyond what pdfkit
 * writes: link descriptions and note identifiers. Call before painting; `finish` before `end()`.
 */
export function accessible(pdf: PDFDocument): { finish(): void } {
  const internals = pdf as unknown as PdfkitInternals;
  describeLinks(internals);
  return identifyNotes(internals);
}

/**
 * PDF/UA-1 (7.18.5) asks each link annotation for an alternate description in /Contents;
 * pdfkit writes an empty one. The links the typesetter makes are web addresses: the
 * address is the description (the link's words, in the structure tree, are read first).
 */
function describeLinks(pdf: PdfkitInternals): void {
  const link = pdf.link.bind(pdf);
  pdf.link = (x, y, w, h, url, options) => link(x, y, w, h, url, typeof url === 'string' && !options?.Contents ? { ...options, Contents: new String(url) } : options);
}

/**
 * PDF/UA-1 (7.9) asks each Note structure element for an /ID, listed in the structure tree's
 * /IDTree: `note-1`, `note-2`... in the order the notes are made (the typesetter's).
 */
function identifyNotes(pdf: PdfkitInternals): { finish(): void } {
  const notes: { id: string; ref: unknown }[] = [];
  const struct = pdf.struct.bind(pdf);
  pdf.struct = (type, options, children) => {
    const element = struct(type, options, children);
    if (type === 'Note') {
      const id = `note-${notes.length + 1}`;
      // A String object: pdfkit writes a plain string as a name.
      element.dictionary.data.ID = new String(id);
      notes.push({ id, ref: element.dictionary });
    }
    return element;
  };
  return {
    finish() {
      if (!notes.length) return;
      // One leaf of a name tree, its keys in byte order.
      const sorted = [...notes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      pdf.getStructTreeRoot().data.IDTree = { Names: sorted.flatMap((n) => [new String(n.id), n.ref]) };
    },
  };
}

/**
 * The trailer's /ID from the bytes before it (every object, in order), not pdfkit's hash of the
 * information dictionary: two documents with the same title and date but different text, or
 * different sources, get different identifiers; the same input, the same one.
 */
function contentIdentifier(pdf: PdfkitInternals): void {
  const hash = createHash('md5');
  let hashing = true;
  const write = pdf._write.bind(pdf);
  pdf._write = (data) => {
    // The bytes pdfkit writes: each string a line, one byte per UTF-16 unit's low byte.
    if (hashing) hash.update(typeof data === 'string' ? Buffer.from(`${data}\n`, 'latin1') : data);
    write(data);
  };
  const finalize = pdf._finalize.bind(pdf);
  pdf._finalize = () => {
    // The cross-reference table and the trailer that follow are written with it.
    hashing = false;
    pdf._id = hash.digest();
    finalize();
  };
}

/** An XMP date: the same instant as the information dictionary's (D:YYYYMMDDHHmmSSZ). */
const xmpDate = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The XMP packet: the PDF/A and PDF/UA identifications, the extension schema describing
 * pdfuaid, and the information dictionary's entries, each equal to its entry there.
 */
export function xmpPacket(info: Record<string, string | Date>, lang: string): string {
  const text = (key: string) => (typeof info[key] === 'string' ? escapeXml(info[key] as string) : undefined);
  const date = (key: string) => (info[key] instanceof Date ? xmpDate(info[key] as Date) : undefined);
  const title = text('Title');
  const author = text('Author');
  const subject = text('Subject');
  const keywords = text('Keywords');
  const created = date('CreationDate');
  const modified = date('ModDate') ?? created;
  const lines = [
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">`,
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
    `<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">`,
    `<pdfaid:part>3</pdfaid:part>`,
    `<pdfaid:conformance>A</pdfaid:conformance>`,
    `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">`,
    `<pdfuaid:part>1</pdfuaid:part>`,
    `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">`,
    `<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">`,
    `<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>`,
    `<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>`,
    `<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>`,
    `<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">`,
    `<pdfaProperty:name>part</pdfaProperty:name>`,
    `<pdfaProperty:valueType>Integer</pdfaProperty:valueType>`,
    `<pdfaProperty:category>internal</pdfaProperty:category>`,
    `<pdfaProperty:description>Indicates which part of ISO 14289 the file conforms to</pdfaProperty:description>`,
    `</rdf:li></rdf:Seq></pdfaSchema:property>`,
    `</rdf:li></rdf:Bag></pdfaExtension:schemas>`,
    `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    `<dc:format>application/pdf</dc:format>`,
    `<dc:language><rdf:Bag><rdf:li>${escapeXml(lang)}</rdf:li></rdf:Bag></dc:language>`,
    ...(title !== undefined ? [`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${title}</rdf:li></rdf:Alt></dc:title>`] : []),
    ...(author !== undefined ? [`<dc:creator><rdf:Seq><rdf:li>${author}</rdf:li></rdf:Seq></dc:creator>`] : []),
    ...(subject !== undefined ? [`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${subject}</rdf:li></rdf:Alt></dc:description>`] : []),
    `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`,
    ...(created ? [`<xmp:CreateDate>${created}</xmp:CreateDate>`] : []),
    ...(modified ? [`<xmp:ModifyDate>${modified}</xmp:ModifyDate>`, `<xmp:MetadataDate>${modified}</xmp:MetadataDate>`] : []),
    ...(text('Creator') !== undefined ? [`<xmp:CreatorTool>${text('Creator')}</xmp:CreatorTool>`] : []),
    `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`,
    ...(text('Producer') !== undefined ? [`<pdf:Producer>${text('Producer')}</pdf:Producer>`] : []),
    ...(keywords !== undefined ? [`<pdf:Keywords>${keywords}</pdf:Keywords>`] : []),
    `</rdf:Description>`,
    `</rdf:RDF>`,
    `</x:xmpmeta>`,
    `<?xpacket end="r"?>`,
  ];
  return lines.join('\n');
}
