// `agenda init`: a definition for every profile that checks clean, the refusal to replace a
// file, clear errors that write nothing, and the questions asked on a terminal.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { initCommand, schemaReference } from '../../src/commands/init.js';
import { plan } from '../../src/init/template.js';
import { PROFILES } from '../../src/rules/profiles.js';

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'agenda', ...args], { out: (t) => (out += t), err: (t) => (err += t), color: false });
  return { code, out, err };
}

const scratches: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'agenda-init-'));
  scratches.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of scratches) rmSync(d, { recursive: true, force: true });
});

/** A symbol of each profile's series, as its bodies number their agendas. */
const SYMBOLS: Record<string, string> = {
  generic: 'A/AC.999/2027/1',
  'untoc-working-group': 'CTOC/COP/WG.3/2027/1',
  'untoc-cop-session': 'CTOC/COP/2027/1',
  'uncac-cosp-session': 'CAC/COSP/2027/1',
  'ecosoc-functional-commission': 'E/CN.7/2027/1',
  'treaty-body': 'CMW/C/41/1',
  'ga-regular-session': 'A/82/150',
  'ga-special-session': 'A/S-34/1',
  'ga-emergency-special-session': 'A/ES-12/1',
  'un-conference': 'A/CONF.240/1',
  'unctad-body': 'TD/B/C.II/60',
};

describe('agenda init with flags', () => {
  it('has one template for each profile', () => {
    const templates = readdirSync(new URL('../../templates/', import.meta.url)).sort();
    expect(templates).toEqual(PROFILES.map((p) => `${p.name}.yaml`).sort());
    expect(Object.keys(SYMBOLS).sort()).toEqual(PROFILES.map((p) => p.name).sort());
  });

  it.each(PROFILES.map((p) => p.name))('writes a definition for %s that checks clean', async (profile) => {
    const dir = scratch();
    const file = join(dir, 'meeting.yaml');
    const made = await run('init', '--profile', profile, '--symbol', SYMBOLS[profile]!, '--out', file);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toContain(`Wrote ${file} (profile ${profile}`);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+meeting\.schema\.json$/);
    expect(text).toMatch(new RegExp(`^profile: ${profile}$`, 'm'));
    expect(text).toContain(`  symbol: ${SYMBOLS[profile]}\n`);
    expect(text).toContain('# Fill in');
    expect(text).not.toContain('{{');
    // Clean: not an error, a warning or a note, under the profile's own rules.
    const checked = await run('check', '--format', 'json', file);
    expect(JSON.parse(checked.out)).toMatchObject({ errorCount: 0, warningCount: 0, infoCount: 0 });
    expect(checked.code).toBe(0);
  });

  it('takes the opening day, and the session number a symbol carries', async () => {
    const { code, out } = await run('init', '--profile', 'treaty-body', '--symbol', 'CMW/C/41/1', '--opens', '2027-03-29', '--out', '-');
    expect(code).toBe(0);
    expect(out).toContain('  date: 2027-01-04 #');
    expect(out).toContain('  number: 41 #');
    // Two weeks of meetings: ten working days.
    expect(out).toContain('  dates: [2027-03-29, 2027-04-09] #');
  });

  it('puts the meeting in the year of a UNODC or ECOSOC symbol, far enough ahead for the lead time', () => {
    const today = Date.UTC(2026, 11, 4);
    expect(plan('ecosoc-functional-commission', 'E/CN.7/2027/1', today)).toEqual({ date: '2026-12-21', opens: '2027-03-15', closes: '2027-03-19', number: 1, plenary: 10 });
    // A year already past: early June of it, for the author to correct.
    expect(plan('untoc-working-group', 'CTOC/COP/WG.3/2023/1', today)).toMatchObject({ opens: '2023-06-05', closes: '2023-06-06' });
    // The eighty-second regular session opens on the second Tuesday of September 2027.
    expect(plan('ga-regular-session', 'A/82/150', today)).toMatchObject({ opens: '2027-09-14', closes: '2027-09-14', number: 82 });
    // An emergency special session: the agenda bears the day of the opening.
    const ess = plan('ga-emergency-special-session', 'A/ES-12/1', today);
    expect(ess.date).toBe(ess.opens);
  });

  it('writes the file and says what the configuration of its folder reports in it, beyond the profile', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'agenda.config.yaml'), 'rules:\n  AG016: error\n');
    const file = join(dir, 'meeting.yaml');
    const r = await run('init', '--profile', 'generic', '--symbol', 'A/AC.999/2027/1', '--out', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Note: under the configuration of its folder, agenda check .*meeting\.yaml reports \d+ problems? in it/);
    // Without a configuration, nothing to note.
    const plain = await run('init', '--profile', 'generic', '--symbol', 'A/AC.999/2027/1', '--out', join(scratch(), 'meeting.yaml'));
    expect(plain.out).not.toContain('Note:');
  });

  it('says why it cannot write where a file stands in the way of a folder, with exit 2 and no stack', async () => {
    const file = join(scratch(), 'meeting.yaml');
    writeFileSync(file, 'mine\n');
    const r = await run('init', '--profile', 'generic', '--symbol', 'A/AC.999/2027/1', '--out', join(file, 'x.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^agenda: cannot write .*meeting\.yaml\/x\.yaml: file already exists, mkdir /);
    expect(r.err).not.toMatch(/bug|\n\s+at /);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
  });

  it('refuses to replace a file without --force, and replaces it with', async () => {
    const file = join(scratch(), 'meeting.yaml');
    writeFileSync(file, 'mine\n');
    const refused = await run('init', '--profile', 'generic', '--symbol', 'A/AC.999/2027/1', '--out', file);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(`agenda: ${file} already exists: nothing was written (--force replaces it)\n`);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    const forced = await run('init', '--profile', 'generic', '--symbol', 'A/AC.999/2027/1', '--out', file, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('symbol: A/AC.999/2027/1');
  });

  it.each([
    [['--profile', 'ecosoc', '--symbol', 'E/CN.7/2027/1'], "agenda: unknown profile: ecosoc (choose from generic, untoc-working-group"],
    [['--profile', 'treaty-bodies', '--symbol', 'CMW/C/41/1'], "unknown profile: treaty-bodies (did you mean 'treaty-body'?)"],
    [['--profile', 'treaty-body', '--symbol', 'cmw c 41'], "agenda: 'cmw c 41' is not a document symbol: write its components separated by slashes"],
    [['--profile', 'ecosoc-functional-commission', '--symbol', 'A/80/150'], "  error 'A/80/150' is not in the series of this kind of body (E/CN.)"],
    [['--profile', 'ecosoc-functional-commission', '--symbol', 'E/CN.7/2027/1', '--opens', '2028-03-13'], "  error the symbol's year is 2027, but the meeting is in 2028"],
    [['--profile', 'generic', '--symbol', 'A/AC.999/2027/1', '--opens', '2027-02-30'], "agenda: --opens takes a date as YYYY-MM-DD, not '2027-02-30'"],
  ])('refuses %j with a clear message and writes nothing', async (args, message) => {
    const dir = scratch();
    const { code, out, err } = await run('init', ...args, '--out', join(dir, 'meeting.yaml'));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /); // no stack
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the missing flags when it cannot ask', async () => {
    const { code, err } = await run('init', '--profile', 'generic');
    expect(code).toBe(2);
    expect(err).toContain('agenda: init needs --symbol, --out when it cannot ask (standard input is not a terminal)');
  });

  it('points the $schema line at the schema an editor reaches from the folder', () => {
    const pkg = { name: 'un-agenda', version: '9.8.7' };
    const repo = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
    expect(schemaReference(join(repo, 'examples'), pkg)).toBe('../schemas/meeting.schema.json');
    const project = scratch();
    mkdirSync(join(project, 'node_modules/un-agenda/schemas'), { recursive: true });
    writeFileSync(join(project, 'node_modules/un-agenda/schemas/meeting.schema.json'), '{}');
    expect(schemaReference(join(project, 'meetings', '2027'), pkg)).toBe('../../node_modules/un-agenda/schemas/meeting.schema.json');
    expect(schemaReference(scratch(), pkg)).toBe('https://unpkg.com/un-agenda@9.8.7/schemas/meeting.schema.json');
  });
});

describe('agenda init on a terminal', () => {
  /** Runs init with keys typed at the prompts: each answer is typed once its question is drawn. */
  async function answer(flags: Parameters<typeof initCommand>[0], script: [RegExp, string][]) {
    const input = new PassThrough();
    const output = new PassThrough();
    // A terminal stays open between questions: each prompt's stream, piped into it, ends it when done.
    output.end = (() => output) as typeof output.end;
    let screen = '';
    let next = 0;
    output.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      // The question is drawn in pieces: type once the whole of it is on the screen.
      while (next < script.length && script[next]![0].test(screen)) {
        const keys = script[next++]![1];
        screen = '';
        setImmediate(() => input.write(keys));
      }
    });
    let out = '';
    let err = '';
    const code = await initCommand(flags, { out: (t) => (out += t), err: (t) => (err += t), color: false }, { prompt: { input, output } });
    return { code, out, err, asked: next };
  }

  const DOWN = '\u001b[B';

  it('asks for the profile, the symbol and the file, and writes a definition that checks clean', async () => {
    const dir = scratch();
    const file = join(dir, 'commission.yaml');
    // Down the list, one key per drawing, to the profile; the list is drawn whole, with the highlighted profile's description.
    const down = PROFILES.findIndex((p) => p.name === 'ecosoc-functional-commission');
    const keys: [RegExp, string][] = [[/Which kind of body meets\?[\s\S]*unctad-body[\s\S]*the editorial rules only/, DOWN]];
    for (let i = 1; i < down; i++) keys.push([new RegExp(`❯ ${PROFILES[i]!.name}`), DOWN]);
    keys.push([/❯ ecosoc-functional-commission[\s\S]*Economic and Social Council/, '\r']);
    const { code, err, asked } = await answer({}, [...keys, [/Symbol of the agenda/, 'E/CN.7/2027/1\r'], [/File to write/, `${file}\r`]]);
    expect(err).toBe('');
    expect(asked).toBe(keys.length + 2);
    expect(code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^profile: ecosoc-functional-commission$/m);
    expect(text).toContain('  symbol: E/CN.7/2027/1\n');
    expect((await run('check', file)).code).toBe(0);
  });

  it('asks only for what the flags do not give, and asks again for a symbol that is not one or that the profile rejects', async () => {
    const file = join(scratch(), 'meeting.yaml');
    const { code, asked } = await answer({ profile: 'ecosoc-functional-commission', out: file }, [
      [/Symbol of the agenda/, 'cmw c 41\r'],
      [/is not a document symbol/, '\u0015CMW/C/41/1\r'],
      // The profile's own rules, before the next question.
      [/'CMW\/C\/41\/1' is not in the series of this kind of body \(E\/CN\.\)/, '\u0015E/CN.7/2027/1\r'],
    ]);
    expect(asked).toBe(3);
    expect(code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('  symbol: E/CN.7/2027/1\n');
  });

  it('asks again for a file that exists', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'taken.yaml'), 'mine\n');
    const { code, asked } = await answer({ profile: 'generic', symbol: 'A/AC.999/2027/1' }, [
      [/File to write/, `${join(dir, 'taken.yaml')}\r`],
      [/taken\.yaml already exists \(--force replaces it\)/, `\u0015${join(dir, 'free.yaml')}\r`],
    ]);
    expect(asked).toBe(2);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'taken.yaml'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(dir, 'free.yaml'))).toBe(true);
  });

  it('writes nothing when stopped by Ctrl+C at a question', async () => {
    const dir = scratch();
    const { code, err } = await answer({ profile: 'generic', out: join(dir, 'meeting.yaml') }, [[/Symbol of the agenda/, 'A/AC.9\u0003']]);
    expect(code).toBe(130);
    expect(err).toBe('agenda: stopped: nothing was written\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('asks on a real terminal, in the built command (through script(1), which gives it a pseudo-terminal)', async (ctx) => {
    if (spawnSync('script', ['--version']).status !== 0) ctx.skip('script(1) of util-linux is not installed: no pseudo-terminal to drive');
    const dir = scratch();
    const bin = new URL('../../bin/agenda.js', import.meta.url).pathname;
    const child = spawn('script', ['-qec', `"${process.execPath}" "${bin}" init`, '/dev/null'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    const script: [RegExp, string][] = [
      [/Which kind of body meets\?[\s\S]*navigate/, '\u001b[B'],
      [/❯ untoc-working-group/, '\r'],
      [/Symbol of the agenda/, 'CTOC/COP/WG.3/2027/1\r'],
      [/File to write/, 'wg.yaml\r'],
    ];
    let screen = '';
    let next = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      while (next < script.length && script[next]![0].test(screen)) {
        const keys = script[next++]![1];
        screen = '';
        setTimeout(() => child.stdin.write(keys), 20);
      }
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(next).toBe(script.length);
    expect(screen).toContain('Wrote wg.yaml (profile untoc-working-group');
    expect(code).toBe(0);
    expect((await run('check', join(dir, 'wg.yaml'))).code).toBe(0);
  });
});
