/**
 * Property: any definition built from the schema (mostly coherent, sometimes raw or off
 * the schema) is checked and built without an exception. A definition that compiles
 * without errors renders in Markdown, HTML and PDF, or gets the located diagnostic for
 * text the PDF font cannot draw. PROPERTY_RUNS=2000 runs more; PROPERTY_SEED=n other
 * definitions. The seed is fixed so that a run's tally is the same every time: at 15 runs
 * a random one reached the renderers only once in some runs, and failed the check below.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkSource } from '../../src/commands/check.js';
import { hasErrors } from '../../src/diagnostics/types.js';
import { FORMATS } from '../../src/core/formats.js';
import { renderAll } from '../../src/core/render-all.js';
import { getLocale } from '../../src/locale/index.js';
import { MEETING_SCHEMA, meetingDefinition } from './schema-arbitrary.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 15);
const ALL = [FORMATS.md!, FORMATS.html!, FORMATS.pdf!];

describe('arbitrary definitions built from the schema (property-based)', () => {
  it('are checked and built in all three formats, or give located diagnostics, never an exception', async () => {
    const tally = { refused: 0, built: 0, undrawable: 0 };
    await fc.assert(
      fc.asyncProperty(meetingDefinition, fc.boolean(), async ({ def, kind }, flowStyle) => {
        const yaml = stringify(def, flowStyle ? { collectionStyle: 'flow', lineWidth: 0 } : {});
        const result = checkSource('meeting.yaml', yaml, {}, { diagnostics: [] });
        for (const d of result.diagnostics) {
          expect(d.line, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
          expect(d.column, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
          expect(d.message.length, JSON.stringify(d)).toBeGreaterThan(5);
        }
        // A rule that throws is caught and reported as internal-rule: that is a bug all the same.
        expect(result.diagnostics.filter((d) => d.code === 'internal-rule')).toEqual([]);
        const { model, loaded } = result.compiled;
        if (kind === 'off-schema' && !model) expect(hasErrors(result.diagnostics)).toBe(true);
        if (!model) {
          expect(hasErrors(result.compiled.diagnostics), 'no model without an error').toBe(true);
          tally.refused++;
          return;
        }
        const outcome = await renderAll(model, ALL, 'meeting.yaml', loaded.locator);
        if (kind === 'undrawable') expect(outcome.ok, 'a character Tinos lacks, in the body').toBe(false);
        if (outcome.ok) {
          expect(outcome.outputs).toHaveLength(3);
          // The masthead's first words, in the document's language.
          expect(String(outcome.outputs[0]).split('\\\n')[0]).toBe(getLocale(model.lang)!.messages.format('unitedNations'));
          expect(outcome.outputs[1]).toMatch(/^<!DOCTYPE html>/);
          expect(Buffer.from(outcome.outputs[2] as Uint8Array).subarray(0, 5).toString()).toBe('%PDF-');
          tally.built++;
        } else {
          // A character Tinos lacks, or a symbol (of up to 60 characters here) too wide for the masthead.
          expect(['unsupported-character', 'symbol-too-wide', 'masthead-too-long']).toContain(outcome.diagnostic.code);
          expect(outcome.diagnostic.message).toMatch(/^pdf: /);
          expect(outcome.diagnostic.line).toBeGreaterThanOrEqual(1);
          tally.undrawable++;
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 23) },
    );
    if (process.env.PROPERTY_RUNS) console.log(tally);
    // The arbitrary must reach the renderers, not only the validator.
    expect(tally.built, JSON.stringify(tally)).toBeGreaterThan(RUNS / 8);
  }, 120_000);

  it('the arbitrary reads the schema: it knows every top-level field', () => {
    expect(Object.keys(MEETING_SCHEMA.properties!)).toEqual(expect.arrayContaining(['document', 'body', 'meeting', 'items', 'footnotes', 'organization_of_work']));
  });
});
