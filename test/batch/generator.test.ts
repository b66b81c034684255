import { describe, expect, it } from 'vitest';
import { generateMeeting } from '../../bench/generate.js';
import { checkSource } from '../../src/commands/check.js';

describe('the benchmark generator', () => {
  it('writes meetings that check clean, as a secretariat’s archive would (no diagnostic to carry through the batch)', () => {
    for (let seed = 0; seed < 40; seed++) {
      const result = checkSource(`m${seed}.yaml`, generateMeeting(seed), {}, { diagnostics: [] });
      expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`), `seed ${seed}`).toEqual([]);
    }
  });

  it('gives the same text for the same seed, and different meetings for different seeds', () => {
    expect(generateMeeting(7)).toBe(generateMeeting(7));
    expect(generateMeeting(7)).not.toBe(generateMeeting(8));
  });
});
