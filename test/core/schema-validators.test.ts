/**
 * The schema has two compiled validators (scripts/compile-schema.js): a small one that says
 * whether a definition is valid, run on every check, and one that lists every error, loaded
 * for invalid definitions only. They must agree on every definition, or a check would pass
 * an invalid one or report an error with nothing to say.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/generated/meeting-validator.js';
import { generateMeeting } from '../../bench/generate.js';
import { repoRoot } from '../helpers/reference.js';
import { translationName } from '../../src/translate/load.js';

const verbose = createRequire(import.meta.url)('../../src/generated/meeting-validator-verbose.cjs') as ValidateFunction;

/** Definitions worth comparing: the examples, generated meetings, and each with one value broken. */
function definitions(): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const f of readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.yaml') && !translationName(f))) out.push([f, parse(readFileSync(join(repoRoot, 'examples', f), 'utf8'))]);
  for (let i = 0; i < 20; i++) out.push([`generated ${i}`, parse(generateMeeting(i))]);
  const broken: [string, unknown][] = [];
  for (const [name, data] of out) {
    const d = data as { document: Record<string, unknown>; items: Record<string, unknown>[] };
    broken.push([`${name}, symbol a number`, { ...d, document: { ...d.document, symbol: 12 } }]);
    broken.push([`${name}, an unknown key`, { ...d, colour: 'blue' }]);
    broken.push([`${name}, an item without title`, { ...d, items: [{ ...d.items[0], title: undefined }, ...d.items.slice(1)] }]);
    broken.push([`${name}, no items`, { ...d, items: [] }]);
  }
  return [...out, ...broken];
}

describe('the two compiled validators of the schema', () => {
  it('agree on every example, generated meeting and broken copy of them', () => {
    const cases = definitions();
    let invalid = 0;
    for (const [name, data] of cases) {
      const ok = validate(JSON.parse(JSON.stringify(data)));
      expect(verbose(JSON.parse(JSON.stringify(data))), name).toBe(ok);
      if (!ok) {
        invalid++;
        expect(verbose.errors?.length, name).toBeGreaterThan(0);
      }
    }
    // Every broken copy is invalid; every original is valid.
    expect(invalid).toBe((cases.length * 4) / 5);
  });
});
