import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/reference.js';
import { mutate } from './mutate.js';
import { runCase } from './run-case.js';

const examples = readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.yaml'));
const regressions = join(repoRoot, 'test/fixtures/fuzz-regressions');
const CASES = Number(process.env.FUZZ_CASES ?? 60);

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

  it.each(readdirSync(regressions).filter((f) => f.endsWith('.yaml')))('regression %s still ends cleanly', async (name) => {
    const outcome = await runCase(readFileSync(join(regressions, name)));
    expect(outcome.crashed, outcome.output).toBe(false);
  });
});
