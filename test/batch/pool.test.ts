import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildJob, JobResult } from '../../src/batch/job.js';
import { MAX_WORKERS, runJobs, SHARED_BELOW, WORKER_START_MS, workerCount } from '../../src/batch/pool.js';

const worker = new URL('../fixtures/workers/echo-worker.mjs', import.meta.url);

async function* jobs(files: string[], delay = 0): AsyncGenerator<BuildJob> {
  for (const file of files) {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    yield { file } as BuildJob;
  }
}

async function run(files: string[], threads: number, delay = 0, jobTimeout?: number): Promise<JobResult[]> {
  const results: JobResult[] = [];
  await runJobs(jobs(files, delay), threads, (r) => results.push(r), { workerUrl: worker, workersFrom: 2, ...(jobTimeout ? { jobTimeout } : {}) });
  return results;
}

describe('the worker pool', () => {
  it('answers every job exactly once, spread over the workers', async () => {
    const files = Array.from({ length: 40 }, (_, i) => `m${i}${i % 7 ? '' : '-slow'}.yaml`);
    const results = await run(files, 3);
    expect(results.map((r) => r.file).sort()).toEqual([...files].sort());
    expect(results.every((r) => r.status === 'built')).toBe(true);
    expect(new Set(results.map((r) => r.key)).size).toBe(3);
  });

  it('sends a worker its next job while it builds one, so that it never waits for it', async () => {
    const files = Array.from({ length: 12 }, (_, i) => `m${i}-slow.yaml`);
    const results = await run(files, 2);
    // Without it a worker never holds two. With it, nearly every job has the next queued behind
    // it (not quite all on a loaded machine, where this process may answer late).
    expect(results.filter((r) => r.written[0] === 'held 2').length).toBeGreaterThanOrEqual(files.length / 2);
  });

  it('starts no job once the signal aborts, not even one read ahead', async () => {
    const stop = new AbortController();
    const results: JobResult[] = [];
    const files = Array.from({ length: 30 }, (_, i) => `m${i}.yaml`);
    await runJobs(jobs(files), 2, (r) => (results.push(r), stop.abort()), { workerUrl: worker, workersFrom: 24, signal: stop.signal });
    // The first answer stops it: only the jobs the two workers held then are answered.
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(4);
  });

  it('keeps going when inputs come slowly', async () => {
    const files = Array.from({ length: 8 }, (_, i) => `m${i}.yaml`);
    const results = await run(files, 2, 5);
    expect(results.map((r) => r.file).sort()).toEqual(files);
  });

  it('fails only the job a dying worker was running; the jobs queued behind it go to a new worker', async () => {
    const files = Array.from({ length: 20 }, (_, i) => (i === 3 || i === 11 ? `m${i}-crash.yaml` : `m${i}.yaml`));
    const results = await run(files, 2);
    expect(results.map((r) => r.file).sort()).toEqual([...files].sort());
    const failed = results.filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.file).sort()).toEqual(['m11-crash.yaml', 'm3-crash.yaml']);
    expect(failed[0]!.error).toMatchObject({ kind: 'internal', message: 'the build worker stopped (exit code 3)' });
  });

  it('keeps the answer a worker sent just before the next job killed it', async () => {
    // Each worker answers with 4 MB, then dies of the job queued behind: the answer must count.
    for (let round = 0; round < 3; round++) {
      const files = ['big-a.yaml', 'b-crash.yaml', 'big-c.yaml', 'd-crash.yaml', 'e.yaml', 'f.yaml'];
      const results = await run(files, 2);
      expect(results.map((r) => `${r.file} ${r.status}`).sort()).toEqual(['b-crash.yaml failed', 'big-a.yaml built', 'big-c.yaml built', 'd-crash.yaml failed', 'e.yaml built', 'f.yaml built']);
    }
  });

  it('fails only the jobs that crash their worker, however many crash in a row', async () => {
    const files = ['a-crash.yaml', 'b-crash.yaml', 'c-crash.yaml', 'd-crash.yaml', 'e.yaml', 'f.yaml', 'g.yaml', 'h.yaml'];
    const results = await run(files, 2);
    expect(results.filter((r) => r.status === 'failed').map((r) => r.file).sort()).toEqual(['a-crash.yaml', 'b-crash.yaml', 'c-crash.yaml', 'd-crash.yaml']);
  });

  it('loses no job to a worker killed from outside (SIGTERM): its jobs go to the next', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-pool-'));
    try {
      const files = Array.from({ length: 12 }, (_, i) => (i === 5 ? join(dir, 'sigterm.yaml') : `m${i}.yaml`));
      const results = await run(files, 2);
      expect(results.map((r) => `${r.file} ${r.status}`).sort()).toEqual(files.map((f) => `${f} built`).sort());
      expect(existsSync(join(dir, 'sigterm.yaml'))).toBe(true); // the worker was killed once
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails no job for a worker that died before it was ready', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-pool-'));
    process.env.FLAKY_START = join(dir, 'started-once');
    try {
      const files = ['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml'];
      const results = await run(files, 2);
      expect(results.map((r) => `${r.file} ${r.status}`).sort()).toEqual(files.map((f) => `${f} built`));
      expect(existsSync(join(dir, 'started-once'))).toBe(true); // one worker did die
    } finally {
      delete process.env.FLAKY_START;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails a job whose workers are killed from outside again and again, and goes on', async () => {
    const files = ['a.yaml', 'b-always-sigterm.yaml', 'c.yaml', 'd.yaml', 'e.yaml'];
    const results = await run(files, 2);
    expect(results.map((r) => `${r.file} ${r.status}`).sort()).toEqual(['a.yaml built', 'b-always-sigterm.yaml failed', 'c.yaml built', 'd.yaml built', 'e.yaml built']);
    expect(results.find((r) => r.status === 'failed')!.error!.message).toBe('the build worker stopped (signal SIGTERM)');
  });

  it('fails the jobs, and does not hang, when workers cannot start', async () => {
    const results: JobResult[] = [];
    await runJobs(jobs(Array.from({ length: 5 }, (_, i) => `m${i}.yaml`)), 2, (r) => results.push(r), { workerUrl: new URL('../fixtures/workers/dead-worker.mjs', import.meta.url), workersFrom: 2 });
    expect(results.map((r) => `${r.file} ${r.status} ${r.error?.message}`).sort()).toEqual(Array.from({ length: 5 }, (_, i) => `m${i}.yaml failed the build worker stopped (exit code 1)`));
  });

  it('runs a batch smaller than the threshold in this thread, without starting workers', async () => {
    const results: JobResult[] = [];
    // The stand-in worker would answer 'built'; this thread checks the (broken) sources and fails them.
    async function* broken(): AsyncGenerator<BuildJob> {
      for (const stem of ['a', 'b']) yield { file: `${stem}.yaml`, stem, source: 'items: [', formats: ['md'], outDir: '.' } as BuildJob;
    }
    await runJobs(broken(), 2, (r) => results.push(r), { workerUrl: worker, workersFrom: 3 });
    expect(results.map((r) => `${r.file} ${r.status} ${r.diagnostics[0]?.code}`)).toEqual(['a.yaml failed yaml-syntax', 'b.yaml failed yaml-syntax']);
  });

  it('stops a worker stuck on a job past the time limit: that job fails, the others are built', async () => {
    const files = ['a.yaml', 'b-hang.yaml', 'c.yaml', 'd.yaml', 'e-hang.yaml', 'f.yaml', 'g.yaml'];
    const started = performance.now();
    const results = await run(files, 2, 0, 300);
    expect(results.map((r) => `${r.file} ${r.status}`).sort()).toEqual(['a.yaml built', 'b-hang.yaml failed', 'c.yaml built', 'd.yaml built', 'e-hang.yaml failed', 'f.yaml built', 'g.yaml built']);
    expect(results.find((r) => r.file === 'b-hang.yaml')!.error).toEqual({
      kind: 'timeout',
      message: 'took longer than 0.3 seconds to build, and was stopped',
      hint: 'this is most likely a bug: please report it with the input file (a larger --job-timeout gives a file more time)',
    });
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("counts a job's time from when the worker starts it, not from when it was queued", async () => {
    // Each job takes 200 ms and waits about as long behind the one before it, in its worker's queue.
    const results = await run(['a-sleepy.yaml', 'b-sleepy.yaml', 'c-sleepy.yaml', 'd-sleepy.yaml', 'e-sleepy.yaml', 'f-sleepy.yaml'], 2, 0, 320);
    expect(results.map((r) => `${r.file} ${r.status} ${r.error?.kind ?? ''}`).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `${x}-sleepy.yaml built `));
  });

  it('survives a worker that dies on its last job', async () => {
    const results = await run(['a.yaml', 'b.yaml', 'z-crash.yaml'], 2);
    expect(results.map((r) => `${r.file} ${r.status}`).sort()).toEqual(['a.yaml built', 'b.yaml built', 'z-crash.yaml failed']);
  });

  it('says in one line why a worker died: out of memory, or the error it threw; not the dump it printed', async () => {
    const results = await run(['a.yaml', 'b-oom.yaml', 'c.yaml', 'd-throws.yaml', 'e.yaml'], 2);
    expect(results.map((r) => `${r.file} ${r.status}`).sort()).toEqual(['a.yaml built', 'b-oom.yaml failed', 'c.yaml built', 'd-throws.yaml failed', 'e.yaml built']);
    expect(results.find((r) => r.file === 'b-oom.yaml')!.error).toMatchObject({ kind: 'internal', message: 'the build worker ran out of memory (heap limit 512 MB)' });
    expect(results.find((r) => r.file === 'd-throws.yaml')!.error!.message).toBe("the build worker stopped (exit code 1): TypeError: Cannot read properties of undefined (reading 'items')");
  });

  it('starts no more workers than the cap, however many are asked for', async () => {
    const files = Array.from({ length: 6 }, (_, i) => `m${i}.yaml`);
    // 1e20 workers: an array that long cannot even be made.
    const results: JobResult[] = [];
    await runJobs(jobs(files), Number('99999999999999999999'), (r) => results.push(r), { workerUrl: worker, workersFrom: 2, maxWorkers: 3 });
    expect(results.map((r) => `${r.file} ${r.status}`).sort()).toEqual(files.map((f) => `${f} built`));
    expect(new Set(results.map((r) => r.key)).size).toBeLessThanOrEqual(3);
  });

  it('starts no more workers than the jobs the caller says there are, past the look-ahead', async () => {
    // Six jobs, two looked ahead: only `total` tells the pool that six workers would be too many.
    const files = Array.from({ length: 6 }, (_, i) => `m${i}-slow.yaml`);
    const results: JobResult[] = [];
    await runJobs(jobs(files), 6, (r) => results.push(r), { workerUrl: worker, workersFrom: 2, total: 2 });
    expect(results.map((r) => `${r.file} ${r.status}`).sort()).toEqual(files.map((f) => `${f} built`));
    expect(new Set(results.map((r) => r.key)).size).toBeLessThanOrEqual(2);
  });

  it('limits --jobs in one place: to what is asked, the jobs there are and the cap; at least one', () => {
    expect(workerCount(8, 100, 4)).toBe(4);
    expect(workerCount(8, 3, 4)).toBe(3);
    expect(workerCount(2, 100, 4)).toBe(2);
    expect(workerCount(Number('99999999999999999999'), Infinity, 3)).toBe(3);
    expect(workerCount(0, 0, 4)).toBe(1);
    expect(workerCount(1024, Infinity)).toBe(MAX_WORKERS);
  });

  describe('sharing the work with this process (the default, without --jobs)', () => {
    /** Builds in this process, taking `ms` a job. */
    const here = (ms: number) => async (job: BuildJob): Promise<JobResult> => {
      const until = performance.now() + ms;
      while (performance.now() < until); // busy, as a build is: the event loop does not turn
      return { file: job.file, status: 'built', written: [], diagnostics: [], key: 'here' };
    };
    /** Workers cost 300 ms of building here to start, instead of WORKER_START_MS: the same decision, sooner. */
    const startMs = 300;
    const share = async (count: number, ms: number, jobsAsked = 3, { total, documentsPerJob }: { total?: number; documentsPerJob?: number } = { total: count }) => {
      const files = Array.from({ length: count }, (_, i) => `m${i}.yaml`);
      const results: JobResult[] = [];
      const workers = await runJobs(jobs(files), jobsAsked, (r) => results.push(r), { workerUrl: worker, share: true, total, ...(documentsPerJob ? { documentsPerJob } : {}), buildHere: here(ms), workerStartMs: startMs });
      expect(results.map((r) => r.file).sort()).toEqual([...files].sort()); // each once
      return { workers, keys: results.map((r) => r.key!) };
    };

    it('builds a batch whose measured cost does not pay for a worker in this process alone', async () => {
      // 12 jobs of 20 ms: 0.24 s in all, against the workers' cost of 0.3 s.
      expect(WORKER_START_MS).toBeGreaterThan(startMs);
      const { workers, keys } = await share(12, 20);
      expect(workers).toBe(0);
      expect(new Set(keys)).toEqual(new Set(['here']));
    });

    it('starts workers, one fewer than the jobs asked, as soon as the jobs left outweigh their start-up, and keeps building', async () => {
      // Past the threshold once five jobs are timed: (count - 5) × ms > startMs.
      const ms = 10;
      const count = Math.ceil(startMs / ms) + 40;
      const { workers, keys } = await share(count, ms);
      expect(workers).toBe(2);
      expect(keys.slice(0, 5)).toEqual(Array(5).fill('here')); // timed before deciding
      expect(keys.filter((k) => k === 'here').length).toBeGreaterThan(4); // this process went on building
      expect(new Set(keys).size).toBeGreaterThan(1); // and the workers built some
    });

    it('leaves an archive (SHARED_BELOW documents or more, or a number not known) to a worker per job asked, from the start', async () => {
      for (const size of [{ total: SHARED_BELOW }, { total: undefined }, { total: Math.ceil(SHARED_BELOW / 6), documentsPerJob: 6 }]) {
        const { workers, keys } = await share(12, 1, 3, size);
        expect(workers).toBe(3);
        expect(keys).not.toContain('here');
      }
      // Fewer documents than that: built here first.
      const { keys } = await share(12, 1, 3, { total: Math.floor((SHARED_BELOW - 1) / 6), documentsPerJob: 6 });
      expect(keys[0]).toBe('here');
    });

    it('never starts a worker when only one job at a time is asked for', async () => {
      const { workers } = await share(Math.ceil(startMs / 10) + 40, 10, 1);
      expect(workers).toBe(0);
    });
  });
});
