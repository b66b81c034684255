/**
 * Checking a definition: compile, then run the rules of the body's profile under the
 * project configuration and honour disable comments. `fix` (fix.ts) builds on the
 * located analysis made here.
 */
import type { LoadedConfig } from '../config/config.js';
import type { Diagnostic, SourceFix } from '../diagnostics/types.js';
import type { Path } from '../load/locator.js';
import { UnreadableInputError } from '../load/source.js';
import { hasErrors, sortDiagnostics } from '../diagnostics/types.js';
import { compileSource, type CompileResult } from '../pipeline.js';
import { applyDirectives } from '../rules/disable.js';
import { activeRules, lineStartOffsets, oneDiagnosticPerFact, runRules, type RuleDiagnostic } from '../rules/engine.js';
import type { TextFix } from '../rules/types.js';
import { DEFAULT_PROFILE } from '../rules/profiles.js';
import { appendAll } from '../util/append.js';
import { translationDrift } from '../translate/drift.js';
import { isTranslationText, LANGUAGES, loadTranslation, translationFile, translationName } from '../translate/load.js';
import { translatableTexts } from '../translate/texts.js';
import { compileVersion } from '../translate/version.js';
import type { SourcePositions } from '../rules/types.js';
import type { ConfigChoice, ConfigInUse, Session } from './session.js';
import { withEmblem } from './emblem.js';
import { nodeFileSystem } from './fs.js';

export type { ConfigInUse } from './session.js';

export interface CheckOptions {
  /** Overrides the definition's `profile:`. */
  profile?: string;
  /** A configuration file to use instead of looking for one; false for none. */
  config?: ConfigChoice;
}

export interface CheckResult {
  file: string;
  source: string;
  compiled: CompileResult;
  /** The profile the rules ran under. */
  profile: string;
  /** Diagnostics of the definition (compile and rules); configuration problems are separate. */
  diagnostics: Diagnostic[];
  configDiagnostics: Diagnostic[];
  /** The configuration file the rules ran under, as found or given; if any. */
  configFile?: string;
  /** Files read besides the definition and its configuration (the emblem): a batch rebuilds when one changes. */
  reads?: string[];
  /** Translations beside the definition that cannot be read (UTF-16, a FIFO ...): the definition's own diagnostics stand. */
  unreadable?: UnreadableInputError[];
}

/** A diagnostic with what --fix needs: where it stands in the source, its field and its fix. */
export interface Located {
  d: Diagnostic;
  /** The field it was reported at ('' for diagnostics of the file as a whole). */
  field: string;
  path?: Path;
  /** Its range in the source text, [start, end] (start = end for a point). */
  start: number;
  end: number;
  fix?: SourceFix;
  valueFix?: TextFix;
}

export interface Analysis {
  source: string;
  result: CheckResult;
  located: Located[];
}

/**
 * A check of a text under a configuration, and with `locate` the place of each diagnostic
 * in the source (for fix). A session, when given, remembers the rules of each profile.
 */
export function analyse(file: string, source: string, options: CheckOptions, config: ConfigInUse, locate = true, session?: Session): Analysis {
  let compiled = compileSource(file, source);
  // The masthead's emblem file, read and checked here, where files are read (renderers read nothing but the model).
  const emblem = compiled.model ? withEmblem(compiled.model, file, compiled.loaded.locator, config, session?.fs ?? nodeFileSystem) : undefined;
  if (emblem && 'model' in emblem) compiled = { ...compiled, model: emblem.model };
  const profile = options.profile ?? compiled.definition?.profile ?? config.config?.profile ?? DEFAULT_PROFILE;
  const all: (Diagnostic & Partial<RuleDiagnostic>)[] = [...compiled.diagnostics];
  if (emblem && 'diagnostic' in emblem) all.push(emblem.diagnostic);
  // A configuration with mistakes stops the rules: run with defaults, they would report what it meant to change.
  if (compiled.model && compiled.definition && !hasErrors(config.diagnostics)) {
    const rules = session ? session.rulesFor(profile, config.config) : activeRules(profile, config.config?.rules);
    const found = runRules({ file, source, model: compiled.model, locator: compiled.loaded.locator, profile }, rules);
    appendAll(all, oneDiagnosticPerFact(applyDirectives(file, source, found, compiled.loaded.locator)));
  }
  sortDiagnostics(all);
  const lineStarts = locate ? lineStartOffsets(source) : [];
  const offset = (line: number, column: number) => Math.min(source.length, (lineStarts[line - 1] ?? source.length) + column - 1);
  const located: Located[] = [];
  // The path and the value fix only serve disable comments and --fix; diagnostics leave without them.
  const diagnostics = all.map(({ path, valueFix, ...d }) => {
    if (!locate) return d;
    const start = offset(d.line, d.column);
    const end = d.endLine !== undefined && d.endColumn !== undefined ? offset(d.endLine, d.endColumn) : start;
    located.push({ d, field: path ? JSON.stringify(path) : '', path, start: Math.min(start, d.fix?.start ?? start), end: Math.max(end, d.fix?.end ?? end), fix: d.fix, valueFix });
    return d;
  });
  return { source, located, result: { file, source, compiled, profile, diagnostics, configDiagnostics: config.diagnostics, ...(config.path !== undefined ? { configFile: config.path } : {}), ...(emblem?.read ? { reads: [emblem.read] } : {}) } };
}

/** Checks a text under a configuration already read (see Session.configFor). */
export function checkSource(file: string, source: string, options: CheckOptions, config: ConfigInUse | LoadedConfig, session?: Session): CheckResult {
  return analyse(file, source, options, config, false, session).result;
}

/**
 * Checks a definition: its text as given, or read through the session's file system, under
 * the configuration that applies to it. An unreadable file throws UnreadableInputError.
 */
export function checkDefinition(session: Session, file: string, options: CheckOptions & { text?: string } = {}): CheckResult {
  const source = options.text ?? session.readText(file);
  // A translation (meeting.fr.yaml beside meeting.yaml) is checked against its original.
  const translation = translationName(file);
  if (translation && session.fs.exists(translation.original) && isTranslationText(source)) {
    const result = checkSource(translation.original, session.readText(translation.original), options, session.configFor(translation.original, options.config), session);
    const drift = translationDiagnostics(result, { file, source }, session, options.config);
    return { ...result, file, source, diagnostics: drift ?? result.diagnostics };
  }
  return withTranslationsBeside(checkSource(file, source, options, session.configFor(file, options.config), session), session, options);
}

/**
 * A definition's check with the translations beside it (meeting.fr.yaml beside meeting.yaml)
 * checked too: what a change of the original left behind. `agenda check` and `check --fix`
 * both report them. A translation that cannot be read is listed in `unreadable`.
 */
export function withTranslationsBeside(result: CheckResult, session: Session, options: CheckOptions): CheckResult {
  const file = result.file;
  const found: Diagnostic[] = [];
  const unreadable: UnreadableInputError[] = [];
  for (const language of LANGUAGES) {
    const path = translationFile(file, language);
    if (path === file || !session.fs.exists(path)) continue;
    let text: string;
    try {
      text = session.readText(path);
    } catch (err) {
      // One translation that cannot be read does not hide what is wrong in its original.
      if (err instanceof UnreadableInputError) {
        unreadable.push(err);
        continue;
      }
      throw err;
    }
    found.push(...(translationDiagnostics(result, { file: path, source: text }, session, options.config) ?? []));
  }
  return { ...result, ...(found.length ? { diagnostics: sortDiagnostics([...result.diagnostics, ...found]) } : {}), ...(unreadable.length ? { unreadable } : {}) };
}

/**
 * A translation compared with its original's check (undefined when the original did not
 * compile), and its texts checked by the editorial rules of its language: the version is
 * compiled, the rules run on it, and what they report in translated texts is placed in the
 * translation file. Procedural rules are the original's business: the structure is its.
 */
function translationDiagnostics(original: CheckResult, translation: { file: string; source: string }, session: Session, config: ConfigChoice): Diagnostic[] | undefined {
  const { definition, model, loaded: originalLoaded } = original.compiled;
  if (!definition || !model) return undefined;
  const loaded = loadTranslation(translation.file, translation.source);
  if (loaded.diagnostics.length || !loaded.language) return loaded.diagnostics;
  const texts = translatableTexts(model, definition);
  const drift = translationDrift(texts, loaded, original.file, { missing: 'warning' });
  if (hasErrors(drift)) return drift;
  const version = compileVersion({ file: original.file, definition, model, locator: originalLoaded.locator }, loaded.language, translation, true);
  if (!version.model) return drift;
  // Where each translated text stands in the translation file, by its path in the definition.
  const keyAt = new Map(texts.filter((t) => loaded.texts.has(t.key)).map((t) => [JSON.stringify(t.path), t.key]));
  const textPath = (path: readonly (string | number)[]) => {
    const key = keyAt.get(JSON.stringify(path));
    if (key === undefined) return undefined;
    return loaded.locator.document.getIn(['texts', key, 'text']) !== undefined ? ['texts', key, 'text'] : ['texts', key];
  };
  const positions: SourcePositions = {
    valueStart: (path) => loaded.locator.valueStart(textPath(path) ?? []),
    textPosition: (path, offset) => {
      const at = textPath(path);
      return at ? loaded.locator.textPosition(at, offset) : loaded.locator.valueStart([]);
    },
    keyStart: (path) => loaded.locator.keyStart(textPath(path) ?? []),
  };
  const editorial = session.rulesFor(original.profile, session.configFor(original.file, config).config).filter((a) => a.rule.category === 'editorial');
  const found = runRules({ file: translation.file, source: translation.source, model: version.model, locator: positions, profile: original.profile }, editorial);
  // Only what was found in translated texts; fixes stay with `agenda check --fix` of definitions.
  const inTexts = found.filter((d) => d.path && keyAt.has(JSON.stringify(d.path))).map(({ path: _path, valueFix: _valueFix, fix: _fix, ...d }) => d);
  return sortDiagnostics([...drift, ...inTexts]);
}
