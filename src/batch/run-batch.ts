import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { expandInputs } from './inputs.js';
import { outputPaths, readForBatch, upToDate, type BuildJob, type JobResult } from './job.js';
import { readManifest, writeManifest, type Manifest } from './manifest.js';
import { runJobs } from './pool.js';
import { inShard, type Shard } from './shard.js';

export interface BatchOptions {
  inputs: string[];
  formats: string[];
  /** Output folder; the input tree is mirrored under it. Without it, outputs go beside inputs. */
  out?: string;
  jobs?: number;
  force?: boolean;
  shard?: Shard;
  /** What else outputs depend on (configuration files' content). */
  extraFingerprint?: string;
}

export interface BatchSummary {
  results: JobResult[];
  unmatched: string[];
  built: number;
  skipped: number;
  failed: number;
  seconds: number;
}

export interface BatchReporter {
  start(total: number): void;
  result(r: JobResult, done: number, total: number): void;
}

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Builds many definitions: files, folders, globs; incremental, sharded, on all cores. */
export async function runBatch(options: BatchOptions, reporter: BatchReporter): Promise<BatchSummary> {
  const started = performance.now();
  const { files: all, base, unmatched } = await expandInputs(options.inputs);
  const files = options.shard ? all.filter((f) => inShard(relative(base, f), options.shard!)) : all;
  const fingerprint = [packageVersion, options.extraFingerprint ?? ''].join('|');

  // One manifest per output folder: --out has one; outputs beside inputs have one per folder.
  const manifests = new Map<string, Manifest>();
  const manifestFor = async (folder: string) => {
    if (!manifests.has(folder)) manifests.set(folder, await readManifest(folder));
    return manifests.get(folder)!;
  };
  const root = options.out ? resolve(options.out) : undefined;
  const results: JobResult[] = [];
  const where = new Map<string, { folder: string; name: string }>();
  const record = (r: JobResult) => {
    results.push(r);
    const { folder, name } = where.get(r.file)!;
    const manifest = manifests.get(folder)!;
    if (r.status === 'failed') delete manifest.entries[name];
    else manifest.entries[name] = { key: r.key!, outputs: r.written.map((w) => relative(folder, w)) };
    reporter.result(r, results.length, files.length);
  };

  reporter.start(files.length);
  // Deciding what is up to date costs a read and a hash: do it here, and send workers only real work.
  const jobs: BuildJob[] = [];
  for (const file of files) {
    const outDir = root ? join(root, dirname(relative(base, file))) : dirname(file);
    const folder = root ?? outDir;
    const name = relative(folder, join(outDir, basename(file)));
    where.set(file, { folder, name });
    const manifest = await manifestFor(folder);
    const read = await readForBatch(file, fingerprint, options.formats);
    if ('status' in read) {
      record(read);
      continue;
    }
    const job: BuildJob = { file, outDir, stem: basename(file, extname(file)), formats: options.formats, fingerprint, source: read.source, key: read.key, force: options.force };
    const targets = outputPaths(job);
    if (!options.force && (await upToDate(read.key, manifest.entries[name]?.key, targets))) {
      record({ file, status: 'skipped', key: read.key, written: targets, diagnostics: [] });
    } else {
      jobs.push(job);
    }
  }
  await runJobs(jobs, options.jobs ?? availableParallelism(), record);
  for (const [folder, manifest] of manifests) {
    if (Object.keys(manifest.entries).length) await writeManifest(folder, manifest).catch(() => undefined);
  }
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const count = (s: JobResult['status']) => results.filter((r) => r.status === s).length;
  return { results, unmatched, built: count('built'), skipped: count('skipped'), failed: count('failed'), seconds: (performance.now() - started) / 1000 };
}
