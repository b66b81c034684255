/**
 * The UN page, described once: the A4 document of the UN's templates (Times New Roman
 * 10/12 body; headings, masthead and footnotes as in section 3 of un-conventions.md).
 *
 * Format-neutral: lengths carry their unit in their name (`Mm` millimetres, `Pt` points),
 * and text styles are named. The PDF typesetter derives its geometry in points from it
 * (src/typeset/geometry.ts), the HTML style sheet its print page and type size
 * (src/render/html/styles.ts); a DOCX writer would read the same values.
 */

export interface TextStyle {
  sizePt: number;
  leadingPt: number;
  /** Space above the block (dropped at the top of a page). */
  beforePt: number;
  /** Space below the block. */
  afterPt: number;
}

export interface PageTemplate {
  /** The sheet: A4 as PDF writers round it (210 × 297 mm). */
  size: { name: 'A4'; widthPt: number; heightPt: number };
  /** The text frame: left and right margins; top and foot of the body on each kind of page. */
  margins: {
    leftMm: number;
    rightMm: number;
    /** Top of the masthead on the first page. */
    firstTopMm: number;
    /** Top of the body on later pages, below the running head. */
    topMm: number;
    /** From the sheet's foot to the foot of the body (footnotes included). */
    bottomMm: number;
    /** The same, on the first page when the job number and barcode are printed below the body. */
    firstBottomWithJobMm: number;
  };
  /** The UN's standard indent (0.5 in): body text and heading titles start here, on both sides ("SingleTxt"). */
  indentMm: number;
  /** The agenda list: numbers at the body indent, titles (and sub-item letters) hang this far after them. */
  list: { hangMm: number; subItemBeforePt: number };
  styles: {
    body: TextStyle;
    note: TextStyle;
    title: TextStyle;
    section: TextStyle;
    item: TextStyle;
    documentation: TextStyle;
    annex: TextStyle;
    /** Space above the annex heading (it starts the annex's page content). */
    annexBeforePt: number;
  };
  /** Superscript calls of footnotes, in the body and in the notes. */
  markers: { body: { sizePt: number; risePt: number }; note: { sizePt: number; risePt: number }; noteGapPt: number };
  /** Rule weights in points. */
  rules: { thinPt: number; thickPt: number; tablePt: number; tableEndPt: number };
  /** Footnotes at the foot of the page: the space above the separator rule (which stands halfway), between notes, the rule's share of the frame. */
  footnotes: { separationPt: number; gapPt: number; ruleShare: number; maxContinuationShare: number };
  /** The first page's masthead grid. */
  masthead: {
    unitedNationsPt: number;
    symbolFirstPartPt: number;
    symbolRestPt: number;
    organPt: number;
    organLeadingPt: number;
    rightPt: number;
    rightLeadingPt: number;
    /** From the masthead's top to the thin rule under "United Nations" and the symbol; their baseline stands `firstBaselineAbovePt` above it. */
    firstRowPt: number;
    firstBaselineAbovePt: number;
    /** Gaps: under the thin rule, under the taller column before the thick rule, under the thick rule. */
    secondRowGapPt: number;
    thickRuleGapPt: number;
    meetingGapPt: number;
    /** Where the right-hand column (distribution, date, original language) starts, from the left margin. */
    rightColumnMm: number;
    organWidthMm: number;
    /** The meeting block is narrow, as in UN documents ("Working Group on / International Cooperation"). */
    meetingWidthMm: number;
    /** Room kept between "United Nations" and the document symbol. */
    symbolGapPt: number;
    /** A principal organ's name (General Assembly, Economic and Social Council, Security Council): larger, on its own leading. */
    principalOrganPt: number;
    principalOrganLeadingPt: number;
    /**
     * The emblem, when one is given: its column at the left of the masthead (under the thin rule,
     * beside the organ; "United Nations" above moves right by the same width), and the box it is
     * drawn in at the column's top left, keeping its proportions.
     */
    emblemColumnMm: number;
    emblemWidthMm: number;
    emblemHeightMm: number;
  };
  /** Later pages: the symbol as running head, the page counter and the job number at the foot. */
  furniture: {
    headBaselineMm: number;
    headPt: number;
    headRuleBelowPt: number;
    footBaselineFromBottomMm: number;
    footRuleAbovePt: number;
    jobPt: number;
  };
  /** The first page's foot: job number, date stamps and the Code 39 barcode of the job number. */
  job: {
    baselineFromBottomMm: number;
    /** The same, in the older style (a job number alone at the foot, where archived documents print it). */
    olderBaselineFromBottomMm: number;
    numberPt: number;
    stampPt: number;
    afterNumberPt: number;
    afterStampPt: number;
    barsBelowPt: number;
    barModulePt: number;
    barHeightPt: number;
    textBelowBarsPt: number;
    textBelowNoBarsPt: number;
    /**
     * The first page's foot, kept whether or not a job number is printed (so the first page
     * holds as much of the body either way, and breaks where the published documents do):
     * from the sheet's foot to the foot of the body (footnotes included).
     */
    reservedMm: number;
    /** The QR code of the document's address, at the lower right: its side, and its foot above the sheet's foot. */
    qrSizeMm: number;
    qrBottomMm: number;
    /** The recycling mark left of the QR code: the symbol's side, its wording's size, the gaps after the symbol and before the QR code. */
    recycleSizeMm: number;
    recyclePt: number;
    recycleGapPt: number;
    recycleBeforeQrMm: number;
  };
  /** The organization of work: column shares of the measure (date and time, item, title), gutter, type. */
  table: { shares: readonly [number, number, number]; gutterPt: number; sizePt: number; leadingPt: number; headPt: number; headLeadingPt: number; padPt: number; beforePt: number };
  /** The end mark: the short rule centred under the last line of the document, as UN documents end; the space above it. */
  endMark: { lengthMm: number; weightPt: number; beforePt: number };
  /** Formats that flow their text (HTML printed from a browser): the print page's top and foot margins (its sides are `margins`'). */
  flowing: { print: { topMm: number; bottomMm: number } };
}

export const UN_PAGE: PageTemplate = {
  size: { name: 'A4', widthPt: 595.28, heightPt: 841.89 },
  margins: { leftMm: 20, rightMm: 20, firstTopMm: 12, topMm: 24, bottomMm: 22, firstBottomWithJobMm: 30 },
  indentMm: 12.7,
  list: { hangMm: 7, subItemBeforePt: 3 },
  styles: {
    body: { sizePt: 10, leadingPt: 12, beforePt: 6, afterPt: 6 },
    note: { sizePt: 8.5, leadingPt: 10, beforePt: 2, afterPt: 2 },
    title: { sizePt: 17, leadingPt: 20, beforePt: 24, afterPt: 14 },
    section: { sizePt: 12, leadingPt: 14, beforePt: 12, afterPt: 8 },
    item: { sizePt: 10, leadingPt: 12, beforePt: 10, afterPt: 6 },
    documentation: { sizePt: 10, leadingPt: 12, beforePt: 4, afterPt: 4 },
    annex: { sizePt: 14, leadingPt: 16, beforePt: 0, afterPt: 10 },
    annexBeforePt: 24,
  },
  markers: { body: { sizePt: 6, risePt: 3.6 }, note: { sizePt: 5.5, risePt: 3 }, noteGapPt: 2 },
  rules: { thinPt: 0.5, thickPt: 2, tablePt: 0.5, tableEndPt: 1 },
  footnotes: { separationPt: 10, gapPt: 2, ruleShare: 0.2, maxContinuationShare: 0.5 },
  masthead: {
    unitedNationsPt: 15,
    symbolFirstPartPt: 20,
    symbolRestPt: 10,
    organPt: 14,
    organLeadingPt: 15.5,
    rightPt: 10,
    rightLeadingPt: 12,
    firstRowPt: 24,
    firstBaselineAbovePt: 4,
    secondRowGapPt: 8,
    thickRuleGapPt: 8,
    meetingGapPt: 10,
    rightColumnMm: 122,
    organWidthMm: 100,
    meetingWidthMm: 62,
    symbolGapPt: 12,
    principalOrganPt: 20,
    principalOrganLeadingPt: 22,
    emblemColumnMm: 22,
    emblemWidthMm: 19,
    emblemHeightMm: 17,
  },
  furniture: { headBaselineMm: 14, headPt: 9, headRuleBelowPt: 4, footBaselineFromBottomMm: 13, footRuleAbovePt: 12, jobPt: 8 },
  job: {
    baselineFromBottomMm: 35,
    olderBaselineFromBottomMm: 22,
    numberPt: 10,
    stampPt: 8,
    afterNumberPt: 18,
    afterStampPt: 14,
    barsBelowPt: 5,
    barModulePt: 0.75,
    barHeightPt: 18,
    textBelowBarsPt: 27,
    textBelowNoBarsPt: 8,
    reservedMm: 68,
    qrSizeMm: 16,
    qrBottomMm: 22,
    recycleSizeMm: 9,
    recyclePt: 7,
    recycleGapPt: 3,
    recycleBeforeQrMm: 5,
  },
  table: { shares: [0.27, 0.15, 0.58], gutterPt: 6, sizePt: 9, leadingPt: 10.5, headPt: 8, headLeadingPt: 10, padPt: 3, beforePt: 6 },
  endMark: { lengthMm: 35, weightPt: 0.5, beforePt: 12 },
  flowing: { print: { topMm: 17.5, bottomMm: 20 } },
};
