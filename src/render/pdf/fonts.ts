import { createRequire } from 'node:module';
import PDFDocument, { type FontkitFont } from 'pdfkit';
import { useFastSubsets } from './subset.js';

/** The four faces of Tinos (metric-compatible with Times New Roman, the UN's body face). */
export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILES: Record<Face, string> = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  italic: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

export interface FontSet {
  faces: Record<Face, FontkitFont>;
  /** Width in points of `text` set in `face` at `size`; cached, as words repeat a lot. */
  width(face: Face, size: number, text: string): number;
  /** Ascent in points at `size` (the same for all four faces). */
  ascent(size: number): number;
  /** pdfkit's cache of shaped words for a face, shared by all documents of the process. */
  layoutCache(face: Face): Record<string, unknown>;
  /** Counts a word added to a face's layout cache (the painter adds them through pdfkit). */
  addedLayout(): void;
  /**
   * Called between documents: empties the caches when they have grown past their
   * bound, so that a process building an archive of any size keeps a flat memory.
   */
  trim(): void;
}

/** Cache bounds: shaped words (all faces; about 1 kB each) and measured widths (about 100 bytes each). */
const MAX_LAYOUTS = 20_000;
const MAX_WIDTHS = 100_000;
const emptyLayouts = () => ({ regular: Object.create(null), bold: Object.create(null), italic: Object.create(null), boldItalic: Object.create(null) }) as Record<Face, Record<string, unknown>>;

let cached: FontSet | undefined;

/**
 * Parses the font files once per process. pdfkit parses a path or a Buffer again
 * for every document (and a registered name per text call), so we let pdfkit
 * parse each file once through a throw-away document and hand the parsed fontkit
 * font to every later document.
 */
export function loadFonts(): FontSet {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const probe = new PDFDocument({ autoFirstPage: false });
  const faces = {} as Record<Face, FontkitFont>;
  for (const face of Object.keys(FILES) as Face[]) {
    probe.font(require.resolve(FILES[face]));
    faces[face] = probe._font.font;
    useFastSubsets(faces[face]);
  }
  const widths = new Map<string, number>();
  let layouts = emptyLayouts();
  let layoutCount = 0;
  const regular = faces.regular;
  cached = {
    faces,
    width(face, size, text) {
      const key = `${face}\u0000${text}`;
      let w = widths.get(key);
      if (w === undefined) {
        const font = faces[face];
        w = font.layout(text).advanceWidth / font.unitsPerEm;
        widths.set(key, w);
      }
      return w * size;
    },
    ascent: (size) => (regular.ascent / regular.unitsPerEm) * size,
    layoutCache: (face) => layouts[face],
    addedLayout: () => void layoutCount++,
    trim() {
      if (layoutCount > MAX_LAYOUTS) {
        layouts = emptyLayouts();
        layoutCount = 0;
      }
      if (widths.size > MAX_WIDTHS) widths.clear();
    },
  };
  return cached;
}
