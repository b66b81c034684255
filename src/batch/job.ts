import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/types.js';
import { UnreadableInputError, readSource } from '../load/source.js';
import { checkSource, configFor } from '../commands/check.js';
import { hasErrors, sortDiagnostics } from '../diagnostics/types.js';
import { renderAll } from '../render/render-all.js';
import { FORMATS } from '../render/formats.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { buildKey } from './manifest.js';

/** One file's build, as sent to a worker: plain data only. */
export interface BuildJob {
  file: string;
  /** Folder the outputs go to, and their common name without extension. */
  outDir: string;
  stem: string;
  formats: string[];
  /** What else the outputs depend on: tool version, fonts, configuration. */
  fingerprint: string;
  /** The definition's text, read once by the main thread (which decides what to rebuild). */
  source: string;
  /** Its build key (see manifest.ts). */
  key: string;
  /** A configuration file, or false for none; by default the one found beside the input. */
  config?: string | false;
  /** Write the document even when the rules report errors. */
  force?: boolean;
}

export interface JobResult {
  file: string;
  status: 'built' | 'skipped' | 'failed';
  key?: string;
  written: string[];
  diagnostics: Diagnostic[];
  /** A failure that is not a diagnostic of the definition (unreadable file, disk full, a bug). */
  error?: { message: string; hint?: string; internal?: boolean; stack?: string };
}

export async function runJob(job: BuildJob): Promise<JobResult> {
  const base = { file: job.file, written: [] as string[], diagnostics: [] as Diagnostic[] };
  const targets = outputPaths(job);
  try {
    if (targets.some((t) => resolve(t) === resolve(job.file))) {
      return { ...base, status: 'failed', error: { message: 'an output would overwrite the input file', hint: 'rename the input to end in .yaml, or choose another --out folder' } };
    }
    // The same checks as `agenda build`: schema, references and the procedural rules.
    const checked = checkSource(job.file, job.source, { config: job.config }, await configFor(job.file, job.config));
    const { model, loaded } = checked.compiled;
    if (!model || (hasErrors(checked.diagnostics) && !job.force)) return { ...base, status: 'failed', diagnostics: checked.diagnostics };
    const rendered = await renderAll(model, job.formats.map((name) => FORMATS[name]!), job.file, loaded.locator);
    if (!rendered.ok) return { ...base, status: 'failed', diagnostics: sortDiagnostics([...checked.diagnostics, rendered.diagnostic]) };
    await mkdir(job.outDir, { recursive: true });
    for (let i = 0; i < targets.length; i++) await writeFileAtomic(targets[i]!, rendered.outputs[i]!);
    return { ...base, status: 'built', key: job.key, written: targets, diagnostics: checked.diagnostics };
  } catch (err) {
    return { ...base, status: 'failed', error: describeFailure(err) };
  }
}

export function outputPaths(job: Pick<BuildJob, 'formats' | 'outDir' | 'stem'>): string[] {
  return job.formats.map((name) => join(job.outDir, `${job.stem}.${FORMATS[name]!.extension}`));
}

/** Reads a definition for the batch and computes its key; an unreadable file is a failed result. */
export async function readForBatch(file: string, fingerprint: string, formats: readonly string[]): Promise<{ source: string; key: string } | JobResult> {
  try {
    const source = await readSource(file);
    return { source, key: buildKey([source, fingerprint, formats.join(',')]) };
  } catch (err) {
    return { file, status: 'failed', written: [], diagnostics: [], error: describeFailure(err) };
  }
}

/** Whether the outputs recorded under this key are all still there. */
export async function upToDate(key: string, previousKey: string | undefined, targets: readonly string[]): Promise<boolean> {
  return key === previousKey && (await allExist(targets));
}

function describeFailure(err: unknown): NonNullable<JobResult['error']> {
  if (err instanceof UnreadableInputError) return { message: err.message, hint: err.hint };
  const e = err as NodeJS.ErrnoException;
  if (e?.code && ['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'ENOTDIR', 'EEXIST', 'EISDIR'].includes(e.code)) {
    return { message: `cannot write the output (${e.code})`, hint: 'check that the output folder is writable and has space' };
  }
  return { message: (err as Error)?.message ?? String(err), internal: true, stack: (err as Error)?.stack };
}

async function allExist(paths: readonly string[]): Promise<boolean> {
  for (const p of paths) if (!(await stat(p).catch(() => undefined))?.isFile()) return false;
  return true;
}
