import { chmodSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { checkFile, checkSource } from '../../src/commands/check.js';
import { fixFile, fixSource } from '../../src/commands/fix.js';
import { exampleDefinition, itemsWithAnnotation, standardItems } from '../../src/rules/example-definition.js';
import { RULES } from '../../src/rules/index.js';
import { defineRule } from '../../src/rules/types.js';
import { lastAtOrBefore } from '../../src/rules/apply-fixes.js';
import { manyItems } from './helpers.js';

const BEFORE = exampleDefinition({
  items: `items:
  - id: organizational
    title: Organizational matters
    items:
      - id: opening
        title: Opening of the meeting
        # The Chair asked for this wording.
        annotation: |
          The meeting will be opened at 10:00; consultations follow from 15:00-18:00 and 3-6 p.m.
          Some 70 percent (or 70%) of the reviews cover article 27, paragraph 1(a).
          See the joint note E/2001/28 - E/CN.7/2001/12, on 15-19 October 2024.
      - id: adoption
        title: "Adoption of the agenda and organization of work" # quoted on purpose
  - id: other
    title: Other matters
    annotation: No documentation is foreseen under this item.
  - id: report
    title: Adoption of the report`,
});

const AFTER_TEXT = `          The meeting will be opened at 10 a.m.; consultations follow from 3–6 p.m. and 3–6 p.m.
          Some 70 per cent (or 70 per cent) of the reviews cover article 27, paragraph 1 (a).
          See the joint note E/2001/28 – E/CN.7/2001/12, on 15–19 October 2024.`;

describe('agenda check --fix', () => {
  it('rewrites what is certain at its offsets, keeping comments, quotes and layout, and reports each change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-fix-'));
    const file = join(dir, 'meeting.yaml');
    writeFileSync(file, BEFORE);
    const outcome = await fixFile(file, { config: false });
    const after = readFileSync(file, 'utf8');
    const [head, tail] = BEFORE.split(/ {10}The meeting[^\n]*\n[^\n]*\n[^\n]*\n/);
    expect(after).toBe(`${head}${AFTER_TEXT}\n${tail}`);
    expect(outcome.applied.length).toBe(8);
    expect(outcome.applied[0]).toMatch(/^\d+:\d+ AG026 '10:00' → '10 a.m.'$/);
    expect(outcome.result.diagnostics).toEqual([]);
    expect(readdirSync(dir)).toEqual(['meeting.yaml']); // no temporary file left
  });

  it('leaves a file without fixable problems untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-fix-'));
    const file = join(dir, 'meeting.yaml');
    const text = exampleDefinition();
    writeFileSync(file, text);
    const outcome = await fixFile(file, { config: false });
    expect(outcome.applied).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('does not offer a fix where the YAML source differs from the value (escapes)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-fix-'));
    const file = join(dir, 'meeting.yaml');
    const text = exampleDefinition({
      items: `items:
  - id: organizational
    title: Organizational matters
    items:
      - id: opening
        title: Opening of the meeting
        annotation: "Some 70 perc\\u0065nt are complete."
      - id: adoption
        title: Adoption of the agenda and organization of work
  - id: other
    title: Other matters
    annotation: No documentation is foreseen under this item.
  - id: report
    title: Adoption of the report`,
    });
    writeFileSync(file, text);
    const outcome = await fixFile(file, { config: false });
    expect(outcome.applied).toEqual([]);
    expect(outcome.result.diagnostics.map((d) => d.code)).toContain('AG028');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

const NO_CONFIG = { diagnostics: [] };
const annotated = (annotation: string) => exampleDefinition({ items: itemsWithAnnotation(annotation) });
/** The annotation line of a definition built by `annotated`. */
const annotationOf = (yaml: string) => yaml.split('\n').find((l) => l.startsWith('        annotation: '))!.slice('        annotation: '.length);
const fixed = (annotation: string) => annotationOf(fixSource('meeting.yaml', annotated(annotation), {}, NO_CONFIG).text);

describe('--fix replaces exactly what its diagnostic names', () => {
  it('fixes the times of the sample annotation and leaves its ratio, its domain name, its spaces and its full stops alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-fix-'));
    const file = join(dir, 'meeting.yaml');
    writeFileSync(file, annotated('Opened at 10:00. Vote split 3:15 between groups; meets at 12:00 and later. See unodc.org/data/percent-tables.'));
    const outcome = await fixFile(file, { config: false });
    expect(annotationOf(readFileSync(file, 'utf8'))).toBe('Opened at 10 a.m. Vote split 3:15 between groups; meets at noon and later. See unodc.org/data/percent-tables.');
    expect(outcome.applied).toEqual(["18:31 AG026 '10:00.' → '10 a.m.'", "18:79 AG026 '12:00' → 'noon'"]);
    // What --fix reports as the state of the file is what a check of the file finds.
    const again = await checkFile(file, { config: false });
    expect(outcome.result.diagnostics).toEqual(again.diagnostics);
    expect(again.diagnostics.filter((d) => d.code === 'AG026' || d.code === 'AG028')).toEqual([]);
  });

  it.each([
    ['The vote was split 3:15 between groups.', 'The vote was split 3:15 between groups.'],
    ['Adopted by 12:3 votes, with a majority of 2:1.', 'Adopted by 12:3 votes, with a majority of 2:1.'],
    ['The proportions 1:2:3 hold.', 'The proportions 1:2:3 hold.'],
    ['A score of 3:75 is not a time.', 'A score of 3:75 is not a time.'],
    ['Informal talks start by 3:15 and end at 16:30.', 'Informal talks start by 3:15 and end at 4.30 p.m.'],
    // A bare "h:mm" is rewritten only after a word that makes it a time: elsewhere it may be a ratio or a score.
    ['The ratio of 3:15 was kept.', 'The ratio of 3:15 was kept.'],
    ['Adopted by a vote of 3:15.', 'Adopted by a vote of 3:15.'],
    ['The vote was 3:15.', 'The vote was 3:15.'],
    ['It runs from 10:00 until 13:00, or till 14:00, between 9:30 and 10:00, then to 15:00.', 'It runs from 10 a.m. until 1 p.m., or till 2 p.m., between 9.30 a.m. and 10 a.m., then to 3 p.m.'],
    ['See UNODC.ORG/percent, Unodc.Org/percent and UN.ORG:8080/percent-tables, then 70 percent.', 'See UNODC.ORG/percent, Unodc.Org/percent and UN.ORG:8080/percent-tables, then 70 per cent.'],
    ['The session ends.The percent is 70.', 'The session ends.The per cent is 70.'],
    ['It resumes at 15:00, then at 17:00.', 'It resumes at 3 p.m., then at 5 p.m.'],
    ['Held 15:00-18:00.', 'Held 3–6 p.m.'],
    ['It opens at 10 AM. Then it closes.', 'It opens at 10 a.m. Then it closes.'],
    ['See https://www.unodc.org/10:00/percent and www.un.org/percent-tables or documents.un.org/15:00.', 'See https://www.unodc.org/10:00/percent and www.un.org/percent-tables or documents.un.org/15:00.'],
    ['See unodc.org/percent, then 70 percent at 10:00.', 'See unodc.org/percent, then 70 per cent at 10 a.m.'],
  ])('%s', (annotation, expected) => {
    expect(fixed(annotation)).toBe(expected);
  });

  it('reports a bare h:mm that may be a ratio without offering a fix, and says so', () => {
    const [d, ...rest] = checkSource('meeting.yaml', annotated('The ratio of 3:15 was kept.'), {}, NO_CONFIG).diagnostics.filter((x) => x.code === 'AG026');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ line: 18, column: 34, endColumn: 38, message: "'3:15' reads as a time on the 24-hour clock", hint: "if this is a time, write '3.15 a.m.'; a ratio or a score may stay" });
    expect(d!.fix).toBeUndefined();
  });

  it('gives the fixes set aside for overlapping a dropped fix a pass of their own', () => {
    // A rule of this test offers 'PM' -> 'pm' inside AG026's '3 PM' -> '3 p.m.', which comes
    // first and is dropped (it would raise AG027); the set-aside fix is then applied.
    const lower = defineRule({
      id: 'AG999', name: 'test-lower-pm', description: 'test', source: 'test', category: 'editorial', severity: 'error', fixable: true, parameters: {},
      messages: { upper: 'upper-case PM' },
      hints: {},
      examples: { failing: '', passing: '' },
      check({ model, report }) {
        for (const t of model.sources.texts) for (const m of t.raw.matchAll(/PM/g)) report({ path: t.origin.path, offset: m.index, length: 2, messageId: 'upper', fix: { offset: m.index, length: 2, replacement: 'pm' } });
      },
    }) as unknown as (typeof RULES)[number];
    RULES.push(lower);
    try {
      const plan = fixSource('meeting.yaml', annotated('Talks 3 PM - 6 p.m. only.'), {}, NO_CONFIG);
      expect(plan.skipped.map((k) => [k.code, k.from])).toContainEqual(['AG026', '3 PM']);
      expect(plan.applied.map((a) => [a.code, a.from, a.to])).toContainEqual(['AG999', 'PM', 'pm']);
      expect(annotationOf(plan.text)).toBe('Talks 3 pm - 6 p.m. only.');
    } finally {
      RULES.splice(RULES.indexOf(lower), 1);
    }
  });

  it('never changes a character outside the range of the diagnostic of the fix', () => {
    const yaml = annotated('At 10:00. At 12:00 and 70 percent, 3-6 p.m., paragraph 1(a).');
    const before = checkSource('meeting.yaml', yaml, {}, NO_CONFIG).diagnostics.filter((d) => d.fix);
    const plan = fixSource('meeting.yaml', yaml, {}, NO_CONFIG);
    expect(plan.applied.length).toBe(before.length);
    for (const change of plan.changes) expect(plan.applied.some((a) => a.start <= change.start && change.end <= a.end)).toBe(true);
    let rebuilt = '';
    let at = 0;
    for (const c of plan.changes) {
      rebuilt += yaml.slice(at, c.start) + c.replacement;
      at = c.end;
    }
    expect(rebuilt + yaml.slice(at)).toBe(plan.text);
  });

  it('fixes in several passes what a fix makes fixable, and reports each change where it was in the file', () => {
    // A rule of this test removes one of two doubled letters at a time: 'maaatters' takes two passes.
    const undouble = defineRule({
      id: 'AG998', name: 'test-undouble', description: 'test', source: 'test', category: 'editorial', severity: 'warning', fixable: true, parameters: {},
      messages: { doubled: 'a doubled letter' },
      hints: {},
      examples: { failing: '', passing: '' },
      check({ model, report }) {
        for (const t of model.sources.texts) {
          const m = /aa/.exec(t.raw);
          if (m) report({ path: t.origin.path, offset: m.index, length: 2, messageId: 'doubled', fix: { offset: m.index, length: 2, replacement: 'a' } });
        }
      },
    }) as unknown as (typeof RULES)[number];
    RULES.push(undouble);
    try {
      const yaml = exampleDefinition().replace('title: Other matters', 'title: Other maaatters');
      const plan = fixSource('meeting.yaml', yaml, {}, NO_CONFIG);
      expect(plan.text).toBe(exampleDefinition());
      expect(plan.passes).toBe(2);
      const line = yaml.split('\n').findIndex((l) => l.includes('Other maaatters')) + 1;
      // Both where they stood in the file as read: the second pass's 'aa' starts at the 'a' the first one left.
      expect(plan.applied.map((a) => [a.line, a.column, a.from, a.pass])).toEqual([
        [line, 19, 'aa', 1],
        [line, 19, 'aa', 2],
      ]);
      expect(plan.result.diagnostics).toEqual(checkSource('meeting.yaml', plan.text, {}, NO_CONFIG).diagnostics);
    } finally {
      RULES.splice(RULES.indexOf(undouble), 1);
    }
  });

  it('drops a fix whose result raises a diagnostic that was not there, and says why', () => {
    // "12 noon" is written "noon"; at the start of a title that would leave a title starting in lower case.
    const yaml = exampleDefinition().replace('title: Other matters', 'title: 12 noon meeting');
    const plan = fixSource('meeting.yaml', yaml, {}, NO_CONFIG);
    expect(plan.text).toBe(yaml);
    expect(plan.applied).toEqual([]);
    expect(plan.skipped).toEqual([expect.objectContaining({ code: 'AG026', from: '12 noon', to: 'noon', reason: expect.stringMatching(/^would raise AG033 /) })]);
    // Still reported, but not as something --fix can fix.
    expect(plan.result.diagnostics.filter((d) => d.code === 'AG026')).toEqual([expect.not.objectContaining({ fix: expect.anything() })]);
  });

  it('drops a fix that the YAML around it would read differently, and keeps the other fixes of the field', () => {
    // An escaped line break joins "1" and "(a)" in the value, and swallows a space inserted before "(a)" in the source.
    const yaml = annotated('"See paragraph 1\\\n          (a) and 70 percent."');
    const plan = fixSource('meeting.yaml', yaml, {}, NO_CONFIG);
    expect(plan.text).toBe(annotated('"See paragraph 1\\\n          (a) and 70 per cent."'));
    expect(plan.applied.map((a) => a.code)).toEqual(['AG028']);
    expect(plan.skipped).toEqual([expect.objectContaining({ code: 'AG032', from: '', to: ' ', reason: 'would change the text differently in the YAML' })]);
  });

  it('finds the last element at or before a value with one binary search', () => {
    const sorted = [0, 3, 3, 7];
    expect([-1, 0, 2, 3, 6, 7, 99].map((v) => lastAtOrBefore(sorted, v))).toEqual([-1, 0, 0, 2, 2, 3, 3]);
    expect(lastAtOrBefore([], 5)).toBe(-1);
  });

  it('applies all fixes of a pass with a fixed number of checks, however many there are', () => {
    const plan = fixSource('meeting.yaml', manyItems(150), {}, NO_CONFIG);
    expect(plan.applied.length).toBe(450);
    // The first check, and one of the result of the one pass: not one check per fix.
    expect([plan.passes, plan.checks]).toEqual([1, 2]);
  });
});

describe('--fix writes through the path the user named', () => {
  const FIXABLE = annotated('Some 70 percent of the reviews are complete.');
  const FIXED = annotated('Some 70 per cent of the reviews are complete.');
  const folder = () => mkdtempSync(join(tmpdir(), 'agenda-fix-'));

  it('fixes the target of a symbolic link, and the link stays a link', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'store'));
    const target = join(dir, 'store', 'meeting.yaml');
    writeFileSync(target, FIXABLE);
    symlinkSync('store/meeting.yaml', join(dir, 'link.yaml'));
    const outcome = await fixFile(join(dir, 'link.yaml'), { config: false });
    expect(outcome.applied).toHaveLength(1);
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(FIXED);
    expect(readdirSync(join(dir, 'store'))).toEqual(['meeting.yaml']);
  });

  it('keeps the mode of the file', async () => {
    const file = join(folder(), 'meeting.yaml');
    writeFileSync(file, FIXABLE);
    chmodSync(file, 0o600);
    await fixFile(file, { config: false });
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps hard links: every name of the file sees the fix', async () => {
    const dir = folder();
    const file = join(dir, 'meeting.yaml');
    writeFileSync(file, FIXABLE);
    linkSync(file, join(dir, 'other-name.yaml'));
    await fixFile(file, { config: false });
    expect(readFileSync(join(dir, 'other-name.yaml'), 'utf8')).toBe(FIXED);
    expect(statSync(file).ino).toBe(statSync(join(dir, 'other-name.yaml')).ino);
    expect(readdirSync(dir).sort()).toEqual(['meeting.yaml', 'other-name.yaml']); // the copy kept during the write is gone
  });

  it('keeps CRLF line endings and a byte-order mark', async () => {
    const file = join(folder(), 'meeting.yaml');
    const crlf = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    writeFileSync(file, crlf(FIXABLE));
    const outcome = await fixFile(file, { config: false });
    expect(outcome.applied).toEqual(["18:29 AG028 'percent' → 'per cent'"]); // positions count a CRLF as one line end
    expect(readFileSync(file, 'utf8')).toBe(crlf(FIXED));
  });

  it('keeps mixed line endings as they are', async () => {
    const file = join(folder(), 'meeting.yaml');
    const mixed = (text: string) => text.split('\n').map((line, i) => (i % 3 === 0 ? `${line}\r\n` : `${line}\n`)).join('').slice(0, -1);
    writeFileSync(file, mixed(FIXABLE));
    await fixFile(file, { config: false });
    expect(readFileSync(file, 'utf8')).toBe(mixed(FIXED));
  });

  it('refuses a file larger than the limit without reading it all', async () => {
    const file = join(folder(), 'meeting.yaml');
    writeFileSync(file, `${FIXABLE}\n${'#'.repeat(6 << 20)}\n`);
    await expect(fixFile(file, { config: false })).rejects.toThrow(`is ${statSync(file).size} bytes long; the limit is 5242880`);
  });

  it('says plainly that the fixed text could not be written, and leaves the file as it was', async () => {
    const file = join(folder(), 'meeting.yaml');
    writeFileSync(file, FIXABLE);
    // As root every file may be written: the system's refusal is stood in for.
    const refuse = () => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES', syscall: 'open', path: file });
    };
    const outcome = await fixFile(file, { config: false }, refuse);
    expect(outcome.unwritable).toBe(true);
    expect(outcome.applied).toEqual([]);
    expect(outcome.refused).toMatch(/^the fixed text could not be written: permission denied \(EACCES\); the file is left as it was \(--fix needs to write the file/);
    expect(outcome.result.diagnostics.map((d) => d.code)).toEqual(['AG028']);
    expect(readFileSync(file, 'utf8')).toBe(FIXABLE);
  });

  // An immutable folder or file refuses even root, as a read-only folder refuses a user.
  const chattr = (flag: string, path: string) => spawnSync('chattr', [flag, path]).status === 0;
  const canChattr = (() => {
    const probe = join(folder(), 'probe');
    writeFileSync(probe, '');
    return chattr('+i', probe) && chattr('-i', probe);
  })();

  it.runIf(canChattr)('agenda check --fix fixes a file in a folder that refuses new files, keeping the copy of the previous content in the temporary folder', async () => {
    const dir = folder();
    const file = join(dir, 'meeting.yaml');
    writeFileSync(file, FIXABLE);
    const ino = statSync(file).ino;
    chattr('+i', dir);
    try {
      let err = '';
      const code = await main(['node', 'agenda', 'check', '--fix', file], { out: () => {}, err: (t: string) => (err += t), color: false });
      expect(err).toContain('fixed 1 problem');
      expect(code).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(FIXED);
      expect(statSync(file).ino).toBe(ino);
      expect(readdirSync(dir)).toEqual(['meeting.yaml']);
    } finally {
      chattr('-i', dir);
    }
  });

  it.runIf(canChattr)('agenda check --fix on a file that cannot be written says so as a --fix problem, and exits 2', async () => {
    const file = join(folder(), 'meeting.yaml');
    writeFileSync(file, FIXABLE);
    chattr('+i', file);
    try {
      let err = '';
      const code = await main(['node', 'agenda', 'check', '--fix', file], { out: () => {}, err: (t: string) => (err += t), color: false });
      expect(err).toContain('meeting.yaml: not fixed: the fixed text could not be written: operation not permitted (EPERM); the file is left as it was');
      expect(err).not.toContain('output folder');
      expect(code).toBe(2);
      expect(readFileSync(file, 'utf8')).toBe(FIXABLE);
    } finally {
      chattr('-i', file);
    }
  });

  it('fixes a file whose name is 245 characters long', async () => {
    const dir = folder();
    const file = join(dir, `${'m'.repeat(240)}.yaml`);
    writeFileSync(file, FIXABLE);
    const outcome = await fixFile(file, { config: false });
    expect(outcome.applied).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(readdirSync(dir)).toEqual([`${'m'.repeat(240)}.yaml`]);
  });
});

describe('final punctuation of a title', () => {
  const withTitle = (title: string) => exampleDefinition({ items: standardItems({ added: `  - id: extra\n    title: "${title}"` }) });
  const titleOf = (yaml: string) => /id: extra\n {4}title: "(.*)"/.exec(yaml)![1];

  it.each([
    ['Other questions..', 'Other questions', '..'],
    ['Other questions.;', 'Other questions', '.;'],
    ['Reports, studies, etc..', 'Reports, studies, etc.', '.'],
  ])('%s: one diagnostic names the whole run, and one fix in one pass removes it', (title, after, run) => {
    const yaml = withTitle(title);
    const diagnostics = checkSource('meeting.yaml', yaml, {}, NO_CONFIG).diagnostics.filter((d) => d.code === 'AG033');
    expect(diagnostics.map((d) => d.message)).toEqual([`a title has no final '${run}': the agenda list adds its own punctuation`]);
    expect(diagnostics[0]!.endColumn! - diagnostics[0]!.column).toBe(run.length);
    const plan = fixSource('meeting.yaml', yaml, {}, NO_CONFIG);
    expect(titleOf(plan.text)).toBe(after);
    expect(plan.passes).toBe(1);
  });

  it('leaves the full stop of an abbreviation that ends a title', () => {
    expect(checkSource('meeting.yaml', withTitle('Reports, studies, etc.'), {}, NO_CONFIG).diagnostics.filter((d) => d.code === 'AG033')).toEqual([]);
  });
});
