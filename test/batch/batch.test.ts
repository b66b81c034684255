import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMeeting } from '../../bench/generate.js';
import { expandInputs, watchRoot } from '../../src/batch/inputs.js';
import type { JobResult } from '../../src/batch/job.js';
import { runBatch, type BatchReporter } from '../../src/batch/run-batch.js';
import { inShard, parseShard } from '../../src/batch/shard.js';
import { notWatched } from '../../src/batch/watch.js';

const quiet: BatchReporter = { start() {}, result() {} };
/** A reporter that keeps every result (the batch itself keeps none). */
const keeping = () => {
  const results: JobResult[] = [];
  return { results, reporter: { start() {}, result: (r: JobResult) => results.push(r) } satisfies BatchReporter };
};
let archive: string;

beforeAll(() => {
  archive = mkdtempSync(join(tmpdir(), 'agenda-batch-'));
  for (let i = 0; i < 12; i++) {
    const folder = join(archive, 'meetings', String(2010 + (i % 3)));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `m${i}.yaml`), generateMeeting(i));
  }
  writeFileSync(join(archive, 'meetings', 'agenda.config.yaml'), 'rules: {}\n');
});
afterAll(() => rmSync(archive, { recursive: true, force: true }));

describe('inputs', () => {
  it('expands folders and globs, skips configuration files, reports what matched nothing', async () => {
    const byFolder = await expandInputs([join(archive, 'meetings')]);
    expect(byFolder.files).toHaveLength(12);
    expect(byFolder.base).toBe(join(archive, 'meetings'));
    const byGlob = await expandInputs(['meetings/2010/*.yaml', 'nothing/*.yaml', 'missing.yaml'], archive);
    expect(byGlob.files.map((f) => relative(archive, f))).toEqual(['meetings/2010/m0.yaml', 'meetings/2010/m3.yaml', 'meetings/2010/m6.yaml', 'meetings/2010/m9.yaml']);
    expect(byGlob.unmatched).toEqual(['nothing/*.yaml', 'missing.yaml']);
  });

  it('skips configuration files and installed packages under a glob outside the working folder too', async () => {
    mkdirSync(join(archive, 'meetings', 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(archive, 'meetings', 'node_modules', 'x', 'm.yaml'), generateMeeting(1));
    writeFileSync(join(archive, 'meetings', '2011', '.agendarc.yaml'), 'rules: {}\n');
    const elsewhere = mkdtempSync(join(tmpdir(), 'agenda-elsewhere-'));
    try {
      // An absolute glob, searched from a working folder beside the archive: ignore patterns would not apply.
      for (const glob of [`${archive}/meetings/*/*.yaml`, `${archive}/meetings/**/*.yaml`, `${archive}/meetings/**/.*.yaml`]) {
        const found = await expandInputs([glob], elsewhere);
        expect(found.files.map((f) => relative(archive, f)).filter((f) => /config|agendarc|node_modules/.test(f)), glob).toEqual([]);
      }
      expect((await expandInputs([`${archive}/meetings/**/*.yaml`], elsewhere)).files).toHaveLength(12);
    } finally {
      rmSync(elsewhere, { recursive: true });
      rmSync(join(archive, 'meetings', 'node_modules'), { recursive: true });
      rmSync(join(archive, 'meetings', '2011', '.agendarc.yaml'));
    }
  });

  it('searches a glob from the folder before its first special character', async () => {
    expect(watchRoot('meetings/20??/*.yaml', '/p')).toBe('/p/meetings');
    expect(watchRoot('/srv/a/**/*.yaml', '/p')).toBe('/srv/a');
    expect(watchRoot('meetings/{2019,2020/extra}/*.yaml', '/p')).toBe('/p/meetings'); // a brace may hold a slash
    expect(watchRoot('*.yaml', '/p')).toBe('/p');
    expect(watchRoot('/*.yaml', '/p')).toBe('/');
    expect(watchRoot('/home/u/node_modules/@org/proj/m/*.yaml', '/p')).toBe('/home/u/node_modules/@org/proj/m'); // "@" alone is no wildcard
    expect(watchRoot('/srv/c++/m/*.yaml', '/p')).toBe('/srv/c++/m');
    expect(watchRoot('/srv/a/@(x|y)/*.yaml', '/p')).toBe('/srv/a');
    expect(watchRoot('/srv/a/(x|y)/*.yaml', '/p')).toBe('/srv/a');
    expect(watchRoot('/srv/a\\*b/*.yaml', '/p')).toBe('/srv'); // an escaped character
    expect(watchRoot('meetings/m.yaml', '/p')).toBe('/p/meetings/m.yaml');
    const byBraces = await expandInputs(['meetings/{2010,2011}/m{0,1}.yaml'], archive);
    expect(byBraces.files.map((f) => relative(archive, f))).toEqual(['meetings/2010/m0.yaml', 'meetings/2011/m1.yaml']);
  });

  it('finds the definitions of a project that itself lives under a node_modules', async () => {
    const project = mkdtempSync(join(tmpdir(), 'agenda-installed-'));
    try {
      const meetings = join(project, 'node_modules', 'proj', 'meetings');
      mkdirSync(join(meetings, 'node_modules', 'x'), { recursive: true });
      writeFileSync(join(meetings, 'm.yaml'), generateMeeting(1));
      writeFileSync(join(meetings, 'node_modules', 'x', 'n.yaml'), generateMeeting(2));
      for (const input of [meetings, `${meetings}/**/*.yaml`]) expect((await expandInputs([input], project)).files, input).toEqual([join(meetings, 'm.yaml')]);
      expect((await expandInputs(['node_modules/proj/meetings/*.yaml'], project)).files).toEqual([join(meetings, 'm.yaml')]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('--watch', () => {
  it('leaves installed packages and repositories unwatched, and nothing else', () => {
    const ignored = notWatched(['/a', 'C:\\a', '/']);
    for (const p of ['/a/node_modules', '/a/node_modules/x/m.yaml', 'C:\\a\\.git\\config', '/a/.git', '/b/node_modules/m.yaml']) expect(ignored(p), p).toBe(true);
    for (const p of ['/a', '/a/meetings/m.yaml', '/a/.agendarc.yaml', '/a/my_node_modules/m.yaml', '/a/.github/m.yaml', '/a/git/m.yaml']) expect(ignored(p), p).toBe(false);
  });

  it('watches a project that itself lives under a node_modules, and a file named on the command line', () => {
    const ignored = notWatched(['/home/u/node_modules/proj/meetings', '/home/u/node_modules/proj/agenda.config.yaml', '/srv/.git/hooks/m.yaml']);
    for (const p of ['/home/u/node_modules/proj/meetings', '/home/u/node_modules/proj/meetings/2019/m.yaml', '/home/u/node_modules/proj/agenda.config.yaml', '/srv/.git/hooks/m.yaml']) expect(ignored(p), p).toBe(false);
    expect(ignored('/home/u/node_modules/proj/meetings/node_modules/x/m.yaml')).toBe(true);
  });
});

describe('--shard i/n', () => {
  it('splits inputs into disjoint slices that cover them all', () => {
    const names = Array.from({ length: 500 }, (_, i) => `meetings/${i}.yaml`);
    const slices = [1, 2, 3, 4].map((i) => names.filter((n) => inShard(n, { index: i, count: 4 })));
    expect(slices.flat().sort()).toEqual([...names].sort());
    for (const s of slices) expect(s.length).toBeGreaterThan(90);
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('5/4')).toBeUndefined();
    expect(parseShard('0/4')).toBeUndefined();
  });
});

describe('batch builds', () => {
  it('mirrors the folders under --out, then rebuilds only what changed', async () => {
    const out = join(archive, 'out');
    const options = { inputs: [join(archive, 'meetings')], formats: ['md'], out, jobs: 1 };
    const first = await runBatch(options, quiet);
    expect([first.built, first.skipped, first.failed]).toEqual([12, 0, 0]);
    expect(existsSync(join(out, '2011', 'm1.md'))).toBe(true);

    const again = await runBatch(options, quiet);
    expect([again.built, again.skipped]).toEqual([0, 12]);

    const edited = join(archive, 'meetings', '2012', 'm2.yaml');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('Vienna', 'Geneva'));
    rmSync(join(out, '2010', 'm0.md'));
    const third = keeping();
    await runBatch(options, third.reporter);
    expect(third.results.filter((r) => r.status === 'built').map((r) => relative(archive, r.file))).toEqual(['meetings/2010/m0.yaml', 'meetings/2012/m2.yaml']);
    expect(readFileSync(join(out, '2012', 'm2.md'), 'utf8')).toContain('Geneva');

    const forced = await runBatch({ ...options, force: true }, quiet);
    expect(forced.built).toBe(12);
    const otherFormats = await runBatch({ ...options, formats: ['md', 'md'] }, quiet);
    expect(otherFormats.skipped).toBe(0); // the formats are part of what an output depends on
  });

  it('stops when its signal aborts: the file in hand is built and recorded, the rest counted as not started', async () => {
    const out = mkdtempSync(join(tmpdir(), 'agenda-stop-'));
    try {
      const stop = new AbortController();
      const summary = await runBatch({ inputs: [join(archive, 'meetings')], formats: ['md'], out, signal: stop.signal }, { start() {}, result: () => stop.abort() });
      expect({ built: summary.built, notStarted: summary.notStarted }).toEqual({ built: 1, notStarted: 11 });
      expect(Object.keys(JSON.parse(readFileSync(join(out, '.agenda-manifest.json'), 'utf8')).entries)).toHaveLength(1);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('goes on past an output folder that cannot be looked at (a link to itself)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'agenda-loop-'));
    try {
      const options = { inputs: [join(archive, 'meetings')], formats: ['md'], out };
      await runBatch(options, quiet);
      rmSync(join(out, '2010'), { recursive: true });
      symlinkSync(join(out, '2010'), join(out, '2010')); // ELOOP
      const { results, reporter } = keeping();
      const again = await runBatch(options, reporter);
      expect(results.filter((r) => r.status === 'failed').map((r) => relative(archive, r.file)).sort()).toEqual(['meetings/2010/m0.yaml', 'meetings/2010/m3.yaml', 'meetings/2010/m6.yaml', 'meetings/2010/m9.yaml']);
      expect([again.skipped, again.failed]).toEqual([8, 4]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('keeps building when one file fails, and says which failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-batch-fail-'));
    writeFileSync(join(dir, 'good.yaml'), generateMeeting(1));
    writeFileSync(join(dir, 'bad.yaml'), 'document: [\n');
    writeFileSync(join(dir, 'binary.yaml'), Buffer.from([0, 1, 2, 3]));
    const { results, reporter } = keeping();
    const summary = await runBatch({ inputs: [dir], formats: ['md'], out: join(dir, 'out'), jobs: 1 }, reporter);
    expect([summary.built, summary.failed]).toEqual([1, 2]);
    expect(results).toHaveLength(3);
    const bad = results.find((r) => r.file.endsWith('bad.yaml'))!;
    expect(bad.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', line: 2 });
    expect(results.find((r) => r.file.endsWith('binary.yaml'))!.error!.message).toContain('not a text file');
  });
});

describe('what a build depends on besides its definition', () => {
  it('rebuilds a definition when its emblem file changes, and only then', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-depends-'));
    try {
      const fixture = join(__dirname, '../fixtures/emblem');
      writeFileSync(join(dir, 'with-emblem.yaml'), readFileSync(join(fixture, 'with-emblem.yaml')));
      writeFileSync(join(dir, 'emblem.svg'), readFileSync(join(fixture, 'emblem.svg')));
      const run = async () => {
        const { results, reporter } = keeping();
        await runBatch({ inputs: [join(dir, 'with-emblem.yaml')], formats: ['pdf'], out: join(dir, 'out'), jobs: 1 }, reporter);
        return results.map((r) => r.status);
      };
      expect(await run()).toEqual(['built']);
      expect(await run()).toEqual(['skipped']);
      writeFileSync(join(dir, 'emblem.svg'), readFileSync(join(fixture, 'emblem.svg'), 'utf8').replace('</svg>', '<circle cx="1" cy="1" r="1"/></svg>'));
      expect(await run()).toEqual(['built']);
      expect(await run()).toEqual(['skipped']);
      rmSync(join(dir, 'emblem.svg'));
      expect(await run()).toEqual(['failed']); // rebuilt, and the missing emblem reported
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
