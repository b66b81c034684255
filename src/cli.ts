import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { buildFile } from './commands/build.js';
import { formatStylish } from './diagnostics/stylish.js';
import { hasErrors, type Diagnostic } from './diagnostics/types.js';
import { UnreadableInputError } from './load/source.js';
import { compileFile } from './pipeline.js';
import { FORMAT_NAMES, parseFormats } from './render/formats.js';

export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

class UsageError extends Error {}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
}

const processIo = (): Io => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
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
    .description('build the agenda of each meeting definition')
    .argument('<files...>', 'meeting definitions (.yaml)')
    .addOption(new Option('-f, --format <list>', `formats, comma-separated, or "all" (${FORMAT_NAMES.join(', ')})`).default('md'))
    .option('-o, --out <dir>', 'output folder (default: beside each input)')
    .action(async (files: string[], opts: { format: string; out?: string }) => {
      const { formats, unknown } = parseFormats(opts.format);
      if (unknown.length || !formats.length) throw new UsageError(`unknown format: ${unknown.join(', ') || opts.format} (choose from ${FORMAT_NAMES.join(', ')}, or all)`);
      for (const file of files) {
        const outcome = await guard(file, io, debug, async () => {
          const r = await buildFile(file, { formats, out: opts.out });
          report(r.diagnostics, io);
          if (r.failure) {
            io.err(`${file}: error ${r.failure.message}${r.failure.hint ? `\n  → ${r.failure.hint}` : ''}\n`);
            return EXIT.errors;
          }
          if (!r.written.length) {
            io.err(`${file}: not built, because of the errors above\n`);
            return EXIT.errors;
          }
          for (const w of r.written) io.out(`wrote ${w}\n`);
          return EXIT.ok;
        });
        code = Math.max(code, outcome);
      }
    });

  program
    .command('check')
    .description('check meeting definitions and report problems with their place in the file')
    .argument('<files...>', 'meeting definitions (.yaml)')
    .action(async (files: string[]) => {
      for (const file of files) {
        const outcome = await guard(file, io, debug, async () => {
          const { diagnostics } = await compileFile(file);
          report(diagnostics, io);
          return hasErrors(diagnostics) ? EXIT.errors : EXIT.ok;
        });
        code = Math.max(code, outcome);
      }
    });

  program
    .command('schema')
    .description('print the JSON Schema of meeting definitions')
    .action(() => {
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

function report(diagnostics: Diagnostic[], io: Io): void {
  const text = formatStylish(diagnostics, io.color);
  if (text) io.err(text);
}

/** Runs one file's work; turns unreadable input into exit 2 and bugs into one line. */
async function guard(file: string, io: Io, debug: boolean, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof UnreadableInputError) {
      io.err(`${err.file}: error ${err.message}${err.hint ? `\n  → ${err.hint}` : ''}\n`);
      return EXIT.usage;
    }
    const e = err as NodeJS.ErrnoException;
    if (e?.code && ['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'ENOTDIR', 'EEXIST', 'EISDIR'].includes(e.code)) {
      io.err(`${file}: error cannot write the output (${e.code}: ${e.message})\n  → check that the output folder exists, is writable and has space\n`);
      return EXIT.errors;
    }
    return internalError(file, err, io, debug);
  }
}

function internalError(what: string, err: unknown, io: Io, debug: boolean): number {
  io.err(`agenda: internal error while processing ${what}: ${(err as Error)?.message ?? String(err)}. This is a bug: please report it with the input file.${debug ? '' : ' (--debug shows details)'}\n`);
  if (debug && err instanceof Error && err.stack) io.err(`${err.stack}\n`);
  return EXIT.errors;
}
