// Justified text may not gape: on the reference and every other example, as the PDF sets
// them (the embedded fonts' own metrics), no word space of a justified line is wider than
// 1.8 times its normal width. The last line of a paragraph is set ragged and does not count;
// every other line of a justified block (body paragraphs, footnotes, the agenda list) fills
// its measure, so that no line escapes the limit by being left ragged.
import { translationName } from '../../src/translate/load.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/export/pdf/fonts.js';
import { spaceWidth, type Line } from '../../src/typeset/line-breaker.js';
import { typeset, type LineMark } from '../../src/typeset/index.js';
import { repoRoot } from '../helpers/reference.js';
import { modelOf } from '../pdf/helpers.js';

/** The widest a word space may grow, as a multiple of its normal width. */
const LIMIT = 1.8;

const sources = [...readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.yaml') && !translationName(f)).map((f) => `examples/${f}`), 'test/fixtures/long-meeting.yaml'];

interface SetLine {
  line: Line;
  /** The structure type of the line's text; undefined for the masthead and artifacts. */
  type: string | undefined;
}

/** Every text line of a typeset document, body and footnotes, each once (repeated table headers left out). */
function linesOf(source: string): SetLine[] {
  const out = typeset(modelOf(source), loadFonts());
  const lines: SetLine[] = [];
  out.pages.forEach((page, n) => {
    // The masthead (the first unit of the first page) sets its own blocks, never justified.
    const placed = [...page.body.filter((p, k) => !p.repeated && !(n === 0 && k === 0)), ...page.foot];
    for (const p of placed) for (const m of p.unit.marks) if (m.kind === 'line') lines.push({ line: (m as LineMark).line, type: m.target === 'artifact' ? undefined : m.target.type });
  });
  return lines;
}

const fonts = loadFonts();

/** The widest word space of a line as a multiple of its normal width (1 for a line set ragged or without spaces). */
function spaceRatio(line: Line): number {
  let worst = 1;
  if (!line.justify) return worst;
  line.pieces.forEach((p, k) => {
    if (k === 0 || (p.before !== 'space' && p.before !== 'glue')) return;
    const normal = spaceWidth(line.pieces[k - 1]!.style, fonts);
    worst = Math.max(worst, (normal + line.stretch) / normal);
  });
  return worst;
}

/** Where the line's last piece ends once justified. */
const setWidth = (l: Line) => l.width + l.stretch * (l.spaces.at(-1) ?? 0);

const text = (l: Line) => l.pieces.map((p, k) => (k > 0 && (p.before === 'space' || p.before === 'glue') ? ' ' : '') + p.text).join('');

/**
 * The lines of the examples that no way of breaking their paragraph can justify within the
 * limit: the words around them are document symbols and capitalised names, which are never
 * broken (each paragraph ends with symbols that only fit on its last line as a whole). They
 * are set with spaces at the limit, short of the measure. Any other line that falls short
 * fails the test.
 */
const SHORT: Record<string, string[]> = {
  'examples/ccpcj-2024.yaml': ['Report of the Secretary-General on the follow-up to the Fourteenth Congress (A/79/85 –'],
  'examples/ctoc-cop-wg3-2023.yaml': [
    'Lessons learned from the implementation of the international cooperation provisions of the',
    'for the Review of the Implementation of the United Nations Convention against Transnational',
  ],
  'test/fixtures/long-meeting.yaml': ['Note by the Secretariat on integration and coordination of efforts by the United Nations Office'],
};

/** Body paragraphs, footnotes and the agenda list's titles are justified. */
const JUSTIFIED = new Set(['P', 'Note', 'Span']);

describe.each(sources)('word spaces of %s', (source) => {
  const lines = linesOf(source);

  it(`no justified line stretches a word space past ${LIMIT} times its width`, () => {
    const worst = lines.map(({ line }) => ({ ratio: spaceRatio(line), text: text(line) })).sort((a, b) => b.ratio - a.ratio);
    const over = worst.filter((w) => w.ratio > LIMIT + 1e-9);
    expect(over.map((w) => `${w.ratio.toFixed(2)}: ${w.text}`)).toEqual([]);
  });

  it('sets every other line of a justified block to the full measure, or with its spaces at the limit where no way of breaking meets it', () => {
    expect(lines.length).toBeGreaterThan(0);
    // Lines with word spaces (a line of a web address broken at its slashes has none to stretch).
    const inner = lines.filter((l) => l.type !== undefined && JUSTIFIED.has(l.type) && l.line.end !== 'none' && (l.line.spaces.at(-1) ?? 0) > 0);
    const ragged = inner.filter(({ line }) => !line.justify);
    expect(ragged.map(({ line, type }) => `${type}: ${text(line)}`)).toEqual([]);
    const short = inner.filter(({ line }) => Math.abs(setWidth(line) - line.measure) > 0.01);
    // A short line stops at the limit.
    for (const { line } of short) expect(spaceRatio(line)).toBeCloseTo(LIMIT, 6);
    expect(short.map(({ line }) => text(line))).toEqual(SHORT[source] ?? []);
  });
});
