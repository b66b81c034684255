// The package as a user gets it: `npm pack` (as `npm publish` packs), the tarball unpacked
// into an empty global prefix as `npm install --global` lays it out, and the installed command
// run with nothing but Node on the PATH, from a folder outside the repository.
//
// The dependencies are those the tarball's shrinkwrap lists for production, linked from this
// clone's node_modules (which `npm ci` filled from the same lock) instead of extracted again
// from npm's cache: that extraction of some 170 packages took a tenth of the test run's CPU
// and proves nothing more. A dev dependency, a TypeScript source or a file the `files` list
// leaves out cannot be reached: the package's own node_modules holds only the production
// packages, and no folder above the prefix has one.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/reference.js';
import { PROFILES } from '../../src/rules/profiles.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
const dir = mkdtempSync(join(tmpdir(), 'agenda-package-'));
const prefix = join(dir, 'prefix');
const work = join(dir, 'work');
let tarball = '';
let contents: string[] = [];

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

/**
 * Installs the tarball as `npm install --global --prefix` does: the package in
 * lib/node_modules/<name>, its production dependencies (by the shrinkwrap it carries) in its
 * node_modules, and its command in bin, executable.
 */
function installGlobally(): string {
  const root = join(prefix, 'lib', 'node_modules', pkg.name);
  mkdirSync(root, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', root, '--strip-components=1']);
  const shrinkwrap = JSON.parse(readFileSync(join(root, 'npm-shrinkwrap.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; optional?: boolean }> };
  for (const [path, entry] of Object.entries(shrinkwrap.packages)) {
    // Top-level packages only: one nested in another comes with it.
    if (!/^node_modules\/(?:@[^/]+\/)?[^/]+$/.test(path) || entry.dev) continue;
    const installed = join(repoRoot, path);
    if (!existsSync(installed)) {
      if (entry.optional) continue; // another platform's build, which npm skips too
      throw new Error(`${path} is in the shrinkwrap but not installed: run npm ci`);
    }
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(installed, join(root, path));
  }
  const bin = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  mkdirSync(join(prefix, 'bin'));
  for (const [command, target] of Object.entries(bin.bin)) {
    chmodSync(join(root, target), 0o755);
    symlinkSync(join('..', 'lib', 'node_modules', pkg.name, target), join(prefix, 'bin', command));
  }
  return root;
}

let installedRoot = '';

beforeAll(() => {
  // prepack writes npm-shrinkwrap.json from the lock, postpack removes it; prepare builds what is stale.
  execFileSync('npm', ['pack', '--pack-destination', dir, '--loglevel', 'error'], { cwd: repoRoot, env: npmEnv, stdio: 'pipe' });
  tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
  contents = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, ''));
  installedRoot = installGlobally();
  mkdirSync(join(dir, 'node-only'));
  symlinkSync(process.execPath, join(dir, 'node-only', 'node'));
  cpSync(join(repoRoot, 'examples'), work, { recursive: true });
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

  it('installs as a command that prints its version', () => {
    expect(agenda('--version')).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
  });

  it('checks the examples clean', () => {
    expect(agenda('check', ...examples)).toEqual({ code: 0, out: '', err: '' });
  });

  it('builds the examples in every publishing format, as the repository builds them', () => {
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

  it('starts a definition with init that checks clean', () => {
    const made = agenda('init', '--profile', 'untoc-working-group', '--symbol', 'CTOC/COP/WG.3/2027/1', '--opens', '2027-09-13', '--out', 'new/meeting.yaml');
    expect(made.code).toBe(0);
    // Outside a clone or a project that installs the package, the schema's address on the CDN, for this version.
    expect(readFileSync(join(work, 'new/meeting.yaml'), 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=https://unpkg.com/${pkg.name}@${pkg.version}/schemas/meeting.schema.json`);
    expect(agenda('check', 'new/meeting.yaml')).toEqual({ code: 0, out: '', err: '' });
  });

  it('serves the library entry, with the dependencies it imports', async () => {
    const library = (await import(pathToFileURL(join(installedRoot, 'dist/index.js')).href)) as typeof import('../../src/index.js');
    const result = library.check(join(work, 'ctoc-cop-wg3-2023.yaml'));
    expect(result.diagnostics).toEqual([]);
    const built = await library.build(join(work, 'minimal.yaml'), { formats: ['md'] });
    expect(built.outputs[0]?.data).toBe(readFileSync(join(repoRoot, 'test/golden/minimal.md'), 'utf8'));
  });
});
