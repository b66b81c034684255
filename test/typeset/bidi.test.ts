import { describe, expect, it } from 'vitest';
import { bidiPieces, mirrored, paragraphLevel, visualLine } from '../../src/typeset/bidi.js';
import { fontChainOf, tableMetrics, type FontMetrics } from '../../src/typeset/fonts.js';
import { breakLines, toPieces } from '../../src/typeset/line-breaker.js';
import { mirrorMark } from '../../src/typeset/mirror.js';
import { PAGE } from '../../src/typeset/geometry.js';

/** Metrics where every character is 5 points wide (a space too): the order and offsets are easy to read. */
const metrics: FontMetrics = { ...tableMetrics(), width: (_face, _size, text) => 5 * [...text].length, chain: fontChainOf([{ script: 'Arab', family: 'Amiri' }]), direction: 'rtl' };
const base = { face: 'regular' as const, size: 10, markerSize: 6, markerRise: 3 };
const lineOf = (text: string, measure = 1e6, direction: 'document' | 'auto' = 'document') => breakLines(toPieces([{ type: 'text', value: text }], base, metrics), [measure], metrics, false, undefined, direction);

describe('the paragraph direction', () => {
  it('is that of the first strong letter, right to left without any', () => {
    expect(paragraphLevel('المسائل التنظيمية')).toBe(1);
    expect(paragraphLevel('Distr.: General')).toBe(0);
    expect(paragraphLevel('A/78/150 الوثيقة')).toBe(0);
    expect(paragraphLevel('2023 (أ)')).toBe(1);
    expect(paragraphLevel('2/3')).toBe(1);
  });
});

describe('bidi levels and visual order', () => {
  it('gives Arabic words level 1 and numbers and symbols level 2, splitting a piece where the level changes', () => {
    const { pieces, level } = bidiPieces(toPieces([{ type: 'text', value: 'المادة 27، الوثيقة A/78/150.' }], base, metrics), metrics);
    expect(level).toBe(1);
    expect(pieces.map((p) => [p.text, p.style.level])).toEqual([
      ['المادة', 1],
      ['27', 2],
      ['،', 1],
      ['الوثيقة', 1],
      ['A/78/150', 2],
      ['.', 1],
    ]);
  });

  it('sets the runs of a right-to-left line from the right, numbers and symbols left to right', () => {
    const [line] = lineOf('فيينا، 11 و 12 أيلول/سبتمبر 2023');
    expect(line!.direction).toBe('rtl');
    // "أيلول/سبتمبر" is two pieces (UAX #14 allows a break after the slash), the first on the right.
    expect(line!.pieces.map((p) => p.text)).toEqual(['2023', 'سبتمبر', 'أيلول/', '12', 'و', '11', 'فيينا،']);
    // Each piece follows the one to its left after its width and, between words, one space (5 points each character).
    expect(line!.xs).toEqual([0, 25, 55, 90, 105, 115, 130]);
    expect(line!.extent).toBe(160);
    expect(line!.logical).toBe('فيينا، 11 و 12 أيلول/سبتمبر 2023');
  });

  it('keeps a run of numbers in left-to-right order inside right-to-left text', () => {
    const [line] = lineOf('من 10:00 إلى 13:00 و 15:00');
    expect(line!.pieces.map((p) => p.text)).toEqual(['15:00', 'و', '13:00', 'إلى', '10:00', 'من']);
    const [mixed] = lineOf('الوثائق A/78/150 و A/78/151');
    // A left-to-right run of several words ("A/78/150 و A/78/151" is not one: و is Arabic).
    expect(mixed!.pieces.map((p) => p.text)).toEqual(['A/78/151', 'و', 'A/78/150', 'الوثائق']);
    const [english] = lineOf('تقرير Working Group on Cooperation');
    expect(english!.pieces.map((p) => p.text)).toEqual(['Working', 'Group', 'on', 'Cooperation', 'تقرير']);
  });

  it('leaves a left-to-right line of the masthead (its direction from its letters) without right-to-left text as it was', () => {
    const [line] = lineOf('Distr.: General', 1e6, 'auto');
    expect(line!.direction).toBeUndefined();
    expect(line!.logical).toBeUndefined();
    expect(line!.pieces.map((p) => p.text)).toEqual(['Distr.:', 'General']);
  });

  it("sets the document's own paragraphs right to left, even one that opens with a Latin word or an address", () => {
    const [line] = lineOf('UNODC هو المكتب', 1e6);
    expect(line!.direction).toBe('rtl');
    // Visual order, left to right: the Arabic words, then "UNODC" at the right, where the paragraph starts.
    expect(line!.pieces.map((p) => p.text)).toEqual(['المكتب', 'هو', 'UNODC']);
    const [url] = lineOf('www.unodc.org/unodc.', 1e6);
    expect(url!.direction).toBe('rtl');
  });

  it('breaks in logical order: the first words of the paragraph are on the first line', () => {
    const lines = lineOf('الاجتماع الرابع عشر للفريق العامل المعني بالتعاون الدولي', 100);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]!.logical!.startsWith('الاجتماع الرابع')).toBe(true);
    expect(lines[0]!.pieces[lines[0]!.pieces.length - 1]!.text).toBe('الاجتماع');
  });

  it('mirrors brackets on a right-to-left level only', () => {
    expect(mirrored('(أ)', 1)).toBe(')أ(');
    expect(mirrored('(a)', 2)).toBe('(a)');
  });
});

describe('the mirrored page', () => {
  it('sets a right-to-left line flush with the mirrored box and a left-to-right one at its box start', () => {
    const [rtl] = lineOf('المسائل التنظيمية', 200);
    const m = mirrorMark({ kind: 'line', line: rtl!, x: 100, y: 0, target: 'artifact' }, metrics);
    // Its right edge where the left-to-right box started, mirrored.
    expect(m.kind === 'line' && m.x + rtl!.extent!).toBe(PAGE.width - 100);
    const [ltr] = lineOf('Distr.: General', 200, 'auto');
    const l = mirrorMark({ kind: 'line', line: ltr!, x: 100, y: 0, target: 'artifact' }, metrics);
    expect(l.kind === 'line' && l.x).toBe(PAGE.width - 100 - 200);
    expect(mirrorMark({ kind: 'rule', x1: 50, x2: 150, y: 0, width: 1 }, metrics)).toEqual({ kind: 'rule', x1: PAGE.width - 150, x2: PAGE.width - 50, y: 0, width: 1 });
  });
});
