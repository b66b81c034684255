// The package as a user gets it: `npm pack` (as `npm publish` packs), the tarball installed
// globally into an empty prefix, and the installed command run with nothing but Node on
// the PATH, from a folder outside the repository: no dev dependency, no TypeScript, no file
// of the clone can help it. The install reads the npm cache `npm ci` filled; a registry
// that cannot be reached for what the cache lacks skips these tests, saying so.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { repoRoot } from '../helpers/reference.js';
import { PROFILES } from '../../src/rules/profiles.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
const dir = mkdtempSync(join(tmpdir(), 'agenda-package-'));
const prefix = join(dir, 'prefix');
const work = join(dir, 'work');
let tarball = '';
let contents: string[] = [];
let skipReason: string | undefined;

/**
 * npm's environment without what an enclosing `npm test` sets for its own package and run
 * (npm_package_*, npm_lifecycle_*, or --ignore-scripts, which would pack without the shrinkwrap).
 */
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_(package|lifecycle)_|^npm_config_(global|prefix|location|ignore_scripts|dry_run|json|offline)$/i.test(k)));

/** Runs the installed command: on the PATH only its own bin folder and a folder holding node. */
function agenda(...args: string[]) {
  const r = spawnSync(join(prefix, 'bin', 'agenda'), args, { cwd: work, encoding: 'utf8', env: { HOME: process.env.HOME ?? dir, PATH: `${join(prefix, 'bin')}:${join(dir, 'node-only')}` } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  // prepack writes npm-shrinkwrap.json from the lock, postpack removes it; prepare builds what is stale.
  execFileSync('npm', ['pack', '--pack-destination', dir, '--loglevel', 'error'], { cwd: repoRoot, env: npmEnv, stdio: 'pipe' });
  tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
  contents = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, ''));
  mkdirSync(prefix);
  const install = spawnSync('npm', ['install', '--global', '--prefix', prefix, tarball, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error'], { env: npmEnv, encoding: 'utf8' });
  if (install.status !== 0) {
    if (/ENOTCACHED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET/.test(install.stderr)) skipReason = `npm could not reach the registry for what its cache lacks: ${install.stderr.trim().split('\n')[0]}`;
    else throw new Error(`npm install -g of the tarball failed:\n${install.stderr}`);
  }
  mkdirSync(join(dir, 'node-only'));
  symlinkSync(process.execPath, join(dir, 'node-only', 'node'));
  cpSync(join(repoRoot, 'examples'), work, { recursive: true });
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const installed = (ctx: TestContext) => {
  if (skipReason) ctx.skip(skipReason);
};

/** The originals among the examples (not their translations, meeting.fr.yaml). */
const examples = readdirSync(join(repoRoot, 'examples')).filter((f) => /^[^.]+\.yaml$/.test(f));

describe('the packed tarball', () => {
  it('holds what the command and the library run on, and nothing of the tests or sources', () => {
    for (const f of ['package.json', 'README.md', 'LICENSE', 'npm-shrinkwrap.json', 'bin/agenda.js', 'dist/agenda.js', 'dist/worker.js', 'dist/build-id', 'dist/index.js', 'dist/index.d.ts', 'dist/generated/messages.js', 'schemas/meeting.schema.json', 'docs/format.md', 'scripts/prepare.js']) expect(contents).toContain(f);
    for (const p of PROFILES) expect(contents).toContain(`templates/${p.name}.yaml`);
    // prepare.js is the one script: npm runs `prepare` when it installs from git, and it must find it.
    expect(contents.filter((f) => (/^(test|src|scripts|bench|examples|node_modules|\.ci)\//.test(f) && f !== 'scripts/prepare.js') || (f.endsWith('.ts') && !f.endsWith('.d.ts')) || f.endsWith('.stamp'))).toEqual([]);
    // The shrinkwrap lives only in the tarball: in the clone, package-lock.json stays the lock.
    expect(existsSync(join(repoRoot, 'npm-shrinkwrap.json'))).toBe(false);
  });

  it('installs as a command that prints its version', (ctx) => {
    installed(ctx);
    expect(agenda('--version')).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
  });

  it('checks the examples clean', (ctx) => {
    installed(ctx);
    expect(agenda('check', ...examples)).toEqual({ code: 0, out: '', err: '' });
  });

  it('builds the examples in every publishing format, as the repository builds them', (ctx) => {
    installed(ctx);
    const built = agenda('build', ...examples, '--format', 'all', '--out', 'out', '--quiet');
    expect(built.err).toBe('');
    expect(built.code).toBe(0);
    for (const e of examples) {
      const stem = e.replace(/\.yaml$/, '');
      expect(readFileSync(join(work, 'out', `${stem}.md`), 'utf8')).toBe(readFileSync(join(repoRoot, 'test/golden', `${stem}.md`), 'utf8'));
      expect(readFileSync(join(work, 'out', `${stem}.html`), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    }
    // The PDF of the reference, byte for byte as the repository's own build writes it (its Tinos fonts, pdfkit and fontkit).
    const here = join(dir, 'repo-build');
    execFileSync(process.execPath, [join(repoRoot, 'bin/agenda.js'), 'build', join(repoRoot, 'examples/ctoc-cop-wg3-2023.yaml'), '--format', 'pdf', '--out', here, '--quiet']);
    const pdf = readFileSync(join(work, 'out', 'ctoc-cop-wg3-2023.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.includes('+Tinos')).toBe(true);
    expect(pdf.equals(readFileSync(join(here, 'ctoc-cop-wg3-2023.pdf')))).toBe(true);
  });

  it('starts a definition with init that checks clean', (ctx) => {
    installed(ctx);
    const made = agenda('init', '--profile', 'untoc-working-group', '--symbol', 'CTOC/COP/WG.3/2027/1', '--opens', '2027-09-13', '--out', 'new/meeting.yaml');
    expect(made.code).toBe(0);
    // Outside a clone or a project that installs the package, the schema's address on the CDN, for this version.
    expect(readFileSync(join(work, 'new/meeting.yaml'), 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=https://unpkg.com/${pkg.name}@${pkg.version}/schemas/meeting.schema.json`);
    expect(agenda('check', 'new/meeting.yaml')).toEqual({ code: 0, out: '', err: '' });
  });

  it('serves the library entry, with the dependencies it imports', async (ctx) => {
    installed(ctx);
    const root = join(prefix, 'lib', 'node_modules', pkg.name);
    const library = (await import(pathToFileURL(join(root, 'dist/index.js')).href)) as typeof import('../../src/index.js');
    const result = library.check(join(work, 'ctoc-cop-wg3-2023.yaml'));
    expect(result.diagnostics).toEqual([]);
    const built = await library.build(join(work, 'minimal.yaml'), { formats: ['md'] });
    expect(built.outputs[0]?.data).toBe(readFileSync(join(repoRoot, 'test/golden/minimal.md'), 'utf8'));
  });
});
