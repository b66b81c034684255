import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_TABLES } from '../../src/generated/font-tables.js';
import { fastShaper, type FaceTables, type FastShaper } from '../../src/typeset/fast-shaping.js';
import { loadFonts, type Face } from '../../src/export/pdf/fonts.js';
import { random } from '../../bench/generate.js';
import { referencePath, repoRoot } from '../helpers/reference.js';

const fonts = loadFonts();
const faces = Object.keys(fonts.faces) as Face[];
/** Seeded random words compared with fontkit, per face: 500 in `npm test`, PROPERTY_RUNS under `npm run fuzz`. */
const WORDS = Math.max(500, Number(process.env.PROPERTY_RUNS ?? 0));

/**
 * What fontkit's engine makes of `text`, in the fields fast shaping gives. fontkit keeps one
 * glyph object per glyph id, with the characters of whichever text asked for it first: for
 * glyphs shared by two characters (space and no-break space) its `codePoints` depend on
 * what was shaped before. Fast shaping gives each glyph its own character: the expectation.
 */
function engine(face: Face, text: string) {
  const run = fonts.faces[face].layout(text);
  // One glyph per character, as tabulated: a ligature would leave glyphs without a character here, and differ.
  const chars = [...text].map((c) => c.codePointAt(0)!);
  return {
    glyphs: run.glyphs.map((g, i) => ({ id: g.id, advanceWidth: g.advanceWidth, codePoints: [chars[i]!] })),
    positions: run.positions.map((p, i) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset, advanceWidth: run.glyphs[i]!.advanceWidth })),
    advanceWidth: run.advanceWidth,
  };
}

const shaperOf = (face: Face): FastShaper => {
  const shaper = fastShaper(FONT_TABLES[face], fonts.faces[face]);
  if (!shaper) throw new Error(`no fast shaping for ${face}`);
  return shaper;
};

/** A shaped run as JSON, its fields in one order: fast shaping's objects are built elsewhere. */
function canonical(run: ReturnType<typeof engine> | ReturnType<FastShaper>): string {
  if (!run) return String(run);
  return JSON.stringify({
    glyphs: run.glyphs.map((g) => ({ id: g.id, advanceWidth: g.advanceWidth, codePoints: g.codePoints })),
    positions: run.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset, advanceWidth: p.advanceWidth })),
    advanceWidth: run.advanceWidth,
  });
}

/**
 * The words whose fast shaping differs from fontkit's, each with both results (the first
 * five). Compared as JSON and asserted once per face: an expect per word cost more than the
 * shaping it checked.
 */
function differences(face: Face, words: Iterable<string>, shape: FastShaper): string[] {
  const out: string[] = [];
  for (const word of words) {
    const fast = canonical(shape(word));
    const want = canonical(engine(face, word));
    if (fast !== want && out.push(`${JSON.stringify(word)}: ${fast} instead of ${want}`) >= 5) break;
  }
  return out;
}

const tablesOf = (face: Face) => FONT_TABLES[face] as FaceTables;
const tabulated = (face: Face) => {
  const chars = tablesOf(face).chars;
  const out: number[] = [];
  for (let i = 0; i < chars.length; i += 4) out.push(chars[i]!);
  return out;
};

/**
 * The words of the reference document and of the examples, as the PDF sets them (split at
 * spaces); not the Arabic and Chinese translations, whose texts are set in Amiri and Noto
 * Serif CJK (their own shaping: test/pdf/scripts.test.ts).
 */
function corpusWords(): string[] {
  const texts = [readFileSync(referencePath, 'utf8')];
  for (const f of readdirSync(join(repoRoot, 'examples'))) if (f.endsWith('.yaml') && !/\.(?:ar|zh)\.yaml$/.test(f)) texts.push(readFileSync(join(repoRoot, 'examples', f), 'utf8'));
  return [...new Set(texts.join(' ').split(/\s+/).filter(Boolean))];
}

describe('fast shaping (build-time tables) gives what fontkit gives', () => {
  it('is in use for all four faces: the tables were made from the font files the PDF embeds', () => {
    for (const face of faces) expect(fastShaper(FONT_TABLES[face], fonts.faces[face]), face).toBeDefined();
  });

  it('is refused for a font other than the one the tables describe', () => {
    const font = fonts.faces.regular;
    const other = { postscriptName: font.postscriptName, numGlyphs: font.numGlyphs + 1, head: font.head };
    expect(fastShaper(FONT_TABLES.regular, other)).toBeUndefined();
    expect(fastShaper(FONT_TABLES.regular, fonts.faces.bold)).toBeUndefined();
  });

  it('covers the words of the reference document and the examples, glyph for glyph and position for position', () => {
    const words = corpusWords();
    expect(words.length).toBeGreaterThan(500);
    for (const face of faces) {
      const shape = shaperOf(face);
      const covered = words.filter((word) => shape(word));
      expect(differences(face, covered, shape), face).toEqual([]);
      // Ordinary text never needs the engine: every word of the reference is covered.
      expect(covered.length / words.length, face).toBeGreaterThan(0.99);
    }
  });

  it('agrees with fontkit on every kerning pair it holds, and on seeded random words of Latin, Greek, Cyrillic and punctuation', () => {
    for (const face of faces) {
      const shape = shaperOf(face);
      const tables = tablesOf(face);
      const chars = tabulated(face);
      const glyphChar = new Map<number, number>();
      for (let i = 0; i < tables.chars.length; i += 4) if (!glyphChar.has(tables.chars[i + 1]!)) glyphChar.set(tables.chars[i + 1]!, tables.chars[i]!);
      const pairs: string[] = [];
      for (const flat of Object.values(tables.pairs)) {
        for (let i = 0; i < flat.length; i += 3) pairs.push(String.fromCodePoint(glyphChar.get(flat[i]!)!, glyphChar.get(flat[i + 1]!)!));
      }
      expect(pairs.length, face).toBeGreaterThan(300);
      expect(differences(face, pairs, shape), face).toEqual([]);
      const next = random(7 + faces.indexOf(face));
      const scripts = [/\p{Script=Latin}/u, /\p{Script=Greek}/u, /\p{Script=Cyrillic}/u, /\p{Script=Common}/u];
      const words: string[] = [];
      for (let n = 0; n < WORDS; n++) {
        // Mostly one script per word, as in real text, with punctuation and now and then a mix.
        const script = scripts[Math.floor(next() * scripts.length)]!;
        const pool = chars.filter((c) => next() < 0.15 || script.test(String.fromCodePoint(c)));
        let word = '';
        const length = 1 + Math.floor(next() * 10);
        for (let k = 0; k < length; k++) word += String.fromCodePoint(pool[Math.floor(next() * pool.length)]!);
        words.push(word);
      }
      expect(differences(face, words, shape), face).toEqual([]);
    }
  });

  it('scales positions as pdfkit does, and words sharing a character share its objects untouched', () => {
    const words = corpusWords().slice(0, 400);
    for (const face of faces) {
      const scale = 1000 / fonts.faces[face].unitsPerEm;
      const scaled = fastShaper(FONT_TABLES[face], fonts.faces[face], scale)!;
      // Compared as JSON and asserted once per face: an expect per word made this test a run's slowest.
      const differing: string[] = [];
      const unscaledShaper = shaperOf(face); // a shaper builds its tables when made: one per face
      for (const word of words) {
        const unscaled = unscaledShaper(word);
        if (!unscaled) continue;
        const run = scaled(word)!;
        const want = { glyphs: unscaled.glyphs, advanceWidth: unscaled.advanceWidth, positions: unscaled.positions.map((p) => ({ xAdvance: p.xAdvance * scale, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: p.advanceWidth * scale })) };
        const got = { glyphs: run.glyphs, advanceWidth: run.advanceWidth, positions: run.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset, advanceWidth: p.advanceWidth })) };
        if (JSON.stringify(got) !== JSON.stringify(want)) differing.push(word);
      }
      expect(differing, face).toEqual([]);
    }
    // "AV" kerns, "VA" too: the kerned A of one must not change the A of the other, nor a lone A.
    const shape = shaperOf('regular');
    const alone = structuredClone(shape('A')!);
    const av = shape('AV')!;
    const va = shape('VA')!;
    expect(av.positions[0]!.xAdvance).toBeLessThan(av.positions[0]!.advanceWidth);
    expect(va.positions[1]).toEqual(alone.positions[0]);
    expect(shape('A')).toEqual(alone);
    expect(va.glyphs[1]).toBe(av.glyphs[0]);
  });

  it('says a character is drawable only where the font has its glyph', () => {
    for (const face of faces) {
      const shape = shaperOf(face);
      for (const cp of tabulated(face)) expect(shape.covers(cp) && fonts.faces[face].hasGlyphForCodePoint(cp), `${face} U+${cp.toString(16)}`).toBe(true);
      for (const cp of [0x627, 0x4e2d, 0x301, 0xad]) expect(shape.covers(cp), `${face} U+${cp.toString(16)}`).toBe(false);
      expect(fonts.draws(face, 0x627)).toBe(false); // Arabic: not in Tinos, asked of fontkit
      expect(fonts.draws(face, 0x301)).toBe(true); // a combining mark: not tabulated, but Tinos has it
    }
  });

  it('leaves to fontkit what its tables do not cover: combining marks, other scripts, ignorables, ligating tone letters', () => {
    const shape = shaperOf('regular');
    for (const text of ['e\u0301', 'i\u0307', 'سلام', '中文', 'soft\u00adhyphen', 'zero\u200bwidth', '\u02e5\u02e9', '1\u20442', 'tab\there']) {
      expect(shape(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});
