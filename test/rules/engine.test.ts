import { describe, expect, it } from 'vitest';
import { activeRules, hintIds, messageIds, runRules } from '../../src/rules/engine.js';
import { exampleDefinition } from '../../src/rules/example-definition.js';
import { defineRule } from '../../src/rules/types.js';
import { checkSource } from '../../src/commands/check.js';
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
      messages: {},
      hints: {},
      examples: { failing: '', passing: '' },
      check() {
        throw new Error('boom');
      },
    });
    const rules = [{ rule: broken, severity: 'warning' as const, params: {} }, ...activeRules('untoc-working-group')];
    const found = runRules({ file: 'meeting.yaml', source, model: compiled.model!, locator: compiled.loaded.locator, profile: 'untoc-working-group' }, rules);
    expect(found[0]).toMatchObject({ code: 'internal-rule', severity: 'error', line: 1, column: 1 });
    expect(found[0]!.message).toContain('AG900 (broken) failed: boom');
    expect(found.map((d) => d.code)).toContain('AG001');
  });

  it('keeps a fix only inside the range of its diagnostic', () => {
    const yaml = exampleDefinition({ items: 'items:\n  - id: adoption\n    title: Adoption of the agenda\n    annotation: Some 70 percent.' });
    const { compiled, source } = check(yaml);
    const path = ['items', 0, 'annotation'];
    const offering = defineRule({
      id: 'AG901',
      name: 'offering',
      description: 'Offers fixes inside and outside what it reports.',
      source: 'test',
      category: 'editorial',
      severity: 'warning',
      parameters: {},
      messages: { offer: '{where}' },
      hints: {},
      examples: { failing: '', passing: '' },
      check({ report }) {
        report({ path, offset: 8, length: 7, messageId: 'offer', data: { where: 'inside' }, fix: { offset: 8, length: 7, replacement: 'per cent' } });
        report({ path, offset: 8, length: 7, messageId: 'offer', data: { where: 'insertion at the start' }, fix: { offset: 8, length: 0, replacement: ' ' } });
        report({ path, offset: 8, length: 3, messageId: 'offer', data: { where: 'beyond the end' }, fix: { offset: 8, length: 7, replacement: 'per cent' } });
        report({ path, offset: 8, length: 7, messageId: 'offer', data: { where: 'before the start' }, fix: { offset: 4, length: 5, replacement: '' } });
      },
    });
    const found = runRules({ file: 'meeting.yaml', source, model: compiled.model!, locator: compiled.loaded.locator, profile: 'generic' }, [{ rule: offering, severity: 'warning', params: {} }]);
    expect(found.map((d) => [d.message, d.fix !== undefined])).toEqual([
      ['inside', true],
      ['insertion at the start', true],
      ['beyond the end', false],
      ['before the start', false],
    ]);
    expect(source.slice(found[0]!.fix!.start, found[0]!.fix!.end)).toBe('percent');
  });

  it('fills a message from its id and data, and reports an unknown id as a failure of the rule', () => {
    const { compiled, source } = check(exampleDefinition());
    const speaking = defineRule({
      id: 'AG902',
      name: 'speaking',
      description: 'Reports by message id.',
      source: 'test',
      category: 'editorial',
      severity: 'warning',
      parameters: {},
      messages: { said: "item {number} says '{text}' ({missing} stays)" },
      hints: { unsay: "take '{text}' out of item {number} ({missing} stays)" },
      examples: { failing: '', passing: '' },
      check({ report }) {
        report({ path: ['items', 0, 'title'], messageId: 'said', data: { number: '2 (ab)', text: '{number}' }, hintId: 'unsay' });
        report({ path: ['items', 0, 'title'], messageId: 'said', data: { number: '3', text: 'x' } });
        report({ path: ['items'], messageId: 'unsaid' as 'said' });
      },
    });
    const found = runRules({ file: 'meeting.yaml', source, model: compiled.model!, locator: compiled.loaded.locator, profile: 'generic' }, [{ rule: speaking, severity: 'warning', params: {} }]);
    expect(found[0]!.message).toBe("item 2 (ab) says '{number}' ({missing} stays)");
    expect(found[0]!.hint).toBe("take '{number}' out of item 2 (ab) ({missing} stays)");
    expect(messageIds.get(found[0]!)).toBe('said');
    expect(hintIds.get(found[0]!)).toBe('unsay');
    expect(found[1]!.hint).toBeUndefined(); // a report without a hint id prints no hint
    expect(hintIds.has(found[1]!)).toBe(false);
    expect(found[2]).toMatchObject({ code: 'internal-rule', message: "rule AG902 (speaking) failed: no message 'unsaid'" });
  });

  it('reports an unknown hint id as a failure of the rule, as it does an unknown message id', () => {
    const { compiled, source } = check(exampleDefinition());
    const hinting = defineRule({
      id: 'AG903',
      name: 'hinting',
      description: 'Reports a hint id it does not declare.',
      source: 'test',
      category: 'editorial',
      severity: 'warning',
      parameters: {},
      messages: { said: 'said' },
      hints: { known: 'known' },
      examples: { failing: '', passing: '' },
      check({ report }) {
        report({ path: ['items'], messageId: 'said', hintId: 'toString' as 'known' }); // not an own key: not a hint either
      },
    });
    const found = runRules({ file: 'meeting.yaml', source, model: compiled.model!, locator: compiled.loaded.locator, profile: 'generic' }, [{ rule: hinting, severity: 'warning', params: {} }]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'internal-rule', severity: 'error', message: "rule AG903 (hinting) failed: no hint 'toString'" });
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

  it('one fact, one diagnostic: an agenda dated too late raises only the most severe of AG001, AG002 and AG003', () => {
    const late = exampleDefinition({ document: 'document:\n  symbol: CTOC/COP/WG.3/2023/1\n  date: 2023-08-15' });
    expect(check(late).diagnostics.filter((d) => /^AG00[123]$/.test(d.code)).map((d) => `${d.code} ${d.severity}`)).toEqual(['AG001 error']);
    // 50 days ahead: enough for the rules of procedure (42), too late for the ten-week submission (70): AG003 alone.
    const ecosoc = exampleDefinition({ profile: 'ecosoc-functional-commission', document: 'document:\n  symbol: CTOC/COP/WG.3/2023/1\n  date: 2023-07-23' });
    expect(check(ecosoc).diagnostics.filter((d) => /^AG00[123]$/.test(d.code)).map((d) => `${d.code} ${d.severity}`)).toEqual(['AG003 info']);
    // With AG001 switched off, the next most severe report of the fact stays.
    const config = { diagnostics: [], config: { file: 'agenda.config.yaml', rules: { AG001: { severity: 'off' as const } } } };
    expect(checkSource('meeting.yaml', late, {}, config).diagnostics.filter((d) => /^AG00[123]$/.test(d.code)).map((d) => `${d.code} ${d.severity}`)).toEqual(['AG002 warning']);
  });
});
