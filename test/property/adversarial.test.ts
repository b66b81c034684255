/**
 * Long adversarial text (runs of "{", "[", "*", "\", spaces, "-" ...) in every text field:
 * check and build end, with outputs or diagnostics. The size is ADVERSARIAL_CHARS
 * (5,000 by default; 100,000 or more to look for super-linear time by hand, with
 * ADVERSARIAL_PDF=1 to include the PDF). No timing is asserted: a quadratic stage shows
 * up as this test timing out.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkSource } from '../../src/commands/check.js';
import { FORMATS } from '../../src/core/formats.js';
import { renderAll } from '../../src/core/render-all.js';

const SIZE = Number(process.env.ADVERSARIAL_CHARS ?? 5_000);
const formats = [FORMATS.md!, FORMATS.html!, ...(process.env.ADVERSARIAL_PDF ? [FORMATS.pdf!] : [])];

const PATTERNS = [
  '{', '[', ']', '*', '_', '\\', ' ', '-', '`', '<', '>', '&', '#', '|', '!',
  '[^', '](', '*a', '_a ', '**a*', '[a](', '[a]', '{a', '\\{', '[^x]', '&#', '&amp', '<a', '![', '](h', '*{', '> ', '1. ', '# ', 'a\n', ' \n', '\n\n',
  '{session}', 'www.', 'https://', 'x@', '1,', '10:00-', 'UN ', 'per cent ', 'a.m. ', 'é', 'e\u0301', '\u00a0', '𝔘',
];

const definition = (text: string) =>
  stringify({
    document: { symbol: 'A/AC.999/2025/1', date: '2025-01-10', title: text },
    body: text,
    meeting: { venue: text, dates: '2025-03-03' },
    items: [
      { id: 'a', title: text, annotation: `${text}\n\nSee the note.[^n]`, documentation: [{ title: text, symbol: 'A/AC.999/2025/2' }] },
      { id: 'b', title: 'Other matters', short_title: text },
    ],
    footnotes: { n: text },
    organization_of_work: [{ date: '2025-03-03', slots: [{ time: '10:00-13:00', items: ['a', 'b', { title: text }] }] }],
  });

describe(`adversarial text of ${SIZE.toLocaleString('en')} characters in every field`, () => {
  it.each(PATTERNS.map((p) => [JSON.stringify(p), p] as const))('%s … is checked and built, or refused with diagnostics', async (_, pattern) => {
    const text = pattern.repeat(Math.ceil(SIZE / pattern.length)).slice(0, SIZE);
    const result = checkSource('meeting.yaml', definition(text), {}, { diagnostics: [] });
    expect(result.diagnostics.filter((d) => d.code === 'internal-rule')).toEqual([]);
    // Diagnostics are listed per field and kind, not per occurrence.
    expect(result.diagnostics.length).toBeLessThan(400);
    const { model, loaded } = result.compiled;
    if (!model) {
      expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      return;
    }
    const outcome = await renderAll(model, formats, 'meeting.yaml', loaded.locator);
    // Text the font cannot draw, or a name or venue too long for the first page's masthead.
    if (!outcome.ok) expect(['unsupported-character', 'masthead-too-long']).toContain(outcome.diagnostic.code);
    else expect(outcome.outputs).toHaveLength(formats.length);
  }, 60_000);
});
