import { describe, expect, it } from 'vitest';
import { pdfOf, readPdf } from './helpers.js';

/** Principal organs in the masthead, and the body's name in the meeting block. */

async function firstPageRuns(path: string) {
  return (await readPdf(await pdfOf(path)))[0]!.runs;
}

describe('the organ under "United Nations"', () => {
  it('is set at 20 pt for a principal organ, named by the symbol or as the parent body', async () => {
    for (const [path, organ] of [
      ['examples/ccpcj-2024.yaml', 'Economic and Social Council'],
      ['examples/ga-special-session.yaml', 'General Assembly'],
    ]) {
      const run = (await firstPageRuns(path!)).find((r) => r.str.startsWith(organ!));
      expect(run, `${path}: ${organ}`).toBeDefined();
      expect(run!.size).toBeCloseTo(20, 1);
    }
  });

  it('stays at 14 pt for another organ (a treaty body, a conference of States parties)', async () => {
    const run = (await firstPageRuns('examples/ctoc-cop-wg3-2023.yaml')).find((r) => r.str.startsWith('Conference of the Parties'));
    expect(run!.size).toBeCloseTo(14, 1);
  });
});

describe("the body's name in the meeting block", () => {
  it('is not broken between two words of one term ("Crime / Prevention")', async () => {
    const runs = await firstPageRuns('examples/ccpcj-2024.yaml');
    // The meeting block's lines, top to bottom, as text.
    const lines = new Map<number, string[]>();
    for (const r of runs.filter((r) => r.size === 10 && r.x < 80)) lines.set(Math.round(r.y), [...(lines.get(Math.round(r.y)) ?? []), r.str]);
    const text = [...lines].sort((a, b) => b[0] - a[0]).map(([, words]) => words.join(' ').replace(/\s+/g, ' ').trim());
    const at = text.findIndex((l) => l.startsWith('Commission on Crime'));
    expect(text.slice(at, at + 2)).toEqual(['Commission on Crime Prevention', 'and Criminal Justice']);
  });
});
