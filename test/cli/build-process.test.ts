/**
 * `agenda build` as a process: the bundled command with its worker processes, --job-timeout,
 * and --watch (its signals: build-signals.test.ts). The behaviour of builds is tested
 * in-process in build.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateMeeting } from '../../bench/generate.js';
import { MANIFEST_NAME } from '../../src/batch/manifest.js';
import { exampleDefinition, itemsWithAnnotation } from '../../src/rules/example-definition.js';
import { repoRoot } from '../helpers/reference.js';
import { archive, files, removeScratches, scratch } from './helpers.js';

afterAll(removeScratches);

describe('the built command (worker processes, --watch)', () => {
  const bin = join(repoRoot, 'bin/agenda.js');

  it('gives the same bytes on two worker processes as in one process', async () => {
    const dir = archive(4); // --jobs 2: workers from two files on
    const exec = (...args: string[]) => new Promise<number>((done) => spawn('node', [bin, ...args], { stdio: 'ignore' }).on('exit', (c) => done(c ?? -1)));
    expect(await exec('build', join(dir, 'meetings'), '--format', 'md,html,pdf', '--out', join(dir, 'one'), '--jobs', '1')).toBe(0);
    expect(await exec('build', join(dir, 'meetings'), '--format', 'md,html,pdf', '--out', join(dir, 'two'), '--jobs', '2')).toBe(0);
    const listed = files(join(dir, 'one'));
    expect(listed).toHaveLength(4 * 3 + 1); // three formats each, and the manifest
    expect(files(join(dir, 'two'))).toEqual(listed);
    for (const f of listed) expect(readFileSync(join(dir, 'two', f)).equals(readFileSync(join(dir, 'one', f))), f).toBe(true);
  });

  it('loads yaml and the Markdown parser from their own files (dist/lazy) when a definition needs them, with the same results as in-process', async () => {
    const dir = scratch();
    const reference = readFileSync(join(repoRoot, 'examples/ctoc-cop-wg3-2023.yaml'), 'utf8');
    // An anchor: not read by the fast reader (yaml parses it); a link: for the Markdown parser;
    // an error in the symbol: a diagnostic placed by yaml's nodes.
    const text = reference
      .replace('title: Opening of the meeting', 'title: &opening Opening of the meeting, see [the page](https://example.org)')
      .replace(/^(\s+)symbol: CTOC\/COP\/WG\.3\/2023\/1$/m, '$1symbol: CTOC/COP/WG.3/2023/1 x');
    writeFileSync(join(dir, 'meeting.yaml'), text);
    const run = (...args: string[]) => spawnSync('node', [bin, ...args], { cwd: dir, encoding: 'utf8' });
    const checked = run('check', 'meeting.yaml');
    expect(checked.status).toBe(1);
    const symbolLine = text.split('\n').findIndex((l) => l.endsWith('symbol: CTOC/COP/WG.3/2023/1 x')) + 1;
    expect(checked.stdout).toContain(`meeting.yaml:${symbolLine}:11: error 'document.symbol' is not in the expected form`);
    writeFileSync(join(dir, 'meeting.yaml'), text.replace('CTOC/COP/WG.3/2023/1 x', 'CTOC/COP/WG.3/2023/1'));
    expect(run('build', 'meeting.yaml', '--format', 'md', '--out', 'out').status).toBe(0);
    expect(readFileSync(join(dir, 'out/meeting.md'), 'utf8')).toContain('Opening of the meeting, see [the page](https://example.org)');
  });

  it('gives the same bytes by default (this process builds, and starts workers only when they pay) as with --jobs 1', async () => {
    const dir = archive(10);
    const run = (...args: string[]) =>
      new Promise<{ code: number; out: string }>((done) => {
        const child = spawn('node', [bin, 'build', join(dir, 'meetings'), '--format', 'md,html,pdf', ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('close', (c) => done({ code: c ?? -1, out }));
      });
    expect((await run('--out', join(dir, 'one'), '--jobs', '1')).code).toBe(0);
    const shared = await run('--out', join(dir, 'shared'), '--json');
    expect(shared.code).toBe(0);
    const summary = JSON.parse(shared.out) as { built: number; workers: number };
    expect(summary.built).toBe(10);
    expect(summary.workers).toBeLessThanOrEqual(Math.max(1, availableParallelism() - 1));
    const listed = files(join(dir, 'one'));
    expect(files(join(dir, 'shared'))).toEqual(listed);
    for (const f of listed) expect(readFileSync(join(dir, 'shared', f)).equals(readFileSync(join(dir, 'one', f))), f).toBe(true);
  }, 60_000);

  it('fails the files a worker takes longer than --job-timeout over, with exit 1, and writes none of them', async () => {
    // Markdown: each stopped worker is replaced by a new one, which need not load the PDF code.
    const dir = archive(8); // --jobs 2: workers from two files on
    const child = spawn('node', [bin, 'build', join(dir, 'meetings'), '--format', 'md', '--out', join(dir, 'out'), '--jobs', '2', '--job-timeout', '0.001', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code, out).toBe(1);
    const summary = JSON.parse(out) as { failed: number; files: { file: string; status: string; written: string[]; error?: { kind: string; message: string } }[] };
    // A job's result read before its timer could fire is kept: on a loaded machine a worker
    // may answer a small Markdown job within the millisecond. Each file either timed out and
    // has no output, or was built whole; nearly all time out.
    expect(summary.failed, out).toBeGreaterThanOrEqual(6);
    const written = existsSync(join(dir, 'out')) ? files(join(dir, 'out')).filter((f) => f.endsWith('.md')) : [];
    for (const f of summary.files) {
      if (f.status === 'failed') expect(`${f.error?.kind}: ${f.error?.message}`).toBe('timeout: took longer than 0.001 seconds to build, and was stopped');
      else expect(f.status, out).toBe('built');
    }
    expect(written).toHaveLength(8 - summary.failed);
  }, 60_000);

  it('rebuilds what a new build of the tool would write, even under the same version (the bundle\'s build id is in each key)', async () => {
    // A copy of the command, whose build id can change without touching the one other tests run.
    const tool = mkdtempSync(join(repoRoot, '.test-tool-'));
    try {
      for (const part of ['bin', 'dist', 'package.json']) cpSync(join(repoRoot, part), join(tool, part), { recursive: true });
      const dir = scratch();
      writeFileSync(join(dir, 'meeting.yaml'), exampleDefinition());
      const exec = () =>
        new Promise<{ built: number; skipped: number }>((done) => {
          const child = spawn('node', [join(tool, 'bin/agenda.js'), 'build', dir, '--out', join(dir, 'out'), '--json'], { stdio: ['ignore', 'pipe', 'ignore'] });
          let out = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.on('close', () => done(JSON.parse(out) as { built: number; skipped: number }));
        });
      expect(await exec()).toMatchObject({ built: 1, skipped: 0 });
      expect(await exec()).toMatchObject({ built: 0, skipped: 1 });
      writeFileSync(join(tool, 'dist', 'build-id'), 'another build\n');
      expect(await exec()).toMatchObject({ built: 1, skipped: 0 });
    } finally {
      rmSync(tool, { recursive: true, force: true });
    }
  });

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

  it('--watch rebuilds when a file the build reads is saved: the emblem', async () => {
    const dir = scratch();
    const file = join(dir, 'meeting.yaml');
    copyFileSync(join(repoRoot, 'test/fixtures/emblem/with-emblem.yaml'), file);
    const emblem = readFileSync(join(repoRoot, 'test/fixtures/emblem/emblem.svg'), 'utf8');
    writeFileSync(join(dir, 'emblem.svg'), emblem);
    const { child, waitFor, stop, stderr } = watching([file, '--format', 'html', '--out', join(dir, 'out')]);
    try {
      await waitFor(/watching \d+ paths? for changes/);
      const before = readFileSync(join(dir, 'out', 'meeting.html'), 'utf8');
      // Another colour in the drawing: the page's data: image changes with it.
      writeFileSync(join(dir, 'emblem.svg'), emblem.replace(/fill="#[0-9a-fA-F]{3,6}"/, 'fill="#123456"'));
      await waitFor(/emblem\.svg changed[\s\S]*wrote /);
      expect(stderr()).toContain('emblem.svg changed');
      expect(readFileSync(join(dir, 'out', 'meeting.html'), 'utf8')).not.toBe(before);
      expect(await stop()).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30000);

  it('--watch rebuilds when a file the build reads is deleted: the emblem, and says why it fails', async () => {
    const dir = scratch();
    const file = join(dir, 'meeting.yaml');
    copyFileSync(join(repoRoot, 'test/fixtures/emblem/with-emblem.yaml'), file);
    writeFileSync(join(dir, 'emblem.svg'), readFileSync(join(repoRoot, 'test/fixtures/emblem/emblem.svg')));
    const { child, waitFor, stop, stderr } = watching([file, '--format', 'html', '--out', join(dir, 'out')]);
    try {
      await waitFor(/watching \d+ paths? for changes/);
      rmSync(join(dir, 'emblem.svg'));
      await waitFor(/emblem\.svg changed[\s\S]*cannot read the emblem file 'emblem\.svg'/);
      expect(stderr()).toContain('[emblem]');
      expect(await stop()).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30000);

  it.runIf(process.platform !== 'win32')('--watch stops a large rebuild on Ctrl+C to the whole process group, with no job failed', async () => {
    const dir = archive(12); // enough that the rebuild is still going when Ctrl+C comes
    const meetings = join(dir, 'meetings');
    const { child, waitFor, stderr } = watching([meetings, '--format', 'pdf', '--out', join(dir, 'out'), '--jobs', '2']);
    try {
      await waitFor(/watching \d+ paths? for changes/);
      for (const f of files(meetings)) writeFileSync(join(meetings, f), readFileSync(join(meetings, f), 'utf8').replace('Vienna', 'Geneva'));
      await waitFor(/changed[\s\S]*\[\d+\/12\] built/);
      const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
      process.kill(-child.pid!, 'SIGINT'); // what the terminal does on Ctrl+C
      expect(await exited).toBe(0);
      const rebuild = stderr().split('changed\n')[1]!;
      expect(rebuild).not.toMatch(/[1-9]\d* failed|internal error|worker stopped/);
      // Stopped before the end, and saying so. (On a busy machine the rebuild may start before
      // the last saves, and find those files up to date.)
      const [, built, current] = (/^(\d+) built, (\d+) up to date, 0 failed/m.exec(rebuild) ?? []).map(Number);
      expect(built, rebuild).toBeLessThan(12);
      expect(rebuild).toMatch(new RegExp(`^stopped: ${12 - built! - current!} files? not built$`, 'm'));
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
