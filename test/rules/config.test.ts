import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { checkFile } from '../../src/commands/check.js';
import { findConfigFile, parseConfig } from '../../src/config/config.js';
import { exampleDefinition, itemsWithAnnotation } from '../../src/rules/example-definition.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'agenda-config-'));

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'agenda', ...args], { out: (t) => (out += t), err: (t) => (err += t), color: false });
  return { code, out, err };
}

describe('finding agenda.config.yaml', () => {
  it('walks up from the definition folder and takes the nearest file', () => {
    const root = scratch();
    mkdirSync(join(root, 'a', 'b', 'c'), { recursive: true });
    writeFileSync(join(root, 'agenda.config.yaml'), 'rules: {}\n');
    writeFileSync(join(root, 'a', '.agendarc.yaml'), 'rules: {}\n');
    expect(findConfigFile(join(root, 'a', 'b', 'c'))).toBe(join(root, 'a', '.agendarc.yaml'));
    expect(findConfigFile(root)).toBe(join(root, 'agenda.config.yaml'));
  });

  it('stops at the root of a package (package.json), as at the root of a repository', () => {
    const root = scratch();
    mkdirSync(join(root, 'project', 'meetings'), { recursive: true });
    writeFileSync(join(root, 'project', 'package.json'), '{}\n');
    writeFileSync(join(root, 'agenda.config.yaml'), 'rules: {}\n');
    expect(findConfigFile(join(root, 'project', 'meetings'))).toBeUndefined();
    // One in the root itself still applies.
    writeFileSync(join(root, 'project', '.agendarc.yaml'), 'rules: {}\n');
    expect(findConfigFile(join(root, 'project', 'meetings'))).toBe(join(root, 'project', '.agendarc.yaml'));
  });

  it('says which configuration applied: build --verbose and --json, check --format json', async () => {
    const root = scratch();
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'm'));
    writeFileSync(join(root, 'm', 'meeting.yaml'), exampleDefinition());
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const none = await cli('build', 'm', '--verbose', '--out', 'out');
      expect(none.err).toMatch(/^configuration: none \(no agenda\.config\.yaml or \.agendarc\.yaml in the folders of the inputs or above them, up to the repository root\)$/m);
      expect(JSON.parse((await cli('build', 'm', '--json', '--out', 'out')).out).configFiles).toEqual([]);
      expect(JSON.parse((await cli('check', 'm/meeting.yaml', '--format', 'json')).out).configFiles).toEqual([]);
      writeFileSync(join(root, 'agenda.config.yaml'), 'rules:\n  AG029: off\n');
      const verbose = await cli('build', 'm', '--verbose', '--out', 'out');
      expect(verbose.err).toMatch(/^configuration: agenda\.config\.yaml$/m);
      expect(JSON.parse((await cli('build', 'm', '--json', '--out', 'out')).out).configFiles).toEqual(['agenda.config.yaml']);
      expect(JSON.parse((await cli('check', 'm/meeting.yaml', '--format', 'json')).out).configFiles).toEqual(['agenda.config.yaml']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('stops at a folder that holds .git', () => {
    const root = scratch();
    mkdirSync(join(root, 'repo', '.git'), { recursive: true });
    mkdirSync(join(root, 'repo', 'meetings'));
    writeFileSync(join(root, 'agenda.config.yaml'), 'rules: {}\n');
    expect(findConfigFile(join(root, 'repo', 'meetings'))).toBeUndefined();
  });
});

describe('validating the configuration', () => {
  it('accepts severities and parameters by id or name', () => {
    const { config, diagnostics } = parseConfig('agenda.config.yaml', 'profile: untoc-working-group\nrules:\n  AG028: off\n  lead-time: { severity: warning, minDays: 45 }\n  closing-items: { closingRoles: [[other-matters], [adoption-of-report]] }\n');
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({ profile: 'untoc-working-group', rules: { AG028: { severity: 'off' }, AG001: { severity: 'warning', params: { minDays: 45 } } } });
  });

  it.each([
    ['rules:\n  AG999: off\n', 2, 3, "unknown rule 'AG999'"],
    ['rules:\n  AG028: loud\n', 2, 10, "'loud' is not a severity"],
    ['rules:\n  lead-time:\n    minDays: sixty\n', 3, 14, "'minDays' of AG001 must be a whole number from 0 to 3650, not 'sixty'"],
    ['rules:\n  lead-time:\n    maxDays: 3\n', 3, 5, "AG001 (lead-time) has no parameter 'maxDays'"],
    ['profile: security-council\n', 1, 10, "'security-council' is not a profile"],
    ['profile: treaty-bodies\n', 1, 10, "'treaty-bodies' is not a profile (did you mean 'treaty-body'?)"],
    // Procedural parameters name roles: a title, or a mistyped role, is a mistake.
    ['rules:\n  closing-items: { closingRoles: [[Other matters]] }\n', 2, 34, "'closingRoles' of AG007 must be a list of lists of roles"],
    ['rules:\n  adoption-item-position: { allowedBefore: [opening, election] }\n', 2, 44, "'allowedBefore' of AG005 must be a list of roles"],
    ['rule:\n  AG028: off\n', 1, 1, "unknown key 'rule'"],
    ['rules: [AG028]\n', 1, 8, "'rules' must be a mapping"],
    ['rules:\n  AG028: off\n  AG028: error\n', 3, 3, 'this key appears twice'],
    // Values in range, checked against each parameter's schema.
    ['rules:\n  lead-time: { minDays: .nan }\n', 2, 25, "'minDays' of AG001 must be a whole number from 0 to 3650, not .nan (not a number)"],
    ['rules:\n  lead-time: { minDays: .inf }\n', 2, 25, "'minDays' of AG001 must be a whole number from 0 to 3650, not .inf (infinity)"],
    ['rules:\n  lead-time: { minDays: -1e11 }\n', 2, 25, "'minDays' of AG001 must be a whole number from 0 to 3650, not -100000000000"],
    ['rules:\n  lead-time:\n    specialSessionMinDays: 2.5\n', 3, 28, "'specialSessionMinDays' of AG001 must be a whole number from 0 to 3650, not 2.5"],
    ['rules:\n  review-mechanism-max-one: { max: -1 }\n', 2, 36, "'max' of AG008 must be a whole number from 0 to 100"],
    // Names that every JavaScript object answers to are no parameters, and no rules.
    ['rules:\n  lead-time: {__proto__: {severity: fatal}}\n', 2, 15, "AG001 (lead-time) has no parameter '__proto__'"],
    ['rules:\n  lead-time: { constructor: 1 }\n', 2, 16, "AG001 (lead-time) has no parameter 'constructor'"],
    ['rules:\n  constructor: off\n', 2, 3, "unknown rule 'constructor'"],
    ['__proto__: { rules: {} }\n', 1, 1, "unknown key '__proto__'"],
  ])('reports %j at its line and column', (source, line, column, message) => {
    const { config, diagnostics } = parseConfig('agenda.config.yaml', source);
    expect(config).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ file: 'agenda.config.yaml', line, column, severity: 'error' });
    expect(diagnostics[0]!.message).toContain(message);
  });
});

describe('a configuration changes the check', () => {
  it('switches a rule off, changes a severity and a parameter', async () => {
    const dir = scratch();
    const file = join(dir, 'meeting.yaml');
    writeFileSync(file, exampleDefinition({ document: 'document:\n  symbol: CTOC/COP/WG.3/2023/1\n  date: 2023-08-01', items: itemsWithAnnotation('Some 70 percent of the reviews are complete.') }));
    const before = await checkFile(file);
    expect(before.diagnostics.map((d) => `${d.code}:${d.severity}`)).toEqual(expect.arrayContaining(['AG001:error', 'AG028:error']));
    writeFileSync(join(dir, 'agenda.config.yaml'), 'rules:\n  per-cent: off\n  AG001: { severity: warning, minDays: 30 }\n  six-week-rule: info\n');
    const after = await checkFile(file);
    const codes = after.diagnostics.map((d) => `${d.code}:${d.severity}`);
    expect(codes).not.toContain('AG028:error');
    expect(codes.some((c) => c.startsWith('AG001'))).toBe(false); // 41 days is enough for 30
    expect(codes).toContain('AG002:info');
  });

  it('gives a default profile to definitions that name none', async () => {
    const dir = scratch();
    const file = join(dir, 'meeting.yaml');
    writeFileSync(file, exampleDefinition({ profile: null, document: 'document:\n  symbol: CTOC/COP/WG.3/2023/1\n  date: 2023-08-01' }));
    expect((await checkFile(file)).profile).toBe('generic');
    writeFileSync(join(dir, '.agendarc.yaml'), 'profile: untoc-working-group\n');
    const result = await checkFile(file, { config: join(dir, '.agendarc.yaml') });
    expect(result.profile).toBe('untoc-working-group');
    expect(result.diagnostics.map((d) => d.code)).toContain('AG001');
  });
});

describe('the JSON Schema of the configuration (agenda schema --config)', () => {
  it('accepts and rejects what parseConfig accepts and rejects', async () => {
    const { default: Ajv } = await import('ajv');
    const { configSchema } = await import('../../src/config/config-schema.js');
    const { parse } = await import('yaml');
    const validate = new Ajv({ strict: false }).compile(configSchema());
    const cases = [
      'profile: untoc-working-group\nrules:\n  AG028: off\n  lead-time: { severity: warning, minDays: 45 }\n',
      'rules:\n  closing-items: { closingRoles: [[other-matters], [adoption-of-report]] }\n  symbol-series: { series: [CTOC/COP/] }\n',
      'rules:\n  AG999: off\n',
      'rules:\n  AG028: loud\n',
      'rules:\n  lead-time:\n    minDays: sixty\n',
      'rules:\n  lead-time:\n    maxDays: 3\n',
      'profile: security-council\n',
      'rule:\n  AG028: off\n',
      'rules: [AG028]\n',
      'rules:\n  lead-time: { minDays: .nan }\n',
      'rules:\n  lead-time: { minDays: .inf }\n',
      'rules:\n  lead-time: { minDays: -1e11 }\n',
      'rules:\n  lead-time: { minDays: 3650, specialSessionMinDays: 0 }\n',
      'rules:\n  lead-time: { minDays: 3651 }\n',
      'rules:\n  lead-time: { minDays: 1.5 }\n',
      'rules:\n  lead-time: { constructor: 1 }\n',
      'rules:\n  review-mechanism-max-one: { max: 2 }\n',
      'rules:\n  closing-items: { closingItems: [] }\n',
      'rules:\n  closing-items: { closingItems: [Other matters] }\n',
    ];
    for (const source of cases) {
      expect(validate(parse(source)), source).toBe(parseConfig('c.yaml', source).diagnostics.length === 0);
    }
  });
});

describe('parameter schemas', () => {
  it('every number parameter declares its range, and agenda schema --config prints it', async () => {
    const { RULES } = await import('../../src/rules/index.js');
    const printed = await cli('schema', '--config');
    const schema = JSON.parse(printed.out) as { properties: { rules: { properties: Record<string, { oneOf: [unknown, { properties: Record<string, object> }] }> } } };
    for (const rule of RULES) {
      for (const [name, value] of Object.entries(rule.parameters)) {
        const printedParameter = schema.properties.rules.properties[rule.id]!.oneOf[1].properties[name];
        if (typeof value !== 'number') continue;
        const declared = rule.parameterSchemas?.[name];
        expect(declared, `${rule.id} ${name}`).toMatchObject({ type: expect.stringMatching(/^(integer|number)$/), minimum: expect.any(Number), maximum: expect.any(Number) });
        expect(printedParameter, `${rule.id} ${name}`).toMatchObject(declared!);
      }
    }
    expect(schema.properties.rules.properties.AG001!.oneOf[1].properties.minDays).toMatchObject({ type: 'integer', minimum: 0, maximum: 3650, default: 60 });
  });

  it('a configuration out of range stops the check with exit 2, at its line and column', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'meeting.yaml'), exampleDefinition());
    writeFileSync(join(dir, 'agenda.config.yaml'), 'rules:\n  lead-time: { minDays: .nan }\n');
    const r = await cli('check', join(dir, 'meeting.yaml'));
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${join(dir, 'agenda.config.yaml')}:2:25: error 'minDays' of AG001 must be a whole number from 0 to 3650, not .nan (not a number) [config]`);
  });
});
