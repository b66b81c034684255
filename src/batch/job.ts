import { mkdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { buildSource, outputName, previousOutputIn, type Translations } from '../core/build.js';
import type { LanguageCode } from '../locale/types.js';
import { cannotWrite, isWriteError, writeErrorHint } from '../core/errors.js';
import { Session } from '../core/session.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { UnreadableInputError } from '../load/source.js';
import { FORMATS, type PdfProfile } from '../core/formats.js';
import { fileDigest } from './manifest.js';

export { cannotWrite, systemErrorReason } from '../core/errors.js';

/** One file's build, as sent to a worker: plain data only. */
export interface BuildJob {
  file: string;
  /** Folder the outputs go to, and their common name without extension. */
  outDir: string;
  stem: string;
  formats: string[];
  /** The chosen output folder (--out): no output may land outside it. */
  root?: string;
  /** The definition's text, read once by the main thread (which decides what to rebuild). */
  source: string;
  /** Its build key (see manifest.ts). */
  key: string;
  /** Overrides the definition's profile. */
  profile?: string;
  /** The configuration that applies, or false for none (found and read by the main thread). */
  config: JobConfig;
  /** Write the documents even when the rules report errors (the errors are still reported). */
  allowErrors?: boolean;
  /** The language versions to build, and the translation files beside the definition (read by the main thread). */
  languages?: readonly LanguageCode[] | 'all';
  translations?: Translations;
  allowUntranslated?: boolean;
  /** The PDF's archival profile (see BuildOptions.pdfProfile). */
  pdfProfile?: PdfProfile;
}

export type JobConfig = { path: string; text: string } | false;

/** What a build worker sends once it has loaded its code, before any result (pool.ts, worker.ts). */
export const READY = 'ready';

/**
 * Why a file gave no outputs, when it is not a diagnostic of the definition:
 * unreadable input or a bad configuration (the user's to fix: exit 2), an output
 * refused or not writable, a build stopped for taking too long, or a bug.
 */
export interface JobFailure {
  /** `timeout`: a worker spent longer than the limit on it (pool.ts), and was stopped. */
  kind: 'unreadable' | 'config' | 'refused' | 'write' | 'internal' | 'timeout';
  message: string;
  hint?: string;
  /** The file that could not be read, when it is not the definition (a translation beside it). */
  file?: string;
  /** Where in the input, when there is one place (an invalid byte). */
  at?: { line: number; column: number };
  stack?: string;
}

export interface JobResult {
  file: string;
  status: 'built' | 'skipped' | 'failed';
  key?: string;
  /** The outputs, written now (built) or still current (skipped). */
  written: string[];
  /** Files the outputs depend on besides the definition and configuration, with their content's SHA-256 (manifest.ts). */
  depends?: Record<string, string>;
  /** The definition's diagnostics; for a skipped file, those of the build it skipped. */
  diagnostics: Diagnostic[];
  error?: JobFailure;
}

/**
 * What a worker (or the main thread, building in-process) remembers between jobs: each
 * configuration's parse and the rules it sets, per configuration text (an edited
 * configuration reaches a long --watch's workers as a new text).
 */
let workerSession: Session | undefined;

/**
 * Checks, renders and writes one definition: all its formats are rendered and written out
 * before any replaces its previous output (see writeFilesAtomic). `writeIf`, asked just
 * before writing, can still call it off (the batch that wanted it is gone).
 */
export async function runJob(job: BuildJob, { writeIf, session = (workerSession ??= new Session()) }: { writeIf?: () => Promise<boolean>; session?: Session } = {}): Promise<JobResult> {
  const base = { file: job.file, written: [] as string[], diagnostics: [] as Diagnostic[] };
  try {
    // The same checks as `agenda check`: schema, references and the procedural rules.
    const config = job.config ? session.parseConfig(job.config.path, job.config.text) : { diagnostics: [] };
    const versions = job.languages ? { languages: job.languages, translations: job.translations, allowUntranslated: job.allowUntranslated } : {};
    // The calendar written before is read where it will be replaced (its events keep their SEQUENCE).
    const previousOutput = previousOutputIn(session.fs, job.outDir, job.stem);
    const built = await buildSource(job.file, job.source, { profile: job.profile, formats: job.formats, allowErrors: job.allowErrors, ...versions, previousOutput, ...(job.pdfProfile ? { pdfProfile: job.pdfProfile } : {}) }, config, session);
    const { diagnostics } = built;
    if (!built.outputs) return { ...base, status: 'failed', diagnostics };
    const targets = built.outputs.map((o) => join(job.outDir, outputName(job.stem, o)));
    // Checked before creating anything: mkdir would follow a link out of --out.
    const escape = job.root ? escapesRoot(job.outDir, job.root) : undefined;
    if (escape) return { ...base, status: 'failed', diagnostics, error: { kind: 'refused', message: `the output folder ${job.outDir} leads outside ${job.root} (a symbolic link points to ${escape})`, hint: 'remove the link, or choose another --out folder' } };
    if (writeIf && !(await writeIf())) return { ...base, status: 'failed', diagnostics, error: { kind: 'refused', message: 'not written: the build was stopped' } };
    // Synchronous, as the writes (see writeFilesAtomic).
    makeFolders(job.outDir);
    session.fs.writeAll(targets.map((t, i) => [t, built.outputs![i]!.data] as const));
    const depends = Object.fromEntries((built.check.reads ?? []).flatMap((path) => {
      const digest = fileDigest(path);
      return digest ? [[path, digest]] : [];
    }));
    return { ...base, status: 'built', key: job.key, written: targets, diagnostics, ...(Object.keys(depends).length ? { depends } : {}) };
  } catch (err) {
    return { ...base, status: 'failed', error: describeFailure(err, job.outDir, job.file) };
  }
}

/**
 * `mkdir -p`, one level at a time from the deepest folder that exists; returns the folders it created. Node's own recursive
 * mkdir retries forever where mkdir says ENOENT under an existing folder (/proc/self/x).
 */
export function makeFolders(folder: string): string[] {
  const missing: string[] = [];
  for (let at = folder; !statSync(at, { throwIfNoEntry: false }); at = dirname(at)) {
    if (dirname(at) === at) break;
    missing.push(at);
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(level).isDirectory()) throw err;
    }
  }
  return missing; // the folders created, outermost first
}

export function outputPaths(job: Pick<BuildJob, 'formats' | 'outDir' | 'stem'>): string[] {
  return job.formats.map((name) => join(job.outDir, `${job.stem}.${FORMATS[name]!.extension}`));
}

/** Where `folder` really is, when a symbolic link takes it outside `root`. */
function escapesRoot(folder: string, root: string): string | undefined {
  const real = realLocation(folder);
  const realRoot = realLocation(root);
  const rel = relative(realRoot, real);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)) ? undefined : real;
}

/** The real path of a folder that may not exist yet: its deepest existing ancestor, resolved, and the rest. */
function realLocation(path: string): string {
  const missing: string[] = [];
  let at = path;
  for (;;) {
    try {
      return join(realpathSync(at), ...missing.reverse());
    } catch {
      const parent = dirname(at);
      if (parent === at) return path;
      missing.push(basename(at));
      at = parent;
    }
  }
}

/**
 * Why a file failed; `folder`, where its outputs go, names a failed write that says no path
 * (a full disk); a file that cannot be read is named when it is not `definition`.
 */
export function describeFailure(err: unknown, folder?: string, definition?: string): JobFailure {
  if (err instanceof UnreadableInputError) return { kind: 'unreadable', message: err.message, hint: err.hint, ...(err.file !== definition ? { file: err.file } : {}), ...(err.at ? { at: err.at } : {}) };
  if (isWriteError(err)) return { kind: 'write', message: cannotWrite(err, folder), hint: writeErrorHint(err) };
  return { kind: 'internal', message: (err as Error)?.message ?? String(err), stack: (err as Error)?.stack };
}
