import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type Token from 'markdown-it/lib/token.mjs';
import { describe, expect, it } from 'vitest';
import type { AgendaDocument } from '../../src/model.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { compileExample } from '../helpers/compile.js';

const md = new MarkdownIt({ html: true, linkify: false }).use(footnote);
const base = compileExample('ctoc-cop-wg3-2023.yaml').model!;

/** Text as the model holds it: NFC, whitespace collapsed, trimmed. */
const modelText = fc
  .string({
    unit: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...'\\`*_{}[]()<>#+-=.!|~&:;"\'/^$%1234567890 aA'.split('')) },
      { weight: 1, arbitrary: fc.constantFrom('&amp;', '&#42;', '<b>', '</b>', '<!--', '-->', '```', '***', '---', '1.', '1)', '> ', '# ', '[^1]', '![x](y)', '<http://a.b>', 'www.x.org', 'é', '–', '\u00a0') },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 2 }) },
    ),
    maxLength: 40,
  })
  .map((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
  .filter((s) => s.length > 0);

function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((c) => (c.type === 'text' || c.type === 'code_inline' || c.type === 'html_inline' ? c.content : c.type === 'softbreak' ? ' ' : ''))
    .join('');
}

function render(mutate: (doc: AgendaDocument) => void): string[] {
  const doc = structuredClone(base);
  mutate(doc);
  return md.parse(renderMarkdown(doc), {}).filter((t) => t.type === 'inline').map(inlineText);
}

describe('Markdown escaping (property-based)', () => {
  it('any text in an annotation paragraph reads back exactly', () => {
    fc.assert(
      fc.property(modelText, (s) => {
        const inlines = render((doc) => {
          doc.annotations.sections[4]!.paragraphs = [{ content: [{ type: 'text', value: s }] }];
        });
        expect(inlines).toContain(s);
      }),
      { numRuns: 400 },
    );
  });

  it('any text in an agenda title, a table cell and a footnote reads back exactly', () => {
    fc.assert(
      fc.property(modelText, (s) => {
        const inlines = render((doc) => {
          doc.agenda.items[3]!.title = [{ type: 'text', value: s }];
          doc.annex!.days[1]!.slots[1]!.rows[0]!.title = [{ type: 'text', value: s }];
          doc.footnotes[1]!.content = [{ type: 'text', value: s }];
        });
        expect(inlines).toContain(`${s}.`); // the list entry, with its full stop
        expect(inlines.filter((t) => t === s).length).toBeGreaterThanOrEqual(2); // table cell and footnote
      }),
      { numRuns: 400 },
    );
  });
});
