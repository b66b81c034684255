import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderPdf } from '../../src/export/pdf/index.js';
import { hasTool, modelOf, pdfOf, readPdf } from './helpers.js';

const EXAMPLE = 'examples/ctoc-cop-wg3-2023.yaml';

describe('PDF file', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('is byte-identical from one build to the next, whatever the clock', async () => {
    const model = modelOf(EXAMPLE);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2001-02-03T04:05:06Z'));
    const a = await renderPdf(model);
    vi.setSystemTime(new Date('2031-12-30T23:59:59Z'));
    const b = await renderPdf(modelOf(EXAMPLE));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('compresses every stream but the XMP metadata, each whole and of its stated length', async () => {
    const bytes = Buffer.from(await renderPdf(modelOf(EXAMPLE)));
    const text = bytes.toString('latin1');
    let streams = 0;
    let pages = 0;
    for (const m of text.matchAll(/<<((?:(?!>>\nstream).)*?)>>\nstream\n/gs)) {
      const dict = m[1]!;
      const length = Number(/\/Length (\d+)/.exec(dict)![1]);
      const start = m.index + m[0].length;
      expect(text.slice(start + length, start + length + 10)).toBe('\nendstream');
      if (/\/Type \/Metadata/.test(dict)) continue;
      expect(dict).toContain('/Filter /FlateDecode');
      const data = inflateSync(bytes.subarray(start, start + length));
      expect(data[0], 'compressed twice').not.toBe(0x78);
      if (data.includes('BT\n')) pages++;
      streams++;
    }
    expect(streams).toBeGreaterThan(8); // pages, four fonts with their widths and maps, structure
    expect(pages).toBe(4);
  });

  it('dates the file from the model, or from SOURCE_DATE_EPOCH when set', async () => {
    const model = modelOf(EXAMPLE);
    const info = async (data: Uint8Array) => ((await (await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise).getMetadata()).info as Record<string, unknown>);
    const plain = await info(await renderPdf(model));
    expect(plain.CreationDate).toMatch(/^D:20230614000000Z/);
    expect(plain.ModDate).toMatch(/^D:20230614000000Z/);
    vi.stubEnv('SOURCE_DATE_EPOCH', '1700000000');
    const epoch = await info(await renderPdf(model));
    expect(epoch.CreationDate).toMatch(/^D:20231114221320Z/);
  });

  it('carries language, document info and XMP metadata from the model', async () => {
    const model = modelOf(EXAMPLE);
    const pdf = await getDocument({ data: new Uint8Array(await pdfOf(EXAMPLE)), verbosity: 0 }).promise;
    const meta = await pdf.getMetadata();
    const info = meta.info as Record<string, unknown>;
    expect(info.Title).toBe(model.meta.title);
    expect(info.Subject).toBe(model.meta.subject);
    expect(info.Author).toBe(model.meta.author);
    expect(info.Keywords).toBe(model.meta.keywords.join(', '));
    expect(info.Language).toBe(model.lang);
    expect(info.IsLinearized).toBe(false);
    const xmp = meta.metadata;
    expect(xmp?.get('dc:title')).toBe(model.meta.title);
    expect(xmp?.get('dc:creator')).toEqual([model.meta.author]);
    expect((await pdf.getMarkInfo())?.Marked).toBe(true);
    await pdf.destroy();
  });

  it('has an outline of its headings, nested by level, each pointing at its page (no "Documentation" subheadings)', async () => {
    const pdf = await getDocument({ data: new Uint8Array(await pdfOf(EXAMPLE)), verbosity: 0 }).promise;
    type Entry = { title: string; dest: unknown[]; items: Entry[] };
    const outline = ((await pdf.getOutline()) ?? []) as unknown as Entry[];
    const titles = (items: Entry[]): unknown[] => items.map((o) => (o.items.length ? [o.title, titles(o.items)] : o.title));
    expect(titles(outline)).toEqual([
      [
        'Annotated provisional agenda',
        [
          'Provisional agenda',
          [
            'Annotations',
            [
              ['1. Organizational matters', ['(a) Opening of the meeting', '(b) Adoption of the agenda and organization of work']],
              '2. Practical implementation of article 27 of the United Nations Convention against Transnational Organized Crime (law enforcement cooperation)',
              expect.stringMatching(/^3\. Lessons learned from the implementation .* legal assistance purposes$/),
              '4. Other matters',
              '5. Adoption of the report',
            ],
          ],
          ['Annex', ['Proposed organization of work']],
        ],
      ],
    ]);
    // Item 2 starts page 2, as the text of the pages has it.
    const item2 = outline[0]!.items[1]!.items[1]!;
    expect(await pdf.getPageIndex(item2.dest[0] as { num: number; gen: number })).toBe(1);
    await pdf.destroy();
  });

  it('keeps the XMP metadata valid XML when the model\'s words contain "&" or "<"', async () => {
    const model = { ...modelOf(EXAMPLE) };
    model.meta = { ...model.meta, title: 'Trade & Development <draft>', author: 'Committee on Trade & Development' };
    const pdf = await getDocument({ data: new Uint8Array(await renderPdf(model)), verbosity: 0 }).promise;
    const meta = await pdf.getMetadata();
    expect((meta.info as Record<string, unknown>).Title).toBe('Trade & Development <draft>');
    expect(meta.metadata?.get('dc:title')).toBe('Trade & Development <draft>');
    expect(meta.metadata?.get('dc:creator')).toEqual(['Committee on Trade & Development']);
    await pdf.destroy();
  });

  it('links Link inlines, tagged as Link elements', async () => {
    const model = structuredClone(modelOf(EXAMPLE));
    model.annotations.sections[3]!.paragraphs[0]!.content.push({ type: 'text', value: ' See ' }, { type: 'link', url: 'https://www.unodc.org/', children: [{ type: 'text', value: 'the UNODC web site' }] }, { type: 'text', value: '.' });
    const data = await renderPdf(model);
    const pdf = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
    const urls: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) urls.push(...(await (await pdf.getPage(n)).getAnnotations()).map((a) => a.url as string));
    expect(urls).toContain('https://www.unodc.org/');
    await pdf.destroy();
    const pages = await readPdf(data);
    const linked = pages.flatMap((p) => p.runs).filter((r) => r.tag === 'Link').map((r) => r.str).join('');
    expect(linked).toContain('UNODC web');
  });

  it('links document symbols that have an address', async () => {
    const model = modelOf(EXAMPLE);
    const pdf = await getDocument({ data: new Uint8Array(await pdfOf(EXAMPLE)), verbosity: 0 }).promise;
    const urls: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) urls.push(...(await (await pdf.getPage(n)).getAnnotations()).map((a) => a.url as string));
    expect(urls).toContain(model.masthead.symbolUrl);
    expect(urls).toContain('https://undocs.org/CTOC/COP/WG.3/2023/2');
    expect(urls).toContain('https://undocs.org/CTOC/COP/WG.7/2023/3');
    await pdf.destroy();
  });

  it.skipIf(!hasTool('pdffonts'))(hasTool('pdffonts') ? 'embeds (and subsets) every font' : 'fonts: skipped, pdffonts not found (apt-get install poppler-utils)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-pdf-'));
    for (const file of [EXAMPLE, 'test/fixtures/long-meeting.yaml']) {
      const path = join(dir, 'x.pdf');
      writeFileSync(path, await pdfOf(file));
      const rows = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const row of rows) {
        expect(row).toMatch(/^[A-Z]{6}\+Tinos/);
        expect(row).toMatch(/\byes\s+yes\s+yes\b/);
      }
    }
  });

  it('has a structure tree that tags every piece of text, with the expected roles', async () => {
    for (const file of [EXAMPLE, 'test/fixtures/long-meeting.yaml']) {
      const pages = await readPdf(await pdfOf(file));
      const roles = new Set<string>();
      for (const p of pages) {
        p.roles.forEach((r) => roles.add(r));
        for (const r of p.runs) {
          expect(r.tag, `untagged text "${r.str}"`).toBeDefined();
          if (r.tag === 'Artifact') continue;
          expect(p.structIds.has(r.id!), `"${r.str}" (${r.tag}) is not in the structure tree`).toBe(true);
        }
      }
      for (const role of ['Document', 'H1', 'H2', 'H3', 'H4', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Note', 'Link']) {
        expect(roles.has(role), `${file}: role ${role}`).toBe(true);
      }
    }
  });

  it.skipIf(!hasTool('pdfinfo'))('keeps real spaces between words in the tagged text (pdfinfo -struct-text)', async () => {
    const model = modelOf(EXAMPLE);
    const dir = mkdtempSync(join(tmpdir(), 'agenda-pdf-'));
    const path = join(dir, 'x.pdf');
    writeFileSync(path, await pdfOf(EXAMPLE));
    const text = execFileSync('pdfinfo', ['-struct-text', path], { encoding: 'utf8' });
    expect(text).toContain(`"${model.title}"`);
    expect(text).toContain(`"${model.meeting.placeAndDates}"`);
  });

  it('marks running heads, page counters and the job number as artifacts', async () => {
    const model = modelOf('test/fixtures/long-meeting.yaml');
    const pages = await readPdf(await pdfOf('test/fixtures/long-meeting.yaml'));
    pages.forEach((p, i) => {
      const art = p.runs.filter((r) => r.tag === 'Artifact').map((r) => r.str);
      if (i === 0) {
        expect(art.join(' ')).toContain(model.masthead.job!.number);
        expect(art).toContain(model.masthead.job!.barcode);
      } else {
        expect(art).toContain(model.masthead.symbol);
        expect(art).toContain(`${i + 1}/${pages.length}`);
      }
    });
  });
});
