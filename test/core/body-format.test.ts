// The body of the document as the definition shapes it: document kinds, house styles,
// annotation headings, three levels of items. Each case reads the model and the Markdown
// and HTML a reader gets.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HtmlValidate } from 'html-validate';
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/promise';
import { describe, expect, it } from 'vitest';
import { markdownlintConfig } from '../helpers/markdownlint.js';
import type { AgendaDocument, AgendaListItem, Inline } from '../../src/model.js';
import { renderHtml } from '../../src/render/html/index.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderAkn } from '../../src/render/akn/index.js';
import { DOCUMENT_KINDS, HOUSE_STYLES, STYLE_NAMES } from '../../src/style/styles.js';
import { tableMetrics, typeset } from '../../src/typeset/index.js';
import { compileYaml, MINIMAL } from '../helpers/compile.js';
import { repoRoot } from '../helpers/reference.js';

const ITEMS = `items:
  - id: opening
    title: Opening of the session
    annotation_title: Opening of the ninth session
    annotation: The session will be opened by the Chair.
  - id: adoption
    title: Adoption of the agenda
  - id: substantive
    title: Substantive questions
    items:
      - id: first
        title: First question
        annotation: The body will consider {item:deep-two} under this sub-item.
      - id: second
        title: Second question
        items:
          - id: deep-one
            title: Its first part
          - id: deep-two
            title: Its second part
            annotation: Second part text. See also {agenda-item:deep-one}.
  - id: report
    title: Adoption of the report
    annotation: The body will adopt its report.
`;

function compile(extra: { top?: string; document?: string } = {}, items = ITEMS): AgendaDocument {
  let yaml = MINIMAL.replace(/items:[\s\S]*$/, items);
  if (extra.document) yaml = yaml.replace('  date: 2025-01-10\n', `  date: 2025-01-10\n${extra.document}\n`);
  if (extra.top) yaml = `${extra.top}\n${yaml}`;
  const { model, diagnostics } = compileYaml(yaml);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model!;
}

const plain = (nodes: readonly Inline[]): string => nodes.map((n) => (n.type === 'text' || n.type === 'symbol' ? n.value : 'children' in n ? plain(n.children) : '')).join('');
const listLines = (items: readonly AgendaListItem[]): string[] => items.flatMap((i) => [`${i.label} ${plain(i.title)}${i.punctuation}`, ...listLines(i.children)]);

describe('document.kind', () => {
  it('defaults to the annotated provisional agenda: list, then annotations, each under its heading', () => {
    const doc = compile();
    expect(doc.title).toBe('Annotated provisional agenda');
    expect(doc.agenda?.heading).toBe('Provisional agenda');
    expect(doc.annotations?.heading).toBe('Annotations');
  });

  it('a plain provisional agenda prints the list under the title, and no "Annotations" part at all', () => {
    const doc = compile({ document: '  kind: provisional-agenda' });
    expect(doc.title).toBe('Provisional agenda');
    expect(doc.agenda?.heading).toBeUndefined();
    expect(doc.annotations).toBeUndefined();
    // The rules know it: a plain agenda asks for no annotation text.
    expect(doc.sources.document).toMatchObject({ kind: 'provisional-agenda', annotated: false });
    expect(compile().sources.document).toMatchObject({ kind: 'annotated-provisional-agenda', annotated: true });
    const md = renderMarkdown(doc);
    expect(md).toContain('# Provisional agenda\n\n1. Opening of the session.\n2. Adoption of the agenda.\n3. Substantive questions:\\\n');
    expect(md).not.toMatch(/Annotations|session will be opened|^##/m);
    const html = renderHtml(doc);
    expect(html).not.toContain('Annotations');
    expect(html).not.toContain('<h2');
    expect(html).toContain('<section class="agenda">\n<ol class="agenda-list">');
  });

  it('"Provisional agenda and annotations" is the title; the parts stay', () => {
    const doc = compile({ document: '  kind: provisional-agenda-and-annotations' });
    expect(doc.title).toBe('Provisional agenda and annotations');
    expect(doc.agenda?.heading).toBe('Provisional agenda');
    expect(doc.annotations?.heading).toBe('Annotations');
  });

  it('a standing agenda and its annotations (the Human Rights Council): "Agenda", and "Agenda item N" in the masthead, in every language', () => {
    const expected = {
      en: ['Agenda and annotations', 'Agenda', 'Agenda item 2'],
      fr: ['Ordre du jour et annotations', 'Ordre du jour', 'Point 2 de l’ordre du jour'],
      es: ['Programa y anotaciones', 'Programa', 'Tema 2 del programa'],
      ru: ['Повестка дня и аннотации', 'Повестка дня', 'Пункт 2 повестки дня'],
      ar: ['جدول الأعمال وشروحه', 'جدول الأعمال', 'البند 2 من جدول الأعمال'],
      zh: ['议程和说明', '议程', '议程项目2'],
    };
    for (const [language, [title, heading, line]] of Object.entries(expected)) {
      const doc = compile({ top: `language: ${language}`, document: '  kind: agenda-and-annotations\n  under_item: adoption' });
      expect([doc.title, doc.agenda?.heading, doc.meeting.underItem?.line]).toEqual([title, heading, line]);
      expect(doc.agenda?.standing).toBe(true);
      expect(doc.annotations?.heading).toBeDefined();
    }
    expect(renderAkn(compile({ document: '  kind: agenda-and-annotations' }))).toContain('<hcontainer name="agenda" eId="agenda">');
    // A provisional agenda keeps its words.
    const provisional = compile({ document: '  under_item: adoption' });
    expect([provisional.agenda?.heading, provisional.meeting.underItem?.line, provisional.agenda?.standing]).toEqual(['Provisional agenda', 'Item 2 of the provisional agenda', undefined]);
  });

  it('annotations issued as an addendum print the annotations only, under their own title', () => {
    const doc = compile({ document: '  kind: annotations-addendum' });
    expect(doc.title).toBe('Annotations to the provisional agenda');
    expect(doc.agenda).toBeUndefined();
    expect(doc.annotations?.heading).toBeUndefined();
    expect(doc.annotations?.sections.map((s) => s.number)).toEqual(['1', '3', '4']);
    const md = renderMarkdown(doc);
    expect(md).toContain('# Annotations to the provisional agenda\n\n## 1. Opening of the ninth session\n');
    expect(md).not.toContain('Opening of the session');
  });

  it('a footnote called only from annotations that a plain agenda does not print is reported as such', () => {
    const yaml = MINIMAL.replace('  date: 2025-01-10\n', '  date: 2025-01-10\n  kind: provisional-agenda\n').replace('    title: Adoption of the agenda\n', '    title: Adoption of the agenda\n    annotation: See the note.[^n]\nfootnotes:\n  n: The note.\n');
    const { diagnostics } = compileYaml(yaml);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual(["14:6 unused-footnote footnote 'n' is referred to only in annotations, which this kind of document does not print"]);
  });

  it('a written title still wins over the kind\'s', () => {
    expect(compile({ document: '  kind: provisional-agenda\n  title: Provisional agenda of the thirty-third special session' }).title).toBe('Provisional agenda of the thirty-third special session');
  });

  it('the schema lists the kinds and the styles of src/style/ and nothing else', () => {
    const schema = JSON.parse(readFileSync(resolve(repoRoot, 'schemas/meeting.schema.json'), 'utf8'));
    expect(schema.properties.document.properties.kind.enum.sort()).toEqual(Object.keys(DOCUMENT_KINDS).sort());
    expect(schema.properties.style.enum.sort()).toEqual([...STYLE_NAMES].sort());
    for (const name of STYLE_NAMES) expect(schema.properties.style.description).toContain(`${name} (`);
  });

  it('reports an unknown kind or style at its line', () => {
    const yaml = `style: modern\n${MINIMAL.replace('  date: 2025-01-10\n', '  date: 2025-01-10\n  kind: agenda\n')}`;
    const { diagnostics } = compileYaml(yaml);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity}`)).toEqual(expect.arrayContaining(['1:8 error', '5:9 error']));
  });
});

describe('annotation headings', () => {
  it('an item without annotation has no heading; a parent of annotated sub-items keeps its own', () => {
    const doc = compile();
    const numbers = (list = doc.annotations!.sections): string[] => list.flatMap((s) => [s.number, ...numbers(s.children)]);
    expect(numbers()).toEqual(['1', '3', '3 (a)', '3 (b)', '3 (b) (ii)', '4']);
    expect(renderMarkdown(doc)).not.toMatch(/^#+ .*Adoption of the agenda$/m);
  });

  it('a footnote in the title of an item whose heading does not print is called once, from the list', () => {
    const items = ITEMS.replace('    title: Adoption of the agenda\n', '    title: Adoption of the agenda[^n]\n') + 'footnotes:\n  n: A note.\n';
    for (const extra of [{}, { document: '  kind: provisional-agenda' }]) {
      const doc = compile(extra, items);
      expect(doc.footnotes.map((n) => [n.references, n.backLabels])).toEqual([[1, ['Back to reference 1']]]);
      expect(renderHtml(doc).match(/id="fnref-1-\d"/g)).toEqual(['id="fnref-1-1"']);
    }
    // Where every heading prints, the heading repeats the title without the call: it stands once, in the list.
    const every = compile({ top: 'style: un-every-heading' }, items);
    expect(every.footnotes[0]!.references).toBe(1);
    expect(JSON.stringify(every.annotations!.sections[1]!.title)).not.toContain('noteRef');
    expect(plain(every.annotations!.sections[1]!.title)).toBe('Adoption of the agenda');
  });

  it('a footnote in a title is called from the list only, not again from its heading or the annex', () => {
    const items = ITEMS.replace('    title: Adoption of the agenda\n', '    title: Adoption of the agenda[^n]\n') + 'footnotes:\n  n: A note.\n';
    const annex = 'organization_of_work:\n  - date: 2025-03-03\n    slots:\n      - time: 10:00-13:00\n        items: [adoption]\n      - time: 15:00-18:00\n        items: [adoption]\n';
    const doc = compile({ top: 'style: un-every-heading' }, items + annex);
    expect(doc.footnotes.map((n) => n.references)).toEqual([1]);
    const rows = doc.annex!.days[0]!.slots.flatMap((slot) => slot.rows);
    expect(rows.map((row) => JSON.stringify(row.title).includes('noteRef'))).toEqual([false, false]);
    // An addendum of annotations has no list: its heading calls the footnote, and the annex does not again.
    const addendum = compile({ document: '  kind: annotations-addendum', top: 'style: un-every-heading' }, items + annex);
    expect(addendum.footnotes.map((n) => n.references)).toEqual([1]);
    expect(JSON.stringify(addendum.annotations!.sections[1]!.title)).toContain('noteRef');
  });

  it('a style that prints every heading prints them all', () => {
    const doc = compile({ top: 'style: un-every-heading' });
    expect(doc.annotations!.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4']);
    expect(doc.annotations!.sections[2]!.children[1]!.children.map((s) => s.number)).toEqual(['3 (b) (i)', '3 (b) (ii)']);
  });

  it('an agenda with no annotation written yet shows every heading, to be filled in', () => {
    const doc = compile({}, 'items:\n  - id: opening\n    title: Opening of the session\n  - id: adoption\n    title: Adoption of the agenda\n');
    expect(doc.annotations!.sections.map((s) => plain(s.title))).toEqual(['Opening of the session', 'Adoption of the agenda']);
  });

  it('annotation_title heads the annotation; the list and the annex keep the title', () => {
    const doc = compile();
    expect(plain(doc.agenda!.items[0]!.title)).toBe('Opening of the session');
    expect(plain(doc.annotations!.sections[0]!.title)).toBe('Opening of the ninth session');
    const html = renderHtml(doc);
    expect(html).toContain('<li><span class="label">1. </span>Opening of the session.</li>');
    expect(html).toContain('<h3 id="item-opening"><span class="label">1. </span>Opening of the ninth session</h3>');
    // The rules read it as a title, at its own place.
    expect(doc.sources.texts.filter((t) => t.role === 'title').map((t) => t.origin.path.join('/'))).toContain('items/0/annotation_title');
    expect(doc.sources.items[0]!.annotationTitle).toBe('Opening of the ninth session');
  });

  it('an empty annotation_title is reported at its line', () => {
    const { diagnostics } = compileYaml(MINIMAL.replace('    title: Adoption of the agenda\n', '    title: Adoption of the agenda\n    annotation_title: "  "\n'));
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['11:23 empty-text']);
  });
});

describe('three levels', () => {
  it('labels (i), (ii) under a sub-item and punctuates the list the UN way', () => {
    expect(listLines(compile().agenda!.items)).toEqual([
      '1. Opening of the session.',
      '2. Adoption of the agenda.',
      '3. Substantive questions:',
      '(a) First question;',
      '(b) Second question:',
      '(i) Its first part;',
      '(ii) Its second part.',
      '4. Adoption of the report.',
    ]);
  });

  it('a footnote call that ends a title follows the punctuation, as calls follow punctuation in English', () => {
    const items = ITEMS.replace('        title: First question\n', '        title: First question[^n]\n').replace('    title: Substantive questions\n', '    title: Substantive *questions*[^n]\n') + 'footnotes:\n  n: A note.\n';
    const doc = compile({}, items);
    const md = renderMarkdown(doc);
    expect(md).toContain('3. Substantive *questions*:[^1]\\\n   (a) First question;[^1]\\\n');
    expect(renderHtml(doc)).toContain('Substantive <em>questions</em>:<sup class="noteref"><a id="fnref-1-1"');
    const entry = doc.agenda!.items[2]!;
    expect(entry.notesAfter).toEqual([{ type: 'noteRef', number: 1, occurrence: 1 }]);
    expect(entry.title.at(-1)).toMatchObject({ type: 'emphasis' });
  });

  it('a third level that is not at the end of its item ends with a semicolon', () => {
    const items = ITEMS.replace('  - id: report', '      - id: third\n        title: Third question\n  - id: report');
    expect(listLines(compile({}, items).agenda!.items).slice(5, 8)).toEqual(['(i) Its first part;', '(ii) Its second part;', '(c) Third question.']);
  });

  it('cites "3 (b) (ii)" in text and rule sources', () => {
    const doc = compile();
    expect(plain(doc.annotations!.sections[1]!.children[0]!.paragraphs[0]!.content)).toBe('The body will consider item 3 (b) (ii) under this sub-item.');
    expect(plain(doc.annotations!.sections[1]!.children[1]!.children[0]!.paragraphs[0]!.content)).toBe('Second part text. See also agenda item 3 (b) (i).');
    const deep = doc.sources.items.find((i) => i.id === 'deep-two')!;
    expect(deep).toMatchObject({ number: '3 (b) (ii)', letter: '(ii)', level: 3, top: 2, sub: 1 });
    expect(doc.sources.items.map((i) => i.id)).toEqual(['opening', 'adoption', 'substantive', 'first', 'second', 'deep-one', 'deep-two', 'report']);
  });

  it('Markdown indents each level under its item, in the item\'s paragraph; HTML nests the lists', () => {
    const doc = compile();
    const md = renderMarkdown(doc);
    expect(md).toContain('3. Substantive questions:\\\n   (a) First question;\\\n   (b) Second question:\\\n      (i) Its first part;\\\n      (ii) Its second part.\n4. Adoption of the report.');
    expect(md).toContain('##### (ii) Its second part\n');
    // Read back: each sub-item a line of its item, the list still four items long.
    const parser = new MarkdownIt();
    expect(parser.render(md)).toContain('<li>Substantive questions:<br>\n(a) First question;<br>\n(b) Second question:<br>\n(i) Its first part;<br>\n(ii) Its second part.</li>');
    expect(parser.parse(md, {}).filter((t) => t.type === 'list_item_open')).toHaveLength(4);
    const html = renderHtml(doc);
    expect(html).toContain('<ol class="agenda-sublist">\n<li><span class="label">(i) </span>Its first part;</li>');
    expect(html).toContain('<section class="item level-3">\n<h5 id="item-deep-two"><span class="label">(ii) </span>Its second part</h5>');
    expect(html).toContain('.level-3 > h5');
  });
});

describe('house styles', () => {
  it('each style is a row of data with every field', () => {
    for (const style of Object.values(HOUSE_STYLES)) expect(Object.keys(style).sort()).toEqual(['description', 'everyHeading', 'listPunctuation', 'masthead', 'numberedParagraphs']);
  });

  it('unpunctuated: no punctuation after the list entries', () => {
    expect(listLines(compile({ top: 'style: unpunctuated' }).agenda!.items)).toEqual([
      '1. Opening of the session',
      '2. Adoption of the agenda',
      '3. Substantive questions',
      '(a) First question',
      '(b) Second question',
      '(i) Its first part',
      '(ii) Its second part',
      '4. Adoption of the report',
    ]);
  });

  it('un-numbered: paragraphs numbered 1., 2., … through the annotations, never the documentation', () => {
    const items = ITEMS.replace('    annotation: The body will adopt its report.', '    annotation: "The body will adopt its report.\\n\\nIt closes the session."\n    documentation:\n      - title: Draft report\n        symbol: A/AC.999/2025/L.1');
    const doc = compile({ top: 'style: un-numbered' }, items);
    const labels = (list = doc.annotations!.sections): string[] => list.flatMap((s) => [...s.paragraphs.map((p) => p.label!), ...labels(s.children)]);
    expect(labels()).toEqual(['1.', '2.', '3.', '4.', '5.']);
    expect(doc.annotations!.sections.at(-1)!.documentation!.entries[0]!.label).toBeUndefined();
    const md = renderMarkdown(doc);
    expect(md).toContain('\n\n1\\. The session will be opened by the Chair.\n\n');
    expect(md).toContain('\n\n5\\. It closes the session.\n\n');
    // Read back, a numbered paragraph is a paragraph that starts with its number, not a list.
    const tokens = new MarkdownIt().parse(md, {});
    expect(tokens.filter((t) => t.type === 'inline').map((t) => t.content)).toContain('1\\. The session will be opened by the Chair.');
    expect(renderHtml(doc)).toContain('<p class="numbered"><span class="label">4. </span>The body will adopt its report.</p>');
  });

  it('un-numbered-every-heading: numbered paragraphs and every item\'s heading, under the current masthead', () => {
    const doc = compile({ top: 'style: un-numbered-every-heading' });
    expect(doc.annotations!.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4']);
    expect(doc.annotations!.sections[0]!.paragraphs[0]!.label).toBe('1.');
    expect([doc.masthead.distribution, doc.pageStyle]).toEqual(['Distr.: General', undefined]);
  });

  it('the default style numbers no paragraph and keeps the current masthead and pages', () => {
    const doc = compile();
    expect(doc.annotations!.sections.flatMap((s) => s.paragraphs).every((p) => p.label === undefined)).toBe(true);
    expect(doc.masthead.distribution).toBe('Distr.: General');
    expect(doc.masthead.original).toBe('Original: English');
    expect(doc.pageCounter).toBe('{page}/{pages}');
    expect(doc.pageStyle).toBeUndefined();
  });

  it('archive: the older masthead, "Page N" under the running head, no barcode, every heading, numbered paragraphs', () => {
    const doc = compile({ top: 'style: archive' });
    expect(doc.masthead.distribution).toBe('Distr. GENERAL');
    expect(doc.masthead.original).toBe('Original: ENGLISH');
    expect(doc.pageCounter).toBe('Page {page}');
    expect(doc.pageStyle).toEqual({ counterInHead: true, barcode: false });
    expect(doc.annotations!.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4']);
    expect(doc.annotations!.sections[0]!.paragraphs[0]!.label).toBe('1.');
    const md = renderMarkdown(doc);
    expect(md).toContain('Distr. GENERAL\\\n');
    expect(md).toContain('Original: ENGLISH');
  });
});

describe('the examples of the kinds and styles, in HTML', () => {
  const example = (name: string) => {
    const { model, diagnostics } = compileYaml(readFileSync(resolve(repoRoot, 'examples', name), 'utf8'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return renderHtml(model!);
  };

  it('ga-special-session: the title heads the list; no "Annotations", no part headings', () => {
    const html = example('ga-special-session.yaml');
    expect(html).toContain('<h1>Provisional agenda</h1>\n<section class="agenda">\n<ol class="agenda-list">\n<li><span class="label">1. </span>Opening of the session by the President of the General Assembly.</li>');
    expect(html).toContain('<li><span class="label">(b) </span>Report of the Credentials Committee.</li>');
    expect(html).toContain('<li><span class="label">7. </span>Adoption of the political declaration of the special session.<sup class="noteref"><a id="fnref-2-1" href="#fn-2" aria-describedby="footnotes">2</a></sup></li>');
    expect(html).not.toMatch(/<h2 id="(agenda|annotations)"|Annotations|class="annotations"/);
  });

  it('archive-1998: capitals in the masthead, numbered paragraphs, a third level in list, headings and annex', () => {
    const html = example('archive-1998.yaml');
    expect(html).toContain('<span>Distr. GENERAL</span>');
    expect(html).toContain('<span class="original">Original: ENGLISH</span>');
    expect(html).toContain('<h3 id="item-opening"><span class="label">1. </span>Opening of the third session</h3>\n<p class="numbered"><span class="label">1. </span>The third session of the Commission will be opened on Monday, 16 November 1998, at 10 a.m.');
    expect(html).toContain('<li><span class="label">(ii) </span>Linkages between small enterprises and transnational corporations.</li>');
    expect(html).toContain('<h5 id="item-clusters"><span class="label">(i) </span>Clusters and networks of enterprises</h5>\n<p class="numbered"><span class="label">6. </span>');
    expect(html).toContain('<a href="#item-clusters">4 (b) (i)</a></td><td>Clusters and networks of enterprises (<em>continued</em>)</td>');
    // Every heading in this style: "Other business" has none of its own text.
    expect(html).toContain('<h3 id="item-other"><span class="label">5. </span>Other business</h3>');
  });
});

describe('every kind and style gives valid HTML and clean Markdown', () => {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  const config = markdownlintConfig();
  const cases = [...Object.keys(DOCUMENT_KINDS).map((kind) => ({ document: `  kind: ${kind}` })), ...STYLE_NAMES.map((style) => ({ top: `style: ${style}` }))];

  it.each(cases)('%o', async (extra) => {
    const doc = compile(extra);
    const html = await validator.validateString(renderHtml(doc), 'page.html');
    expect(html.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
    const md = await lint({ strings: { output: renderMarkdown(doc) }, config });
    expect((md.output ?? []).map((e) => `line ${e.lineNumber} ${e.ruleNames.join('/')}`)).toEqual([]);
  });

  it('an addendum of annotations heads its items one level below the title, in every format', () => {
    const doc = compile({ document: '  kind: annotations-addendum' });
    expect(renderMarkdown(doc)).toContain('# Annotations to the provisional agenda\n\n## 1. Opening of the ninth session\n');
    const html = renderHtml(doc);
    expect(html).toContain('<h1>Annotations to the provisional agenda</h1>\n<section class="annotations">\n<section class="item level-1">\n<h2 id="item-opening">');
    expect(html).toContain('.level-1 > h2');
    const types = typeset(doc, tableMetrics()).structure.map((n) => n.type);
    expect(types.filter((t) => /^H\d$/.test(t))).toEqual(['H1', 'H2', 'H2', 'H3', 'H3', 'H4', 'H2']); // 1, 3, 3 (a), 3 (b), 3 (b) (ii), 4
  });
});
