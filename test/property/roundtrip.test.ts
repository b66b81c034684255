/**
 * Property: any text in any text field of a definition comes out of the HTML page and the
 * Markdown file exactly as a reader should see it: the page parsed by a real HTML parser
 * (parse5, as browsers do) and the Markdown by a CommonMark parser (markdown-it), the text
 * read back and compared with the text written (markup interpreted, whitespace folded,
 * NFC). No text can add an element, an attribute, a script or an unsafe link.
 */
import fc from 'fast-check';
import { HtmlValidate } from 'html-validate';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type Token from 'markdown-it/lib/token.mjs';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileSource } from '../../src/pipeline.js';
import { renderHtml } from '../../src/render/html/index.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { forbidden, hasBidiControl, hasBidiOverride, hasForbidden, type Segment } from './text.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 50);

import { definitionYaml, expected, fields, rawTexts, type Fields } from './fields.js';

/** Compiles; returns the model, or checks that the refusal is the one expected. */
function compileOrRefusal(f: Fields) {
  const result = compileSource('meeting.yaml', definitionYaml(f));
  const want = expected(f);
  const codes = result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
  if (hasForbidden(rawTexts(f))) {
    expect(codes).toContain('control-character');
    return undefined;
  }
  // Embeddings and overrides are refused always; isolates when one is left open in its field.
  if (hasBidiOverride(rawTexts(f))) expect(codes).toContain('bidi-control');
  if (codes.includes('bidi-control')) {
    expect(hasBidiControl(rawTexts(f))).toBe(true);
    return undefined;
  }
  const empty = [want.docTitle, want.parentBody, want.body, want.venue, want.itemTitle, want.subTitle, want.shortTitle, want.docEntry, want.note, want.slot].some((t) => t === '');
  if (empty) {
    expect(codes).toContain('empty-text');
    return undefined;
  }
  expect(result.diagnostics, JSON.stringify(result.diagnostics)).toEqual([]);
  return result.model!;
}

// ---- reading the HTML page back ----

type Node = T.ChildNode | T.Document;
const isElement = (n: Node): n is T.Element => 'tagName' in n;
const attr = (e: T.Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const hasClass = (e: T.Element, cls: string) => (attr(e, 'class') ?? '').split(' ').includes(cls);

function* elements(n: Node): Generator<T.Element> {
  if (isElement(n)) yield n;
  const children = 'childNodes' in n ? n.childNodes : [];
  for (const c of children) yield* elements(c);
  if (isElement(n) && n.tagName === 'template') yield* elements((n as T.Template).content as unknown as Node);
}

/** The text a reader sees, leaving out the given parts (labels, note calls, back links, sub-lists). */
function text(n: Node, skip: (e: T.Element) => boolean = () => false): string {
  if (n.nodeName === '#text') return (n as T.TextNode).value;
  if (isElement(n) && skip(n)) return '';
  return 'childNodes' in n ? n.childNodes.map((c) => text(c as Node, skip)).join('') : '';
}

const skipChrome = (e: T.Element) => hasClass(e, 'label') || hasClass(e, 'noteref') || hasClass(e, 'backref') || e.tagName === 'ol' || e.tagName === 'ul';

function readHtml(html: string) {
  const doc = parse(html);
  const all = [...elements(doc)];
  const one = (pred: (e: T.Element) => boolean, what: string) => {
    const found = all.filter(pred);
    expect(found, what).toHaveLength(1);
    return found[0]!;
  };
  const heading = (id: string) => text(one((e) => attr(e, 'id') === `item-${id}`, `heading ${id}`), skipChrome);
  const agendaEntry = one((e) => e.tagName === 'li' && e.parentNode !== null && isElement(e.parentNode as Node) && hasClass(e.parentNode as T.Element, 'agenda-list') && text(e).includes('1.'), 'agenda entry 1');
  const annotationSection = one((e) => e.tagName === 'section' && hasClass(e, 'level-1') && e.childNodes.some((c) => isElement(c as Node) && attr(c as T.Element, 'id') === 'item-a'), 'section of item a');
  const paragraphs = annotationSection.childNodes.filter((c): c is T.Element => isElement(c as Node) && (c as T.Element).tagName === 'p').map((p) => text(p, skipChrome));
  const rows = all.filter((e) => e.tagName === 'tr' && !hasClass(e, 'day') && e.parentNode && (e.parentNode as T.Element).tagName === 'tbody');
  const meeting = one((e) => e.tagName === 'p' && hasClass(e, 'meeting'), 'meeting block');
  const spans = meeting.childNodes.filter((c) => isElement(c as Node)).map((c) => text(c as Node));
  return {
    all,
    title: text(one((e) => e.tagName === 'title', '<title>')),
    h1: text(one((e) => e.tagName === 'h1', '<h1>')),
    organ: text(one((e) => e.tagName === 'p' && hasClass(e, 'organ'), 'organ')),
    body: text(one((e) => e.tagName === 'strong' && (e.parentNode as T.Element | null)?.tagName === 'span' && ((e.parentNode as T.Element).parentNode as T.Element | null) === meeting, 'body')),
    placeAndDates: spans[spans.length - 1]!,
    agendaTitle: text(agendaEntry, skipChrome).replace(/\n+$/, ''), // the line breaks around its sub-list
    headingA: heading('a'),
    headingS: heading('s'),
    paragraphs,
    docEntry: text(one((e) => e.tagName === 'li' && (e.parentNode as T.Element | null) !== null && hasClass(e.parentNode as T.Element, 'documentation'), 'documentation entry'), skipChrome),
    note: text(one((e) => attr(e, 'id') === 'fn-1', 'footnote 1'), skipChrome),
    annexTitles: rows.map((r) => text(r.childNodes[r.childNodes.length - 1] as Node)),
  };
}

describe('HTML round trip (property-based, parse5)', () => {
  it('every text field reads back exactly, and nothing becomes markup', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const model = compileOrRefusal(f);
        if (!model) return;
        const want = expected(f);
        const html = renderHtml(model);
        const page = readHtml(html);
        expect(page.title).toBe(`A/AC.999/2025/1: ${want.docTitle}`);
        expect(page.h1).toBe(want.docTitle);
        expect(page.organ).toBe(want.parentBody);
        expect(page.body).toBe(want.body);
        expect(page.placeAndDates).toBe(`${want.venue}, 3 March 2025`);
        expect(page.agendaTitle).toBe(`${want.itemTitle}:`);
        expect(page.headingA).toBe(want.itemTitle);
        expect(page.headingS).toBe(want.subTitle);
        expect(page.paragraphs).toEqual(want.annotation);
        expect(page.docEntry).toBe(`${want.docEntry} (A/AC.999/2025/2).`);
        expect(page.note.trim()).toBe(want.note);
        expect(page.annexTitles).toEqual([want.shortTitle, want.slot]);
        // Attributes: the text stays inside its quotes.
        const meta = (name: string) => attr(page.all.find((e) => e.tagName === 'meta' && attr(e, 'name') === name)!, 'content');
        expect(meta('author')).toBe(want.body);
        expect(meta('description')).toBe(`${want.docTitle}: Session, ${want.body}, ${want.venue}, 3 March 2025`);
        expect(meta('keywords')).toBe(`A/AC.999/2025/1, ${want.body}, ${want.parentBody}, Provisional agenda`);
        // Nothing the author wrote became an element or an attribute.
        expect(page.all.filter((e) => ['script', 'img', 'iframe', 'object', 'embed', 'form', 'input', 'b', 'base', 'link', 'svg', 'math'].includes(e.tagName)).map((e) => e.tagName)).toEqual([]);
        expect(page.all.flatMap((e) => e.attrs.filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`))).toEqual([]);
        for (const a of page.all.filter((e) => e.tagName === 'a')) expect(attr(a, 'href')).toMatch(/^(https?:\/\/|mailto:|#)/);
        // Markup written by the author, and only that: one <em> per emphasized segment, and so on.
        // Titles stand twice (list and heading); the document's title once.
        const count = (kind: Segment['kind']) => [f.docTitle, f.itemTitle, f.itemTitle, f.subTitle, f.subTitle, ...f.annotation, f.docEntry, f.note, f.shortTitle, f.slot].flat().filter((s) => s.kind === kind).length;
        expect(page.all.filter((e) => e.tagName === 'em').length).toBe(count('emphasis'));
        expect(page.all.filter((e) => e.tagName === 'strong').length).toBe(count('strong') + 1); // + the body's name
        expect(page.all.filter((e) => e.tagName === 'a' && attr(e, 'href') === 'https://example.org/a?b=1&c="2"').length).toBe(count('link'));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('any forbidden character in any text field is refused at load, never printed', () => {
    fc.assert(
      fc.property(fields, forbidden, fc.nat(10), fc.nat(), (f, bad, which, at) => {
        const keys = ['parentBody', 'body', 'venue'] as const;
        const g = structuredClone(f);
        if (which < keys.length) {
          const k = keys[which]!;
          g[k] = g[k].slice(0, at % (g[k].length + 1)) + bad + g[k].slice(at % (g[k].length + 1));
        } else if (which === keys.length) {
          g.docTitle = [...g.docTitle, { kind: 'text', text: `x${bad}` }];
        } else {
          g.note = [...g.note, { kind: 'text', text: `x${bad}` }];
        }
        const { diagnostics, model } = compileSource('meeting.yaml', definitionYaml(g));
        expect(model).toBeUndefined();
        expect(diagnostics.map((d) => d.code)).toContain('control-character');
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  }, 600_000);

  it('pages full of hostile text are still valid HTML (html-validate)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
    const samples = fc.sample(fields, { numRuns: 12, seed: 7 });
    for (const f of samples) {
      const result = compileSource('meeting.yaml', definitionYaml(f));
      if (!result.model) continue;
      const report = await validator.validateString(renderHtml(result.model), 'page.html');
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    }
  });
});

// ---- reading the Markdown back ----

/** A string with everything outside printable ASCII escaped, for failure messages. */
const esc = (v: unknown) => JSON.stringify(v).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const md = new MarkdownIt({ html: true, linkify: false }).use(footnote);

function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((c) => (c.type === 'text' || c.type === 'code_inline' || c.type === 'html_inline' ? c.content : c.type === 'softbreak' ? ' ' : c.type === 'hardbreak' ? '\n' : ''))
    .join('');
}

describe('Markdown round trip from the definition (property-based, markdown-it)', () => {
  it('every text field reads back exactly, and nothing becomes markup', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const model = compileOrRefusal(f);
        if (!model) return;
        const want = expected(f);
        const tokens = md.parse(renderMarkdown(model), {});
        expect(tokens.filter((t) => t.type === 'html_block' || t.type === 'code_block' || t.type === 'fence' || t.type === 'blockquote_open').map((t) => t.type)).toEqual([]);
        const inlineTokens = tokens.filter((t) => t.type === 'inline');
        expect(inlineTokens.flatMap((t) => t.children ?? []).filter((c) => ['html_inline', 'code_inline', 'image', 's_open'].includes(c.type)).map((c) => c.type)).toEqual([]);
        const lines = inlineTokens.flatMap((t) => inlineText(t).split('\n'));
        const has = (line: string) => expect(lines, `${esc(line)} in ${esc(lines)}`).toContain(line);
        const heading = (tag: string) => tokens.flatMap((t, i) => (t.type === 'heading_open' && t.tag === tag ? [inlineText(tokens[i + 1]!)] : []));
        expect(heading('h1')).toEqual([want.docTitle]);
        has(want.parentBody); // the masthead, a hard-broken line
        has(want.body);
        has(`${want.venue}, 3 March 2025`);
        has(`${want.itemTitle}:`); // the agenda, with its colon
        has(`(a) ${want.subTitle}.`); // its sub-item, a line of the item under it
        expect(heading('h3')).toContain(`1. ${want.itemTitle}`);
        expect(heading('h4')).toContain(`(a) ${want.subTitle}`);
        for (const p of want.annotation) has(p);
        has(`${want.docEntry} (A/AC.999/2025/2).`);
        has(want.note);
        has(want.shortTitle); // annex cells
        has(want.slot);
        const count = (kind: Segment['kind']) => [f.docTitle, f.itemTitle, f.itemTitle, f.subTitle, f.subTitle, ...f.annotation, f.docEntry, f.note, f.shortTitle, f.slot].flat().filter((s) => s.kind === kind).length;
        const children = inlineTokens.flatMap((t) => t.children ?? []);
        expect(children.filter((c) => c.type === 'em_open').length).toBe(count('emphasis') + 3); // + the annex column heads
        expect(children.filter((c) => c.type === 'link_open').map((c) => c.attrGet('href'))).toEqual(Array(count('link')).fill('https://example.org/a?b=1&c=%222%22'));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
