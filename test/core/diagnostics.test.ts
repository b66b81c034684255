import { describe, expect, it } from 'vitest';
import { compileYaml, MINIMAL } from '../helpers/compile.js';

/** The single diagnostic with this code, with its place. */
function only(yaml: string, code: string) {
  const { diagnostics, model } = compileYaml(yaml);
  expect(model, 'a definition with errors must not produce a model').toBeUndefined();
  const found = diagnostics.filter((d) => d.code === code);
  expect(found, JSON.stringify(diagnostics, null, 1)).toHaveLength(1);
  return found[0]!;
}

const withItems = (items: string, rest = '') => MINIMAL.replace(/items:\n[\s\S]*$/, `items:\n${items}${rest}`);

describe('located diagnostics', () => {
  it('reports a YAML syntax error at its place', () => {
    const d = only('document:\n  symbol: A/1\n date: 2023-01-01\nbody: x\n', 'yaml-syntax');
    expect(d).toMatchObject({ file: 'meeting.yaml', line: 3, severity: 'error' });
    expect(d.message).toMatch(/^YAML syntax/);
  });

  it('reports a duplicate key at the second occurrence', () => {
    const d = only(MINIMAL.replace('body: Ad Hoc', 'body: One\nbody: Ad Hoc'), 'duplicate-key');
    expect(d).toMatchObject({ line: 5, column: 1 });
  });

  it('names the item that lacks a title, at the item', () => {
    const d = only(withItems('  - id: adoption\n    title: Adoption\n  - id: art27\n    short_title: x\n'), 'schema');
    expect(d.message).toBe("agenda item 'art27' has no title");
    expect(d).toMatchObject({ line: 11, column: 5 });
  });

  it('points at a misspelled key and suggests the right one', () => {
    const d = only(withItems('  - id: adoption\n    title: Adoption\n    titel: Adoption of the agenda\n'), 'schema');
    expect(d.message).toBe("agenda item 'adoption' has an unknown field 'titel' (did you mean 'title'?)");
    expect(d).toMatchObject({ line: 11, column: 5 });
  });

  it('reports a value of the wrong type at the value', () => {
    const d = only(MINIMAL.replace('  dates: 2025-03-03', '  dates: 2025-03-03\n  number: fourteen'), 'schema');
    expect(d.message).toBe("'meeting.number' should be a whole number");
    expect(d).toMatchObject({ line: 8, column: 11 });
  });

  it('says what form a value must take, with the examples of its field, when it does not match', () => {
    const d = only(MINIMAL.replace('  date: 2025-01-10', '  date: 2025-01-10\n  job_number: X2512345'), 'schema');
    expect(d.message).toBe("'document.job_number' is not in the expected form: 'X2512345'");
    expect(d.hint).toMatch(/; for example 'V\.23-11234 \(E\)' or 'GE\.24-17654' or 'K2512345'$/);
  });

  it('refuses a date that does not exist', () => {
    const d = only(MINIMAL.replace('date: 2025-01-10', 'date: 2025-02-30'), 'schema');
    expect(d.message).toContain("is not a valid date: '2025-02-30'");
    expect(d).toMatchObject({ line: 3, column: 9 });
  });

  it.each([
    ['2023-13-01', 10, /'meeting\.dates' is not a valid date: '2023-13-01'/, /YYYY-MM-DD, for example 2023-09-11/],
    ['"11 September 2023"', 10, /is not a valid date: '11 September 2023'/, /YYYY-MM-DD/],
    ['[2023-09-11, 2023-02-30]', 23, /'meeting\.dates\.1' is not a valid date: '2023-02-30'/, /YYYY-MM-DD/],
    ['[2023-09-11]', 10, /has too few entries \(at least 2\)/, /first and last days; for example 2023-09-11 or \[2023-09-11, 2023-09-12\]/],
    ['7', 10, /should be a date \(YYYY-MM-DD\) or a list of 2 dates/, /for example 2023-09-11 or \[2023-09-11, 2023-09-12\]/],
  ])('says what form meeting.dates takes, with an example, when it is %s', (value, column, message, hint) => {
    const d = only(MINIMAL.replace('dates: 2025-03-03', `dates: ${value}`), 'schema');
    expect(d).toMatchObject({ line: 7, column });
    expect(d.message).toMatch(message);
    expect(d.hint).toMatch(hint);
  });

  it('reports an unknown item in the organization of work at the entry', () => {
    const d = only(`${MINIMAL}organization_of_work:\n  - date: 2025-03-03\n    slots:\n      - time: 10:00-13:00\n        items: [adoption, nope]\n`, 'unknown-item');
    expect(d.message).toContain("'nope'");
    expect(d).toMatchObject({ line: 15, column: 27 });
  });

  it('points inside annotation text at an unknown placeholder', () => {
    const d = only(withItems('  - id: adoption\n    title: Adoption of the agenda\n    annotation: |\n      First paragraph.\n\n      It opens on {openning-date}.\n'), 'unknown-placeholder');
    expect(d.message).toBe("'{openning-date}' is not a known placeholder");
    expect(d).toMatchObject({ line: 14, column: 19 });
  });

  it('points inside text at a reference to an item that does not exist', () => {
    const d = only(withItems('  - id: adoption\n    title: Adoption of the agenda\n    annotation: Under {agenda-item:adoptoin}, the body adopts.\n'), 'unknown-placeholder');
    expect(d.message).toContain("does not exist: 'adoptoin'");
    expect(d).toMatchObject({ line: 11, column: 23 });
  });

  it('reports a footnote that is called but not defined, at the call', () => {
    const d = only(withItems('  - id: adoption\n    title: Adoption of the agenda\n    annotation: |\n      Text with a note.[^missing]\n'), 'unknown-footnote');
    expect(d).toMatchObject({ line: 12, column: 24 });
  });

  it('reports a footnote that is defined but never used, at its key', () => {
    const d = only(`${MINIMAL}footnotes:\n  spare: Never used.\n`, 'unused-footnote');
    expect(d).toMatchObject({ line: 12, column: 10 });
  });

  it('refuses two items with one id', () => {
    const d = only(withItems('  - id: adoption\n    title: A\n  - id: adoption\n    title: B\n'), 'duplicate-id');
    expect(d).toMatchObject({ line: 11, column: 9 });
  });

  it('refuses a meeting that ends before it starts', () => {
    const d = only(`${MINIMAL}organization_of_work:\n  - date: 2025-03-03\n    slots:\n      - time: 15:00-10:00\n        items: [adoption]\n`, 'bad-time');
    expect(d).toMatchObject({ line: 14, column: 15 });
  });

  it('refuses a link to an unsafe address', () => {
    const d = only(withItems('  - id: adoption\n    title: Adoption of the agenda\n    annotation: See [this](javascript:alert(1)).\n'), 'unsafe-link');
    expect(d).toMatchObject({ line: 11, column: 21 });
  });

  it('says what to do: every diagnostic has a hint or a self-explaining message', () => {
    const { diagnostics } = compileYaml(withItems('  - id: Bad Id\n    title: x\n'));
    expect(diagnostics[0]).toMatchObject({ code: 'schema', line: 9, column: 9 });
    expect(diagnostics[0]!.hint).toMatch(/lower-case/);
  });

  it('maps positions through folded block scalars', () => {
    const d = only(withItems('  - id: adoption\n    title: Adoption of the agenda\n    annotation: >\n      A folded paragraph that goes on\n      and on until {nope} stands.\n'), 'unknown-placeholder');
    expect(d).toMatchObject({ line: 13, column: 20 });
  });
});
