import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html/index.js';
import { axePath, chromiumMissing, examples, hasChromium, htmlOf, launchBrowser, modelOf, pageFile } from './helpers.js';
import { HOSTILE, HOSTILE_TITLE, HOSTILE_URL, hostileModel } from './hostile.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

describe.skipIf(!hasChromium)(hasChromium ? 'HTML page in headless Chromium' : `HTML page in headless Chromium (${chromiumMissing})`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the page from a file; axe is injected as a script, so tests bypass the page's own CSP unless told not to. */
  async function open(html: string, options: BrowserContextOptions = {}): Promise<{ page: Page; requests: string[]; url: string; close: () => Promise<void> }> {
    const context = await browser.newContext({ bypassCSP: true, ...options });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const { url } = pageFile(html);
    await page.goto(url);
    return { page, requests, url, close: () => context.close() };
  }

  // Every example in the light scheme; the dark scheme, which changes colours only (one style
  // sheet for all pages), on the reference, whose page has every kind of element the others have.
  it.each([...examples.map((name) => [name, 'light'] as const), ['ctoc-cop-wg3-2023.yaml', 'dark'] as const])('%s has no axe-core violations at WCAG 2.1 AA (%s)', async (name, colorScheme) => {
    const { page, close } = await open(htmlOf(name), { colorScheme });
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, WCAG_21_AA);
    await close();
    expect(violations).toEqual([]);
  });

  it.each(examples)('%s: every note call leads to its note, and the note leads back to that call', async (name) => {
    const doc = modelOf(name);
    const { page, close } = await open(htmlOf(name));
    const calls = await page.$$eval('sup.noteref a', (as) => as.map((a) => ({ id: a.id, href: a.getAttribute('href')! })));
    expect(calls).toHaveLength(doc.footnotes.reduce((n, f) => n + f.references, 0));
    // Followed by clicks on the reference, whose notes have every form (repeated calls, calls
    // in titles, tables and notes); on the other examples the same links are read from the page.
    const click = name === 'ctoc-cop-wg3-2023.yaml';
    for (const call of calls) {
      const note = call.href.slice(1);
      expect(await page.evaluate((id) => document.getElementById(id)?.closest('.footnotes ol') !== null, note), call.href).toBe(true);
      // The note has a back link to exactly this call.
      const back = `#${note} a.backref[href="#${call.id}"]`;
      expect(await page.locator(back).count(), `${note} has no back link to ${call.id}`).toBe(1);
      if (!click) continue;
      // Following the call goes to the note, and following its back link returns to the call.
      await page.click(`[id="${call.id}"]`);
      expect(await page.evaluate(() => location.hash)).toBe(call.href);
      await page.click(back);
      expect(await page.evaluate(() => location.hash)).toBe(`#${call.id}`);
    }
    // No back link points nowhere.
    const dangling = await page.$$eval('a.backref', (as) => as.map((a) => a.getAttribute('href')!).filter((h) => !document.getElementById(h.slice(1))));
    expect(dangling).toEqual([]);
    await close();
  });

  it.each(examples.filter((n) => modelOf(n).annex))('%s: every cell of the annex table is read with its column, day and time headers', async (name) => {
    const { page, close } = await open(htmlOf(name));
    const cells = await page.evaluate(() => {
      const table = document.querySelector('table')!;
      // The HTML table model: place every cell on a grid, honouring rowspan and colspan.
      const grid: HTMLTableCellElement[][] = [];
      Array.from(table.rows).forEach((row, r) => {
        grid[r] ??= [];
        let c = 0;
        for (const cell of Array.from(row.cells)) {
          while (grid[r]![c]) c++;
          for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) (grid[r + dr] ??= [])[c + dc] = cell;
          c += cell.colSpan;
        }
      });
      const text = (el: Element) => (el as HTMLElement).innerText.trim();
      const out: { cell: string; column: string[]; row: string[]; rowgroup: string[]; badScope: string[] }[] = [];
      const badScope = Array.from(table.querySelectorAll('th')).filter((th) => !['col', 'row', 'rowgroup'].includes(th.scope)).map(text);
      grid.forEach((cells, r) => {
        cells.forEach((cell, c) => {
          if (cell.tagName !== 'TD' || (cells[c - 1] === cell) || (grid[r - 1]?.[c] === cell)) return;
          const column = grid.map((row) => row[c]!).filter((h, i) => i < r && h.tagName === 'TH' && h.scope === 'col');
          const row = cells.filter((h, i) => i < c && h.tagName === 'TH' && h.scope === 'row');
          const group = (cell.parentElement!.parentElement as HTMLTableSectionElement).querySelectorAll('th[scope="rowgroup"]');
          out.push({ cell: text(cell), column: [...new Set(column)].map(text), row: [...new Set(row)].map(text), rowgroup: Array.from(group).map(text), badScope });
        });
      });
      return out;
    });
    await close();
    expect(cells.length).toBeGreaterThan(0);
    expect(cells[0]!.badScope).toEqual([]);
    const doc = modelOf(name);
    const times = new Set(doc.annex!.days.flatMap((d) => d.slots.map((s) => s.time)));
    const days = new Set(doc.annex!.days.map((d) => d.label));
    const columns = [doc.annex!.columns.agendaItem, doc.annex!.columns.titleOrDescription];
    for (const c of cells) {
      expect(c.column, `column header of "${c.cell}"`).toHaveLength(1);
      expect(columns).toContain(c.column[0]);
      expect(c.row, `time of "${c.cell}"`).toHaveLength(1);
      expect(times.has(c.row[0]!)).toBe(true);
      expect(c.rowgroup, `day of "${c.cell}"`).toHaveLength(1);
      expect(days.has(c.rowgroup[0]!)).toBe(true);
    }
  });

  it('the reference annex: "Opening of the meeting" is on Monday, 10 a.m.–1 p.m., under "Title or description"', async () => {
    const { page, close } = await open(htmlOf('ctoc-cop-wg3-2023.yaml'));
    const scopes = await page.$$eval('th', (ths) => ths.map((th) => `${th.scope}:${th.innerText.trim()}`));
    await close();
    expect(scopes.slice(0, 5)).toEqual(['col:Date and time', 'col:Agenda item', 'col:Title or description', 'rowgroup:Monday, 11 September', 'row:10 a.m.–1 p.m.']);
  });

  it.each(examples)('%s: first screen and print to A4 PDF are not empty, nothing is fetched, and it reflows at 640 and 320 CSS pixels without horizontal scrolling', async (name) => {
    const { page, requests, url, close } = await open(htmlOf(name), { viewport: { width: 1280, height: 900 } });
    const png = await page.screenshot();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    // 1280 px at 200 and 400 per cent zoom (WCAG 1.4.10): the page is laid out again at each width.
    const overflow: Record<number, number> = {};
    for (const width of [640, 320]) {
      await page.setViewportSize({ width, height: 800 });
      overflow[width] = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    }
    await close();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 841(\.\d+)?\]/); // A4 (595 × 842 pt) from @page
    expect(requests).toEqual([url]);
    for (const width of [640, 320]) expect(overflow[width], `overflow at ${width} px`).toBeLessThanOrEqual(0);
  });

  it('sets the annex as the PDF does: times and item numbers on one line even at 390 pixels, headers on one line on a desktop, the closing rule under every column', async () => {
    const { page, close } = await open(htmlOf('ctoc-cop-wg3-2023.yaml'), { viewport: { width: 390, height: 800 } });
    // The lines a cell's text takes: the distinct tops of the boxes of its text.
    const lines = (selector: string) =>
      page.$$eval(selector, (cells) =>
        cells.map((c) => {
          const tops = new Set<number>();
          const walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(n);
            for (const r of Array.from(range.getClientRects())) if (r.width > 0) tops.add(Math.round(r.top));
          }
          return tops.size;
        }),
      );
    const times = await lines('table th[scope="row"]');
    const numbers = await lines('table td.item-number');
    await page.setViewportSize({ width: 1280, height: 800 });
    const headers = await lines('table thead th');
    // The table's own bottom border (collapsed): under the time column too, where the last row has no cell of its own.
    const rule = await page.$eval('table', (t) => ({ style: getComputedStyle(t).borderBottomStyle, lastRowCells: t.rows[t.rows.length - 1]!.cells.length, columns: t.rows[0]!.cells.length }));
    await close();
    expect(times.length).toBeGreaterThan(3);
    expect(new Set(times)).toEqual(new Set([1]));
    expect(new Set(numbers)).toEqual(new Set([1]));
    expect(headers).toEqual([1, 1, 1]);
    expect(rule).toEqual({ style: 'solid', lastRowCells: 2, columns: 3 });
  });

  it('hangs the labels of items and sub-items in the margin, with titles and annotations at the indent, justified', async () => {
    const { page, close } = await open(htmlOf('ctoc-cop-wg3-2023.yaml'), { viewport: { width: 1280, height: 800 } });
    const geometry = await page.evaluate(() => {
      const left = (e: Element) => Math.round(e.getBoundingClientRect().left);
      const textLeft = (h: Element) => {
        const range = document.createRange();
        range.selectNodeContents(h.querySelector('.label')!.nextSibling!);
        return Math.round(range.getClientRects()[0]!.left);
      };
      const item = document.querySelector('.annotations .level-1 > h3')!;
      const sub = document.querySelector('.annotations .level-2 > h4')!;
      const paragraph = document.querySelector('.annotations .level-2 > p')!;
      return {
        labels: [left(item.querySelector('.label')!), left(sub.querySelector('.label')!)],
        texts: [textLeft(item), textLeft(sub), left(paragraph)],
        align: getComputedStyle(paragraph).textAlign,
      };
    });
    await close();
    expect(geometry.labels[1]).toBe(geometry.labels[0]);
    expect(new Set(geometry.texts).size, JSON.stringify(geometry.texts)).toBe(1);
    expect(geometry.texts[0]! - geometry.labels[0]!).toBeGreaterThan(20);
    expect(geometry.align).toBe('justify');
  });

  it.each([
    ['ctoc-cop-wg3-2023.yaml', 'CTOC/COP/WG.3/2023/1', (n: number, of: number) => `${n}/${of}`],
    ['archive-1998.yaml', 'TD/B/COM.3/15', (n: number) => `Page ${n}`],
  ] as const)('%s printed: the symbol heads every page after the first at its outer edge, with the page counter of the house style', async (name, symbol, counter) => {
    const { page, close } = await open(htmlOf(name));
    const pdf = await page.pdf({ preferCSSPageSize: true });
    await close();
    const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    expect(doc.numPages).toBeGreaterThan(2);
    const width = (await doc.getPage(1)).view[2]!;
    for (let n = 1; n <= doc.numPages; n++) {
      const items = ((await (await doc.getPage(n)).getTextContent()).items as { str: string; transform: number[] }[]).filter((t) => t.str.trim());
      const heads = items.filter((t) => t.str === symbol && t.transform[5]! > 780);
      const counters = items.filter((t) => t.str === counter(n, doc.numPages));
      if (n === 1) {
        expect(heads, 'page 1 has the masthead, not a running head').toEqual([]);
        expect(counters).toEqual([]);
        continue;
      }
      expect(heads, `page ${n}`).toHaveLength(1);
      expect(counters, `page ${n}`).toHaveLength(1);
      // Left on even pages, right on odd ones.
      const x = heads[0]!.transform[4]!;
      expect(n % 2 === 0 ? x < width / 2 : x > width / 2, `page ${n}: the symbol at x ${x}`).toBe(true);
    }
  });

  it('its Content-Security-Policy lets the embedded style sheet apply and reports nothing', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    await page.goto(pageFile(htmlOf('ctoc-cop-wg3-2023.yaml')).url);
    const style = await page.evaluate(() => getComputedStyle(document.querySelector('.masthead')!).borderBottomStyle);
    await context.close();
    expect(style).toBe('solid');
    expect(messages).toEqual([]);
  });

  it('shows hostile text as text, in every place, and runs nothing', async () => {
    const doc = hostileModel();
    const { page, close } = await open(renderHtml(doc));
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const seen = await page.evaluate(() => ({
      title: document.title,
      description: document.querySelector('meta[name="description"]')!.getAttribute('content'),
      h1: document.querySelector('h1')!.textContent,
      organ: document.querySelector('.organ')!.textContent,
      meeting: document.querySelector('.meeting')!.textContent,
      agenda: document.querySelector('.agenda-list > li')!.firstChild!.nextSibling!.textContent!.trimEnd(), // a newline precedes the sub-list
      heading: document.getElementById('item-opening')!.textContent,
      paragraph: document.querySelector('#item-opening ~ p')!.textContent,
      link: Array.from(document.querySelectorAll('#item-opening ~ p a')).map((a) => [a.getAttribute('href'), a.textContent]),
      symbolHref: document.querySelector('.doc-symbol a')!.getAttribute('href'),
      note: document.querySelector('#fn-1')!.textContent,
      annex: document.querySelector('tbody td:last-child')!.textContent,
      elements: document.querySelectorAll('script, b, p p').length,
    }));
    await close();
    expect(dialogs).toBe(0);
    expect(seen).toEqual({
      title: HOSTILE_TITLE,
      description: HOSTILE,
      h1: HOSTILE,
      organ: HOSTILE,
      meeting: `${doc.meeting.body}${HOSTILE}`,
      agenda: `${HOSTILE}${doc.agenda.items[0]!.punctuation}`,
      heading: `(a) ${HOSTILE}`,
      paragraph: HOSTILE,
      link: [
        [HOSTILE_URL, HOSTILE],
        [HOSTILE_URL, HOSTILE],
      ],
      symbolHref: HOSTILE_URL,
      note: expect.stringContaining(`1 ${HOSTILE} `),
      annex: HOSTILE,
      elements: 0,
    });
  });
});
