/**
 * Page geometry and type sizes, after the UN's A4 document templates (Times
 * New Roman 10/12 body; headings, masthead and footnotes as in section 3 of
 * un-conventions.md). All values in PDF points.
 */
const mm = 72 / 25.4;

export const PAGE = {
  width: 595.28,
  height: 841.89,
  left: 20 * mm,
  right: 595.28 - 20 * mm,
  /** Top of the masthead on the first page. */
  firstTop: 12 * mm,
  /** Top of the body on later pages, below the running head. */
  top: 24 * mm,
  /** Baseline of the running head. */
  headBaseline: 14 * mm,
  /** Foot of the body (footnotes included). */
  bottom: 841.89 - 22 * mm,
  /** Foot of the body on the first page when the job number is printed below it. */
  firstBottomWithJob: 841.89 - 30 * mm,
  /** Baseline of the page counter and job number on later pages. */
  footBaseline: 841.89 - 13 * mm,
} as const;

/** Where the body (footnotes included) runs on page `index` (from 0): the first page starts with the masthead. */
export const pageFrame = (index: number, job: boolean): { top: number; bottom: number } =>
  index === 0 ? { top: PAGE.firstTop, bottom: job ? PAGE.firstBottomWithJob : PAGE.bottom } : { top: PAGE.top, bottom: PAGE.bottom };

/** The UN's standard indent (0.5 in): body text and heading titles start here. */
export const INDENT = 12.7 * mm;
/** The body measure: indented from both sides of the text frame (UN "SingleTxt"). */
export const BODY = { x: PAGE.left + INDENT, width: PAGE.right - PAGE.left - 2 * INDENT } as const;

export const TYPE = {
  body: { size: 10, leading: 12, after: 6 },
  note: { size: 8.5, leading: 10, after: 2 },
  marker: { size: 6, rise: 3.6 },
  noteMarker: { size: 5.5, rise: 3 },
  title: { size: 17, leading: 20, before: 24, after: 14 },
  section: { size: 12, leading: 14, before: 12, after: 8 },
  item: { size: 10, leading: 12, before: 10, after: 6 },
  documentation: { size: 10, leading: 12, before: 4, after: 4 },
  annex: { size: 14, leading: 16, before: 0, after: 10 },
  table: { size: 9, leading: 10.5, head: 8, pad: 3 },
  runningHead: { size: 9 },
  masthead: { unitedNations: 15, symbolBig: 20, symbolRest: 10, organ: 14, organLeading: 15.5, right: 10, rightLeading: 12 },
} as const;

export const RULE = { thin: 0.5, thick: 2, table: 0.5, tableEnd: 1, noteSeparatorLength: 0.2 } as const;
