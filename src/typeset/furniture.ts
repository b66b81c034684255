import type { AgendaDocument } from '../model.js';
import { FOOT, FURNITURE, JOB, PAGE, RULE, TYPE } from './geometry.js';
import type { FontMetrics } from './fonts.js';
import { plainPieces, breakLines } from './line-breaker.js';
import { code39Bars } from './code39.js';
import { qrPath } from './qr.js';
import { RECYCLE_BOX, RECYCLE_PATH } from './recycle.js';
import type { Mark, RuleMark } from './pages.js';
import type { Frame, Page } from './paginate.js';

/** The short rule above the footnotes at the foot of the body, and where the notes' lines start. */
export function footRule(page: Page, frame: Frame): { rule: RuleMark; top: number } | undefined {
  if (!page.foot.length) return undefined;
  const top = frame.bottom - page.footHeight;
  const left = PAGE.left;
  return { rule: { kind: 'rule', x1: left, x2: left + (PAGE.right - PAGE.left) * RULE.noteSeparatorLength, y: top + FOOT.separation / 2, width: RULE.thin }, top: top + FOOT.separation };
}


/**
 * Page furniture, all artifacts: on the first page the job number, date stamps
 * and barcode text; on later pages the symbol as running head at the outer edge
 * and the page counter with the job number at the foot (mirrored on even pages).
 */
export function furniture(fonts: FontMetrics, doc: AgendaDocument, index: number, count: number): Mark[] {
  const marks: Mark[] = [];
  const job = doc.masthead.job;
  const R = TYPE.runningHead.size;
  const line = (text: string, face: 'regular' | 'bold', size: number) => breakLines(plainPieces(text, face, size, fonts), [1e6], fonts, false, undefined, 'auto')[0]!;
  const set = (l: ReturnType<typeof line>, x: number, y: number) => marks.push({ kind: 'line', line: l, x, y, target: 'artifact' });
  const rule = (y: number) => marks.push({ kind: 'rule', x1: PAGE.left, x2: PAGE.right, y, width: RULE.thin });
  if (index === 0) {
    firstPageMarks(marks, doc, line, set);
    if (!job) return marks;
    const y = doc.pageStyle?.barcode === false ? JOB.olderBaseline : JOB.baseline;
    const number = line(job.number, 'bold', JOB.numberPt);
    set(number, PAGE.left, y);
    let x = PAGE.left + number.width + JOB.afterNumberPt;
    for (const stamp of job.stamps) {
      const s = line(stamp, 'regular', JOB.stampPt);
      set(s, x, y);
      x += s.width + JOB.afterStampPt;
    }
    // The barcode of the job number, with its text under the bars (not in the older style).
    if (doc.pageStyle?.barcode === false) return marks;
    const code = code39Bars(job.barcode);
    const barsTop = y + JOB.barsBelowPt;
    if (code) marks.push({ kind: 'bars', x: PAGE.left, y: barsTop, module: JOB.barModulePt, height: JOB.barHeightPt, bars: code.bars });
    set(line(job.barcode, 'regular', JOB.stampPt), PAGE.left, barsTop + (code ? JOB.textBelowBarsPt : JOB.textBelowNoBarsPt));
    return marks;
  }
  const even = (index + 1) % 2 === 0;
  const head = line(doc.masthead.symbol, 'bold', R);
  const counter = line(doc.pageCounter.replace('{page}', String(index + 1)).replace('{pages}', String(count)), 'bold', R);
  const outer = (l: ReturnType<typeof line>) => (even ? PAGE.left : PAGE.right - l.width);
  if (doc.pageStyle?.counterInHead) {
    // The older style: the symbol over "Page 2" at the outer edge, and nothing but the job number at the foot.
    set(head, outer(head), PAGE.headBaseline - FURNITURE.headLeading);
    set(counter, outer(counter), PAGE.headBaseline);
    rule(PAGE.headBaseline + FURNITURE.headRuleBelow);
    if (job) {
      const jobText = line(job.baseNumber, 'regular', FURNITURE.jobSize);
      set(jobText, even ? PAGE.right - jobText.width : PAGE.left, PAGE.footBaseline);
    }
    return marks;
  }
  set(head, outer(head), PAGE.headBaseline);
  rule(PAGE.headBaseline + FURNITURE.headRuleBelow);
  const jobText = job ? line(job.baseNumber, 'regular', FURNITURE.jobSize) : undefined;
  const y = PAGE.footBaseline;
  rule(y - FURNITURE.footRuleAbove);
  if (even) {
    set(counter, PAGE.left, y);
    if (jobText) set(jobText, PAGE.right - jobText.width, y);
  } else {
    set(counter, PAGE.right - counter.width, y);
    if (jobText) set(jobText, PAGE.left, y);
  }
  return marks;
}

type SetLine = (text: string, face: 'regular' | 'bold', size: number) => ReturnType<typeof breakLines>[number];

/**
 * The first page's QR code of the document's address at the lower right, and the recycling
 * mark with its wording left of it; printed with or without a job number, as on every
 * current UN document (the older style has neither: the model gives no address).
 */
function firstPageMarks(marks: Mark[], doc: AgendaDocument, line: SetLine, set: (l: ReturnType<SetLine>, x: number, y: number) => void): void {
  const m = doc.masthead;
  if (m.address === undefined) return;
  const qr = qrPath(m.address);
  const qrX = PAGE.right - JOB.qrSize;
  const qrY = JOB.qrBottom - JOB.qrSize;
  marks.push({ kind: 'path', x: qrX, y: qrY, scale: JOB.qrSize / qr.size, path: qr.path });
  if (m.recycle === undefined) return;
  const words = line(m.recycle, 'regular', JOB.recyclePt);
  const right = qrX - JOB.recycleBeforeQr;
  const middle = qrY + JOB.qrSize / 2;
  const symbolX = right - words.width - JOB.recycleGapPt - JOB.recycleSize;
  marks.push({ kind: 'path', x: symbolX, y: middle - JOB.recycleSize / 2, scale: JOB.recycleSize / RECYCLE_BOX, path: RECYCLE_PATH });
  set(words, right - words.width, middle + JOB.recyclePt * 0.35);
}
