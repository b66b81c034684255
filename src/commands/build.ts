import { mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/types.js';
import { compileFile } from '../pipeline.js';
import type { OutputFormat } from '../render/formats.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export interface BuildOptions {
  formats: OutputFormat[];
  /** Output folder; by default each output goes beside its input. */
  out?: string;
}

export interface BuildFileResult {
  file: string;
  diagnostics: Diagnostic[];
  written: string[];
  /** Why nothing was written, when nothing was. */
  failure?: { message: string; hint?: string };
}

/** Compiles one file and writes every format asked for, all or nothing. */
export async function buildFile(file: string, options: BuildOptions): Promise<BuildFileResult> {
  const result = await compileFile(file);
  if (!result.model) return { file, diagnostics: result.diagnostics, written: [] };
  const outDir = options.out ?? dirname(file);
  const stem = basename(file, extname(file));
  const targets = options.formats.map((f) => ({ format: f, path: join(outDir, `${stem}.${f.extension}`) }));
  const clash = targets.find((t) => resolve(t.path) === resolve(file));
  if (clash) {
    return { file, diagnostics: result.diagnostics, written: [], failure: { message: `the ${clash.format.name} output would overwrite the input file`, hint: 'rename the input to end in .yaml, or choose another --out folder' } };
  }
  // Render everything in memory first: a renderer's failure must not leave half a set of outputs.
  const rendered = [];
  for (const t of targets) rendered.push({ ...t, data: await t.format.render(result.model) });
  await mkdir(outDir, { recursive: true });
  for (const r of rendered) await writeFileAtomic(r.path, r.data);
  return { file, diagnostics: result.diagnostics, written: rendered.map((r) => r.path) };
}
