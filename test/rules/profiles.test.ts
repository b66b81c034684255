import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activeRules } from '../../src/rules/engine.js';
import { PROFILES } from '../../src/rules/profiles.js';
import { exampleDefinition } from '../../src/rules/example-definition.js';
import { check, found } from './helpers.js';

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');

describe('profiles', () => {
  it.each([
    ['ctoc-cop-wg3-2023.yaml', 'untoc-working-group'],
    ['ccpcj-2024.yaml', 'ecosoc-functional-commission'],
    ['minimal.yaml', 'generic'],
  ])('%s is clean under its profile (%s)', (name, profile) => {
    const result = check(example(name));
    expect(result.profile).toBe(profile);
    expect(result.diagnostics).toEqual([]);
  });

  it('the reference agenda keeps every procedural rule, not only its own profile', () => {
    // Lead time 89 days, opening and closing items, one review item citing paragraph 12.
    const rules = activeRules('untoc-working-group');
    expect(rules.filter((r) => r.rule.category === 'procedure' && r.severity !== 'off').length).toBeGreaterThan(15);
  });

  it('the generic profile runs the editorial rules only', () => {
    for (const a of activeRules('generic')) expect(a.severity === 'off').toBe(a.rule.category === 'procedure');
  });

  it.each([
    ['untoc-working-group', 60],
    ['untoc-cop-session', 60],
    ['uncac-cosp-session', 60],
    ['ecosoc-functional-commission', 42],
    ['ga-special-session', 14],
  ])('%s requires a lead time of %i days', (profile, days) => {
    const lead = activeRules(profile).find((a) => a.rule.name === 'lead-time')!;
    expect(lead.params.minDays).toBe(days);
    // 50 days before the opening: too late for 60, enough for 42 and 14.
    const yaml = exampleDefinition({ profile, document: 'document:\n  symbol: CTOC/COP/WG.3/2023/1\n  date: 2023-07-23' });
    expect(found(yaml, 'AG001').length).toBe(days > 50 ? 1 : 0);
  });

  it('a special session of the COP needs 30 days, not 60', () => {
    const yaml = exampleDefinition({
      document: 'document:\n  symbol: CTOC/COP/WG.3/2023/1\n  date: 2023-08-01',
      meeting: 'meeting:\n  kind: special-session\n  number: 1\n  venue: Vienna\n  dates: [2023-09-11, 2023-09-12]',
    });
    expect(found(yaml, 'AG001')).toEqual([]);
  });

  it('ECOSOC commissions may take items out of agenda order and list no documents for the general debate', () => {
    const rules = activeRules('ecosoc-functional-commission');
    expect(rules.find((a) => a.rule.name === 'annex-item-order')!.severity).toBe('off');
    expect(rules.find((a) => a.rule.name === 'documentation-section')!.severity).toBe('off');
    expect(found(example('ccpcj-2024.yaml'), 'AG013', { profile: 'untoc-working-group' }).length).toBeGreaterThan(0);
  });

  it('--profile overrides the definition', () => {
    expect(check(example('minimal.yaml'), { profile: 'untoc-working-group' }).diagnostics.map((d) => d.code)).toContain('AG001');
  });

  it('every profile names only existing rules and parameters', () => {
    for (const p of PROFILES) {
      const rules = activeRules(p.name);
      for (const [key, o] of Object.entries(p.rules)) {
        const rule = rules.find((a) => a.rule.id === key || a.rule.name === key);
        expect(rule, `${p.name}: ${key}`).toBeDefined();
        for (const param of Object.keys(o.params ?? {})) expect(Object.keys(rule!.rule.parameters)).toContain(param);
      }
    }
  });
});
