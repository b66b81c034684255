import {
  AlignmentType,
  BookmarkEnd,
  BookmarkStart,
  BorderStyle,
  BuilderElement,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Run,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  XmlComponent,
  type IBorderOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { AgendaDocument, AgendaListItem, AnnotationSection, Annex, Inline, NoteRef, StarNote } from '../../model.js';
import { UN_PAGE } from '../../page/template.js';
import { reproducible } from './package.js';
import { documentStyles, FRAME_MM, halfPoints, mmTwips, STYLE, twips } from './styles.js';

/**
 * The agenda as a Word document (Office Open XML), for the editing and translation chain:
 * A4 and the UN margins, the page template's type as named styles, the masthead as a
 * table, real Word footnotes (the asterisk notes of the first page with their own marks),
 * and the annex table with a header row that repeats on each page. A function of the model
 * and the page template; the same model gives the same bytes.
 */
export async function renderDocx(doc: AgendaDocument): Promise<Uint8Array> {
  const w = new DocxWriter(doc);
  const body = w.body();
  const file = new Document({
    title: doc.meta.title,
    subject: doc.meta.subject,
    creator: doc.meta.author,
    lastModifiedBy: doc.meta.author,
    keywords: doc.meta.keywords.join(', '),
    description: doc.meta.description,
    revision: 1,
    styles: documentStyles(w.font, w.lang, w.rtl),
    footnotes: w.footnotes(),
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
            margin: {
              // The first page's masthead starts high; on later pages the running head, which Word
              // never lets the body overlap, pushes the body down to the template's top (see runningHead).
              top: mmTwips(UN_PAGE.margins.firstTopMm),
              bottom: mmTwips(UN_PAGE.margins.bottomMm),
              left: mmTwips(UN_PAGE.margins.leftMm),
              right: mmTwips(UN_PAGE.margins.rightMm),
              header: HEADER_TOP,
              footer: mmTwips(UN_PAGE.furniture.footBaselineFromBottomMm),
            },
          },
        },
        headers: { first: new Header({ children: [] }), default: new Header({ children: w.runningHead() }) },
        footers: { first: new Footer({ children: w.firstFoot() }), default: new Footer({ children: w.runningFoot() }) },
        children: body,
      },
    ],
  });
  return reproducible(partsOf(file), doc.meta.date);
}

/** What docx 9.7.1 keeps inside: Packer's compiler, the file's media and its embedded fonts. */
interface DocxInternals {
  compiler: { xmlifyFile(file: Document, prettify: undefined): Record<string, { path: string; data: string } | { path: string; data: string }[]> };
}
interface DocumentInternals {
  Media: { Array: { type: string; fileName: string; data: Uint8Array; fallback?: { fileName: string; data: Uint8Array } }[] };
  FontTable: { fontOptionsWithKey: unknown[] };
}

/**
 * The package's parts, in the order docx's compiler adds them to its zip, with the folder
 * entries its zip library makes before a part's first file. Written for docx 9.7.1 (pinned):
 * `Packer.toBuffer` would compress every part through JSZip's asynchronous streams, and
 * `reproducible` then had to inflate them to date and number them, and compress them again.
 */
function partsOf(file: Document): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  const add = (path: string, data: Uint8Array) => {
    const folders = path.split('/').slice(0, -1);
    for (let i = 1; i <= folders.length; i++) {
      const folder = `${folders.slice(0, i).join('/')}/`;
      if (!parts.has(folder)) parts.set(folder, new Uint8Array(0));
    }
    parts.set(path, data);
  };
  const encoder = new TextEncoder();
  const xml = (Packer as unknown as DocxInternals).compiler.xmlifyFile(file, undefined);
  for (const entry of Object.values(xml)) for (const part of Array.isArray(entry) ? entry : [entry]) add(part.path, encoder.encode(part.data));
  const inside = file as unknown as DocumentInternals;
  for (const media of inside.Media.Array) {
    add(`word/media/${media.fileName}`, media.data);
    if (media.type === 'svg' && media.fallback) add(`word/media/${media.fallback.fileName}`, media.fallback.data);
  }
  // No font is embedded (Word substitutes what it lacks: docs/docx.md).
  if (inside.FontTable.fontOptionsWithKey.length) throw new Error('docx: embedded fonts are not packed');
  return parts;
}

/** Where the running head starts: its baseline at the template's place. */
const HEADER_TOP = mmTwips(UN_PAGE.furniture.headBaselineMm) - halfPoints(UN_PAGE.furniture.headPt) * 10;
const PAGE_WIDTH = Math.round(UN_PAGE.size.widthPt * 20);
const PAGE_HEIGHT = Math.round(UN_PAGE.size.heightPt * 20);

/** The thin, thick and table rules, in Word's eighths of a point. */
const rule = (pt: number): IBorderOptions => ({ style: BorderStyle.SINGLE, size: Math.max(2, Math.round(pt * 8)), color: '000000', space: 0 });
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/** The formatting a run takes from the inline markup around it. */
type Style = Pick<IRunOptions, 'bold' | 'italics' | 'style' | 'size' | 'sizeComplexScript'>;

/** A footnote reference with a mark of its own ("*"): Word does not count it in the numbering. */
class MarkedNoteReference extends Run {
  constructor(id: number, mark: string) {
    super({ style: STYLE.footnoteReference });
    this.root.push(new BuilderElement<{ customMarkFollows: string; id: number }>({ name: 'w:footnoteReference', attributes: { customMarkFollows: { key: 'w:customMarkFollows', value: '1' }, id: { key: 'w:id', value: id } } }));
    this.addChildElement(new Characters(mark));
  }
}

/** A run's text (or a field's instruction), for runs made here. */
class Characters extends XmlComponent {
  constructor(text: string, element: 'w:t' | 'w:instrText' = 'w:t') {
    super(element);
    this.root.push(text);
  }
}

/** The first paragraph of an asterisk note: its mark, where a numbered note has its number (Word would put one there). */
class MarkedNoteParagraph extends Paragraph {
  override addRunToFront(): Paragraph {
    return this;
  }
}

class DocxWriter {
  readonly rtl: boolean;
  readonly lang: { value: string; eastAsia?: string; bidirectional?: string };
  readonly font: { ascii: string; hAnsi: string; cs: string; eastAsia: string };
  /** Notes already called once: later calls are cross-references (Word allows one reference per note). */
  private readonly called = new Set<number>();
  /** The footnote id of each asterisk note, by its mark: after the numbered notes, whose ids are their numbers. */
  private readonly starIds = new Map<string, number>();

  constructor(private readonly doc: AgendaDocument) {
    this.rtl = doc.dir === 'rtl';
    const script = doc.writing.fonts[0]?.script;
    // The language on every run: w:val for Latin and Cyrillic text, w:bidi for Arabic, w:eastAsia for Chinese.
    this.lang = { value: doc.lang, ...(this.rtl ? { bidirectional: doc.lang } : {}), ...(script === 'Hans' || script === 'Hant' ? { eastAsia: doc.lang } : {}) };
    const family = doc.writing.fonts[0]?.family ?? '';
    this.font = { ascii: family, hAnsi: family, cs: family, eastAsia: family };
    const maxNumber = doc.footnotes.reduce((max, n) => Math.max(max, n.number), 0);
    (doc.starNotes ?? []).forEach((n, k) => this.starIds.set(n.mark, maxNumber + 1 + k));
  }

  /** Run options every run carries: the language (columnLang for the masthead's English column), the direction. */
  private runBase(lang?: string): Pick<IRunOptions, 'language' | 'rightToLeft'> {
    const language = lang && lang !== this.doc.lang ? { value: lang } : this.lang;
    return { language, ...(this.rtl && !(lang && lang !== this.doc.lang) ? { rightToLeft: true } : {}) };
  }

  private text(value: string, style: Style = {}, lang?: string): TextRun {
    return new TextRun({ text: value, ...style, ...this.runBase(lang) });
  }

  /** A symbol ("A/78/150") is a left-to-right run in any document: in Arabic text its parts would otherwise be reordered. */
  private symbolText(value: string, style: Style = {}): TextRun {
    return new TextRun({ text: value, ...style, language: this.lang });
  }

  private paragraph(style: string, children: ParagraphChild[], extra: { outlineLevel?: number; keepNext?: boolean } = {}): Paragraph {
    return new Paragraph({ style, children, ...(this.rtl ? { bidirectional: true } : {}), ...extra });
  }

  inlines(nodes: readonly Inline[], style: Style = {}): ParagraphChild[] {
    return nodes.flatMap((n) => this.inline(n, style));
  }

  private inline(node: Inline, style: Style): ParagraphChild[] {
    switch (node.type) {
      case 'text':
        return [this.text(node.value, style)];
      case 'emphasis':
        return this.inlines(node.children, { ...style, italics: !style.italics });
      case 'strong':
        return this.inlines(node.children, { ...style, bold: true });
      case 'link':
        return [new ExternalHyperlink({ link: node.url, children: this.inlines(node.children, { ...style, style: STYLE.hyperlink }) })];
      case 'symbol': {
        const run = this.symbolText(node.value, { ...style, ...(node.url ? { style: STYLE.hyperlink } : {}) });
        return node.url ? [new ExternalHyperlink({ link: node.url, children: [run] })] : [run];
      }
      case 'noteRef':
        return this.noteRef(node);
    }
  }

  /**
   * A call of a numbered note. The first call is Word's footnote reference (numbered by Word,
   * in the model's order, since notes are numbered in order of first call), inside a bookmark;
   * a later call of the same note is a cross-reference to it (NOTEREF with \f, formatted as a
   * note mark, as Word inserts it), its number as the field's result until Word updates it.
   */
  private noteRef(ref: NoteRef): ParagraphChild[] {
    const name = `_RefNote${ref.number}`;
    if (this.called.has(ref.number)) {
      const field = (type: string) => new TextRun({ children: [new BuilderElement<{ type: string }>({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } })], ...this.runBase() });
      return [
        field('begin'),
        new TextRun({ children: [new Characters(`NOTEREF ${name} \\f \\h`, 'w:instrText')], ...this.runBase() }),
        field('separate'),
        new TextRun({ text: String(ref.number), style: STYLE.footnoteReference, ...this.runBase() }),
        field('end'),
      ];
    }
    this.called.add(ref.number);
    // The bookmark's start and end as plain elements (numbered here: the docx package gives
    // every Bookmark the id 1, and only a paragraph unpacks a Bookmark, not a hyperlink).
    return [new BookmarkStart(name, ref.number), new FootnoteReferenceRun(ref.number), new BookmarkEnd(ref.number)];
  }

  private starRef(mark: string | undefined): ParagraphChild[] {
    if (!mark) return [];
    const id = this.starIds.get(mark);
    return id === undefined ? [this.text(mark)] : [new MarkedNoteReference(id, mark)];
  }

  body(): (Paragraph | Table)[] {
    const doc = this.doc;
    const out: (Paragraph | Table)[] = [this.masthead(), ...this.meetingBlock()];
    const title = doc.titleContent ? this.inlines(doc.titleContent) : [this.text(doc.title)];
    out.push(this.paragraph(STYLE.title, [...title, ...this.starRef(doc.titleMark)]));
    for (const line of doc.subtitle ?? []) out.push(this.paragraph(STYLE.subtitle, this.inlines(line.content)));
    for (const p of doc.introduction ?? []) out.push(this.paragraph(STYLE.body, this.inlines(p.content)));

    if (doc.agenda) {
      if (doc.agenda.heading !== undefined) out.push(this.paragraph(STYLE.section, [this.text(doc.agenda.heading)]));
      // A group's heading is one level under the list's heading (under the title where the list has none).
      const groupLevel = doc.agenda.heading === undefined ? 1 : 2;
      const list = (items: readonly AgendaListItem[], level: 1 | 2 | 3) => {
        for (const item of items) {
          if (item.groupHeading) out.push(this.paragraph(STYLE.groupHeading, this.inlines(item.groupHeading.content), { outlineLevel: groupLevel }));
          const style = level === 1 ? STYLE.list1 : level === 2 ? STYLE.list2 : STYLE.list3;
          // An entry that introduces sub-items stays on the page of the first of them.
          out.push(this.paragraph(style, [this.text(item.label), this.tab(), ...this.inlines(item.title), this.text(item.punctuation), ...this.inlines(item.notesAfter ?? [])], item.children.length ? { keepNext: true } : {}));
          list(item.children, level === 1 ? 2 : 3);
        }
      };
      list(doc.agenda.items, 1);
    }

    if (doc.annotations) {
      if (doc.annotations.heading !== undefined) out.push(this.paragraph(STYLE.section, [this.text(doc.annotations.heading)]));
      // Without a part heading (an addendum of annotations), items head at the level below the title.
      const base = doc.annotations.heading === undefined ? 0 : 1;
      const section = (s: AnnotationSection) => {
        if (s.groupHeading) out.push(this.paragraph(STYLE.groupHeading, this.inlines(s.groupHeading.content), { outlineLevel: s.level + base }));
        out.push(this.paragraph(STYLE.itemHeading, [this.text(s.label), this.tab(), ...this.inlines(s.title)], { outlineLevel: s.level + base }));
        for (const p of s.paragraphs) {
          // In Word's navigation pane under its item, as the PDF's bookmarks have it.
          if (p.heading) out.push(this.paragraph(STYLE.annotationSubheading, this.inlines(p.content), { outlineLevel: s.level + base + 1 }));
          else out.push(p.label === undefined ? this.paragraph(STYLE.body, this.inlines(p.content)) : this.paragraph(STYLE.numbered, [this.text(p.label), this.tab(), ...this.inlines(p.content)]));
        }
        if (s.documentation) {
          out.push(this.paragraph(STYLE.documentationHeading, [this.text(s.documentation.heading)]));
          for (const e of s.documentation.entries) out.push(this.paragraph(STYLE.documentationEntry, this.inlines(e.content)));
        }
        s.children.forEach(section);
      };
      doc.annotations.sections.forEach(section);
    }

    if (doc.annex) out.push(...this.annex(doc.annex));

    // Notes never called still belong to the document: their references follow the last text.
    const uncalled = doc.footnotes.filter((n) => !this.called.has(n.number));
    if (uncalled.length) out.push(this.paragraph(STYLE.body, uncalled.flatMap((n) => this.noteRef({ type: 'noteRef', number: n.number, occurrence: 1 }))));
    return out;
  }

  private tab(): TextRun {
    return new TextRun({ children: [new Tab()], ...this.runBase() });
  }

  /**
   * The masthead as a borderless table on the PDF's grid: "United Nations" and the symbol
   * over the thin rule; the organ and the right-hand column (distribution, date, original)
   * over the thick rule. Three grid columns: the right-hand column starts where the PDF's does.
   */
  private masthead(): Table {
    const m = this.doc.masthead;
    const M = UN_PAGE.masthead;
    const emblem = this.emblem();
    // Grid: [emblem column], "United Nations" and the organ, the rest of the organ's width, the right-hand column.
    const right = mmTwips(FRAME_MM - M.rightColumnMm);
    const emblemWidth = emblem ? mmTwips(M.emblemColumnMm) : 0;
    const middle = mmTwips(M.rightColumnMm) - emblemWidth;
    const first = emblem ? Math.round(middle * 0.6) : right;
    const widths = [...(emblem ? [emblemWidth] : []), first, middle - first, right].map((x) => Math.max(x, 1));
    const at = emblem ? 1 : 0;
    const cut = m.symbol.indexOf('/');
    const head = cut > 0 ? m.symbol.slice(0, cut) : m.symbol;
    const tail = cut > 0 ? m.symbol.slice(cut) : '';
    const symbolRuns = [this.symbolText(head, { style: STYLE.symbolFirstPart }), ...(tail ? [this.symbolText(tail)] : [])];
    const symbol = m.symbolUrl ? [new ExternalHyperlink({ link: m.symbolUrl, children: symbolRuns })] : symbolRuns;
    const organSize = m.principalOrgan ? { size: halfPoints(M.principalOrganPt), sizeComplexScript: halfPoints(M.principalOrganPt) } : {};
    const col = m.columnLang;
    const columnLines = [m.distribution, m.date, ...(m.versionLanguage ? [m.versionLanguage] : []), m.original, ...(m.languagesOnly ? [m.languagesOnly] : [])];
    const cell = (children: Paragraph[], span: number, bottom: IBorderOptions, width: number) =>
      new TableCell({ children, columnSpan: span, width: { size: width, type: WidthType.DXA }, borders: { top: NONE, left: NONE, right: NONE, bottom }, margins: { left: 0, right: 0, top: 0, bottom: mmTwips(1) } });
    const thin = rule(UN_PAGE.rules.thinPt);
    const thick = rule(UN_PAGE.rules.thickPt);
    return new Table({
      layout: TableLayoutType.FIXED,
      width: { size: mmTwips(FRAME_MM), type: WidthType.DXA },
      columnWidths: widths,
      borders: NO_BORDERS,
      ...(this.rtl ? { visuallyRightToLeft: true } : {}),
      rows: [
        new TableRow({
          cantSplit: true,
          children: [
            // With an emblem, "United Nations" moves right by the emblem's column, as in the PDF.
            ...(emblem ? [cell([new Paragraph({ style: STYLE.mastheadUnitedNations })], 1, thin, widths[0]!)] : []),
            cell([this.paragraph(STYLE.mastheadUnitedNations, [this.text(m.unitedNations)])], 1, thin, widths[at]!),
            cell([this.paragraph(STYLE.mastheadSymbol, [...symbol, ...this.starRef(m.symbolMark)])], 2, thin, widths[at + 1]! + widths[at + 2]!),
          ],
        }),
        new TableRow({
          cantSplit: true,
          children: [
            ...(emblem ? [cell([new Paragraph({ style: STYLE.mastheadOrgan, children: [emblem] })], 1, thick, widths[0]!)] : []),
            cell([this.paragraph(STYLE.mastheadOrgan, [this.text(m.organ, organSize)])], 2, thick, widths[at]! + widths[at + 1]!),
            cell(
              // In another language than the document's (English in Arabic), the column reads left to right: the styles' direction is undone.
              columnLines.map((line, k) => new Paragraph({ style: STYLE.mastheadColumn, children: [new TextRun({ text: line, ...this.runBase(col) })], spacing: k === 0 ? { before: halfPoints(M.secondRowGapPt) * 10 } : {}, ...(this.rtl ? { bidirectional: !col || col === this.doc.lang } : {}) })),
              1,
              thick,
              widths[at + 2]!,
            ),
          ],
        }),
      ],
    });
  }

  /**
   * A PNG emblem, in the template's box with its proportions, described by its alt text.
   * Other formats (SVG, and PDF emblems, which the build turns into SVG) are not drawn: Word
   * takes SVG only with a PNG copy beside it, which the tool does not make.
   */
  private emblem(): ImageRun | undefined {
    const e = this.doc.masthead.emblem;
    if (e?.format !== 'png' || !e.data || e.data.length < 24) return undefined;
    const view = new DataView(e.data.buffer, e.data.byteOffset, e.data.byteLength);
    const w = view.getUint32(16);
    const h = view.getUint32(20);
    if (!w || !h) return undefined;
    const M = UN_PAGE.masthead;
    // Word sizes pictures in pixels of 1/96 inch.
    const scale = Math.min(M.emblemWidthMm / w, M.emblemHeightMm / h) * (96 / 25.4);
    return new ImageRun({ type: 'png', data: e.data, transformation: { width: Math.round(w * scale), height: Math.round(h * scale) }, altText: { name: e.file, description: e.alt, title: e.alt } });
  }

  /** The meeting block under the thick rule: parent body and body (bold), session, place and dates, the item it is issued under. */
  private meetingBlock(): Paragraph[] {
    const meeting = this.doc.meeting;
    const lines: ParagraphChild[][] = [];
    if (meeting.parentBody) lines.push([this.text(meeting.parentBody, { bold: true })]);
    if (meeting.body) lines.push([this.text(meeting.body, { bold: true })]);
    if (meeting.session) lines.push([this.text(meeting.session)]);
    if (meeting.placeAndDates !== undefined) lines.push([this.text(meeting.placeAndDates)]);
    const under = meeting.underItem;
    if (under) lines.push([this.text(under.line), ...this.starRef(under.mark)], this.inlines(under.title, { bold: true }));
    return lines.map((children, k) => new Paragraph({ style: STYLE.meeting, children, ...(k === 0 ? { spacing: { before: halfPoints(UN_PAGE.masthead.meetingGapPt) * 10 } } : {}), ...(this.rtl ? { bidirectional: true } : {}) }));
  }

  /** The organization of work: a table whose header row repeats on each page it runs to. */
  private annex(a: Annex): (Paragraph | Table)[] {
    const T = UN_PAGE.table;
    const frame = mmTwips(FRAME_MM) - 2 * mmTwips(UN_PAGE.indentMm);
    const widths = T.shares.map((s) => Math.round(frame * s));
    const tableRule = rule(UN_PAGE.rules.tablePt);
    const endRule = rule(UN_PAGE.rules.tableEndPt);
    const cell = (children: ParagraphChild[], k: number, style: string = STYLE.tableText, borders: { top?: IBorderOptions; bottom?: IBorderOptions } = {}) =>
      new TableCell({
        children: [this.paragraph(style, children)],
        width: { size: widths[k]!, type: WidthType.DXA },
        borders: { left: NONE, right: NONE, top: borders.top ?? NONE, bottom: borders.bottom ?? NONE },
        margins: { left: 0, right: Math.round(T.gutterPt * 20), top: 0, bottom: 0 },
      });
    const headRow = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [a.columns.dateAndTime, a.columns.agendaItem, a.columns.titleOrDescription].map((c, k) => cell([this.text(c)], k, STYLE.tableHead, { top: tableRule, bottom: tableRule })),
    });
    const rows: TableRow[] = [headRow];
    const days = a.days;
    days.forEach((day, d) => {
      // The day's label across the row, so that "Monday, 11 September" is not broken in the narrow first column.
      const label = new TableCell({
        children: [this.paragraph(STYLE.tableText, [this.text(day.label, { bold: true })], { keepNext: true })],
        columnSpan: 3,
        width: { size: widths.reduce((x, y) => x + y, 0), type: WidthType.DXA },
        borders: { left: NONE, right: NONE, top: NONE, bottom: NONE },
        margins: { left: 0, right: 0, top: 0, bottom: 0 },
      });
      rows.push(new TableRow({ cantSplit: true, children: [label] }));
      day.slots.forEach((slot, s) => {
        slot.rows.forEach((row, r) => {
          const last = d === days.length - 1 && s === day.slots.length - 1 && r === slot.rows.length - 1;
          const bottom = last ? { bottom: endRule } : {};
          rows.push(
            new TableRow({
              cantSplit: true,
              children: [cell(r === 0 ? [this.text(slot.time)] : [], 0, STYLE.tableText, bottom), cell(row.item ? [this.text(row.item)] : [], 1, STYLE.tableText, bottom), cell(this.inlines(row.title), 2, STYLE.tableText, bottom)],
            }),
          );
        });
      });
    });
    return [
      this.paragraph(STYLE.annexHeading, [this.text(a.heading)]),
      this.paragraph(STYLE.annexTitle, [this.text(a.title)]),
      new Table({
        layout: TableLayoutType.FIXED,
        width: { size: widths.reduce((x, y) => x + y, 0), type: WidthType.DXA },
        indent: { size: mmTwips(UN_PAGE.indentMm), type: WidthType.DXA },
        columnWidths: widths,
        borders: NO_BORDERS,
        ...(this.rtl ? { visuallyRightToLeft: true } : {}),
        rows,
      }),
    ];
  }

  /** The notes: numbered ones under their numbers, then the asterisk notes under their marks. */
  footnotes(): Record<string, { children: Paragraph[] }> {
    const notes: Record<string, { children: Paragraph[] }> = {};
    for (const n of this.doc.footnotes) notes[String(n.number)] = { children: [new Paragraph({ style: STYLE.footnoteText, children: [this.text(' '), ...this.inlines(n.content)], ...(this.rtl ? { bidirectional: true } : {}) })] };
    for (const n of this.doc.starNotes ?? []) notes[String(this.starIds.get(n.mark))] = { children: [this.starParagraph(n)] };
    return notes;
  }

  private starParagraph(n: StarNote): Paragraph {
    const mark = new TextRun({ text: n.mark, style: STYLE.footnoteReference, ...this.runBase() });
    return new MarkedNoteParagraph({ style: STYLE.footnoteText, children: [mark, this.text(' '), ...this.inlines(n.content)], ...(this.rtl ? { bidirectional: true } : {}) });
  }

  /** Later pages: the symbol at the head; the page counter under it in the older style, which has it there. */
  runningHead(): Paragraph[] {
    const F = UN_PAGE.furniture;
    const border = { bottom: { ...rule(UN_PAGE.rules.thinPt), space: Math.round(F.headRuleBelowPt) } };
    const head = new Paragraph({ style: STYLE.furniture, children: [this.symbolText(this.doc.masthead.symbol, { bold: true })], border, ...(this.rtl ? { bidirectional: true } : {}) });
    const lines = this.doc.pageStyle?.counterInHead ? [head, this.pageCounter()] : [head];
    // Space under the head so that the body starts at the template's top margin on later pages.
    const used = HEADER_TOP + lines.length * twips(F.headPt + 2) + twips(F.headRuleBelowPt + UN_PAGE.rules.thinPt);
    const gap = Math.max(0, mmTwips(UN_PAGE.margins.topMm) - used);
    lines.push(new Paragraph({ style: STYLE.furniture, spacing: { before: 0, after: 0, line: Math.max(gap, 20), lineRule: LineRuleType.EXACT }, children: [] }));
    return lines;
  }

  /** Later pages: the page counter ("2/5") at the foot, unless the style sets it at the head, and the job number without its language letter. */
  runningFoot(): Paragraph[] {
    const job = this.doc.masthead.job;
    return [
      ...(this.doc.pageStyle?.counterInHead ? [] : [this.pageCounter()]),
      ...(job ? [new Paragraph({ style: STYLE.furniture, children: [this.text(job.baseNumber)], ...(this.rtl ? { bidirectional: true } : {}) })] : []),
    ];
  }

  /** The locale's counter pattern with Word's PAGE and NUMPAGES fields for {page} and {pages}. */
  private pageCounter(): Paragraph {
    const parts = this.doc.pageCounter.split(/(\{page\}|\{pages\})/).filter(Boolean);
    const counter = parts.map((p) => (p === '{page}' ? new TextRun({ children: [PageNumber.CURRENT], ...this.runBase() }) : p === '{pages}' ? new TextRun({ children: [PageNumber.TOTAL_PAGES], ...this.runBase() }) : this.text(p)));
    return new Paragraph({ style: STYLE.furniture, alignment: AlignmentType.RIGHT, children: counter, ...(this.rtl ? { bidirectional: true } : {}) });
  }

  /** The first page's foot: the job number and its date stamps (the barcode and QR code are not drawn). */
  firstFoot(): Paragraph[] {
    const job = this.doc.masthead.job;
    if (!job) return [];
    const runs: ParagraphChild[] = [this.text(job.number, { size: halfPoints(UN_PAGE.job.numberPt) })];
    for (const stamp of job.stamps) runs.push(this.tab(), this.text(stamp, { size: halfPoints(UN_PAGE.job.stampPt) }));
    return [new Paragraph({ style: STYLE.furniture, children: runs, ...(this.rtl ? { bidirectional: true } : {}) })];
  }
}
