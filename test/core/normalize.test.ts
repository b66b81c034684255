import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model.js';
import { compileExample, compileYaml, MINIMAL } from '../helpers/compile.js';

const text = (nodes: readonly Inline[]): string =>
  nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'symbol' ? n.value : n.type === 'noteRef' ? `[${n.number}]` : text(n.children))).join('');

describe('the normalized model of the reference example', () => {
  const { model, diagnostics } = compileExample('ctoc-cop-wg3-2023.yaml');
  it('compiles without diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(model).toBeDefined();
  });
  const m = model!;

  it('numbers items, letters sub-items and punctuates the list as the UN does', () => {
    const list = m.agenda.items.map((i) => `${i.label} ${text(i.title).slice(0, 24)}${i.punctuation}`);
    expect(list).toEqual(['1. Organizational matters:', '2. Practical implementation.', '3. Lessons learned from the.', '4. Other matters.', '5. Adoption of the report.']);
    expect(m.agenda.items[0]!.children.map((c) => `${c.label}${c.punctuation}`)).toEqual(['(a);', '(b).']);
  });

  it('derives the masthead', () => {
    expect(m.masthead).toMatchObject({
      unitedNations: 'United Nations',
      organ: 'Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
      symbol: 'CTOC/COP/WG.3/2023/1',
      distribution: 'Distr.: General',
      date: '14 June 2023',
      original: 'Original: English',
    });
    expect(m.meeting).toEqual({
      body: 'Working Group on International Cooperation',
      session: undefined,
      placeAndDates: 'Vienna, 11 and 12 September 2023',
      kind: 'meeting',
      number: 14,
      startDate: '2023-09-11',
      endDate: '2023-09-12',
      timeZone: 'Europe/Vienna',
      opensAt: 600,
      venue: 'Vienna',
    });
    expect(m.masthead.isoDate).toBe('2023-06-14');
  });

  it('resolves placeholders: ordinal, weekday, opening time, counts in words', () => {
    const opening = m.annotations.sections[0]!.children[0]!;
    expect(opening.number).toBe('1 (a)');
    expect(text(opening.paragraphs[0]!.content)).toBe(
      'The fourteenth meeting of the Working Group on International Cooperation will be opened on Monday, 11 September 2023, at 10 a.m.',
    );
    const resources = text(m.annotations.sections[0]!.children[1]!.paragraphs[3]!.content);
    expect(resources).toContain('four plenary meetings over two days, with interpretation in the six official languages of the United Nations.');
  });

  it('renders cross-references with the current numbers', () => {
    expect(text(m.annotations.sections[1]!.paragraphs[1]!.content)).toMatch(/^Under agenda item 2, the Working Group/);
    expect(text(m.annotations.sections[3]!.paragraphs[0]!.content)).toContain('under agenda item 4 have come');
  });

  it('numbers footnotes in order of first reference', () => {
    expect(m.footnotes.map((f) => [f.number, f.id, f.references])).toEqual([
      [1, 'organization-of-work', 1],
      [2, 'constructive-dialogues', 1],
    ]);
  });

  it('joins joint symbols with spaced en dashes in documentation entries', () => {
    const entry = text(m.annotations.sections[2]!.documentation!.entries[0]!.content);
    expect(entry).toMatch(/\(CTOC\/COP\/WG\.3\/2023\/3 – CTOC\/COP\/WG\.4\/2023\/3 – CTOC\/COP\/WG\.7\/2023\/3\)\.$/);
  });

  it('derives weekdays, slot times, item numbers and "(continued)" in the annex', () => {
    const rows = m.annex!.days.flatMap((day) => [day.label, ...day.slots.flatMap((s) => s.rows.map((r) => `${s.time} | ${r.item} | ${r.continued ? 'continued' : ''}`))]);
    expect(rows).toEqual([
      'Monday, 11 September',
      '10 a.m.–1 p.m. | 1 (a) | ',
      '10 a.m.–1 p.m. | 1 (b) | ',
      '10 a.m.–1 p.m. | 2 | ',
      '3–6 p.m. | 2 | continued',
      '3–6 p.m. | 3 | ',
      'Tuesday, 12 September',
      '10 a.m.–1 p.m. | 3 | continued',
      '3–6 p.m. | 4 | ',
      '3–6 p.m. | 5 | ',
    ]);
    const continuedRow = m.annex!.days[0]!.slots[1]!.rows[0]!;
    expect(continuedRow.title.slice(-3)).toEqual([
      { type: 'text', value: ' (' },
      { type: 'emphasis', children: [{ type: 'text', value: 'continued' }] },
      { type: 'text', value: ')' },
    ]);
    expect(text(continuedRow.title)).toBe('Practical implementation of article 27 of the Organized Crime Convention (law enforcement cooperation) (continued)');
  });
});

describe('business under an item in the organization of work ({ item, title })', () => {
  const definition = (entries: string) =>
    `${MINIMAL.replace(/items:[\s\S]*$/, 'items:\n  - id: adoption\n    title: Adoption of the agenda\n  - id: reports\n    title: Consideration of reports\n')}organization_of_work:\n  - date: 2025-03-03\n    slots:\n${entries}`;
  const slot = (time: string, items: string) => `      - time: ${time}\n        items: ${items}\n`;

  it("prints the item's number beside its own title, '(continued)' when the same business came before, and takes the item up", () => {
    const { model, diagnostics } = compileYaml(
      definition(slot('10:00-13:00', '[adoption, { item: reports, title: Australia }]') + slot('15:00-18:00', '[{ item: reports, title: Australia }, { item: reports, title: Chile }, reports]')),
    );
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const rows = model!.annex!.days[0]!.slots.flatMap((s) => s.rows.map((r) => `${r.item} | ${text(r.title)}`));
    expect(rows).toEqual(['1 | Adoption of the agenda', '2 | Australia', '2 | Australia (continued)', '2 | Chile', '2 | Consideration of reports (continued)']);
  });

  it('reports an unknown item at its key, and the same business twice in one meeting', () => {
    const { diagnostics } = compileYaml(definition(slot('10:00-13:00', '[adoption, { item: nope, title: Australia }, { item: reports, title: Chile }, { item: reports, title: Chile }, reports]')));
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.line, d.column])).toEqual([
      ['unknown-item', 17, 35],
      ['duplicate-entry', 17, 94],
    ]);
  });
});

describe('derivations that follow the definition', () => {
  const twoItems = MINIMAL.replace(
    /items:[\s\S]*$/,
    `items:
  - id: opening
    title: Opening of the session
  - id: adoption
    title: Adoption of the agenda
    annotation: See {item:opening} and {number:adoption}; the {session} opens at {opening-time}.
meeting_placeholder: x
`,
  ).replace('meeting_placeholder: x\n', '');

  it('renumbers every reference when an item is inserted', () => {
    const before = compileYaml(twoItems.replace('  dates: 2025-03-03', '  dates: 2025-03-03\n  number: 2\n  opens_at: "15:00"')).model!;
    // The item without annotation has no heading: the annotated one is the first section.
    expect(text(before.annotations!.sections[0]!.paragraphs[0]!.content)).toBe('See item 1 and 2; the second session opens at 3 p.m.');
    const inserted = twoItems
      .replace('  dates: 2025-03-03', '  dates: 2025-03-03\n  number: 2\n  opens_at: "15:00"')
      .replace('items:\n', 'items:\n  - id: officers\n    title: Election of officers\n');
    const after = compileYaml(inserted).model!;
    expect(text(after.annotations!.sections[0]!.paragraphs[0]!.content)).toBe('See item 2 and 3; the second session opens at 3 p.m.');
  });

  it('asks for the fact a placeholder needs when the definition lacks it', () => {
    const { diagnostics } = compileYaml(twoItems);
    expect(diagnostics.map((d) => d.message)).toEqual(["'{opening-time}' needs a fact the definition does not give"]);
    expect(diagnostics[0]!.hint).toContain('opens_at');
  });

  it('lets \\{ write a literal brace', () => {
    const yaml = MINIMAL.replace('title: Adoption of the agenda', 'title: Adoption of the agenda\n    annotation: Braces \\{like this} stay.');
    expect(text(compileYaml(yaml).model!.annotations.sections[0]!.paragraphs[0]!.content)).toBe('Braces {like this} stay.');
  });

  it('shows the session line of sessions, with the ordinal capitalized', () => {
    const yaml = MINIMAL.replace('  dates: 2025-03-03', '  dates: [2025-03-03, 2025-03-07]\n  number: 39');
    expect(compileYaml(yaml).model!.meeting).toEqual({
      body: 'Ad Hoc Committee on Example Matters',
      session: 'Thirty-ninth session',
      placeAndDates: 'New York, 3–7 March 2025',
      kind: 'session',
      number: 39,
      startDate: '2025-03-03',
      endDate: '2025-03-07',
      timeZone: 'America/New_York',
      venue: 'New York',
    });
  });

  it('adds the language letter and derives stamps and barcode of the job number', () => {
    const yaml = MINIMAL.replace('  date: 2025-01-10', '  date: 2025-01-10\n  job_number: V.25-00123\n  processed: 2025-01-14\n  issued: 2025-01-15');
    expect(compileYaml(yaml).model!.masthead.job).toEqual({
      number: 'V.25-00123 (E)',
      baseNumber: 'V.25-00123',
      stamps: ['140125', '150125'],
      stampDates: ['2025-01-14', '2025-01-15'],
      barcode: '*2500123*',
    });
  });

  it('keeps a language letter the author wrote, and gives the number without it beside', () => {
    const yaml = MINIMAL.replace('  date: 2025-01-10', '  date: 2025-01-10\n  job_number: GE.25-00123 (F)');
    expect(compileYaml(yaml).model!.masthead.job).toMatchObject({ number: 'GE.25-00123 (F)', baseNumber: 'GE.25-00123', barcode: '*2500123*', stamps: [], stampDates: [] });
  });

  it('counts several references to one footnote', () => {
    const yaml = MINIMAL.replace('title: Adoption of the agenda', 'title: Adoption of the agenda\n    annotation: One[^n] and two.[^n]') + 'footnotes:\n  n: The note.\n';
    const m = compileYaml(yaml).model!;
    expect(m.footnotes).toMatchObject([{ number: 1, references: 2 }]);
    expect(m.annotations.sections[0]!.paragraphs[0]!.content.filter((n) => n.type === 'noteRef')).toEqual([
      { type: 'noteRef', number: 1, occurrence: 1 },
      { type: 'noteRef', number: 1, occurrence: 2 },
    ]);
  });

  it('keeps a paragraph that starts like a list as text; "# " starts an annotation\'s sub-heading, whose HTML is text', () => {
    const yaml = MINIMAL.replace('title: Adoption of the agenda', 'title: Adoption of the agenda\n    annotation: |\n      1. Not a list.\n\n      # A sub-heading <b>not HTML</b>');
    const paragraphs = compileYaml(yaml).model!.annotations.sections[0]!.paragraphs.map((p) => [text(p.content), p.heading ?? false]);
    expect(paragraphs).toEqual([['1. Not a list.', false], ['A sub-heading <b>not HTML</b>', true]]);
  });
});

describe('values beside the texts', () => {
  const m = compileExample('ctoc-cop-wg3-2023.yaml').model!;

  it('gives every date as an ISO date beside its words', () => {
    expect([m.masthead.date, m.masthead.isoDate]).toEqual(['14 June 2023', '2023-06-14']);
    expect([m.meeting.startDate, m.meeting.endDate]).toEqual(['2023-09-11', '2023-09-12']);
    expect(m.annex!.days.map((d) => [d.label, d.date])).toEqual([
      ['Monday, 11 September', '2023-09-11'],
      ['Tuesday, 12 September', '2023-09-12'],
    ]);
  });

  it('gives slot times in minutes after midnight, in the venue\'s zone', () => {
    expect(m.annex!.days[0]!.slots.map((s) => [s.time, s.start, s.end])).toEqual([
      ['10 a.m.–1 p.m.', 600, 780],
      ['3–6 p.m.', 900, 1080],
    ]);
    expect(m.meeting.timeZone).toBe('Europe/Vienna');
    expect(m.meeting.opensAt).toBe(600);
  });

  it('gives stable element ids from the definition: items, sub-items, footnotes, days and slots', () => {
    expect(m.agenda.items.map((i) => i.elementId)).toEqual(['item-organizational', 'item-law-enforcement', 'item-lessons-learned', 'item-other-matters', 'item-report']);
    expect(m.agenda.items[0]!.children.map((i) => i.elementId)).toEqual(['item-opening', 'item-adoption']);
    expect(m.annotations.sections[0]!.children.map((s) => s.elementId)).toEqual(['item-opening', 'item-adoption']);
    expect(m.footnotes.map((n) => n.elementId)).toEqual(['note-organization-of-work', 'note-constructive-dialogues']);
    expect(m.annex!.days.map((d) => d.elementId)).toEqual(['day-2023-09-11', 'day-2023-09-12']);
    expect(m.annex!.days.flatMap((d) => d.slots.map((s) => s.elementId))).toEqual(['slot-2023-09-11-1000', 'slot-2023-09-11-1500', 'slot-2023-09-12-1000', 'slot-2023-09-12-1500']);
    expect(m.annex!.days[0]!.slots[0]!.rows.map((r) => r.itemElementId)).toEqual(['item-opening', 'item-adoption', 'item-law-enforcement']);
  });

  it('keeps an id when items are inserted before it, and ids of slots that start together apart', () => {
    const yaml = `${MINIMAL}  - id: report\n    title: Adoption of the report\norganization_of_work:\n  - date: 2025-03-03\n    slots:\n      - time: 10:00-13:00\n        items: [adoption]\n      - time: 10:00-11:00\n        items: [report]\n`;
    const before = compileYaml(yaml).model!;
    const after = compileYaml(yaml.replace('items:\n', 'items:\n  - id: officers\n    title: Election of officers\n')).model!;
    expect(before.agenda.items[1]!.elementId).toBe('item-report');
    expect(after.agenda.items[2]!.elementId).toBe('item-report');
    expect(before.annex!.days[0]!.slots.map((s) => s.elementId)).toEqual(['slot-2025-03-03-1000', 'slot-2025-03-03-1000-2']);
  });

  it('gives the back-link name of each call to a footnote', () => {
    const yaml = MINIMAL.replace('title: Adoption of the agenda', 'title: Adoption of the agenda\n    annotation: One[^n] and two.[^n]') + 'footnotes:\n  n: The note.\n';
    expect(compileYaml(yaml).model!.footnotes[0]!.backLabels).toEqual(['Back to reference 1 (1)', 'Back to reference 1 (2)']);
    expect(m.footnotes[0]!.backLabels).toEqual(['Back to reference 1']);
  });

  it('says how the language is written: direction, quotes, fonts', () => {
    expect(m.dir).toBe('ltr');
    expect(m.writing.quotes.open).toBe('“');
    expect(m.writing.fonts[0]).toMatchObject({ script: 'Latn', family: 'Tinos' });
  });
});

describe('the time zone of the meeting', () => {
  const withVenue = (venue: string, zone?: string) =>
    compileYaml(MINIMAL.replace('  venue: New York', `  venue: ${venue}${zone === undefined ? '' : `\n  time_zone: ${zone}`}`));

  it.each([
    ['Vienna', 'Europe/Vienna'],
    ['Geneva', 'Europe/Zurich'],
    ['New York', 'America/New_York'],
    ['Nairobi', 'Africa/Nairobi'],
    ['Bangkok', 'Asia/Bangkok'],
    ['Santiago', 'America/Santiago'],
    ['Addis Ababa', 'Africa/Addis_Ababa'],
    ['Beirut', 'Asia/Beirut'],
    ['geneva', 'Europe/Zurich'],
  ])('is known for %s: %s', (venue, zone) => {
    expect(withVenue(venue).model!.meeting.timeZone).toBe(zone);
  });

  it('is left undefined for a venue the tool does not know, without a diagnostic', () => {
    const { model, diagnostics } = withVenue('Doha');
    expect(diagnostics).toEqual([]);
    expect(model!.meeting.timeZone).toBeUndefined();
    expect('timeZone' in model!.meeting).toBe(false);
  });

  it('is the one written, spelled as IANA spells it, before the venue\'s', () => {
    expect(withVenue('Doha', 'Asia/Qatar').model!.meeting.timeZone).toBe('Asia/Qatar');
    expect(withVenue('Vienna', 'europe/vienna').model!.meeting.timeZone).toBe('Europe/Vienna');
    expect(withVenue('New Delhi', 'Asia/Kolkata').model!.meeting.timeZone).toBe('Asia/Kolkata'); // not ICU's older alias
  });

  it('is checked against the time zone database', () => {
    const { model, diagnostics } = withVenue('Vienna', 'Europe/Viena');
    expect(model).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'bad-time-zone', line: 7, message: "'Europe/Viena' is not a time zone this tool knows" }]);
  });

  it('must look like a zone name (schema)', () => {
    expect(withVenue('Vienna', '"+01:00"').diagnostics.map((d) => d.code)).toEqual(['schema']);
  });
});
