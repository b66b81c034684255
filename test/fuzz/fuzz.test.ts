import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/reference.js';
import { mutate, sprinkleFixable } from './mutate.js';
import { fixCase, runCase } from './run-case.js';
import { translationName } from '../../src/translate/load.js';

const examples = readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.yaml') && !translationName(f));
const regressions = join(repoRoot, 'test/fixtures/fuzz-regressions');
const CASES = Number(process.env.FUZZ_CASES ?? 10);
/** --fix on every fuzzed definition under npm run fuzz; on the first 20 in npm test. */
const FIX_CASES = Number(process.env.FUZZ_CASES ?? 20);

describe('mutation fuzzing: every case ends with exit 0, 1 or 2 and a message, never a crash', () => {
  it.each(examples)(`${CASES} mutations of %s`, async (name) => {
    const source = readFileSync(join(repoRoot, 'examples', name), 'utf8');
    const failures: string[] = [];
    for (let seed = 1; seed <= CASES; seed++) {
      const input = mutate(source, seed * 7919 + name.length);
      const outcome = await runCase(input);
      if (outcome.code !== 0 && !outcome.output.trim()) failures.push(`seed ${seed}: exit ${outcome.code} without a message`);
      if (outcome.crashed) {
        const saved = join(regressions, `${name.replace(/\.yaml$/, '')}-${seed}.yaml`);
        writeFileSync(saved, input);
        failures.push(`seed ${seed}: ${outcome.output.split('\n')[0]} (saved as ${saved})`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it.each(examples)(`--fix on ${FIX_CASES} mutations of %s: the fixed file compiles and keeps every character outside the fixed ranges`, async (name) => {
    const source = readFileSync(join(repoRoot, 'examples', name), 'utf8');
    const failures: string[] = [];
    let applied = 0;
    for (let seed = 1; seed <= FIX_CASES; seed++) {
      const input = sprinkleFixable(mutate(source, seed * 7919 + name.length), seed);
      const outcome = await fixCase(input);
      applied += outcome.applied;
      if (outcome.problems.length) {
        const saved = join(regressions, `${name.replace(/\.yaml$/, '')}-fix-${seed}.yaml`);
        writeFileSync(saved, input);
        failures.push(`seed ${seed}: ${outcome.problems.join('; ')} (saved as ${saved})`);
      }
    }
    expect(failures).toEqual([]);
    if (process.env.FUZZ_CASES) console.log(`${name}: ${applied} fixes applied in ${FIX_CASES} cases`);
    expect(applied).toBeGreaterThan(0); // the cases do exercise the fixes
  }, 120_000);

  it.each(readdirSync(regressions).filter((f) => f.endsWith('.yaml')))('regression %s still ends cleanly', async (name) => {
    const input = readFileSync(join(regressions, name));
    const outcome = await runCase(input);
    expect(outcome.crashed, outcome.output).toBe(false);
    // Saved by the --fix cases: --fix keeps every character outside what a check of it names.
    if (name.includes('-fix-')) expect((await fixCase(input.toString('utf8'))).problems).toEqual([]);
  });
});
