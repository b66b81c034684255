/**
 * Per-project configuration: `agenda.config.yaml` or `.agendarc.yaml`, found by
 * walking up from the definition's folder as ESLint and Prettier do, stopping at
 * the repository root (a folder that holds .git or package.json) or at the
 * filesystem root: a file further up belongs to someone else's project.
 *
 *     profile: untoc-working-group        # when a definition names none
 *     rules:
 *       AG028: off                        # by id ...
 *       numbers-in-words: info            # ... or by name
 *       lead-time: { severity: error, minDays: 45 }
 *     emblem: assets/emblem.svg           # the masthead's emblem, when a definition names none
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/types.js';
import { loadDefinition } from '../load/load.js';
import { decodeSource, readDefinitionBytes, UnreadableInputError } from '../load/source.js';
import type { Path } from '../load/locator.js';
import type { RuleOverrides } from '../rules/engine.js';
import { findRule, RULES } from '../rules/index.js';
import { closestProfile, PROFILES } from '../rules/profiles.js';
import { describeSchema, fitsSchema, parameterSchema } from './config-schema.js';
import { CONFIG_NAMES } from './names.js';
import type { ParameterValue, SeveritySetting } from '../rules/types.js';

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];

export interface ProjectConfig {
  file: string;
  profile?: string;
  rules: RuleOverrides;
  /** The emblem file for the masthead, as written (relative to the configuration's folder), and where it is written. */
  emblem?: { file: string; line: number; column: number };
}

export interface LoadedConfig {
  config?: ProjectConfig;
  diagnostics: Diagnostic[];
}

/** What marks the root of a repository or package: the search for a configuration stops there. */
const PROJECT_ROOT_MARKS = ['.git', 'package.json'];

/**
 * The nearest configuration file in `startDir` or above it, up to the project's root; if any.
 * `exists` is the file system's (see core/fs.ts): the disk unless told otherwise.
 */
export function findConfigFile(startDir: string, exists: (path: string) => boolean = existsSync): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (exists(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || PROJECT_ROOT_MARKS.some((mark) => exists(join(dir, mark)))) return undefined;
    dir = parent;
  }
}

/** Reads a file's text as the compiler reads a definition (UTF-8, line feeds); the disk unless told otherwise. */
export type ReadText = (file: string) => string;

const readFromDisk: ReadText = (file) => decodeSource(file, readDefinitionBytes(file).bytes);

/** A configuration file's text, or the diagnostic that says why it cannot be read. */
export function readConfigFile(file: string, read: ReadText = readFromDisk, given = false): { source: string } | LoadedConfig {
  try {
    return { source: read(file) };
  } catch (err) {
    const reason = err instanceof UnreadableInputError ? err.message : `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
    // A file named by --config may be the wrong path; one found beside the definitions is that file to correct.
    const hint = given ? 'check the path given to --config' : `${err instanceof UnreadableInputError && err.hint ? `${err.hint}, ` : 'correct it '}or remove it`;
    return { diagnostics: [{ file, line: 1, column: 1, severity: 'error', code: 'config', message: `cannot read the configuration: ${reason}`, hint }] };
  }
}

/** Validates a configuration against its small schema; problems come back with file:line:col. */
export function parseConfig(file: string, source: string): LoadedConfig {
  const loaded = loadDefinition(file, source);
  // An empty file configures nothing (below): it is no mistake.
  const diagnostics: Diagnostic[] = loaded.diagnostics.filter((d) => d.code !== 'empty-file').map((d) => ({ ...d, code: d.severity === 'error' ? 'config' : d.code }));
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const problem = (path: Path, message: string, hint?: string, atKey = false) =>
    diagnostics.push({ file, ...(atKey ? loaded.locator.keyStart(path) : loaded.locator.valueStart(path)), severity: 'error', code: 'config', message, hint });
  const data = loaded.data;
  const config: ProjectConfig = { file, rules: {} };
  if (data === undefined) return { config, diagnostics: [] }; // an empty file configures nothing
  if (!isObject(data)) {
    problem([], 'the configuration must be a mapping with the keys profile, rules and emblem');
    return { diagnostics };
  }
  for (const [key, value] of Object.entries(data)) {
    if (key === 'profile') {
      if (typeof value !== 'string' || !PROFILES.some((p) => p.name === value)) problem(['profile'], `'${String(value)}' is not a profile${typeof value === 'string' && closestProfile(value) ? ` (did you mean '${closestProfile(value)}'?)` : ''}`, `the profiles are: ${PROFILES.map((p) => p.name).join(', ')}`);
      else config.profile = value;
    } else if (key === 'rules') {
      if (!isObject(value)) problem(['rules'], "'rules' must be a mapping of rule ids or names to settings");
      else {
        const named = new Map<string, string>();
        for (const [ruleKey, setting] of Object.entries(value)) readRule(ruleKey, setting, config, problem, named);
      }
    } else if (key === 'emblem') {
      if (typeof value !== 'string' || value === '') problem(['emblem'], "'emblem' must be the path of an SVG or PNG file, relative to the configuration");
      else config.emblem = { file: value, ...loaded.locator.keyStart(['emblem']) };
    } else {
      problem([key], `unknown key '${key}'`, 'the keys are: profile, rules, emblem', true);
    }
  }
  return { config: diagnostics.length ? undefined : config, diagnostics };
}

type Problem = (path: Path, message: string, hint?: string, atKey?: boolean) => void;

/** Reads one rule's setting; `named` holds the key each rule was set under, so that one set twice (by id and by name) is a mistake. */
function readRule(key: string, setting: unknown, config: ProjectConfig, problem: Problem, named: Map<string, string>): void {
  const rule = findRule(key);
  const path = ['rules', key];
  if (!rule) {
    problem(path, `unknown rule '${key}'`, `run 'agenda rules' for the list (${RULES[0]!.id}–${RULES[RULES.length - 1]!.id})`, true);
    return;
  }
  const first = named.get(rule.id);
  if (first !== undefined) {
    problem(path, `${rule.id} (${rule.name}) is set twice, as '${first}' and as '${key}'`, 'keep one of them', true);
    return;
  }
  named.set(rule.id, key);
  if (typeof setting === 'string') {
    if (!(SEVERITIES as readonly string[]).includes(setting)) problem(path, `'${setting}' is not a severity`, `write one of: ${SEVERITIES.join(', ')}`);
    else config.rules[rule.id] = { ...config.rules[rule.id], severity: setting as SeveritySetting };
    return;
  }
  if (!isObject(setting)) {
    problem(path, `the setting of ${rule.id} must be a severity or a mapping`, `for example: ${key}: off, or ${key}: { severity: warning }`);
    return;
  }
  const out: { severity?: SeveritySetting; params: Record<string, ParameterValue> } = { params: {} };
  for (const [name, value] of Object.entries(setting)) {
    if (name === 'severity') {
      if (typeof value !== 'string' || !(SEVERITIES as readonly string[]).includes(value)) problem([...path, name], `'${String(value)}' is not a severity`, `write one of: ${SEVERITIES.join(', ')}`);
      else out.severity = value as SeveritySetting;
      continue;
    }
    // Own parameters only: 'constructor' or '__proto__' are no parameter of any rule.
    if (!Object.hasOwn(rule.parameters, name)) {
      const names = Object.keys(rule.parameters);
      problem([...path, name], `${rule.id} (${rule.name}) has no parameter '${name}'`, names.length ? `its parameters are: severity, ${names.join(', ')}` : 'it only takes a severity', true);
      continue;
    }
    const schema = parameterSchema(rule, name);
    if (!fitsSchema(schema, value)) problem([...path, name], `'${name}' of ${rule.id} must be ${describeSchema(schema)}${shown(value)}`, `the default is ${JSON.stringify(rule.parameters[name])}`);
    else out.params[name] = value as ParameterValue;
  }
  config.rules[rule.id] = out;
}

/** ", not …": the configured value as the message quotes it (.nan and .inf are numbers JSON cannot write). */
function shown(value: unknown): string {
  if (typeof value === 'number') return `, not ${Number.isNaN(value) ? '.nan (not a number)' : Number.isFinite(value) ? String(value) : `${value < 0 ? '-' : ''}.inf (infinity)`}`;
  if (typeof value === 'string') return `, not '${value}'`;
  if (Array.isArray(value)) return ''; // a list with an item of the wrong kind: the kind asked for says it
  return `, not ${value === null ? 'empty' : typeof value === 'object' ? 'a mapping' : String(value)}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
