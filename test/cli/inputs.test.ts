/**
 * What agenda agrees to read: only regular files (a FIFO, a device, a socket, named or met
 * in a folder or behind a link, is refused at once), no more than the size limit, links to
 * folders outside the searched tree not followed unless --follow, a link to itself refused
 * in plain words, a glob watched with --watch that gains a new subfolder, and file names
 * with control characters quoted in what is printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/batch/inputs.js';
import { quotePath } from '../../src/diagnostics/formatters/paths.js';
import { notWatched } from '../../src/batch/watch.js';
import { main } from '../../src/cli.js';
import { MAX_INPUT_BYTES, readSourceSync, UnreadableInputError } from '../../src/load/source.js';
import { exampleDefinition } from '../../src/rules/example-definition.js';
import { repoRoot } from '../helpers/reference.js';

const bin = join(repoRoot, 'bin/agenda.js');
const posix = process.platform !== 'win32';

const scratches: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'agenda-inputs-'));
  scratches.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of scratches) rmSync(d, { recursive: true, force: true });
});

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'agenda', ...args], { out: (t) => (out += t), err: (t) => (err += t), color: false });
  return { code, out, err };
}

/** agenda in a process of its own, which a test can outlive: a read that blocks shows as a timeout. */
function runProcess(args: string[], cwd: string) {
  const r = spawnSync('node', [bin, ...args], { cwd, encoding: 'utf8', timeout: 15000 });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

const mkfifo = (path: string) => {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo ${path} failed`);
};

describe.runIf(posix)('files that are not regular files', () => {
  it('refuses a FIFO and a link to /dev/zero, named or met in a folder, without waiting on them or reading them (exit 2)', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'm'));
    writeFileSync(join(dir, 'm', 'ok.yaml'), exampleDefinition());
    mkfifo(join(dir, 'm', 'pipe.yaml'));
    symlinkSync('/dev/zero', join(dir, 'm', 'zero.yaml'));

    const pipe = runProcess(['check', 'm/pipe.yaml'], dir);
    expect(pipe.signal).toBeNull(); // not killed by the timeout: it did not wait for a writer
    expect(pipe.code).toBe(2);
    expect(pipe.err).toMatch(/^m\/pipe\.yaml: error is a FIFO \(named pipe\), not a regular file\n  → /m);

    const zero = runProcess(['check', 'm/zero.yaml'], dir);
    expect(zero.code).toBe(2);
    expect(zero.err).toMatch(/^m\/zero\.yaml: error is a symbolic link to \/dev\/zero, which is a character device, not a regular file/m);

    // Met in a folder: listed, refused with the reason, the regular file built all the same.
    const build = runProcess(['build', 'm', '--out', 'out'], dir);
    expect(build.signal).toBeNull();
    expect(build.code).toBe(2);
    expect(build.err).toMatch(/m\/pipe\.yaml: error is a FIFO \(named pipe\), not a regular file/);
    expect(build.err).toMatch(/m\/zero\.yaml: error is a symbolic link to \/dev\/zero, which is a character device/);
    expect(build.err).toMatch(/^1 built, 0 up to date, 2 failed/m);
    expect(existsSync(join(dir, 'out', 'ok.md'))).toBe(true);
  }, 40000);

  it('refuses a FIFO named agenda.config.yaml instead of waiting on it forever (exit 2)', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'meeting.yaml'), exampleDefinition());
    mkfifo(join(dir, 'agenda.config.yaml'));
    const r = runProcess(['check', 'meeting.yaml'], dir);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/agenda\.config\.yaml:1:1: error cannot read the configuration: is a FIFO \(named pipe\), not a regular file/);
  }, 20000);

  it('reads nothing of a file larger than the limit', () => {
    const file = join(scratch(), 'huge.yaml');
    writeFileSync(file, '');
    // Eight gigabytes, sparse: more than Node reads into one buffer, so a reader that reads
    // before it looks at the size fails otherwise (or waits and fills the memory).
    truncateSync(file, 8 * 1024 ** 3);
    let error: unknown;
    try {
      readSourceSync(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UnreadableInputError);
    expect((error as Error).message).toBe(`is ${8 * 1024 ** 3} bytes long; the limit is ${MAX_INPUT_BYTES}`);
  });
});

describe.runIf(posix)('symbolic links', () => {
  it('a definition that is a link to itself is refused in plain words (exit 2), not as an internal error', async () => {
    const dir = scratch();
    symlinkSync('self.yaml', join(dir, 'self.yaml'));
    for (const command of ['check', 'build']) {
      const r = await run(command, join(dir, 'self.yaml'));
      expect(r.code, command).toBe(2);
      expect(r.err, command).toMatch(/self\.yaml: error cannot be read: too many levels of symbolic links/);
      expect(r.err, command).not.toMatch(/internal error|This is a bug/);
    }
    // Met in a folder, too.
    writeFileSync(join(dir, 'ok.yaml'), exampleDefinition());
    const folder = await run('check', dir);
    expect(folder.code).toBe(2);
    expect(folder.err).toMatch(/self\.yaml: error cannot be read: too many levels of symbolic links/);
  });

  it('does not follow a link to a folder outside the tree searched, unless --follow; a link named or to a file is read', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'm', 'sub'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'm', 'a.yaml'), exampleDefinition());
    writeFileSync(join(dir, 'elsewhere', 'far.yaml'), exampleDefinition());
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'm', 'outside'));
    symlinkSync(join(dir, 'm'), join(dir, 'm', 'sub', 'loop')); // a loop back to the top
    symlinkSync(join(dir, 'elsewhere', 'far.yaml'), join(dir, 'm', 'sub', 'linked.yaml'));

    const m = join(dir, 'm');
    expect((await expandInputs([m])).files).toEqual([join(m, 'a.yaml'), join(m, 'sub', 'linked.yaml')]);
    expect((await expandInputs([`${m}/*/*.yaml`])).files).toEqual([join(m, 'sub', 'linked.yaml')]);
    // Followed when asked; the loop is gone round once only, and a file reached twice is listed once.
    expect((await expandInputs([m], undefined, { follow: true })).files).toEqual([join(m, 'a.yaml'), join(m, 'outside', 'far.yaml')]);
    // A link named on the command line is followed: to a file, to a folder (searched).
    expect((await expandInputs([join(m, 'sub', 'linked.yaml')])).files).toEqual([join(m, 'sub', 'linked.yaml')]);
    expect((await run('check', join(m, 'sub', 'linked.yaml'))).code).toBe(0);
    expect((await expandInputs([join(m, 'outside')])).files).toEqual([join(m, 'outside', 'far.yaml')]);

    const check = await run('check', m, '--format', 'json');
    expect(check.code).toBe(0);
    expect((JSON.parse(check.out) as { files: { file: string }[] }).files.map((f) => relative(m, resolve(f.file))).sort()).toEqual(['a.yaml', 'sub/linked.yaml']);
    const followed = await run('check', m, '--follow', '--format', 'json');
    expect((JSON.parse(followed.out) as { files: unknown[] }).files).toHaveLength(2);

    // --watch does not follow them either: the link is left unwatched, unless --follow.
    expect(notWatched([m])(join(m, 'outside'))).toBe(true);
    expect(notWatched([m], { follow: true })(join(m, 'outside'))).toBe(false);
    expect(notWatched([join(m, 'outside')])(join(m, 'outside'))).toBe(false); // named: watched
    expect(notWatched([m])(join(m, 'sub'))).toBe(false);
    expect(notWatched([m])(join(m, 'sub', 'linked.yaml'))).toBe(false);
  });
});

describe('the folder the output tree mirrors', () => {
  it('is the deepest folder holding every input as named, whatever files they hold now', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'm', 'a'), { recursive: true });
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'm', 'a', 'x.yaml'), exampleDefinition());
    // One subfolder so far: the mirror still starts at the folder the glob searches, or the folder named.
    expect((await expandInputs([`${dir}/m/*/*.yaml`])).base).toBe(join(dir, 'm'));
    expect((await expandInputs([join(dir, 'm')])).base).toBe(join(dir, 'm'));
    expect((await expandInputs([join(dir, 'm', 'a', 'x.yaml')])).base).toBe(join(dir, 'm', 'a'));
    // A glob over a folder that exists counts before it matches anything; one over a missing folder does not.
    expect((await expandInputs([join(dir, 'm'), `${dir}/empty/*.yaml`])).base).toBe(dir);
    expect((await expandInputs([join(dir, 'm'), `${dir}/none/*.yaml`])).base).toBe(join(dir, 'm'));
  });
});

describe('--watch', () => {
  it('of a glob builds a definition added in a new subfolder under --out', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'm', 'a'), { recursive: true });
    writeFileSync(join(dir, 'm', 'a', 'x.yaml'), exampleDefinition());
    const child = spawn('node', [bin, 'build', 'm/*/*.yaml', '--out', 'out', '--watch'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const waitFor = (pattern: RegExp) =>
      new Promise<void>((done, fail) => {
        const timer = setInterval(() => {
          if (pattern.test(err)) {
            clearInterval(timer);
            clearTimeout(limit);
            done();
          }
        }, 20);
        const limit = setTimeout(() => {
          clearInterval(timer);
          fail(new Error(`no ${pattern} in:\n${err}`));
        }, 15000);
      });
    try {
      await waitFor(/watching \d+ paths? for changes/);
      mkdirSync(join(dir, 'm', 'b'));
      copyFileSync(join(dir, 'm', 'a', 'x.yaml'), join(dir, 'm', 'b', 'y.yaml'));
      await waitFor(/y\.yaml changed[\s\S]*^1 built, 1 up to date, 0 failed/m);
      expect(err).not.toMatch(/leads outside|symbolic link/);
      // The output tree mirrors the folder the glob searches, before and after.
      expect(readFileSync(join(dir, 'out', 'a', 'x.md'), 'utf8')).toContain('## Provisional agenda');
      expect(existsSync(join(dir, 'out', 'b', 'y.md'))).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30000);
});

describe('file names with control characters', () => {
  it('are quoted as git quotes them, with C escapes in double quotes; letters of any script are not', () => {
    expect(quotePath('m/réunion-会议.yaml')).toBe('m/réunion-会议.yaml');
    expect(quotePath('m/a\nb.yaml')).toBe('"m/a\\nb.yaml"');
    expect(quotePath('m/\x1b[31mred.yaml')).toBe('"m/\\033[31mred.yaml"');
    expect(quotePath('m/say "hi"\\.yaml')).toBe('"m/say \\"hi\\"\\\\.yaml"');
    expect(quotePath('m/\u202egnp.exe.yaml')).toBe('"m/\\342\\200\\256gnp.exe.yaml"'); // a bidi override
    expect(quotePath('m/\x9b2J.yaml')).toBe('"m/\\302\\2332J.yaml"'); // C1 CSI
  });

  it.runIf(posix)('reach no progress line, diagnostic or summary of a build raw', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a\x1b[31mred.yaml'), exampleDefinition());
    writeFileSync(join(dir, 'b\nforged.yaml'), exampleDefinition());
    writeFileSync(join(dir, 'c\tbad.yaml'), 'document: [\n');
    const r = await run('build', dir, '--out', join(dir, 'out'));
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/[\x00-\x08\x0b-\x1f]/); // no ESC, no tab
    expect(r.err).toMatch(/^\[\d\/3\] built "\S*\/a\\033\[31mred\.yaml"$/m);
    expect(r.err).toMatch(/^\[\d\/3\] built "\S*\/b\\nforged\.yaml"$/m);
    expect(r.err).toMatch(/^"\S*\/c\\tbad\.yaml":2:1: error /m);
    expect(r.err).toMatch(/^failed: "\S*\/c\\tbad\.yaml"$/m);
    // Every line starts as a line of agenda's: none begins with a piece of a file name.
    for (const line of r.err.split('\n').filter(Boolean)) expect(line).toMatch(/^(\[\d\/3\] |"|  → |2 built|failed: )/);
  });

  it.runIf(posix)('are quoted in what agenda check prints too', async () => {
    const dir = scratch();
    const bad = join(dir, 'x\x1b]0;owned\x07.yaml');
    writeFileSync(bad, 'document: [\n');
    const checked = await run('check', bad);
    expect(checked.code).toBe(1);
    expect(checked.out).not.toContain('\x1b');
    expect(checked.out).toContain('x\\033]0;owned\\a.yaml":2:1: error');
    const binary = join(dir, 'y\rz.yaml');
    writeFileSync(binary, Buffer.from([0x61, 0xff]));
    const unreadable = await run('check', binary);
    expect(unreadable.code).toBe(2);
    expect(unreadable.err).toMatch(/y\\rz\.yaml":1:2: error is not valid UTF-8/);
    expect(unreadable.err).not.toContain('\r');
  });
});
