import { describe, expect, it } from 'vitest';
import { firstDifference, hasReference, readReference, referencePath, words } from '../helpers/reference.js';
import { isMarker, modelOf, pdfOf, readPdf, wordsOf, type PageText, type TextRun } from './helpers.js';

const EXAMPLE = 'examples/ctoc-cop-wg3-2023.yaml';

/** A run of a footnote: tagged Note, or a link (a web address) inside one. */
const inNote = (p: PageText, r: TextRun) => r.tag === 'Note' || (r.tag === 'Link' && p.structOrder.some((c) => c.id === r.id && c.inNote));

const title = hasReference
  ? 'PDF of the reference example says what CTOC/COP/WG.3/2023/1 says'
  : `PDF reference text: skipped, ${referencePath} is absent (the shared reference folder beside the repository)`;

describe.skipIf(!hasReference)(title, () => {
  it('body text, in order, from the title to the end of the annex', async () => {
    const pages = await readPdf(await pdfOf(EXAMPLE));
    const model = modelOf(EXAMPLE);
    const runs = pages.flatMap((p) => p.runs.filter((r) => r.tag !== 'Artifact' && !inNote(p, r) && !isMarker(r)));
    const all = wordsOf(runs);
    const title = words(model.title);
    const start = all.findIndex((_, i) => title.every((w, k) => all[i + k] === w));
    expect(start).toBeGreaterThan(0);
    const actual = all.slice(start);
    const expected = readReference().body;
    expect(firstDifference(actual, expected)).toBeUndefined();
  });

  it('the structure tree reads in the same order', async () => {
    const pages = await readPdf(await pdfOf(EXAMPLE));
    const model = modelOf(EXAMPLE);
    const runs = pages.flatMap((p) => p.structOrder.filter((c) => !c.inNote).flatMap((c) => p.runs.filter((r) => r.id === c.id && !isMarker(r))));
    const all = wordsOf(runs);
    const title = words(model.title);
    const start = all.findIndex((_, i) => title.every((w, k) => all[i + k] === w));
    expect(start).toBeGreaterThan(0);
    expect(firstDifference(all.slice(start), readReference().body)).toBeUndefined();
  });

  it('each footnote says what the reference says, on the page of its call', async () => {
    const pages = await readPdf(await pdfOf(EXAMPLE));
    const ref = readReference().footnotes;
    const callPage = new Map<number, number>();
    const notePage = new Map<number, number>();
    const noteRuns = new Map<number, TextRun[]>();
    let current: number | undefined;
    pages.forEach((p, i) => {
      for (const r of p.runs) {
        if (inNote(p, r)) {
          if (isMarker(r)) {
            current = Number(r.str.trim());
            notePage.set(current, i);
            noteRuns.set(current, []);
          } else if (current !== undefined) noteRuns.get(current)!.push(r);
        } else if (isMarker(r) && !callPage.has(Number(r.str.trim()))) callPage.set(Number(r.str.trim()), i);
      }
    });
    expect([...ref.keys()].sort()).toEqual([...notePage.keys()].sort());
    for (const [n, expected] of ref) {
      expect(wordsOf(noteRuns.get(n)!), `footnote ${n}`).toEqual(expected);
      expect(notePage.get(n), `footnote ${n} is on the page of its call`).toBe(callPage.get(n));
    }
  });
});

describe('PDF annex table', () => {
  it('repeats the header row on every page the table spans, above the rows', async () => {
    const model = modelOf(EXAMPLE);
    const cols = model.annex!.columns;
    for (const file of [EXAMPLE, 'test/fixtures/long-meeting.yaml']) {
      const pages = await readPdf(await pdfOf(file));
      const tablePages = pages.filter((p) => p.runs.some((r) => r.tag === 'TD'));
      if (file !== EXAMPLE) expect(tablePages.length).toBeGreaterThan(1);
      for (const p of tablePages) {
        const text = wordsOf(p.runs).join(' ');
        expect(text).toContain([cols.dateAndTime, cols.agendaItem, cols.titleOrDescription].join(' '));
        const headY = Math.min(...p.runs.filter((r) => r.str.startsWith(cols.dateAndTime)).map((r) => r.y));
        const rowsY = Math.max(...p.runs.filter((r) => r.tag === 'TD').map((r) => r.y));
        expect(headY).toBeGreaterThan(rowsY);
      }
    }
  });

  it('sets "(continued)" in italics', async () => {
    const pages = await readPdf(await pdfOf(EXAMPLE));
    const runs = pages.flatMap((p) => p.runs).filter((r) => r.tag === 'TD');
    const word = modelOf(EXAMPLE).labels.continued;
    const at = runs.map((r, i) => (r.str.trim() === word ? i : -1)).filter((i) => i > 0);
    expect(at.length).toBeGreaterThan(0);
    for (const i of at) {
      // Its own run, in another face than the parenthesis before it (set upright).
      expect(runs[i - 1]!.str.endsWith('(')).toBe(true);
      expect(runs[i]!.fontName).not.toBe(runs[i - 1]!.fontName);
    }
  });
});
