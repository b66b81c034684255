/**
 * Building a definition: the same check as `check`, then every format asked for rendered
 * in memory. Nothing is written here unless asked: the batch writes its outputs itself
 * (its folders, its manifest), a library user may only want the bytes.
 */
import { join } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/types.js';
import { renderAll } from './render-all.js';
import { FORMATS, type OutputFormat } from './formats.js';
import { checkSource, type CheckOptions, type CheckResult, type ConfigInUse } from './check.js';
import type { Session } from './session.js';

export interface BuildOptions extends CheckOptions {
  /** Format names: md, html, pdf. */
  formats: readonly string[];
  /** Render even when the rules report errors (the errors are still reported). */
  allowErrors?: boolean;
}

export interface BuiltOutput {
  format: string;
  extension: string;
  data: string | Uint8Array;
}

export interface BuildResult {
  /** The check the build ran (compile, rules, configuration). */
  check: CheckResult;
  /** The definition's diagnostics, with the renderer's when one could not render a text. */
  diagnostics: Diagnostic[];
  /** In the order of the formats asked for; absent when the definition was not built. */
  outputs?: BuiltOutput[];
}

/** Checks and renders a text under a configuration already read. */
export async function buildSource(file: string, source: string, options: BuildOptions, config: ConfigInUse | LoadedConfig, session?: Session): Promise<BuildResult> {
  const formats = formatsOf(options.formats);
  const checked = checkSource(file, source, options, config, session);
  const { model, loaded } = checked.compiled;
  if (!model || (hasErrors(checked.diagnostics) && !options.allowErrors)) return { check: checked, diagnostics: checked.diagnostics };
  const rendered = await renderAll(model, formats, file, loaded.locator);
  if (!rendered.ok) return { check: checked, diagnostics: sortDiagnostics([...checked.diagnostics, rendered.diagnostic]) };
  return { check: checked, diagnostics: checked.diagnostics, outputs: formats.map((f, i) => ({ format: f.name, extension: f.extension, data: rendered.outputs[i]! })) };
}

/**
 * Checks and renders a definition, its text as given or read through the session; with
 * `outDir`, writes the outputs there as `<stem>.<extension>`, all or none (the folder
 * must exist). An unreadable file throws UnreadableInputError; a failed write, the
 * system's error (see errors.ts).
 */
export async function buildDefinition(session: Session, file: string, options: BuildOptions & { text?: string; outDir?: string; stem?: string }): Promise<BuildResult & { written?: string[] }> {
  const source = options.text ?? session.readText(file);
  const result = await buildSource(file, source, options, session.configFor(file, options.config), session);
  if (!result.outputs || options.outDir === undefined) return result;
  const stem = options.stem ?? file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const files = result.outputs.map((o) => [join(options.outDir!, `${stem}.${o.extension}`), o.data] as const);
  session.fs.writeAll(files);
  return { ...result, written: files.map(([path]) => path) };
}

function formatsOf(names: readonly string[]): OutputFormat[] {
  return names.map((name) => {
    if (!Object.hasOwn(FORMATS, name)) throw new RangeError(`unknown format: ${name} (choose from ${Object.keys(FORMATS).join(', ')})`);
    return FORMATS[name]!;
  });
}
