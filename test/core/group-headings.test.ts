// Items in groups under headings of their own (`group_heading`): a session's segments, the
// General Assembly's headings. Each case reads the model and what a reader gets in every format.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { HtmlValidate } from 'html-validate';
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/promise';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/export/docx/index.js';
import { renderPdf } from '../../src/export/pdf/index.js';
import type { AgendaDocument, Inline } from '../../src/model.js';
import { renderAkn } from '../../src/render/akn/index.js';
import { renderHtml } from '../../src/render/html/index.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { translatableTexts } from '../../src/translate/texts.js';
import { exportXliff } from '../../src/translate/xliff.js';
import xliff2js from 'xliff/xliff2js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { typeset, tableMetrics } from '../../src/typeset/index.js';
import { compileSource } from '../../src/pipeline.js';
import { compileYaml } from '../helpers/compile.js';
import { markdownlintConfig } from '../helpers/markdownlint.js';
import { repoRoot } from '../helpers/reference.js';
import { readPdf, wordsOf } from '../pdf/helpers.js';

const FILE = 'test/fixtures/group-headings.yaml';
const SOURCE = readFileSync(resolve(repoRoot, FILE), 'utf8');

function compile(source = SOURCE): AgendaDocument {
  const { model, diagnostics } = compileSource(FILE, source);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model!;
}
const plain = (nodes: readonly Inline[] | undefined): string | undefined =>
  nodes && nodes.map((n) => (n.type === 'text' || n.type === 'symbol' ? n.value : n.type === 'noteRef' ? `[${n.number}]` : 'children' in n ? plain(n.children) : '')).join('');

describe('the model', () => {
  it('the list carries each heading on the item that opens its group; items are numbered through the groups', () => {
    const doc = compile();
    expect(doc.agenda!.items.map((i) => [i.label, plain(i.groupHeading?.content)])).toEqual([
      ['1.', undefined],
      ['2.', undefined],
      ['3.', 'Operational segment[1]'],
      ['4.', 'Normative segment'],
      ['5.', undefined],
      ['6.', 'Other matters of the session'],
      ['7.', undefined],
    ]);
  });

  it('the annotations print a heading above the first annotated item of its group, once, and none for a group without annotations', () => {
    const doc = compile();
    expect(doc.annotations!.sections.map((s) => [s.number, plain(s.groupHeading?.content)])).toEqual([
      ['2', undefined],
      ['4', 'Normative segment'],
      ['5', undefined],
    ]);
    // The group's first item unannotated: its heading goes to the next one that is.
    const later = compile(SOURCE.replace('    annotation: The Commission will review the implementation of the treaties.\n', ''));
    expect(later.annotations!.sections.map((s) => [s.number, plain(s.groupHeading?.content)])).toEqual([
      ['2', undefined],
      ['5', 'Normative segment'],
    ]);
  });

  it('a footnote called in a heading is numbered where the list prints it, and called once', () => {
    const doc = compile(SOURCE.replace('    annotation: The Commission will adopt its provisional agenda.\n', '    annotation: The Commission will adopt its provisional agenda.[^joint]\n').replace('title: Policy directives to the drug programme\n', 'title: Policy directives to the drug programme\n    annotation: Directives.\n'));
    // The heading comes before the annotation of item 2 in reading order: it takes number 1.
    expect(plain(doc.agenda!.items[2]!.groupHeading?.content)).toBe('Operational segment[1]');
    expect(plain(doc.annotations!.sections.find((s) => s.number === '3')!.groupHeading?.content)).toBe('Operational segment');
    expect(doc.footnotes.map((n) => n.number)).toEqual([1]);
    // Without the list (an addendum of annotations) the annotations call it.
    const addendum = compile(SOURCE.replace('  date: 2099-01-10\n', '  date: 2099-01-10\n  kind: annotations-addendum\n').replace('title: Policy directives to the drug programme\n', 'title: Policy directives to the drug programme\n    annotation: Directives.\n'));
    expect(addendum.agenda).toBeUndefined();
    expect(plain(addendum.annotations!.sections.find((s) => s.number === '3')!.groupHeading?.content)).toBe('Operational segment[1]');
  });

  it('tells a translator what it is', async () => {
    const doc = compile();
    const xml = await exportXliff('g.yaml', translatableTexts(doc, compileSource(FILE, SOURCE).definition), 'en', 'fr');
    const units = ((await xliff2js(xml)) as { resources: Record<string, Record<string, { note?: string | string[] }>> }).resources['g.yaml']!;
    // One note reads back as a string, several as a list.
    const note = (key: string) => [units[key]!.note].flat()[0];
    expect(note('items[treaties].group_heading')).toBe('The heading of a group of agenda items (a segment of the session, a heading of the agenda), printed above the items it groups.');
    expect(note('items[treaties].title')).toBe('The title of an agenda item: the same wording wherever it appears.');
  });

  it('is a title to the rules and a text to translate, before its item\'s title', () => {
    const doc = compile();
    const paths = doc.sources.texts.map((t) => `${t.role} ${t.origin.path.join('/')}`);
    expect(paths.slice(paths.indexOf('title items/2/group_heading'), paths.indexOf('title items/2/group_heading') + 2)).toEqual(['title items/2/group_heading', 'title items/2/title']);
    expect(doc.sources.items.find((i) => i.id === 'treaties')!.groupHeading).toBe('Normative segment');
    expect(translatableTexts(doc, compileSource(FILE, SOURCE).definition).map((t) => t.key)).toContain('items[treaties].group_heading');
  });

  it('a footnote called only in a heading that does not print is reported as such, not as never called', () => {
    const addendum = compileSource(FILE, SOURCE.replace('  date: 2099-01-10\n', '  date: 2099-01-10\n  kind: annotations-addendum\n'));
    expect(addendum.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      "39:10 unused-footnote footnote 'joint' is referred to only in the group heading above item 'policy', which does not print: no item of the group has an annotation",
    ]);
  });

  it('a sub-item cannot open a group; an empty heading is reported at its line', () => {
    const sub = compileYaml(SOURCE.replace('        title: Strategic management', '        group_heading: Budget\n        title: Strategic management'));
    expect(sub.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.hint}`)).toEqual(["24:9 schema a group of items is opened by an item, not by a sub-item: move 'group_heading' to the item the group starts with"]);
    const empty = compileYaml(SOURCE.replace('group_heading: Normative segment', 'group_heading: "  "'));
    expect(empty.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['26:20 empty-text']);
  });
});

describe('every format', () => {
  it('Markdown: one list for each group under its heading, numbered on; clean for markdownlint', async () => {
    const md = renderMarkdown(compile());
    expect(md).toContain('## Provisional agenda\n\n1. Election of officers.\n2. Adoption of the agenda and other organizational matters.\n\n### Operational segment[^1]\n\n3. Policy directives to the drug programme:\\\n');
    expect(md).toContain('\n\n### Normative segment\n\n4. Implementation of the international drug control treaties.\n5. World situation');
    expect(md).toContain('## Annotations\n\n### 2. Adoption of the agenda and other organizational matters\n\nThe Commission will adopt its provisional agenda.\n\n### Normative segment\n\n### 4. Implementation');
    // A reader's parser sees the lists start at the groups' first numbers.
    const starts = new MarkdownIt().parse(md, {}).filter((t) => t.type === 'ordered_list_open').map((t) => String(t.attrGet('start') ?? 1));
    expect(starts).toEqual(['1', '3', '4', '6']);
    const lints = await lint({ strings: { output: md }, config: markdownlintConfig() });
    expect((lints.output ?? []).map((e) => `line ${e.lineNumber} ${e.ruleNames.join('/')}`)).toEqual([]);
  });

  it('HTML: headings between lists that start at their first item\'s number; valid', async () => {
    const html = renderHtml(compile());
    expect(html).toContain('</ol>\n<h3 class="group-heading">Operational segment<sup class="noteref">');
    expect(html).toContain('<h3 class="group-heading">Normative segment</h3>\n<ol class="agenda-list" start="4">\n<li><span class="label">4. </span>');
    expect(html).toContain('<h3 class="group-heading" id="group-treaties">Normative segment</h3>\n<section class="item level-1">\n<h3 id="item-treaties">');
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html, 'page.html');
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it.skipIf(spawnSync('xmllint', ['--version']).status !== 0)('Akoma Ntoso: cross-headings, valid against the schema', () => {
    const xml = renderAkn(compile());
    // Ids from the id of the item that opens the group, as items' are: adding a group renumbers nothing.
    expect(xml).toContain('<blockContainer eId="agenda__group-treaties">\n<crossHeading eId="agenda__group-treaties__heading">Normative segment</crossHeading>\n<blockList eId="agenda__group-treaties__list">');
    expect(xml).toContain('<crossHeading eId="annotations__group-treaties">Normative segment</crossHeading>\n<section eId="annotations__item-treaties">');
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', resolve(repoRoot, 'schemas/akn/akomantoso30.xsd'), '-'], { input: xml, encoding: 'utf8' });
    expect(r.stderr.trim()).toBe('- validates');
  });

  it('Word: a paragraph of its own style before the group, in the list and the annotations', async () => {
    const zip = unzipSync(await renderDocx(compile()));
    const body = strFromU8(zip['word/document.xml']!);
    const headings = [...body.matchAll(/<w:pStyle w:val="UNGroupHeading"\/>[\s\S]*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Operational segment', 'Normative segment', 'Other matters of the session', 'Normative segment']);
    expect(strFromU8(zip['word/styles.xml']!)).toContain('w:styleId="UNGroupHeading"');
  });

  it('PDF: bold headings in reading order, tagged as headings, the groups\' titles aligned', async () => {
    const doc = compile();
    const bytes = await renderPdf(doc);
    const pages = await readPdf(bytes);
    const words = pages.flatMap((p) => wordsOf(p.runs)).join(' ');
    expect(words).toMatch(/organizational matters\. Operational segment 1 3\. Policy directives/);
    expect(words).toMatch(/Normative segment 4\. Implementation .* Normative segment 4\. Implementation/);
    // In the bold face of the list's heading, not the regular face of its items.
    const font = (start: string) => pages[0]!.runs.find((r) => r.str.startsWith(start))!.fontName;
    expect(font('Normative segment')).toBe(font('Provisional agenda'));
    expect(font('Normative segment')).not.toBe(font('Election of officers'));
    const types = typeset(doc, tableMetrics()).structure.map((n) => n.type);
    // H1 title, H2 list, H3 groups, H2 annotations, H3 groups and items.
    expect(types.filter((t) => /^H\d$/.test(t))).toEqual(['H1', 'H2', 'H3', 'H3', 'H3', 'H2', 'H3', 'H3', 'H3', 'H3']);
    expect(types.filter((t) => t === 'L')).toHaveLength(4 + 1); // a list for each group and the first, and item 3's sub-items
    // The bookmarks read the headings without their footnote calls.
    const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    type Entry = { title: string; items: Entry[] };
    const titles = (items: Entry[]): string[] => items.flatMap((o) => [o.title, ...titles(o.items)]);
    expect(titles(((await pdf.getOutline()) ?? []) as unknown as Entry[])).toContain('Operational segment');
    await pdf.destroy();
    // Right to left too, where the bookmark reads the line's words in logical order.
    const arabic = await getDocument({ data: new Uint8Array(await renderPdf(compile(`language: ar\n${SOURCE}`))), verbosity: 0 }).promise;
    expect(titles(((await arabic.getOutline()) ?? []) as unknown as Entry[])).toContain('Operational segment');
    await arabic.destroy();
    const titleX = (start: string) => pages[0]!.runs.find((r) => r.str.startsWith(start))!.x;
    expect(titleX('Policy directives')).toBeCloseTo(titleX('Election of officers'), 1);
  });
});
