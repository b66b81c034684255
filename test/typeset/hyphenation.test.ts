// Hyphenation of justified text: which words take a hyphen and where, how the lines carry
// it, and the end mark under the last line, on text of our own and on every example.
import { translationName } from '../../src/translate/load.js';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { random } from '../../bench/generate.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model.js';
import { END_MARK, PAGE } from '../../src/typeset/geometry.js';
import { breaks, hyphenatorFor, MIN_AFTER, MIN_BEFORE, MIN_WORD, patternSet } from '../../src/typeset/hyphenation.js';
import { tableMetrics, typeset, type Line, type LineMark, type Placed, type TypesetDocument } from '../../src/typeset/index.js';
import { breakLines, spaceWidth, toPieces } from '../../src/typeset/line-breaker.js';
import { repoRoot } from '../helpers/reference.js';
import { modelOf } from '../pdf/helpers.js';

const fonts = tableMetrics();
const en = hyphenatorFor('en')!;
const base = { face: 'regular' as const, size: 10, markerSize: 6, markerRise: 3.6 };
/** A line's text as read: pieces joined by their spaces, and its added hyphen. */
const text = (l: Line) => l.pieces.map((p, k) => (k > 0 && (p.before === 'space' || p.before === 'glue') ? ' ' : '') + p.text).join('') + (l.end === 'hyphen' ? '-' : '');
/** The lines read as one text: words hyphenated at a line's end joined again. */
const joined = (lines: Line[]) => lines.map((l) => (l.end === 'hyphen' ? text(l).slice(0, -1) : l.end === 'soft' ? text(l) : `${text(l)} `)).join('').trim();

describe('which words are hyphenated, and where', () => {
  it('breaks every word where the hyphen package does, with its patterns and exceptions', () => {
    const hyphenateSync = createRequire(import.meta.url)('hyphen/en-gb').hyphenateSync as (text: string, options: object) => string;
    const byPackage = (word: string) => hyphenateSync(word, { hyphenChar: '|', minWordLength: MIN_WORD }).split('|').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('').length);
    const patterns = patternSet('hyphen/patterns/en-gb.js');
    const words = new Set<string>(Object.keys(patterns.exceptions ?? {}));
    expect(words.size).toBeGreaterThan(0);
    for (const f of readdirSync(join(repoRoot, 'examples'))) for (const w of readFileSync(join(repoRoot, 'examples', f), 'utf8').toLowerCase().match(/[a-z]{6,}/g) ?? []) words.add(w);
    const next = random(31);
    const letters = 'eeeeaaaiiooonnrrssttlcdumphgbfywkvxzjq';
    for (let n = 0; n < 20_000; n++) {
      let w = '';
      for (let k = 6 + Math.floor(next() * 14); k > 0; k--) w += letters[Math.floor(next() * letters.length)];
      words.add(w);
    }
    expect(words.size).toBeGreaterThan(20_000);
    for (const word of words) expect(breaks(word, patterns), word).toEqual(byPackage(word));
  });

  it('breaks plain lower-case words by the British patterns, keeping two letters before the hyphen and three after', () => {
    expect(en.points('implementation')).toEqual([2, 5, 9, 10]); // im-ple-ment-a-tion
    expect(en.points('cooperation')).toEqual([2, 6, 7]); // co-oper-a-tion
    for (const word of ['international', 'representatives', 'consideration', 'recommendations', 'functioning']) {
      const points = en.points(word);
      expect(points.length, word).toBeGreaterThan(0);
      for (const p of points) {
        expect(p).toBeGreaterThanOrEqual(MIN_BEFORE);
        expect(word.length - p).toBeGreaterThanOrEqual(MIN_AFTER);
      }
    }
  });

  it('finds the word inside its punctuation', () => {
    expect(en.points('(implementation),')).toEqual([3, 6, 10, 11]);
    expect(en.points('“cooperation”;')).toEqual([3, 7, 8]);
  });

  it('never breaks names, acronyms, numbers, dates, addresses, compounds, contractions or short words', () => {
    for (const word of ['Implementation', 'Conference', 'UNODC', 'iPhone', '2023', '11th', '2023-2025', 'www.unodc.org', 'unodc.org/unodc', 'someone@example.org', 'high-level', 'thirty-third', 'doesn’t', 'rôle', 'table', 'agenda'.slice(0, MIN_WORD - 1)]) {
      expect(en.points(word), word).toEqual([]);
    }
  });

  it('has patterns for English only: text in other languages is never hyphenated', () => {
    expect(hyphenatorFor('en-GB')).toBe(en);
    expect(hyphenatorFor('fr')).toBeUndefined();
  });
});

describe('hyphenated lines', () => {
  /** Long lower-case words in a narrow measure: spaces would gape without hyphens. */
  const long = 'the implementation of international cooperation requires consideration of recommendations concerning representatives and the functioning of mechanisms established notwithstanding difficulties encountered internationally';

  it('end with a hyphen drawn in their width, the rest of the word starting the next line, no character lost', () => {
    const measure = 300;
    const lines = breakLines(toPieces([{ type: 'text', value: long }], base, fonts), [measure], fonts, true, en);
    const hyphenated = lines.filter((l) => l.end === 'hyphen');
    expect(hyphenated.length).toBeGreaterThan(0);
    expect(joined(lines)).toBe(long);
    for (const l of lines.slice(0, -1)) expect(l.width + l.stretch * l.spaces.at(-1)!).toBeCloseTo(measure, 6);
    for (const l of hyphenated) {
      const last = l.pieces.at(-1)!;
      expect(l.width).toBeCloseTo(l.xs.at(-1)! + last.width + fonts.width('regular', 10, '-'), 6);
      expect(last.text).toMatch(/^[a-z]{2,}$/);
    }
  });

  it('are never more than two in a row', () => {
    // Measures from narrow to wide: some set three hyphens in a row were it allowed.
    let hyphens = 0;
    for (let measure = 90; measure <= 200; measure += 2.5) {
      const lines = breakLines(toPieces([{ type: 'text', value: long }], base, fonts), [measure], fonts, true, en);
      let run = 0;
      for (const l of lines) {
        run = l.end === 'hyphen' ? run + 1 : 0;
        hyphens += l.end === 'hyphen' ? 1 : 0;
        expect(run, `measure ${measure}`).toBeLessThanOrEqual(2);
      }
    }
    expect(hyphens).toBeGreaterThan(20);
  });

  it('are not made when the paragraph sets well without them', () => {
    const easy = 'The meeting will be opened on Monday at ten in the morning, and the officers will be elected before noon on that day.';
    const lines = breakLines(toPieces([{ type: 'text', value: easy }], base, fonts), [250], fonts, true, en);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.filter((l) => l.end === 'hyphen')).toEqual([]);
  });

  it('never break a document symbol, a link or a word joined to another piece, and only with a hyphenator', () => {
    const nodes: Inline[] = [];
    for (let i = 0; i < 6; i++) {
      nodes.push({ type: 'text', value: 'documentation considerations ' });
      nodes.push({ type: 'link', url: 'https://example.org', children: [{ type: 'text', value: 'interpretation' }] });
      nodes.push({ type: 'text', value: ' recommendations ' });
      nodes.push({ type: 'emphasis', children: [{ type: 'text', value: 'inter' }] });
      nodes.push({ type: 'text', value: 'nationally ' });
      nodes.push({ type: 'symbol', value: 'CTOC/COP/WG.3/2023/1' });
      nodes.push({ type: 'text', value: ' ' });
    }
    for (let measure = 100; measure <= 160; measure += 5) {
      const lines = breakLines(toPieces(nodes, base, fonts), [measure], fonts, true, en);
      for (const l of lines.filter((x) => x.end === 'hyphen')) {
        const last = l.pieces.at(-1)!;
        expect(last.style.link).toBeUndefined();
        expect(last.whole).toBeUndefined();
        expect(['documentation', 'considerations', 'recommendations'].some((w) => w.includes(last.text)), last.text).toBe(true);
      }
      expect(breakLines(toPieces(nodes, base, fonts), [measure], fonts, true).some((l) => l.end === 'hyphen')).toBe(false);
    }
  });
});

const sources = [...readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.yaml') && !translationName(f)).map((f) => `examples/${f}`), 'test/fixtures/long-meeting.yaml'];
const typesetOf = (source: string) => typeset(modelOf(source), fonts);
const lineMarks = (p: Placed) => p.unit.marks.filter((m): m is LineMark => m.kind === 'line');

describe.each(sources)('%s', (source) => {
  const out: TypesetDocument = typesetOf(source);

  it('never divides a word across two pages: no page’s body ends with a hyphenated line', () => {
    for (const page of out.pages) {
      const lines = page.body.flatMap(lineMarks);
      expect(lines.at(-1)?.line.end).not.toBe('hyphen');
    }
  });

  it('hyphenates only plain lower-case words, never more than two lines in a row of a block', () => {
    const byBlock = new Map<unknown, Line[]>();
    for (const page of out.pages) for (const p of [...page.body.filter((b) => !b.repeated), ...page.foot]) for (const m of lineMarks(p)) byBlock.set(m.target, [...(byBlock.get(m.target) ?? []), m.line]);
    for (const lines of byBlock.values()) {
      let run = 0;
      lines.forEach((l, k) => {
        run = l.end === 'hyphen' ? run + 1 : 0;
        expect(run).toBeLessThanOrEqual(2);
        if (l.end !== 'hyphen') return;
        const head = l.pieces.at(-1)!.text.replace(/^[([“‘"']+/, '');
        const tail = lines[k + 1]!.pieces[0]!.text.replace(/[.,;:!?)\]”’"']+$/, '');
        expect(`${head}${tail}`).toMatch(/^[a-z]+$/);
        expect(head.length).toBeGreaterThanOrEqual(MIN_BEFORE);
        expect(tail.length).toBeGreaterThanOrEqual(MIN_AFTER);
      });
    }
  });

  it('ends with the end mark: a short rule centred under the last line, on the same page', () => {
    const last = out.pages.at(-1)!;
    const mark = last.body.at(-1)!;
    expect(mark.unit.marks).toEqual([{ kind: 'rule', x1: END_MARK.x1, x2: END_MARK.x2, y: END_MARK.weight / 2, width: END_MARK.weight }]);
    expect((END_MARK.x1 + END_MARK.x2) / 2).toBeCloseTo(PAGE.width / 2, 6);
    expect(END_MARK.x2 - END_MARK.x1).toBeCloseTo(35 * (72 / 25.4), 6);
    const before = last.body.at(-2)!;
    expect(lineMarks(before).length).toBeGreaterThan(0);
    expect(mark.top).toBeCloseTo(before.top + before.unit.height + END_MARK.before, 6);
    // The only end mark of the document.
    const rules = out.pages.flatMap((p) => p.body.filter((b) => b.unit.marks.some((m) => m.kind === 'rule' && m.x1 === END_MARK.x1 && m.x2 === END_MARK.x2)));
    expect(rules).toHaveLength(1);
  });
});

// The figures the tests above take as given.
it('spaces are measured as the PDF sets them', () => {
  expect(spaceWidth({ face: 'regular', size: 10, rise: 0, font: 'Tinos', level: 0 }, fonts)).toBeCloseTo(2.5, 6);
});
