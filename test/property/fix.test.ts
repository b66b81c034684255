/**
 * --fix on random annotations built from times, ratios, web addresses and domain
 * names, percentages, references and punctuation: the fixed text differs from the
 * original only inside the ranges that a check of the original reports, it
 * compiles, and it checks clean of what was fixed. PROPERTY_RUNS=2000 runs more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixSource } from '../../src/commands/fix.js';
import { checkSource } from '../../src/commands/check.js';
import { applyEdits } from '../../src/rules/apply-fixes.js';
import { exampleDefinition, standardItems } from '../../src/rules/example-definition.js';
import { changesOutside, manyItems, rangesOfDiagnostics } from '../rules/helpers.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

const TIMES = ['10:00', '3:15', '12:00', '9:30', '00:00', '24:00', '15:00-18:00', '10:00 - 13:00', '10 AM', '10am', '3 PM', '3 p.m.', '12 noon', '10.00 a.m.', '10:30 a.m.', '15 h', '3-6 p.m.', '10 a.m.-1 p.m.'];
const RATIOS = ['split 3:15', '3:15 votes', '1:2:3', 'by 12:3 votes', 'a majority of 2:1', '3:75', 'a vote of 3:15', 'the ratio of 3:15', 'was 3:15.'];
/** Never changed by a fix: each stands between spaces in the annotation. */
const ADDRESSES = ['https://www.unodc.org/10:00/percent', 'www.un.org/percent-tables', 'unodc.org/data/percent-tables', 'documents.un.org/15:00', 'un.org', 'http://x.org/a%20b?t=10:00', 'UNODC.ORG/percent', 'Unodc.Org/data/percent-tables', 'UN.ORG:8080/percent', 'https://x.org/percent?q=70percent'];
const PERCENT = ['70 percent', 'Percent', '70%', '70 %', 'per cent', 'percentage'];
const WORDS = ['the', 'meeting', 'opens', 'at', 'and', 'later', 'Article 5', 'paragraph 1(a)', '15-19 October', 'E/2001/28 - E/CN.7/2001/12', 'Item 3', 'e.g.', 'i.e.', 'No.12'];
const PUNCTUATION = ['.', ',', ';', ':', '(', ')', '!', '?', '..', '-', '–'];

const token = fc.oneof(
  fc.constantFrom(...TIMES),
  fc.constantFrom(...RATIOS).map((r) => ` ${r} `),
  fc.constantFrom(...ADDRESSES).map((a) => ` ${a} `),
  fc.constantFrom(...PERCENT),
  fc.constantFrom(...WORDS),
  fc.constantFrom(...PUNCTUATION),
);
const separator = fc.constantFrom(' ', ' ', ' ', '', '. ', ', ', '\n');
const annotation = fc
  .array(fc.tuple(token, separator), { minLength: 1, maxLength: 24 })
  .map((parts) => parts.map(([t, s]) => t + s).join('').split('\n').map((line) => line.trim()).filter(Boolean).join('\n'))
  .filter((text) => text.length > 0);

const definition = (text: string) =>
  exampleDefinition({ items: standardItems({ opening: `|\n${text.split('\n').map((line) => `          ${line}`).join('\n')}` }) });

const count = (text: string, needle: string) => text.split(needle).length - 1;
const NO_CONFIG = { diagnostics: [] };

describe('--fix on random annotations', () => {
  it(`changes only what a check of the original text names, and leaves nothing fixable (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(annotation, (text) => {
        const source = definition(text);
        const plan = fixSource('meeting.yaml', source, {}, NO_CONFIG);
        // The changes are all there is between the two texts...
        expect(applyEdits(source, plan.changes)).toBe(plan.text);
        // ... and each lies inside the range of a diagnostic that a check of the original
        // text reports on its own, not a range the fixer gives.
        const allowed = rangesOfDiagnostics(source, checkSource('meeting.yaml', source, {}, NO_CONFIG).diagnostics);
        expect(changesOutside(plan.changes, allowed)).toEqual([]);
        // Each applied fix is reported where its diagnostic was in the original text.
        const lines = source.split('\n');
        for (const a of plan.applied) {
          expect(lines.slice(0, a.line - 1).reduce((n, l) => n + l.length + 1, 0) + a.column - 1).toBe(a.start);
          if (a.pass === 1) expect(source.slice(a.start, a.end)).toContain(a.from);
        }
        // The result compiles and nothing fixable is left, unless a fix was refused (and said so).
        expect(plan.result.compiled.model).toBeDefined();
        if (!plan.skipped.length && plan.passes < 10) expect(plan.result.diagnostics.filter((d) => d.fix)).toEqual([]);
        // Web addresses, domain names and ratios are not times or "percent".
        for (const a of ADDRESSES) expect(count(plan.text, a)).toBe(count(source, a));
        for (const r of ['split 3:15', '3:15 votes', '1:2:3', '12:3 votes', 'of 2:1', 'vote of 3:15', 'ratio of 3:15', 'was 3:15.']) expect(count(plan.text, r)).toBe(count(source, r));
        // No full stop doubled, no space eaten.
        const runsOfStops = (t: string) => t.match(/\.{2,}/g)?.length ?? 0;
        expect(runsOfStops(plan.text)).toBeLessThanOrEqual(runsOfStops(source));
        expect(plan.text.match(/(?:[ap]\.m\.|noon)(?=[A-Za-z0-9])/g)?.length ?? 0).toBeLessThanOrEqual(source.match(/(?:[ap]\.m\.|[AaPp]\.?[Mm]\.?|noon|:\d\d)(?=[A-Za-z0-9])/g)?.length ?? 0);
      }),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 16) },
    );
  }, 120_000);
});

describe('--fix time', () => {
  // Timed, so only under npm run fuzz, with a generous bound: linear work takes about 4
  // times as long for 4 times the input; fixing by copying the text once per fix took 12.
  it.runIf(process.env.FUZZ_CASES)('grows linearly with the number of fixes: 2,000 items take less than 7 times as long as 500', () => {
    const time = (n: number) => {
      const source = manyItems(n);
      const t = performance.now();
      const plan = fixSource('meeting.yaml', source, {}, NO_CONFIG);
      expect(plan.applied).toHaveLength(3 * n);
      return performance.now() - t;
    };
    time(100); // warm-up
    const small = Math.min(time(500), time(500));
    const large = time(2000);
    console.log(`--fix of 2,000 items / 500 items: ${(large / small).toFixed(1)}`);
    expect(large / small).toBeLessThan(7);
  }, 120_000);
});
