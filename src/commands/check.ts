/**
 * `agenda check`: compile, then run the rules of the body's profile under the
 * project configuration, honour disable comments, and (with --fix) rewrite what
 * is certain in the YAML text itself, keeping comments and layout.
 */
import { dirname } from 'node:path';
import { findConfigFile, loadConfigFile, type LoadedConfig } from '../config/config.js';
import type { Diagnostic, SourceFix } from '../diagnostics/types.js';
import { hasErrors, sortDiagnostics } from '../diagnostics/types.js';
import { readSource } from '../load/source.js';
import { compileSource, type CompileResult } from '../pipeline.js';
import { applyDirectives } from '../rules/disable.js';
import { activeRules, runRules } from '../rules/engine.js';
import { DEFAULT_PROFILE } from '../rules/profiles.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export interface CheckOptions {
  /** Overrides the definition's `profile:`. */
  profile?: string;
  /** A configuration file to use instead of looking for one; false for none. */
  config?: string | false;
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
}

const configCache = new Map<string, Promise<LoadedConfig>>();

/** The project configuration that applies to a definition (cached per configuration file). */
export async function configFor(file: string, option: CheckOptions['config']): Promise<LoadedConfig> {
  if (option === false) return { diagnostics: [] };
  const path = option ?? findConfigFile(dirname(file));
  if (!path) return { diagnostics: [] };
  let loaded = configCache.get(path);
  if (!loaded) {
    loaded = loadConfigFile(path);
    configCache.set(path, loaded);
  }
  return loaded;
}

export function checkSource(file: string, source: string, options: CheckOptions, config: LoadedConfig): CheckResult {
  const compiled = compileSource(file, source);
  const profile = options.profile ?? compiled.definition?.profile ?? config.config?.profile ?? DEFAULT_PROFILE;
  const diagnostics = [...compiled.diagnostics];
  if (compiled.model && compiled.definition) {
    const found = runRules({ file, source, definition: compiled.definition, model: compiled.model, locator: compiled.loaded.locator, profile }, activeRules(profile, config.config?.rules));
    // The path only serves the disable comments; diagnostics leave without it.
    diagnostics.push(...applyDirectives(file, source, found, compiled.loaded.locator).map(({ path: _path, ...d }: Diagnostic & { path?: unknown }) => d));
  }
  return { file, source, compiled, profile, diagnostics: sortDiagnostics(diagnostics), configDiagnostics: config.diagnostics };
}

export async function checkFile(file: string, options: CheckOptions = {}): Promise<CheckResult> {
  const [source, config] = await Promise.all([readSource(file), configFor(file, options.config)]);
  return checkSource(file, source, options, config);
}

export interface FixOutcome {
  /** What was changed, one line each: "12:31 AG028 'percent' → 'per cent'". */
  applied: string[];
  /** Why nothing was written although fixes were found. */
  refused?: string;
  /** The check of the file as it is now on disk. */
  result: CheckResult;
}

/** Applies every certain fix at its source offsets and writes the file atomically if it still compiles. */
export async function fixFile(file: string, options: CheckOptions = {}): Promise<FixOutcome> {
  const config = await configFor(file, options.config);
  const first = checkSource(file, await readSource(file), options, config);
  const fixes = first.diagnostics.filter((d): d is Diagnostic & { fix: SourceFix } => d.fix !== undefined).sort((a, b) => a.fix.start - b.fix.start);
  const chosen: (Diagnostic & { fix: SourceFix })[] = [];
  for (const d of fixes) {
    const previous = chosen[chosen.length - 1];
    if (!previous || d.fix.start >= previous.fix.end) chosen.push(d); // overlapping fixes wait for the next run
  }
  if (!chosen.length) return { applied: [], result: first };
  let text = first.source;
  for (const d of [...chosen].reverse()) text = text.slice(0, d.fix.start) + d.fix.replacement + text.slice(d.fix.end);
  const after = checkSource(file, text, options, config);
  if (hasErrors(after.compiled.diagnostics)) {
    return { applied: [], refused: 'the fixed file would not compile, so it was left unchanged (this is a bug: please report it)', result: first };
  }
  writeFileAtomic(file, text);
  const applied = chosen.map((d) => `${d.line}:${d.column} ${d.code} '${first.source.slice(d.fix.start, d.fix.end)}' → '${d.fix.replacement}'`);
  return { applied, result: after };
}
