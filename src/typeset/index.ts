import type { AgendaDocument } from '../model.js';
import { fontChainOf, type FontMetrics } from './fonts.js';
import { footRule, furniture } from './furniture.js';
import { firstFootOf, pageFrame } from './geometry.js';
import { layout } from './layout.js';
import { linkWebAddresses } from './web-links.js';
import { mirrorMark, mirrorPlaced } from './mirror.js';
import { Structure, type Mark, type RuleMark, type StructNode } from './pages.js';
import { paginate, type Frame, type Placed } from './paginate.js';

export { MastheadTooLongError, PageOverflowError, SymbolTooWideError } from './masthead.js';
export type { Mark, StructNode, Target, LineMark, RunMark, RuleMark, BarsMark, PathMark, ImageMark } from './pages.js';
export type { Placed, Unit } from './paginate.js';
export type { Line, Piece, Style } from './line-breaker.js';
export { DEFAULT_FONTS, fontChainOf, tableMetrics, type Face, type FontChain, type FontMetrics } from './fonts.js';
export { PAGE } from './geometry.js';

/** A page as data, in the order an exporter draws it. */
export interface TypesetPage {
  /** Body units at their tops (repeated table headers among them, to be set as artifacts). */
  body: Placed[];
  /** The rule above the footnotes, when the page has any. */
  footRule?: RuleMark;
  /** Footnote lines at their tops. */
  foot: Placed[];
  /** Running head, page counter, job number and barcode: artifacts at absolute positions. */
  furniture: Mark[];
}

export interface TypesetDocument {
  pages: TypesetPage[];
  /** The structure tree's elements in the order they were made (the root first). */
  structure: StructNode[];
}

/**
 * The document set on UN pages: layout, pagination, footnotes and furniture, as data.
 * Measures text through `fonts` only; knows nothing of PDF.
 */
export function typeset(doc: AgendaDocument, metrics: FontMetrics): TypesetDocument {
  // The fonts of the document's language, by script, from its locale.
  const chain = fontChainOf(doc.writing.fonts);
  const fonts: FontMetrics =
    doc.dir === 'rtl'
      ? { width: (face, size, text, family) => metrics.width(face, size, text, family), ascent: (size) => metrics.ascent(size), chain, direction: 'rtl' }
      : { width: (face, size, text, family) => metrics.width(face, size, text, family), ascent: (size) => metrics.ascent(size), chain };
  const tree = new Structure();
  const flow = layout(doc, fonts, tree);
  for (const units of flow.notes.values()) linkWebAddresses(units);
  const foot = firstFootOf(doc);
  const frame = (i: number): Frame => pageFrame(i, foot);
  const pages = paginate(flow.units, flow.notes, frame);
  const rtl = doc.dir === 'rtl';
  const mirrored = new Map<Mark, Mark>();
  return {
    structure: tree.nodes,
    pages: pages.map((page, i) => {
      if (rtl) return mirrorPage(typesetPage(page, i), i, fonts, mirrored);
      return typesetPage(page, i);
    }),
  };

  function typesetPage(page: (typeof pages)[number], i: number): TypesetPage {
      const foot: Placed[] = [];
      const rule = footRule(page, frame(i));
      if (rule) {
        let y = rule.top;
        page.foot.forEach((line, k) => {
          if (k > 0) y += line.before;
          foot.push({ unit: line, top: y, repeated: false });
          y += line.height;
        });
      }
      const out: TypesetPage = { body: page.body, foot, furniture: furniture(fonts, doc, i, pages.length) };
      if (rule) out.footRule = rule.rule;
      return out;
  }
}

/**
 * A right-to-left document's page: everything mirrored (mirror.ts) but the first page's
 * footer (job number, barcode, QR code), which UN documents print in the same place in
 * every language.
 */
function mirrorPage(page: TypesetPage, index: number, fonts: FontMetrics, done: Map<Mark, Mark>): TypesetPage {
  const out: TypesetPage = {
    body: mirrorPlaced(page.body, fonts, done),
    foot: mirrorPlaced(page.foot, fonts, done),
    furniture: index === 0 ? page.furniture : page.furniture.map((m) => mirrorMark(m, fonts)),
  };
  if (page.footRule) out.footRule = mirrorMark(page.footRule, fonts) as RuleMark;
  return out;
}
