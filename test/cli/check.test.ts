import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/diagnostics/formatters/github.js';
import { formatStylish } from '../../src/diagnostics/formatters/stylish.js';
import { exampleDefinition, itemsWithAnnotation } from '../../src/rules/example-definition.js';
import { RULES } from '../../src/rules/index.js';

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'agenda', ...args], { out: (t) => (out += t), err: (t) => (err += t), color: false });
  return { code, out, err };
}

const example = (name: string) => new URL(`../../examples/${name}`, import.meta.url).pathname;
const scratch = () => mkdtempSync(join(tmpdir(), 'agenda-cli-'));

/** A definition with one error (AG028) and two warnings (AG029, AG032); AG028 and AG032 are fixable. */
function problemFile(dir = scratch()): string {
  const file = join(dir, 'meeting.yaml');
  writeFileSync(file, exampleDefinition({ items: itemsWithAnnotation('Some 70 percent of the 5 reviews cover paragraph 1(a).') }));
  return file;
}

describe('agenda check exit codes', () => {
  it('exits 0 on the examples, which are clean under their profiles', async () => {
    const all = readdirSync(new URL('../../examples/', import.meta.url)).filter((f) => f.endsWith('.yaml'));
    expect(all.length).toBeGreaterThanOrEqual(6);
    const r = await run('check', ...all.map(example));
    expect(r).toMatchObject({ code: 0, err: '', out: '' });
  });

  it('exits 1 on errors, and on warnings over --max-warnings', async () => {
    expect((await run('check', problemFile())).code).toBe(1);
    const warningsOnly = join(scratch(), 'w.yaml');
    writeFileSync(warningsOnly, exampleDefinition({ items: itemsWithAnnotation('See the 5 reviews.') }));
    expect((await run('check', warningsOnly)).code).toBe(0);
    expect((await run('check', warningsOnly, '--max-warnings', '1')).code).toBe(0);
    const over = await run('check', warningsOnly, '--max-warnings', '0');
    expect(over.code).toBe(1);
    expect(over.err).toContain('more than --max-warnings 0');
  });

  it('exits 2 on usage problems: unreadable input, an unknown format or profile, a bad configuration', async () => {
    expect((await run('check', '/nonexistent/meeting.yaml')).code).toBe(2);
    expect((await run('check', '--format', 'xml', example('minimal.yaml'))).code).toBe(2);
    expect((await run('check', '--profile', 'security-council', example('minimal.yaml'))).code).toBe(2);
    const mistyped = await run('check', '--profile', 'treaty-bodies', example('minimal.yaml'));
    expect(mistyped.code).toBe(2);
    expect(mistyped.err).toContain("unknown profile: treaty-bodies (did you mean 'treaty-body'?)");
    expect((await run('check', '--max-warnings', 'many', example('minimal.yaml'))).code).toBe(2);
    const dir = scratch();
    const file = problemFile(dir);
    writeFileSync(join(dir, 'agenda.config.yaml'), 'rules:\n  AG028: loud\n');
    const r = await run('check', file);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${join(dir, 'agenda.config.yaml')}:2:10: error 'loud' is not a severity [config]`);
  });

  it('exits 1 when an agenda lacks a closing item its body requires, naming the item', async () => {
    const file = join(scratch(), 'meeting.yaml');
    writeFileSync(file, exampleDefinition().replace('  - id: other\n    title: Other matters\n    annotation: No documentation is foreseen under this item.\n', '  - id: lessons\n    title: Lessons learned from the review process\n    annotation: No documentation is foreseen under this item.\n'));
    const r = await run('check', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}:24:12: error the agenda has no item 'Other matters' (role: other-matters): it should come right before item 3 'Adoption of the report' [AG007 closing-items]`);
  });

  it('says once that a file that is not YAML is not a meeting definition', async () => {
    const readme = new URL('../../README.md', import.meta.url).pathname;
    const r = await run('check', readme);
    expect(r.code).toBe(1);
    expect(r.out).toBe(`${readme}:1:1: error this file is not a meeting definition: it is not a YAML mapping of the fields of one (document, body, meeting, items) [not-a-definition]\n  → check the file name: a meeting definition is a YAML file such as examples/minimal.yaml\n\n1 error, 0 warnings\n`);
    // A definition saved under another name is still read as one.
    const renamed = join(scratch(), 'meeting.txt');
    writeFileSync(renamed, readFileSync(example('minimal.yaml'), 'utf8'));
    expect((await run('check', renamed)).code).toBe(0);
  });
});

describe('agenda check --format', () => {
  it('stylish: file:line:col, rule id and name, hints, counts at the end; colour only when asked', async () => {
    const file = problemFile();
    // The report goes to standard output, as ESLint's and Spectral's do; standard error stays for the run itself.
    const { err, out } = await run('check', file);
    expect(err).toBe('');
    expect(out).toContain(`${file}:18:29: error 'percent' should be written 'per cent' [AG028 per-cent]\n  → write 'per cent'`);
    expect(out).toMatch(/1 error, 2 warnings\n2 of them can be fixed with 'agenda check --fix'\n$/);
    expect(out).not.toMatch(/\u001b\[/);
    const report = [{ file: 'm.yaml', diagnostics: [{ file: 'm.yaml', line: 1, column: 1, severity: 'error' as const, code: 'x', message: 'y' }] }];
    expect(formatStylish(report, { color: true })).toMatch(/\u001b\[/);
  });

  it('json: the documented shape', async () => {
    const file = problemFile();
    const { out, code } = await run('check', '--format', 'json', file, example('minimal.yaml'));
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ version: 1, tool: { name: 'agenda' }, errorCount: 1, warningCount: 2, infoCount: 0 });
    expect(report.files).toHaveLength(2);
    expect(report.files[0]).toMatchObject({ file, profile: 'untoc-working-group', errorCount: 1, warningCount: 2, fixableCount: 2 });
    expect(report.files[0].diagnostics[0]).toEqual({
      line: 18,
      column: 29,
      endLine: 18,
      endColumn: 36,
      severity: 'error',
      code: 'AG028',
      rule: 'per-cent',
      message: "'percent' should be written 'per cent'",
      hint: "write 'per cent'",
      fix: { start: expect.any(Number), end: expect.any(Number), replacement: 'per cent' },
    });
    expect(report.files[1]).toMatchObject({ profile: 'generic', diagnostics: [] });
  });

  it('sarif: valid SARIF 2.1.0 with the rules and their help links', async () => {
    const schema = JSON.parse(readFileSync(new URL('../fixtures/rules/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const { out } = await run('check', '--format', 'sarif', problemFile(), example('minimal.yaml'));
    const log = JSON.parse(out);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const driver = log.runs[0].tool.driver;
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(driver.rules[11]).toMatchObject({ id: 'AG012', name: 'annex-covers-items', helpUri: 'https://agenda.tools/docs/rules.md#ag012-annex-covers-items' });
    const result = log.runs[0].results[0];
    expect(result).toMatchObject({ ruleId: 'AG028', ruleIndex: 27, level: 'error' });
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 18, startColumn: 29, endLine: 18, endColumn: 36 });
    expect(driver.rules[result.ruleIndex].id).toBe('AG028');
    // The schema's own patterns predate Unicode-mode regular expressions, hence unicodeRegExp: false. A clean run is valid SARIF too.
    expect(validate(JSON.parse((await run('check', '--format', 'sarif', example('minimal.yaml'))).out))).toBe(true);
  });

  it('github: workflow commands with escaped properties and messages', async () => {
    const file = problemFile();
    const { out } = await run('check', '--format', 'github', file);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::error file=[^,]*meeting\.yaml,line=18,col=29,endLine=18,endColumn=36,title=AG028 per-cent::'percent' should be written 'per cent'%0Awrite 'per cent'$/);
    expect(lines[1]).toMatch(/^::warning file=/);
    expect(escapeProperty('a,b:c%d\r\ne')).toBe('a%2Cb%3Ac%25d%0D%0Ae');
    expect(escapeData('50% done,\nnext: x')).toBe('50%25 done,%0Anext: x');
    const odd = formatGithub([{ file: 'dir,x/a:b.yaml', diagnostics: [{ file: 'dir,x/a:b.yaml', line: 2, column: 3, severity: 'info', code: 'AG003', rule: 'ten-week-submission', message: '10% late' }] }], { color: false, rules: [], version: '0', cwd: '/' });
    expect(odd).toBe('::notice file=dir%2Cx/a%3Ab.yaml,line=2,col=3,title=AG003 ten-week-submission::10%25 late\n');
  });

  it('junit: well-formed XML, one testsuite per file, one testcase per diagnostic', async () => {
    const file = problemFile();
    const { out } = await run('check', '--format', 'junit', file, example('minimal.yaml'));
    expect(XMLValidator.validate(out)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(out);
    const suites = xml.testsuites.testsuite;
    expect(suites.map((s: { name: string }) => s.name)).toEqual([file, example('minimal.yaml')]);
    expect(suites[0]).toMatchObject({ tests: '3', failures: '3' });
    expect(suites[0].testcase[0]).toMatchObject({ name: 'AG028 per-cent at 18:29', failure: { type: 'error', message: "'percent' should be written 'per cent'" } });
    expect(suites[1].testcase).toEqual([{ classname: example('minimal.yaml'), name: 'agenda check' }]);
  });
});

describe('agenda check --fix', () => {
  it('fixes in place, says what it changed, and reports what is left', async () => {
    const file = problemFile();
    const r = await run('check', '--fix', file);
    expect(r.err).toContain("AG028 'percent' → 'per cent'");
    expect(r.err).toContain("AG032 '' → ' '");
    expect(r.err).toContain('fixed 2 problems');
    expect(r.out).toContain('[AG029 numbers-in-words]');
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('Some 70 per cent of the 5 reviews cover paragraph 1 (a).');
  });
});

describe('agenda rules', () => {
  it('lists every rule with its severity in the profile', async () => {
    const generic = await run('rules');
    const lines = generic.out.trimEnd().split('\n');
    expect(lines).toHaveLength(RULES.length + 1);
    expect(lines[1]).toMatch(/^AG001 {2}lead-time +off {6}The agenda is dated/);
    const wg = await run('rules', '--profile', 'untoc-working-group');
    expect(wg.out).toMatch(/AG001 {2}lead-time +error/);
    expect(JSON.parse((await run('rules', '--json', '--profile', 'ecosoc-functional-commission')).out)[0]).toMatchObject({ id: 'AG001', severity: 'error', parameters: { minDays: 42 } });
    expect((await run('rules', '--profile', 'nope')).code).toBe(2);
  });
});

describe('agenda build and the rules', () => {
  it('refuses to write a document with rule errors; --allow-errors writes it, still printing the errors', async () => {
    const dir = scratch();
    const file = problemFile(dir);
    const refused = await run('build', file, '--out', dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('[AG028 per-cent]');
    expect(refused.err).toContain('not built, because of the errors above (--allow-errors writes it anyway)');
    expect(existsSync(join(dir, 'meeting.md'))).toBe(false);
    const forced = await run('build', file, '--out', dir, '--allow-errors');
    expect(forced.err).toContain('[AG028 per-cent]');
    expect(forced.err).toMatch(/^wrote .*meeting\.md$/m);
    expect(existsSync(join(dir, 'meeting.md'))).toBe(true);
    expect(forced.code).toBe(1);
  });

  it('builds a document that has warnings only, printing them', async () => {
    const dir = scratch();
    const file = join(dir, 'w.yaml');
    writeFileSync(file, exampleDefinition({ items: itemsWithAnnotation('See the 5 reviews.') }));
    const r = await run('build', file, '--out', dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain('[AG029 numbers-in-words]');
    expect(existsSync(join(dir, 'w.md'))).toBe(true);
  });
});

describe('--format names', () => {
  it('are the formatters there are', async () => {
    const { FORMATTER_NAMES } = await import('../../src/diagnostics/formatters/index.js');
    const help = (await run('check', '--help')).out.replace(/\s+/g, ' ');
    expect(help).toContain(`how to report (${FORMATTER_NAMES.join(', ')})`);
  });

  it('are read in any case, and an unknown one is a usage error', async () => {
    const file = example('minimal.yaml');
    const upper = await run('check', '--format', 'SARIF', file);
    expect(upper.code).toBe(0);
    expect(JSON.parse(upper.out).version).toBe('2.1.0');
    const unknown = await run('check', '--format', 'xml', file);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Allowed choices are stylish, json, sarif, github, junit.');
  });
});

describe('agenda check of folders and globs', () => {
  it('checks every definition they hold, and exits 2 on one that matches nothing', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'meetings', '2024'), { recursive: true });
    writeFileSync(join(dir, 'meetings', 'agenda.config.yaml'), 'rules: {}\n');
    writeFileSync(join(dir, 'meetings', '2024', 'a.yaml'), exampleDefinition());
    problemFile(join(dir, 'meetings'));
    const byFolder = await run('check', '--format', 'json', join(dir, 'meetings'));
    expect(byFolder.code).toBe(1);
    const files = (JSON.parse(byFolder.out) as { files: { file: string }[] }).files.map((r) => relative(dir, r.file)).sort();
    // The configuration file is not taken for a meeting.
    expect(files).toEqual(['meetings/2024/a.yaml', 'meetings/meeting.yaml']);
    const byGlob = await run('check', `${dir}/meetings/**/a.yaml`, `${dir}/nothing/*.yaml`);
    expect(byGlob.code).toBe(2);
    expect(byGlob.err).toContain(`agenda: ${dir}/nothing/*.yaml matches no meeting definition`);
  });
});

describe('agenda check with a file that cannot be read', () => {
  /** The problem file, and beside it a translation saved as UTF-16 (a byte-order mark, then text). */
  function withUnreadableTranslation() {
    const dir = scratch();
    const file = problemFile(dir);
    writeFileSync(join(dir, 'meeting.fr.yaml'), Buffer.from('\ufefflanguage: fr\n', 'utf16le'));
    return { dir, file };
  }

  it("reports the definition's own diagnostics, and the translation that cannot be read once, with exit 2", async () => {
    const { file } = withUnreadableTranslation();
    const r = await run('check', file);
    expect(r.code).toBe(2);
    expect(r.out).toContain('[AG028 ');
    expect(r.err.match(/meeting\.fr\.yaml: error is encoded in UTF-16/g)).toHaveLength(1);
  });

  it('says so under --fix too, which checks the translations beside the definition as check does', async () => {
    const { file } = withUnreadableTranslation();
    const r = await run('check', '--fix', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('meeting.fr.yaml: error is encoded in UTF-16');
  });

  it('lists it in the machine-readable reports, as an error with the code unreadable', async () => {
    const { dir, file } = withUnreadableTranslation();
    const json = await run('check', '--format', 'json', dir);
    expect(json.code).toBe(2);
    const report = JSON.parse(json.out) as { files: { file: string; diagnostics: { code: string; line: number; column: number }[] }[] };
    expect(report.files.map((f) => relative(dir, f.file)).sort()).toEqual(['meeting.fr.yaml', 'meeting.yaml']);
    expect(report.files.find((f) => f.file.endsWith('fr.yaml'))!.diagnostics).toMatchObject([{ code: 'unreadable', line: 1, column: 1 }]);
    // Named by the folder and again as the original's translation: said once.
    expect(json.err.match(/UTF-16/g)).toHaveLength(1);
    const junit = await run('check', '--format', 'junit', file);
    expect(junit.out).toMatch(/<testcase classname="[^"]*meeting\.fr\.yaml" name="unreadable at 1:1">\s*<failure type="error"/);
    const github = await run('check', '--format', 'github', file);
    expect(github.out).toMatch(/^::error file=[^,]*meeting\.fr\.yaml,line=1,col=1/m);
    // Stylish is read on a terminal: standard error has said it, the report does not repeat it.
    expect((await run('check', file)).out).not.toContain('UTF-16');
  });

  it('places an invalid byte of a definition at its line and column in the reports', async () => {
    const dir = scratch();
    const file = join(dir, 'latin1.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from('document:\n  symbol: A/1\nbody: Comit'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const sarif = await run('check', '--format', 'sarif', file);
    expect(sarif.code).toBe(2);
    const results = (JSON.parse(sarif.out) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[] }).runs[0]!.results;
    expect(results).toMatchObject([{ ruleId: 'unreadable', level: 'error', locations: [{ physicalLocation: { region: { startLine: 3, startColumn: 12 } } }] }]);
  });
});

describe('report text that reaches a terminal or a code scanning view', () => {
  it('stylish writes a carriage return or line feed quoted from the definition as an escape', () => {
    const text = formatStylish([{ file: 'm.yaml', diagnostics: [{ file: 'm.yaml', line: 1, column: 1, severity: 'error', code: 'schema', message: "the definition has an unknown field 'bo\rdy\nx'", hint: 'remove \x1b[2J it' }] }], { color: false });
    expect(text).toContain("unknown field 'bo\\rdy\\nx' [schema]");
    expect(text).toContain('→ remove \\x1B[2J it');
    expect(text).not.toMatch(/[\r\x1b]/);
  });

  it('SARIF resolves a working folder with "#" in its name, and names a file outside it by its own file URI', async () => {
    const dir = join(scratch(), 'repo#1');
    mkdirSync(dir);
    writeFileSync(join(dir, 'm.yaml'), exampleDefinition({ items: itemsWithAnnotation('Some 70 percent of the reviews.') }));
    const outside = problemFile();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await run('check', '--format', 'sarif', 'm.yaml', outside);
      const run0 = (JSON.parse(r.out) as { runs: { originalUriBaseIds: Record<string, { uri: string }>; results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[] }).runs[0]!;
      const base = run0.originalUriBaseIds['%SRCROOT%']!.uri;
      const located = run0.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation);
      const inside = located.find((l) => l.uriBaseId)!;
      expect(new URL(inside.uri, base).href).toBe(pathToFileURL(join(dir, 'm.yaml')).href);
      const far = located.find((l) => !l.uriBaseId)!;
      expect(far.uri).toBe(pathToFileURL(outside).href);
    } finally {
      process.chdir(cwd);
    }
  });

  it('SARIF gives a relative path whose first segment holds ":" (or "#", "?") as a relative URI reference', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'ab:c#d.yaml'), exampleDefinition({ items: itemsWithAnnotation('Some 70 percent of the reviews.') }));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await run('check', '--format', 'sarif', 'ab:c#d.yaml');
      const uris = (JSON.parse(r.out) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }).runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri);
      expect(new Set(uris)).toEqual(new Set(['ab%3Ac%23d.yaml']));
      // Resolved against the base, it names the file: no scheme, no fragment.
      expect(decodeURIComponent(new URL(uris[0]!, 'file:///repo/').pathname)).toBe('/repo/ab:c#d.yaml');
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('agenda check with a configuration that has mistakes', () => {
  it('reports them and runs no rule under it: run with defaults, the rules would say what it meant to change', async () => {
    const dir = scratch();
    const file = problemFile(dir); // AG028 (per-cent) is an error by default
    writeFileSync(join(dir, 'agenda.config.yaml'), 'rules:\n  AG028: offf\n');
    const r = await run('check', '--format', 'json', file);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.out) as { files: { file: string; diagnostics: { code: string; message: string }[] }[] };
    expect(report.files.find((f) => f.file.endsWith('meeting.yaml'))!.diagnostics).toEqual([]);
    expect(report.files.find((f) => f.file.endsWith('agenda.config.yaml'))!.diagnostics.map((d) => d.message)).toEqual(["'offf' is not a severity"]);
  });

  it('refuses a rule set twice, by its id and by its name', async () => {
    const dir = scratch();
    const file = problemFile(dir);
    writeFileSync(join(dir, 'agenda.config.yaml'), 'rules:\n  AG028: off\n  per-cent: warning\n');
    const r = await run('check', file);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/agenda\.config\.yaml:3:3: error AG028 \(per-cent\) is set twice, as 'AG028' and as 'per-cent' \[config\]\n {2}→ keep one of them/);
  });

  it('takes an empty configuration file for one that changes nothing', async () => {
    const dir = scratch();
    const file = problemFile(dir);
    writeFileSync(join(dir, 'agenda.config.yaml'), '');
    const r = await run('check', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('[AG028 per-cent]');
    expect(r.out).not.toContain('[config]');
  });

  it('names a configuration found above the definition by its path from the working folder, and one that cannot be read by what to do', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'sub'));
    problemFile(join(dir, 'sub'));
    writeFileSync(join(dir, 'package.json'), '{}');
    writeFileSync(join(dir, 'agenda.config.yaml'), Buffer.from('\ufeffrules: {}\n', 'utf16le'));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const found = await run('check', '--format', 'json', 'sub/meeting.yaml');
      const files = (JSON.parse(found.out) as { files: { file: string; diagnostics: { hint: string }[] }[] }).files;
      expect(files.map((f) => f.file)).toEqual(['agenda.config.yaml', 'sub/meeting.yaml']);
      expect(files[0]!.diagnostics[0]!.hint).toBe('save the file as UTF-8, or remove it');
      const given = await run('check', '--config', 'agenda.config.yaml', 'sub/meeting.yaml');
      expect(given.out).toContain('→ check the path given to --config');
      // The working folder itself, given as the configuration, is named '.', not ''.
      const folder = await run('check', '--format', 'json', '--config', '.', 'sub/meeting.yaml');
      const report = JSON.parse(folder.out) as { configFiles: string[]; files: { file: string }[] };
      expect(report.files[0]!.file).toBe('.');
      expect(report.configFiles).toEqual(['.']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('tells what an empty translation file lacks, not to start from an example definition', async () => {
    const dir = scratch();
    const file = problemFile(dir);
    writeFileSync(join(dir, 'meeting.fr.yaml'), '');
    const r = await run('check', file);
    expect(r.out).toMatch(/meeting\.fr\.yaml:1:1: error the file is empty \[empty-file\]\n {2}→ write its `language` and `texts`, or remove it/);
  });
});
