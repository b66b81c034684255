// `npm run build`: the generated modules (the schema's validator, the font tables), tsc
// (dist/**, with declarations for the library entry), then the bundles (scripts/bundle.js).
//
// With --if-stale (`pretest`), each step runs only when one of its inputs is newer than
// what it wrote last time: after `npm ci` (whose `prepare` builds) or a build, a test run
// starts at once instead of spending most of a minute recompiling what did not change.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ifStale = process.argv.includes('--if-stale');

/** The newest modification time among files (folders: every file below them); 0 for none. */
function newest(paths) {
  let time = 0;
  for (const p of paths) {
    const full = join(root, p);
    if (!existsSync(full)) continue;
    const st = statSync(full);
    if (st.isDirectory()) {
      for (const e of readdirSync(full, { recursive: true, withFileTypes: true })) if (e.isFile()) time = Math.max(time, statSync(join(e.parentPath, e.name)).mtimeMs);
    } else time = Math.max(time, st.mtimeMs);
  }
  return time;
}

/** Runs a step unless every output exists and is newer than every input (with --if-stale). */
function step(name, inputs, outputs, run) {
  const outputTimes = outputs.map((o) => (existsSync(join(root, o)) ? statSync(join(root, o)).mtimeMs : 0));
  if (ifStale && outputTimes.every((t) => t > 0) && Math.min(...outputTimes) >= newest(inputs)) return;
  run();
  // A stamp says when the step last ran, for steps that write many files.
  for (const o of outputs) if (o.endsWith('.stamp')) writeFileSync(join(root, o), `${name}\n`);
}

const node = (script) => () => execFileSync(process.execPath, [join(root, script)], { stdio: 'inherit', cwd: root });
const lock = ['package-lock.json'];

step('schema', ['schemas/meeting.schema.json', 'scripts/compile-schema.js', ...lock], ['src/generated/meeting-validator.js', 'dist/generated/meeting-validator.js', 'src/generated/meeting-validator-verbose.cjs', 'dist/generated/meeting-validator-verbose.cjs'], node('scripts/compile-schema.js'));
step('font tables', ['scripts/font-tables.js', ...lock], ['src/generated/font-tables.js', 'dist/generated/font-tables.js'], node('scripts/font-tables.js'));
step('hyphenation patterns', ['scripts/hyphenation-patterns.js', ...lock], ['src/generated/hyphenation.js', 'dist/generated/hyphenation.js'], node('scripts/hyphenation-patterns.js'));
step('messages', ['src/locale/messages', 'scripts/compile-messages.js', ...lock], ['src/generated/messages.js', 'dist/generated/messages.js'], node('scripts/compile-messages.js'));
step('tsc', ['src', 'tsconfig.json', ...lock], ['dist/.tsc.stamp'], () => execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { stdio: 'inherit', cwd: root }));
step('bundle', ['src', 'scripts/bundle.js', 'package.json', ...lock], ['dist/.bundle.stamp'], node('scripts/bundle.js'));
