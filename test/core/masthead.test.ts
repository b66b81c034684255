import { describe, expect, it } from 'vitest';
import type { AgendaDocument, Inline } from '../../src/model.js';
import { renderHtml } from '../../src/render/html/index.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { compileExample, compileYaml } from '../helpers/compile.js';

const text = (nodes: readonly Inline[]): string =>
  nodes.map((n) => (n.type === 'text' || n.type === 'symbol' ? n.value : n.type === 'noteRef' ? `[${n.number}]` : text(n.children))).join('');

/** A treaty body's session, to vary field by field. */
const SESSION = `profile: treaty-body
document:
  symbol: CMW/C/40/1
  date: 2026-01-16
parent_body: International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families
body: Committee on Migrant Workers
meeting:
  number: 40
  venue: Geneva
  dates: [2026-03-30, 2026-04-09]
items:
  - id: opening
    title: Opening of the session
  - id: organizational
    title: Organizational matters
    items:
      - id: officers
        title: Election of officers
      - id: adoption
        title: Adoption of the agenda[^rule]
footnotes:
  rule: Rule 6 of the rules of procedure.
`;

function compiled(yaml: string): AgendaDocument {
  const { model, diagnostics } = compileYaml(yaml);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model!;
}

const withDocument = (lines: string, yaml = SESSION) => yaml.replace('  date: 2026-01-16\n', `  date: 2026-01-16\n${lines}`);
const errors = (yaml: string) => compileYaml(yaml).diagnostics.filter((d) => d.severity === 'error');

describe('the "Item N of the provisional agenda" line', () => {
  it('takes number and title from the item found by its role, a sub-item included', () => {
    const m = compiled(withDocument('  under_item: adoption-of-agenda\n'));
    expect(m.meeting.underItem).toMatchObject({ line: 'Item 2 (b) of the provisional agenda', itemId: 'adoption', elementId: 'item-adoption' });
    // The title as in the list, without the footnote call, which stays with the list.
    expect(text(m.meeting.underItem!.title)).toBe('Adoption of the agenda');
    expect(m.footnotes.map((n) => n.references)).toEqual(compiled(SESSION).footnotes.map((n) => n.references));
    expect(renderMarkdown(m)).toContain('Geneva, 30 March–9 April 2026\\\nItem 2 (b) of the provisional agenda\\\n**Adoption of the agenda**\n\n# Annotated provisional agenda\n');
  });

  it('finds the item by id too, and gives the asterisk note of the agenda symbol', () => {
    const m = compiled(withDocument('  symbol: CMW/C/40/1/Add.1\n  under_item:\n    item: opening\n    agenda_symbol: CMW/C/40/1\n', SESSION.replace('  symbol: CMW/C/40/1\n', '')));
    expect(m.meeting.underItem).toMatchObject({ line: 'Item 1 of the provisional agenda', mark: '*' });
    expect(m.starNotes?.map((n) => [n.mark, text(n.content)])).toEqual([['*', 'CMW/C/40/1.']]);
    const md = renderMarkdown(m);
    expect(md).toContain('Item 1 of the provisional agenda\\*\\\n**Opening of the session**');
    expect(md).toMatch(/\n---\n\n\\\* CMW\/C\/40\/1\.\n\n\[\^1\]: Rule 6/);
    const html = renderHtml(m);
    expect(html).toContain('<span>Item 1 of the provisional agenda<a class="star-mark" href="#star-note-1">*</a></span><span><strong>Opening of the session</strong></span>');
    // Before the numbered notes, as at the foot of the first page.
    expect(html.indexOf('<p id="star-note-1"><span class="label">* </span><span class="symbol" translate="no" dir="ltr">CMW/C/40/1</span>.</p>')).toBeGreaterThan(0);
    expect(html.indexOf('id="star-note-1"')).toBeLessThan(html.indexOf('<section class="footnotes"'));
  });

  it('says so, at the field, when no item has that id or role', () => {
    const [d, ...rest] = errors(withDocument('  under_item: credentials\n'));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ line: 5, column: 15, code: 'unknown-item', message: "'credentials' is neither the id nor the role of an agenda item" });
    expect(d!.hint).toContain('opening, organizational, officers, adoption');
  });
});

describe('asterisk notes', () => {
  const notes = `  under_item:
    item: adoption
    agenda_symbol: CMW/C/40/1
  notes:
    - on: title
      text: The present document was submitted late owing to *consultations*.
    - on: symbol
      text: Reissued for technical reasons on 2 February 2026.
`;

  it('hand out asterisks in the order the marks stand on the page: symbol, item line, title', () => {
    const m = compiled(withDocument(notes));
    expect(m.masthead.symbolMark).toBe('*');
    expect(m.meeting.underItem!.mark).toBe('**');
    expect(m.titleMark).toBe('***');
    expect(m.starNotes!.map((n) => `${n.mark} ${text(n.content)}`)).toEqual([
      '* Reissued for technical reasons on 2 February 2026.',
      '** CMW/C/40/1.',
      '*** The present document was submitted late owing to consultations.',
    ]);
    const md = renderMarkdown(m);
    expect(md).toContain('**CMW/C/40/1\\***\\\n');
    expect(md).toContain('# Annotated provisional agenda\\*\\*\\*\n');
    expect(md).toContain('\\*\\*\\* The present document was submitted late owing to *consultations*.');
  });

  it('refuse a second note on the same mark, and a note on an item line the document does not print', () => {
    const twice = errors(withDocument(`${notes}    - on: under_item\n      text: Second.\n`));
    expect(twice.map((d) => [d.code, d.line])).toEqual([['duplicate-note', 14]]);
    const orphan = errors(withDocument('  notes:\n    - on: under_item\n      text: A note.\n'));
    expect(orphan.map((d) => [d.code, d.line, d.column])).toEqual([['note-without-line', 6, 11]]);
  });
});

describe('the title and the text before the list', () => {
  it('takes inline text in the title, lines under it and paragraphs before the list, numbering their footnotes first', () => {
    const m = compiled(
      withDocument(
        '  title: Provisional agenda of the *{ordinal}* session\n  subtitle:\n    - Issued in accordance with rule 16 of the rules of procedure.\n    - To convene at Geneva on {opening-date}.\n  introduction: |\n    First paragraph.[^intro]\n\n    Second paragraph.\n',
        SESSION.replace('footnotes:\n', 'footnotes:\n  intro: An early note.\n'),
      ),
    );
    expect(m.title).toBe('Provisional agenda of the fortieth session');
    expect(m.titleContent?.[1]).toEqual({ type: 'emphasis', children: [expect.objectContaining({ value: 'fortieth' })] });
    expect(m.subtitle!.map((p) => text(p.content))).toEqual(['Issued in accordance with rule 16 of the rules of procedure.', 'To convene at Geneva on Monday, 30 March 2026.']);
    expect(m.introduction!.map((p) => text(p.content))).toEqual(['First paragraph.[1]', 'Second paragraph.']);
    expect(m.footnotes.map((n) => n.id)).toEqual(['intro', 'rule']);
    const md = renderMarkdown(m);
    expect(md).toContain('# Provisional agenda of the *fortieth* session\n\nIssued in accordance with rule 16 of the rules of procedure.\\\nTo convene at Geneva on Monday, 30 March 2026.\n\nFirst paragraph.[^1]\n\nSecond paragraph.\n\n## Provisional agenda\n');
    expect(renderHtml(m)).toContain('<h1>Provisional agenda of the <em>fortieth</em> session</h1>\n<p class="subtitle"><span>Issued in accordance');
  });
});

describe('the meeting block', () => {
  const block = (m: AgendaDocument) => [m.masthead.organ, m.meeting.body, m.meeting.session, m.meeting.placeAndDates];

  it('prints the dates alone, the venue alone, or neither', () => {
    expect(block(compiled(SESSION.replace('  number: 40\n', '  number: 40\n  show_venue: false\n')))[3]).toBe('30 March–9 April 2026');
    expect(block(compiled(SESSION.replace('  venue: Geneva\n', '')))[3]).toBe('30 March–9 April 2026');
    expect(block(compiled(SESSION.replace('  dates: [2026-03-30, 2026-04-09]\n', '')))[3]).toBe('Geneva');
    expect(block(compiled(SESSION.replace('  number: 40\n', '  number: 40\n  show_dates: false\n')))[3]).toBe('Geneva');
    const hidden = compiled(SESSION.replace('  number: 40\n', '  number: 40\n  show_venue: false\n  show_dates: false\n'));
    expect(block(hidden)[3]).toBeUndefined();
    expect(hidden.meeting.startDate).toBe('2026-03-30');
    const bare = compiled(SESSION.replace('  venue: Geneva\n  dates: [2026-03-30, 2026-04-09]\n', ''));
    expect(block(bare)[3]).toBeUndefined();
    expect(bare.meeting.startDate).toBeUndefined();
    expect(bare.sources.meeting.days).toBeUndefined();
    expect(renderMarkdown(bare)).toContain('**Committee on Migrant Workers**\\\nFortieth session\n\n# Annotated');
  });

  it('reports a placeholder that needs the venue or the dates the definition leaves out, at the placeholder', () => {
    const yaml = SESSION.replace('  venue: Geneva\n  dates: [2026-03-30, 2026-04-09]\n', '').replace('    title: Opening of the session\n', '    title: Opening of the session\n    annotation: Opens on {opening-date} in {venue}.\n');
    expect(errors(yaml).map((d) => [d.line, d.column, d.message, d.hint])).toEqual([
      [12, 26, "'{opening-date}' needs a fact the definition does not give", "give 'meeting.dates'"],
      [12, 44, "'{venue}' needs a fact the definition does not give", "give 'meeting.venue'"],
    ]);
  });

  it.each([
    ['resumed-session', 77, 'Resumed seventy-seventh session'],
    ['reconvened-session', 66, 'Reconvened sixty-sixth session'],
    ['special-session', 28, 'Twenty-eighth special session'],
    ['emergency-special-session', 10, 'Tenth emergency special session'],
    ['organizational-session', undefined, 'Organizational session'],
  ])('names a %s as the UN does', (kind, number, line) => {
    const yaml = SESSION.replace('  number: 40\n', `  kind: ${kind}\n${number === undefined ? '' : `  number: ${number}\n`}`);
    expect(compiled(yaml).meeting.session).toBe(line);
  });

  it.each([
    ['A/S-30/1', 'General Assembly'],
    ['E/2025/1', 'Economic and Social Council'],
    ['S/2025/1', 'Security Council'],
    ['TD/B/72/1', 'United Nations Conference on Trade and Development'],
  ])('names the principal organ of %s when no parent body is stated', (symbol, organ) => {
    const m = compiled(SESSION.replace('CMW/C/40/1', symbol).replace(/parent_body: .*\n/, ''));
    expect(block(m).slice(0, 2)).toEqual([organ, 'Committee on Migrant Workers']);
  });

  it('keeps the stated parent body, the principal organ of the series without one, and the body as organ for a series of no principal organ', () => {
    expect(block(compiled(SESSION.replace('CMW/C/40/1', 'A/AC.1/1'))).slice(0, 2)).toEqual([
      'International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families',
      'Committee on Migrant Workers',
    ]);
    expect(block(compiled(SESSION.replace(/parent_body: .*\n/, ''))).slice(0, 2)).toEqual(['Committee on Migrant Workers', undefined]);
    // A subsidiary body of the General Assembly (A/AC. series), with or without a profile.
    expect(block(compiled(SESSION.replace('CMW/C/40/1', 'A/AC.1/1').replace(/parent_body: .*\n/, '').replace('profile: treaty-body\n', ''))).slice(0, 2)).toEqual(['General Assembly', 'Committee on Migrant Workers']);
  });
});

describe('joint symbols in the masthead', () => {
  it.each([
    ['a list', '  symbol: [A/80/1, E/2025/1]\n'],
    ['the printed form', '  symbol: A/80/1 – E/2025/1\n'],
  ])('are written as %s and printed with a spaced en dash', (_, line) => {
    const m = compiled(SESSION.replace('  symbol: CMW/C/40/1\n', line).replace('  date: 2026-01-16\n', '  date: 2026-01-16\n'));
    expect(m.masthead.symbol).toBe('A/80/1 – E/2025/1');
    expect(m.meta.title).toBe('A/80/1 – E/2025/1: Annotated provisional agenda');
    expect(m.sources.document.symbol).toBe('A/80/1');
    expect(m.sources.document.symbols).toEqual(['A/80/1', 'E/2025/1']);
    expect(renderMarkdown(m)).toContain('**A/80/1 – E/2025/1**\\\n');
  });

  it('refuses a symbol joined by a hyphen, at the symbol', () => {
    expect(errors(SESSION.replace('  symbol: CMW/C/40/1\n', '  symbol: A/80/1 - E/2025/1\n')).map((d) => [d.line, d.column])).toEqual([[3, 11]]);
  });
});

describe('the treaty body example', () => {
  it('prints convention, committee, session, place, item line and the asterisk note of its title', () => {
    const { model, diagnostics } = compileExample('treaty-body-session.yaml');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const m = model!;
    expect([m.masthead.organ, m.meeting.body, m.meeting.session, m.meeting.placeAndDates, m.meeting.underItem?.line, text(m.meeting.underItem!.title)]).toEqual([
      'International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families',
      'Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families',
      'Fortieth session',
      'Geneva, 30 March–9 April 2026',
      'Item 2 of the provisional agenda',
      'Adoption of the agenda',
    ]);
    expect(m.titleMark).toBe('*');
    expect(m.starNotes!.map((n) => n.mark)).toEqual(['*']);
    const html = renderHtml(m);
    expect(html).toContain(
      '<p class="meeting"><span><strong>Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families</strong></span><span>Fortieth session</span><span>Geneva, 30 March–9 April 2026</span><span>Item 2 of the provisional agenda</span><span><strong>Adoption of the agenda</strong></span></p>\n<h1>Annotated provisional agenda<a class="star-mark" href="#star-note-1">*</a></h1>',
    );
    expect(html).toContain('<div class="star-notes">\n<p id="star-note-1"><span class="label">* </span>The present document was submitted late owing to the late receipt of information from the secretariat of the Committee.</p>\n</div>');
  });
});
