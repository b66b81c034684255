import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { expandInputs } from './inputs.js';
import type { BuildJob, JobResult } from './job.js';
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
  const jobs: BuildJob[] = [];
  const manifestKey = new Map<string, { folder: string; name: string }>();
  for (const file of files) {
    const outDir = root ? join(root, dirname(relative(base, file))) : dirname(file);
    const folder = root ?? outDir;
    const name = relative(folder, join(outDir, basename(file)));
    const manifest = await manifestFor(folder);
    manifestKey.set(file, { folder, name });
    jobs.push({
      file,
      outDir,
      stem: basename(file, extname(file)),
      formats: options.formats,
      fingerprint,
      previousKey: manifest.entries[name]?.key,
      force: options.force ?? false,
    });
  }

  reporter.start(jobs.length);
  const results: JobResult[] = [];
  await runJobs(jobs, options.jobs ?? availableParallelism(), (r) => {
    results.push(r);
    const where = manifestKey.get(r.file)!;
    const manifest = manifests.get(where.folder)!;
    if (r.status === 'failed') delete manifest.entries[where.name];
    else manifest.entries[where.name] = { key: r.key!, outputs: r.written.map((w) => relative(where.folder, w)) };
    reporter.result(r, results.length, jobs.length);
  });
  for (const [folder, manifest] of manifests) {
    if (Object.keys(manifest.entries).length) await writeManifest(folder, manifest).catch(() => undefined);
  }
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const count = (s: JobResult['status']) => results.filter((r) => r.status === s).length;
  return { results, unmatched, built: count('built'), skipped: count('skipped'), failed: count('failed'), seconds: (performance.now() - started) / 1000 };
}
