import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import footnote from 'markdown-it-footnote';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { compileExample } from '../helpers/compile.js';
import { firstDifference, hasReference, readReference, repoRoot, words } from '../helpers/reference.js';
import { translationName } from '../../src/translate/load.js';

// Translation files (m.fr.yaml) sit beside their originals but are no definitions: languages.test.ts builds them.
const examples = readdirSync(resolve(repoRoot, 'examples')).filter((f) => f.endsWith('.yaml') && !translationName(f));
const md = new MarkdownIt({ html: false }).use(footnote);

function markdownOf(name: string): string {
  const { model, diagnostics } = compileExample(name);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return renderMarkdown(model!);
}

describe('Markdown output', () => {
  it.each(examples)('%s matches its golden file (UPDATE_GOLDEN=1 regenerates)', (name) => {
    const golden = resolve(repoRoot, 'test/golden', name.replace(/\.yaml$/, '.md'));
    const output = markdownOf(name);
    if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, output);
    expect(output).toBe(readFileSync(golden, 'utf8'));
  });

  it('renders a text of 200,000 paragraphs (a spread of them overflowed the call stack)', () => {
    const { model } = compileExample('minimal.yaml');
    const section = model!.annotations.sections[0]!;
    const paragraphs = Array.from({ length: 200_000 }, (_, i) => ({ content: [{ type: 'text' as const, value: `p${i}` }] }));
    const doc = { ...model!, annotations: { ...model!.annotations, sections: [{ ...section, paragraphs }, ...model!.annotations.sections.slice(1)] } };
    const output = renderMarkdown(doc);
    expect(output).toContain('\n\np0\n\np1\n\n');
    expect(output).toContain('\n\np199999\n');
  });

  it('parses back with its footnotes, list and table intact', () => {
    const html = md.render(markdownOf('ctoc-cop-wg3-2023.yaml'));
    const dom = (tag: string) => html.match(new RegExp(`<${tag}[ >]`, 'g'))?.length ?? 0;
    expect(dom('h1')).toBe(1);
    expect(dom('ol')).toBeGreaterThanOrEqual(1);
    expect(html.match(/class="footnote-item"/g)).toHaveLength(2);
    expect(html.match(/class="footnote-ref"/g)).toHaveLength(2);
    expect(dom('table')).toBe(1);
    expect(dom('tr')).toBe(1 + 2 + 8); // header, two day rows, eight item rows
    expect(html).toContain('<em>Digest of Cases of International Cooperation');
    expect(html).toContain('(<em>continued</em>)');
  });

  it('writes sub-items as the UN does, "(a) …" lines under their item, never as bullets', () => {
    const html = md.render(markdownOf('ctoc-cop-wg3-2023.yaml'));
    expect(html).toContain('<li>Organizational matters:<br>\n(a) Opening of the meeting;<br>\n(b) Adoption of the agenda and organization of work.</li>');
    expect(html).not.toContain('<ul>');
    const archive = md.render(markdownOf('archive-1998.yaml'));
    expect(archive).toContain('(b) Inter-firm cooperation:<br>\n(i) Clusters and networks of enterprises;<br>\n(ii) Linkages between small enterprises and transnational corporations.</li>');
  });

  it.skipIf(!hasReference)('says what the reference document says, in order', () => {
    const reference = readReference();
    const { body, notes } = plainText(markdownOf('ctoc-cop-wg3-2023.yaml'));
    const bodyFromTitle = body.slice(body.indexOf('Annotated'));
    expect(firstDifference(bodyFromTitle, reference.body)).toBeUndefined();
    expect(firstDifference(notes, [...reference.footnotes.values()].flat())).toBeUndefined();
  });

  it.each([
    '*Not emphasis* | [not a link](x) <b>no HTML</b> `code` ~strike~ &amp; \\ _under_ ![img](y)',
    '1. not a list',
    '# not a heading',
    '- not a bullet',
    '> not a quote',
    '<script>alert(1)</script>',
    'a_b_c snake_case __init__ *a*b*',
  ])('escapes user text so that it reads back exactly: %s', (hostile) => {
    const { model } = compileExample('minimal.yaml');
    const doc = structuredClone(model!);
    doc.annotations.sections[0]!.paragraphs = [{ content: [{ type: 'text', value: hostile }] }];
    doc.agenda.items[0]!.title = [{ type: 'text', value: hostile }];
    const inlines = md.parse(renderMarkdown(doc), {}).filter((t) => t.type === 'inline').map(inlineText);
    expect(inlines).toContain(`${hostile}.`); // the agenda list entry, with its full stop
    expect(inlines[inlines.length - 1]).toBe(hostile); // the annotation paragraph
  });
});

function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((c) => (c.type === 'text' || c.type === 'code_inline' || c.type === 'html_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : ''))
    .join('');
}

/** The text of a Markdown document as a reader sees it: list numbers kept, markup gone, footnotes apart. */
function plainText(markdown: string): { body: string[]; notes: string[] } {
  const body: string[] = [];
  const notes: string[] = [];
  let inNotes = false;
  for (const token of md.parse(markdown, {})) {
    if (token.type === 'footnote_block_open') inNotes = true;
    const out = inNotes ? notes : body;
    if (token.type === 'list_item_open' && token.markup.match(/^[.)]$/)) out.push(`${token.info}${token.markup}`);
    if (token.type !== 'inline') continue;
    out.push(...words(inlineText(token)));
  }
  return { body, notes };
}
