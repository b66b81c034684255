import { FONT_TABLES } from '../generated/font-tables.js';
import { fastShaper, type FastShaper } from './fast-shaping.js';

/** The four faces of a family (Tinos: metric-compatible with Times New Roman, the UN's body face). */
export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

/**
 * What the typesetter needs to know of fonts: widths and the ascent. The PDF exporter
 * gives the embedded fonts' own (src/export/pdf/fonts.ts); `tableMetrics` gives the same
 * figures from the build-time tables, without fontkit, for the text those tables cover.
 */
export interface FontMetrics {
  /** Width in points of `text` set in `face` of `family` (the body face, Tinos, when absent) at `size` (kerning applied). */
  width(face: Face, size: number, text: string, family?: string): number;
  /** Ascent in points at `size` (the same for all four faces). */
  ascent(size: number): number;
  /** Which family sets each script: the document's (see fontChainOf); DEFAULT_FONTS when absent. */
  readonly chain?: FontChain;
  /** The document's direction: 'rtl' has the typesetter resolve bidi levels and order each line's runs (bidi.ts). */
  readonly direction?: 'ltr' | 'rtl';
}

/** Scripts as the font chain tells them apart ('Common': punctuation, digits, spaces). */
export type Script = 'Latin' | 'Greek' | 'Cyrillic' | 'Arabic' | 'Han' | 'Common';

/**
 * Which font family sets text of each script. Today every script the documents use
 * resolves to Tinos; Arabic (Amiri) and Chinese (Noto Serif SC) plug in here, and
 * the pieces of a line then carry their family and the exporter embeds it.
 */
export interface FontChain {
  readonly families: Partial<Record<Script, string>>;
  /** The family of text of `script`; the chain's first family for a script it does not name. */
  family(script: Script): string;
}

export function fontChain(families: Partial<Record<Script, string>>, fallback: string): FontChain {
  return { families, family: (script) => families[script] ?? fallback };
}

/** Tinos for Latin, Greek and Cyrillic (and the characters common to scripts). */
export const DEFAULT_FONTS = fontChain({ Latin: 'Tinos', Greek: 'Tinos', Cyrillic: 'Tinos', Common: 'Tinos' }, 'Tinos');

/** ISO 15924 script codes, as the locale names them, and the scripts the chain tells apart. */
const SCRIPT_CODES: Record<string, Script> = { Latn: 'Latin', Grek: 'Greek', Cyrl: 'Cyrillic', Arab: 'Arabic', Hani: 'Han', Hans: 'Han', Hant: 'Han', Zyyy: 'Common' };

/**
 * The chain of the document's language: the locale's font for each script it names
 * (`writing.fonts`, the main one first), which also sets the characters common to all
 * scripts and any script it does not name. A language whose main script is not one the
 * body face covers (Arabic, Chinese) keeps Tinos for Latin, Greek and Cyrillic text (the
 * English masthead column, symbols, names), as its UN documents set them in Times.
 */
export function fontChainOf(fonts: readonly { script: string; family: string }[]): FontChain {
  const main = fonts[0]?.family ?? 'Tinos';
  const families: Partial<Record<Script, string>> = { Common: main };
  for (const { script, family } of fonts) {
    const name = SCRIPT_CODES[script];
    if (name && !families[name]) families[name] = family;
  }
  if (families.Common === undefined) families.Common = main;
  const first = SCRIPT_CODES[fonts[0]?.script ?? 'Latn'];
  if (first === 'Arabic' || first === 'Han') for (const s of ['Latin', 'Greek', 'Cyrillic'] as const) families[s] ??= 'Tinos';
  return fontChain(families, main);
}

/**
 * The script of a code point, as far as the font chain needs it: the blocks of the
 * scripts it may switch fonts for, everything else 'Latin' (whose family is the chain's
 * body face). Cheap on purpose: it runs for every character of the document.
 */
export function scriptOf(c: number): Script {
  if (c < 0x370) return c < 0x41 ? 'Common' : 'Latin';
  if (c < 0x400) return 'Greek';
  if (c < 0x530) return 'Cyrillic';
  if (c >= 0x600 && c < 0x700) return 'Arabic';
  if ((c >= 0x750 && c < 0x780) || (c >= 0xfb50 && c < 0xfe00) || (c >= 0xfe70 && c < 0xff00)) return 'Arabic';
  if ((c >= 0x3000 && c < 0xa000) || (c >= 0xff00 && c < 0xfff0) || (c >= 0x20000 && c < 0x30000)) return 'Han';
  return 'Latin';
}

/**
 * Metrics from the generated font tables alone (no fontkit): exact for the text the
 * tables cover (Latin, Greek, Cyrillic and common punctuation without marks); other
 * text throws, as the typesetter's tests only set what the tables cover.
 */
export function tableMetrics(): FontMetrics {
  const shapers = {} as Record<Face, FastShaper>;
  for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as Face[]) {
    const t = FONT_TABLES[face];
    if (!t) throw new Error(`no font tables for ${face}: run npm run build`);
    shapers[face] = fastShaper(t, { postscriptName: t.font.postscriptName, numGlyphs: t.font.numGlyphs, head: { checkSumAdjustment: t.font.checkSumAdjustment } })!;
  }
  const regular = FONT_TABLES.regular!;
  return {
    width(face, size, text) {
      const shaped = shapers[face](text);
      if (!shaped) throw new Error(`the font tables do not cover "${text}"`);
      return (shaped.advanceWidth / FONT_TABLES[face]!.unitsPerEm) * size;
    },
    ascent: (size) => (regular.ascent / regular.unitsPerEm) * size,
  };
}
