import { itemRuns, type AgendaDocument, type AgendaListItem, type AnnotationSection, type Footnote, type Inline, type StarNote } from '../model.js';
import { textUnits } from './blocks.js';
import type { Face, FontMetrics } from './fonts.js';
import { BODY, END_MARK, INDENT, LIST, PAGE, TYPE } from './geometry.js';
import { hyphenatorFor, type Hyphenator } from './hyphenation.js';
import { breakLines, plainPieces, toPieces, type Piece } from './line-breaker.js';
import { mastheadUnit } from './masthead.js';
import type { Structure, StructNode } from './pages.js';
import { FOOT, type Unit } from './paginate.js';
import { annexTableUnits } from './table.js';
import { appendAll } from '../util/append.js';
import { restyle } from './pieces.js';

export interface Flow {
  units: Unit[];
  /** Each footnote's lines, by number. */
  notes: Map<number, Unit[]>;
}

/**
 * Turns the model into a flow of units in reading order and builds the structure
 * tree alongside (Document > P, H1-H5, L/LI/Lbl/LBody, Table, Note), as data.
 */
/** The least room between a list's widest label and its titles (1 mm). */
const LABEL_GAP = 72 / 25.4;

export function layout(doc: AgendaDocument, fonts: FontMetrics, tree: Structure): Flow {
  const root = tree.root;
  const units: Unit[] = [];
  const notes = new Map<number, Unit[]>();
  const byNumber = new Map(doc.footnotes.map((n) => [n.number, n]));
  const body = { face: 'regular' as Face, size: TYPE.body.size, markerSize: TYPE.marker.size, markerRise: TYPE.marker.rise };
  let pendingAfter = 0;
  // Justified text (paragraphs, the agenda list, footnotes) is hyphenated in the document's language.
  const hyphenator = hyphenatorFor(doc.lang);
  /** A list label's width as set: its pieces, and a word space where they are apart ("1 -"). */
  const labelWidth = (label: string) => {
    const pieces = plainPieces(label, 'regular', TYPE.body.size, fonts);
    const space = fonts.width('regular', TYPE.body.size, ' ');
    return pieces.reduce((w, p, i) => w + p.width + (i > 0 && p.before === 'space' ? space : 0), 0);
  };

  const push = (list: Unit[], before: number, after: number) => {
    if (list[0]) list[0].before = Math.max(pendingAfter, before);
    appendAll(units, list);
    pendingAfter = after;
  };

  /** Note elements follow the element whose text first calls them. */
  const attachNotes = (nodes: readonly Inline[], parent: StructNode) => {
    for (const n of calledNotes(nodes)) {
      const note = byNumber.get(n);
      if (note && !notes.has(n)) notes.set(n, noteUnits(note, fonts, tree.add(parent, 'Note'), hyphenator));
    }
  };

  const heading = (type: string, text: Piece[], x: number, spec: { size: number; leading: number; before: number; after: number }, parent = root, label?: Piece[], labelX?: number, bookmark?: false) => {
    const el = tree.add(parent, type, undefined, bookmark);
    push(
      textUnits({ pieces: text, x, width: PAGE.right - INDENT - x, size: spec.size, leading: spec.leading, target: el, before: spec.before, justify: false, keepAll: true, ...(label ? { label: { pieces: label, x: labelX!, target: el } } : {}) }, fonts),
      spec.before,
      spec.after,
    );
    return el;
  };

  const paragraph = (content: Inline[], parent: StructNode, x = BODY.x, width = BODY.width, label?: string) => {
    const el = tree.add(parent, 'P');
    // A numbered paragraph: the number at the margin, the first line's text one hang in, the other lines at the margin.
    const numbered = label === undefined ? {} : { label: { pieces: plainPieces(label, 'regular', TYPE.body.size, fonts), x, target: el }, firstIndent: LIST.paragraphHang };
    push(textUnits({ pieces: toPieces(content, body, fonts), x, width, size: TYPE.body.size, leading: TYPE.body.leading, target: el, before: TYPE.body.after, justify: true, hyphenator, ...numbered }, fonts), TYPE.body.after, TYPE.body.after);
    attachNotes(content, parent);
  };

  const head = mastheadUnit(doc, fonts, tree, root);
  units.push(head);
  // The asterisk notes go with the masthead, so they stand at the foot of the first page before any numbered note.
  (doc.starNotes ?? []).forEach((n, k) => {
    notes.set(starNoteKey(k), starNoteUnits(n, fonts, tree.add(root, 'Note'), hyphenator));
    head.notes.push(starNoteKey(k));
  });
  if (doc.titleContent || doc.titleMark) {
    const title: Inline[] = [...(doc.titleContent ?? [{ type: 'text', value: doc.title }]), ...(doc.titleMark ? [{ type: 'text' as const, value: doc.titleMark }] : [])];
    heading('H1', toPieces(title, { ...body, face: 'bold', size: TYPE.title.size }, fonts), BODY.x, TYPE.title);
  } else heading('H1', plainPieces(doc.title, 'bold', TYPE.title.size, fonts), BODY.x, TYPE.title);
  for (const line of doc.subtitle ?? []) paragraph(line.content, root);
  for (const p of doc.introduction ?? []) paragraph(p.content, root);

  // The provisional agenda: a list with hanging numbers; sub-items a nested list.
  const agenda = doc.agenda;
  if (agenda?.heading !== undefined) heading('H2', plainPieces(agenda.heading, 'bold', TYPE.section.size, fonts), BODY.x, TYPE.section);
  /** A group of items' heading ("Operational segment"), bold at the body indent, one level under `parentLevel`. */
  const groupHeading = (content: Inline[], parentLevel: number) => {
    heading(`H${parentLevel + 1}`, toPieces(content, { ...body, face: 'bold' }, fonts), BODY.x, TYPE.item);
    attachNotes(content, root);
  };
  // `aligned`: the items whose labels decide where the titles start (every group's, so that the groups align).
  const list = (items: AgendaListItem[], parent: StructNode, level: 1 | 2 | 3, aligned: readonly AgendaListItem[] = items) => {
    const L = tree.add(parent, 'L');
    // The titles start one hang after the labels, or further where a label is wider than the
    // hang allows (Arabic letters in brackets, "(ص)", are wider than "(a)"): the whole list
    // then moves, so that its titles stay aligned, the widest label a gap from them.
    const labelX = level === 1 ? LIST.label1 : level === 2 ? LIST.label2 : LIST.label3;
    const widest = Math.max(0, ...aligned.map((item) => labelWidth(item.label)));
    const x = Math.max(level === 1 ? LIST.text1 : level === 2 ? LIST.text2 : LIST.text3, labelX + widest + LABEL_GAP);
    for (const item of items) {
      const li = tree.add(L, 'LI');
      const lbl = tree.add(li, 'Lbl');
      const lbody = tree.add(li, 'LBody');
      // The title's text gets its own element, created now: content added to LBody itself
      // at drawing time would come after the nested list in the structure's reading order.
      const text = tree.add(lbody, 'Span');
      const title: Inline[] = [...item.title, { type: 'text', value: item.punctuation }, ...(item.notesAfter ?? [])];
      const lines = textUnits(
        {
          pieces: toPieces(title, body, fonts),
          x,
          width: BODY.x + BODY.width - x,
          size: TYPE.body.size,
          leading: TYPE.body.leading,
          target: text,
          before: level === 1 ? TYPE.body.after : LIST.subItemBefore,
          // Justified as the body is, the number or letter hanging before the first line.
          justify: true,
          hyphenator,
          label: { pieces: plainPieces(item.label, 'regular', TYPE.body.size, fonts), x: labelX, target: lbl },
        },
        fonts,
      );
      // An entry that introduces sub-items ("23. Report of the Security Council:") is never left at a page's foot without the first of them.
      if (item.children.length && lines.length) lines[lines.length - 1]!.keep = true;
      push(lines, level === 1 ? TYPE.body.after : LIST.subItemBefore, TYPE.body.after);
      attachNotes(title, lbody);
      if (item.children.length) list(item.children, lbody, level === 1 ? 2 : 3);
    }
  };
  // A group's heading ends a list; the items under it make the next.
  if (agenda) {
    for (const run of itemRuns(agenda.items)) {
      if (run.heading) groupHeading(run.heading.content, agenda.heading === undefined ? 1 : 2);
      list(run.items, root, 1, agenda.items);
    }
  }

  // Annotations: "1." hangs in the margin of the body indent, the title aligns with the text.
  const annotations = doc.annotations;
  if (annotations?.heading !== undefined) heading('H2', plainPieces(annotations.heading, 'bold', TYPE.section.size, fonts), BODY.x, TYPE.section);
  // Without a part heading (an addendum of annotations), items head at the level below the title.
  const base = annotations?.heading === undefined ? 1 : 2;
  const section = (s: AnnotationSection) => {
    if (s.groupHeading) groupHeading(s.groupHeading.content, s.level + base - 1);
    const type = `H${s.level + base}`;
    const label = plainPieces(s.label, 'bold', TYPE.item.size, fonts);
    const title = toPieces(s.title, { ...body, face: 'bold' }, fonts);
    heading(type, title, BODY.x, TYPE.item, root, label, PAGE.left);
    attachNotes(s.title, root);
    for (const para of s.paragraphs) {
      // A sub-heading: italic, one level under the item's heading, as its "Documentation".
      if (para.heading) {
        heading(`H${s.level + base + 1}`, toPieces(para.content, { ...body, face: 'italic', size: TYPE.documentation.size }, fonts), BODY.x, TYPE.documentation);
        attachNotes(para.content, root);
      } else paragraph(para.content, root, BODY.x, BODY.width, para.label);
    }
    if (s.documentation) {
      heading(`H${s.level + base + 1}`, plainPieces(s.documentation.heading, 'italic', TYPE.documentation.size, fonts), BODY.x, TYPE.documentation, root, undefined, undefined, false);
      for (const e of s.documentation.entries) paragraph(e.content, root);
    }
    s.children.forEach(section);
  };
  annotations?.sections.forEach(section);

  if (doc.annex) {
    const a = doc.annex;
    // The annex starts a page of its own, as UN documents set it.
    const first = units.length;
    heading('H2', plainPieces(a.heading, 'bold', TYPE.annex.size, fonts), PAGE.left, { ...TYPE.annex, before: TYPE.annexBefore });
    if (units[first]) units[first].pageBreakBefore = true;
    heading('H3', plainPieces(a.title, 'bold', TYPE.section.size, fonts), BODY.x, TYPE.section);
    const rows = annexTableUnits(a, fonts, tree, root);
    push(rows, TYPE.table.before, 0);
    for (const day of a.days) for (const slot of day.slots) for (const r of slot.rows) attachNotes(r.title, root);
  }
  // Notes never called still belong to the document: they follow the last page's text.
  for (const n of doc.footnotes) {
    if (!notes.has(n.number)) {
      const el = tree.add(root, 'Note');
      const lines = noteUnits(n, fonts, el, hyphenator);
      notes.set(n.number, lines);
      if (units.length) units[units.length - 1]!.notes.push(n.number);
    }
  }
  // The end mark under the last line, which keeps it company on its page.
  const last = units[units.length - 1];
  if (last) {
    last.keep = true;
    units.push({ height: END_MARK.weight, before: END_MARK.before, keep: false, notes: [], marks: [{ kind: 'rule', x1: END_MARK.x1, x2: END_MARK.x2, y: END_MARK.weight / 2, width: END_MARK.weight }] });
  }
  return { units, notes };
}

function calledNotes(nodes: readonly Inline[]): number[] {
  const out: number[] = [];
  const walk = (list: readonly Inline[]) => {
    for (const n of list) {
      if (n.type === 'noteRef') out.push(n.number);
      else if ('children' in n) walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** The asterisk notes' keys among the footnotes' numbers, which start at 1. */
const starNoteKey = (index: number) => -1 - index;

/** An asterisk note's lines, set as a footnote with its asterisks in place of a number. */
function starNoteUnits(note: StarNote, fonts: FontMetrics, el: StructNode, hyphenator: Hyphenator | undefined): Unit[] {
  return noteUnits({ number: 0, content: note.content }, fonts, el, hyphenator, note.mark);
}

/** A footnote's lines: the call hangs before the text at the body indent. */
function noteUnits(note: Pick<Footnote, 'number' | 'content'>, fonts: FontMetrics, el: StructNode, hyphenator: Hyphenator | undefined, mark = String(note.number)): Unit[] {
  const N = TYPE.note;
  const M = TYPE.noteMarker;
  const lines = breakLines(toPieces(note.content, { face: 'regular', size: N.size, markerSize: M.size, markerRise: M.rise }, fonts), [BODY.width], fonts, true, hyphenator);
  const marker = breakLines(plainPieces(mark, 'regular', M.size, fonts), [1e6], fonts, false)[0]!;
  const markerX = BODY.x - M.gap - marker.width;
  const base = (N.leading - N.size) / 2 + fonts.ascent(N.size) * 0.94;
  return lines.map((line, k) => ({
    height: N.leading,
    before: k === 0 ? FOOT.gap : 0,
    keep: false,
    notes: [],
    marks: [
      ...(k === 0 ? [{ kind: 'run' as const, text: marker.pieces[0]!.text, style: restyle(marker.pieces[0]!.style, { rise: M.rise }), x: markerX, y: base, target: el }] : []),
      { kind: 'line' as const, line, x: BODY.x, y: base, target: el },
    ],
  }));
}
