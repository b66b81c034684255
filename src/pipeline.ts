/**
 * The pipeline: load (YAML with positions) → validate (schema) → normalize (one
 * resolved model). Renderers take the model from here; the procedural and
 * editorial rules run on it in the core's check (src/core/check.ts), which
 * `agenda check`, `agenda build` and the library entry use.
 */
import type { MeetingDefinition } from './definition.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/types.js';
import { loadDefinition, type LoadedDefinition } from './load/load.js';
import { readSource } from './load/source.js';
import type { AgendaDocument } from './model.js';
import { normalize } from './normalize/normalize.js';
import { validateSchema } from './validate/schema.js';
import { validateSize } from './validate/size.js';
import { appendAll } from './util/append.js';

export interface CompileResult {
  loaded: LoadedDefinition;
  definition?: MeetingDefinition;
  model?: AgendaDocument;
  diagnostics: Diagnostic[];
}

/** Compiles YAML text. Never throws on bad input: problems come back as diagnostics. */
export function compileSource(file: string, source: string): CompileResult {
  const loaded = loadDefinition(file, source);
  const diagnostics = [...loaded.diagnostics];
  if (hasErrors(diagnostics)) return { loaded, diagnostics: sortDiagnostics(diagnostics) };
  appendAll(diagnostics, validateSchema(loaded));
  if (hasErrors(diagnostics)) return { loaded, diagnostics: sortDiagnostics(diagnostics) };
  appendAll(diagnostics, validateSize(loaded));
  if (hasErrors(diagnostics)) return { loaded, diagnostics: sortDiagnostics(diagnostics) };
  const definition = loaded.data as MeetingDefinition;
  const { model, diagnostics: found } = normalize(definition, loaded.locator);
  appendAll(diagnostics, found);
  return { loaded, definition, model: hasErrors(diagnostics) ? undefined : model, diagnostics: sortDiagnostics(diagnostics) };
}

/** Reads and compiles a file; an unreadable file throws UnreadableInputError. */
export async function compileFile(file: string): Promise<CompileResult> {
  return compileSource(file, await readSource(file));
}
