import { createRequire } from 'node:module';
import type { FontkitFont, GlyphPosition } from 'pdfkit';
import { FONT_TABLES } from '../../generated/font-tables.js';
import { fastShaper, type FastShaper } from '../../typeset/fast-shaping.js';
import type { Face, FontMetrics } from '../../typeset/fonts.js';
import { useFastSubsets } from './subset.js';
import { hasCffOutlines, useFastCffSubsets } from './cff-subset.js';
import { loadFamily, parseFontFile, type Family } from './families.js';

export type { Face };

/** Keep in step with FILES in scripts/font-tables.js (test/pdf/fast-shaping.test.ts checks it). */
export const FILES: Record<Face, string> = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  italic: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

/** A shaped word, as pdfkit uses it: positions in thousandths of an em. */
export interface ShapedRun {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: GlyphPosition[];
  /** The run's advance in ems. */
  width: number;
}

export interface FontSet extends FontMetrics {
  faces: Record<Face, FontkitFont>;
  /** `text` shaped in `face` of `family` (Tinos when absent; kerning and substitutions applied); cached, as words repeat a lot. */
  shape(face: Face, text: string, family?: string): ShapedRun;
  /** Width in points of `text` set in `face` of `family` (Tinos when absent) at `size`. */
  width(face: Face, size: number, text: string, family?: string): number;
  /** Whether `face` of `family` (Tinos when absent) has a glyph for the character (from the shaping tables when they hold it). */
  draws(face: Face, codePoint: number, family?: string): boolean;
  /** Another family's faces (Amiri, Noto Serif CJK), loaded on first use; undefined when not installed. */
  family(name: string): Family | undefined;
  /** Ascent in points at `size` (the same for all four faces). */
  ascent(size: number): number;
  /**
   * Called between documents: empties the cache of shaped words when it has grown
   * past its bound, so that a process building an archive of any size keeps a flat memory.
   */
  trim(): void;
}

/**
 * Bound of the shaped-word cache, all faces together (1 to 2 kB a word). Most of its worth
 * is within a document (a word is measured, then set, and repeats); since words are shaped
 * from tables (fast-shaping.ts) a longer memory gains nothing: 1,000 words PDFs as fast as
 * 4,000, and a worker's peak memory is 260 MB instead of 335 (measured, 300 meetings).
 */
const MAX_SHAPED = 1_000;
/**
 * Bound of the cache of words of the other families (Amiri, Noto Serif CJK), shaped by
 * fontkit's engine at some 30 µs a word: held longer than Tinos's words, which the tables
 * shape again at little cost. Measured on Arabic batches: with the shared bound of 1,000 the
 * cache was emptied every few documents and reshaping was a sixth of an Arabic PDF's time.
 */
const MAX_SHAPED_OTHER = 6_000;
const emptyShapes = () => ({ regular: new Map(), bold: new Map(), italic: new Map(), boldItalic: new Map() }) as Record<Face, Map<string, ShapedRun>>;

let cached: FontSet | undefined;


/** What pdfkit's embedded font makes of a run (layoutRun): positions scaled to 1000 units per em. */
const pdfScale = (font: FontkitFont) => 1000 / font.unitsPerEm;

/**
 * Parses the font files once per process. pdfkit parses a path or a Buffer again
 * for every document (and a registered name per text call), so each file is parsed
 * once (parseFontFile) and the parsed fontkit font handed to every later document.
 *
 * Internals (the parsed fontkit font pdfkit takes as a font): written for pdfkit 0.20.2 and fontkit 2.0.4.
 */
export function loadFonts(): FontSet {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const faces = {} as Record<Face, FontkitFont>;
  const fast = {} as Record<Face, FastShaper | undefined>;
  for (const face of Object.keys(FILES) as Face[]) {
    faces[face] = parseFontFile(require.resolve(FILES[face]));
    lightPostTable(faces[face]);
    ownGlyphsPerLayout(faces[face]);
    fast[face] = fastShaper(FONT_TABLES[face], faces[face], pdfScale(faces[face]));
    // The tables were made from this very file (fastShaper checked): their reference subset holds too.
    const reference = fast[face] && FONT_TABLES[face]?.subset;
    useFastSubsets(faces[face], reference ? Buffer.from(reference, 'base64') : undefined);
  }
  let shapes = emptyShapes();
  let count = 0;
  const regular = faces.regular;
  const shape = (face: Face, text: string): ShapedRun => {
    let run = shapes[face].get(text);
    if (!run) {
      const font = faces[face];
      // Ordinary words from the build-time tables (positions already scaled), the rest through
      // fontkit's engine: the same result.
      const fastRun = fast[face]?.(text);
      // Copies of exact length: the shaper fills its arrays by push, which leaves room for 17 glyphs or more, and cached words live long.
      if (fastRun) run = { glyphs: fastRun.glyphs.slice(), positions: fastRun.positions.slice(), width: fastRun.advanceWidth / font.unitsPerEm };
      else run = layoutRun(font, text);
      shapes[face].set(text, run);
      count++;
    }
    return run;
  };
  // Other families: shaped by fontkit (Arabic joining forms, right-to-left glyph order), cached as Tinos's words are.
  let others = new Map<string, Map<string, ShapedRun>>();
  let otherCount = 0;
  const family = (name: string) =>
    loadFamily(name, (font, unreadOutlines) => {
      lightPostTable(font);
      ownGlyphsPerLayout(font);
      // Amiri: the TrueType subsetter, trusted only once its first subset is fontkit's byte for byte.
      if (!useFastCffSubsets(font, unreadOutlines) && !hasCffOutlines(font)) useFastSubsets(font);
    });
  const shapeOther = (name: string, face: Face, text: string): ShapedRun => {
    const key = `${name}\u0000${face}`;
    let cache = others.get(key);
    if (!cache) others.set(key, (cache = new Map()));
    let run = cache.get(text);
    if (!run) {
      const font = family(name)?.faces[face];
      if (!font) throw new Error(`the PDF font ${name} is not installed`);
      run = layoutRun(font, text);
      cache.set(text, run);
      otherCount++;
    }
    return run;
  };
  const isTinos = (name: string | undefined) => name === undefined || name === 'Tinos';
  cached = {
    faces,
    shape: (face, text, name) => (isTinos(name) ? shape(face, text) : shapeOther(name!, face, text)),
    width: (face, size, text, name) => (isTinos(name) ? shape(face, text) : shapeOther(name!, face, text)).width * size,
    draws: (face, codePoint, name) => (isTinos(name) ? fast[face]?.covers(codePoint) || faces[face].hasGlyphForCodePoint(codePoint) : family(name!)?.faces[face].hasGlyphForCodePoint(codePoint) === true),
    family,
    ascent: (size) => (regular.ascent / regular.unitsPerEm) * size,
    trim() {
      if (count > MAX_SHAPED) {
        shapes = emptyShapes();
        count = 0;
      }
      if (otherCount > MAX_SHAPED_OTHER) {
        others = new Map();
        otherCount = 0;
      }
    },
  };
  return cached;
}

/** `text` shaped by fontkit's engine, positions scaled as pdfkit scales them. */
function layoutRun(font: FontkitFont, text: string): ShapedRun {
  const shaped = font.layout(text);
  const scale = pdfScale(font);
  const positions = shaped.positions.map((p, i) => ({
    xAdvance: p.xAdvance * scale,
    yAdvance: p.yAdvance * scale,
    xOffset: p.xOffset * scale,
    yOffset: p.yOffset * scale,
    advanceWidth: shaped.glyphs[i]!.advanceWidth * scale,
  }));
  return { glyphs: shaped.glyphs, positions, width: shaped.advanceWidth / font.unitsPerEm };
}

/**
 * fontkit caches a glyph object per glyph id, with the characters of the text that first
 * asked for it, and the PDF's ToUnicode map takes the characters from there. A glyph that
 * several characters share (space and no-break space, hyphen and soft hyphen, the "fi"
 * ligature and "fi") would then map to the characters of whatever an earlier document in
 * the same process held: the same definition gave other bytes in a batch than alone.
 * Each layout gets glyph objects of its own, made from its own text.
 *
 * Internals (`_glyphs`, `layout`): written for fontkit 2.0.4.
 */
function ownGlyphsPerLayout(fontkitFont: FontkitFont): void {
  const font = fontkitFont as FontkitFont & { _glyphs: Record<number, unknown> };
  const layout = font.layout.bind(font);
  font.layout = (text, features) => {
    const shared = font._glyphs;
    font._glyphs = {};
    try {
      return layout(text, features);
    } finally {
      font._glyphs = shared;
    }
  };
}

/** The parts of a parsed fontkit font that lightPostTable uses (internal; written for fontkit 2.0.4). */
interface FontTables {
  _tables: Record<string, unknown>;
  directory: { tables: Record<string, { offset: number } | undefined> };
  stream: { buffer: Uint8Array };
  _decodeTable(entry: unknown): Record<string, unknown>;
}

/**
 * pdfkit reads the 'post' table's header (italic angle, fixed pitch) when it embeds a face,
 * and fontkit then decodes the whole table: a name for each of Tinos's 3,200 glyphs, some
 * 6 ms a face in every process. Give fontkit the header as its decoder would, read from the
 * file's bytes; the rest of the table is decoded only if something asks for it.
 *
 * Internals (`_tables`, `directory`, `stream`, `_decodeTable`): written for fontkit 2.0.4.
 */
function lightPostTable(fontkitFont: FontkitFont): void {
  const font = fontkitFont as unknown as FontTables;
  const entry = font.directory.tables.post;
  if (!entry || 'post' in font._tables) return;
  const bytes = font.stream.buffer;
  const view = new DataView(bytes.buffer, bytes.byteOffset + entry.offset, 32);
  const fixed = (at: number) => view.getInt32(at) / 65536;
  const header: Record<string, unknown> = {
    version: fixed(0),
    italicAngle: fixed(4),
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28),
  };
  let whole: Record<string, unknown> | undefined;
  font._tables.post = new Proxy(header, {
    get: (target, key: string) => (key in target ? target[key] : (whole ??= font._decodeTable(entry))[key]),
  });
}
