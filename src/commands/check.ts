/**
 * `agenda check` over files on the disk: the core's check and fix (core/), with one
 * Session per run so that each configuration is read and parsed once, and the report
 * in the format asked for, on standard output.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkDefinition, type CheckOptions, type CheckResult } from '../core/check.js';
import { Session } from '../core/session.js';
import type { FileReport, RuleInfo } from '../diagnostics/formatters/types.js';
import { quotePath, reportPath } from '../diagnostics/formatters/paths.js';
import { formatFileError, formatStylish } from '../diagnostics/formatters/stylish.js';
import { hasErrors } from '../diagnostics/types.js';
import { EXIT } from '../exit-codes.js';
import { UnreadableInputError, unreadableDiagnostic } from '../load/source.js';
import { RULES } from '../rules/index.js';
import { guard, type Io } from './io.js';

export { analyse, checkSource, type Analysis, type CheckOptions, type CheckResult, type ConfigInUse, type Located } from '../core/check.js';

/** Checks a file; an unreadable one throws UnreadableInputError. */
export async function checkFile(file: string, options: CheckOptions = {}, session: Session = new Session()): Promise<CheckResult> {
  return checkDefinition(session, file, options);
}

/** The names of `--format`; the formatters themselves are imported when used. */
export const FORMATTER_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit'];

export interface CheckCommandOptions extends CheckOptions {
  /** The formatter (FORMATTER_NAMES). */
  format: string;
  maxWarnings?: number;
  fix?: boolean;
  follow?: boolean;
}

/**
 * `agenda check`: checks (or fixes) each definition named, found in a folder or matched by
 * a glob, and reports them all at the end in the format asked for; returns the exit code.
 */
export async function checkCommand(inputs: string[], opts: CheckCommandOptions, io: Io, context: { debug: boolean; version: string }): Promise<number> {
  let code: number = EXIT.ok;
  const checkOptions: CheckOptions = { profile: opts.profile, config: opts.config };
  const session = new Session();
  const files = await definitionFiles(inputs, io, opts.follow);
  if (files.unmatched) code = EXIT.usage;
  const reports: FileReport[] = [];
  const configReports = new Map<string, FileReport>();
  const configsUsed = new Set<string>();
  // Files that cannot be read, by name: each said once on standard error, and listed in the
  // machine-readable reports, so that a CI report is not green while the run fails.
  const unreadable = new Map<string, UnreadableInputError>();
  /** Checks (or fixes) one definition; its report joins `reports`. */
  async function checkOne(file: string): Promise<number> {
    let result;
    let unwritable = false;
    if (opts.fix) {
      // Imported here: a plain check needs none of the fixer.
      const { fixDefinition } = await import('../core/fix.js');
      const fixed = fixDefinition(session, file, checkOptions);
      const shown = quotePath(file);
      for (const line of fixed.applied) io.err(`${shown}:${line}\n`);
      if (fixed.applied.length) io.err(`${shown}: fixed ${fixed.applied.length} problem${fixed.applied.length === 1 ? '' : 's'}\n`);
      for (const line of fixed.skipped) io.err(`${shown}:${line}\n`);
      if (fixed.refused) io.err(`${shown}: not fixed: ${fixed.refused}\n`);
      if (fixed.unwritable) unwritable = true;
      result = fixed.result;
    } else {
      result = checkDefinition(session, file, checkOptions);
    }
    for (const d of result.configDiagnostics) {
      // A configuration found above the definitions has an absolute path: reported, like them, from the working folder.
      const file = reportPath(resolve(d.file), process.cwd());
      if (!configReports.has(file)) configReports.set(file, { file, diagnostics: result.configDiagnostics.filter((x) => x.file === d.file).map((x) => ({ ...x, file })) });
    }
    reports.push({ file, profile: result.profile, diagnostics: result.diagnostics });
    if (result.configFile) configsUsed.add(reportPath(resolve(result.configFile), process.cwd()));
    let unreadableTranslation = false;
    for (const err of result.unreadable ?? []) {
      unreadableTranslation = true;
      if (unreadable.has(err.file)) continue;
      unreadable.set(err.file, err);
      io.err(formatFileError(quotePath(err.file), err));
    }
    if (hasErrors(result.configDiagnostics) || unwritable || unreadableTranslation) return EXIT.usage;
    return hasErrors(result.diagnostics) ? EXIT.errors : EXIT.ok;
  }

  for (const file of files.list) {
    const outcome = await guard(file, io, context.debug, async () => {
      try {
        return await checkOne(file);
      } catch (err) {
        if (!(err instanceof UnreadableInputError)) throw err;
        if (unreadable.has(err.file)) return EXIT.usage;
        unreadable.set(err.file, err);
        throw err; // guard says why
      }
    });
    code = Math.max(code, outcome);
  }

  // Stylish is read on a terminal, where standard error has already said it.
  const unreadableReports: FileReport[] = opts.format === 'stylish' ? [] : [...unreadable.values()].map((err) => ({ file: err.file, diagnostics: [unreadableDiagnostic(err)] }));
  const all = [...configReports.values(), ...reports, ...unreadableReports];
  // The report goes to standard output, as ESLint's and Spectral's do: coloured when that is a terminal.
  const formatContext = { color: io.outColor ?? io.color, rules: ruleInfos(), version: context.version, cwd: process.cwd(), configFiles: [...configsUsed].sort() };
  const formatter = opts.format === 'stylish' ? formatStylish : (await import('../diagnostics/formatters/index.js')).FORMATTERS[opts.format]!;
  // A terminal reads stylish: a file name with control characters in it is quoted, as git quotes one.
  const text = opts.format === 'stylish' ? formatter(all.map((r) => ({ ...r, diagnostics: r.diagnostics.map((d) => ({ ...d, file: quotePath(d.file) })) })), formatContext) : formatter(all, formatContext);
  // What the run itself says (unreadable files, --fix's changes, --max-warnings) stays on standard error.
  if (text) io.out(text);
  const warnings = all.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    io.err(`agenda: ${warnings} warnings, more than --max-warnings ${opts.maxWarnings}\n`);
    code = Math.max(code, EXIT.errors);
  }
  return code;
}

const ruleInfos = (): RuleInfo[] => RULES.map((r) => ({ id: r.id, name: r.name, description: r.description, source: r.source, category: r.category, severity: r.severity }));

/**
 * The files to check: named files as given (a missing one is reported when read),
 * folders and globs expanded as `build` does. The glob library is loaded only then.
 */
async function definitionFiles(inputs: string[], io: Io, follow?: boolean): Promise<{ list: string[]; unmatched: boolean }> {
  // A path that cannot be looked at (a loop of links) is a file to read, which says why it cannot be.
  const isFolder = (arg: string) => {
    try {
      return statSync(arg, { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      return false;
    }
  };
  const plain = (arg: string) => !/[*?[\]{}]/.test(arg) && !isFolder(arg);
  if (inputs.every(plain)) return { list: inputs, unmatched: false };
  const { expandInputs } = await import('../batch/inputs.js');
  const list: string[] = [];
  let unmatched = false;
  for (const arg of inputs) {
    if (plain(arg)) {
      list.push(arg);
      continue;
    }
    const found = await expandInputs([arg], undefined, { follow });
    for (const f of found.files) list.push(reportPath(f, process.cwd()));
    if (found.unmatched.length) {
      io.err(`agenda: ${arg} matches no meeting definition\n  → check the path; folders are searched for .yaml and .yml files, and globs need quotes\n`);
      unmatched = true;
    }
  }
  return { list: [...new Set(list)], unmatched };
}
