import type { AgendaDocument } from '../../model.js';
import { PAGE, RULE, TYPE } from './geometry.js';
import { plainPieces, breakLines } from './line-breaker.js';
import { code39Bars } from './code39.js';
import { FOOT, type Frame, type Page } from './paginate.js';
import type { Painter } from './painter.js';

/** Footnotes at the foot of the body: a short rule, then the note lines. */
export function paintFoot(p: Painter, page: Page, frame: Frame): void {
  if (!page.foot.length) return;
  const top = frame.bottom - page.footHeight;
  const left = PAGE.left;
  p.mark('artifact', () => p.rule(left, left + (PAGE.right - PAGE.left) * RULE.noteSeparatorLength, top + FOOT.separation / 2, RULE.thin));
  let y = top + FOOT.separation;
  page.foot.forEach((line, k) => {
    if (k > 0) y += line.before;
    line.paint(p, y, false);
    y += line.height;
  });
}

/**
 * Page furniture, all artifacts: on the first page the job number, date stamps
 * and barcode text; on later pages the symbol as running head at the outer edge
 * and the page counter with the job number at the foot (mirrored on even pages).
 */
export function paintFurniture(p: Painter, doc: AgendaDocument, index: number, count: number): void {
  const job = doc.masthead.job;
  const R = TYPE.runningHead.size;
  const line = (text: string, face: 'regular' | 'bold', size: number) => breakLines(plainPieces(text, face, size, p.fonts), [1e6], p.fonts, false)[0]!;
  if (index === 0) {
    if (!job) return;
    const mm = 72 / 25.4;
    const y = PAGE.height - 22 * mm;
    const number = line(job.number, 'bold', 10);
    p.line(number, PAGE.left, y, 'artifact');
    let x = PAGE.left + number.width + 18;
    for (const stamp of job.stamps) {
      const s = line(stamp, 'regular', 8);
      p.line(s, x, y, 'artifact');
      x += s.width + 14;
    }
    // The barcode of the job number, with its text under the bars.
    const code = code39Bars(job.barcode);
    const barsTop = y + 5;
    if (code) {
      const module = 0.75;
      p.mark('artifact', () => {
        for (const [at, w] of code.bars) p.doc.rect(PAGE.left + at * module, barsTop, w * module, 18);
        p.doc.fill('black');
      });
    }
    p.line(line(job.barcode, 'regular', 8), PAGE.left, barsTop + (code ? 27 : 8), 'artifact');
    return;
  }
  const even = (index + 1) % 2 === 0;
  {
    const head = line(doc.masthead.symbol, 'bold', R);
    p.line(head, even ? PAGE.left : PAGE.right - head.width, PAGE.headBaseline, 'artifact');
    rule(p, PAGE.headBaseline + 4);
    const counter = line(doc.pageCounter.replace('{page}', String(index + 1)).replace('{pages}', String(count)), 'bold', R);
    // Later pages print the job number without the language letter ("V.23-11234").
    const jobText = job ? line(job.number.replace(/\s*\([A-Z]\)$/, ''), 'regular', 8) : undefined;
    const y = PAGE.footBaseline;
    rule(p, y - 12);
    if (even) {
      p.line(counter, PAGE.left, y, 'artifact');
      if (jobText) p.line(jobText, PAGE.right - jobText.width, y, 'artifact');
    } else {
      p.line(counter, PAGE.right - counter.width, y, 'artifact');
      if (jobText) p.line(jobText, PAGE.left, y, 'artifact');
    }
  }
}

/** A full-width thin rule, as an artifact (each artifact is marked on its own: they do not nest). */
const rule = (p: Painter, y: number) => p.mark('artifact', () => p.rule(PAGE.left, PAGE.right, y, RULE.thin));
