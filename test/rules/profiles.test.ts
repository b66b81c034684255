import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activeRules } from '../../src/rules/engine.js';
import { PROFILES } from '../../src/rules/profiles.js';
import { exampleDefinition } from '../../src/rules/example-definition.js';
import { checkSource, type CheckOptions } from '../../src/commands/check.js';
import { fitsSchema, parameterSchema } from '../../src/rules/parameter-schema.js';
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

  it('every profile cites its sources, and the schema accepts every profile that agenda rules lists', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/meeting.schema.json', import.meta.url), 'utf8'));
    expect(schema.properties.profile.enum).toEqual(PROFILES.map((p) => p.name));
    for (const p of PROFILES) expect(p.sources, p.name).toMatch(/\w/);
  });

  it('procedural parameters of every profile name roles, not titles', () => {
    for (const p of PROFILES) {
      for (const [key, o] of Object.entries(p.rules)) {
        const rule = activeRules(p.name).find((a) => a.rule.id === key || a.rule.name === key)!;
        for (const [name, value] of Object.entries(o.params ?? {})) expect(fitsSchema(parameterSchema(rule.rule, name), value), `${p.name}: ${key}.${name}`).toBe(true);
      }
    }
  });

  it('a mistyped profile gets "did you mean", at its line and column', () => {
    const [d] = check(exampleDefinition({ profile: 'treaty-bodies' })).diagnostics;
    expect(d).toMatchObject({ line: 1, column: 10, severity: 'error' });
    expect(d!.message).toContain("(did you mean 'treaty-body'?)");
  });
});

/** A definition under `profile` with the given symbol, dates and items (titles; each with an annotation that foresees no documents). */
function session(profile: string, symbol: string, titles: string[], date = '2023-06-14') {
  return exampleDefinition({
    profile,
    document: `document:\n  symbol: ${symbol}\n  date: ${date}`,
    bodies: 'body: Committee',
    meeting: 'meeting:\n  kind: session\n  number: 39\n  venue: Geneva\n  dates: [2023-09-11, 2023-09-12]',
    items: `items:\n${titles.map((t, k) => `  - id: i${k + 1}\n    title: ${t}\n    annotation: No documentation is foreseen under this item.`).join('\n')}`,
  });
}

const procedural = (yaml: string, options: CheckOptions = {}) => check(yaml, options).diagnostics.filter((d) => ['AG004', 'AG005', 'AG006', 'AG007', 'AG016'].includes(d.code));

describe('published agendas of other bodies are clean under their profiles', () => {
  it('a treaty body session that ends with a substantive item (the annual report is adopted at the other session)', () => {
    const autumn = session('treaty-body', 'CMW/C/39/1', ['Opening of the session', 'Adoption of the agenda', 'Solemn declaration by the newly elected members of the Committee', 'Consideration of reports submitted by States parties under article 73 of the Convention', 'Future meetings of the Committee']);
    expect(procedural(autumn)).toEqual([]);
    const spring = session('treaty-body', 'CMW/C/38/1', ['Opening of the session', 'Adoption of the agenda', 'Consideration of reports', 'Adoption of the annual report']);
    expect(procedural(spring)).toEqual([]);
  });

  it('a treaty body in an election year: solemn declaration and election of officers before the adoption of the agenda', () => {
    const yaml = session('treaty-body', 'CMW/C/28/1', ['Opening of the session', 'Solemn declaration by the newly elected members of the Committee', 'Election of officers of the Committee', 'Adoption of the agenda', 'Adoption of the annual report']);
    expect(procedural(yaml)).toEqual([]);
  });

  it('a General Assembly special session opened by the head of a delegation', () => {
    const yaml = session('ga-special-session', 'A/S-20/1', ['Opening of the session by the head of the delegation of Colombia', 'Minute of silent prayer or meditation', 'Credentials of representatives to the twentieth special session of the General Assembly', 'Election of the President', 'Organization of the session', 'Adoption of the agenda', 'General debate'], '2023-08-01');
    expect(procedural(yaml)).toEqual([]);
  });

  it('a conference of States parties whose opening names the session', () => {
    const yaml = session('un-conference', 'A/CONF.192/1', ['Opening of the ninth session of the Assembly', 'Election of the President', 'Adoption of the rules of procedure', 'Adoption of the agenda', 'General debate', 'Adoption of the report of the Conference'], '2023-07-01');
    expect(procedural(yaml)).toEqual([]);
  });

  it('an ECOSOC commission that goes from the next provisional agenda to the adoption of the report', () => {
    const yaml = session('ecosoc-functional-commission', 'E/CN.6/2024/1', ['Election of officers', 'Adoption of the agenda and other organizational matters', 'Follow-up to the Fourth World Conference on Women', 'Provisional agenda for the sixty-ninth session of the Commission', 'Adoption of the report of the Commission on its sixty-eighth session'], '2023-07-01');
    expect(procedural(yaml)).toEqual([]);
  });

  it('a missing closing item is named and is an error, so the check fails', () => {
    const yaml = session('untoc-working-group', 'CTOC/COP/WG.3/2023/1', ['Organizational matters', 'Lessons learned from the review process', 'Adoption of the report']).replace('  - id: i1\n    title: Organizational matters\n    annotation: No documentation is foreseen under this item.', '  - id: i1\n    title: Organizational matters\n    items:\n      - id: opening\n        title: Opening of the meeting\n      - id: adoption\n        title: Adoption of the agenda and organization of work');
    const [d, ...rest] = procedural(yaml);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'AG007', severity: 'error', message: "the agenda has no item 'Other matters' (role: other-matters): it should come right before item 3 'Adoption of the report'" });
    expect(d!.hint).toContain("if item 2 is that item in other words, declare its role ('role: other-matters')");
  });

  it('a profile or configuration that sets the severity of closing-items sets it for a missing item too', () => {
    const yaml = session('untoc-working-group', 'CTOC/COP/WG.3/2023/1', ['Opening of the meeting', 'Adoption of the agenda', 'Adoption of the report']);
    const config = { diagnostics: [], config: { file: 'agenda.config.yaml', rules: { 'closing-items': { severity: 'warning' as const } } } };
    expect(checkSource('meeting.yaml', yaml, {}, config).diagnostics.find((d) => d.code === 'AG007')).toMatchObject({ severity: 'warning' });
  });
});
