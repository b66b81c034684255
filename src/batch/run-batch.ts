import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { Session } from '../core/session.js';
import { reportPath } from '../diagnostics/formatters/paths.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { hasErrors } from '../diagnostics/types.js';
import { FORMATS, type PdfProfile } from '../core/formats.js';
import { expandInputs } from './inputs.js';
import { describeFailure, outputPaths, type BuildJob, type JobConfig, type JobResult } from './job.js';
import { lockBuild, OutputFolderError, withManifestLock, type Lock } from './lock.js';
import { buildKey, dependenciesUnchanged, entryOf, mergeManifest, readManifest, type Manifest, type ManifestChanges } from './manifest.js';
import { runJobs } from './pool.js';
import { removeStaleTemporaries } from '../util/atomic-write.js';
import { inShard, type Shard } from './shard.js';
import { translationsBeside, type Translations } from '../core/build.js';
import type { LanguageCode } from '../locale/types.js';
import { isTranslationText, LANGUAGES, translationName } from '../translate/load.js';

export { OutputFolderError } from './lock.js';

export interface BatchOptions {
  /** Files, folders and globs. */
  inputs: string[];
  formats: string[];
  /** Output folder; the input tree is mirrored under it. Without it, outputs go beside inputs. */
  out?: string;
  /** The folder the output tree mirrors; by default the deepest one holding every input. */
  base?: string;
  /**
   * Worker processes; limited to the files and the cores (workerCount, pool.ts). Given, it is
   * honoured from two files on; by default this process builds, with a worker for each other
   * core started once the files left pay for its start-up (shareWithWorkers, pool.ts).
   */
  jobs?: number;
  /**
   * Seconds a worker may spend on one file before it is stopped and the file fails; 0 for no
   * limit (default: JOB_TIMEOUT_SECONDS). Given, every file is built by a worker, where it can be stopped.
   */
  jobTimeout?: number;
  /** Rebuild even what is up to date. */
  force?: boolean;
  /** Write documents even when the rules report errors. */
  allowErrors?: boolean;
  shard?: Shard;
  /** Overrides each definition's profile. */
  profile?: string;
  /** A configuration file for every input, or false for none; by default each input's nearest. */
  config?: string | false;
  /** Follow links to folders met while searching folders and globs (see inputs.ts). */
  follow?: boolean;
  /** Seconds to wait for another build's lock on an output folder (default 5: LOCK_WAIT_MS in lock.ts). */
  lockWait?: number;
  /**
   * The caches of configurations (see core/session.ts): a watch passes the same session to
   * each run, and invalidates what was saved. A new one by default.
   */
  session?: Session;
  /** Stops the batch: no job starts after it aborts; the jobs in hand (one or two a worker) finish and are recorded. */
  signal?: AbortSignal;
  /** The language versions to build (see BuildOptions.languages); by default the original alone. */
  languages?: readonly LanguageCode[] | 'all';
  /** Issue versions whose translation lacks texts, with those texts in the original language. */
  allowUntranslated?: boolean;
  /** The PDF's archival profile (see BuildOptions.pdfProfile). */
  pdfProfile?: PdfProfile;
}

/**
 * What a batch did, in counts: each file's result goes to the reporter as it comes and is
 * not kept, so that the batch's memory does not grow with the number of files.
 */
export interface BatchSummary {
  /** The inputs, after expansion and sharding, sorted. */
  files: string[];
  /** Input arguments that matched no file. */
  unmatched: string[];
  /** The folder the inputs are shown relative to and the output tree mirrors. */
  base: string;
  built: number;
  skipped: number;
  failed: number;
  /** Inputs left alone because the batch was stopped (options.signal). */
  notStarted: number;
  seconds: number;
  /** Worker processes started (0: every definition was built in this process). */
  workers: number;
}

export interface BatchReporter {
  start(total: number): void;
  /** Once per configuration file that applies, before the files it governs. */
  config?(file: string, diagnostics: Diagnostic[]): void;
  result(r: JobResult, done: number, total: number): void;
}

/**
 * Builds many definitions: files, folders, globs; incremental, sharded, on all cores.
 * The main thread reads each input and decides whether it is up to date (a read and a
 * hash); workers get only real work, pulled one at a time. Per file it keeps only its
 * manifest entry and what detects two inputs writing the same outputs.
 */
export async function runBatch(options: BatchOptions, reporter: BatchReporter): Promise<BatchSummary> {
  const started = performance.now();
  const expanded = await expandInputs(options.inputs, undefined, { follow: options.follow });
  const base = options.base ?? expanded.base;
  // A translation (meeting.fr.yaml) is not a definition: it is built with its original (--lang).
  const inputs = new Set(expanded.files);
  const definitions = expanded.files.filter((f) => {
    const t = translationName(f);
    return !t || !inputs.has(t.original);
  });
  const files = options.shard ? definitions.filter((f) => inShard(relative(base, f), options.shard!)) : definitions;
  // An empty --out is refused (cli.ts): it is not "beside the inputs", nor the working folder.
  if (options.out === '') throw new OutputFolderError('the output folder has an empty name', 'give --out a folder, or leave it out to write beside the inputs');
  const root = options.out !== undefined ? resolve(options.out) : undefined;
  const tool = toolFingerprint(options.formats);
  // Inputs an output could overwrite: only those named like an output (notes.md), rare.
  const outputLike = new Set(files.filter((f) => OUTPUT_EXTENSIONS.has(extname(f).slice(1).toLowerCase())));
  // Every output of an input is <outDir>/<stem>.<extension>: two inputs clash when they share both.
  const claimed = new Map<string, string>(); // <outDir>/<stem> → the input that writes there
  const counts = { built: 0, skipped: 0, failed: 0, done: 0 };

  // One manifest per output folder: --out has one; outputs beside inputs have one per folder.
  // What this build changes in each is kept apart, to be merged into the manifest as it is
  // then (another shard may have written its own entries meanwhile).
  const manifests = new Map<string, Manifest>();
  const changes = new Map<string, ManifestChanges>();
  const locate = (file: string) => {
    const outDir = root ? join(root, dirname(relative(base, file))) : dirname(file);
    const folder = root ?? outDir;
    return { outDir, folder, name: relative(folder, join(outDir, basename(file))) };
  };
  const record = (r: JobResult) => {
    counts[r.status]++;
    counts.done++;
    const { folder, name } = locate(r.file);
    const changed = changes.get(folder);
    if (changed) {
      if (r.status === 'failed') changed.set(name, null);
      else if (r.status === 'built') changed.set(name, { key: r.key!, outputs: r.written.map((w) => relative(folder, w)), ...(r.diagnostics.length ? { diagnostics: r.diagnostics.map(({ file: at, ...d }) => (at === r.file ? d : { in: basename(at), ...d })) } : {}), ...(r.depends ? { depends: Object.fromEntries(Object.entries(r.depends).map(([path, digest]) => [relative(folder, path), digest])) } : {}) });
    }
    reporter.result(r, counts.done, files.length);
  };
  const session = options.session ?? new Session();
  const configs = new ConfigResolver(options.config, reporter, session);
  const summary = (): BatchSummary => ({ files, unmatched: expanded.unmatched, base, built: counts.built, skipped: counts.skipped, failed: counts.failed, notStarted: files.length - counts.done, seconds: (performance.now() - started) / 1000, workers });
  const written = new Set<string>(); // output folders jobs were sent to
  let workers = 0;

  async function* plan(): AsyncGenerator<BuildJob> {
    for (const file of files) {
      if (options.signal?.aborted) return;
      const { outDir, folder, name } = locate(file);
      if (!manifests.has(folder)) {
        manifests.set(folder, readManifest(folder));
        changes.set(folder, new Map());
      }
      const stem = basename(file, extname(file));
      const targets = outputPaths({ formats: options.formats, outDir, stem });
      const failed = (error: JobResult['error'], diagnostics: Diagnostic[] = []) => record({ file, status: 'failed', written: [], diagnostics, error });

      // A translation named alone: it is built with its original, not as a definition.
      const translation = translationName(file);
      if (translation && session.fs.exists(translation.original)) {
        let text: string | undefined;
        try {
          text = session.readText(file);
        } catch {
          // unreadable: reported below, as any input
        }
        if (text !== undefined && isTranslationText(text)) {
          failed({ kind: 'refused', message: `${reportPath(file, process.cwd())} is the ${translation.language} translation of ${reportPath(translation.original, process.cwd())}, not a definition`, hint: `build the original in that language: agenda build ${reportPath(translation.original, process.cwd())} --lang ${translation.language}` });
          continue;
        }
      }
      const overwritten = outputLike.size ? targets.find((t) => outputLike.has(t)) : undefined;
      const rival = claimed.get(join(outDir, stem));
      if (overwritten) {
        failed({ kind: 'refused', message: `the output ${reportPath(overwritten, process.cwd())} would overwrite an input file`, hint: 'rename the input to end in .yaml, or choose another --out folder' });
        continue;
      }
      if (rival) {
        failed({ kind: 'refused', message: `the output ${reportPath(targets[0]!, process.cwd())} is also the output of ${reportPath(rival, process.cwd())}`, hint: 'give the two definitions different names' });
        continue;
      }
      claimed.set(join(outDir, stem), file);

      const { config, errors, path: configPath } = await configs.forFile(file);
      if (errors) {
        failed({ kind: 'config', message: `the configuration ${reportPath(configPath!, process.cwd())} has errors (listed above)`, hint: 'correct the configuration file, or pass --config' });
        continue;
      }
      let source: string;
      try {
        source = session.readText(file);
      } catch (err) {
        failed(describeFailure(err, undefined, file));
        continue;
      }
      let translations: Translations | undefined;
      if (options.languages) {
        try {
          translations = translationsBeside(file, (p) => session.fs.exists(p), (p) => session.readText(p));
        } catch (err) {
          failed(describeFailure(err, undefined, file));
          continue;
        }
      }
      const versions = options.languages ? [options.languages === 'all' ? 'all' : options.languages.join(','), options.allowUntranslated ? 'allow-untranslated' : '', ...Object.entries(translations ?? {}).flatMap(([language, t]) => [language, t.source])] : [];
      const key = buildKey([source, tool, options.formats.join(','), options.profile ?? '', config ? config.text : '', options.allowErrors ? 'allow-errors' : '', ...versions, ...(options.pdfProfile ? [`pdf-profile ${options.pdfProfile}`] : [])]);
      const previous = entryOf(manifests.get(folder)!, name);
      // The outputs the last build wrote: with languages, they are known only once it is built.
      const current = previous ? previous.outputs.map((o) => join(folder, o)) : targets;
      if (!options.force && previous?.key === key && allExist(current) && dependenciesUnchanged(previous, folder)) {
        const depends = previous.depends ? { depends: Object.fromEntries(Object.entries(previous.depends).map(([path, digest]) => [resolve(folder, path), digest])) } : {};
        record({ file, status: 'skipped', key, written: current, diagnostics: (previous.diagnostics ?? []).map(({ in: beside, ...d }) => ({ file: beside ? join(dirname(file), beside) : file, ...d })), ...depends });
        continue;
      }
      written.add(outDir);
      yield { file, outDir, stem, formats: options.formats, root, source, key, profile: options.profile, config, allowErrors: options.allowErrors, ...(options.languages ? { languages: options.languages, translations: translations!, allowUntranslated: options.allowUntranslated } : {}), ...(options.pdfProfile ? { pdfProfile: options.pdfProfile } : {}) };
    }
  }

  // What was built is recorded even when the process ends in the middle (a second Ctrl+C
  // exits at once): the next run then rebuilds only the rest. A manifest that cannot be
  // written costs the next run rebuilds, never this one an error.
  // Each folder's changes are merged under its manifest lock, and forgotten once written.
  const writeManifests = () => {
    for (const [folder, changed] of changes) {
      if (!changed.size) continue;
      try {
        withManifestLock(folder, () => mergeManifest(folder, changed));
      } catch {
        // see above
      }
      changed.clear();
    }
  };
  // Each output folder is this build's alone while it writes (lock.ts): --out, or each folder
  // of the inputs when outputs go beside them. Taken in one order, so that two builds never
  // wait for each other's.
  const folders = root ? [root] : [...new Set(files.map((f) => dirname(f)))].sort();
  const locks: Lock[] = [];
  const release = () => {
    for (const lock of locks.splice(0)) lock.release();
  };
  const atExit = () => {
    writeManifests();
    release();
  };
  process.on('exit', atExit);
  try {
    for (const folder of folders) {
      const lock = await lockBuild(folder, { shard: options.shard, isOut: Boolean(root), signal: options.signal, ...(options.lockWait !== undefined ? { waitMs: options.lockWait * 1000 } : {}) });
      if (!lock) return summary(); // stopped while waiting: nothing built
      locks.push(lock);
    }
    reporter.start(files.length);
    // Limited to the files and the cores in one place: workerCount (pool.ts).
    // Unless --jobs or --job-timeout asks for workers, this process builds too, and starts
    // workers beside it only for the work they pay for (pool.ts: shareWithWorkers).
    const share = options.jobs === undefined && options.jobTimeout === undefined;
    // 'all': the six at most (a document may be issued in fewer).
    const documentsPerJob = options.languages === 'all' ? LANGUAGES.length : (options.languages?.length ?? 1);
    workers = await runJobs(plan(), options.jobs ?? availableParallelism(), record, { signal: options.signal, total: files.length, documentsPerJob, share, ...(options.jobTimeout !== undefined ? { jobTimeout: options.jobTimeout * 1000 } : {}) });
    writeManifests();
    for (const folder of written) await removeStaleTemporaries(folder);
  } finally {
    atExit();
    process.off('exit', atExit);
  }
  return summary();
}

/**
 * Finds the configuration that applies to each input (the --config file, or the
 * nearest one above it), reports its problems once per run, and gives its text to the
 * build key and to the workers: editing the configuration rebuilds what it governs, even
 * in a long --watch. Reading and parsing are the session's (see core/session.ts), which
 * a watch keeps from one run to the next.
 */
class ConfigResolver {
  private loaded = new Map<string, { text: string; errors: boolean }>();
  constructor(
    private option: string | false | undefined,
    private reporter: BatchReporter,
    private session: Session,
  ) {}

  async forFile(file: string): Promise<{ config: JobConfig; errors: boolean; path?: string }> {
    const path = this.option === undefined ? (this.session.findConfig(dirname(file)) ?? false) : this.option === false ? false : resolve(this.option);
    if (path === false) return { config: false, errors: false };
    let entry = this.loaded.get(path);
    if (!entry) {
      const read = this.session.readConfig(path, this.option !== undefined);
      const text = 'source' in read ? read.source : '';
      const diagnostics = 'source' in read ? this.session.parseConfig(path, text).diagnostics : read.diagnostics;
      this.reporter.config?.(path, diagnostics);
      entry = { text, errors: hasErrors(diagnostics) };
      this.loaded.set(path, entry);
    }
    return { config: { path, text: entry.text }, errors: entry.errors, path };
  }
}

const OUTPUT_EXTENSIONS = new Set(Object.values(FORMATS).map((f) => f.extension));

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The bundle's digest (scripts/bundle.js); none when running from the sources. */
function buildId(): string | undefined {
  try {
    return readFileSync(new URL('../build-id', import.meta.url), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** What every output depends on besides its input: the tool's version and build and, for PDF, the fonts'. */
function toolFingerprint(formats: readonly string[]): string {
  const id = buildId();
  const parts = [`agenda ${packageVersion}${id ? ` ${id}` : ''}`, ...formats.map((f) => FORMATS[f]?.extension ?? f)];
  if (formats.includes('pdf')) {
    const require = createRequire(import.meta.url);
    const fonts = JSON.parse(readFileSync(require.resolve('@expo-google-fonts/tinos/package.json'), 'utf8')) as { version: string };
    parts.push(`tinos ${fonts.version}`);
  }
  return parts.join('|');
}

/** Whether every output is there; one that cannot be looked at (a loop of links, no permission) is not. */
function allExist(paths: readonly string[]): boolean {
  return paths.every((p) => {
    try {
      return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false;
    }
  });
}
