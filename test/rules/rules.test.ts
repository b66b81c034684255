import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { fitsSchema } from '../../src/rules/parameter-schema.js';
import type { ParameterSchema } from '../../src/rules/types.js';
import { check, found, textAt } from './helpers.js';
import { CASES } from './rule-cases.js';

describe('rule catalogue', () => {
  it('has unique ids AG001… and unique kebab-case names, one-line descriptions and sources', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^AG\d{3}$/);
      expect(r.name).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(r.description).not.toContain('\n');
      expect(r.source.length).toBeGreaterThan(5);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      for (const name of Object.keys(r.parameters)) expect((r.parameterDocs as Record<string, string> | undefined)?.[name], `${r.id} documents ${name}`).toBeTruthy();
    }
  });

  it('declares a schema for every parameter, which its default fits, and a message for every id, with no stray placeholder', () => {
    for (const r of RULES) {
      const schemas = (r.parameterSchemas ?? {}) as Record<string, ParameterSchema | undefined>;
      expect(Object.keys(schemas).sort(), r.id).toEqual(Object.keys(r.parameters).sort());
      for (const [name, value] of Object.entries(r.parameters)) expect(fitsSchema(schemas[name]!, value), `${r.id} ${name}`).toBe(true);
      const messages = Object.entries(r.messages as Record<string, string>);
      expect(messages.length, r.id).toBeGreaterThan(0);
      for (const [id, text] of messages) {
        expect(id, r.id).toMatch(/^[a-z][A-Za-z]*$/);
        expect(text, `${r.id} ${id}`).not.toMatch(/\$\{|\{\{/); // a template literal or ESLint's {{x}} left in by mistake
      }
      const hints = Object.entries(r.hints as Record<string, string>);
      expect(hints.length, r.id).toBeGreaterThan(0);
      for (const [id, text] of hints) {
        expect(id, r.id).toMatch(/^[a-z][A-Za-z]*$/);
        expect(text, `${r.id} hint ${id}`).not.toMatch(/\$\{|\{\{/);
      }
    }
  });

  it('leaves every wording of a hint to the rule\'s hints: no rule module gives a report a hint text in code', () => {
    const folder = new URL('../../src/rules/', import.meta.url);
    const modules = readdirSync(folder)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => [f, readFileSync(new URL(f, folder), 'utf8')] as const)
      .filter(([, code]) => code.includes('defineRule({'));
    expect(modules.length).toBe(RULES.length);
    // `hint:` with a string, a template or any other value, or a `hint` shorthand property: a report has `hintId` only.
    const offending = modules.filter(([, code]) => /\bhint\s*:|[{,]\s*hint\s*[,}]/.test(code)).map(([f]) => f);
    expect(offending).toEqual([]);
  });
});

describe.each(RULES.map((r) => [`${r.id} ${r.name}`, r] as const))('%s', (_, rule) => {
  // Where exactly each case is reported is in rule-cases.ts; here the whole check (profile, every rule) must agree.
  it('reports its failing example through agenda check where its rule test says, with its name, severity and a hint', () => {
    const hits = found(rule.examples.failing, rule.id);
    const first = CASES[rule.id]!.invalid.find((c) => c.code === rule.examples.failing)!.errors[0]!;
    expect(hits[0]).toMatchObject({ line: first.line, column: first.column, code: rule.id, rule: rule.name, severity: rule.severity });
    expect(textAt(rule.examples.failing, hits[0]!).startsWith(first.at!)).toBe(true);
    expect(hits[0]!.hint).toBeTruthy();
  });

  it('keeps its passing example clean', () => {
    expect(found(rule.examples.passing, rule.id)).toEqual([]);
  });

  it('examples compile (schema and references)', () => {
    for (const yaml of [rule.examples.failing, rule.examples.passing]) {
      const { compiled } = check(yaml);
      expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });
});
