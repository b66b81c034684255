import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { parseFormats } from '../../src/core/formats.js';
import { renderHtml } from '../../src/render/html/index.js';
import { escapeAttr, escapeText } from '../../src/render/html/escape.js';
import { STYLES } from '../../src/render/html/styles.js';
import { examples, htmlOf, modelOf } from './helpers.js';
import { hostileModel } from './hostile.js';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

async function validationErrors(html: string): Promise<string[]> {
  const report = await validator.validateString(html, 'page.html');
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

describe('HTML page (no browser)', () => {
  it.each(examples)('%s is valid HTML (html-validate, recommended preset)', async (name) => {
    expect(await validationErrors(htmlOf(name))).toEqual([]);
  });

  it('a definition full of markup and quotes is valid HTML too', async () => {
    expect(await validationErrors(renderHtml(hostileModel()))).toEqual([]);
  });

  it.each(examples)('%s renders to the same bytes twice', (name) => {
    expect(htmlOf(name)).toBe(htmlOf(name));
  });

  it.each(examples)('%s is one self-contained page: lang, title, description, styles inline, no script, nothing fetched', (name) => {
    const doc = modelOf(name);
    const html = htmlOf(name);
    expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(html).toContain(`<html lang="${doc.lang}" dir="ltr">`);
    expect(html).toContain(`<title>${escapeText(doc.meta.title)}</title>`);
    expect(html).toContain(`<meta name="description" content="${escapeAttr(doc.meta.description)}">`);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|\son[a-z]+=/i);
    expect(html).not.toMatch(/url\(|@import/); // the style sheet loads nothing either
    expect(html).toContain(STYLES);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
  });

  it('takes the text direction from the model, not from the language tag', () => {
    const doc = modelOf('minimal.yaml');
    expect(doc.dir).toBe('ltr');
    expect(renderHtml({ ...doc, lang: 'ar', dir: 'rtl' })).toContain('<html lang="ar" dir="rtl">');
    expect(renderHtml({ ...doc, lang: 'ar', dir: 'ltr' })).toContain('<html lang="ar" dir="ltr">');
    expect(renderHtml({ ...doc, lang: 'en', dir: 'rtl' })).toContain('<html lang="en" dir="rtl">');
  });

  it('names each back link with the label the model gives', () => {
    const doc = structuredClone(modelOf('ctoc-cop-wg3-2023.yaml'));
    doc.footnotes[0]!.backLabels = ['Retour à l’appel 1'];
    expect(renderHtml(doc)).toContain('aria-label="Retour à l’appel 1"');
  });

  it('has no fixed pixel widths, a print style sheet for A4 and a dark scheme', () => {
    expect(STYLES).not.toMatch(/\d\s*px/);
    expect(STYLES).toMatch(/@page\s*\{[^}]*size:\s*A4/);
    expect(STYLES).toMatch(/@media print/);
    expect(STYLES).toMatch(/@media \(prefers-color-scheme: dark\)/);
    expect(STYLES).not.toMatch(/-(left|right)\b|:\s*(left|right)\b/); // logical properties, so right-to-left pages mirror
  });

  it('uses the model ids for anchors: items, notes, calls', () => {
    const html = htmlOf('ctoc-cop-wg3-2023.yaml');
    for (const id of ['organizational', 'opening', 'adoption', 'law-enforcement', 'lessons-learned', 'other-matters', 'report']) {
      expect(html).toContain(`id="item-${id}"`);
    }
    expect(html).toContain('id="fn-1"');
    expect(html).toContain('id="fnref-1-1"');
    expect(html).toContain('href="#fnref-2-1"');
  });

  it('escapes text and attributes', () => {
    expect(escapeText('<script>alert("1")</script> & &amp;')).toBe('&lt;script&gt;alert("1")&lt;/script&gt; &amp; &amp;amp;');
    expect(escapeAttr(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
    const html = renderHtml(hostileModel());
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<b>');
    // The symbol in the print style sheet's running heads: a CSS string that cannot end the <style> element.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(style).toContain('content: "\\3C script>alert(1)\\3C /script> \\22 double\\22 ');
  });

  it('is registered as --format html, in "all" and in lists', () => {
    expect(parseFormats('all').formats.map((f) => f.name)).toContain('html');
    expect(parseFormats('md,html')).toMatchObject({ formats: [{ name: 'md' }, { name: 'html', extension: 'html' }], unknown: [] });
  });
});
