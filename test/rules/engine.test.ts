import { describe, expect, it } from 'vitest';
import { activeRules, runRules } from '../../src/rules/engine.js';
import { exampleDefinition } from '../../src/rules/example-definition.js';
import { defineRule } from '../../src/rules/types.js';
import { check } from './helpers.js';

describe('the rule engine', () => {
  it('turns a rule that throws into an internal-rule diagnostic and runs the others', () => {
    const { compiled, source } = check(exampleDefinition({ document: 'document:\n  symbol: CTOC/COP/WG.3/2023/1\n  date: 2023-08-01' }));
    const broken = defineRule({
      id: 'AG900',
      name: 'broken',
      description: 'Always fails.',
      source: 'test',
      category: 'editorial',
      severity: 'warning',
      parameters: {},
      examples: { failing: '', passing: '' },
      check() {
        throw new Error('boom');
      },
    });
    const rules = [{ rule: broken, severity: 'warning' as const, params: {} }, ...activeRules('untoc-working-group')];
    const found = runRules({ file: 'meeting.yaml', source, definition: compiled.definition!, model: compiled.model!, locator: compiled.loaded.locator, profile: 'untoc-working-group' }, rules);
    expect(found[0]).toMatchObject({ code: 'internal-rule', severity: 'error', line: 1, column: 1 });
    expect(found[0]!.message).toContain('AG900 (broken) failed: boom');
    expect(found.map((d) => d.code)).toContain('AG001');
  });

  it('does not run rules on a definition that does not compile', () => {
    const result = check('document: {symbol: X}\n');
    expect(result.diagnostics.every((d) => !d.code.startsWith('AG'))).toBe(true);
    expect(result.diagnostics.length).toBeGreaterThan(0);
  });

  it('gives text diagnostics an end position', () => {
    const [d] = check(exampleDefinition({ items: 'items:\n  - id: adoption\n    title: Adoption of the agenda\n    annotation: Some 70 percent.' }), { profile: 'generic' }).diagnostics.filter((x) => x.code === 'AG028');
    expect(d).toMatchObject({ line: 15, column: 25, endLine: 15, endColumn: 32 });
  });
});
