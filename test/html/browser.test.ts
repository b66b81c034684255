import { readFileSync } from 'node:fs';
import type { Browser, Dialog, Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UN_PAGE } from '../../src/page/template.js';
import { renderHtml } from '../../src/render/html/index.js';
import { buildSource, translationsBeside } from '../../src/core/build.js';
import { compileSource } from '../../src/pipeline.js';
import { repoRoot } from '../helpers/reference.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { axePath, chromiumMissing, examples, hasChromium, htmlOf, launchBrowser, modelOf, pageFile } from './helpers.js';
import { HOSTILE, HOSTILE_TITLE, HOSTILE_URL, hostileModel } from './hostile.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

describe.skipIf(!hasChromium)(hasChromium ? 'HTML page in headless Chromium' : `HTML page in headless Chromium (${chromiumMissing})`, () => {
  let browser: Browser;
  /**
   * One page for every test, in one context: a context and a page cost more than loading a
   * page again. Each test loads its page afresh (show), so no state passes from one to the
   * next. axe is injected as a script, so the context bypasses the page's own CSP (the CSP
   * test has a context of its own).
   */
  let page: Page;
  /** The requests of the page last shown. */
  const requests: string[] = [];
  /** axe-core's source, read once; evaluating it costs less than a script tag from a file. */
  let axeSource: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext({ bypassCSP: true })).newPage();
    page.on('request', (r) => requests.push(r.url()));
    axeSource = readFileSync(axePath, 'utf8');
  });
  afterAll(async () => {
    await browser?.close();
  });

  const printedPdfs = new Map<string, Buffer>();
  /** An example printed to PDF by Chromium, once per run of this file (several tests read it). */
  async function printed(name: string): Promise<Buffer> {
    let pdf = printedPdfs.get(name);
    if (!pdf) {
      await show(name);
      printedPdfs.set(name, (pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })));
    }
    return pdf;
  }

  const files = new Map<string, string>();
  /** Loads an example (or a page's HTML) afresh, at a window size and colour scheme, and returns its file: URL. */
  async function show(nameOrHtml: string, { width = 1280, height = 900, colorScheme = 'light' as 'light' | 'dark' } = {}): Promise<string> {
    const html = nameOrHtml.endsWith('.yaml') ? htmlOf(nameOrHtml) : nameOrHtml;
    let url = files.get(html);
    if (!url) files.set(html, (url = pageFile(html).url));
    await page.emulateMedia({ media: null, colorScheme });
    await page.setViewportSize({ width, height });
    requests.length = 0;
    await page.goto(url);
    return url;
  }

  /**
   * Shows a page for axe: its HTML written into the shared page's document, where axe, loaded
   * once, stays (document.open keeps the window and its globals; a navigation would drop them,
   * and loading axe again costs more than the audit). The DOM and the styles are the page's.
   */
  async function showForAxe(name: string, colorScheme: 'light' | 'dark'): Promise<void> {
    await page.emulateMedia({ media: null, colorScheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    await page.evaluate((html) => {
      document.open();
      document.write(html);
      document.close();
    }, htmlOf(name));
    expect(await page.evaluate(() => [document.title, document.documentElement.lang])).toEqual([modelOf(name).meta.title, modelOf(name).lang]);
  }

  /** What axe-core finds against WCAG 2.1 A and AA on the page shown, one line each. */
  function axeViolations(): Promise<string[]> {
    return page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, WCAG_21_AA);
  }

  // Every example in the light scheme; the dark scheme, which changes colours only (one style
  // sheet for all pages), on the reference, whose page has every kind of element the others have.
  it.each([...examples.map((name) => [name, 'light'] as const), ['ctoc-cop-wg3-2023.yaml', 'dark'] as const])('%s has no axe-core violations at WCAG 2.1 AA (%s)', async (name, colorScheme) => {
    await showForAxe(name, colorScheme);
    expect(await axeViolations()).toEqual([]);
  });

  /**
   * The reference in another language, from its translation file beside it.
   */
  async function referenceIn(language: 'fr' | 'es' | 'ru' | 'ar' | 'zh'): Promise<string> {
    const file = join(repoRoot, 'examples/ctoc-cop-wg3-2023.yaml');
    const source = readFileSync(file, 'utf8');
    const built = await buildSource(file, source, { formats: ['html'], languages: [language], translations: translationsBeside(file, existsSync, (p) => readFileSync(p, 'utf8')) }, { diagnostics: [] });
    return String(built.outputs!.find((o) => o.format === 'html')!.data);
  }

  it.each(['fr', 'es', 'ru', 'ar', 'zh'] as const)('the reference in %s has no axe-core violations at WCAG 2.1 AA', async (language) => {
    const html = await referenceIn(language);
    await page.emulateMedia({ media: null, colorScheme: 'light' });
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    await page.evaluate((text) => {
      document.open();
      document.write(text);
      document.close();
    }, html);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([language, language === 'ar' ? 'rtl' : 'ltr']);
    expect(await axeViolations()).toEqual([]);
  });

  it.each(examples)('%s: every note call leads to its note, and the note leads back to that call', async (name) => {
    const doc = modelOf(name);
    await show(name);
    const calls = await page.$$eval('sup.noteref a', (as) => as.map((a) => ({ id: a.id, href: a.getAttribute('href')! })));
    expect(calls).toHaveLength(doc.footnotes.reduce((n, f) => n + f.references, 0));
    // Followed by clicks on the reference, whose notes have every form (repeated calls, calls
    // in titles, tables and notes); on the other examples the links are read from the page.
    // Each call's note is in the list of notes, with a back link to exactly this call: read in
    // the page at once (a round trip to the browser per call cost more than the reading).
    const unlinked = await page.evaluate(
      (list) =>
        list.flatMap(({ id, href }) => {
          const note = document.getElementById(href.slice(1));
          if (!note?.closest('.footnotes ol')) return [`${href} is not a note of the list`];
          const backs = note.querySelectorAll(`a.backref[href="#${CSS.escape(id)}"]`).length;
          return backs === 1 ? [] : [`${href} has ${backs} back links to ${id}`];
        }),
      calls,
    );
    expect(unlinked).toEqual([]);
    if (name === 'ctoc-cop-wg3-2023.yaml') {
      for (const call of calls) {
        // Following the call goes to the note, and following its back link returns to the call.
        await page.click(`[id="${call.id}"]`);
        expect(await page.evaluate(() => location.hash)).toBe(call.href);
        await page.click(`[id="${call.href.slice(1)}"] a.backref[href="#${call.id}"]`);
        expect(await page.evaluate(() => location.hash)).toBe(`#${call.id}`);
      }
    }
    // No back link points nowhere.
    const dangling = await page.$$eval('a.backref', (as) => as.map((a) => a.getAttribute('href')!).filter((h) => !document.getElementById(h.slice(1))));
    expect(dangling).toEqual([]);
  });

  it.each(examples.filter((n) => modelOf(n).annex))('%s: every cell of the annex table is read with its column, day and time headers', async (name) => {
    await show(name);
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
    await show('ctoc-cop-wg3-2023.yaml');
    const scopes = await page.$$eval('th', (ths) => ths.map((th) => `${th.scope}:${th.innerText.trim()}`));
    expect(scopes.slice(0, 5)).toEqual(['col:Date and time', 'col:Agenda item', 'col:Title or description', 'rowgroup:Monday, 11 September', 'row:10 a.m.–1 p.m.']);
  });

  it.each(examples)('%s: first screen and print to A4 PDF are not empty, nothing is fetched, and it reflows at 640 and 320 CSS pixels without horizontal scrolling', async (name) => {
    const pdf = await printed(name);
    const url = await show(name);
    const png = await page.screenshot();
    // 1280 px at 200 and 400 per cent zoom (WCAG 1.4.10): the page is laid out again at each width.
    const overflow: Record<number, number> = {};
    for (const width of [640, 320]) {
      await page.setViewportSize({ width, height: 800 });
      overflow[width] = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    }
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 841(\.\d+)?\]/); // A4 (595 × 842 pt) from @page
    expect(requests).toEqual([url]);
    for (const width of [640, 320]) expect(overflow[width], `overflow at ${width} px`).toBeLessThanOrEqual(0);
  });

  it('sets the annex as the PDF does: times, item numbers and the date and item headers on one line even at 390 pixels; on a desktop every header on one line, "Annex" at the margin, its title and table at the indent, the closing rule under every column', async () => {
    await show('ctoc-cop-wg3-2023.yaml', { width: 390, height: 800 });
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
    const phoneHeaders = await lines('table thead th');
    await page.setViewportSize({ width: 1280, height: 800 });
    const headers = await lines('table thead th');
    // The table's own bottom border (collapsed): under the time column too, where the last row has no cell of its own.
    const rule = await page.$eval('table', (t) => ({ style: getComputedStyle(t).borderBottomStyle, lastRowCells: t.rows[t.rows.length - 1]!.cells.length, columns: t.rows[0]!.cells.length }));
    // "Annex" at the margin, its title and the table at the indent of the annotations' text.
    const placement = await page.evaluate(() => {
      const textLeft = (e: Element) => {
        const range = document.createRange();
        range.selectNodeContents(e);
        return Math.round(range.getClientRects()[0]!.left);
      };
      const left = (e: Element) => Math.round(e.getBoundingClientRect().left);
      return {
        margin: left(document.querySelector('main')!),
        annex: textLeft(document.querySelector('.annex h2')!),
        title: textLeft(document.querySelector('caption')!),
        table: left(document.querySelector('table')!),
        indent: left(document.querySelector('.annotations .item > p')!),
      };
    });
    expect(placement).toEqual({ margin: placement.margin, annex: placement.margin, title: placement.indent, table: placement.indent, indent: placement.indent });
    expect(placement.indent).toBeGreaterThan(placement.margin + 20);
    expect(times.length).toBeGreaterThan(3);
    expect(new Set(times)).toEqual(new Set([1]));
    expect(new Set(numbers)).toEqual(new Set([1]));
    // The date column's header on one line on a phone, the item's too; the title's may wrap.
    expect(phoneHeaders.slice(0, 2)).toEqual([1, 1]);
    expect(headers).toEqual([1, 1, 1]);
    expect(rule).toEqual({ style: 'solid', lastRowCells: 2, columns: 3 });
  });

  it('hangs the labels of items and sub-items in the margin, with titles and annotations at the indent, justified', async () => {
    await show('ctoc-cop-wg3-2023.yaml');
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
    expect(geometry.labels[1]).toBe(geometry.labels[0]);
    expect(new Set(geometry.texts).size, JSON.stringify(geometry.texts)).toBe(1);
    expect(geometry.texts[0]! - geometry.labels[0]!).toBeGreaterThan(20);
    expect(geometry.align).toBe('justify');
  });

  it("sets a group's heading as an item's, in every kind: where the numbers start in the list, where the titles start in the annotations", async () => {
    // Without its note, which an addendum would not print (no item of its group is annotated).
    const source = readFileSync(join(repoRoot, 'test/fixtures/group-headings.yaml'), 'utf8').replace('[^joint]', '').replace(/footnotes:[\s\S]*$/, '');
    for (const kind of ['annotated-provisional-agenda', 'provisional-agenda', 'annotations-addendum']) {
      const { model } = compileSource('group-headings.yaml', source.replace('  date: 2099-01-10\n', `  date: 2099-01-10\n  kind: ${kind}\n`));
      await show(renderHtml(model!));
      const geometry = await page.evaluate(() => {
        // Where the text starts, not the box (which holds the padding).
        const start = (e: Node) => {
          const range = document.createRange();
          range.selectNodeContents(e);
          return Math.round(range.getClientRects()[0]!.left);
        };
        const box = (e: Element | null) => (e ? { left: start(e), size: getComputedStyle(e).fontSize } : undefined);
        const textLeft = (h: Element) => start(h.querySelector('.label')!.nextSibling!);
        const itemHeading = document.querySelector('.annotations .level-1 > :first-child');
        const listLabel = document.querySelector('.agenda-list .label');
        return {
          inList: box(document.querySelector('.agenda .group-heading')),
          inAnnotations: box(document.querySelector('.annotations .group-heading')),
          listLabel: box(listLabel),
          listSize: listLabel ? getComputedStyle(listLabel.parentElement!).fontSize : undefined,
          item: itemHeading ? { size: getComputedStyle(itemHeading).fontSize, textLeft: textLeft(itemHeading) } : undefined,
        };
      });
      if (geometry.inList) {
        expect(geometry.inList.left, kind).toBe(geometry.listLabel!.left);
        expect(geometry.inList.size, kind).toBe(geometry.listSize);
      }
      if (geometry.inAnnotations) {
        expect(geometry.inAnnotations.left, kind).toBe(geometry.item!.textLeft);
        expect(geometry.inAnnotations.size, kind).toBe(geometry.item!.size);
      }
      expect(Boolean(geometry.inList || geometry.inAnnotations), kind).toBe(true);
    }
  });

  it('sets the masthead as the PDF does on a desktop, and stacks it on a phone', async () => {
    await show('ctoc-cop-wg3-2023.yaml');
    const measure = () =>
      page.evaluate(() => {
        const box = (s: string) => {
          const r = document.querySelector(s)!.getBoundingClientRect();
          return { left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top), bottom: Math.round(r.bottom) };
        };
        const style = (s: string) => getComputedStyle(document.querySelector(s)!);
        return {
          masthead: box('.masthead'),
          organ: box('.organ'),
          distribution: box('.distribution'),
          symbolHead: document.querySelector('.symbol-head')!.textContent,
          symbol: document.querySelector('.doc-symbol')!.textContent,
          sizes: { head: parseFloat(style('.symbol-head').fontSize), rest: parseFloat(style('.doc-symbol').fontSize), body: parseFloat(style('main p').fontSize), organ: parseFloat(style('.organ').fontSize) },
          organWeight: style('.organ').fontWeight,
          rules: { thin: parseFloat(style('.masthead-top').borderBottomWidth), thick: parseFloat(style('.masthead').borderBottomWidth) },
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
    const desktop = await measure();
    const { masthead: M, margins, size } = UN_PAGE;
    // The symbol's first component large, the rest at the body's size, as the PDF sets them.
    expect([desktop.symbolHead, desktop.symbol]).toEqual(['CTOC', 'CTOC/COP/WG.3/2023/1']);
    expect(desktop.sizes.head / desktop.sizes.rest).toBeCloseTo(M.symbolFirstPartPt / M.symbolRestPt, 2);
    expect(desktop.sizes.rest).toBe(desktop.sizes.body);
    expect(desktop.sizes.organ / desktop.sizes.body).toBeCloseTo(M.organPt / UN_PAGE.styles.body.sizePt, 2);
    expect(desktop.organWeight).toBe('700');
    expect(desktop.rules.thick).toBeGreaterThan(2 * desktop.rules.thin);
    // The right-hand column where the PDF has it (its share of the measure), beside the organ, top-aligned with it.
    const measureMm = (size.widthPt * 25.4) / 72 - margins.leftMm - margins.rightMm;
    const width = desktop.masthead.right - desktop.masthead.left;
    expect(Math.abs(desktop.distribution.left - (desktop.masthead.left + (width * M.rightColumnMm) / measureMm))).toBeLessThanOrEqual(2);
    expect(desktop.distribution.left).toBeGreaterThan(desktop.organ.right);
    expect(desktop.distribution.top).toBe(desktop.organ.top);

    // On a phone the column goes under the organ, at its start, and nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    const phone = await measure();
    expect(phone.distribution.top).toBeGreaterThanOrEqual(phone.organ.bottom);
    expect(phone.distribution.left).toBe(phone.organ.left);
    expect(phone.overflow).toBeLessThanOrEqual(0);

    // Room for an emblem: an image before the organ takes a column of its own, the organ and the right-hand column keep their row.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.alt = '';
      img.width = 48;
      img.height = 40;
      img.src = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg"/%3E';
      document.querySelector('.masthead-bottom')!.prepend(img);
    });
    const emblem = await page.evaluate(() => {
      const r = (e: Element) => e.getBoundingClientRect();
      const [img, organ, distribution] = ['.masthead-bottom > img', '.organ', '.distribution'].map((s) => r(document.querySelector(s)!));
      return { imgRight: img!.right, imgTop: Math.round(img!.top), organLeft: organ!.left, organTop: Math.round(organ!.top), distributionTop: Math.round(distribution!.top) };
    });
    expect(emblem.organLeft).toBeGreaterThan(emblem.imgRight);
    expect(new Set([emblem.imgTop, emblem.organTop, emblem.distributionTop]).size).toBe(1);
  });

  it('printed: the notes follow the body, and the annex starts a new page with its heading', async () => {
    const doc = modelOf('ctoc-cop-wg3-2023.yaml');
    const pdf = await getDocument({ data: new Uint8Array(await printed('ctoc-cop-wg3-2023.yaml')), verbosity: 0 }).promise;
    const pages: string[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) pages.push(((await (await pdf.getPage(n)).getTextContent()).items as { str: string }[]).map((t) => t.str.trim()).filter(Boolean));
    const pageOf = (text: string) => pages.findIndex((p) => p.includes(text));
    const annex = pageOf(doc.annex!.heading);
    const notes = pageOf(doc.labels.footnotes);
    // The last item's heading: the last page before the annex with its label ("5."; the list on page 1 has it too).
    const lastItem = pages.slice(0, annex).findLastIndex((p) => p.includes(doc.annotations!.sections.at(-1)!.label));
    expect(annex).toBeGreaterThan(0);
    // Past the running head and the page counter, the annex's page begins with "Annex" and its title.
    expect(pages[annex]!.filter((t) => t !== doc.masthead.symbol && !/^\d+\/\d+$/.test(t)).slice(0, 2)).toEqual([doc.annex!.heading, doc.annex!.title]);
    expect(pages[annex - 1]!.includes(doc.annex!.title)).toBe(false);
    // The notes, under their heading, after the last item and before the annex.
    expect(lastItem).toBeGreaterThan(0);
    expect(notes).toBeGreaterThanOrEqual(lastItem);
    expect(notes).toBeLessThan(annex);
  });

  it.each([
    ['ctoc-cop-wg3-2023.yaml', 'CTOC/COP/WG.3/2023/1', (n: number, of: number) => `${n}/${of}`],
    ['archive-1998.yaml', 'TD/B/COM.3/15', (n: number) => `Page ${n}`],
  ] as const)('%s printed: the symbol heads every page after the first at its outer edge, with the page counter of the house style', async (name, symbol, counter) => {
    const pdf = await printed(name);
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
    let dialogs = 0;
    const dismiss = (d: Dialog) => {
      dialogs++;
      void d.dismiss();
    };
    page.on('dialog', dismiss);
    await show(renderHtml(doc));
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
    page.off('dialog', dismiss);
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
