/**
 * Rules cite items by the number the document prints, taken from the model: the 28th
 * sub-item is "2 (ab)" in every message, as in the agenda itself (the rules once computed
 * letters of their own and called it "2 (bb)" or "2 (|)").
 */
import { describe, expect, it } from 'vitest';
import { exampleDefinition, standardItems } from '../../src/rules/example-definition.js';
import { check } from './helpers.js';

/** Item 2 with 28 sub-items; none has documentation, and only the first 27 are scheduled. */
const subs = Array.from({ length: 28 }, (_, j) => `      - id: s${j + 1}\n        title: Topic ${j + 1}\n        annotation: A note on topic ${j + 1}.`).join('\n');
const yaml = exampleDefinition({
  items: standardItems({ added: `  - id: many\n    title: Many topics\n    items:\n${subs}` }),
  organization: `organization_of_work:
  - date: 2023-09-11
    slots:
      - time: 10:00-13:00
        items: [opening, adoption, ${Array.from({ length: 27 }, (_, j) => `s${j + 1}`).join(', ')}]
  - date: 2023-09-12
    slots:
      - time: 10:00-13:00
        items: [other, report]`,
});

describe('item numbers in rule messages', () => {
  it('are the numbers the document prints: the 28th sub-item is "2 (ab)"', () => {
    const { diagnostics, compiled } = check(yaml);
    const printed = compiled.model!.annotations!.sections.find((s) => s.id === 'many')!.children[27]!.number;
    expect(printed).toBe('2 (ab)');
    const about28th = diagnostics.filter((d) => / 2 \(/.test(d.message) && /s28|\(ab\)|\(bb\)|\(\|\)/.test(d.message));
    expect(about28th.map((d) => d.code)).toEqual(expect.arrayContaining(['AG012', 'AG016']));
    for (const d of about28th) expect(d.message, d.code).toContain('2 (ab)');
  });
});
