import { describe, expect, it } from 'vitest';
import { insideBreaks, needsFullBreaking, opportunities, spaceHolds } from '../../src/typeset/break-opportunities.js';

/** Characters whose breaks insideBreaks decides from its own class table, and a few it must hand to the package. */
const DECIDED = [...'aZé9.,:;\'"-/()[]%', '\u00a0', '\u2018', '\u2019', '\u201c', '\u201d', '\u2013', '\u2014', 'ж', 'λ', 'Ş'];
const OTHER = ['!', '?', '}', '{', '&', '+', '…', '·', '$', '#'];

/** A small seeded generator: the same words on every run. */
function words(seed: number, count: number, alphabet: string[], maxLength: number): string[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * maxLength) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
}

describe('break opportunities (UAX #14)', () => {
  it('inside words: the class table decides as the linebreak package does, on every pair and on seeded random words', () => {
    const pairs = DECIDED.flatMap((a) => DECIDED.flatMap((b) => DECIDED.map((c) => a + b + c)));
    for (const w of [...pairs, ...words(17, 5000, [...DECIDED, ...OTHER], 12)]) {
      expect(insideBreaks(w), JSON.stringify(w)).toEqual(opportunities(w).filter((k) => k > 0));
    }
  });

  it('breaks after a hyphen, a dash or a slash before a letter, never inside a plain word or a number', () => {
    expect(insideBreaks('high-level')).toEqual([5]);
    expect(insideBreaks('and/or')).toEqual([4]);
    expect(insideBreaks('Parties’')).toEqual([]);
    expect(insideBreaks('2023-2025')).toEqual([]);
    expect(insideBreaks('e.g.')).toEqual([]);
    expect(insideBreaks('3(b)')).toEqual([]);
  });

  it('holds the space before closing punctuation and after an opening bracket, as the package does', () => {
    for (const text of ['word ; next', 'a ) b', 'a ( b', 'x ! y', 'go / stop', 'a b', 'a (b', 'a "b"', 'a – b']) {
      const at = text.indexOf(' ') + 1;
      expect(spaceHolds(text.charCodeAt(at - 2), text.charCodeAt(at)), text).toBe(!opportunities(text).includes(at));
    }
  });
});

describe('needsFullBreaking', () => {
  it('finds, on every UTF-16 code unit, the scripts written without spaces between words, and no others', () => {
    // The blocks, as ranges of code units: from U+0590 to the Latin extensions, CJK, Hangul,
    // Brahmic and compatibility blocks, and surrogates (every supplementary character).
    const ranges: [number, number][] = [[0x590, 0x1e00], [0x2e80, 0xa640], [0xa6a0, 0xa720], [0xa800, 0xfb00], [0xfb1d, 0xfe00], [0xfe10, 0xfe20], [0xfe30, 0xfff0]];
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const expected = ranges.some(([from, to]) => c >= from && c < to);
      if (needsFullBreaking(`ab ${String.fromCharCode(c)} cd`) !== expected) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(needsFullBreaking('Working Group on International Cooperation')).toBe(false);
    expect(needsFullBreaking('国际合作工作组')).toBe(true);
  });
});
