import type PDFDocument from 'pdfkit';
import type { GlyphPosition, PDFStructureElement, StructOptions } from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Line, Mark, StructNode, Style } from '../../typeset/index.js';
import type { Face, FontSet, ShapedRun } from './fonts.js';
import { mirrored } from '../../typeset/bidi.js';
import { MAX_NUMBER_BYTES, pageContent, writeNumber, type PageContent } from './page-content.js';

/**
 * pdfkit's cache keys for the faces: the PostScript names, which pdfkit also files
 * each font under. Any other key makes pdfkit open (and compare) the font again
 * on every selection.
 */
const FAMILY: Record<Face, string> = { regular: 'Tinos-Regular', bold: 'Tinos-Bold', italic: 'Tinos-Italic', boldItalic: 'Tinos-BoldItalic' };

/** The family whose faces loadFonts embeds. */
const EMBEDDED_FAMILY = 'Tinos';

/** Where drawn text goes in the structure tree: an element, or nowhere (an artifact). */
export type Target = PDFStructureElement | 'artifact';

/** Draws positioned text and rules into pdfkit, marking every mark as tagged content or artifact. */
export class Painter {
  /** The face last selected in pdfkit (its PostScript name). */
  private face: string | undefined;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: FontSet,
    /** The element type of each target, for the marked-content tag. */
    private readonly types: WeakMap<PDFStructureElement, string>,
  ) {}

  /** Runs `draw` inside marked content that belongs to `target`. */
  mark(target: Target, draw: () => void): void {
    if (target === 'artifact') {
      this.doc.markContent('Artifact', { type: 'Pagination' });
      draw();
      this.doc.endMarkedContent();
      return;
    }
    const content = this.doc.markStructureContent(this.types.get(target) ?? 'Span');
    draw();
    this.doc.endMarkedContent();
    target.add(content);
  }

  /** The pdfkit element of each typeset structure element, by its index. */
  private elements: PDFStructureElement[] = [];

  /** Makes the typeset structure tree's elements, in its order, under `root` (its first element). */
  structure(nodes: readonly StructNode[], root: PDFStructureElement): void {
    this.elements = [root];
    for (let i = 1; i < nodes.length; i++) {
      const n = nodes[i]!;
      this.elements.push(this.struct(this.elements[n.parent!.index]!, n.type, n.scope ? { scope: n.scope } : undefined));
    }
  }

  /** Paints marks whose `y` is measured from `top`; text as artifacts when `artifact` (repeated table headers). */
  marks(marks: readonly Mark[], top: number, artifact: boolean): void {
    for (const m of marks) {
      switch (m.kind) {
        case 'line':
          this.line(m.line, m.x, top + m.y, artifact || m.target === 'artifact' ? 'artifact' : this.elements[m.target.index]!);
          break;
        case 'run': {
          const target: Target = artifact || m.target === 'artifact' ? 'artifact' : this.elements[m.target.index]!;
          this.mark(target, () => this.text(m.text, m.style, m.x, top + m.y));
          break;
        }
        case 'rule':
          this.mark('artifact', () => this.rule(m.x1, m.x2, top + m.y, m.width));
          break;
        case 'bars':
          this.mark('artifact', () => {
            for (const [at, w] of m.bars) this.doc.rect(m.x + at * m.module, top + m.y, w * m.module, m.height);
            this.doc.fill('black');
          });
          break;
        case 'path':
          this.mark('artifact', () => {
            this.doc.save().translate(m.x, top + m.y).scale(m.scale);
            if (!rectilinearPath(pageContent(this.doc.page), m.path)) this.doc.path(m.path);
            this.doc.fill('black').restore();
          });
          break;
        case 'image':
          this.mark('artifact', () => {
            if (m.format === 'svg') drawSvg(this.doc, m.data, m.x, top + m.y, m.width, m.height);
            else this.doc.image(Buffer.from(m.data), m.x, top + m.y, { fit: [m.width, m.height], align: 'left', valign: 'top' });
          });
          // pdfkit sets the fill colour and font of its own: choose ours again before the next text.
          this.face = undefined;
          break;
      }
    }
  }

  struct(parent: PDFStructureElement, type: string, options?: StructOptions): PDFStructureElement {
    const el = this.doc.struct(type, options);
    this.types.set(el, type);
    parent.add(el);
    return el;
  }

  /** Draws one line of pieces with its baseline at `baseline`, justified if the line says so. */
  line(line: Line, x: number, baseline: number, target: Target): void {
    if (line.logical !== undefined) return this.visualLine(line, x, baseline, target);
    const extra = line.stretch;
    // One marked-content sequence per run of pieces in one style (one Link element per linked run);
    // inside it each word is set at its own position, followed by its space: real space
    // characters keep the text readable to assistive technology and text extraction.
    const ps = line.pieces;
    const xs = line.xs;
    const counts = line.spaces;
    let i = 0;
    while (i < ps.length) {
      let j = i + 1;
      while (j < ps.length && sameStyle(ps[j]!.style, ps[i]!.style)) j++;
      const draw = () => {
        const words: string[] = [];
        const at: number[] = [];
        for (let k = i; k < j; k++) {
          const piece = ps[k]!;
          const next = k + 1 < ps.length ? ps[k + 1]!.before : line.end;
          const space = next === 'space' || next === 'glue';
          words.push(space ? `${piece.text} ` : piece.text);
          at.push(x + xs[k]! + extra * counts[k]!);
        }
        this.words(words, at, ps[i]!.style, baseline);
        if (j === ps.length && line.end === 'hyphen') {
          // The hyphen a line break added: drawn, and read as a soft hyphen (U+00AD) through
          // replacement text, as Tagged PDF represents an incidental word division.
          const last = ps[j - 1]!;
          this.words(['-'], [at[at.length - 1]! + last.width], last.style, baseline, SOFT_HYPHEN_SPAN);
        }
      };
      const style = ps[i]!.style;
      if (style.link && target !== 'artifact') {
        const start = x + xs[i]! + extra * counts[i]!;
        const end = x + xs[j - 1]! + ps[j - 1]!.width + extra * counts[j - 1]!;
        const link = this.struct(target, 'Link');
        this.mark(link, draw);
        this.doc.link(start, baseline - style.size * 0.8, end - start, style.size * 1.05, style.link, { structParent: link });
      } else {
        this.mark(target, draw);
      }
      i = j;
    }
  }

  /**
   * Draws a line whose pieces the typesetter put in visual order (a right-to-left
   * paragraph, bidi.ts), each at its offset, right-to-left pieces with their glyphs right
   * to left. Text extraction rebuilds the logical order from the glyphs' positions, as for
   * any right-to-left PDF; a bracket drawn mirrored is read as the character the text has
   * (its replacement text, Tagged PDF's ActualText), not as the glyph's own.
   */
  private visualLine(line: Line, x: number, baseline: number, target: Target): void {
    const ps = line.pieces;
    const piece = (k: number) => {
      const p = ps[k]!;
      const at = x + line.xs[k]!;
      const level = p.style.level;
      if (level % 2 === 0 || !MIRRORED.test(p.text)) return this.words([drawnText(p.text, level)], [at], p.style, baseline);
      // Logical segments: text without mirrored characters, and each mirrored one alone; drawn from the left, the last first.
      let cx = at;
      for (const seg of (p.text.match(SEGMENTS) ?? []).reverse()) {
        const span = seg.length === 1 && MIRRORED.test(seg) ? `/Span <</ActualText <FEFF${utf16Hex(seg)}>>> BDC` : undefined;
        this.words([drawnText(seg, level)], [cx], p.style, baseline, span);
        cx += this.fonts.width(p.style.face, p.style.size, seg, p.style.font === EMBEDDED_FAMILY ? undefined : p.style.font);
      }
    };
    // Groups of pieces with one link (or none): a linked group is a Link element with its annotation.
    // Right to left, the groups are marked from the right, so that the structure reads them in logical order.
    const groups: [number, number][] = [];
    for (let i = 0; i < ps.length; ) {
      let j = i + 1;
      while (j < ps.length && ps[j]!.style.link === ps[i]!.style.link) j++;
      groups.push([i, j]);
      i = j;
    }
    if (line.direction === 'rtl') groups.reverse();
    for (const [i, j] of groups) {
      const draw = () => {
        for (let k = i; k < j; k++) piece(k);
      };
      const link = ps[i]!.style.link;
      if (link && target !== 'artifact') {
        const start = x + line.xs[i]!;
        const end = x + line.xs[j - 1]! + ps[j - 1]!.width;
        const size = ps[i]!.style.size;
        const el = this.struct(target, 'Link');
        this.mark(el, draw);
        this.doc.link(start, baseline - size * 0.8, end - start, size * 1.05, link, { structParent: el });
      } else this.mark(target, draw);
    }
  }

  /** Sets `text` in `style` with its baseline at `y`. */
  text(text: string, style: Style, x: number, y: number): void {
    this.words([text], [x], style, y);
  }

  /**
   * Sets words of one style on one baseline, each at its own x: one text object
   * (BT … ET) with the font set once and a text matrix per word; inside the marked-content
   * sequence `span` opens, if given.
   */
  words(words: readonly string[], xs: readonly number[], style: Style, y: number, span?: string): void {
    if (style.font === EMBEDDED_FAMILY) {
      if (this.face !== FAMILY[style.face]) {
        this.doc.font(this.fonts.faces[style.face], FAMILY[style.face]);
        this.face = FAMILY[style.face];
      }
    } else {
      // Another script's family (Amiri, Noto Serif CJK): characters.ts has checked that it is installed.
      const family = this.fonts.family(style.font);
      if (!family) throw new Error(`no PDF font is installed for the family ${style.font}`);
      if (this.face !== family.names[style.face]) {
        this.doc.font(family.faces[style.face], family.names[style.face]);
        this.face = family.names[style.face];
      }
    }
    this.doc.fontSize(style.size);
    emitWords(this.doc, this.fonts, style.face, words, xs, y - style.rise, span, style.font === EMBEDDED_FAMILY ? undefined : style.font);
  }

  rule(x1: number, x2: number, y: number, width: number): void {
    this.doc.lineWidth(width).moveTo(x1, y).lineTo(x2, y).stroke();
  }
}

/**
 * Draws an SVG file as vectors (svg-to-pdfkit 0.1.8). Pictures it refers to are drawn only
 * from data: addresses, never read from a path or fetched (an emblem must not reach into
 * the file system); its problems are not printed (the core checked the file is an SVG drawing).
 */
function drawSvg(doc: PDFDocument, data: Uint8Array, x: number, y: number, width: number, height: number): void {
  SVGtoPDF(doc, new TextDecoder().decode(data), x, y, {
    width,
    height,
    preserveAspectRatio: 'xMinYMin meet',
    assumePt: true,
    imageCallback: (link) => (/^data:image\/(?:png|jpeg);base64,/i.test(link.trim()) ? link.replace(/\s+/g, '') : ''),
    warningCallback: () => undefined,
  });
}

/**
 * The replacement text of a hyphen added at a line break: U+00AD, as Tagged PDF represents an
 * incidental word division. Opened inside the text object, where the glyph's position is set
 * (a reader that applies it, as poppler's pdftotext, places it there).
 */
const SOFT_HYPHEN_SPAN = '/Span <</ActualText <FEFF00AD>>> BDC';

/** The text's UTF-16 code units in hexadecimal, as a PDF text string without its byte order mark. */
function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += `000${text.charCodeAt(i).toString(16).toUpperCase()}`.slice(-4);
  return out;
}

/**
 * What a piece of a visually ordered line is drawn from: on a right-to-left level its
 * characters mirrored ("(" drawn as ")"), and, when it has no right-to-left letter (which
 * the shaper would lay out right to left itself), in reverse order.
 */
function drawnText(text: string, level: number): string {
  if (level % 2 === 0) return text;
  const m = mirrored(text, level);
  return RTL_LETTER.test(m) ? m : [...m].reverse().join('');
}
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
/** Characters a right-to-left level draws mirrored (the paired brackets and quotation marks of the documents). */
const MIRRORED = /[()[\]{}<>«»‹›]/;
const SEGMENTS = /[()[\]{}<>«»‹›]|[^()[\]{}<>«»‹›]+/g;

const sameStyle = (a: Style, b: Style) => a.face === b.face && a.size === b.size && a.rise === b.rise && a.link === b.link && a.note === b.note && a.font === b.font && a.level === b.level;

/** pdfkit's number formatting: six decimals at most. */
const num = (n: number) => Math.round(n * 1e6) / 1e6;

/** A glyph id as pdfkit encodes it (four hex digits), made once per id for the whole process. */
const hexes: string[] = [];
const hex4 = (gid: number) => (hexes[gid] ??= `0000${gid.toString(16)}`.slice(-4));

/**
 * Writes words as pdfkit's `_fragment` would place their glyphs (its glyph encoding,
 * kerning adjustments and offsets), but in one text object, each word a relative move
 * from the one before and a plain show where nothing kerns: pdfkit brackets every call
 * in q/cm/BT/Tf … ET/Q and sets a full matrix per word, which for a word at a time made
 * most of the content stream and of the time spent writing and compressing it.
 *
 * Internals (`_font`, `_fontSize`, `page.fonts`, the embedded font's `ref`): written for pdfkit 0.20.2.
 */
function emitWords(doc: PDFDocument, fonts: FontSet, face: Face, words: readonly string[], xs: readonly number[], top: number, span?: string, family?: string): void {
  const font = doc._font;
  const size = doc._fontSize;
  const page = doc.page;
  const y = page.height - top;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const scale = size / 1000;
  const content = pageContent(page);
  let empty = true;
  // Where the current text line starts: the next word on the baseline is a relative move
  // from it (Td), a third of the bytes of a full text matrix. A word with glyph offsets
  // sets text matrices of its own, after which the next word sets a full one again.
  let lineX: number | undefined;
  for (let w = 0; w < words.length; w++) {
    const text = words[w]!;
    if (text.length === 0) continue;
    if (empty) content.text(`q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n/${font.id} ${num(size)} Tf${span ? `\n${span}` : ''}`);
    empty = false;
    const x = xs[w]!;
    if (lineX === undefined) {
      content.text('\n1 0 0 1 ');
      content.number(x);
      content.text(' ');
      content.number(y);
      content.text(' Tm');
    } else {
      content.text('\n');
      content.number(x - lineX);
      content.text(' 0 Td');
    }
    lineX = emitWord(content, font, fonts, face, text, x, y, scale, family) ? undefined : x;
  }
  if (!empty) content.text(span ? '\nEMC\nET\nQ\n' : '\nET\nQ\n');
}

/**
 * Per document font: the bytes that set each word whose glyphs have no offsets, the same
 * wherever it stands (the glyph ids are the document's subset's), kept in blocks of bytes.
 */
interface WordMemo {
  words: Map<string, Uint8Array>;
  block: Uint8Array;
  used: number;
}
const wordMemos = new WeakMap<object, WordMemo>();
const MEMO_BLOCK = 16384;

/**
 * The glyphs of the word being encoded (encodeRun): their ids in the document's subset and
 * their positions. Reused from word to word, as words are encoded one at a time.
 */
const glyphIds: number[] = [];
const glyphPositions: GlyphPosition[] = [];

/**
 * Writes the operators that set one word after its text matrix, as pdfkit's `_fragment`
 * writes them: the glyphs in TJ arrays split where kerning adjusts the advance, and a text
 * matrix of its own for a glyph with an offset. Returns whether it set text matrices
 * (moving the line start). Words repeat: those without offsets are encoded once per document.
 */
function emitWord(content: PageContent, font: PDFDocument['_font'], fonts: FontSet, face: Face, text: string, x: number, y: number, scale: number, family?: string): boolean {
  let memo = wordMemos.get(font);
  if (!memo) wordMemos.set(font, (memo = { words: new Map(), block: new Uint8Array(MEMO_BLOCK), used: 0 }));
  const known = memo.words.get(text);
  if (known !== undefined) {
    content.bytes(known);
    return false;
  }
  const count = encodeRun(font, fonts, face, text, family);
  for (let i = 0; i < count; i++) {
    const pos = glyphPositions[i]!;
    if (pos.xOffset || pos.yOffset) {
      content.text(offsetWordOperators(count, x, y, scale));
      return true;
    }
  }
  const bytes = plainWordBytes(memo, count);
  memo.words.set(text, bytes);
  content.bytes(bytes);
  return false;
}

const HEX_DIGITS = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));
const LESS = 0x3c;
const GREATER = 0x3e;
const SPACE = 0x20;

/**
 * The operators of a word without glyph offsets (glyphIds and glyphPositions, `count`
 * glyphs) as bytes, written into the memo's block: "\n<hex> Tj" where nothing kerns,
 * else "\n[<hex> adjustment <hex> adjustment …] TJ", as pdfkit writes them.
 */
function plainWordBytes(memo: WordMemo, count: number): Uint8Array {
  // At most: the brackets and operator, and per glyph its digits and a segment's "<", "> ", number and space.
  const room = 8 + count * (8 + MAX_NUMBER_BYTES);
  if (memo.used + room > memo.block.length) {
    memo.block = new Uint8Array(Math.max(MEMO_BLOCK, room));
    memo.used = 0;
  }
  const out = memo.block;
  const start = memo.used;
  let at = start + 1;
  out[start] = 0x0a; // \n, then "[" if the word needs an array
  let segments = 0;
  let firstEnd = 0; // where the first segment's closing ">" is
  let plain = false; // whether the first segment's adjustment is 0
  let last = 0;
  for (let i = 0; i < count; i++) {
    const pos = glyphPositions[i]!;
    if (i + 1 < count && pos.xAdvance - pos.advanceWidth === 0) continue;
    // A segment: glyphs last..i, then the adjustment after glyph i.
    if (segments > 0) out[at++] = SPACE;
    out[at++] = LESS;
    for (let g = last; g <= i; g++) {
      const gid = glyphIds[g]!;
      out[at++] = HEX_DIGITS[(gid >> 12) & 15]!;
      out[at++] = HEX_DIGITS[(gid >> 8) & 15]!;
      out[at++] = HEX_DIGITS[(gid >> 4) & 15]!;
      out[at++] = HEX_DIGITS[gid & 15]!;
    }
    const adjustment = num(-(pos.xAdvance - pos.advanceWidth));
    if (segments === 0) {
      firstEnd = at;
      plain = adjustment === 0; // -0 too: written "0"
    }
    out[at++] = GREATER;
    out[at++] = SPACE;
    at = writeNumber(out, at, adjustment);
    segments++;
    last = i + 1;
  }
  if (segments === 1 && plain) {
    // No kerning: a plain show, "\n<hex> Tj".
    at = firstEnd;
    out[at++] = GREATER;
    at = writeAscii(out, at, ' Tj');
  } else if (segments > 0) {
    // "\n[" + the segments: shift them one to the right for the bracket.
    out.copyWithin(start + 2, start + 1, at);
    out[start + 1] = 0x5b; // [
    at = writeAscii(out, at + 1, '] TJ');
  } else at = start; // no glyphs: nothing
  memo.used = at;
  return out.subarray(start, at);
}

function writeAscii(out: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) out[at++] = text.charCodeAt(i);
  return at;
}

/**
 * The operators of a word with glyph offsets (marks placed on their base), as pdfkit's
 * `_fragment` writes them: text matrices of their own around each offset glyph. Rare,
 * and depending on where the word stands: not kept.
 */
function offsetWordOperators(count: number, x: number, y: number, scale: number): string {
  let out = '';
  // The TJ array being written: its segments (glyphs and the adjustment after the last) as text.
  let array = '';
  let segments = 0;
  let firstHex = ''; // the first segment's glyphs: a plain show when it is alone and nothing kerns
  let firstPlain = false;
  let last = 0;
  let hadOffset = false;
  const addSegment = (cur: number) => {
    if (last < cur) {
      let hex = '';
      for (let g = last; g < cur; g++) hex += hex4(glyphIds[g]!);
      const end = glyphPositions[cur - 1]!;
      const adjustment = num(-(end.xAdvance - end.advanceWidth));
      if (segments === 0) {
        firstHex = hex;
        firstPlain = adjustment === 0; // -0 too: written "0"
        array = `<${hex}> ${adjustment}`;
      } else array += ` <${hex}> ${adjustment}`;
      segments++;
    }
    last = cur;
  };
  const flush = (i: number) => {
    addSegment(i);
    if (segments === 1 && firstPlain) out += `\n<${firstHex}> Tj`; // no kerning: a plain show
    else if (segments > 0) out += `\n[${array}] TJ`;
    segments = 0;
  };
  let i: number;
  let cx = x;
  for (i = 0; i < count; i++) {
    const pos = glyphPositions[i]!;
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      out += `\n1 0 0 1 ${num(cx + pos.xOffset * scale)} ${num(y + pos.yOffset * scale)} Tm`;
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        out += `\n1 0 0 1 ${num(cx)} ${num(y)} Tm`;
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    cx += pos.xAdvance * scale;
  }
  flush(i);
  return out;
}

/**
 * pdfkit's `font.encode(text)` for a word and the space after it, into glyphIds and
 * glyphPositions (the count is returned), from the shared cache of shaped words: the
 * word shaped once (for measuring and for setting), the space after it appended as
 * shaped alone, and the glyphs added to this document's subset. (pdfkit shaped "word "
 * anew: where the space kerns with the last letter, as after "A" or "T", only the
 * invisible space lands a little elsewhere.)
 *
 * Internals (the embedded font's `encode`, `subset.includeGlyph`, `widths`, `unicode`): written for pdfkit 0.20.2 and fontkit 2.0.4.
 */
function encodeRun(font: PDFDocument['_font'], fonts: FontSet, face: Face, text: string, family?: string): number {
  if (/[ \t]./.test(text)) {
    const [encoded, positions] = font.encode(text);
    for (let i = 0; i < encoded.length; i++) {
      glyphIds[i] = parseInt(encoded[i]!, 16);
      glyphPositions[i] = positions[i]!;
    }
    return encoded.length;
  }
  let count = 0;
  const add = (run: ShapedRun) => {
    for (let i = 0; i < run.glyphs.length; i++) {
      const glyph = run.glyphs[i]!;
      const gid = font.subset.includeGlyph(glyph.id);
      glyphIds[count] = gid;
      glyphPositions[count++] = run.positions[i]!;
      if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
      if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
    }
  };
  if (text.endsWith(' ')) {
    add(fonts.shape(face, text.slice(0, -1), family));
    add(fonts.shape(face, ' ', family));
  } else add(fonts.shape(face, text, family));
  return count;
}

/**
 * Writes a path made only of absolute moves and relative horizontal and vertical lines with
 * integer lengths ("M3 4h2v1h-2z", as the QR code's), with the operators pdfkit's SVG path
 * parser writes for it, byte for byte; returns false, having written nothing, for any
 * other path (pdfkit's parser then draws it). The parser built an array per command and a
 * string per operator: a tenth of what a document allocated.
 *
 * Internals (pdfkit's SVGPath runners M, h, v, z and the moveTo, lineTo and closePath operators): written for pdfkit 0.20.2.
 */
export function rectilinearPath(content: PageContent, path: string): boolean {
  if (!/^(?:M\d+ \d+(?:[hv]-?\d+)*z)*$/.test(path)) return false;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let i = 0;
  const integer = () => {
    const negative = path.charCodeAt(i) === 0x2d;
    if (negative) i++;
    let v = 0;
    for (let c = path.charCodeAt(i); c >= 0x30 && c <= 0x39; c = path.charCodeAt(++i)) v = v * 10 + (c - 0x30);
    return negative ? -v : v;
  };
  const point = (operator: string) => {
    content.number(x);
    content.text(' ');
    content.number(y);
    content.text(operator);
  };
  while (i < path.length) {
    const command = path[i++];
    if (command === 'M') {
      x = startX = integer();
      i++; // the space
      y = startY = integer();
      point(' m\n');
    } else if (command === 'h') {
      x += integer();
      point(' l\n');
    } else if (command === 'v') {
      y += integer();
      point(' l\n');
    } else {
      content.text('h\n');
      x = startX;
      y = startY;
    }
  }
  return true;
}
