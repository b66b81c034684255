/**
 * The core: check, fix and build over text and a file system that is passed in, with what
 * is worth remembering between calls held by a Session. The CLI (cli.ts, commands/), batch
 * builds (batch/), --watch and a language server are layers over it; none of it writes to
 * the terminal or reads process arguments.
 */
import { checkDefinition, type CheckOptions, type CheckResult } from './check.js';
import { buildDefinition, type BuildOptions, type BuildResult } from './build.js';
import { fixDefinition, fixSource, type FixOutcome, type FixPlan } from './fix.js';
import { Session } from './session.js';

export { Session, type ConfigChoice, type ConfigInUse, type SessionOptions } from './session.js';
export { MemoryFileSystem, nodeFileSystem, type FileStat, type FileSystem, type FileVersion } from './fs.js';
export { analyse, checkDefinition, checkSource, type Analysis, type CheckOptions, type CheckResult, type Located } from './check.js';
export { fixDefinition, fixSource, MAX_FIX_PASSES, type AppliedFix, type FixOutcome, type FixPlan, type SkippedFix } from './fix.js';
export { buildDefinition, buildSource, type BuildOptions, type BuildResult, type BuiltOutput } from './build.js';
export { definitionOutline, editorFileKind, isConfigFile, itemIdAt, originalOf, ruleDocumentation, ITEM_REFERENCE_KINDS, type DefinitionOutline, type ItemIdAt, type EditorDay, type EditorItem, type EditorSlot, type RuleDocumentation, type TextRange } from './editor.js';
export { UnreadableInputError, unreadableDiagnostic } from '../load/source.js';
export { cannotWrite, isWriteError, systemErrorReason, WRITE_ERROR_EXIT, WRITE_ERROR_HINT, WRITE_ERRORS, writeErrorHint } from './errors.js';

/** With `text`, the definition's text (an editor's buffer) instead of the file's; `session`, the caches to use. */
interface Input {
  text?: string;
  session?: Session;
}

/** Checks a definition (schema, references, the rules of its profile under its configuration). */
export function check(file: string, options: CheckOptions & Input = {}): CheckResult {
  return checkDefinition(options.session ?? new Session(), file, options);
}

/** The definition with every certain fix applied, in memory: nothing is written. */
export function fix(file: string, options: CheckOptions & Input = {}): FixPlan {
  const session = options.session ?? new Session();
  return fixSource(file, options.text ?? session.readText(file), options, session.configFor(file, options.config), session);
}

/** fix, and the fixed text written back through the session's file system (see fixDefinition). */
export function fixInPlace(file: string, options: CheckOptions & { session?: Session } = {}): FixOutcome {
  return fixDefinition(options.session ?? new Session(), file, options);
}

/** Checks and renders a definition; with `outDir`, writes the outputs there. */
export function build(file: string, options: BuildOptions & Input & { outDir?: string; stem?: string }): Promise<BuildResult & { written?: string[] }> {
  return buildDefinition(options.session ?? new Session(), file, options);
}
