/**
 * `agenda check`: compile, then run the rules of the body's profile under the
 * project configuration and honour disable comments. `--fix` (fix.ts) builds on
 * the located analysis made here.
 */
import { dirname } from 'node:path';
import { findConfigFile, loadConfigFile, type LoadedConfig } from '../config/config.js';
import type { Diagnostic, SourceFix } from '../diagnostics/types.js';
import type { Path } from '../load/locator.js';
import { sortDiagnostics } from '../diagnostics/types.js';
import { readSource } from '../load/source.js';
import { compileSource, type CompileResult } from '../pipeline.js';
import { applyDirectives } from '../rules/disable.js';
import { activeRules, lineStartOffsets, runRules, type RuleDiagnostic } from '../rules/engine.js';
import type { TextFix } from '../rules/types.js';
import { DEFAULT_PROFILE } from '../rules/profiles.js';
import { appendAll } from '../util/append.js';

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
  /** The configuration file the rules ran under, as configFor found or was given it; if any. */
  configFile?: string;
}

/** A configuration, with the file it was read from (none: no file applies). */
export interface ConfigInUse extends LoadedConfig {
  path?: string;
}

const configCache = new Map<string, Promise<LoadedConfig>>();

/**
 * The project configuration that applies to a definition (cached per configuration file),
 * with the path of its file: what was searched once need not be searched again to name it.
 */
export async function configFor(file: string, option: CheckOptions['config']): Promise<ConfigInUse> {
  if (option === false) return { diagnostics: [] };
  const path = option ?? findConfigFile(dirname(file));
  if (!path) return { diagnostics: [] };
  let loaded = configCache.get(path);
  if (!loaded) {
    loaded = loadConfigFile(path);
    configCache.set(path, loaded);
  }
  return { ...(await loaded), path };
}

export function checkSource(file: string, source: string, options: CheckOptions, config: ConfigInUse): CheckResult {
  return analyse(file, source, options, config, false).result;
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

/** A check, and with `locate` the place of each diagnostic in the source (for --fix). */
export function analyse(file: string, source: string, options: CheckOptions, config: ConfigInUse, locate = true): Analysis {
  const compiled = compileSource(file, source);
  const profile = options.profile ?? compiled.definition?.profile ?? config.config?.profile ?? DEFAULT_PROFILE;
  const all: (Diagnostic & Partial<RuleDiagnostic>)[] = [...compiled.diagnostics];
  if (compiled.model && compiled.definition) {
    const found = runRules({ file, source, model: compiled.model, locator: compiled.loaded.locator, profile }, activeRules(profile, config.config?.rules));
    appendAll(all, applyDirectives(file, source, found, compiled.loaded.locator));
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
  return { source, located, result: { file, source, compiled, profile, diagnostics, configDiagnostics: config.diagnostics, ...(config.path !== undefined ? { configFile: config.path } : {}) } };
}

export async function checkFile(file: string, options: CheckOptions = {}): Promise<CheckResult> {
  const [source, config] = await Promise.all([readSource(file), configFor(file, options.config)]);
  return checkSource(file, source, options, config);
}
