import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasReference, readReference, referencePath, words } from '../helpers/reference.js';
import { chromiumMissing, hasChromium, htmlOf, launchBrowser, modelOf, pageFile } from './helpers.js';

/** Every difference between two word sequences (a plain LCS diff), so a failure lists them all. */
function differences(actual: string[], expected: string[]): string[] {
  const n = actual.length;
  const m = expected.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = actual[i] === expected[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && actual[i] === expected[j]) {
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      out.push(`missing "${expected[j]}" (reference word ${j}, after "${expected.slice(Math.max(0, j - 4), j).join(' ')}")`);
      j++;
    } else {
      out.push(`extra "${actual[i]}" (page word ${i}, after "${actual.slice(Math.max(0, i - 4), i).join(' ')}")`);
      i++;
    }
  }
  return out;
}

const ready = hasChromium && hasReference;
const why = !hasChromium ? chromiumMissing : `skipped: the reference text is not at ${referencePath}`;

describe.skipIf(!ready)(ready ? 'HTML page read back from the DOM says what the reference says' : `HTML page read back from the DOM (${why})`, () => {
  let browser: Browser;
  let page: Page;
  /** What the page says, in reading order, with the markers the reference does not print taken out and counted. */
  let read: { masthead: string; meeting: string; body: string; notes: string[]; calls: number; backLinks: number };

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(pageFile(htmlOf('ctoc-cop-wg3-2023.yaml')).url);
    read = await page.evaluate(() => {
      // The reference prints note calls as superscript digits (stripped when it is read) and has no back links.
      const calls = document.querySelectorAll('sup.noteref');
      calls.forEach((c) => c.remove());
      const backLinks = document.querySelectorAll('.footnotes a.backref');
      backLinks.forEach((b) => b.remove());
      const section = document.querySelector('.footnotes')!;
      // Each note's own number is its label; the reference's "¹" is likewise stripped.
      const notes = Array.from(section.querySelectorAll('ol > li')).map((li) => {
        li.querySelector('.label')!.remove();
        return (li as HTMLElement).innerText;
      });
      section.remove(); // the reference sets notes at the page foot, outside the running text
      const meeting = document.querySelector('.meeting') as HTMLElement;
      const meetingText = meeting.innerText;
      meeting.remove();
      return {
        masthead: (document.querySelector('header') as HTMLElement).innerText,
        meeting: meetingText,
        body: (document.querySelector('main') as HTMLElement).innerText,
        notes,
        calls: calls.length,
        backLinks: backLinks.length,
      };
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('took out exactly one marker per note call and one back link per call', () => {
    const doc = modelOf('ctoc-cop-wg3-2023.yaml');
    const references = doc.footnotes.reduce((n, f) => n + f.references, 0);
    expect(read.calls).toBe(references);
    expect(read.backLinks).toBe(references);
  });

  it('the body, from the title to the end of the annex, word for word', () => {
    const diff = differences(words(read.body), readReference().body);
    expect(diff, `differences from the reference:\n${diff.join('\n')}`).toEqual([]);
  });

  it('the notes, word for word', () => {
    const reference = readReference().footnotes;
    expect(read.notes).toHaveLength(reference.size);
    read.notes.forEach((note, i) => {
      const diff = differences(words(note), reference.get(i + 1)!);
      expect(diff, `note ${i + 1}:\n${diff.join('\n')}`).toEqual([]);
    });
  });

  it('the masthead and meeting block (the reference shows "United Nations" and the symbol as pictures)', () => {
    const text = readFileSync(referencePath, 'utf8').replace(/\*/g, '');
    const lines = text.split('\n');
    const preamble = words(lines.slice(0, lines.findIndex((l) => l.trim() === 'Annotated provisional agenda')).join('\n'));
    const doc = modelOf('ctoc-cop-wg3-2023.yaml');
    const pictured = [...words(doc.masthead.unitedNations), ...words(doc.masthead.symbol)];
    const masthead = words(read.masthead);
    expect(masthead.slice(0, pictured.length)).toEqual(pictured);
    const diff = differences([...masthead.slice(pictured.length), ...words(read.meeting)], preamble);
    expect(diff, `differences from the reference:\n${diff.join('\n')}`).toEqual([]);
  });
});
