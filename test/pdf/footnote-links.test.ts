import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { pdfOf } from './helpers.js';

/** Web addresses of footnotes are links; the file states its language and title. */

const REFERENCE = 'examples/ctoc-cop-wg3-2023.yaml';

async function open(path: string) {
  return getDocument({ data: new Uint8Array(await pdfOf(path)), verbosity: 0 }).promise;
}

describe('web addresses in footnotes', () => {
  it('are links to the address, "https://" before "www." and without the sentence’s full stop, also where the address is broken over two lines', async () => {
    const pdf = await open(REFERENCE);
    const links: { url: string; page: number; rect: number[] }[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      for (const a of (await (await pdf.getPage(n)).getAnnotations()) as { subtype: string; url?: string; rect: number[] }[]) if (a.subtype === 'Link' && a.url) links.push({ url: a.url, page: n, rect: a.rect });
    }
    const to = (url: string) => links.filter((l) => l.url === url);
    // Footnote 1 is broken after a slash: both of its lines link to the whole address.
    expect(to('https://www.unodc.org/unodc/en/treaties/CTOC/working-group-on-international-cooperation-2023.html').length).toBeGreaterThanOrEqual(1);
    expect(to('https://www.unodc.org/unodc/en/organized-crime/intro/review-mechanism-untoc/constructive_dialogues/ic_2022.html').length).toBeGreaterThanOrEqual(1);
    expect(links.filter((l) => /\.$/.test(l.url))).toEqual([]);
    // Both in the lower part of their page, where the footnotes stand.
    for (const l of links.filter((l) => l.url.includes('unodc.org'))) expect(l.rect[1]!).toBeLessThan(300);
  });
});

describe('the file’s metadata', () => {
  it('states the document’s language (English) and its title', async () => {
    const pdf = await open(REFERENCE);
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    expect(info.Language).toBe('en');
    expect(String(info.Title)).toContain('Annotated provisional agenda');
  });
});
