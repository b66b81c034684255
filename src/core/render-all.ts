import type { Diagnostic } from '../diagnostics/types.js';
import type { SourceLocator } from '../load/locator.js';
import type { AgendaDocument, Origin } from '../model.js';
import { UnrenderableInputError } from '../export/errors.js';
import type { OutputFormat, RenderOptions } from './formats.js';

export type RenderOutcome = { ok: true; outputs: (string | Uint8Array)[] } | { ok: false; diagnostic: Diagnostic };

/**
 * Renders every format asked for, in memory (a failing renderer must not leave half a
 * set of outputs). Text a renderer cannot render becomes a diagnostic at its place: in
 * `file`, or where `place` finds it (a language version's text, in its translation file).
 */
export async function renderAll(
  model: AgendaDocument,
  formats: readonly OutputFormat[],
  file: string,
  locator: SourceLocator,
  optionsFor?: (format: OutputFormat) => RenderOptions | undefined,
  place?: (origin: Origin) => { file: string; line: number; column: number } | undefined,
): Promise<RenderOutcome> {
  const outputs: (string | Uint8Array)[] = [];
  for (const format of formats) {
    try {
      const options = optionsFor?.(format);
      outputs.push(await (options ? format.render(model, options) : format.render(model)));
    } catch (err) {
      if (!(err instanceof UnrenderableInputError)) throw err;
      const placed = err.origin && place?.(err.origin);
      const at = placed ?? { file, ...(err.origin ? (err.origin.offset === undefined ? locator.valueStart(err.origin.path) : locator.textPosition(err.origin.path, err.origin.offset)) : { line: 1, column: 1 }) };
      return { ok: false, diagnostic: { ...at, severity: 'error', code: err.code, message: `${format.name}: ${err.message}`, hint: err.hint } };
    }
  }
  return { ok: true, outputs };
}
