import { describe, expect, it } from 'vitest';
import { fontChainOf, tableMetrics, type FontMetrics } from '../../src/typeset/fonts.js';
import { breakLines, toPieces } from '../../src/typeset/line-breaker.js';

/** Every character 10 points wide: a measure of 10n holds n characters. */
const metrics: FontMetrics = { ...tableMetrics(), width: (_face, _size, text) => 10 * [...text].length, chain: fontChainOf([{ script: 'Hans', family: 'Noto Serif SC' }]) };
const base = { face: 'regular' as const, size: 10, markerSize: 6, markerRise: 3 };

const TEXT =
  '本文件附件所载拟议工作安排（见A/78/150号文件）的编写目的是使工作组能够在所分配的时间内，并根据向其提供的会议服务履行其规定的职能。工作组可利用的资源将允许举行四次全体会议；口译服务包括阿拉伯文、中文、英文、法文、俄文和西班牙文：（a）（b）（c）。';

/** No line starts with these (the UN's rules for Chinese, as UAX #14's classes CL, CP, IS and NS give them). */
const NO_START = ['，', '。', '）', '、', '；', '：'];
/** No line ends with these. */
const NO_END = ['（', '《'];

describe('Chinese line breaking', () => {
  for (const justify of [false, true]) {
    it(`keeps punctuation off the start of a line and "（" off its end, at every measure (${justify ? 'justified' : 'ragged'})`, () => {
      const pieces = toPieces([{ type: 'text', value: TEXT }], base, metrics);
      for (let n = 4; n <= 40; n++) {
        const lines = breakLines(pieces, [n * 10], metrics, justify);
        const texts = lines.map((l) => l.pieces.map((p) => p.text).join(''));
        expect(texts.join('')).toBe(TEXT);
        for (const [k, t] of texts.entries()) {
          if (k > 0) expect(NO_START, `line ${k + 1} at ${n} characters: ${t}`).not.toContain(t[0]);
          if (k < texts.length - 1) expect(NO_END, `line ${k + 1} at ${n} characters: ${t}`).not.toContain(t[t.length - 1]);
          // A line holds no more than its measure.
          expect(lines[k]!.width).toBeLessThanOrEqual(n * 10 + 0.01);
        }
      }
    });
  }

  it('justifies by spreading the room between ideographs, never by a hyphen, and leaves the last line ragged', () => {
    // 10.5 points a character: a measure of 205 leaves room at the end of most lines.
    const wide: FontMetrics = { ...metrics, width: (_face, _size, text) => 10.5 * [...text].length };
    const lines = breakLines(toPieces([{ type: 'text', value: TEXT }], base, wide), [205], wide, true);
    expect(lines.length).toBeGreaterThan(3);
    let spread = 0;
    for (const [k, l] of lines.entries()) {
      expect(l.end).not.toBe('hyphen');
      const n = l.pieces.length - 1;
      const right = l.xs[n]! + l.stretch * l.spaces[n]! + l.pieces[n]!.width;
      if (k === lines.length - 1) expect(l.stretch).toBe(0);
      else if (l.stretch > 0) {
        spread++;
        expect(right).toBeCloseTo(205, 6);
        // At most a quarter of an em between two characters.
        expect(l.stretch).toBeLessThanOrEqual(2.5);
      }
    }
    expect(spread).toBeGreaterThan(2);
  });
});
