// Sub-headings inside an item's annotation ("### Right to food"), as the Human Rights
// Council's annotations divide an item's reports by theme.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { HtmlValidate } from 'html-validate';
import { lint } from 'markdownlint/promise';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/export/docx/index.js';
import { renderPdf } from '../../src/export/pdf/index.js';
import type { AgendaDocument, Inline } from '../../src/model.js';
import { renderAkn } from '../../src/render/akn/index.js';
import { renderHtml } from '../../src/render/html/index.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { tableMetrics, typeset } from '../../src/typeset/index.js';
import { translatableTexts } from '../../src/translate/texts.js';
import { exportXliff } from '../../src/translate/xliff.js';
import { translationDrift } from '../../src/translate/drift.js';
import { loadTranslation } from '../../src/translate/load.js';
import { compileVersion } from '../../src/translate/version.js';
import xliff2js from 'xliff/xliff2js';
import { compileYaml, MINIMAL } from '../helpers/compile.js';
import { check, MemoryFileSystem, Session } from '../../src/core/index.js';
import { markdownlintConfig } from '../helpers/markdownlint.js';
import { repoRoot } from '../helpers/reference.js';
import { readPdf, wordsOf } from '../pdf/helpers.js';

const ANNOTATION = `  - id: promotion
    title: Promotion and protection of all human rights
    annotation: |
      The Council will consider the following reports.

      ### Economic, social and cultural rights

      *Right to food*. The report of the Special Rapporteur.[^food]

      ## Civil and political rights ##

      *Freedom of expression*. The report of the Special Rapporteur.

      \\# A paragraph that starts with a hash, escaped.

      #hashtag, no heading.
footnotes:
  food: See resolution 99/1.
`;

function compile(top = ''): AgendaDocument {
  const { model, diagnostics } = compileYaml(`${top}${MINIMAL}${ANNOTATION}`);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model!;
}
const plain = (nodes: readonly Inline[]): string => nodes.map((n) => (n.type === 'text' || n.type === 'symbol' ? n.value : n.type === 'noteRef' ? `[${n.number}]` : 'children' in n ? plain(n.children) : '')).join('');

describe('sub-headings in an annotation', () => {
  it('a paragraph that starts with "#" and a space is a sub-heading, its marks taken off; an escaped "#" or one without a space is text', () => {
    const section = compile().annotations!.sections.find((s) => s.id === 'promotion')!;
    expect(section.paragraphs.map((p) => [p.heading ?? false, plain(p.content)])).toEqual([
      [false, 'The Council will consider the following reports.'],
      [true, 'Economic, social and cultural rights'],
      [false, 'Right to food. The report of the Special Rapporteur.[1]'],
      [true, 'Civil and political rights'],
      [false, 'Freedom of expression. The report of the Special Rapporteur.'],
      [false, '# A paragraph that starts with a hash, escaped.'],
      [false, '#hashtag, no heading.'],
    ]);
    // Only annotations have them: a title that starts with "# " stays text.
    const title = compileYaml(MINIMAL.replace('title: Adoption of the agenda', 'title: "# Adoption of the agenda"'));
    expect(plain(title.model!.agenda!.items[0]!.title)).toBe('# Adoption of the agenda');
  });

  it('is never numbered in a style that numbers paragraphs', () => {
    const section = compile('style: un-numbered\n').annotations!.sections.find((s) => s.id === 'promotion')!;
    expect(section.paragraphs.map((p) => p.label ?? (p.heading ? 'heading' : '?'))).toEqual(['1.', 'heading', '2.', 'heading', '3.', '4.', '5.']);
  });

  it('Markdown and HTML: a heading one level under the item, as "Documentation"; clean and valid', async () => {
    const doc = compile();
    const md = renderMarkdown(doc);
    expect(md).toContain('### 2. Promotion and protection of all human rights\n\nThe Council will consider the following reports.\n\n#### Economic, social and cultural rights\n\n*Right to food*.');
    expect(md).toContain('\n\n\\# A paragraph that starts with a hash, escaped.\n\n\\#hashtag, no heading.\n');
    const lints = await lint({ strings: { output: md }, config: markdownlintConfig() });
    expect((lints.output ?? []).map((e) => `line ${e.lineNumber} ${e.ruleNames.join('/')}`)).toEqual([]);
    const html = renderHtml(doc);
    expect(html).toContain('<h4 class="annotation-subheading">Civil and political rights</h4>');
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html, 'page.html');
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it('a translation keeps the sub-headings of the original, or is told so; an untranslated text stays a sub-heading', () => {
    const { model, definition } = compileYaml(`${MINIMAL}${ANNOTATION}`);
    const texts = translatableTexts(model!, definition);
    const annotation = texts.find((t) => t.key === 'items[promotion].annotation')!;
    const dropped = annotation.text.replace('### Economic', 'Economic');
    const translation = loadTranslation('m.fr.yaml', `language: fr\ntexts:\n  items[promotion].annotation:\n    source: ${annotation.hash}\n    text: ${JSON.stringify(dropped)}\n`);
    expect(translationDrift(texts, translation, 'm.yaml', { missing: 'warning' }).filter((d) => d.code === 'translation-structure').map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      "5:11 the translation of 'items[promotion].annotation' has 7 paragraphs, sub-heading 4; the original has 7 paragraphs, sub-headings 2 and 4",
    ]);
    // As many sub-headings, in other places: paragraph numbers and headings would differ all the same.
    const moved = annotation.text.replace('### Economic', 'Economic').replace('The Council will consider', '### The Council will consider');
    const elsewhere = loadTranslation('m.fr.yaml', `language: fr\ntexts:\n  items[promotion].annotation:\n    source: ${annotation.hash}\n    text: ${JSON.stringify(moved)}\n`);
    expect(translationDrift(texts, elsewhere, 'm.yaml', { missing: 'warning' }).filter((d) => d.code === 'translation-structure').map((d) => d.message)).toEqual([
      "the translation of 'items[promotion].annotation' has 7 paragraphs, sub-headings 1 and 4; the original has 7 paragraphs, sub-headings 2 and 4",
    ]);
    const version = compileVersion({ file: 'm.yaml', definition: definition!, model: model!, locator: compileYaml(`${MINIMAL}${ANNOTATION}`).loaded.locator }, 'ru', undefined, true);
    const section = version.model!.annotations!.sections.find((s) => s.id === 'promotion')!;
    expect(section.paragraphs.filter((p) => p.heading).map((p) => plain(p.content))).toEqual(['[en] Economic, social and cultural rights', '[en] Civil and political rights']);
  });

  it('a heading is one line, and not empty', () => {
    const run = compileYaml(`${MINIMAL}${ANNOTATION.replace('### Economic, social and cultural rights', '### Economic, social and cultural rights\n      Text that runs on.').replace('*Freedom of expression*.', '### ###\n\n      *Freedom of expression*.')}`);
    expect(run.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['17:7 subheading-lines', '23:7 empty-text']);
  });

  it('the rules read a sub-heading\'s first word as a sentence\'s', () => {
    const definition = (heading: string) => `profile: untoc-working-group\n${MINIMAL}${ANNOTATION.replace('### Economic, social and cultural rights', heading)}`;
    const reported = (text: string) => check('m.yaml', { session: new Session({ fs: new MemoryFileSystem({ 'm.yaml': text }) }) }).diagnostics.filter((d) => d.code === 'AG031').map((d) => `${d.line}:${d.column}`);
    expect(reported(definition('### Article 27 of the Covenant'))).toEqual([]);
    // In running text, the rule still asks for the lower case.
    expect(reported(definition('As Article 27 of the Covenant says'))).toEqual(['17:10']);
  });

  it('tells a translator to keep the marks', async () => {
    const { model, definition } = compileYaml(`${MINIMAL}${ANNOTATION}`);
    const xml = await exportXliff('m.yaml', translatableTexts(model!, definition), 'en', 'fr');
    const units = ((await xliff2js(xml)) as { resources: Record<string, Record<string, { note?: string | string[] }>> }).resources['m.yaml']!;
    expect([units['items[promotion].annotation']!.note].flat()).toContain('A paragraph that starts with "#" and a space is a sub-heading: keep the "#" and the space before its translation.');
  });

  it('Akoma Ntoso: a cross-heading between the paragraphs, valid; Word: a style of its own', async () => {
    const doc = compile();
    const xml = renderAkn(doc);
    expect(xml).toContain('<crossHeading eId="annotations__item-promotion__subheading_1">Economic, social and cultural rights</crossHeading>\n<paragraph eId="annotations__item-promotion__para_2">');
    if (spawnSync('xmllint', ['--version']).status === 0) {
      const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', resolve(repoRoot, 'schemas/akn/akomantoso30.xsd'), '-'], { input: xml, encoding: 'utf8' });
      expect(r.stderr.trim()).toBe('- validates');
    }
    const body = strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']!);
    expect([...body.matchAll(/<w:pStyle w:val="UNAnnotationSubheading"\/>[\s\S]*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1])).toEqual(['Economic, social and cultural rights', 'Civil and political rights']);
  });

  it('PDF: italic, tagged one level under the item, in reading order', async () => {
    const doc = compile();
    const [page] = await readPdf(await renderPdf(doc));
    const words = wordsOf(page!.runs).join(' ');
    expect(words).toMatch(/following reports\. Economic, social and cultural rights Right to food\. The report/);
    const font = (start: string) => page!.runs.find((r) => r.str.startsWith(start))!.fontName;
    expect(font('Economic, social')).toBe(font('Right to food'));
    expect(font('Economic, social')).not.toBe(font('The Council will consider'));
    const types = typeset(doc, tableMetrics()).structure.map((n) => n.type);
    // H1 title, H2 list, H2 annotations, H3 the annotated item, H4 its two sub-headings.
    expect(types.filter((t) => /^H\d$/.test(t))).toEqual(['H1', 'H2', 'H2', 'H3', 'H4', 'H4']);
  });
});
