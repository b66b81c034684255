/**
 * model.sources: what the rules read instead of the definition. Numbers come from the
 * printed model, times and dates are parsed, texts are listed once in reading order with
 * their paths, and nothing of it is built unless a rule asks.
 */
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/pipeline.js';
import { exampleDefinition, standardItems } from '../../src/rules/example-definition.js';

const subs = Array.from({ length: 28 }, (_, j) => `      - id: s${j + 1}\n        title: Topic ${j + 1}`).join('\n');
const yaml = exampleDefinition({
  items: standardItems({
    opening: 'Opens on {opening-date}; see E/2001/28.',
    added: `  - id: many\n    title: Many topics\n    short_title: Topics\n    review_mechanism: true\n    documentation:\n      - title: Note\n        symbol: [E/2001/28, E/CN.7/2001/12]\n        issued: 2023-07-28\n    items:\n${subs}\n  - id: closing\n    title: Clôture de la session\n    role: closing\n    annotation: Closing.`,
  }),
  footnotes: 'footnotes:\n  x: A note.',
  organization: `organization_of_work:
  - date: 2023-09-11
    slots:
      - time: 10:00-13:00
        items: [opening, adoption, many, closing]
      - time: 15:00-18:00
        items: [{ title: Panel discussion }]
  - date: 2023-09-12
    slots:
      - time: 10:00-13:00
        items: [other, report]`,
}).replace('annotation: Closing.', 'annotation: Closing.[^x]');

const model = () => {
  const compiled = compileSource('meeting.yaml', yaml);
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return compiled.model!;
};

describe('model.sources', () => {
  it('numbers items as the document prints them, with level, letter, place, role and path', () => {
    const { items, outline } = model().sources;
    expect(items.map((it) => it.number).slice(0, 6)).toEqual(['1', '1 (a)', '1 (b)', '2', '2 (a)', '2 (b)']);
    const last = outline[1]!.children[27]!;
    expect(last).toMatchObject({ id: 's28', number: '2 (ab)', letter: '(ab)', level: 2, top: 1, sub: 27, index: 31, origin: { path: ['items', 1, 'items', 27] } });
    expect(items.map((it) => it.index)).toEqual(items.map((_, i) => i));
    expect(outline.map((it) => [it.id, it.role, it.roleWritten])).toEqual([
      ['organizational', 'organizational-matters', false],
      ['many', undefined, false],
      ['closing', 'closing', true],
      ['other', 'other-matters', false],
      ['report', 'adoption-of-report', false],
    ]);
    expect(outline[0]!.children.map((it) => it.role)).toEqual(['opening', 'adoption-of-agenda']);
    expect(outline[1]).toMatchObject({ reviewMechanism: true, shortTitle: 'Topics', level: 1 });
    expect('letter' in outline[1]!).toBe(false);
  });

  it('parses the meeting days, the organization of work and the documents', () => {
    const { meeting, organization, documentation, document } = model().sources;
    expect(meeting.written).toEqual(['2023-09-11', '2023-09-12']);
    expect(meeting.days.map((d) => [d.iso, d.date])).toEqual([
      ['2023-09-11', { year: 2023, month: 9, day: 11 }],
      ['2023-09-12', { year: 2023, month: 9, day: 12 }],
    ]);
    expect(document.date).toEqual({ iso: '2023-06-14', date: { year: 2023, month: 6, day: 14 } });
    const [first, second] = organization![0]!.slots;
    expect(first).toMatchObject({ time: '10:00-13:00', start: 600, end: 780, origin: { path: ['organization_of_work', 0, 'slots', 0] } });
    expect(first!.entries.map((e) => ('itemId' in e ? e.itemId : e.title))).toEqual(['opening', 'adoption', 'many', 'closing']);
    expect(second).toMatchObject({ start: 900, end: 1080, entries: [{ title: 'Panel discussion', origin: { path: ['organization_of_work', 0, 'slots', 1, 'items', 0] } }] });
    expect(documentation).toEqual([
      { itemId: 'many', title: 'Note', symbols: ['E/2001/28', 'E/CN.7/2001/12'], list: true, issued: { iso: '2023-07-28', date: { year: 2023, month: 7, day: 28 } }, origin: { path: ['items', 1, 'documentation', 0] } },
    ]);
  });

  it('lists every author text once, in reading order, with its role, string as written and path', () => {
    const { texts } = model().sources;
    const listed = texts.map((t) => `${t.role} ${JSON.stringify(t.origin.path)}`);
    expect(listed.slice(0, 4)).toEqual(['body ["parent_body"]', 'body ["body"]', 'title ["items",0,"title"]', 'title ["items",0,"items",0,"title"]']);
    expect(new Set(listed).size).toBe(listed.length);
    const at = (role: string) => listed.findIndex((l) => l.startsWith(role));
    // Titles, then annotations with their documentation, then short titles, the annex, the footnotes.
    const firsts = ['title', 'annotation', 'documentation', 'short-title', 'annex-entry', 'footnote'].map(at);
    expect(firsts.every((i, k) => i >= 0 && (k === 0 || i > firsts[k - 1]!))).toBe(true);
    // organizational, opening, adoption, many and its 28 sub-items, closing, other, report
    expect(texts.filter((t) => t.role === 'title')).toHaveLength(35);
    const opening = texts.find((t) => t.role === 'annotation')!;
    expect(opening.raw).toBe('Opens on {opening-date}; see E/2001/28.');
    expect(opening.masked).toBe(`Opens on ${' '.repeat(14)}; see E/2001/28.`);
    expect(texts.find((t) => t.role === 'footnote')).toMatchObject({ raw: 'A note.', origin: { path: ['footnotes', 'x'] } });
  });

  it('is built once, when first read, not by every compile', () => {
    const { sources } = model();
    expect(Object.getOwnPropertyNames(sources)).not.toContain('texts'); // read through the prototype, built on demand
    expect(sources.texts).toBe(sources.texts);
    expect(sources.items[0]).toBe(sources.outline[0]);
  });
});
