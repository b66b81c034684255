/**
 * The limit on what one definition holds (src/validate/size.ts): items at every level,
 * documents listed, entries of the organization of work and footnotes count together.
 */
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/pipeline.js';
import { MAX_ENTRIES } from '../../src/validate/size.js';

/** `items` items, each with one sub-item and one document, `meetings` entries in one meeting, `footnotes` footnotes (not called: the limit comes first). */
function definition({ items, meetings, footnotes }: { items: number; meetings: number; footnotes: number }): string {
  const lines = ['document:', '  symbol: A/AC.999/2025/1', '  date: 2025-01-10', 'body: Ad Hoc Committee on Example Matters', 'meeting:', '  venue: New York', '  dates: 2025-03-03', 'items:'];
  for (let i = 0; i < items; i++) {
    lines.push(`  - id: item-${i}`, `    title: Matter ${i}`, '    documentation:', `      - { title: Note on matter ${i}, symbol: A/AC.999/2025/${i + 2} }`, '    items:', `      - { id: part-${i}, title: Part of matter ${i} }`);
  }
  lines.push('organization_of_work:', '  - date: 2025-03-03', '    slots:', '      - time: 10:00-13:00', '        items:');
  for (let k = 0; k < meetings; k++) lines.push(`          - item-${k % items}`);
  if (footnotes) {
    lines.push('footnotes:');
    for (let k = 0; k < footnotes; k++) lines.push(`  n${k}: Note ${k}.`);
  }
  return `${lines.join('\n')}\n`;
}

const tooLarge = (source: string) => compileSource('m.yaml', source).diagnostics.filter((d) => d.code === 'too-large');

describe('the size of a definition', () => {
  it(`holds up to ${MAX_ENTRIES.toLocaleString('en')} entries of every kind together`, () => {
    // 2,000 items and their 2,000 sub-items and 2,000 documents, 3,000 entries of meetings, 1,000 footnotes.
    expect(tooLarge(definition({ items: 2000, meetings: 3000, footnotes: 1000 }))).toEqual([]);
  });

  it('refuses one entry more, once, at the largest part', () => {
    const found = tooLarge(definition({ items: 2000, meetings: 3001, footnotes: 1000 }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', line: 8, column: 1 });
    expect(found[0]!.message).toBe('the definition holds 10,001 entries (4,000 items and sub-items, 2,000 documents listed, 3,001 entries of the organization of work, 1,000 footnotes), more than the 10,000 one document can hold');
    // Nothing is normalized past it: no model, no other diagnostics about the texts.
    const compiled = compileSource('m.yaml', definition({ items: 2000, meetings: 3001, footnotes: 1000 }));
    expect(compiled.model).toBeUndefined();
  });

  it('points at the organization of work when it is the largest part', () => {
    const found = tooLarge(definition({ items: 10, meetings: 9991, footnotes: 0 }));
    expect(found[0]!.line).toBe(8 + 10 * 6 + 1);
  });
});
