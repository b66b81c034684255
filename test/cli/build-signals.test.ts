/**
 * `agenda build` as a process, stopped: its exit codes on signals (Ctrl+C, SIGTERM, SIGHUP,
 * SIGKILL), its worker processes ended with it, and what it recorded before it stopped.
 * (Apart from build-process.test.ts, so that the two files run side by side.)
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST_NAME } from '../../src/batch/manifest.js';
import { repoRoot } from '../helpers/reference.js';
import { archive, removeScratches } from './helpers.js';

afterAll(removeScratches);

describe('the built command, stopped by signals', () => {
  const bin = join(repoRoot, 'bin/agenda.js');

  it.runIf(process.platform === 'linux')('ends its worker processes when it is killed (SIGKILL: nothing of its own runs)', async () => {
    const dir = archive(8); // --jobs 2: workers from two files on
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
    const dir = archive(16);
    const args = [bin, 'build', join(dir, 'meetings'), '--format', 'pdf', '--out', join(dir, 'out'), '--jobs', '2'];
    const child = spawn('node', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let err = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    try {
      await new Promise<void>((started) => child.stderr.on('data', (d: Buffer) => /\[[3-9]\/16\] built/.test((err += d.toString())) && started()));
      process.kill(-child.pid!, 'SIGINT');
      await new Promise((r) => setTimeout(r, 30));
      process.kill(-child.pid!, 'SIGINT');
      expect(await exited).toBe(130);
    } finally {
      child.kill('SIGKILL');
    }
    // What is recorded was written whole (the next run's "up to date" rests on it; that run is
    // tested after a single Ctrl+C below).
    expect(recordedWhole(join(dir, 'out'))).toBeGreaterThanOrEqual(3);
  }, 30000);

  it.runIf(process.platform === 'linux')('leaves Ctrl+C to the main process even while its workers are starting', async () => {
    const dir = archive(8); // --jobs 2: workers from two files on
    const child = spawn('node', [bin, 'build', join(dir, 'meetings'), '--format', 'pdf', '--out', join(dir, 'out'), '--jobs', '2'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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
    const count = 12;
    const dir = archive(count); // enough that the batch is still running when the signal comes
    const args = [bin, 'build', join(dir, 'meetings'), '--format', 'pdf', '--out', join(dir, 'out'), '--jobs', '2'];
    // A process group of its own, as a shell gives a command: Ctrl+C reaches the workers too.
    const child = spawn('node', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let err = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    try {
      await new Promise<void>((started) => child.stderr.on('data', (d: Buffer) => new RegExp(`\\[\\d+/${count}\\] built`).test((err += d.toString())) && started()));
      process.kill(-child.pid!, 'SIGINT');
      expect(await exited).toBe(130);
    } finally {
      child.kill('SIGKILL');
    }
    expect(err).toMatch(/stopping after the files in hand/);
    expect(err).not.toMatch(/[1-9]\d* failed|internal error|worker stopped/);
    const built = Number(/^(\d+) built, 0 up to date, 0 failed/m.exec(err)?.[1]);
    expect(built).toBeLessThan(count);
    expect(err).toMatch(new RegExp(`^stopped: ${count - built} files? not built$`, 'm'));
    // What was built is whole and recorded: the next run builds only the rest.
    const again = await runToEnd(args);
    expect(again.code).toBe(0);
    expect(again.err).toMatch(new RegExp(`^${count - built} built, ${built} up to date, 0 failed`, 'm'));
  }, 30000);

  it.runIf(process.platform !== 'win32')('stops on SIGTERM (exit 143) and SIGHUP (exit 129) as on Ctrl+C: what was built is recorded', async () => {
    // Thirty PDFs take seconds: the signal, sent once the first is built, nearly always finds
    // the batch running. On a machine so loaded that the batch ended first, the build must
    // have ended as one that was never signalled; what was built is recorded either way.
    const count = 12;
    const dir = archive(count); // enough that the batch is still running when the signal comes
    const args = [bin, 'build', join(dir, 'meetings'), '--format', 'pdf', '--out', join(dir, 'out'), '--jobs', '2'];
    let before = 0;
    for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
      // Sent to the main process alone, as a CI runner cancelling a job or a closing terminal does.
      const child = spawn('node', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('close', (c, s) => done({ code: c, signal: s })));
      try {
        await new Promise<void>((started) => {
          const look = () => new RegExp(`\\[\\d+/${count}\\] (built|up to date)`).test(err) && started();
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
          expect(Number(stopped[1])).toBe(count - before - built);
        } else {
          // Done before the signal came: a whole, recorded batch (killed, if at all, as it exited).
          expect(built, err).toBe(count - before);
          expect(end.code === 0 || end.signal === signal, err).toBe(true);
        }
        expect(recordedWhole(join(dir, 'out'))).toBe(before + built);
        before += built;
      } finally {
        child.kill('SIGKILL');
      }
    }
  }, 60000);

  /** How many files the manifest in `out` records, each of whose PDFs must be complete. */
  function recordedWhole(out: string): number {
    const entries = Object.values(JSON.parse(readFileSync(join(out, MANIFEST_NAME), 'utf8')).entries) as { outputs: string[] }[];
    for (const e of entries) {
      expect(e.outputs.length).toBeGreaterThan(0);
      for (const o of e.outputs) expect(readFileSync(join(out, o)).subarray(-6).toString('latin1'), o).toMatch(/%%EOF\n?$/);
    }
    return entries.length;
  }

  /** `node …args` in a process of its own, to its end: its exit code and what it printed on stderr. */
  function runToEnd(args: string[]): Promise<{ code: number | null; err: string }> {
    const child = spawn('node', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    return new Promise((done) => child.on('close', (code) => done({ code, err })));
  }
});
