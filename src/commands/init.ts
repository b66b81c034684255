/**
 * `agenda init`: writes a new meeting definition from the template of a profile. With
 * --profile, --symbol and --out it asks nothing; on a terminal, it asks for what is missing.
 * The definition is checked before it is written: what it writes checks clean under its
 * profile, and a symbol the profile's rules reject is refused with their message.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryFileSystem, Session } from '../core/index.js';
import { checkDefinition } from '../core/check.js';
import { EXIT } from '../exit-codes.js';
import { fill, parseDate, plan, readTemplate, SYMBOL_SHAPE } from '../init/template.js';
import { closestProfile, DEFAULT_PROFILE, findProfile, PROFILES } from '../rules/profiles.js';
import type { Io } from './io.js';

export interface InitFlags {
  profile?: string;
  symbol?: string;
  out?: string;
  /** The opening day, YYYY-MM-DD; by default one far enough ahead for the profile's lead time. */
  opens?: string;
  /** What the `$schema` line points at, instead of the schema found for the output's folder. */
  schema?: string;
  force?: boolean;
}

export interface InitContext {
  /** Where prompts read keys and draw: the terminal, or streams under test. Without it, nothing is asked. */
  prompt?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
  /** Today, as a UTC time (for tests); the clock otherwise. */
  today?: number;
}

/** The package's name and version, for the address of its schema. */
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

/** A failure with its message for the user; exit 2, or 130 when stopped by Ctrl+C at a question. */
class InitError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.usage,
  ) {
    super(message);
  }
}

export async function initCommand(flags: InitFlags, io: Io, context: InitContext = {}): Promise<number> {
  try {
    const answers = await complete(flags, context);
    return write(answers, io, context);
  } catch (err) {
    if (!(err instanceof InitError)) throw err;
    io.err(`agenda: ${err.message}\n`);
    return err.code;
  }
}

interface Answers {
  profile: string;
  symbol: string;
  out: string;
  opens?: number;
  schema?: string;
  force: boolean;
}

/** The flags, checked, with what is missing asked for on a terminal. */
async function complete(flags: InitFlags, context: InitContext): Promise<Answers> {
  // What is given is checked before anything is asked, so that a typo does not cost the questions.
  if (flags.profile !== undefined) checkProfile(flags.profile);
  if (flags.symbol !== undefined) checkSymbol(flags.symbol);
  const opens = flags.opens === undefined ? undefined : parseDate(flags.opens);
  if (flags.opens !== undefined && opens === undefined) throw new InitError(`--opens takes a date as YYYY-MM-DD, not '${flags.opens}'`);
  let { profile, symbol, out } = flags;
  const missing = [profile === undefined && '--profile', symbol === undefined && '--symbol', out === undefined && '--out'].filter(Boolean);
  if (missing.length && !context.prompt) {
    throw new InitError(`init needs ${missing.join(', ')} when it cannot ask (standard input is not a terminal), such as: agenda init --profile ecosoc-functional-commission --symbol E/CN.7/2025/1 --out meeting.yaml`);
  }
  if (missing.length && context.prompt) {
    // Loaded only to ask: a run with every flag never reads the prompts library.
    const [{ default: select }, { default: input }] = await Promise.all([import('@inquirer/select'), import('@inquirer/input')]);
    const streams = context.prompt;
    try {
      profile ??= await select(
        {
          message: 'Which kind of body meets?',
          choices: PROFILES.map((p) => ({ value: p.name, name: p.name, description: p.description })),
          default: DEFAULT_PROFILE,
          pageSize: PROFILES.length,
        },
        streams,
      );
      symbol ??= (
        await input(
          {
            message: 'Symbol of the agenda (such as E/CN.7/2025/1):',
            // The profile's rules judge the symbol here, so that a wrong one is typed again, not found after the last question.
            validate: (value) => {
              const typed = value.trim();
              if (!SYMBOL_SHAPE.test(typed)) return symbolProblem(typed);
              const { problems } = generate(profile!, typed, resolve(out ?? 'meeting.yaml'), context.today ?? Date.now(), opens, '');
              return problems.length ? problems.join('; ') : true;
            },
          },
          streams,
        )
      ).trim();
      out ??= (
        await input(
          {
            message: 'File to write:',
            default: 'meeting.yaml',
            validate: (value) => (value.trim() !== '-' && existsSync(resolve(value.trim())) && !flags.force ? `${value.trim()} already exists (--force replaces it)` : true),
          },
          streams,
        )
      ).trim();
    } catch (err) {
      // Ctrl+C or Ctrl+D at a prompt: nothing was written.
      if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) throw new InitError('stopped: nothing was written', EXIT.interrupted);
      throw err;
    }
  }
  if (out === '' || out === undefined) throw new InitError('--out takes a file name, such as meeting.yaml ("-" for standard output)');
  return { profile: profile!, symbol: symbol!, out, ...(opens !== undefined ? { opens } : {}), ...(flags.schema !== undefined ? { schema: flags.schema } : {}), force: Boolean(flags.force) };
}

function checkProfile(name: string): void {
  if (findProfile(name)) return;
  const guess = closestProfile(name);
  throw new InitError(`unknown profile: ${name}${guess ? ` (did you mean '${guess}'?)` : ''} (choose from ${PROFILES.map((p) => p.name).join(', ')})`);
}

function symbolProblem(symbol: string): string {
  return `'${symbol}' is not a document symbol: write its components separated by slashes, starting with a capital letter, such as E/CN.7/2025/1 or A/80/150`;
}

function checkSymbol(symbol: string): void {
  if (!SYMBOL_SHAPE.test(symbol)) throw new InitError(symbolProblem(symbol));
}

/**
 * The definition for a profile and symbol, and what `agenda check` would report in it (in
 * memory, without the folder's configuration): a symbol outside the profile's series or of
 * another year is the author's to correct, before any file exists.
 */
function generate(profile: string, symbol: string, file: string, today: number, opens?: number, schema?: string) {
  const p = plan(profile, symbol, today, opens);
  const text = fill(readTemplate(profile), symbol, p, schema ?? schemaReference(dirname(file)));
  const session = new Session({ fs: new MemoryFileSystem({ [file]: text }) });
  const problems = checkDefinition(session, file, { config: false }).diagnostics.map((d) => `${d.severity} ${d.message}${d.hint ? ` (${d.hint})` : ''}`);
  return { plan: p, text, problems };
}

function write(a: Answers, io: Io, context: InitContext): number {
  const toStdout = a.out === '-';
  const file = toStdout ? resolve('meeting.yaml') : resolve(a.out);
  const { plan: p, text, problems } = generate(a.profile, a.symbol, file, context.today ?? Date.now(), a.opens, a.schema);
  if (problems.length) {
    throw new InitError(`a definition with the symbol ${a.symbol} under the profile ${a.profile}${a.opens !== undefined ? ` opening on ${p.opens}` : ''} would not check clean:\n${problems.map((line) => `  ${line}`).join('\n')}`);
  }
  if (toStdout) {
    io.out(text);
    return EXIT.ok;
  }
  if (existsSync(file) && !a.force) throw new InitError(`${a.out} already exists: nothing was written (--force replaces it)`);
  let made = false;
  try {
    mkdirSync(dirname(file), { recursive: true });
    made = true;
    // 'wx' fails if the file appeared meanwhile: never replace a file without --force.
    writeFileSync(file, text, { flag: a.force ? 'w' : 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && made) throw new InitError(`${a.out} already exists: nothing was written (--force replaces it)`);
    // A folder that cannot be made or written, a file in the way of a folder: the user's to fix, not a bug.
    if (code && /^E(?:EXIST|NOENT|NOTDIR|ACCES|PERM|ROFS|ISDIR|NOSPC|DQUOT)$/.test(code)) throw new InitError(`cannot write ${a.out}: ${(err as Error).message.replace(/^[A-Z]+: /, '')}`);
    throw err;
  }
  io.out(`Wrote ${a.out} (profile ${a.profile}, opening ${p.opens}). Replace what its comments mark "Fill in", then:\n  agenda check ${a.out}\n  agenda build ${a.out} --format all\n`);
  // The file checks clean under its profile; a configuration file of its folder may ask more.
  const configured = checkDefinition(new Session(), file, {});
  const found = configured.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  if (found.length) io.out(`Note: under the configuration of its folder, agenda check ${a.out} reports ${found.length} problem${found.length === 1 ? '' : 's'} in it (the first: ${found[0]!.message}).\n`);
  return EXIT.ok;
}

/**
 * The `$schema` line's target, as an editor reached from `folder` finds it: the schema of this
 * installation by a relative path when the folder is inside it (a clone) or the package is
 * installed in a node_modules above the folder (a development dependency); else its address
 * on the npm CDN for this version, which any machine reaches.
 */
export function schemaReference(folder: string, pkg: { name: string; version: string } = packageJson): string {
  const own = fileURLToPath(new URL('../../schemas/meeting.schema.json', import.meta.url));
  const root = dirname(dirname(own));
  const relativeTo = (target: string) => relative(folder, target).split(sep).join('/');
  if (folder === root || folder.startsWith(root + sep)) return relativeTo(own);
  for (let dir = folder; ; dir = dirname(dir)) {
    const installed = join(dir, 'node_modules', pkg.name, 'schemas', 'meeting.schema.json');
    if (existsSync(installed)) return relativeTo(installed);
    if (dirname(dir) === dir) break;
  }
  return `https://unpkg.com/${pkg.name}@${pkg.version}/schemas/meeting.schema.json`;
}
