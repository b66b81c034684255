/**
 * Shaping of ordinary text from precomputed tables, with the same result as fontkit.
 *
 * scripts/font-tables.js reads each face's cmap, advances and GPOS kerning at build time,
 * for the characters whose shaping in that font comes down to one glyph each plus pair
 * kerning (Latin, Greek, Cyrillic and common punctuation, without marks or anything a
 * substitution could touch). A word made only of those is shaped here in microseconds and
 * without fontkit's OpenType engine, whose first use in a process costs about 150 ms; any
 * other word returns `undefined`, and fontkit shapes it. test/pdf/fast-shaping.test.ts
 * compares both on the reference and on seeded random words.
 */

/** One face's tables, as scripts/font-tables.js writes them. */
export interface FaceTables {
  /** Figures of the font file the tables were made from. */
  font: { postscriptName: string; size: number; checkSumAdjustment: number; numGlyphs: number };
  unitsPerEm: number;
  /** Script tags by index; '' for characters common to all scripts. */
  scripts: string[];
  /** Flat quadruples: code point, glyph id, advance width (font units), script index. */
  chars: number[];
  /** The kerning lookups fontkit applies for text of each script tag ('*': the fallback). */
  lookups: Record<string, number[]>;
  /** Flat triples per lookup: first glyph, second glyph, x-advance adjustment of the first. */
  pairs: Record<string, number[]>;
  /** A small subset of the face as fontkit writes it (base64): its glyph-independent tables serve every subset (subset.ts). */
  subset: string;
}

/** What fontkit's `font.layout(text)` returns, as far as we use it (font units). */
export interface Shaped {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
}

export interface FastShaper {
  /** `text` shaped from the tables, or undefined when they do not cover it. */
  (text: string): Shaped | undefined;
  /** Whether the tables hold the character (then the font draws it). */
  covers(codePoint: number): boolean;
}

/** The font figures the tables were made for; fast shaping is used only when they match. */
export interface FontFigures {
  postscriptName: string;
  numGlyphs: number;
  head: { checkSumAdjustment: number };
}

export function fastShaper(tables: FaceTables | null, font: FontFigures): FastShaper | undefined {
  if (!tables) return undefined;
  const f = tables.font;
  if (f.postscriptName !== font.postscriptName || f.numGlyphs !== font.numGlyphs || f.checkSumAdjustment !== font.head.checkSumAdjustment) return undefined;

  const glyphs = new Map<number, { id: number; advanceWidth: number; script: number }>();
  for (let i = 0; i < tables.chars.length; i += 4) glyphs.set(tables.chars[i]!, { id: tables.chars[i + 1]!, advanceWidth: tables.chars[i + 2]!, script: tables.chars[i + 3]! });
  // Each lookup's pairs keyed by first glyph × 65536 + second glyph.
  const pairMaps = new Map<string, Map<number, number>>();
  for (const [lookup, flat] of Object.entries(tables.pairs)) {
    const map = new Map<number, number>();
    for (let i = 0; i < flat.length; i += 3) map.set(flat[i]! * 65536 + flat[i + 1]!, flat[i + 2]!);
    pairMaps.set(lookup, map);
  }
  const kerningFor = (tag: string) => (tables.lookups[tag] ?? tables.lookups['*']!).map((i) => pairMaps.get(String(i))!);
  const byScript = tables.scripts.map((tag) => kerningFor(tag || '*'));

  const shape = (text: string): Shaped | undefined => {
    const out: Shaped = { glyphs: [], positions: [], advanceWidth: 0 };
    // fontkit's script detection: the first character that belongs to a script decides.
    let script = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const g = glyphs.get(cp);
      if (!g) return undefined;
      if (!script && g.script) script = g.script;
      out.glyphs.push({ id: g.id, advanceWidth: g.advanceWidth, codePoints: [cp] });
      out.positions.push({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
    }
    const kerning = byScript[script]!;
    const n = out.glyphs.length;
    for (let i = 0; i + 1 < n; i++) {
      const key = out.glyphs[i]!.id * 65536 + out.glyphs[i + 1]!.id;
      for (const pairs of kerning) out.positions[i]!.xAdvance += pairs.get(key) ?? 0;
    }
    for (const p of out.positions) out.advanceWidth += p.xAdvance;
    return out;
  };
  return Object.assign(shape, { covers: (codePoint: number) => glyphs.has(codePoint) });
}
