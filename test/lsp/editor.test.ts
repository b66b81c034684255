// What the core tells an editor from the YAML as typed: the item id at the cursor, the outline,
// whether a file is a definition, and a rule's documentation.
import { describe, expect, it } from 'vitest';
import { definitionOutline, editorFileKind, itemIdAt, ruleDocumentation } from '../../src/core/index.js';

const TEXT = `items:
  - id: opening
    title: Opening
    annotation: See {agenda-item:rep} and {item:opening}, not \\{agenda-item:opening}.
  - id: report
    title: Report
    items:
      - id: sub
        title: Sub
organization_of_work:
  - date: 2025-01-01
    slots:
      - time: 10:00-13:00
        items: [opening, ]
      - time: 15:00-18:00
        items:
          - rep
          - title: Closing statements
document:
  under_item: rep
`;

/** itemIdAt with the cursor `n` characters into the first `needle` (its end when n is not given). */
const at = (needle: string, n = needle.length, text = TEXT) => {
  const i = text.indexOf(needle);
  expect(i, needle).toBeGreaterThanOrEqual(0);
  return itemIdAt('m.yaml', text, i + n);
};

describe('itemIdAt', () => {
  it('finds the id of an item reference, whole, with what stands before the cursor', () => {
    expect(at('{agenda-item:rep')).toEqual({ id: 'rep', prefix: 'rep', range: { start: TEXT.indexOf('rep}'), end: TEXT.indexOf('rep}') + 3 }, where: 'reference' });
    expect(at('{item:opening', 8)).toMatchObject({ id: 'opening', prefix: 'op', where: 'reference' });
    // Right after the colon: an empty prefix, to complete.
    expect(at('{item:')).toMatchObject({ prefix: '', where: 'reference' });
    // An escaped brace is no reference.
    expect(at('\\{agenda-item:opening', 16)).toBeUndefined();
  });

  it('finds ids in the organization of work and in document.under_item, typed or still to type', () => {
    expect(at('[open')).toMatchObject({ id: 'opening', prefix: 'open', where: 'field' });
    expect(at('[opening, ')).toMatchObject({ id: '', prefix: '' });
    expect(at('          - rep', 14)).toMatchObject({ id: 'rep', prefix: 're' });
    expect(at('under_item: re')).toMatchObject({ id: 'rep', prefix: 're' });
    const typing = TEXT.replace('          - rep\n', '          - rep\n          - \n');
    expect(at('          - \n', 12, typing)).toMatchObject({ id: '', where: 'field' });
  });

  it('finds nothing in titles, keys and other fields', () => {
    expect(at('title: Open', 9)).toBeUndefined();
    expect(at('items:\n          - rep', 3)).toBeUndefined();
    expect(at('time: 10', 7)).toBeUndefined();
    expect(at('title: Closing', 10)).toBeUndefined();
  });
});

describe('definitionOutline', () => {
  it('reads items with their sub-items and the days with their slots, each with its range', () => {
    const outline = definitionOutline('m.yaml', TEXT);
    expect(outline.items.map((i) => [i.id, i.title, i.items.map((s) => s.id)])).toEqual([
      ['opening', 'Opening', []],
      ['report', 'Report', ['sub']],
    ]);
    const sub = outline.byId.get('sub')!;
    expect(sub.path).toEqual(['items', 1, 'items', 0]);
    expect(TEXT.slice(sub.idRange.start, sub.idRange.end)).toBe('sub');
    expect(outline.days.map((d) => [d.date, d.slots.map((s) => [s.time, s.entries.map((e) => e.id ?? e.title)])])).toEqual([
      ['2025-01-01', [['10:00-13:00', ['opening']], ['15:00-18:00', ['rep', 'Closing statements']]]],
    ]);
  });

  it('reads what it can of a definition that does not compile', () => {
    const broken = `${TEXT.replace('  - id: report\n', '  - id: report\n    title: [unclosed\n')}`;
    expect(definitionOutline('m.yaml', broken).items.map((i) => i.id)).toContain('opening');
    expect(definitionOutline('m.yaml', 'items: 3\n')).toEqual({ items: [], days: [], byId: new Map() });
    expect(definitionOutline('m.yaml', '').items).toEqual([]);
  });
});

describe('editorFileKind', () => {
  const none = () => false;
  it('knows definitions by their schema line or their top-level keys', () => {
    expect(editorFileKind('/m/a.yaml', '# yaml-language-server: $schema=../schemas/meeting.schema.json\nfoo: 1\n', none)).toBe('definition');
    expect(editorFileKind('/m/a.yaml', 'body: X\nitems:\n  - id: a\n', none)).toBe('definition');
    expect(editorFileKind('/m/a.yaml', 'on: push\njobs: {}\n', none)).toBeUndefined();
    expect(editorFileKind('/m/agenda.config.yaml', 'document: x\nrules: {}\n', none)).toBeUndefined();
  });

  it('knows a translation beside its original', () => {
    const text = 'language: fr\ntexts:\n  body: Groupe\n';
    expect(editorFileKind('/m/a.fr.yaml', text, (p) => p === '/m/a.yaml')).toBe('translation');
    expect(editorFileKind('/m/a.fr.yaml', text, none)).toBeUndefined();
  });
});

describe('ruleDocumentation', () => {
  it('finds a rule by id in any case or by name', () => {
    const rule = ruleDocumentation('ag028');
    expect(rule).toMatchObject({ id: 'AG028', name: 'per-cent', category: 'editorial', fixable: true });
    expect(rule!.source.length).toBeGreaterThan(0);
    expect(ruleDocumentation('per-cent')?.id).toBe('AG028');
    expect(ruleDocumentation('AG999')).toBeUndefined();
  });
});
