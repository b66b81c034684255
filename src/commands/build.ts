import { mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/types.js';
import { renderAll } from '../render/render-all.js';
import { checkFile, type CheckOptions } from './check.js';
import type { OutputFormat } from '../render/formats.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export interface BuildOptions extends CheckOptions {
  formats: OutputFormat[];
  /** Build even when the rules report errors (the errors are still reported). */
  force?: boolean;
  /** Output folder; by default each output goes beside its input. */
  out?: string;
}

export interface BuildFileResult {
  file: string;
  diagnostics: Diagnostic[];
  written: string[];
  /** Why nothing was written, when nothing was. */
  failure?: { message: string; hint?: string };
  /** Configuration problems (they stop nothing by themselves). */
  configDiagnostics: Diagnostic[];
}

/**
 * Compiles and checks one file and writes every format asked for, all or nothing.
 * A document with errors is not written unless `force` is set; one that does not
 * compile never is.
 */
export async function buildFile(file: string, options: BuildOptions): Promise<BuildFileResult> {
  const checked = await checkFile(file, options);
  const result = { ...checked.compiled, diagnostics: checked.diagnostics };
  const configDiagnostics = checked.configDiagnostics;
  if (!result.model) return { file, diagnostics: result.diagnostics, written: [], configDiagnostics };
  if (hasErrors(result.diagnostics) && !options.force) return { file, diagnostics: result.diagnostics, written: [], configDiagnostics };
  const outDir = options.out ?? dirname(file);
  const stem = basename(file, extname(file));
  const targets = options.formats.map((f) => ({ format: f, path: join(outDir, `${stem}.${f.extension}`) }));
  const clash = targets.find((t) => resolve(t.path) === resolve(file));
  if (clash) {
    return { file, diagnostics: result.diagnostics, written: [], configDiagnostics, failure: { message: `the ${clash.format.name} output would overwrite the input file`, hint: 'rename the input to end in .yaml, or choose another --out folder' } };
  }
  const rendered = await renderAll(result.model, options.formats, file, result.loaded.locator);
  if (!rendered.ok) return { file, diagnostics: sortDiagnostics([...result.diagnostics, rendered.diagnostic]), written: [], configDiagnostics };
  await mkdir(outDir, { recursive: true });
  for (let i = 0; i < targets.length; i++) await writeFileAtomic(targets[i]!.path, rendered.outputs[i]!);
  return { file, diagnostics: result.diagnostics, written: targets.map((t) => t.path), configDiagnostics };
}
