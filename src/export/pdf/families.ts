import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { create } from 'fontkit';
import type { FontkitFont } from 'pdfkit';
import type { Face } from '../../typeset/fonts.js';
import { deferredBytesOf, readFontFile, type DeferredBytes } from './font-file.js';

/**
 * A font file parsed by fontkit, as pdfkit would parse it, for every document of the process
 * to share. Not through a throw-away document: pdfkit makes a subset of a font the moment a
 * document takes it, before the faster subsetters (subset.ts, cff-subset.ts) are put in
 * place, and fontkit's subsetter of a CFF font decodes the whole CFF table on creation (some
 * 130 ms for each Noto Serif CJK file, thrown away). `postscript` picks a face out of a
 * collection (.ttc); given for a single font, fontkit would read it as a variation's name.
 */
export function parseFontFile(path: string, postscript?: string): FontkitFont {
  const bytes = readFontFile(path);
  const font = create(bytes, path.endsWith('.ttc') ? postscript : undefined);
  const rest = deferredBytesOf(bytes);
  if (rest) unread.set(font, rest);
  return font;
}

const unread = new WeakMap<FontkitFont, DeferredBytes>();

/**
 * The font families beside Tinos that the locales name for their scripts: Amiri for
 * Arabic (an npm package, OFL) and Noto Serif CJK for Chinese (OFL; some 25 MB a face, so
 * not a dependency: found where Debian's fonts-noto-cjk puts it, or in the folder
 * AGENDA_CJK_FONT_DIR names). A family that is not installed is never replaced by another
 * font: the build stops with a diagnostic that says what to install.
 */
interface FaceFile {
  /** A file path (a font collection too), or a module path resolved from this package. */
  file: string;
  /** The face's PostScript name: picks it out of a collection, and pdfkit files the face under it. */
  postscript: string;
  module?: true;
}

/** The CJK collections' files, in a folder (fonts-noto-cjk installs both). */
const CJK_FILES = { regular: 'NotoSerifCJK-Regular.ttc', bold: 'NotoSerifCJK-Bold.ttc' };
/** Where Debian and Ubuntu's fonts-noto-cjk installs them. */
const CJK_SYSTEM_DIR = '/usr/share/fonts/opentype/noto';

const amiri = (path: string, postscript: string): FaceFile => ({ file: `@expo-google-fonts/amiri/${path}`, postscript, module: true });

function faceFiles(family: string): Record<Face, FaceFile> | undefined {
  if (family === 'Amiri') {
    return {
      regular: amiri('400Regular/Amiri_400Regular.ttf', 'Amiri-Regular'),
      bold: amiri('700Bold/Amiri_700Bold.ttf', 'Amiri-Bold'),
      italic: amiri('400Regular_Italic/Amiri_400Regular_Italic.ttf', 'Amiri-Italic'),
      boldItalic: amiri('700Bold_Italic/Amiri_700Bold_Italic.ttf', 'Amiri-BoldItalic'),
    };
  }
  if (family === 'Noto Serif SC') {
    const dir = cjkDir();
    if (!dir) return undefined;
    // Chinese has no italic: emphasis is set upright, as UN Chinese documents set it.
    const regular: FaceFile = { file: join(dir, CJK_FILES.regular), postscript: 'NotoSerifCJKsc-Regular' };
    const bold: FaceFile = { file: join(dir, CJK_FILES.bold), postscript: 'NotoSerifCJKsc-Bold' };
    return { regular, bold, italic: regular, boldItalic: bold };
  }
  return undefined;
}

/** The folder holding the CJK collections: AGENDA_CJK_FONT_DIR, else Debian's. */
function cjkDir(): string | undefined {
  const configured = process.env.AGENDA_CJK_FONT_DIR;
  for (const dir of configured ? [configured] : [CJK_SYSTEM_DIR]) {
    if (existsSync(join(dir, CJK_FILES.regular)) && existsSync(join(dir, CJK_FILES.bold))) return dir;
  }
  return undefined;
}

/** Why a family cannot be used, and what to do: undefined when it can. */
export function missingFamily(family: string): { message: string; hint: string } | undefined {
  if (faceFiles(family)) return undefined;
  if (family === 'Noto Serif SC') {
    const where = process.env.AGENDA_CJK_FONT_DIR ? `in ${process.env.AGENDA_CJK_FONT_DIR} (AGENDA_CJK_FONT_DIR)` : `in ${CJK_SYSTEM_DIR}`;
    return {
      message: `the PDF font for Chinese (Noto Serif CJK: ${CJK_FILES.regular} and ${CJK_FILES.bold}) is not installed ${where}`,
      hint: 'install it (Debian and Ubuntu: apt-get install fonts-noto-cjk), or set AGENDA_CJK_FONT_DIR to a folder holding both files; or build the other formats only',
    };
  }
  return { message: `no PDF font is known for the family ${family}`, hint: 'build the other formats only' };
}

export interface Family {
  faces: Record<Face, FontkitFont>;
  /** pdfkit's cache key of each face (its PostScript name). */
  names: Record<Face, string>;
}

const loaded = new Map<string, Family>();

/**
 * The family's faces, each file parsed once per process (as loadFonts does for Tinos);
 * `prepare` is applied to each parsed font once. Undefined when the family is not installed.
 */
export function loadFamily(family: string, prepare: (font: FontkitFont, unreadOutlines: DeferredBytes | undefined) => void): Family | undefined {
  const known = loaded.get(family);
  if (known) return known;
  const files = faceFiles(family);
  if (!files) return undefined;
  const require = createRequire(import.meta.url);
  const faces = {} as Record<Face, FontkitFont>;
  const names = {} as Record<Face, string>;
  const byName = new Map<string, FontkitFont>();
  for (const face of Object.keys(files) as Face[]) {
    const f = files[face];
    let font = byName.get(f.postscript);
    if (!font) {
      font = parseFontFile(f.module ? require.resolve(f.file) : f.file, f.postscript);
      prepare(font, unread.get(font));
      byName.set(f.postscript, font);
    }
    faces[face] = font;
    names[face] = f.postscript;
  }
  const out = { faces, names };
  loaded.set(family, out);
  return out;
}
