import { describe, expect, it } from 'vitest';
import { tableMetrics } from '../../src/typeset/fonts.js';
import { fontChain, fontChainOf } from '../../src/typeset/fonts.js';
import { breakLines, plainPieces, toPieces } from '../../src/typeset/line-breaker.js';

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

describe('line breaking after UAX #14', () => {
  const fonts = tableMetrics();
  const text = (lines: ReturnType<typeof breakLines>) => lines.map((l) => l.pieces.map((p) => `${p.before === 'space' || p.before === 'glue' ? ' ' : ''}${p.text}`).join('').trim());
  const widthOf = (s: string) => fonts.width('regular', 10, s);

  it('breaks a hyphenated word that does not fit after its hyphen, and keeps every character', () => {
    // The word fits on a line of its own, but not at the end of this one: its head stays.
    const source = 'the high-level talk';
    const measure = widthOf('the high-level') - 1;
    expect(widthOf('high-level')).toBeLessThan(measure);
    const lines = breakLines(plainPieces(source, 'regular', 10, fonts), [measure], fonts, false);
    expect(text(lines)).toEqual(['the high-', 'level talk']);
    // Also when the word is wider than the whole measure: at its hyphen, not between letters.
    expect(text(breakLines(plainPieces('multi-stakeholder', 'regular', 10, fonts), [widthOf('stakeholder') + 1], fonts, false))).toEqual(['multi-', 'stakeholder']);
    expect(lines[0]!.end).toBe('soft');
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(measure + 0.01);
  });

  it('never breaks inside a number range or a document symbol', () => {
    const measure = widthOf('years 2023-') + 1;
    expect(text(breakLines(plainPieces('years 2023-2025', 'regular', 10, fonts), [measure], fonts, false))).toEqual(['years', '2023-2025']);
    const pieces = toPieces([{ type: 'text', value: 'see ' }, { type: 'symbol', value: 'E/CN.15/2024/9' }], { face: 'regular', size: 10, markerSize: 6, markerRise: 3.6 }, fonts);
    expect(text(breakLines(pieces, [widthOf('E/CN.15/2024/9') + 1], fonts, false))).toEqual(['see', 'E/CN.15/2024/9']);
  });

  it('does not break at a space before a semicolon or closing bracket, nor after an opening one', () => {
    const source = 'alpha ; beta ( gamma )';
    const pieces = plainPieces(source, 'regular', 10, fonts);
    expect(pieces.map((p) => p.before)).toEqual(['none', 'glue', 'space', 'space', 'glue', 'glue']);
    // A measure that holds one group at a time: the held spaces stay inside their group.
    const narrow = Math.max(widthOf('alpha ;'), widthOf('( gamma )')) + 1;
    expect(text(breakLines(pieces, [narrow], fonts, false))).toEqual(['alpha ;', 'beta', '( gamma )']);
    // A group wider than the whole measure breaks at its held space rather than run past it.
    const tight = widthOf('mmmm') + 1;
    const forced = breakLines(plainPieces('mmmm ;', 'regular', 10, fonts), [tight], fonts, false);
    expect(text(forced)).toEqual(['mmmm', ';']);
    for (const l of forced) expect(l.width).toBeLessThanOrEqual(tight);
    // Justification widens held spaces like the others.
    const lines = breakLines(pieces, [widthOf('alpha ; beta') + 20], fonts, true);
    expect(lines[0]!.spaces.at(-1)).toBe(2);
  });

  it('breaks text without spaces between words (Chinese) between its characters, one font family per piece', () => {
    const chain = fontChain({ Latin: 'Tinos', Common: 'Tinos', Han: 'Noto Serif SC' }, 'Tinos');
    const metrics = { width: (_f: string, size: number, s: string) => [...s].length * size, ascent: (size: number) => size };
    const pieces = toPieces([{ type: 'text', value: '会议议程 A' }], { face: 'regular', size: 10, markerSize: 6, markerRise: 3.6 }, metrics, chain);
    expect(pieces.map((p) => [p.text, p.before, p.style.font])).toEqual([
      ['会', 'none', 'Noto Serif SC'],
      ['议', 'soft', 'Noto Serif SC'],
      ['议', 'soft', 'Noto Serif SC'],
      ['程', 'soft', 'Noto Serif SC'],
      ['A', 'space', 'Tinos'],
    ]);
    expect(breakLines(pieces, [25], metrics, false).map((l) => l.pieces.map((p) => p.text).join(''))).toEqual(['会议', '议程', 'A']);
  });
});

describe("the document's font chain", () => {
  it("comes from the locale's fonts by script: the main family also sets common characters and scripts it does not name, but Latin, Greek and Cyrillic stay in Tinos beside Arabic or Chinese", () => {
    const chain = fontChainOf([
      { script: 'Latn', family: 'Tinos' },
      { script: 'Arab', family: 'Amiri' },
      { script: 'Hans', family: 'Noto Serif SC' },
    ]);
    expect([chain.family('Latin'), chain.family('Arabic'), chain.family('Han'), chain.family('Common'), chain.family('Cyrillic')]).toEqual(['Tinos', 'Amiri', 'Noto Serif SC', 'Tinos', 'Tinos']);
    const arabic = fontChainOf([{ script: 'Arab', family: 'Amiri' }]);
    expect([arabic.family('Arabic'), arabic.family('Common'), arabic.family('Latin')]).toEqual(['Amiri', 'Amiri', 'Tinos']);
    const chinese = fontChainOf([{ script: 'Hans', family: 'Noto Serif SC' }]);
    expect([chinese.family('Han'), chinese.family('Common'), chinese.family('Cyrillic')]).toEqual(['Noto Serif SC', 'Noto Serif SC', 'Tinos']);
    const other = fontChainOf([{ script: 'Grek', family: 'Other' }]);
    expect(other.family('Latin')).toBe('Other');
  });

  it('sets digits and punctuation in the family of the letters beside them', () => {
    const metrics = tableMetrics();
    // Widths from the tables (Tinos) whatever the family: only the families are compared.
    const chain = fontChainOf([{ script: 'Hans', family: 'CJK' }]);
    const fonts = { ...metrics, width: () => 5, chain };
    const pieces = toPieces([{ type: 'text', value: '2023年9月 A/78/150 42' }], { face: 'regular', size: 10, markerSize: 6, markerRise: 3 }, fonts);
    expect(pieces.map((p) => [p.text, p.style.font])).toEqual([
      ['2023', 'CJK'],
      ['年', 'CJK'],
      ['9', 'CJK'],
      ['月', 'CJK'],
      ['A/78/150', 'Tinos'],
      ['42', 'CJK'],
    ]);
  });

  it('sets each piece in the family the metrics name for its script', () => {
    const metrics = tableMetrics();
    const chain = fontChainOf([{ script: 'Latn', family: 'Tinos' }, { script: 'Cyrl', family: 'Other' }]);
    const pieces = toPieces([{ type: 'text', value: 'Agenda повестка' }], { face: 'regular', size: 10, markerSize: 6, markerRise: 3 }, { ...metrics, chain });
    expect(pieces.map((p) => [p.text, p.style.font])).toEqual([['Agenda', 'Tinos'], ['повестка', 'Other']]);
  });
});
