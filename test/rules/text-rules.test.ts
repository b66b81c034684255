import { describe, expect, it } from 'vitest';
import { exampleDefinition, itemsWithAnnotation } from '../../src/rules/example-definition.js';
import { mask } from '../../src/normalize/texts.js';
import type { AgendaDocument, AuthorText, OutlineItem } from '../../src/model.js';
import { RULES } from '../../src/rules/index.js';
import { activeRules, runRules } from '../../src/rules/engine.js';
import { check, found, textAt } from './helpers.js';

const withText = (text: string) => exampleDefinition({ items: itemsWithAnnotation(JSON.stringify(text)) });
const codes = (text: string) => check(withText(text)).diagnostics.map((d) => d.code);

describe('text rules point at the exact column inside block text', () => {
  const yaml = exampleDefinition({
    items: `items:
  - id: organizational
    title: Organizational matters
    items:
      - id: opening
        title: Opening of the meeting
        annotation: |
          The meeting will be opened by the Chair.

          Of the reviews, 70 percent are complete;
          see paragraph 1(a) of the note.
      - id: adoption
        title: Adoption of the agenda and organization of work
        annotation: >-
          The agenda
            was approved at 15:00 on
          11.09.2023.
  - id: other
    title: Other matters
    annotation: No documentation is foreseen under this item.
  - id: report
    title: Adoption of the report`,
  });

  it.each([
    ['AG028', 'percent'],
    ['AG032', '(a)'],
    ['AG026', '15:00'],
    ['AG023', '11.09.2023'],
  ])('%s at %s', (code, token) => {
    const [d] = found(yaml, code);
    expect(d, code).toBeDefined();
    expect(textAt(yaml, d!).startsWith(token)).toBe(true);
  });
});

describe('text rules catch the variants of the catalogue', () => {
  it.each([
    ['AG023', 'It was approved on 11th September 2023.'],
    ['AG023', 'It was approved on 11.09.2023.'],
    ['AG023', 'It was approved on 11 Sept. 2023.'],
    ['AG023', 'It was approved on 01 September 2023.'],
    ['AG023', 'It was approved on 11 September, 2023.'],
    ['AG023', 'It was approved on 2023-09-11.'],
    ['AG024', 'It will be held from 23–27 May 2022.'],
    ['AG024', 'It will be held on 11–12 September 2023.'],
    ['AG025', 'It opens on Tuesday, 11 September 2023.'],
    ['AG025', 'It opens on Tuesday, 11 September.'],
    ['AG026', 'It opens at 10am.'],
    ['AG026', 'It opens at 10 AM.'],
    ['AG026', 'It opens at 10:00 a.m.'],
    ['AG026', 'It opens at 12 noon.'],
    ['AG026', 'It opens at 10.00 a.m.'],
    ['AG027', 'Consultations are held 3 p.m.–6 p.m.'],
    ['AG027', 'Consultations are held 3 – 6 p.m.'],
    ['AG027', 'Consultations are held 10–1 p.m.'],
    ['AG028', 'Some 70% of the reviews are complete.'],
    ['AG029', '7 delegations asked for the floor.'],
    ['AG030', 'The 21st session will follow.'],
    ['AG031', 'This is considered under Agenda item 2.'],
    ['AG031', 'See Rule 6 of the rules of procedure.'],
    ['AG032', 'See item 1 (a)(i) of the list.'],
    ['AG034', 'The U.N. Secretariat will report.'],
    ['AG034', 'The ECOSOC will decide.'],
  ])('%s: %s', (code, text) => {
    expect(codes(text)).toContain(code);
  });
});

describe('text rules leave correct UN text alone', () => {
  it.each([
    'The meeting will be opened on Monday, 11 September 2023, at 10 a.m.',
    'Meetings are held from 10 a.m. to 1 p.m. and from 3–6 p.m., or 10 a.m.–1 p.m.',
    'The session will be held from 23 to 27 May 2022, and on 11 and 12 September 2023.',
    'Consultations start at 3.30 p.m. or at noon.',
    'Article 51 of the Charter of the United Nations applies.',
    'See article 27, paragraphs 1 (a) and (f), and paragraph 2 of rule 6.',
    'See resolution 75/290 B and decision 2023/252, and documents E/CN.15/2024/2 and A/79/85.',
    'The joint paper (CTOC/COP/WG.3/2023/3 – CTOC/COP/WG.4/2023/3) is before the meeting.',
    'The completion of 70 per cent of the reviews; the percentage is small.',
    'Statements should be limited to five minutes.',
    'UN-Habitat and UN-Women will attend.',
    'Details are at www.unodc.org/unodc/en/2023/10:00-test%20page.html and {venue}.',
    'The fourteenth meeting was held on Friday, 27 May 2022.',
  ])('%s', (text) => {
    expect(check(withText(text)).diagnostics).toEqual([]);
  });
});

describe('text scanning is linear', () => {
  const adversarial = [
    '1'.repeat(100_000),
    '1('.repeat(50_000),
    '1:'.repeat(50_000),
    '1 '.repeat(50_000),
    '1-'.repeat(50_000),
    'A/'.repeat(50_000),
    'A/1 - '.repeat(20_000),
    'September '.repeat(10_000),
    'Monday, 1 '.repeat(10_000),
    '{'.repeat(100_000),
    '[^'.repeat(50_000),
    '](' .repeat(50_000),
    'www.'.repeat(25_000),
    'a.m. '.repeat(20_000),
    'x@'.repeat(50_000),
    '1.1.'.repeat(25_000),
    'UN '.repeat(33_000),
    `${'a'.repeat(99_999)}%`,
    `1${',111'.repeat(25_000)}x`,
    `${'12:3'.repeat(25_000)}`,
    `${'3-'.repeat(25_000)}6 p.m.`,
    `${'Article '.repeat(12_500)}`,
    `${'0'.repeat(99_990)} September`,
  ];

  it.each(adversarial.map((s) => [s.slice(0, 12), s] as const))('%s… (100,000 characters) through every rule in well under a second', (_, text) => {
    const { compiled } = check(withText('Placeholder text.'));
    const model = withTexts(compiled.model!, { '["items",0,"items",0,"annotation"]': text, '["items",1,"title"]': text });
    const started = performance.now();
    runRules({ file: 'x.yaml', source: '', model, locator: compiled.loaded.locator, profile: 'untoc-working-group' }, activeRules('untoc-working-group'));
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('the masks keep offsets', () => {
    const text = 'See {opening-time} and [^x] at www.un.org/a%20b.';
    expect(mask(text)).toBe(`See ${' '.repeat(14)} and ${' '.repeat(4)} at ${' '.repeat(17)}`); // the address takes the final full stop
    const { compiled } = check(withText('See {venue} at www.un.org/a%20b.'));
    const t = compiled.model!.sources.texts.find((x) => x.role === 'annotation')!;
    expect(t.masked.length).toBe(t.raw.length);
    expect(t.masked).not.toContain('%');
  });

  it('every text rule scans all author texts (rules list sanity)', () => {
    expect(RULES.filter((r) => r.category === 'editorial').length).toBeGreaterThan(15);
  });
});

describe('disable comments', () => {
  it('are read in linear time, even thousands in a row', async () => {
    const { parseDirectives } = await import('../../src/rules/disable.js');
    const source = `${'# agenda-disable-next-line AG028 -- x\n'.repeat(50_000)}body: x\n`;
    const started = performance.now();
    const directives = parseDirectives(source);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(directives[0]!.target).toBe(50_001);
  });
});

/** The model with some author texts (by JSON path) replaced, in the texts and in the items that hold them. */
function withTexts(model: AgendaDocument, replaced: Record<string, string>): AgendaDocument {
  const at = (path: readonly (string | number)[]) => replaced[JSON.stringify(path)];
  const texts: AuthorText[] = model.sources.texts.map((t) => {
    const raw = at(t.origin.path);
    return raw === undefined ? t : { role: t.role, raw, masked: mask(raw), origin: t.origin };
  });
  const item = (it: OutlineItem): OutlineItem => ({
    ...it,
    title: at([...it.origin.path, 'title']) ?? it.title,
    annotation: at([...it.origin.path, 'annotation']) ?? it.annotation,
  });
  const outline = model.sources.outline.map((it) => ({ ...item(it), children: it.children.map(item) }));
  const items = outline.flatMap((it) => [it, ...it.children]);
  expect(texts.filter((t, i) => t !== model.sources.texts[i]).length).toBe(Object.keys(replaced).length);
  const { document, body, meeting, resources, documentation, organization } = model.sources;
  return { ...model, sources: { document, body, meeting, resources, documentation, organization, texts, outline, items } };
}

describe('a pathological definition', () => {
  it('checks a 100,000-character annotation full of problems in linear time, listing the first 20 per rule and field', async () => {
    const { MAX_REPORTS_PER_FIELD } = await import('../../src/rules/engine.js');
    const yaml = exampleDefinition({ items: itemsWithAnnotation('UN 5 percent 10:00 '.repeat(5_300)) });
    const started = performance.now();
    const result = check(yaml);
    expect(performance.now() - started).toBeLessThan(3000);
    const un = result.diagnostics.filter((d) => d.code === 'AG034');
    expect(un.length).toBe(MAX_REPORTS_PER_FIELD + 1);
    expect(un.some((d) => /5280 more problems/.test(d.message))).toBe(true);
  });
});
