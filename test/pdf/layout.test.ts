import { describe, expect, it } from 'vitest';
import { BODY, PAGE } from '../../src/typeset/geometry.js';
import { isMarker, pdfOf, readPdf, type PageText, type TextRun } from './helpers.js';
import { strFromU8, unzipSync } from 'fflate';
import { renderDocx } from '../../src/export/docx/index.js';
import { renderPdf } from '../../src/export/pdf/index.js';
import { compileYaml } from '../helpers/compile.js';

const LONG = 'test/fixtures/long-meeting.yaml';

/** Pages of the long example, read once. */
const pagesOf = (() => {
  let p: Promise<PageText[]> | undefined;
  return () => (p ??= pdfOf(LONG).then(readPdf));
})();

/** Lines of body text (not artifacts, not calls), top to bottom. */
function lines(runs: TextRun[]): { y: number; runs: TextRun[] }[] {
  const out: { y: number; runs: TextRun[] }[] = [];
  for (const r of runs.filter((r) => r.tag !== 'Artifact' && !isMarker(r)).sort((a, b) => b.y - a.y)) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.y - r.y) < 0.5) last.runs.push(r);
    else out.push({ y: r.y, runs: [r] });
  }
  return out;
}

describe('PDF layout of a long meeting', () => {
  it('runs to at least 12 pages', async () => {
    expect((await pagesOf()).length).toBeGreaterThanOrEqual(12);
  });

  it('keeps all text inside the page margins', async () => {
    for (const [i, p] of (await pagesOf()).entries()) {
      for (const r of p.runs) {
        const where = `page ${i + 1}: "${r.str}"`;
        expect(r.x, where).toBeGreaterThanOrEqual(PAGE.left - 0.5);
        expect(r.x + r.width, where).toBeLessThanOrEqual(PAGE.right + 0.5);
        // pdfjs y is from the bottom of the page.
        expect(p.height - r.y, where).toBeGreaterThanOrEqual(PAGE.firstTop);
        expect(p.height - r.y, where).toBeLessThanOrEqual(PAGE.height - 8 * (72 / 25.4));
        if (r.tag !== 'Artifact' && i > 0) {
          expect(p.height - r.y, where).toBeGreaterThan(PAGE.top);
          expect(p.height - r.y, where).toBeLessThanOrEqual(PAGE.bottom + 0.5);
        }
      }
    }
  });

  it('never draws a line of text over another', async () => {
    for (const [i, p] of (await pagesOf()).entries()) {
      const runs = p.runs.filter((r) => !isMarker(r));
      for (let a = 0; a < runs.length; a++) {
        for (let b = a + 1; b < runs.length; b++) {
          const r = runs[a]!;
          const s = runs[b]!;
          const xOverlap = Math.min(r.x + r.width, s.x + s.width) - Math.max(r.x, s.x);
          const yGap = Math.abs(r.y - s.y);
          if (xOverlap > 0.5 && yGap < 0.8 * Math.min(r.size, s.size)) {
            expect.fail(`page ${i + 1}: "${r.str}" and "${s.str}" overlap`);
          }
        }
      }
    }
  });

  it('leaves no heading alone at the foot of a page', async () => {
    const pages = await pagesOf();
    for (const [i, p] of pages.entries()) {
      const ls = lines(p.runs.filter((r) => r.tag !== 'Note'));
      if (!ls.length || i === pages.length - 1) continue;
      const last = ls[ls.length - 1]!;
      expect(last.runs.some((r) => /^H\d$/.test(r.tag ?? '')), `page ${i + 1} ends with a heading`).toBe(false);
    }
  });

  it('sets the body within the indented measure', async () => {
    const p = (await pagesOf())[2]!;
    const body = p.runs.filter((r) => r.tag === 'P');
    expect(Math.min(...body.map((r) => r.x))).toBeGreaterThanOrEqual(BODY.x - 0.5);
    expect(Math.max(...body.map((r) => r.x + r.width))).toBeLessThanOrEqual(BODY.x + BODY.width + 0.5);
  });
});

describe('an entry of the list that introduces sub-items', () => {
  it('is never left at the foot of a page without its first sub-item, in the PDF and in Word', async () => {
    // Twenty-two items fill the first page; the group heading and item 23 would stand at its foot.
    const items = Array.from({ length: 22 }, (_, j) => `  - id: i${j + 1}\n    title: Report of the Secretary-General on question ${j + 1}`).join('\n');
    const yaml = `document: {symbol: A/78/150, date: 2023-06-30, kind: provisional-agenda}\nbody: General Assembly\nmeeting: {kind: session, number: 78}\nitems:\n${items}\n  - id: sc\n    group_heading: B. Maintenance of international peace and security\n    title: Report of the Security Council\n    items:\n      - {id: sc-a, title: First sub-item}\n      - {id: sc-b, title: Second sub-item}\n`;
    const { model } = compileYaml(yaml);
    const pages = await readPdf(await renderPdf(model!));
    const pageOf = (start: string) => pages.findIndex((p) => p.runs.some((r) => r.str.startsWith(start)));
    expect(pageOf('First sub-item')).toBe(1); // the case this test is about: the sub-items start the second page
    expect(pageOf('Report of the Security Council')).toBe(pageOf('First sub-item'));
    expect(pageOf('B. Maintenance')).toBe(pageOf('First sub-item'));
    const body = strFromU8(unzipSync(await renderDocx(model!))['word/document.xml']!);
    const entry = body.slice(body.lastIndexOf('<w:p>', body.indexOf('Report of the Security Council')), body.indexOf('Report of the Security Council'));
    expect(entry).toContain('<w:keepNext/>');
  });
});
