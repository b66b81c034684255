/**
 * Builds that share an output folder: a lock in it (as git's index.lock) lets one build at a
 * time write it, shards of one matrix together, their manifests merged; a lock left by a
 * killed build is taken over. Real processes, as two terminals or a CI matrix run them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateMeeting } from '../../bench/generate.js';
import { BUILD_LOCK, lockBuild, OutputFolderError } from '../../src/batch/lock.js';
import { MANIFEST_NAME } from '../../src/batch/manifest.js';
import { runBatch, type BatchReporter } from '../../src/batch/run-batch.js';
import { repoRoot } from '../helpers/reference.js';

const bin = join(repoRoot, 'bin/agenda.js');
const work = mkdtempSync(join(tmpdir(), 'agenda-lock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
/** `count` generated definitions in <dir>/meetings. */
function archive(count: number): string {
  const dir = join(work, `a${n++}`);
  mkdirSync(join(dir, 'meetings'), { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, 'meetings', `m${i}.yaml`), generateMeeting(i));
  return dir;
}

function start(args: string[]) {
  const child = spawn('node', [bin, 'build', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let out = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<{ code: number | null; err: string; out: string }>((resolve) => child.on('close', (code) => resolve({ code, err, out })));
  return { child, done };
}

async function until(test: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`never: ${what}`);
}

/**
 * Another process that holds the build lock of `out`, taken as a build takes it (the built
 * lock.ts), until `release` (or a kill): a holder that cannot finish before the test is done
 * with it, however slowly the machine runs.
 */
async function holdLock(out: string) {
  const code = `const [url, out] = process.argv.slice(1);
const { lockBuild } = await import(url);
const lock = await lockBuild(out);
process.stdin.on('end', () => { lock.release(); process.exit(0); }).resume();
process.stdout.write('locked\\n');`;
  const child = spawn('node', ['--input-type=module', '-e', code, pathToFileURL(join(repoRoot, 'dist/batch/lock.js')).href, out], { stdio: ['pipe', 'pipe', 'inherit'] });
  const gone = new Promise<number | null>((resolve) => child.on('close', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('close', (c) => reject(new Error(`the lock holder ended (exit ${c}) before it took the lock`)));
  });
  const text = readFileSync(join(out, BUILD_LOCK), 'utf8');
  const release = async () => {
    child.stdin.end();
    expect(await gone).toBe(0);
  };
  return { child, gone, text, release };
}

const entries = (out: string) => Object.keys(JSON.parse(readFileSync(join(out, MANIFEST_NAME), 'utf8')).entries).sort();
const quiet: BatchReporter = { start: () => undefined, result: () => undefined };

describe('the lock on an output folder', () => {
  it.runIf(process.platform !== 'win32')('makes a second build into the same --out wait, then fail with exit 2 naming the lock and its holder', async () => {
    const dir = archive(10);
    const out = join(dir, 'out');
    const holder = await holdLock(out);
    try {
      const started = performance.now();
      const second = await start([join(dir, 'meetings'), '--out', out, '--lock-wait', '1']).done;
      expect(second.code).toBe(2);
      expect(second.err).toContain(`${BUILD_LOCK} is held by process ${holder.child.pid}`);
      expect(second.err).not.toMatch(/internal error|built/);
      expect(performance.now() - started).toBeGreaterThan(1000); // it waited as long as it was told first
      // One stopped while it waits (a CI cancel) ends at once, with the signal's exit code.
      const third = start([join(dir, 'meetings'), '--out', out]);
      // Once it handles SIGHUP, which it does with SIGTERM (Linux shows which signals a process
      // catches; Node itself catches SIGTERM from the start), then a little more.
      const catchesHup = () => process.platform !== 'linux' || BigInt(`0x${/SigCgt:\s*([0-9a-f]+)/.exec(readFileSync(`/proc/${third.child.pid}/status`, 'utf8'))![1]}`) % 2n === 1n;
      await until(catchesHup, 'the third build handles SIGHUP');
      await new Promise((r) => setTimeout(r, process.platform === 'linux' ? 300 : 1500));
      third.child.kill('SIGTERM');
      const stopped = await third.done;
      expect(stopped.code, stopped.err).toBe(143);
      expect(stopped.err).toMatch(/^stopped: 10 files not built$/m);
      expect(readFileSync(join(out, BUILD_LOCK), 'utf8')).toBe(holder.text); // neither took it
      await holder.release();
    } finally {
      holder.child.kill('SIGKILL');
    }
    // Once it is released, a build takes the lock, builds everything and records it.
    const next = await start([join(dir, 'meetings'), '--out', out]).done;
    expect(next.code, next.err).toBe(0);
    expect(existsSync(join(out, BUILD_LOCK))).toBe(false);
    expect(entries(out)).toHaveLength(10);
  }, 60_000);

  it.runIf(process.platform !== 'win32')('is taken over when the build that held it was killed', async () => {
    const dir = archive(10);
    const out = join(dir, 'out');
    const killed = await holdLock(out);
    killed.child.kill('SIGKILL');
    await killed.gone;
    expect(existsSync(join(out, BUILD_LOCK))).toBe(true); // left behind
    // Taken over, not waited for: a live holder's lock would make it fail (exit 2).
    expect(JSON.parse(readFileSync(join(out, BUILD_LOCK), 'utf8')).pid).toBe(killed.child.pid);
    const next = await start([join(dir, 'meetings'), '--out', out]).done;
    expect(next.code, next.err).toBe(0);
    expect(existsSync(join(out, BUILD_LOCK))).toBe(false);
    expect(entries(out)).toHaveLength(10);
  }, 60_000);

  it('takes over a stale lock of a dead process, and respects one of a live one', async () => {
    const dir = archive(2);
    const out = join(dir, 'out');
    mkdirSync(out);
    const dead = spawnSync('node', ['-e', '0']).pid!;
    writeFileSync(join(out, BUILD_LOCK), JSON.stringify({ pid: dead, host: hostname(), since: '2026-01-01T00:00:00.000Z', token: 'gone' }));
    const summary = await runBatch({ inputs: [join(dir, 'meetings')], formats: ['md'], out, lockWait: 0.3 }, quiet);
    expect(summary.built).toBe(2);
    expect(existsSync(join(out, BUILD_LOCK))).toBe(false);

    writeFileSync(join(out, BUILD_LOCK), JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-01-01T00:00:00.000Z', token: 'alive' }));
    const busy = runBatch({ inputs: [join(dir, 'meetings')], formats: ['md'], out, lockWait: 0.3 }, quiet);
    await expect(busy).rejects.toThrow(OutputFolderError);
    await expect(busy).rejects.toThrow(`is held by process ${process.ppid}, since 2026-01-01T00:00:00.000Z`);
    expect(readFileSync(join(out, BUILD_LOCK), 'utf8')).toContain('"alive"'); // not taken from its holder
  });

  it('takes over a stale lock at once when a build killed while taking one over left its guard', async () => {
    const dir = archive(2);
    const out = join(dir, 'out');
    mkdirSync(out);
    const dead = spawnSync('node', ['-e', '0']).pid!;
    writeFileSync(join(out, BUILD_LOCK), JSON.stringify({ pid: dead, host: hostname(), since: '2026-01-01T00:00:00.000Z', token: 'gone' }));
    // As a build killed while taking the lock over leaves it: a lock of its own, whole.
    writeFileSync(join(out, `${BUILD_LOCK}.takeover`), JSON.stringify({ pid: dead, host: hostname(), since: '2026-01-01T00:00:00.000Z', token: 'guard' }));
    // Well under the ten seconds after which an unreadable guard is given up on.
    const summary = await runBatch({ inputs: [join(dir, 'meetings')], formats: ['md'], out, lockWait: 1 }, quiet);
    expect(summary.built).toBe(2);
    expect(readdirSync(out).filter((f) => f.includes('lock'))).toEqual([]);
  });

  it('locks each folder of the inputs when the outputs go beside them', async () => {
    const dir = archive(2);
    const folder = join(dir, 'meetings');
    const lock = (await lockBuild(folder, { isOut: false }))!;
    // This process's own lock on that folder is live: a build started now must wait for it.
    await expect(runBatch({ inputs: [folder], formats: ['md'], lockWait: 0.3 }, quiet)).rejects.toThrow(`the folder ${folder} is in use by another build`);
    lock.release();
    expect((await runBatch({ inputs: [folder], formats: ['md'] }, quiet)).built).toBe(2);
    expect(readdirSync(folder).filter((f) => f.includes('lock'))).toEqual([]);
  });

  it('lets the shards of one matrix build into one --out together, and merges their manifests', async () => {
    const dir = archive(16);
    const out = join(dir, 'out');
    const shards = [1, 2, 3].map((i) => start([join(dir, 'meetings'), '--format', 'md,html', '--out', out, '--shard', `${i}/3`, '--json']));
    const results = await Promise.all(shards.map((s) => s.done));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    const built = results.flatMap((r) => (JSON.parse(r.out) as { files: { file: string }[] }).files.map((f) => f.file.replace(/^.*\//, '')));
    expect(built.sort()).toEqual(Array.from({ length: 16 }, (_, i) => `m${i}.yaml`).sort());
    expect(entries(out)).toEqual(built.sort());
    const again = await start([join(dir, 'meetings'), '--format', 'md,html', '--out', out]).done;
    expect(again.err).toMatch(/^0 built, 16 up to date, 0 failed/m);
    expect(readdirSync(out).filter((f) => f.includes('lock'))).toEqual([]);
  }, 60_000);

  it('keeps a build without --shard, or shards of another count, out while shards build', async () => {
    const dir = archive(2);
    const out = join(dir, 'out');
    const shard = (await lockBuild(out, { shard: { index: 1, count: 2 } }))!;
    try {
      await expect(lockBuild(out, { shard: { index: 2, count: 2 } }).then((l) => l!.release())).resolves.toBeUndefined();
      await expect(lockBuild(out, { waitMs: 200 })).rejects.toThrow('.agenda-build.1-of-2.lock is held by process');
      await expect(lockBuild(out, { shard: { index: 1, count: 3 }, waitMs: 200 })).rejects.toThrow('.agenda-build.1-of-2.lock is held by process');
    } finally {
      shard.release();
    }
    expect(existsSync(out)).toBe(false); // made for the lock, removed with it: nothing was written
  });
});
