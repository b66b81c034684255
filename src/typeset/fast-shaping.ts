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
  /** The font's ascent (font units), for line boxes. */
  ascent: number;
  /** Script tags by index; '' for characters common to all scripts. */
  scripts: string[];
  /** Flat quadruples: code point, glyph id, advance width (font units), script index; by code point. */
  chars: number[];
  /** The kerning lookups fontkit applies for text of each script tag ('*': the fallback). */
  lookups: Record<string, number[]>;
  /** Flat triples per lookup: first glyph, second glyph, x-advance adjustment of the first. */
  pairs: Record<string, number[]>;
  /** A small subset of the face as fontkit writes it (base64): its glyph-independent tables serve every subset (subset.ts). */
  subset: string;
}

/** A glyph as fontkit's `font.layout(text)` gives it, as far as we use it (font units). */
export interface ShapedGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** A glyph's place, as pdfkit's embedded font keeps it: font units × the shaper's scale. */
export interface ShapedPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  /** The glyph's own advance, before kerning. */
  advanceWidth: number;
}

/**
 * A word shaped from the tables: what fontkit's `font.layout(text)` returns, positions
 * scaled. Glyph objects, and the positions of glyphs nothing kerns, are the same objects
 * in every word (one per character): never modify them. Shaped words are cached for
 * the length of many documents; one object per glyph each would make most of what the
 * collector copies and promotes.
 */
export interface Shaped {
  glyphs: ShapedGlyph[];
  positions: ShapedPosition[];
  /** In font units. */
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

/** `scale`: of the positions, per font unit (pdfkit's are in thousandths of an em). */
export function fastShaper(tables: FaceTables | null, font: FontFigures, scale = 1): FastShaper | undefined {
  if (!tables) return undefined;
  const f = tables.font;
  if (f.postscriptName !== font.postscriptName || f.numGlyphs !== font.numGlyphs || f.checkSumAdjustment !== font.head.checkSumAdjustment) return undefined;

  // Per character: its glyph and unkerned position (shared by every word), and its script,
  // made when the character is first shaped: a document uses a hundred of the 2,557
  // characters of a face, and making them all cost a cold process 16 ms for four faces.
  const { chars } = tables;
  /** Where the character's quadruple starts in `chars` (a binary search: they are by code point), or -1. */
  const at = (cp: number): number => {
    let lo = 0;
    let hi = chars.length / 4 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = chars[4 * mid]!;
      if (c === cp) return 4 * mid;
      if (c < cp) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const made = new Map<number, { glyph: ShapedGlyph; position: ShapedPosition; script: number }>();
  const glyphOf = (cp: number) => {
    let g = made.get(cp);
    if (g === undefined) {
      const i = at(cp);
      if (i < 0) return undefined;
      const advanceWidth = chars[i + 2]!;
      const scaled = advanceWidth * scale;
      g = {
        glyph: { id: chars[i + 1]!, advanceWidth, codePoints: [cp] },
        position: { xAdvance: scaled, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: scaled },
        script: chars[i + 3]!,
      };
      made.set(cp, g);
    }
    return g;
  };
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
      const g = glyphOf(ch.codePointAt(0)!);
      if (!g) return undefined;
      if (!script && g.script) script = g.script;
      out.glyphs.push(g.glyph);
      out.positions.push(g.position);
    }
    const kerning = byScript[script]!;
    const n = out.glyphs.length;
    for (let i = 0; i < n; i++) {
      const glyph = out.glyphs[i]!;
      let advance = glyph.advanceWidth;
      if (i + 1 < n) {
        const key = glyph.id * 65536 + out.glyphs[i + 1]!.id;
        for (const pairs of kerning) advance += pairs.get(key) ?? 0;
        if (advance !== glyph.advanceWidth) {
          const own = out.positions[i]!.advanceWidth;
          out.positions[i] = { xAdvance: advance * scale, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: own };
        }
      }
      out.advanceWidth += advance;
    }
    return out;
  };
  return Object.assign(shape, { covers: (codePoint: number) => at(codePoint) >= 0 });
}
