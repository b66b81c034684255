/**
 * `agenda build` over many inputs, as a secretariat and a CI job use it: folders and
 * globs mirrored under --out, failures isolated and summed up, incremental rebuilds
 * that follow the input, the configuration and the options, shards, --json, the
 * levels of output, refused output paths, and --watch in a real process.
 */
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateMeeting } from '../../bench/generate.js';
import { main } from '../../src/cli.js';
import { MANIFEST_NAME } from '../../src/batch/manifest.js';
import { reportPath } from '../../src/diagnostics/formatters/paths.js';
import { exampleDefinition, itemsWithAnnotation } from '../../src/rules/example-definition.js';
import { repoRoot } from '../helpers/reference.js';

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'agenda', ...args], { out: (t) => (out += t), err: (t) => (err += t), color: false });
  return { code, out, err };
}

const scratches: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'agenda-build-'));
  scratches.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of scratches) rmSync(d, { recursive: true, force: true });
});

/** meetings/2019/m0.yaml … meetings/2021/m5.yaml: six valid, generated definitions in three folders. */
function archive(count = 6): string {
  const dir = scratch();
  for (let i = 0; i < count; i++) {
    const folder = join(dir, 'meetings', String(2019 + (i % 3)));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `m${i}.yaml`), generateMeeting(i));
  }
  return dir;
}

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();

describe('agenda build of many inputs', () => {
  it('builds folders and globs, mirrors their tree under --out, and then rebuilds only what changed', async () => {
    const dir = archive();
    const out = join(dir, 'out');
    const inputsBefore = files(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs, readFileSync(join(dir, f), 'utf8')]);
    const first = await run('build', join(dir, 'meetings'), '--format', 'md,html', '--out', out, '--jobs', '1');
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/^\[6\/6\] built .*m\d\.yaml$/m);
    expect(first.err).toMatch(/^6 built, 0 up to date, 0 failed \(6 files in [\d.]+ s, [\d.]+ files\/s\)$/m);
    // The inputs are read, never written.
    expect(files(dir).filter((f) => !f.startsWith('out/')).map((f) => [f, statSync(join(dir, f)).mtimeMs, readFileSync(join(dir, f), 'utf8')])).toEqual(inputsBefore);
    expect(files(out)).toEqual([MANIFEST_NAME, ...['2019/m0', '2019/m3', '2020/m1', '2020/m4', '2021/m2', '2021/m5'].flatMap((m) => [`${m}.html`, `${m}.md`])]);

    const again = await run('build', join(dir, 'meetings'), '--format', 'md,html', '--out', out);
    expect(again.err).toMatch(/^0 built, 6 up to date, 0 failed/m);

    const edited = join(dir, 'meetings', '2020', 'm4.yaml');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('Vienna', 'Geneva'));
    const glob = await run('build', `${dir}/meetings/**/*.yaml`, '--format', 'md,html', '--out', out, '--verbose');
    expect(glob.err).toMatch(/^1 built, 5 up to date, 0 failed/m);
    expect(glob.err).toMatch(/^\[\d\/6\] built .*2020\/m4\.yaml\n {2}wrote .*out\/2020\/m4\.md\n {2}wrote .*out\/2020\/m4\.html$/m);
    expect(readFileSync(join(out, '2020', 'm4.md'), 'utf8')).toContain('Geneva');

    // Another set of formats is another build.
    expect((await run('build', join(dir, 'meetings'), '--format', 'md', '--out', out)).err).toMatch(/^6 built/m);
    expect((await run('build', join(dir, 'meetings'), '--format', 'md', '--out', out, '--force')).err).toMatch(/^6 built, 0 up to date/m);
  });

  it('keeps going when files fail, lists them, and exits 1 (2 for an unreadable file)', async () => {
    const dir = archive(3);
    const broken = join(dir, 'meetings', '2019', 'broken.yaml');
    writeFileSync(broken, 'document: [\n');
    const r = await run('build', join(dir, 'meetings'), '--out', join(dir, 'out'), '--jobs', '1');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/2019\/broken\.yaml:2:1: error .*\[yaml-syntax\]/);
    expect(r.err).toMatch(/^3 built, 0 up to date, 1 failed .*\nfailed: .*2019\/broken\.yaml$/m);
    expect(existsSync(join(dir, 'out', '2019', 'm0.md'))).toBe(true);

    writeFileSync(broken, Buffer.from([0xff, 0xfe, 0x41, 0x00]));
    const unreadable = await run('build', join(dir, 'meetings'), '--out', join(dir, 'out'));
    expect(unreadable.code).toBe(2);
    expect(unreadable.err).toContain('broken.yaml: error is encoded in UTF-16');
  });

  it('exits 2 when an input matches nothing, naming it', async () => {
    const dir = archive(2);
    const r = await run('build', join(dir, 'meetings'), join(dir, 'nope.yaml'), `${dir}/none/*.yaml`, '--out', join(dir, 'out'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`agenda: ${join(dir, 'nope.yaml')} matches no meeting definition`);
    expect(r.err).toContain(`agenda: ${dir}/none/*.yaml matches no meeting definition`);
    expect(existsSync(join(dir, 'out', '2019', 'm0.md'))).toBe(true); // what matched is still built
  });

  it('rebuilds when the configuration changes, and stops on a bad one with exit 2', async () => {
    const dir = scratch();
    const file = join(dir, 'w.yaml');
    writeFileSync(file, exampleDefinition({ items: itemsWithAnnotation('See the 5 reviews.') }));
    const out = join(dir, 'out');
    const first = await run('build', file, '--out', out);
    expect(first.code).toBe(0);
    expect(first.err).toContain('[AG029 numbers-in-words]');
    // Up to date: the same warning is reported again, from the manifest.
    const again = await run('build', file, '--out', out);
    expect(again.err).toContain('[AG029 numbers-in-words]');
    expect(again.err).not.toContain('wrote');

    writeFileSync(join(dir, 'agenda.config.yaml'), 'rules:\n  AG029: off\n');
    const configured = await run('build', file, '--out', out);
    expect(configured.err).toMatch(/^wrote /m);
    expect(configured.err).not.toContain('AG029');

    writeFileSync(join(dir, 'agenda.config.yaml'), 'rules:\n  AG029: loud\n');
    const bad = await run('build', file, '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`${join(dir, 'agenda.config.yaml')}:2:10: error 'loud' is not a severity [config]`);
    expect(bad.err).toContain(`error the configuration ${reportPath(join(dir, 'agenda.config.yaml'), process.cwd())} has errors (listed above)`);

    const missing = await run('build', file, '--out', out, '--config', join(dir, 'missing.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read the configuration: file not found');
  });

  it('keeps rule errors out of the outputs unless --allow-errors, and a skipped build with errors still fails', async () => {
    const dir = scratch();
    const file = join(dir, 'meeting.yaml');
    writeFileSync(file, exampleDefinition({ items: itemsWithAnnotation('Some 70 percent of it.') }));
    const out = join(dir, 'out');
    const refused = await run('build', file, '--out', out);
    expect(refused.code).toBe(1);
    expect(existsSync(join(out, 'meeting.md'))).toBe(false);
    expect((await run('build', file, '--out', out, '--allow-errors')).code).toBe(1);
    expect(existsSync(join(out, 'meeting.md'))).toBe(true);
    const skipped = await run('build', file, '--out', out, '--allow-errors');
    expect(skipped.code).toBe(1);
    expect(skipped.err).toContain('[AG028 per-cent]');
    // Without --allow-errors the same outputs are not "up to date": the build is refused again.
    expect((await run('build', file, '--out', out)).err).toContain('not built, because of the errors above');
  });

  it('splits the inputs into stable, disjoint shards', async () => {
    const dir = archive(10);
    const shard = async (i: number) => {
      const r = await run('build', join(dir, 'meetings'), '--out', join(dir, `out${i}`), '--shard', `${i}/3`, '--json');
      expect(r.code).toBe(0);
      return (JSON.parse(r.out) as { files: { file: string }[] }).files.map((f) => f.file);
    };
    const slices = [await shard(1), await shard(2), await shard(3)];
    const all = slices.flat();
    expect(new Set(all).size).toBe(10);
    for (const s of slices) expect(s.length).toBeLessThan(10);
    expect(await shard(2)).toEqual(slices[1]);
  });

  it('prints a machine-readable summary with --json, and nothing else on stdout', async () => {
    const dir = archive(2);
    writeFileSync(join(dir, 'meetings', 'bad.yaml'), 'document: [\n');
    const r = await run('build', join(dir, 'meetings'), '--out', join(dir, 'out'), '--json', '--jobs', '1');
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.out);
    expect(summary).toMatchObject({ built: 2, skipped: 0, failed: 1, stopped: 0, unmatched: [] });
    const bad = summary.files.find((f: { file: string }) => f.file.endsWith('bad.yaml'));
    expect(bad).toMatchObject({ status: 'failed', outputs: [], diagnostics: [{ code: 'yaml-syntax', line: 2, column: 1, severity: 'error' }] });
    const good = summary.files.find((f: { status: string }) => f.status === 'built');
    expect(good.outputs[0]).toMatch(/out\/20\d\d\/m\d\.md$/);
    expect(r.err).not.toContain('[yaml-syntax]');
  });

  it('is silent with --quiet when all is well, and still reports errors', async () => {
    const dir = archive(2);
    expect(await run('build', join(dir, 'meetings'), '--out', join(dir, 'out'), '--quiet')).toEqual({ code: 0, out: '', err: '' });
    writeFileSync(join(dir, 'meetings', 'bad.yaml'), 'document: [\n');
    const r = await run('build', join(dir, 'meetings'), '--out', join(dir, 'out'), '--quiet');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.yaml:2:1: error/);
    expect(r.err).not.toMatch(/^\[/m);
  });

  it('refuses usage mistakes with exit 2', async () => {
    const dir = archive(1);
    for (const args of [['--jobs', '0'], ['--job-timeout', 'soon'], ['--job-timeout', '-1'], ['--shard', '3/2'], ['--shard', 'half'], ['--quiet', '--verbose'], ['--profile', 'nope']]) {
      const r = await run('build', join(dir, 'meetings'), '--out', join(dir, 'out'), ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(/^agenda: /);
    }
  });
});

describe('output paths', () => {
  it('refuses an output that would overwrite an input or another input’s output', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'notes.md'), exampleDefinition());
    const self = await run('build', join(dir, 'notes.md'), '--format', 'md');
    expect(self.code).toBe(1);
    expect(self.err).toContain('would overwrite an input file');
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe(exampleDefinition());

    writeFileSync(join(dir, 'a.yaml'), exampleDefinition());
    writeFileSync(join(dir, 'a.yml'), exampleDefinition());
    const twins = await run('build', join(dir, 'a.yaml'), join(dir, 'a.yml'), '--out', join(dir, 'out'));
    expect(twins.code).toBe(1);
    expect(twins.err).toMatch(/a\.yml: error the output .*out\/a\.md is also the output of .*a\.yaml/);
  });

  it('refuses to follow a symbolic link out of --out', async () => {
    const dir = archive(2);
    const out = join(dir, 'out');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(out);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, '2019'));
    const r = await run('build', join(dir, 'meetings'), '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('leads outside');
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('refuses --jobs beyond a sane number and an empty --out, as usage errors', async () => {
    const dir = archive(1);
    for (const jobs of ['99999999999999999999', '100000000', '1025', '0', '2.5', '1e3']) {
      const r = await run('build', join(dir, 'meetings'), '--jobs', jobs, '--out', join(dir, 'out'));
      expect(r.code, jobs).toBe(2);
      expect(r.err).toBe(`agenda: --jobs takes a whole number from 1 to 1024, not '${jobs}'\n`);
    }
    const empty = await run('build', join(dir, 'meetings', '2019', 'm0.yaml'), '--out', '');
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/^agenda: --out takes a folder, not an empty name/);
    expect(readdirSync(join(dir, 'meetings', '2019'))).toEqual(['m0.yaml']); // nothing written beside it
  });

  it('says plainly, with exit 2, when --out cannot be used', async () => {
    const dir = archive(1);
    const file = join(dir, 'meetings', '2019', 'm0.yaml');
    const cases: [string, RegExp][] = [
      [file, /^agenda: cannot use .*m0\.yaml as the output folder: it is not a folder\n {2}→ choose another --out folder\n$/],
      [join(file, 'sub'), /^agenda: cannot use .*sub as the output folder: a folder on its path is a file\n/],
    ];
    if (process.platform === 'linux') {
      cases.push(['/proc/self', /^agenda: cannot write in the output folder \/proc\/self: no such file or directory \(ENOENT\)\n {2}→ choose a folder you can write to\n$/]);
      cases.push(['/proc/self/x', /^agenda: cannot create the output folder \/proc\/self\/x: no such file or directory \(ENOENT\)\n/]);
    }
    for (const [out, message] of cases) {
      const r = await run('build', file, '--out', out);
      expect(r.code, out).toBe(2);
      expect(r.err).toMatch(message);
    }
  });

  it('names a write error once: the path, the reason, the code', async () => {
    const { cannotWrite, describeFailure } = await import('../../src/batch/job.js');
    const dir = scratch();
    let real: NodeJS.ErrnoException | undefined;
    try {
      writeFileSync(dir, 'x'); // a folder: EISDIR
    } catch (err) {
      real = err as NodeJS.ErrnoException;
    }
    expect(cannotWrite(real!)).toBe(`cannot write ${reportPath(dir, process.cwd())}: illegal operation on a directory (EISDIR)`);
    const denied = Object.assign(new Error(`EACCES: permission denied, open '${join(dir, '.m.md.123.0badc0de.tmp')}'`), { code: 'EACCES', errno: -13, syscall: 'open', path: join(dir, '.m.md.123.0badc0de.tmp') });
    expect(describeFailure(denied)).toMatchObject({ kind: 'write', message: `cannot write in ${reportPath(dir, process.cwd())}: permission denied (EACCES)` });
    const renamed = Object.assign(new Error(`EPERM: operation not permitted, rename 'a' -> '${join(dir, 'm.pdf')}'`), { code: 'EPERM', syscall: 'rename', path: 'a', dest: join(dir, 'm.pdf') });
    expect(describeFailure(renamed).message).toBe(`cannot write ${reportPath(join(dir, 'm.pdf'), process.cwd())}: operation not permitted (EPERM)`);
  });

  it('survives a damaged manifest by building again', async () => {
    const dir = archive(1);
    const out = join(dir, 'out');
    expect((await run('build', join(dir, 'meetings'), '--out', out)).code).toBe(0);
    for (const damage of ['{', '{"version":2,"entries":{"2019/m0.yaml":{"key":1,"outputs":null}}}', 'null']) {
      writeFileSync(join(out, MANIFEST_NAME), damage);
      const r = await run('build', join(dir, 'meetings'), '--out', out);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/^wrote /m);
    }
  });
});

describe('the built command (worker processes, --watch)', () => {
  const bin = join(repoRoot, 'bin/agenda.js');

  it('gives the same bytes on two worker processes as in one process', async () => {
    const dir = archive(24); // workers start from 24 jobs
    const exec = (...args: string[]) => new Promise<number>((done) => spawn('node', [bin, ...args], { stdio: 'ignore' }).on('exit', (c) => done(c ?? -1)));
    expect(await exec('build', join(dir, 'meetings'), '--format', 'md,html,pdf', '--out', join(dir, 'one'), '--jobs', '1')).toBe(0);
    expect(await exec('build', join(dir, 'meetings'), '--format', 'md,html,pdf', '--out', join(dir, 'two'), '--jobs', '2')).toBe(0);
    const listed = files(join(dir, 'one'));
    expect(listed).toHaveLength(24 * 3 + 1); // three formats each, and the manifest
    expect(files(join(dir, 'two'))).toEqual(listed);
    for (const f of listed) expect(readFileSync(join(dir, 'two', f)).equals(readFileSync(join(dir, 'one', f))), f).toBe(true);
  });

  it('fails the files a worker takes longer than --job-timeout over, with exit 1, and writes none of them', async () => {
    const dir = archive(24); // workers start from 24 jobs
    const child = spawn('node', [bin, 'build', join(dir, 'meetings'), '--format', 'pdf', '--out', join(dir, 'out'), '--jobs', '2', '--job-timeout', '0.001', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(1);
    const summary = JSON.parse(out) as { failed: number; files: { status: string; error?: { kind: string; message: string } }[] };
    expect(summary.failed).toBe(24);
    expect(new Set(summary.files.map((f) => `${f.status} ${f.error?.kind}: ${f.error?.message}`))).toEqual(new Set(['failed timeout: took longer than 0.001 seconds to build, and was stopped']));
    expect(existsSync(join(dir, 'out')) ? files(join(dir, 'out')).filter((f) => f.endsWith('.pdf')) : []).toEqual([]);
  }, 60_000);

  it('gives a definition the same PDF bytes whatever the same process built before it', async () => {
    // Glyphs that several characters share, in words fontkit shapes (a combining mark keeps
    // them from the build-time tables): b.yaml has one character of each pair, a.yaml the other.
    const word = (units: string[]) => units.map((c) => `${c}e\u0301${c}`).join(' ');
    const dir = scratch();
    mkdirSync(join(dir, 'both'));
    writeFileSync(join(dir, 'both', 'a.yaml'), exampleDefinition({ items: itemsWithAnnotation(JSON.stringify(`Caf\u00e9\u0301 ${word([...'\u00a0\u00ad\u037e\u202f\u2215\u04d8\u04d9\u2016'])}.`)) }));
    writeFileSync(join(dir, 'both', 'b.yaml'), exampleDefinition({ items: itemsWithAnnotation(JSON.stringify(`Caf\u00e9\u0301 ${word([...' -;\u2009\u2044\u018f\u0259\u01c1'])}.`)) }));
    mkdirSync(join(dir, 'alone'));
    writeFileSync(join(dir, 'alone', 'b.yaml'), readFileSync(join(dir, 'both', 'b.yaml')));
    const exec = (...args: string[]) => new Promise<number>((done) => spawn('node', [bin, ...args], { stdio: 'ignore' }).on('exit', (c) => done(c ?? -1)));
    // One process each: a.yaml is built before b.yaml.
    expect(await exec('build', join(dir, 'both'), '--format', 'pdf', '--jobs', '1')).toBe(0);
    expect(await exec('build', join(dir, 'alone'), '--format', 'pdf', '--jobs', '1')).toBe(0);
    expect(readFileSync(join(dir, 'both', 'b.pdf')).equals(readFileSync(join(dir, 'alone', 'b.pdf')))).toBe(true);
  });

  it.runIf(process.platform === 'linux')('ends its worker processes when it is killed (SIGKILL: nothing of its own runs)', async () => {
    const dir = archive(40);
    const child = spawn('node', [bin, 'build', join(dir, 'meetings'), '--format', 'pdf', '--out', join(dir, 'out'), '--jobs', '2'], { stdio: 'ignore' });
    const childrenOf = (pid: number) => {
      try {
        return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      } catch {
        return [];
      }
    };
    let workers: number[] = [];
    for (let i = 0; i < 200 && workers.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 25));
      workers = childrenOf(child.pid!);
    }
    expect(workers).toHaveLength(2);
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    // A worker notices only after the job in hand, and the first (loading the code and fonts) is slow on a busy machine.
    for (let i = 0; i < 500 && workers.some(alive); i++) await new Promise((r) => setTimeout(r, 20));
    expect(workers.filter(alive)).toEqual([]);
  });

  it.runIf(process.platform !== 'win32')('records what was built even when a second Ctrl+C stops it at once', async () => {
    const dir = archive(48);
    const args = [bin, 'build', join(dir, 'meetings'), '--format', 'pdf', '--out', join(dir, 'out')];
    const child = spawn('node', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let err = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    try {
      await new Promise<void>((started) => child.stderr.on('data', (d: Buffer) => /\[[3-9]\/48\] built/.test((err += d.toString())) && started()));
      process.kill(-child.pid!, 'SIGINT');
      await new Promise((r) => setTimeout(r, 30));
      process.kill(-child.pid!, 'SIGINT');
      expect(await exited).toBe(130);
    } finally {
      child.kill('SIGKILL');
    }
    const recorded = Object.keys(JSON.parse(readFileSync(join(dir, 'out', MANIFEST_NAME), 'utf8')).entries).length;
    expect(recorded).toBeGreaterThanOrEqual(3);
    const again = await runToEnd(args);
    expect(again.code).toBe(0);
    expect(again.err).toMatch(new RegExp(`^${48 - recorded} built, ${recorded} up to date, 0 failed`, 'm'));
  }, 30000);

  it.runIf(process.platform === 'linux')('leaves Ctrl+C to the main process even while its workers are starting', async () => {
    const dir = archive(30);
    const child = spawn('node', [bin, 'build', join(dir, 'meetings'), '--format', 'pdf', '--out', join(dir, 'out')], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    try {
      // As soon as the workers exist: they are still loading their code.
      for (let i = 0; i < 400; i++) {
        await new Promise((r) => setTimeout(r, 5));
        if (readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim()) break;
      }
      process.kill(-child.pid!, 'SIGINT');
      expect(await exited, err).toBe(130);
    } finally {
      child.kill('SIGKILL');
    }
    expect(err).not.toMatch(/[1-9]\d* failed|\] failed|internal error|worker stopped/);
    expect(err).toMatch(/^stopped: \d+ files not built$/m);
  }, 30000);

  it.runIf(process.platform !== 'win32')('stops on Ctrl+C after the files in hand (exit 130), and the next run goes on from there', async () => {
    const dir = archive(48); // workers start from 24 jobs
    const args = [bin, 'build', join(dir, 'meetings'), '--format', 'pdf', '--out', join(dir, 'out')];
    // A process group of its own, as a shell gives a command: Ctrl+C reaches the workers too.
    const child = spawn('node', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let err = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    try {
      await new Promise<void>((started) => child.stderr.on('data', (d: Buffer) => /\[\d+\/48\] built/.test((err += d.toString())) && started()));
      process.kill(-child.pid!, 'SIGINT');
      expect(await exited).toBe(130);
    } finally {
      child.kill('SIGKILL');
    }
    expect(err).toMatch(/stopping after the files in hand/);
    expect(err).not.toMatch(/[1-9]\d* failed|internal error|worker stopped/);
    const built = Number(/^(\d+) built, 0 up to date, 0 failed/m.exec(err)?.[1]);
    expect(built).toBeLessThan(48);
    expect(err).toMatch(new RegExp(`^stopped: ${48 - built} files? not built$`, 'm'));
    // What was built is whole and recorded: the next run builds only the rest.
    const again = await runToEnd(args);
    expect(again.code).toBe(0);
    expect(again.err).toMatch(new RegExp(`^${48 - built} built, ${built} up to date, 0 failed`, 'm'));
  }, 30000);

  it.runIf(process.platform !== 'win32')('stops on SIGTERM (exit 143) and SIGHUP (exit 129) as on Ctrl+C: what was built is recorded', async () => {
    // Thirty PDFs take seconds: the signal, sent once the first is built, nearly always finds
    // the batch running. On a machine so loaded that the batch ended first, the build must
    // have ended as one that was never signalled; what was built is recorded either way.
    const dir = archive(30); // workers start from 24 jobs
    const args = [bin, 'build', join(dir, 'meetings'), '--format', 'pdf', '--out', join(dir, 'out')];
    const recorded = () => Object.keys(JSON.parse(readFileSync(join(dir, 'out', MANIFEST_NAME), 'utf8')).entries).length;
    let before = 0;
    for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
      // Sent to the main process alone, as a CI runner cancelling a job or a closing terminal does.
      const child = spawn('node', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('close', (c, s) => done({ code: c, signal: s })));
      try {
        await new Promise<void>((started) => {
          const look = () => /\[\d+\/30\] (built|up to date)/.test(err) && started();
          child.stderr.on('data', look);
          child.on('close', () => started());
        });
        child.kill(signal);
        const end = await exited;
        const stopped = /^stopped: (\d+) files? not built$/m.exec(err);
        const built = Number(/^(\d+) built, (\d+) up to date, 0 failed/m.exec(err)?.[1]);
        expect(err).not.toMatch(/[1-9]\d* failed|internal error|worker stopped/);
        if (stopped) {
          expect(end, err).toEqual({ code, signal: null });
          expect(err).toContain(`agenda: ${signal}: stopping after the files in hand`);
          expect(built).toBeGreaterThan(0);
          expect(Number(stopped[1])).toBe(30 - before - built);
        } else {
          // Done before the signal came: a whole, recorded batch (killed, if at all, as it exited).
          expect(built, err).toBe(30 - before);
          expect(end.code === 0 || end.signal === signal, err).toBe(true);
        }
        expect(recorded()).toBe(before + built);
        before += built;
      } finally {
        child.kill('SIGKILL');
      }
    }
    const again = await runToEnd(args);
    expect(again.code).toBe(0);
    expect(again.err).toMatch(new RegExp(`^${30 - before} built, ${before} up to date, 0 failed`, 'm'));
  }, 60000);

  /** `node …args` in a process of its own, to its end: its exit code and what it printed on stderr. */
  function runToEnd(args: string[]): Promise<{ code: number | null; err: string }> {
    const child = spawn('node', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    return new Promise((done) => child.on('close', (code) => done({ code, err })));
  }

  /** `agenda build … --watch` in a real process, and a wait for what it prints on stderr. */
  function watching(args: string[]) {
    // A process group of its own, as a shell gives a command: Ctrl+C reaches all of it.
    const child = spawn('node', [bin, 'build', ...args, '--watch'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const waitFor = (pattern: RegExp) =>
      new Promise<void>((resolveWait, rejectWait) => {
        const timer = setTimeout(() => {
          child.stderr.off('data', check);
          rejectWait(new Error(`no ${pattern} in:\n${err}`));
        }, 15000);
        function check() {
          if (!pattern.test(err)) return;
          clearTimeout(timer);
          child.stderr.off('data', check);
          resolveWait();
        }
        child.stderr.on('data', check);
        check();
      });
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode; // already gone: say so, do not wait
      const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
      child.kill('SIGINT');
      return exited;
    };
    return { child, waitFor, stop, stderr: () => err };
  }

  it('--watch rebuilds a file when it is saved and prints its diagnostics, until Ctrl+C', async () => {
    const dir = scratch();
    const file = join(dir, 'meeting.yaml');
    writeFileSync(file, exampleDefinition());
    const { child, waitFor, stop } = watching([file, '--out', join(dir, 'out')]);
    try {
      await waitFor(/watching \d+ paths? for changes/);
      writeFileSync(file, exampleDefinition({ items: itemsWithAnnotation('See the 5 reviews.') }));
      await waitFor(/\[AG029 numbers-in-words\][\s\S]*wrote /);
      expect(readFileSync(join(dir, 'out', 'meeting.md'), 'utf8')).toContain('5 reviews');
      writeFileSync(file, 'document: [\n');
      await waitFor(/meeting\.yaml:2:1: error/);
      expect(await stop()).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30000);

  it.runIf(process.platform !== 'win32')('--watch stops a large rebuild on Ctrl+C to the whole process group, with no job failed', async () => {
    const dir = archive(48); // workers start from 24 jobs
    const meetings = join(dir, 'meetings');
    const { child, waitFor, stderr } = watching([meetings, '--format', 'pdf', '--out', join(dir, 'out')]);
    try {
      await waitFor(/watching \d+ paths? for changes/);
      for (const f of files(meetings)) writeFileSync(join(meetings, f), readFileSync(join(meetings, f), 'utf8').replace('Vienna', 'Geneva'));
      await waitFor(/changed[\s\S]*\[\d+\/48\] built/);
      const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
      process.kill(-child.pid!, 'SIGINT'); // what the terminal does on Ctrl+C
      expect(await exited).toBe(0);
      const rebuild = stderr().split('changed\n')[1]!;
      expect(rebuild).not.toMatch(/[1-9]\d* failed|internal error|worker stopped/);
      // Stopped before the end, and saying so. (On a busy machine the rebuild may start before
      // the last saves, and find those files up to date.)
      const [, built, current] = (/^(\d+) built, (\d+) up to date, 0 failed/m.exec(rebuild) ?? []).map(Number);
      expect(built, rebuild).toBeLessThan(48);
      expect(rebuild).toMatch(new RegExp(`^stopped: ${48 - built! - current!} files? not built$`, 'm'));
    } finally {
      child.kill('SIGKILL');
    }
  }, 30000);

  it('--watch of a glob builds new files that match it, and ignores those that do not', async () => {
    const dir = archive(2);
    const folder = join(dir, 'meetings', '2019');
    const { child, waitFor, stop, stderr } = watching([`${dir}/meetings/*/*.yaml`, '--out', join(dir, 'out')]);
    try {
      await waitFor(/watching \d+ paths? for changes/);
      expect(files(join(dir, 'out'))).toEqual([MANIFEST_NAME, '2019/m0.md', '2020/m1.md']);
      writeFileSync(join(folder, 'notes.yml'), generateMeeting(7)); // .yml: not matched by the glob
      writeFileSync(join(folder, 'added.yaml'), generateMeeting(8));
      await waitFor(/added\.yaml changed[\s\S]*^1 built, 2 up to date, 0 failed/m);
      expect(existsSync(join(dir, 'out', '2019', 'added.md'))).toBe(true);
      // The rebuild lists what was saved, not the files it skipped.
      expect(stderr().split('changed\n')[1]).toMatch(/^\[\d\/3\] built \S*added\.yaml\n1 built/m);
      expect(stderr()).not.toMatch(/notes\.yml/);
      expect(existsSync(join(dir, 'out', '2019', 'notes.md'))).toBe(false);
      // A configuration file new in a watched folder applies to the definitions below it.
      writeFileSync(join(folder, 'agenda.config.yaml'), 'rules:\n  AG029: off\n');
      await waitFor(/agenda\.config\.yaml changed[\s\S]*^2 built, 1 up to date, 0 failed/m);
      // An edit of it is read again: the watch's session forgets the text it had.
      writeFileSync(join(folder, 'agenda.config.yaml'), 'rules:\n  AG029: loud\n');
      await waitFor(/agenda\.config\.yaml:2:\d+: error +'loud' is not a severity[\s\S]*^0 built, 1 up to date, 2 failed/m);
      expect(await stop()).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30000);
});

describe('the progress bar on a terminal', () => {
  it('draws files done and the file in hand, prints diagnostics above it, and clears it at the end', async () => {
    const dir = archive(3);
    writeFileSync(join(dir, 'meetings', 'bad.yaml'), 'document: [\n');
    let drawn = '';
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 120, rows: 40 }) as unknown as NodeJS.WriteStream;
    terminal.on("data", (d: Buffer) => (drawn += d.toString()));

    let err = '';
    const code = await main(['node', 'agenda', 'build', join(dir, 'meetings'), '--out', join(dir, 'out'), '--jobs', '1'], { out: () => {}, err: (t) => (err += t), color: false, terminal });
    expect(code).toBe(1);
    expect(drawn).toMatch(/building \[[█░]+\] 4\/4 \| [\d.]+\/s \| eta \S+ \| \S*meetings\/\S+\.yaml/);
    expect(drawn.endsWith('\x1b[2K')).toBe(true); // the last thing done is clearing the line
    // Diagnostics and the summary go to stderr, not into the bar's lines.
    expect(err).toMatch(/bad\.yaml:2:1: error/);
    expect(err).toMatch(/^3 built, 0 up to date, 1 failed/m);
    expect(err).not.toMatch(/^\[\d\/4\]/m);
  });
});
