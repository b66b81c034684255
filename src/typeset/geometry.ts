import { UN_PAGE, type PageTemplate } from '../page/template.js';

/**
 * The page template's values in PDF points, as the typesetter uses them. Derived from
 * src/page/template.ts (the one description of the page), with millimetres converted
 * by the same expressions everywhere so that the same template gives the same bytes.
 */
const mm = 72 / 25.4;

export function geometryOf(t: PageTemplate) {
  const m = t.margins;
  const S = t.styles;
  const page = {
    width: t.size.widthPt,
    height: t.size.heightPt,
    left: m.leftMm * mm,
    right: t.size.widthPt - m.rightMm * mm,
    /** Top of the masthead on the first page. */
    firstTop: m.firstTopMm * mm,
    /** Top of the body on later pages, below the running head. */
    top: m.topMm * mm,
    /** Baseline of the running head. */
    headBaseline: t.furniture.headBaselineMm * mm,
    /** Foot of the body (footnotes included). */
    bottom: t.size.heightPt - m.bottomMm * mm,
    /** Foot of the body on the first page when the job number is printed below it. */
    firstBottomWithJob: t.size.heightPt - m.firstBottomWithJobMm * mm,
    /** Baseline of the page counter and job number on later pages. */
    footBaseline: t.size.heightPt - t.furniture.footBaselineFromBottomMm * mm,
  };
  const indent = t.indentMm * mm;
  const body = { x: page.left + indent, width: page.right - page.left - 2 * indent };
  const style = (s: { sizePt: number; leadingPt: number; beforePt: number; afterPt: number }) => ({ size: s.sizePt, leading: s.leadingPt, before: s.beforePt, after: s.afterPt });
  const M = t.masthead;
  return {
    PAGE: page,
    INDENT: indent,
    BODY: body,
    /** The agenda list: numbers at the body indent, titles and letters hang after them. */
    LIST: {
      label1: body.x,
      text1: body.x + t.list.hangMm * mm,
      label2: body.x + t.list.hangMm * mm,
      text2: body.x + 2 * t.list.hangMm * mm,
      label3: body.x + 2 * t.list.hangMm * mm,
      text3: body.x + 3 * t.list.hangMm * mm,
      subItemBefore: t.list.subItemBeforePt,
      /** Where the text of a numbered paragraph's first line starts after its number: one hang in. */
      paragraphHang: t.list.hangMm * mm,
    },
    TYPE: {
      body: style(S.body),
      note: style(S.note),
      marker: { size: t.markers.body.sizePt, rise: t.markers.body.risePt },
      noteMarker: { size: t.markers.note.sizePt, rise: t.markers.note.risePt, gap: t.markers.noteGapPt },
      title: style(S.title),
      section: style(S.section),
      item: style(S.item),
      documentation: style(S.documentation),
      annex: style(S.annex),
      annexBefore: S.annexBeforePt,
      table: { size: t.table.sizePt, leading: t.table.leadingPt, head: t.table.headPt, headLeading: t.table.headLeadingPt, pad: t.table.padPt, before: t.table.beforePt },
      runningHead: { size: t.furniture.headPt },
      masthead: { unitedNations: M.unitedNationsPt, symbolBig: M.symbolFirstPartPt, symbolRest: M.symbolRestPt, organ: M.organPt, organLeading: M.organLeadingPt, right: M.rightPt, rightLeading: M.rightLeadingPt },
    },
    RULE: { thin: t.rules.thinPt, thick: t.rules.thickPt, table: t.rules.tablePt, tableEnd: t.rules.tableEndPt, noteSeparatorLength: t.footnotes.ruleShare },
    MASTHEAD: {
      rightColumn: page.left + M.rightColumnMm * mm,
      organWidth: M.organWidthMm * mm,
      meetingWidth: M.meetingWidthMm * mm,
      symbolGap: M.symbolGapPt,
      row1: M.firstRowPt,
      row1Baseline: M.firstBaselineAbovePt,
      row2Gap: M.secondRowGapPt,
      thickGap: M.thickRuleGapPt,
      meetingGap: M.meetingGapPt,
      principalOrgan: M.principalOrganPt,
      principalOrganLeading: M.principalOrganLeadingPt,
      emblemColumn: M.emblemColumnMm * mm,
      emblemWidth: M.emblemWidthMm * mm,
      emblemHeight: M.emblemHeightMm * mm,
    },
    FURNITURE: {
      headRuleBelow: t.furniture.headRuleBelowPt,
      footRuleAbove: t.furniture.footRuleAbovePt,
      jobSize: t.furniture.jobPt,
      /** Between the symbol and the "Page 2" under it, in the older style's running head. */
      headLeading: t.furniture.headPt * 1.25,
    },
    JOB: {
      ...t.job,
      baseline: t.size.heightPt - t.job.baselineFromBottomMm * mm,
      olderBaseline: t.size.heightPt - t.job.olderBaselineFromBottomMm * mm,
      /** Foot of the body on the first page: the footer's place is kept with or without a job number. */
      firstBottom: t.size.heightPt - t.job.reservedMm * mm,
      qrSize: t.job.qrSizeMm * mm,
      qrBottom: t.size.heightPt - t.job.qrBottomMm * mm,
      recycleSize: t.job.recycleSizeMm * mm,
      recycleBeforeQr: t.job.recycleBeforeQrMm * mm,
    },
    TABLE: { shares: t.table.shares, gutter: t.table.gutterPt },
    FOOT: { separation: t.footnotes.separationPt, gap: t.footnotes.gapPt, maxContinuationShare: t.footnotes.maxContinuationShare },
    /** The short rule centred under the document's last line. */
    END_MARK: { x1: body.x + (body.width - t.endMark.lengthMm * mm) / 2, x2: body.x + (body.width + t.endMark.lengthMm * mm) / 2, weight: t.endMark.weightPt, before: t.endMark.beforePt },
  } as const;
}

export type Geometry = ReturnType<typeof geometryOf>;

/** The UN page in points. */
export const { PAGE, INDENT, BODY, LIST, TYPE, RULE, MASTHEAD, FURNITURE, JOB, TABLE, FOOT, END_MARK } = geometryOf(UN_PAGE);

/** Where the body (footnotes included) runs on page `index` (from 0): the first page starts with the masthead. */
export const pageFrame = (index: number, foot: FirstFoot): { top: number; bottom: number } =>
  index === 0 ? { top: PAGE.firstTop, bottom: foot === 'reserved' ? JOB.firstBottom : foot === 'job' ? PAGE.firstBottomWithJob : PAGE.bottom } : { top: PAGE.top, bottom: PAGE.bottom };

/**
 * What the first page's foot holds: the current footer, whose place is kept always
 * ('reserved'); or, in the older style, the job number alone ('job') or nothing ('none').
 */
export type FirstFoot = 'reserved' | 'job' | 'none';

/** The first page's foot of a document: see FirstFoot. */
export const firstFootOf = (doc: { masthead: { job?: unknown }; pageStyle?: { barcode?: boolean } }): FirstFoot =>
  doc.pageStyle?.barcode !== false ? 'reserved' : doc.masthead.job !== undefined ? 'job' : 'none';
