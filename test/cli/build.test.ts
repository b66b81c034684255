/**
 * `agenda build` over many inputs, as a secretariat and a CI job use it: folders and
 * globs mirrored under --out, failures isolated and summed up, incremental rebuilds
 * that follow the input, the configuration and the options, shards, --json, the
 * levels of output and refused output paths, in-process (build-process.test.ts runs the
 * command itself: workers, signals, --watch).
 */
import { PassThrough } from 'node:stream';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { MANIFEST_NAME } from '../../src/batch/manifest.js';
import { reportPath } from '../../src/diagnostics/formatters/paths.js';
import { exampleDefinition, itemsWithAnnotation } from '../../src/rules/example-definition.js';
import { archive, files, removeScratches, scratch } from './helpers.js';

afterAll(removeScratches);

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'agenda', ...args], { out: (t) => (out += t), err: (t) => (err += t), color: false });
  return { code, out, err };
}

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

  it('refuses --jobs beyond a sane number, negative seconds and an empty --out, as usage errors', async () => {
    const dir = archive(1);
    for (const jobs of ['99999999999999999999', '100000000', '1025', '0', '2.5', '1e3']) {
      const r = await run('build', join(dir, 'meetings'), '--jobs', jobs, '--out', join(dir, 'out'));
      expect(r.code, jobs).toBe(2);
      expect(r.err).toBe(`agenda: --jobs takes a whole number from 1 to 1024, not '${jobs}'\n`);
    }
    for (const [flag, zero] of [['--job-timeout', '0 for no limit'], ['--lock-wait', '0 not to wait']]) {
      const r = await run('build', join(dir, 'meetings'), flag!, '-1', '--out', join(dir, 'out'));
      expect(r.code, flag).toBe(2);
      expect(r.err).toBe(`agenda: ${flag} takes a number of seconds (${zero}), not '-1'\n`);
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

  it('names the translation that cannot be read, not its definition', async () => {
    const dir = scratch();
    const file = join(dir, 'm.yaml');
    writeFileSync(file, exampleDefinition());
    writeFileSync(join(dir, 'm.fr.yaml'), Buffer.from('\ufefflanguage: fr\n', 'utf16le'));
    const out = join(dir, 'out');
    const r = await run('build', file, '--lang', 'fr', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${reportPath(join(dir, 'm.fr.yaml'), process.cwd())}: error is encoded in UTF-16`);
    const json = await run('build', file, '--lang', 'fr', '--out', out, '--json');
    const entry = (JSON.parse(json.out) as { files: { file: string; error: { kind: string; file?: string } }[] }).files[0]!;
    expect(entry).toMatchObject({ file: reportPath(file, process.cwd()), error: { kind: 'unreadable', file: reportPath(join(dir, 'm.fr.yaml'), process.cwd()) } });
  });

  it('keeps the previous outputs when a later one cannot be renamed into place (a folder in the way)', async () => {
    const dir = scratch();
    const file = join(dir, 'm.yaml');
    writeFileSync(file, exampleDefinition());
    const out = join(dir, 'out');
    mkdirSync(join(out, 'm.pdf'), { recursive: true });
    writeFileSync(join(out, 'm.md'), 'OLD');
    const r = await run('build', file, '--format', 'all', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('illegal operation on a directory (EISDIR)');
    expect(r.err).toContain('→ a folder has the name of the output: move or rename it');
    expect(readFileSync(join(out, 'm.md'), 'utf8')).toBe('OLD');
    expect(readdirSync(out).sort()).toEqual(['m.md', 'm.pdf']);
  });

  it('takes the formats and languages asked in another order for the same build: up to date', async () => {
    const dir = archive(1);
    const out = join(dir, 'out');
    const meetings = join(dir, 'meetings');
    expect((await run('build', meetings, '--format', 'md,html', '--out', out)).code).toBe(0);
    const again = await run('build', meetings, '--format', 'HTML,md', '--out', out, '--json');
    expect((JSON.parse(again.out) as { built: number; skipped: number })).toMatchObject({ built: 0, skipped: 1 });
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
