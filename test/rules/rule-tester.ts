/**
 * Rule tests in the manner of ESLint's RuleTester: each case keeps its YAML and what the
 * rule must say about it together. A valid case must compile and draw nothing from the
 * rule; an invalid case lists every diagnostic the rule gives, in source order, by message
 * id, line and column (and the text found there, so that a wrong column cannot pass; and,
 * when the case names it, the hint id), and,
 * for a fixable rule, the text `agenda check --fix` makes of it with only this rule on.
 * Everything runs in-process: compile, run the one rule, fix.
 */
import { describe, expect, it } from 'vitest';
import { fixSource } from '../../src/commands/fix.js';
import type { LoadedConfig } from '../../src/config/config.js';
import { compileSource } from '../../src/pipeline.js';
import { hintIds, messageIds, runRules } from '../../src/rules/engine.js';
import { RULES } from '../../src/rules/index.js';
import { formatMessage, type MessageData, type Parameters, type Rule } from '../../src/rules/types.js';

/** The profile cases run under: every procedural rule is on in it. */
const PROFILE = 'untoc-working-group';

export interface ValidCase {
  /** A complete meeting definition. */
  code: string;
  /** Parameters that differ from the rule's defaults. */
  params?: Parameters;
  name?: string;
}

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  /** The source text that starts at line and column. */
  at?: string;
  /** The message's data: the diagnostic's message must be the message filled with it. */
  data?: MessageData;
  /** Which of the rule's hints the diagnostic gives (not checked when left out). */
  hintId?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** For a fixable rule: the text after --fix (the code itself when nothing is fixed). */
  output?: string;
}

type AnyRule = Rule<Parameters, string>;

function diagnosticsOf(rule: AnyRule, c: ValidCase) {
  const compiled = compileSource('meeting.yaml', c.code);
  expect(compiled.diagnostics.filter((d) => d.severity === 'error'), 'the case compiles').toEqual([]);
  const params = { ...rule.parameters, ...c.params };
  const found = runRules({ file: 'meeting.yaml', source: c.code, model: compiled.model!, locator: compiled.loaded.locator, profile: PROFILE }, [{ rule: rule as Rule<Parameters>, severity: rule.severity, params }]);
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The text of --fix with this rule alone on, with the case's parameters. */
function fixedBy(rule: AnyRule, c: ValidCase): string {
  const rules = Object.fromEntries(RULES.map((r) => [r.id, r.id === rule.id ? { severity: rule.severity, params: c.params } : { severity: 'off' as const }]));
  const config: LoadedConfig = { config: { file: 'agenda.config.yaml', rules }, diagnostics: [] };
  return fixSource('meeting.yaml', c.code, { profile: PROFILE }, config).text;
}

/** The hint ids the rule gives on the invalid cases, whether or not the cases name them. */
export const hintIdsGiven = (rule: AnyRule, cases: readonly InvalidCase[]): Set<string> =>
  new Set(cases.flatMap((c) => diagnosticsOf(rule, c).flatMap((d) => hintIds.get(d) ?? [])));

export function ruleTester(rule: AnyRule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  describe(`${rule.id} ${rule.name}`, () => {
    cases.valid.forEach((v, i) => {
      const c = typeof v === 'string' ? { code: v } : v;
      it(`valid ${c.name ?? i + 1}`, () => {
        expect(diagnosticsOf(rule, c).map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid ${c.name ?? i + 1}`, () => {
        const found = diagnosticsOf(rule, c);
        const lines = c.code.split('\n');
        expect(
          found.map((d, k) => {
            const want = c.errors[k];
            return {
              messageId: messageIds.get(d),
              line: d.line,
              column: d.column,
              ...(want?.at === undefined ? {} : { at: lines[d.line - 1]!.slice(d.column - 1, d.column - 1 + want.at.length) }),
              ...(want?.data === undefined ? {} : { data: d.message === formatMessage(rule.messages[want.messageId] ?? '', want.data) ? want.data : d.message }),
              ...(want?.hintId === undefined ? {} : { hintId: hintIds.get(d) }),
            };
          }),
        ).toEqual(c.errors);
        if (rule.fixable) expect(fixedBy(rule, c)).toBe(c.output ?? c.code);
        else expect(c.output, 'only a fixable rule has an output').toBeUndefined();
      });
    });
  });
}
