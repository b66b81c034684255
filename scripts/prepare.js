// `prepare`: builds dist/ (only what is stale) after `npm install` in a clone, before `npm
// pack`, and when npm installs the package from its git repository, where it installs the
// dependencies and devDependencies in a clone first and then runs this script.
//
// Except in a global install (`npm install -g git+https://…`): there npm runs the clone's
// install with the global settings it inherits, installs nothing into the clone, and the
// build cannot find TypeScript (npm/cli#8440). The tools are then installed here, into the
// clone, as npm would have done. (npm 11 then still loses files of the global folder,
// npm/cli#3692; docs/ci.md gives the way round: pack from git, install the tarball.)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// A packed copy (the tarball's files, no sources) is built already: npm also runs prepare in
// the folder a global install from git fills (npm/cli#3692), where there is nothing to do.
if (!existsSync(join(root, 'src'))) process.exit(0);

if (!existsSync(join(root, 'node_modules', 'typescript', 'package.json'))) {
  const npm = process.env.npm_execpath;
  const [command, args] = npm && npm.endsWith('.js') ? [process.execPath, [npm]] : ['npm', []];
  execFileSync(command, [...args, 'install', '--global=false', '--prefix', root, '--include=dev', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
execFileSync(process.execPath, [join(root, 'scripts', 'build.js'), '--if-stale'], { cwd: root, stdio: 'inherit' });
