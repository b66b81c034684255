import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { fitsSchema } from '../../src/rules/parameter-schema.js';
import type { ParameterSchema } from '../../src/rules/types.js';
import { check, found, textAt } from './helpers.js';

/**
 * Where each rule's failing example must be reported: line, column, and the text
 * that starts there (so a wrong column cannot pass by accident).
 */
const FAILING_AT: Record<string, [number, number, string]> = {
  AG001: [4, 9, '2023-08-01'],
  AG002: [25, 17, '2023-09-01'],
  AG003: [4, 9, '2023-07-10'],
  AG004: [13, 3, '- id: organizational'],
  AG005: [21, 16, 'Adoption of the agenda'],
  AG006: [14, 12, 'Adoption of the agenda'],
  AG007: [21, 12, 'Adoption of the report'],
  AG008: [29, 23, 'true'],
  AG009: [23, 17, 'The Working Group will discuss'],
  AG010: [30, 11, '2023-09-13'],
  AG011: [12, 13, '"09:30"'],
  AG012: [20, 9, 'other'],
  AG013: [33, 25, 'other]'],
  AG014: [18, 72, 'six plenary'],
  AG015: [19, 73, 'six official languages'],
  AG016: [28, 17, 'The Working Group may raise'],
  AG017: [26, 17, 'CTOC/COP/WG.3/2023/2'],
  AG018: [3, 11, 'CTOC/COP/WG.3//2023/1'],
  AG019: [3, 11, 'CTOC/COP/WG.4/2023/1'],
  AG020: [4, 17, 'limited'],
  AG021: [5, 15, 'V.24-11234'],
  AG022: [18, 49, '-E/CN.7/2001/12'],
  AG023: [18, 56, 'September 11, 2022'],
  AG024: [18, 51, '-19 October'],
  AG025: [18, 59, 'Thursday, 27 May'],
  AG026: [18, 51, '10:00'],
  AG027: [18, 63, '-6 p.m.'],
  AG028: [18, 51, 'percent'],
  AG029: [18, 51, '5 minutes'],
  AG030: [18, 25, '13th meeting'],
  AG031: [18, 52, 'Article 27'],
  AG032: [18, 48, '(a)'],
  AG033: [19, 25, 'Of The Agenda'],
  AG034: [18, 25, 'UN Secretariat'],
  AG035: [17, 64, 'Organized Crime Convention'],
};

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
    }
  });

  it('has a position expectation for every rule', () => {
    expect(Object.keys(FAILING_AT).sort()).toEqual(RULES.map((r) => r.id).sort());
  });
});

describe.each(RULES.map((r) => [`${r.id} ${r.name}`, r] as const))('%s', (_, rule) => {
  it('reports its failing example at the expected line and column', () => {
    const hits = found(rule.examples.failing, rule.id);
    expect(hits.length).toBeGreaterThan(0);
    const [line, column, text] = FAILING_AT[rule.id]!;
    expect(hits[0]).toMatchObject({ line, column, code: rule.id, rule: rule.name, severity: rule.severity });
    expect(textAt(rule.examples.failing, hits[0]!).startsWith(text)).toBe(true);
    expect(hits[0]!.message.length).toBeGreaterThan(10);
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
