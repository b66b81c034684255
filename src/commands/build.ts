/**
 * `agenda build`: one file or a whole archive, through the same batch: inputs
 * expanded, checked, rendered on worker processes, written atomically, recorded in
 * the manifest; progress and diagnostics as the reader asked; the exit code says
 * whether everything asked for was built cleanly.
 */
import { isConfigFile } from '../config/names.js';
import { Session } from '../core/session.js';
import { quotePath, reportPath } from '../diagnostics/formatters/paths.js';
import { formatFileError, formatStylish } from '../diagnostics/formatters/stylish.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { hasErrors } from '../diagnostics/types.js';
import { expandInputs, watchRoot } from '../batch/inputs.js';
import type { JobResult } from '../batch/job.js';
import { createReporter, JsonSummary, type ProgressMode } from '../batch/reporters.js';
import { OutputFolderError, runBatch, type BatchOptions, type BatchSummary } from '../batch/run-batch.js';
import { EXIT, stoppedExitCode } from '../exit-codes.js';
import { LANGUAGES, translationFile } from '../translate/load.js';

export interface BuildCommandOptions extends Omit<BatchOptions, 'inputs'> {
  /** What to show: errors only; the default; every file and output. */
  verbosity: 'quiet' | 'normal' | 'verbose';
  /** Print the machine-readable summary on stdout instead of diagnostics on stderr. */
  json?: boolean;
  /** After building, rebuild whenever an input or configuration file is saved. */
  watch?: boolean;
  /**
   * Ctrl+C, SIGTERM or SIGHUP (cli.ts), named by its reason: no job starts after it; a plain
   * build then exits 130, 143 or 129, a watch ends (exit 0).
   */
  signal?: AbortSignal;
}

export interface BuildIo {
  out(text: string): void;
  err(text: string): void;
  color: boolean;
  /** The terminal for the progress bar; none when stderr is not a terminal. */
  terminal?: NodeJS.WriteStream;
  debug: boolean;
}

export async function buildCommand(inputs: string[], options: BuildCommandOptions, io: BuildIo): Promise<number> {
  // One session for the first build and every rebuild of a watch: each saved configuration file is forgotten and read again.
  const session = options.session ?? new Session();
  const first = await buildOnce(inputs, { ...options, session }, io);
  if (!options.watch || !first.summary) return first.code;
  if (options.signal?.aborted) return EXIT.ok; // Ctrl+C during the first build ends the watch
  const signal = options.signal ?? new AbortController().signal;
  const { watchForChanges } = await import('../batch/watch.js');
  // What the outputs depend on besides definitions and configurations: the translation files
  // beside each definition (when versions are built, present or not yet) and the files builds
  // read (the emblem).
  const translations = options.languages ? first.summary.files.flatMap((f) => LANGUAGES.map((l) => translationFile(f, l))) : [];
  const dependencies = new Set([...translations, ...first.dependencies]);
  const paths = [...new Set([...first.summary.files, ...first.watchedFolders, ...first.configFiles, ...dependencies])];
  const configFiles = new Set(first.configFiles);
  await watchForChanges(
    { paths, follow: options.follow },
    async (saved, stopping) => {
      // A watched folder also holds files that are not inputs (a .yaml a glob does not match);
      // a configuration file new in it applies to the definitions below it.
      const inputsNow = new Set((await expandInputs(inputs, undefined, { follow: options.follow })).files);
      const changed = saved.filter((f) => inputsNow.has(f) || configFiles.has(f) || isConfigFile(f) || dependencies.has(f));
      if (!changed.length) return;
      session.invalidate(changed.filter((f) => configFiles.has(f) || isConfigFile(f)));
      const stamp = new Date().toTimeString().slice(0, 8);
      io.err(`\n${stamp} ${changed.map((f) => quotePath(reportPath(f, process.cwd()))).join(', ')} changed\n`);
      // The same inputs again: new files under the folders are picked up, and the
      // manifest skips what did not change.
      await buildOnce(inputs, { ...options, session, base: first.summary!.base, signal: stopping }, io, new Set(changed));
    },
    (line) => io.err(`${line}\n`),
    signal,
  );
  return EXIT.ok;
}

interface Outcome {
  code: number;
  summary?: BatchSummary;
  watchedFolders: string[];
  configFiles: string[];
  /** Files the builds read besides definitions and configurations (manifest `depends`). */
  dependencies: string[];
}

async function buildOnce(inputs: string[], options: BuildCommandOptions, io: BuildIo, changed?: Set<string>): Promise<Outcome> {
  const cwd = process.cwd();
  // Quoted as git quotes a name with control characters: a file name may not write on the terminal.
  const shown = (file: string) => quotePath(reportPath(file, cwd));
  const configFiles: string[] = [];
  let configCode: number = EXIT.ok;
  const printDiagnostics = (diagnostics: readonly Diagnostic[]) => {
    const list = options.verbosity === 'quiet' ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
    if (!list.length || options.json) return;
    io.err(formatStylish([{ file: '', diagnostics: list.map((d) => ({ ...d, file: shown(d.file) })) }], { color: io.color, totals: false }));
  };

  // What the end needs of each result, kept as it comes (the batch keeps no results).
  const tally = { code: EXIT.ok as number, failed: [] as string[], written: [] as string[] };
  const dependencies = new Set<string>();
  const json = options.json ? new JsonSummary(cwd) : undefined;
  const keep = (r: JobResult) => {
    if (r.error?.kind === 'unreadable' || r.error?.kind === 'config') tally.code = Math.max(tally.code, EXIT.usage);
    // A document written with --allow-errors still fails the run, so that CI notices.
    else if (r.status === 'failed' || hasErrors(r.diagnostics)) tally.code = Math.max(tally.code, EXIT.errors);
    if (r.status === 'failed') tally.failed.push(r.file);
    if (r.status === 'built') tally.written = r.written;
    for (const path of Object.keys(r.depends ?? {})) dependencies.add(path);
    json?.add(r);
  };

  const printResult = (r: JobResult) => {
    keep(r);
    // A rerun in watch mode speaks of what was saved, not of every file it skipped.
    if (changed && r.status === 'skipped' && !changed.has(r.file)) return;
    if (options.verbosity === 'verbose' && r.status === 'built' && !options.json) for (const w of r.written) io.err(`  wrote ${shown(w)}\n`);
    printDiagnostics(r.diagnostics);
    if (options.json) return;
    if (r.error?.kind === 'internal') {
      io.err(`agenda: internal error while processing ${shown(r.file)}: ${r.error.message}. This is a bug: please report it with the input file.${io.debug ? '' : ' (--debug shows details)'}\n`);
      if (io.debug && r.error.stack) io.err(`${r.error.stack}\n`);
    } else if (r.error) {
      io.err(formatFileError(shown(r.error.file ?? r.file), r.error));
    } else if (r.status === 'failed') {
      const ruleErrors = r.diagnostics.some((d) => d.rule && d.severity === 'error');
      io.err(`${shown(r.file)}: not built, because of the errors above${ruleErrors ? ' (--allow-errors writes it anyway)' : ''}\n`);
    }
    if (changed?.has(r.file) && r.status === 'skipped') io.err(`${shown(r.file)}: up to date\n`);
  };

  const mode: ProgressMode = options.verbosity === 'quiet' ? 'quiet' : options.verbosity === 'verbose' || !io.terminal ? (options.json ? 'quiet' : 'lines') : 'bar';
  const reporter = await createReporter(mode, { write: io.err, stream: io.terminal }, cwd, printResult, (r) => !changed || r.status !== 'skipped' || changed.has(r.file));
  reporter.config = (file, diagnostics) => {
    configFiles.push(file);
    json?.addConfig(file);
    if (options.verbosity === 'verbose' && !options.json) io.err(`configuration: ${shown(file)}\n`);
    if (diagnostics.length) {
      reporter.stop();
      printDiagnostics(diagnostics);
    }
    if (hasErrors(diagnostics)) configCode = EXIT.usage;
  };
  let summary: BatchSummary;
  try {
    summary = await runBatch({ ...options, inputs }, reporter);
  } catch (err) {
    // An output folder that is busy or cannot be used: nothing was built.
    if (!(err instanceof OutputFolderError)) throw err;
    reporter.stop();
    io.err(`agenda: ${err.message}\n  → ${err.hint}\n`);
    return { code: EXIT.usage, watchedFolders: [], configFiles, dependencies: [] };
  } finally {
    reporter.stop();
  }

  if (options.verbosity === 'verbose' && !options.json && !configFiles.length && summary.files.length) io.err('configuration: none (no agenda.config.yaml or .agendarc.yaml in the folders of the inputs or above them, up to the repository root)\n');
  for (const arg of summary.unmatched) io.err(`agenda: ${arg} matches no meeting definition\n  → check the path; folders are searched for .yaml and .yml files, and globs need quotes\n`);
  const total = summary.built + summary.skipped + summary.failed;
  if (json) json.write(summary, io.out);
  else if (!total && !summary.unmatched.length && !summary.notStarted) io.err(`agenda: nothing to build${options.shard ? ` in shard ${options.shard.index}/${options.shard.count}` : ''}\n`);
  else if (summary.notStarted || (total > 1 ? options.verbosity !== 'quiet' || summary.failed : summary.built && options.verbosity !== 'quiet')) io.err(`${summaryLine(summary, tally, shown)}\n`);

  let code: number = Math.max(configCode, tally.code);
  if (summary.unmatched.length || (!total && !options.shard && !summary.notStarted)) code = Math.max(code, EXIT.usage);
  // Stopped by a signal before the end: 128 + its number, whatever else happened.
  if (summary.notStarted) code = stoppedExitCode(options.signal?.reason);
  // Folders given on the command line, and the folders globs search, are watched for new
  // definitions too (chokidar 4 watches paths, not globs).
  const watchedFolders = inputs.map((i) => watchRoot(i));
  return { code, summary, watchedFolders, configFiles, dependencies: [...dependencies] };
}

function summaryLine(s: BatchSummary, tally: { failed: string[]; written: string[] }, shown: (f: string) => string): string {
  const total = s.built + s.skipped + s.failed;
  const stopped = s.notStarted ? `\nstopped: ${s.notStarted} file${s.notStarted === 1 ? '' : 's'} not built` : '';
  if (total === 1 && s.built === 1) return `wrote ${tally.written.map(shown).join(', ')}${stopped}`;
  const parts = [`${s.built} built`, `${s.skipped} up to date`, `${s.failed} failed`];
  const rate = s.built ? `, ${(s.built / s.seconds).toFixed(1)} files/s` : '';
  const failed = s.failed && total > 1 ? `\nfailed: ${[...tally.failed].sort().map(shown).join(', ')}` : '';
  return `${parts.join(', ')} (${total} file${total === 1 ? '' : 's'} in ${s.seconds.toFixed(2)} s${rate})${failed}${stopped}`;
}
