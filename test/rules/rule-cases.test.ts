import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { CASES } from './rule-cases.js';
import { ruleTester } from './rule-tester.js';

for (const rule of RULES) ruleTester(rule, CASES[rule.id] ?? { valid: [], invalid: [] });

describe('the rule cases', () => {
  it('cover every rule, every message and, for a fixable rule, a fix', () => {
    for (const rule of RULES) {
      const cases = CASES[rule.id];
      expect(cases, rule.id).toBeDefined();
      expect(cases!.valid.length, rule.id).toBeGreaterThan(0);
      const reached = new Set(cases!.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
      expect([...Object.keys(rule.messages)].filter((id) => !reached.has(id)), `${rule.id}: messages no case reaches`).toEqual([]);
      if (rule.fixable) expect(cases!.invalid.some((c) => c.output !== undefined && c.output !== c.code), `${rule.id} fixes something`).toBe(true);
    }
  });
});
