import { describe, expect, it } from 'vitest';
import { tableMetrics } from '../../src/typeset/fonts.js';
import { breakLines, plainPieces } from '../../src/typeset/line-breaker.js';

describe('line breaking of words wider than the measure', () => {
  it('breaks a web address whose part between slashes is itself wider than the measure, losing no character', () => {
    const fonts = tableMetrics();
    const text = `see www.example.org/${'abcdefghij'.repeat(12)}/end and more`;
    const measure = 60;
    const lines = breakLines(plainPieces(text, 'regular', 9, fonts), [measure], fonts, false);
    for (const l of lines) expect(l.width, l.pieces.map((p) => p.text).join('|')).toBeLessThanOrEqual(measure + 0.01);
    expect(lines.flatMap((l) => l.pieces.map((p) => `${p.before === 'space' ? ' ' : ''}${p.text}`)).join('')).toBe(text);
  });
});
