/**
 * A faster subsetter for CID-keyed CFF faces (Noto Serif CJK).
 *
 * fontkit's CFFSubset keeps every global and local subroutine slot, writes each through its
 * binary-structure library (tens of thousands of entries a document for the CJK faces) and
 * decodes each glyph's outline to learn which subroutines it calls. Here the CFF table is
 * read once per process (INDEX offsets, FDSelect, font and private dicts), each glyph's
 * charstring is scanned once for the subroutines it reaches, and a document's subset holds
 * only the used glyphs and the subroutines they reach, renumbered in their original order
 * (the calls' operands rewritten, the biases those of the new counts). The outlines are the
 * original's, operator for operator; test/pdf/cff-subset.test.ts checks them through fontkit.
 * Renumbered rather than kept at their numbers with the slots not reached emptied (as fontkit
 * does): measured on generated meetings in Chinese, 90 kB a PDF instead of 191 and about a
 * third of the time, the offsets of some 30,000 empty slots no longer written and compressed.
 *
 * A face this reader does not expect (not CID-keyed, arithmetic operators in charstrings, a
 * subroutine number not given as a literal) keeps fontkit's subsetter.
 */
import type { FontkitFont } from 'pdfkit';
import { concat } from './subset.js';

/** An INDEX of the original table: entry i is bytes[offsets[i], offsets[i + 1]). */
interface Index {
  count: number;
  offsets: Uint32Array;
}

/**
 * A charstring's calls: for each, [start, end) of the literal operand before the call,
 * whether the call is global (1) or local (0), and the subroutine's number (bias applied).
 */
type Calls = readonly number[];

interface FontDict {
  /** The font dict's entries, without Private and FontName. */
  entries: Uint8Array;
  /** The private dict's entries, without Subrs. */
  privateEntries: Uint8Array;
  subrs?: Index;
  /** Calls made by each local subroutine scanned so far. */
  subrCalls: Map<number, Calls>;
}

interface GlyphInfo {
  calls: Calls;
  /** The global and local subroutines the glyph reaches, directly or through others. */
  gsubrs: Set<number>;
  subrs: Set<number>;
}

interface ParsedCff {
  bytes: Uint8Array;
  /** Reads bytes [from, to) of the table, when its charstrings are read as they are needed (font-file.ts). */
  need?: (from: number, to: number) => void;
  name: Uint8Array;
  /** The Top DICT's entries this writer carries over (font matrix, bounding box, ...). */
  topEntries: Uint8Array;
  charStrings: Index;
  gsubrs: Index;
  gsubrCalls: Map<number, Calls>;
  fdSelect: Uint8Array;
  fds: FontDict[];
  glyphs: Map<number, GlyphInfo>;
}

class Unsupported extends Error {}

/** The parts of a parsed fontkit font read here (internal; written for fontkit 2.0.4 as pdfkit 0.20.2 uses it). */
interface FontInternals extends FontkitFont {
  createSubset(): unknown;
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  stream: { buffer: Uint8Array };
}

interface State {
  parsed?: ParsedCff;
  /** Reads the charstrings not read yet, before fontkit's subsetter reads any of them. */
  readAll?: () => void;
}

const states = new WeakMap<FontkitFont, State>();

/**
 * Makes `font.createSubset()` return the faster subsetter when the font is a CID-keyed CFF
 * this reader understands; otherwise leaves fontkit's. Returns whether it did. `outlines`:
 * the font file's charstrings not read yet (font-file.ts), in offsets of the file.
 */
export function useFastCffSubsets(fontkitFont: FontkitFont, outlines?: { need(from: number, to: number): void; all(): void }): boolean {
  const font = fontkitFont as FontInternals;
  const entry = font.directory?.tables?.['CFF '];
  if (!entry || typeof font.createSubset !== 'function' || states.has(font)) return states.get(font)?.parsed !== undefined;
  const state: State = outlines ? { readAll: () => outlines.all() } : {};
  states.set(font, state);
  try {
    const need = outlines ? (from: number, to: number) => outlines.need(entry.offset + from, entry.offset + to) : undefined;
    state.parsed = parseCff(font.stream.buffer.subarray(entry.offset, entry.offset + entry.length), need);
  } catch (e) {
    if (e instanceof Unsupported || e instanceof RangeError) {
      outlines?.all();
      return false;
    }
    throw e;
  }
  const original = font.createSubset.bind(font);
  font.createSubset = () => new CffSubset(state.parsed!, original, state);
  return true;
}

/** Whether the font's outlines are CFF (then pdfkit embeds it as CIDFontType0C, from a subset that says so). */
export function hasCffOutlines(fontkitFont: FontkitFont): boolean {
  return (fontkitFont as FontInternals).directory?.tables?.['CFF '] !== undefined;
}

interface Subset {
  includeGlyph(glyph: number | { id: number }): number;
  encode(): Uint8Array;
}

class CffSubset implements Subset {
  glyphs: number[] = [];
  mapping: Record<number, number> = {};
  /** pdfkit embeds the file as CIDFontType0C when the subset has a `cff`. */
  readonly cff = true;

  constructor(
    private readonly parsed: ParsedCff,
    private readonly original: () => unknown,
    private readonly state: State,
  ) {
    this.includeGlyph(0);
  }

  includeGlyph(glyph: number | { id: number }): number {
    const id = typeof glyph === 'object' ? glyph.id : glyph;
    let at = this.mapping[id];
    if (at === undefined) {
      at = this.glyphs.push(id) - 1;
      this.mapping[id] = at;
    }
    return at;
  }

  /** fontkit's subset of the same glyphs. */
  fallback(): Subset {
    this.state.readAll?.();
    const subset = this.original() as Subset;
    for (const g of this.glyphs) subset.includeGlyph(g);
    return subset;
  }

  encode(): Uint8Array {
    if (!this.state.parsed) return this.fallback().encode();
    try {
      return writeSubset(this.parsed, this.glyphs);
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      this.state.parsed = undefined; // this face keeps fontkit's subsetter from now on
      return this.fallback().encode();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the original table

function readIndex(bytes: Uint8Array, at: number): { index: Index; end: number } {
  const count = (bytes[at]! << 8) | bytes[at + 1]!;
  if (count === 0) return { index: { count: 0, offsets: new Uint32Array(1) }, end: at + 2 };
  const offSize = bytes[at + 2]!;
  if (offSize < 1 || offSize > 4) throw new Unsupported('INDEX offset size');
  const offsets = new Uint32Array(count + 1);
  const data = at + 3 + (count + 1) * offSize - 1;
  let p = at + 3;
  for (let i = 0; i <= count; i++) {
    let v = 0;
    for (let k = 0; k < offSize; k++) v = v * 256 + bytes[p++]!;
    offsets[i] = data + v;
  }
  if (offsets[count]! > bytes.length) throw new Unsupported('INDEX past the table');
  return { index: { count, offsets }, end: offsets[count]! };
}

/**
 * Where the table's charstrings lie ([start, end) in the table): the CharStrings INDEX's
 * data, which the Top DICT locates. `load(from, to)` makes bytes of the table readable
 * before they are read (font-file.ts reads the rest of the file around this span).
 * Undefined when the table is not one this reader understands.
 */
export function charStringsSpan(bytes: Uint8Array, load: (from: number, to: number) => void): [number, number] | undefined {
  const indexAt = (at: number) => {
    load(at, at + 3);
    const count = (bytes[at]! << 8) | bytes[at + 1]!;
    if (count > 0) load(at, at + 3 + (count + 1) * bytes[at + 2]!);
    return readIndex(bytes, at);
  };
  try {
    load(0, 4);
    if (bytes[0] !== 1) return undefined;
    const names = indexAt(bytes[2]!);
    const tops = indexAt(names.end);
    if (tops.index.count !== 1) return undefined;
    load(tops.index.offsets[0]!, tops.index.offsets[1]!);
    const charStringsAt = entryOf(readDict(bytes, tops.index.offsets[0]!, tops.index.offsets[1]!), 17)?.operands[0];
    if (charStringsAt === undefined || !(charStringsAt > 0 && charStringsAt < bytes.length)) return undefined;
    const { offsets, count } = indexAt(charStringsAt).index;
    return count > 0 ? [offsets[0]!, offsets[count]!] : undefined;
  } catch (e) {
    if (e instanceof Unsupported || e instanceof RangeError) return undefined;
    throw e;
  }
}

/** A DICT's entries: operator (escaped ones as 1200 + second byte), operands, and where the entry's bytes are. */
interface DictEntry {
  op: number;
  operands: number[];
  start: number;
  end: number;
}

function readDict(bytes: Uint8Array, start: number, end: number): DictEntry[] {
  const entries: DictEntry[] = [];
  let operands: number[] = [];
  let entryStart = start;
  let p = start;
  while (p < end) {
    const b = bytes[p]!;
    if (b <= 21) {
      let op = b;
      p++;
      if (b === 12) op = 1200 + bytes[p++]!;
      entries.push({ op, operands, start: entryStart, end: p });
      operands = [];
      entryStart = p;
    } else if (b === 28) {
      operands.push(((bytes[p + 1]! << 24) | (bytes[p + 2]! << 16)) >> 16);
      p += 3;
    } else if (b === 29) {
      operands.push((bytes[p + 1]! << 24) | (bytes[p + 2]! << 16) | (bytes[p + 3]! << 8) | bytes[p + 4]!);
      p += 5;
    } else if (b === 30) {
      // A real number: nibbles up to an 0xf; its value is never an offset, so it is kept as bytes only.
      p++;
      while (p < end && (bytes[p]! & 0x0f) !== 0x0f && (bytes[p]! & 0xf0) !== 0xf0) p++;
      p++;
      operands.push(NaN);
    } else if (b >= 32 && b <= 246) {
      operands.push(b - 139);
      p++;
    } else if (b >= 247 && b <= 250) {
      operands.push((b - 247) * 256 + bytes[p + 1]! + 108);
      p += 2;
    } else if (b >= 251 && b <= 254) {
      operands.push(-(b - 251) * 256 - bytes[p + 1]! - 108);
      p += 2;
    } else throw new Unsupported('DICT operand');
  }
  return entries;
}

/** Operators whose operands are strings (SIDs) or offsets into the original: never copied. */
const DROPPED = new Set([0, 1, 2, 3, 4, 13, 14, 15, 16, 17, 18, 19, 1200, 1220, 1221, 1222, 1223, 1230, 1234, 1235, 1236, 1237, 1238]);

function keptEntries(bytes: Uint8Array, entries: readonly DictEntry[]): Uint8Array {
  const parts = entries.filter((e) => !DROPPED.has(e.op)).map((e) => bytes.subarray(e.start, e.end));
  return concat(parts);
}

const entryOf = (entries: readonly DictEntry[], op: number) => entries.find((e) => e.op === op);

function parseCff(bytes: Uint8Array, need?: (from: number, to: number) => void): ParsedCff {
  if (bytes[0] !== 1) throw new Unsupported('CFF version');
  const names = readIndex(bytes, bytes[2]!);
  const tops = readIndex(bytes, names.end);
  const strings = readIndex(bytes, tops.end);
  const gsubrs = readIndex(bytes, strings.end);
  if (names.index.count !== 1 || tops.index.count !== 1) throw new Unsupported('font set');
  const top = readDict(bytes, tops.index.offsets[0]!, tops.index.offsets[1]!);
  const ros = entryOf(top, 1230);
  const charStringsAt = entryOf(top, 17)?.operands[0];
  const fdArrayAt = entryOf(top, 1236)?.operands[0];
  const fdSelectAt = entryOf(top, 1237)?.operands[0];
  const type = entryOf(top, 1206)?.operands[0] ?? 2;
  if (!ros || charStringsAt === undefined || fdArrayAt === undefined || fdSelectAt === undefined || type !== 2) throw new Unsupported('not a CID-keyed CFF');
  const charStrings = readIndex(bytes, charStringsAt).index;
  const n = charStrings.count;
  const fdArray = readIndex(bytes, fdArrayAt).index;
  const fds: FontDict[] = [];
  for (let i = 0; i < fdArray.count; i++) {
    const dict = readDict(bytes, fdArray.offsets[i]!, fdArray.offsets[i + 1]!);
    const priv = entryOf(dict, 18);
    let privateEntries: Uint8Array = new Uint8Array(0);
    let subrs: Index | undefined;
    if (priv) {
      const [size, offset] = priv.operands as [number, number];
      const pdict = readDict(bytes, offset, offset + size);
      privateEntries = keptEntries(bytes, pdict);
      const subrsAt = entryOf(pdict, 19)?.operands[0];
      if (subrsAt !== undefined) subrs = readIndex(bytes, offset + subrsAt).index;
    }
    fds.push({ entries: keptEntries(bytes, dict), privateEntries, ...(subrs ? { subrs } : {}), subrCalls: new Map() });
  }
  const fdSelect = new Uint8Array(n);
  const format = bytes[fdSelectAt]!;
  if (format === 0) fdSelect.set(bytes.subarray(fdSelectAt + 1, fdSelectAt + 1 + n));
  else if (format === 3) {
    const ranges = (bytes[fdSelectAt + 1]! << 8) | bytes[fdSelectAt + 2]!;
    for (let r = 0; r < ranges; r++) {
      const at = fdSelectAt + 3 + r * 3;
      const first = (bytes[at]! << 8) | bytes[at + 1]!;
      const next = (bytes[at + 3]! << 8) | bytes[at + 4]!; // the next range's first, or the sentinel
      fdSelect.fill(bytes[at + 2]!, first, Math.min(next, n));
    }
  } else throw new Unsupported('FDSelect format');
  for (const fd of fdSelect) if (fd >= fds.length) throw new Unsupported('FDSelect past FDArray');
  return {
    bytes,
    ...(need ? { need } : {}),
    name: bytes.slice(names.index.offsets[0]!, names.index.offsets[1]!),
    topEntries: keptEntries(bytes, top),
    charStrings,
    gsubrs: gsubrs.index,
    gsubrCalls: new Map(),
    fdSelect,
    fds,
    glyphs: new Map(),
  };
}

// ---------------------------------------------------------------------------------------------
// Scanning charstrings for the subroutines they reach

/** The bias added to a subroutine operand (Type 2 charstrings), by the INDEX's count. */
export const bias = (count: number) => (count < 1240 ? 107 : count < 33900 ? 1131 : 32768);

/**
 * Runs a glyph's charstring as far as calls go: the operand stack (for the subroutine
 * numbers and the stem count, which sets the length of hintmask's mask), each subroutine
 * entered. Records each charstring's calls, the same on every visit or the face is refused.
 */
class Scanner {
  private stack: number[] = [];
  private stems = 0;
  private ended = false;
  readonly gsubrs = new Set<number>();
  readonly subrs = new Set<number>();

  constructor(
    private readonly cff: ParsedCff,
    private readonly fd: FontDict,
  ) {}

  glyph(gid: number): GlyphInfo {
    const { offsets } = this.cff.charStrings;
    const calls = this.run(offsets[gid]!, offsets[gid + 1]!, 0);
    return { calls, gsubrs: this.gsubrs, subrs: this.subrs };
  }

  private enter(global: boolean, index: number, depth: number): void {
    const table = global ? this.cff.gsubrs : this.fd.subrs;
    if (!table || index < 0 || index >= table.count || depth > 10) throw new Unsupported('subroutine call out of range');
    (global ? this.gsubrs : this.subrs).add(index);
    const calls = this.run(table.offsets[index]!, table.offsets[index + 1]!, depth + 1);
    const memo = global ? this.cff.gsubrCalls : this.fd.subrCalls;
    const known = memo.get(index);
    if (!known) memo.set(index, calls);
    else if (known.length !== calls.length || known.some((v, i) => v !== calls[i])) throw new Unsupported('a subroutine read two ways');
  }

  private run(start: number, end: number, depth: number): Calls {
    const bytes = this.cff.bytes;
    const calls: number[] = [];
    const stack = this.stack;
    let p = start;
    let numberStart = -1; // where the last token began, when it was a number that ends at p
    while (p < end && !this.ended) {
      const b = bytes[p]!;
      if (b >= 32 || b === 28) {
        const from = p;
        if (b === 28) {
          stack.push(((bytes[p + 1]! << 24) | (bytes[p + 2]! << 16)) >> 16);
          p += 3;
        } else if (b <= 246) {
          stack.push(b - 139);
          p += 1;
        } else if (b <= 250) {
          stack.push((b - 247) * 256 + bytes[p + 1]! + 108);
          p += 2;
        } else if (b <= 254) {
          stack.push(-(b - 251) * 256 - bytes[p + 1]! - 108);
          p += 2;
        } else {
          stack.push(((bytes[p + 1]! << 24) | (bytes[p + 2]! << 16) | (bytes[p + 3]! << 8) | bytes[p + 4]!) / 65536);
          p += 5;
        }
        numberStart = from;
        continue;
      }
      const literal = numberStart;
      numberStart = -1;
      p++;
      switch (b) {
        case 1: // hstem
        case 3: // vstem
        case 18: // hstemhm
        case 23: // vstemhm
          this.stems += stack.length >> 1;
          stack.length = 0;
          break;
        case 19: // hintmask
        case 20: // cntrmask
          // Operands left before the first mask are vertical stems.
          this.stems += stack.length >> 1;
          stack.length = 0;
          p += (this.stems + 7) >> 3;
          break;
        case 10: // callsubr
        case 29: {
          // callgsubr
          const global = b === 29;
          if (literal < 0 || !stack.length) throw new Unsupported('a subroutine number that is not a literal');
          const table = global ? this.cff.gsubrs : this.fd.subrs;
          const index = stack.pop()! + bias(table?.count ?? 0);
          calls.push(literal, p - 1, global ? 1 : 0, index);
          this.enter(global, index, depth);
          break;
        }
        case 11: // return
          return calls;
        case 14: // endchar
          this.ended = true;
          return calls;
        case 12: {
          const op = bytes[p++]!;
          // flex, hflex, hflex1, flex1 and the old dotsection clear the stack; the arithmetic and storage operators are not expected.
          if (op !== 0 && (op < 34 || op > 37)) throw new Unsupported('arithmetic in a charstring');
          stack.length = 0;
          break;
        }
        default:
          if (b === 0 || b === 2 || b === 9 || b === 13 || b === 15 || b === 16 || b === 17) throw new Unsupported('reserved charstring operator');
          stack.length = 0;
      }
    }
    return calls;
  }
}

function glyphInfo(cff: ParsedCff, gid: number): GlyphInfo {
  let info = cff.glyphs.get(gid);
  if (!info) {
    if (gid < 0 || gid >= cff.charStrings.count) throw new Unsupported('glyph out of range');
    cff.need?.(cff.charStrings.offsets[gid]!, cff.charStrings.offsets[gid + 1]!);
    info = new Scanner(cff, cff.fds[cff.fdSelect[gid]!]!).glyph(gid);
    cff.glyphs.set(gid, info);
  }
  return info;
}

/** The subroutines `gid` reaches (numbers in the original INDEXes), for tests. */
export function reachedSubroutines(fontkitFont: FontkitFont, gid: number): { gsubrs: number[]; subrs: number[] } | undefined {
  const parsed = states.get(fontkitFont)?.parsed;
  if (!parsed) return undefined;
  const info = glyphInfo(parsed, gid);
  return { gsubrs: [...info.gsubrs].sort((a, b) => a - b), subrs: [...info.subrs].sort((a, b) => a - b) };
}

// ---------------------------------------------------------------------------------------------
// Writing the subset

/** A charstring with its calls' operands renumbered. */
function rewrite(bytes: Uint8Array, start: number, end: number, calls: Calls, globalMap: Map<number, number>, localMap: Map<number, number> | undefined, gBias: number, lBias: number): Uint8Array {
  if (!calls.length) return bytes.subarray(start, end);
  const parts: Uint8Array[] = [];
  let p = start;
  for (let i = 0; i < calls.length; i += 4) {
    const global = calls[i + 2] === 1;
    const renumbered = (global ? globalMap : localMap!).get(calls[i + 3]!)! - (global ? gBias : lBias);
    parts.push(bytes.subarray(p, calls[i]!), charstringNumber(renumbered));
    p = calls[i + 1]!;
  }
  parts.push(bytes.subarray(p, end));
  return concat(parts);
}

function charstringNumber(v: number): Uint8Array {
  if (v >= -107 && v <= 107) return Uint8Array.of(v + 139);
  if (v >= 108 && v <= 1131) return Uint8Array.of(((v - 108) >> 8) + 247, (v - 108) & 0xff);
  if (v <= -108 && v >= -1131) return Uint8Array.of(((-v - 108) >> 8) + 251, (-v - 108) & 0xff);
  return Uint8Array.of(28, (v >> 8) & 0xff, v & 0xff);
}

/** A DICT integer in five bytes, so that a dict's length does not depend on the offsets it holds. */
const int32 = (v: number) => Uint8Array.of(29, (v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
const op = (...b: number[]) => Uint8Array.from(b);

function indexBytes(entries: readonly Uint8Array[]): Uint8Array {
  if (!entries.length) return Uint8Array.of(0, 0);
  let data = 0;
  for (const e of entries) data += e.length;
  const offSize = data + 1 <= 0xff ? 1 : data + 1 <= 0xffff ? 2 : data + 1 <= 0xffffff ? 3 : 4;
  const head = 3 + (entries.length + 1) * offSize;
  const out = new Uint8Array(head + data);
  out[0] = entries.length >> 8;
  out[1] = entries.length & 0xff;
  out[2] = offSize;
  let p = 3;
  let offset = 1;
  let at = head;
  const put = (v: number) => {
    for (let k = offSize - 1; k >= 0; k--) out[p++] = (v >>> (8 * k)) & 0xff;
  };
  for (const e of entries) {
    put(offset);
    out.set(e, at);
    at += e.length;
    offset += e.length;
  }
  put(offset);
  return out;
}

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
/** The strings the subset's Top DICT names, after the 391 standard ones. */
const STRINGS = indexBytes([latin1('Adobe'), latin1('Identity')]);
const ROS = concat([int32(391), int32(392), int32(0), op(12, 30)]);

function writeSubset(cff: ParsedCff, glyphs: readonly number[]): Uint8Array {
  const infos = glyphs.map((g) => glyphInfo(cff, g));
  // The font dicts in the order of first use, each with the local subroutines its glyphs reach.
  const fdOf = new Map<number, number>();
  const usedFds: number[] = [];
  const localUsed: Set<number>[] = [];
  const globalUsed = new Set<number>();
  const select = new Uint8Array(glyphs.length);
  glyphs.forEach((g, i) => {
    const fd = cff.fdSelect[g]!;
    let k = fdOf.get(fd);
    if (k === undefined) {
      k = usedFds.push(fd) - 1;
      fdOf.set(fd, k);
      localUsed.push(new Set());
    }
    select[i] = k;
    for (const s of infos[i]!.gsubrs) globalUsed.add(s);
    for (const s of infos[i]!.subrs) localUsed[k]!.add(s);
  });
  const numbering = (used: Set<number>) => new Map([...used].sort((a, b) => a - b).map((s, i) => [s, i]));
  const globalMap = numbering(globalUsed);
  const localMaps = localUsed.map(numbering);
  const gBias = bias(globalMap.size);
  const lBiases = localMaps.map((m) => bias(m.size));
  const { bytes } = cff;

  const charStrings = glyphs.map((g, i) => rewrite(bytes, cff.charStrings.offsets[g]!, cff.charStrings.offsets[g + 1]!, infos[i]!.calls, globalMap, localMaps[select[i]!], gBias, lBiases[select[i]!]!));
  const gsubrs = [...globalMap.keys()].map((s) => rewrite(bytes, cff.gsubrs.offsets[s]!, cff.gsubrs.offsets[s + 1]!, cff.gsubrCalls.get(s)!, globalMap, undefined, gBias, 0));
  // Local subroutines call global ones and those of their own dict.
  const privates = usedFds.map((fd, k) => {
    const dict = cff.fds[fd]!;
    const subrs = dict.subrs ? [...localMaps[k]!.keys()].map((s) => rewrite(bytes, dict.subrs!.offsets[s]!, dict.subrs!.offsets[s + 1]!, dict.subrCalls.get(s)!, globalMap, localMaps[k], gBias, lBiases[k]!)) : undefined;
    const subrsIndex = subrs?.length ? indexBytes(subrs) : undefined;
    const length = dict.privateEntries.length + (subrsIndex ? 6 : 0);
    const privateDict = subrsIndex ? concat([dict.privateEntries, int32(length), op(19)]) : dict.privateEntries;
    return { privateDict, subrsIndex };
  });

  const n = glyphs.length;
  const name = indexBytes([cff.name]);
  const topLength = ROS.length + cff.topEntries.length + int32(0).length * 5 + 2 + 1 + 2 + 2 + 1;
  const topIndexLength = 3 + 2 * (topLength + 1 <= 0xff ? 1 : 2) + topLength;
  const globalIndex = indexBytes(gsubrs);
  const charset = n > 1 ? op(2, 0, 1, ((n - 2) >> 8) & 0xff, (n - 2) & 0xff) : op(0);
  const fdSelect = concat([op(0), select]);
  const charStringsIndex = indexBytes(charStrings);

  let at = 4 + name.length + topIndexLength + STRINGS.length + globalIndex.length;
  const charsetAt = at;
  at += charset.length;
  const fdSelectAt = at;
  at += fdSelect.length;
  const charStringsAt = at;
  at += charStringsIndex.length;
  const fdArrayAt = at;
  // Each font dict: its entries, then Private as two five-byte integers and the operator.
  const fdArrayIndexLength = indexBytes(usedFds.map((fd) => new Uint8Array(cff.fds[fd]!.entries.length + 11))).length;
  at += fdArrayIndexLength;
  const fontDicts: Uint8Array[] = [];
  const tail: Uint8Array[] = [];
  usedFds.forEach((fd, k) => {
    const { privateDict, subrsIndex } = privates[k]!;
    fontDicts.push(concat([cff.fds[fd]!.entries, int32(privateDict.length), int32(at), op(18)]));
    tail.push(privateDict);
    at += privateDict.length;
    if (subrsIndex) {
      tail.push(subrsIndex);
      at += subrsIndex.length;
    }
  });
  // CharStrings before FDSelect: fontkit reads a format 0 FDSelect by the glyph count it has read.
  const top = concat([ROS, cff.topEntries, int32(n), op(12, 34), int32(charsetAt), op(15), int32(charStringsAt), op(17), int32(fdSelectAt), op(12, 37), int32(fdArrayAt), op(12, 36)]);
  if (top.length !== topLength) throw new Error('CFF subset: Top DICT length');
  const topIndex = indexBytes([top]);
  const fdArray = indexBytes(fontDicts);
  const out = concat([op(1, 0, 4, 4), name, topIndex, STRINGS, globalIndex, charset, fdSelect, charStringsIndex, fdArray, ...tail]);
  if (out.length !== at) throw new Error('CFF subset: offsets');
  return out;
}

