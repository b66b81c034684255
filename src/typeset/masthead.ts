import type { AgendaDocument, Origin } from '../model.js';
import { baselineIn } from './blocks.js';
import { firstFootOf, MASTHEAD, PAGE, pageFrame, RULE, TYPE } from './geometry.js';
import type { FontMetrics } from './fonts.js';
import { breakLines, plainPieces, toPieces, type Line, type Piece } from './line-breaker.js';
import type { Mark, Structure, StructNode } from './pages.js';
import type { Unit } from './paginate.js';
import { repiece, restyle } from './pieces.js';

/** A YAML path, as the model's origins give it. */
type Path = Origin['path'];

/** The right-hand column of the masthead (distribution, date, original language). */
const RIGHT_COLUMN = MASTHEAD.rightColumn;
/** The organ's name wraps before the right column. */
const ORGAN_WIDTH = MASTHEAD.organWidth;
/** The meeting block is narrow, as in UN documents ("Working Group on / International Cooperation"). */
const MEETING_WIDTH = MASTHEAD.meetingWidth;

/** Space kept between "United Nations" and the document symbol on the masthead's first line. */
const SYMBOL_GAP = MASTHEAD.symbolGap;

/**
 * A text of the definition that the page cannot hold. The typesetter knows no output
 * format: an exporter reports it as input it cannot render, at `origin`.
 */
export class PageOverflowError extends Error {
  constructor(
    message: string,
    readonly origin: Origin,
    readonly hint: string,
    readonly code: 'masthead-too-long' | 'symbol-too-wide',
  ) {
    super(message);
  }
}

/** A text too long for the masthead, which must fit on the first page and is not continued on the next. */
export class MastheadTooLongError extends PageOverflowError {
  constructor(what: string, lines: number, height: number, room: number, path: Path) {
    super(
      `the masthead does not fit on the first page: ${what} takes ${lines} lines (${Math.round(height)} pt; the first page has ${Math.round(room)} pt for the whole masthead)`,
      { path },
      'shorten it: the masthead (the names of the bodies, the session, the venue and the dates) must fit on the first page',
      'masthead-too-long',
    );
    this.name = 'MastheadTooLongError';
  }
}

/** A document symbol wider than the room beside "United Nations": a symbol is never broken. */
export class SymbolTooWideError extends PageOverflowError {
  constructor(symbol: string, width: number, room: number) {
    const shown = symbol.length > 60 ? `${symbol.slice(0, 60)}…` : symbol;
    super(
      `the document symbol "${shown}" is too wide for the masthead (${Math.round(width)} pt; ${Math.round(room)} pt are left beside "United Nations"), and a symbol is never broken`,
      { path: ['document', 'symbol'] },
      'check the symbol: it is set in one piece at the top right of the first page',
      'symbol-too-wide',
    );
    this.name = 'SymbolTooWideError';
  }
}

/**
 * The first page's head as one unit: "United Nations" and the symbol over a
 * thin rule; the organ at left and distribution, date and original language at
 * right; the thick rule; then the meeting block (body, session, place and dates).
 * It must fit on the first page: a text that makes it taller (an organ, body or
 * venue of pages of text) stops the build with an error at that text's YAML value,
 * as does a symbol too wide for its place.
 */
export function mastheadUnit(doc: AgendaDocument, fonts: FontMetrics, tree: Structure, root: StructNode): Unit {
  const m = doc.masthead;
  const M = TYPE.masthead;
  const cut = m.symbol.indexOf('/');
  const symbolHead = cut > 0 ? m.symbol.slice(0, cut) : m.symbol;
  const symbolTail = cut > 0 ? m.symbol.slice(cut) : '';
  const link = m.symbolUrl ? { link: m.symbolUrl } : {};
  const symbolPieces: Piece[] = [
    ...plainPieces(symbolHead, 'regular', M.symbolBig, fonts).map((x) => repiece(x, { style: restyle(x.style, link) })),
    ...(symbolTail ? plainPieces(symbolTail, 'regular', M.symbolRest, fonts).map((x, k) => repiece(x, { style: restyle(x.style, link), before: k === 0 ? 'none' : x.before })) : []),
    // The asterisk of a note on the symbol ("CMW/C/40/1*"), not part of the link.
    ...(m.symbolMark ? plainPieces(m.symbolMark, 'regular', M.symbolRest, fonts).map((x, k) => repiece(x, { before: k === 0 ? 'none' : x.before })) : []),
  ];
  const symbolLine = breakLines(symbolPieces, [1e6], fonts, false, undefined, 'auto')[0]!;
  const unLine = breakLines(plainPieces(m.unitedNations, 'regular', M.unitedNations, fonts), [1e6], fonts, false, undefined, 'auto')[0]!;
  // An emblem takes a column at the left, under the thin rule; "United Nations" and the organ move right of it.
  const emblem = m.emblem?.data && (m.emblem.format === 'svg' || m.emblem.format === 'png') ? { format: m.emblem.format, data: m.emblem.data } : undefined;
  const shift = emblem ? MASTHEAD.emblemColumn : 0;
  // A principal organ (General Assembly, Economic and Social Council) is set larger.
  const organSize = m.principalOrgan ? MASTHEAD.principalOrgan : M.organ;
  const organLeading = m.principalOrgan ? MASTHEAD.principalOrganLeading : M.organLeading;
  // A name, broken as the body's name is: "... to the / United Nations Convention against / ...", never inside "United Nations".
  const organLines = nameLines(plainPieces(m.organ, 'bold', organSize, fonts), ORGAN_WIDTH - shift, fonts);
  const rightTexts = [m.distribution, m.date, '', ...(m.versionLanguage ? [m.versionLanguage] : []), m.original, ...(m.languagesOnly ? [m.languagesOnly] : [])];
  // Each text on lines of its own, wrapped at the page's right edge ("Arabic, Chinese, English, French and
  // Russian only" takes two); an empty text is a blank line.
  const rightLines = rightTexts.map((t) => (t ? breakLines(plainPieces(t, 'regular', M.right, fonts), [PAGE.right - RIGHT_COLUMN], fonts, false, undefined, 'auto') : undefined));
  const meetingLines = [
    ...(doc.meeting.parentBody ? [nameLines(plainPieces(doc.meeting.parentBody, 'bold', TYPE.body.size, fonts), MEETING_WIDTH, fonts)] : []),
    ...(doc.meeting.body ? [nameLines(plainPieces(doc.meeting.body, 'bold', TYPE.body.size, fonts), MEETING_WIDTH, fonts)] : []),
    ...(doc.meeting.session ? [breakLines(plainPieces(doc.meeting.session, 'regular', TYPE.body.size, fonts), [MEETING_WIDTH * 2], fonts, false, undefined, 'auto')] : []),
    ...(doc.meeting.placeAndDates === undefined ? [] : [breakLines(plainPieces(doc.meeting.placeAndDates, 'regular', TYPE.body.size, fonts), [MEETING_WIDTH * 2], fonts, false, undefined, 'auto')]),
    ...underItemLines(doc, fonts),
  ];

  // Structure, in reading order.
  const unEl = tree.add(root, 'P');
  const symbolEl = tree.add(root, 'P');
  const organEl = tree.add(root, 'P');
  const rightEls = rightTexts.map((t) => (t ? tree.add(root, 'P') : undefined));
  const meetingEls = meetingLines.map(() => tree.add(root, 'P'));

  const symbolRoom = PAGE.right - PAGE.left - shift - unLine.width - SYMBOL_GAP;
  if (symbolLine.width > symbolRoom) throw new SymbolTooWideError(m.symbol, symbolLine.width, symbolRoom);

  const row1 = MASTHEAD.row1;
  const row2Top = row1 + MASTHEAD.row2Gap;
  const organHeight = Math.max(organLines.length * organLeading, emblem ? MASTHEAD.emblemHeight : 0);
  let rightCount = 0;
  for (const ls of rightLines) rightCount += ls ? ls.length : 1;
  const rightHeight = rightCount * M.rightLeading;
  const thick = row2Top + Math.max(organHeight, rightHeight) + MASTHEAD.thickGap;
  const meetingTop = thick + MASTHEAD.meetingGap;
  const meetingHeight = meetingLines.reduce((s, ls) => s + ls.length * TYPE.body.leading, 0);
  const frame = pageFrame(0, firstFootOf(doc));
  const room = frame.bottom - frame.top;
  if (meetingTop + meetingHeight > room) throw tooLong(doc, organLines.length, organLeading, meetingLines, room);

  const marks: Mark[] = [];
  const line = (l: Line, x: number, y: number, target: StructNode) => marks.push({ kind: 'line', line: l, x, y, target });
  const rule = (y: number, width: number) => marks.push({ kind: 'rule', x1: PAGE.left, x2: PAGE.right, y, width });
  line(unLine, PAGE.left + shift, row1 - MASTHEAD.row1Baseline, unEl);
  line(symbolLine, PAGE.right - symbolLine.width, row1 - MASTHEAD.row1Baseline, symbolEl);
  rule(row1, RULE.thin);
  if (emblem) marks.push({ kind: 'image', x: PAGE.left, y: row2Top, width: MASTHEAD.emblemWidth, height: MASTHEAD.emblemHeight, ...emblem });
  organLines.forEach((l, k) => line(l, PAGE.left + shift, row2Top + baselineIn(fonts, organSize, organLeading) + k * organLeading, organEl));
  let row = 0;
  rightLines.forEach((ls, k) => {
    if (!ls) row++;
    else for (const l of ls) line(l, RIGHT_COLUMN, row2Top + baselineIn(fonts, M.right, M.rightLeading) + row++ * M.rightLeading, rightEls[k]!);
  });
  rule(thick, RULE.thick);
  let y = meetingTop;
  meetingLines.forEach((ls, k) => {
    for (const l of ls) {
      line(l, PAGE.left, y + baselineIn(fonts, TYPE.body.size, TYPE.body.leading), meetingEls[k]!);
      y += TYPE.body.leading;
    }
  });
  return { height: meetingTop + meetingHeight, before: 0, keep: true, notes: [], marks };
}

/** The error for a masthead taller than the first page, at the text that takes the most room. */
function tooLong(doc: AgendaDocument, organLines: number, organLeading: number, meetingLines: Line[][], room: number): MastheadTooLongError {
  // The texts of the meeting block, in the order mastheadUnit sets them, with the YAML fields
  // they come from (the model keeps no origin for them; normalize makes them of these fields).
  const meeting: [string, Path][] = [
    ...(doc.meeting.parentBody ? [["the parent body's name", ['parent_body']] as [string, Path]] : []),
    ...(doc.meeting.body !== undefined ? [["the body's name", ['body']] as [string, Path]] : []),
    ...(doc.meeting.session ? [['the session', ['meeting', 'number']] as [string, Path]] : []),
    ...(doc.meeting.placeAndDates === undefined ? [] : [['the venue', ['meeting', 'venue']] as [string, Path]]),
    ...(doc.meeting.underItem
      ? [
          ["'document.under_item'", doc.meeting.underItem.origin.path] as [string, Path],
          ["'document.under_item'", doc.meeting.underItem.origin.path] as [string, Path],
        ]
      : []),
  ];
  const organField = doc.masthead.organOrigin?.path[0];
  const organName = organField === 'organ' ? "the organ's name" : organField === 'parent_body' ? "the parent body's name" : "the body's name";
  let worst: [string, number, number, Path] = [organName, organLines, organLines * organLeading, doc.masthead.organOrigin?.path ?? ['document', 'symbol']];
  meetingLines.forEach((ls, k) => {
    const height = ls.length * TYPE.body.leading;
    if (height > worst[2]) worst = [meeting[k]![0], ls.length, height, meeting[k]![1]];
  });
  return new MastheadTooLongError(worst[0], worst[1], worst[2], room, worst[3]);
}

/** "Item 2 of the provisional agenda*" and the item's title in bold, in the narrow column of the meeting block. */
function underItemLines(doc: AgendaDocument, fonts: FontMetrics): Line[][] {
  const under = doc.meeting.underItem;
  if (!under) return [];
  const size = TYPE.body.size;
  const base = { size, markerSize: TYPE.marker.size, markerRise: TYPE.marker.rise };
  const line = plainPieces(under.line + (under.mark ?? ''), 'regular', size, fonts);
  return [breakLines(line, [MEETING_WIDTH * 2], fonts, false, undefined, 'auto'), balancedLines(toPieces(under.title, { ...base, face: 'bold' }, fonts), MEETING_WIDTH, fonts)];
}

/** As few lines as fit in `width`, made as even as possible (the narrowest measure that needs no more lines). */
function balancedLines(pieces: Piece[], width: number, fonts: FontMetrics): Line[] {
  const count = breakLines(pieces, [width], fonts, false, undefined, 'auto').length;
  let lo = 0;
  for (const p of pieces) lo = Math.max(lo, p.width);
  let hi = width;
  while (hi - lo > 1) {
    const mid = (lo + hi) / 2;
    if (breakLines(pieces, [mid], fonts, false, undefined, 'auto').length > count) lo = mid;
    else hi = mid;
  }
  return breakLines(pieces, [hi], fonts, false, undefined, 'auto');
}

/** Past this many words a name is broken as any text is (nameLines tries every break). */
const MAX_NAME_WORDS = 40;

/** A word that starts with a capital letter: within a name, two of them in a row are one term ("Crime Prevention"). */
const capitalized = (p: Piece) => /^\p{Lu}/u.test(p.text);

/**
 * A body's name in the narrow column: as few lines as fit, as even as possible, never broken
 * between two capitalized words, which name one thing ("Commission on Crime Prevention /
 * and Criminal Justice", not "... on Crime / Prevention ..."). A name that cannot be broken
 * so (or is very long) is broken as balancedLines breaks it.
 */
function nameLines(pieces: Piece[], width: number, fonts: FontMetrics): Line[] {
  const n = pieces.length;
  const fallback = () => balancedLines(pieces, width, fonts);
  if (n > MAX_NAME_WORDS || pieces.some((p, k) => k > 0 && p.before !== 'space' && p.before !== 'glue' && p.before !== 'none')) return fallback();
  const segment = (i: number, j: number): Line => breakLines([repiece(pieces[i]!, { before: 'none' }), ...pieces.slice(i + 1, j)], [1e6], fonts, false, undefined, 'auto')[0]!;
  const breakable = (k: number) => pieces[k]!.before === 'space' && !(capitalized(pieces[k - 1]!) && capitalized(pieces[k]!));
  // best[j]: the fewest lines, then the least squared slack, for pieces 0..j-1 ending a line at j.
  const best: { lines: number; cost: number; from: number }[] = [{ lines: 0, cost: 0, from: -1 }];
  for (let j = 1; j <= n; j++) {
    best[j] = { lines: Infinity, cost: Infinity, from: -1 };
    if (j < n && !breakable(j)) continue;
    for (let i = j - 1; i >= 0; i--) {
      if (i > 0 && !breakable(i)) continue;
      if (best[i]!.lines === Infinity) continue;
      const w = segment(i, j).width;
      if (w > width) {
        if (j - i > 1) break; // longer segments only get wider
        continue;
      }
      const lines = best[i]!.lines + 1;
      const cost = best[i]!.cost + (j === n && lines === 1 ? 0 : (width - w) ** 2);
      if (lines < best[j]!.lines || (lines === best[j]!.lines && cost < best[j]!.cost)) best[j] = { lines, cost, from: i };
    }
  }
  if (best[n]!.lines === Infinity) return fallback();
  const cuts: number[] = [];
  for (let j = n; j > 0; j = best[j]!.from) cuts.unshift(j);
  return cuts.map((j, k) => segment(k === 0 ? 0 : cuts[k - 1]!, j));
}
