import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { checkCommand, FORMATTER_NAMES } from './commands/check.js';
import { guard, internalError, type Io } from './commands/io.js';
import type { CheckOptions } from './core/check.js';
import { JOB_TIMEOUT_SECONDS } from './batch/job-timeout.js';
import { LOCK_WAIT_MS } from './batch/lock-wait.js';
import { parseShard, type Shard } from './batch/shard.js';
import { EXIT, STOP_SIGNALS, type StopSignal } from './exit-codes.js';
import { FORMAT_NAMES, parseFormats, PDF_PROFILES, type PdfProfile } from './core/formats.js';
import { activeRules } from './rules/engine.js';
import { closestProfile, DEFAULT_PROFILE, findProfile, PROFILES } from './rules/profiles.js';
import type { LanguageCode } from './locale/types.js';

export { EXIT };

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

class UsageError extends Error {}

const processIo = (): Io => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
  outColor: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  terminal: process.stderr.isTTY ? process.stderr : undefined,
});

/** Runs the CLI and returns its exit code; never throws. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const debug = argv.includes('--debug');
  const program = new Command()
    .name('agenda')
    .description('Compile a YAML meeting definition into the annotated provisional agenda (PDF, HTML, Markdown).')
    .version(packageJson.version)
    .option('--debug', 'print the stack of internal errors')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run agenda --help for usage)');

  program
    .command('build')
    .description('build the agenda of each meeting definition: files, folders or globs (quote them)')
    .argument('<inputs...>', 'meeting definitions (.yaml), folders holding them, or globs such as "meetings/**/*.yaml"')
    .addOption(new Option('-f, --format <list>', `formats, comma-separated (${FORMAT_NAMES.join(', ')}), "all" for md, html and pdf, or "every"`).default('md'))
    .option('-o, --out <dir>', 'output folder; the folders of the inputs are mirrored under it (default: beside each input)')
    .option('-j, --jobs <n>', `worker processes, at most ${MAX_JOBS}, started from two files on (default: this process builds, and starts a worker for each other core, here ${availableParallelism() - 1}, once the files left pay for its start-up); never more than the files to build or twice the cores`, parseJobs)
    .option('--job-timeout <seconds>', `stop a worker that spends longer than this on one file, which then fails (given, every file is built by a worker); 0 for no limit (default: ${JOB_TIMEOUT_SECONDS}, for the files workers build)`, secondsOf('--job-timeout', '0 for no limit'))
    .option('--lock-wait <seconds>', `how long to wait for another build that holds the output folder before giving up with exit 2 (default: ${LOCK_WAIT_MS / 1000})`, secondsOf('--lock-wait', '0 not to wait'))
    .option('--force', 'rebuild every input, even those whose outputs are up to date')
    .option('--allow-errors', 'write the documents even when the rules report errors (they are still printed, and the exit code is still 1)')
    .option('--shard <i/n>', 'build only the i-th of n stable slices of the inputs (for a CI matrix)', shardOption)
    .option('-q, --quiet', 'print only errors and, when something failed or was stopped, the summary')
    .option('-v, --verbose', 'print one line per input and every output written, even on a terminal')
    .option('--json', 'print a machine-readable summary on stdout (files, status, outputs, diagnostics)')
    .option('-w, --watch', 'after building, rebuild whenever an input or configuration file is saved')
    .option('--profile <name>', "the body's profile, instead of the definition's 'profile:'")
    .option('--config <file>', 'the configuration file, instead of the nearest agenda.config.yaml or .agendarc.yaml')
    .option('--follow', 'follow links to folders met while searching folders and globs (not followed by default)')
    .option('--lang <list>', `language versions, comma-separated (${LANGUAGE_CODES.join(', ')}), or "all" for the languages the document is issued in: the original's language builds the original, another its translation beside it (meeting.fr.yaml → meeting.fr.pdf)`, parseLanguages)
    .option('--allow-untranslated', 'issue a language version whose translation lacks texts, with those texts in the original language (warnings instead of errors)')
    .option('--pdf-profile <profile>', `make the PDF archival: ${PDF_PROFILES.join(', ')} (a3: PDF/A-3, tagged, with the definition and its translation inside; see docs/pdf.md)`, parsePdfProfile)
    .action(async (inputs: string[], opts: BuildFlags & CheckFlags) => {
      const { formats, unknown } = parseFormats(opts.format);
      if (unknown.length || !formats.length) throw new UsageError(`unknown format: ${unknown.join(', ') || opts.format} (choose from ${FORMAT_NAMES.join(', ')}, all or every)`);
      if (opts.quiet && opts.verbose) throw new UsageError('--quiet and --verbose cannot be used together');
      if (opts.pdfProfile && !formats.some((f) => f.name === 'pdf')) throw new UsageError(`--pdf-profile is a profile of the PDF: add pdf to --format (now ${formats.map((f) => f.name).join(',')})`);
      // An empty name is a mistake (an unset variable), not a wish for outputs beside the inputs.
      if (opts.out === '') throw new UsageError("--out takes a folder, not an empty name (leave --out out to write each output beside its definition)");
      const checkOptions = checkOptionsFrom(opts);
      code = await guard('the build', io, debug, async () => {
        // Imported here: checking needs neither the batch machinery nor the renderers.
        const { buildCommand } = await import('./commands/build.js');
        // Ctrl+C stops the build after the files in hand, whose outputs and manifest entries are
        // written whole: the next run goes on from there. A second Ctrl+C ends it at once.
        // SIGTERM (a CI cancel, a service manager) and SIGHUP (a closed terminal) do the same,
        // and the exit code says which signal it was (128 + its number, as shells report it).
        const interrupt = new AbortController();
        const handlers = new Map<StopSignal, () => void>();
        const stopAll = () => {
          for (const [name, handler] of handlers) process.off(name, handler);
        };
        const onSignal = (name: StopSignal) => () => {
          if (interrupt.signal.aborted) process.exit(STOP_SIGNALS[name]); // the second: at once
          // After a hangup the terminal may be gone: a failed write must not end the build.
          if (name === 'SIGHUP') for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
          const again = name === 'SIGINT' ? 'Ctrl+C again' : `${name} again`;
          if (!opts.watch) io.err(`\nagenda: ${name === 'SIGINT' ? '' : `${name}: `}stopping after the files in hand (${again} to stop at once)\n`);
          interrupt.abort(name);
        };
        for (const name of Object.keys(STOP_SIGNALS) as StopSignal[]) {
          const handler = onSignal(name);
          handlers.set(name, handler);
          process.on(name, handler);
        }
        try {
          return await buildCommand(
            inputs,
            {
              formats: formats.map((f) => f.name),
              out: opts.out,
              jobs: opts.jobs,
              jobTimeout: opts.jobTimeout,
              lockWait: opts.lockWait,
              force: opts.force,
              allowErrors: opts.allowErrors,
              shard: opts.shard,
              profile: checkOptions.profile,
              config: checkOptions.config,
              verbosity: opts.quiet ? 'quiet' : opts.verbose ? 'verbose' : 'normal',
              json: opts.json,
              watch: opts.watch,
              follow: opts.follow,
              signal: interrupt.signal,
              ...(opts.lang ? { languages: opts.lang } : {}),
              ...(opts.allowUntranslated ? { allowUntranslated: true } : {}),
              ...(opts.pdfProfile ? { pdfProfile: opts.pdfProfile } : {}),
            },
            { out: io.out, err: io.err, color: io.color, terminal: io.terminal, debug },
          );
        } finally {
          stopAll();
        }
      });
    });

  program
    .command('check')
    .description('check meeting definitions against the schema, the rules of procedure and UN editorial conventions')
    .argument('<inputs...>', 'meeting definitions (.yaml), folders holding them, or globs such as "meetings/**/*.yaml"')
    .addOption(
      new Option('--format <name>', `how to report (${FORMATTER_NAMES.join(', ')})`).default('stylish').argParser((value) => {
        // In any case, as build's --format: "SARIF" is as clear as "sarif".
        const name = value.toLowerCase();
        if (!FORMATTER_NAMES.includes(name)) throw new InvalidArgumentError(`Allowed choices are ${FORMATTER_NAMES.join(', ')}.`);
        return name;
      }),
    )
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', parseCount)
    .option('--fix', 'correct in place what is certain (en dashes, "per cent", times, spacing), keeping comments and layout')
    .option('--profile <name>', "the body's profile, instead of the definition's 'profile:'")
    .option('--config <file>', 'the configuration file, instead of the nearest agenda.config.yaml or .agendarc.yaml')
    .option('--follow', 'follow links to folders met while searching folders and globs (not followed by default)')
    .action(async (inputs: string[], opts: { format: string; maxWarnings?: number; fix?: boolean; follow?: boolean } & CheckFlags) => {
      const checkOptions = checkOptionsFrom(opts);
      code = await checkCommand(inputs, { ...opts, ...checkOptions }, io, { debug, version: packageJson.version });
    });

  program
    .command('preview')
    .description('show the HTML of a definition in the browser, served on 127.0.0.1, rebuilt on each save, with its errors over it and the PDF beside it on request')
    .argument('<definition>', 'the meeting definition (.yaml)')
    .option('--port <n>', 'the port to listen on (default: a free one)', (value: string) => {
      // The command's module is small; the server's is imported when the preview starts.
      const port = /^\d{1,5}$/.test(value) && Number(value) <= 65535 ? Number(value) : undefined;
      if (port === undefined) throw new UsageError(`--port takes a port number from 0 to 65535, not '${value}'`);
      return port;
    })
    .option('--lang <code>', `show the version in this language (its translation beside the definition: meeting.fr.yaml) (${LANGUAGE_CODES.join(', ')})`, parseLanguage)
    .option('--open', 'open the page in the default browser')
    .option('--profile <name>', "the body's profile, instead of the definition's 'profile:'")
    .option('--config <file>', 'the configuration file, instead of the nearest agenda.config.yaml or .agendarc.yaml')
    .action(async (file: string, opts: { port?: number; lang?: LanguageCode; open?: boolean } & CheckFlags) => {
      const checkOptions = checkOptionsFrom(opts);
      const { previewCommand } = await import('./commands/preview.js');
      code = await guard(file, io, debug, () => previewCommand(file, { ...opts, ...checkOptions }, io));
    });

  const xliff = program.command('xliff').description('exchange translations with translators in XLIFF 2.1');
  xliff
    .command('export')
    .description('write the texts of a definition and their current translation into a language as XLIFF (meeting.fr.xlf)')
    .argument('<definition>', 'the original meeting definition (.yaml)')
    .requiredOption('--lang <code>', `the language to translate into (${LANGUAGE_CODES.join(', ')})`, parseLanguage)
    .option('-o, --out <file>', 'where to write it ("-" for standard output; default: beside the definition)')
    .action(async (file: string, opts: { lang: LanguageCode; out?: string }) => {
      const { xliffExport } = await import('./commands/xliff.js');
      code = await guard(file, io, debug, () => xliffExport(file, opts.lang, opts.out, io));
    });
  xliff
    .command('import')
    .description('write the translations of an XLIFF file into the translation file beside the original (meeting.fr.yaml)')
    .argument('<xliff>', 'the XLIFF file a translator returned')
    .option('--into <file>', 'the translation file to write (default: named after the original the XLIFF names)')
    .action(async (file: string, opts: { into?: string }) => {
      const { xliffImport } = await import('./commands/xliff.js');
      code = await guard(file, io, debug, () => xliffImport(file, opts.into, io));
    });

  program
    .command('init')
    .description('write a new meeting definition from the template of a profile; on a terminal, asks for what the flags do not give')
    .option('--profile <name>', `the kind of body (${PROFILES.map((p) => p.name).join(', ')})`)
    .option('--symbol <symbol>', "the agenda's document symbol, such as E/CN.7/2025/1")
    .option('-o, --out <file>', 'the file to write ("-" for standard output)')
    .option('--opens <date>', "the opening day, YYYY-MM-DD (default: far enough ahead for the profile's lead time)")
    .option('--schema <address>', 'what the $schema line points at (default: the schema of this installation, or its address on unpkg)')
    .option('--force', 'replace the file if it exists')
    .action(async (opts: import('./commands/init.js').InitFlags) => {
      const { initCommand } = await import('./commands/init.js');
      // Questions only on a terminal: a script or CI run gets a usage error naming the missing flags.
      const prompt = process.stdin.isTTY && process.stdout.isTTY ? { input: process.stdin, output: process.stdout } : undefined;
      code = await guard(opts.out ?? 'init', io, debug, () => initCommand(opts, io, prompt ? { prompt } : {}));
    });

  program
    .command('rules')
    .description('list the rules with their severity in a profile')
    .addOption(new Option('--profile <name>', 'the profile').default(DEFAULT_PROFILE))
    .option('--json', 'print JSON (id, name, category, severity, description, parameters)')
    .action((opts: { profile: string; json?: boolean }) => {
      if (!findProfile(opts.profile)) throw new UsageError(unknownProfile(opts.profile));
      const active = activeRules(opts.profile);
      if (opts.json) {
        io.out(`${JSON.stringify(active.map((a) => ({ id: a.rule.id, name: a.rule.name, category: a.rule.category, severity: a.severity, description: a.rule.description, parameters: a.params })), null, 2)}\n`);
        return;
      }
      const nameWidth = Math.max(...active.map((a) => a.rule.name.length));
      io.out(`Rules under the profile ${opts.profile}:\n`);
      for (const a of active) io.out(`${a.rule.id}  ${a.rule.name.padEnd(nameWidth)}  ${a.severity.padEnd(7)}  ${a.rule.description}\n`);
    });

  program
    .command('lsp')
    .description('run the language server an editor starts: diagnostics as you type, quick fixes, hovers, completion of item ids, the outline (docs/editors.md)')
    .option('--stdio', 'speak the Language Server Protocol over standard input and output')
    .action(async (opts: { stdio?: boolean }) => {
      if (!opts.stdio) throw new UsageError('agenda lsp is started by an editor, which speaks to it over standard input and output: run it as agenda lsp --stdio (see docs/editors.md)');
      const { startServer } = await import('./lsp/server.js');
      startServer();
    });

  program
    .command('schema')
    .description('print the JSON Schema of meeting definitions')
    .option('--config', 'print the JSON Schema of agenda.config.yaml instead')
    .action(async (opts: { config?: boolean }) => {
      if (opts.config) {
        const { configSchema } = await import('./config/config-schema.js');
        io.out(`${JSON.stringify(configSchema(), null, 2)}\n`);
        return;
      }
      io.out(readFileSync(new URL('../schemas/meeting.schema.json', import.meta.url), 'utf8'));
    });

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UsageError) {
      io.err(`agenda: ${err.message}\n`);
      return EXIT.usage;
    }
    return internalError('the command line', err, io, debug);
  }
  return code;
}

interface BuildFlags {
  format: string;
  out?: string;
  jobs?: number;
  jobTimeout?: number;
  lockWait?: number;
  force?: boolean;
  allowErrors?: boolean;
  shard?: Shard;
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
  watch?: boolean;
  follow?: boolean;
  lang?: LanguageCode[] | 'all';
  allowUntranslated?: boolean;
  pdfProfile?: PdfProfile;
}

interface CheckFlags {
  profile?: string;
  config?: string;
}

function checkOptionsFrom(opts: CheckFlags): CheckOptions {
  if (opts.profile !== undefined && !findProfile(opts.profile)) throw new UsageError(unknownProfile(opts.profile));
  return { profile: opts.profile, config: opts.config };
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number, not '${value}'`);
  return Number(value);
}

/**
 * The most `--jobs` accepted: far above any machine's cores, far below what would exhaust
 * memory. How many workers a batch starts, never more than the files to build or twice the
 * cores, is decided in one place: workerCount (batch/pool.ts).
 */
const MAX_JOBS = 1024;

/** The official languages of the United Nations, by their ISO 639-1 codes, in the order of --help. */
const LANGUAGE_CODES: readonly LanguageCode[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

function parseLanguages(value: string): LanguageCode[] | 'all' {
  if (value.trim().toLowerCase() === 'all') return 'all';
  const codes = value.split(',').map((c) => c.trim().toLowerCase());
  const wrong = codes.filter((c) => !(LANGUAGE_CODES as readonly string[]).includes(c));
  if (wrong.length || !codes.length) throw new UsageError(`--lang takes "all" or official languages by their codes (${LANGUAGE_CODES.join(', ')}), comma-separated, not '${wrong.join(',') || value}'`);
  // In one order whatever the order asked: "fr,en" and "en,fr" are the same build (and build key).
  return LANGUAGE_CODES.filter((code) => codes.includes(code));
}

function parseLanguage(value: string): LanguageCode {
  const code = value.trim().toLowerCase();
  if (!(LANGUAGE_CODES as readonly string[]).includes(code)) throw new UsageError(`--lang takes one official language by its code (${LANGUAGE_CODES.join(', ')}), not '${value}'`);
  return code as LanguageCode;
}

function parsePdfProfile(value: string): PdfProfile {
  const profile = value.trim().toLowerCase();
  if (!(PDF_PROFILES as readonly string[]).includes(profile)) throw new UsageError(`--pdf-profile takes ${PDF_PROFILES.join(', ')} (PDF/A-3), not '${value}'`);
  return profile as PdfProfile;
}

function parseJobs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_JOBS) throw new UsageError(`--jobs takes a whole number from 1 to ${MAX_JOBS}, not '${value}'`);
  return Number(value);
}

/** A parser of a number of seconds for `flag`; `zero` says what 0 means. */
const secondsOf = (flag: string, zero: string) => (value: string): number => {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new UsageError(`${flag} takes a number of seconds (${zero}), not '${value}'`);
  return Number(value);
};

function shardOption(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) throw new UsageError(`--shard takes i/n with 1 ≤ i ≤ n, such as 1/4, not '${value}'`);
  return shard;
}

/** What a mistyped --profile gets: the closest profile, then all of them. */
function unknownProfile(name: string): string {
  const guess = closestProfile(name);
  return `unknown profile: ${name}${guess ? ` (did you mean '${guess}'?)` : ''} (choose from ${PROFILES.map((p) => p.name).join(', ')})`;
}
