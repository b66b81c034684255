import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { CASES } from './rule-cases.js';
import { hintIdsGiven, ruleTester } from './rule-tester.js';

for (const rule of RULES) ruleTester(rule, CASES[rule.id] ?? { valid: [], invalid: [] });

describe('the rule cases', () => {
  it('cover every rule, every message, every hint and, for a fixable rule, a fix', () => {
    const unhinted: string[] = []; // listed all at once: a rule's hints are given by running its cases
    for (const rule of RULES) {
      const cases = CASES[rule.id];
      expect(cases, rule.id).toBeDefined();
      expect(cases!.valid.length, rule.id).toBeGreaterThan(0);
      const reached = new Set(cases!.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
      expect([...Object.keys(rule.messages)].filter((id) => !reached.has(id)), `${rule.id}: messages no case reaches`).toEqual([]);
      const hinted = hintIdsGiven(rule, cases!.invalid);
      unhinted.push(...Object.keys(rule.hints).filter((id) => !hinted.has(id)).map((id) => `${rule.id} ${id}`));
      // A case that names a hint id names one the rule declares (the tester then checks it is the one given).
      for (const c of cases!.invalid) for (const e of c.errors) if (e.hintId !== undefined) expect(Object.keys(rule.hints), `${rule.id} ${c.name ?? ''}`).toContain(e.hintId);
      if (rule.fixable) expect(cases!.invalid.some((c) => c.output !== undefined && c.output !== c.code), `${rule.id} fixes something`).toBe(true);
    }
    expect(unhinted, 'hints no case gives').toEqual([]);
  });
});
