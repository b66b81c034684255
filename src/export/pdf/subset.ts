/**
 * A faster TrueType subsetter, byte for byte the file fontkit's TTFSubset writes.
 *
 * pdfkit embeds each face through `font.createSubset()` and `subset.encode()`. fontkit
 * decodes every glyph's outline anew for each document (only to learn whether it is a
 * composite) and encodes the constant tables (hinting programs, header) value by value
 * through its binary-structure library: a large part of each PDF's cost in a batch.
 * Here each glyph's bytes and metrics are read once per process, and the constant
 * tables are taken from one subset encoded by fontkit itself, so the file stays the same.
 */
import type { FontkitFont } from 'pdfkit';

interface GlyphRecord {
  /** The glyph's bytes in the font's 'glyf' table. */
  data: Uint8Array;
  /** For a composite glyph: its components and where their glyph ids sit in `data`. */
  components?: { glyphID: number; pos: number }[];
  advance: number;
  bearing: number;
}

/** The parts of a parsed fontkit font the subsetter reads (internal; written for fontkit 2.0.4). */
interface FontInternals extends FontkitFont {
  createSubset(): Subset;
  loca: { offsets: number[]; version: number };
  hhea: { numberOfMetrics: number };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  stream: { buffer: Uint8Array };
  _variationProcessor?: unknown;
}

interface Subset {
  glyphs: number[];
  mapping: Record<number, number>;
  includeGlyph(glyph: number | { id: number }): number;
  encode(): Uint8Array;
}

/**
 * Tables of a subset file in fontkit's order; the constant ones are copied from a reference subset.
 * fontkit leaves out the hinting tables a font does not have (Amiri has no 'cvt ' and no 'fpgm').
 */
const ORDER = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;
const OPTIONAL = new Set<string>(['cvt ', 'prep', 'fpgm']);

/**
 * Makes `font.createSubset()` return the faster subsetter. Its constant tables come from
 * `reference` (a subset fontkit wrote at build time from the same file), or else from the font's first
 * subset, encoded by fontkit too: then the faster subsetter is used from then on only if it
 * wrote exactly the same bytes (otherwise, say with another fontkit or a CFF or variable
 * font, fontkit keeps the job).
 *
 * Internals (`createSubset`, `loca`, `hhea`, `directory`, `stream`): written for fontkit 2.0.4 as pdfkit 0.20.2 uses it.
 */
export function useFastSubsets(fontkitFont: FontkitFont, reference?: Uint8Array): void {
  const font = fontkitFont as FontInternals;
  if (font._variationProcessor || typeof font.createSubset !== 'function') return;
  const original = font.createSubset.bind(font);
  const shared: Shared = { original, records: new Map() };
  // A subset fontkit wrote at build time from this font file (scripts/font-tables.js): no
  // first subset to encode through fontkit. test/pdf/subset.test.ts compares the files.
  const tables = reference && readTables(reference);
  if (tables) {
    shared.tables = tables;
    shared.trusted = true;
  }
  states.set(font, shared);
  font.createSubset = () => new FastSubset(font, shared);
}

const states = new WeakMap<FontkitFont, Shared>();

/** Whether the faster subsetter writes this font's subsets (known after its first subset). */
export function fastSubsetsInUse(font: FontkitFont): boolean | undefined {
  return states.get(font)?.trusted;
}

interface Shared {
  original: () => Subset;
  records: Map<number, GlyphRecord>;
  /** Where the font file's 'glyf' and 'hmtx' tables are, read on the first record. */
  raw?: RawTables;
  /** The constant tables, from fontkit's file of the first subset. */
  tables?: Map<string, Uint8Array>;
  /** Whether the first subset came out the same as fontkit's. */
  trusted?: boolean;
}

class FastSubset implements Subset {
  glyphs: number[] = [];
  mapping: Record<number, number> = {};

  constructor(
    private readonly font: FontInternals,
    private readonly shared: Shared,
  ) {
    this.includeGlyph(0);
  }

  includeGlyph(glyph: number | { id: number }): number {
    const id = typeof glyph === 'object' ? glyph.id : glyph;
    if (this.mapping[id] == null) {
      this.glyphs.push(id);
      this.mapping[id] = this.glyphs.length - 1;
    }
    return this.mapping[id]!;
  }

  private record(gid: number): GlyphRecord {
    let r = this.shared.records.get(gid);
    if (!r) {
      r = glyphRecord(this.font, (this.shared.raw ??= rawTables(this.font)), gid);
      this.shared.records.set(gid, r);
    }
    return r;
  }

  encode(): Uint8Array {
    const { shared } = this;
    if (shared.trusted === false) return this.fontkitEncode();
    if (shared.trusted === undefined) {
      try {
        const reference = this.fontkitEncode();
        shared.tables = readTables(reference);
        shared.trusted = shared.tables !== undefined && sameBytes(this.fastEncode(shared.tables), reference);
        return reference;
      } catch (err) {
        shared.trusted = false;
        throw err;
      }
    }
    return this.fastEncode(shared.tables!);
  }

  /** fontkit's own subset of the same glyphs, included in the same order. */
  private fontkitEncode(): Uint8Array {
    const subset = this.shared.original();
    for (const g of this.glyphs) subset.includeGlyph(g);
    return subset.encode();
  }

  private fastEncode(tables: Map<string, Uint8Array>): Uint8Array {
    const glyf: Uint8Array[] = [];
    const offsets: number[] = [];
    const metrics: GlyphRecord[] = [];
    let offset = 0;
    // As fontkit: composites add their components to the subset while the loop runs.
    for (let i = 0; i < this.glyphs.length; i++) {
      const r = this.record(this.glyphs[i]!);
      let data = r.data;
      if (r.components) {
        data = Uint8Array.from(r.data);
        const view = new DataView(data.buffer);
        for (const c of r.components) view.setUint16(c.pos, this.includeGlyph(c.glyphID));
      }
      glyf.push(data);
      offsets.push(offset);
      metrics.push(r);
      offset += data.length;
    }
    offsets.push(offset);
    const n = glyf.length;
    const version = this.font.loca.version;

    const loca = new Uint8Array(offsets.length * (version === 0 ? 2 : 4));
    const locaView = new DataView(loca.buffer);
    offsets.forEach((o, i) => (version === 0 ? locaView.setUint16(i * 2, o >>> 1) : locaView.setUint32(i * 4, o)));
    const hmtx = new Uint8Array(n * 4);
    const hmtxView = new DataView(hmtx.buffer);
    metrics.forEach((m, i) => {
      hmtxView.setUint16(i * 4, m.advance);
      hmtxView.setInt16(i * 4 + 2, m.bearing);
    });
    const hhea = Uint8Array.from(tables.get('hhea')!);
    new DataView(hhea.buffer).setUint16(34, n); // numberOfMetrics
    const maxp = Uint8Array.from(tables.get('maxp')!);
    new DataView(maxp.buffer).setUint16(4, n); // numGlyphs
    const glyfTable = concat(glyf, offset);

    const parts: Record<(typeof ORDER)[number], Uint8Array | undefined> = {
      head: tables.get('head')!,
      hhea,
      loca,
      maxp,
      'cvt ': tables.get('cvt '),
      prep: tables.get('prep'),
      glyf: glyfTable,
      hmtx,
      fpgm: tables.get('fpgm'),
    };
    return writeFile(ORDER.filter((tag) => parts[tag]).map((tag) => [tag, parts[tag]!] as const));
  }
}

/**
 * The font file's bytes and where its 'glyf' and 'hmtx' tables start: a glyph's bytes and
 * metrics are read from them directly, not through fontkit, which decodes the glyph's
 * outline header (to learn whether it is a composite) and, for a font without vertical
 * metrics (Tinos, Amiri), again for its box, each through its binary-structure library:
 * about 25 ms of a cold process's first PDF.
 */
export interface RawTables {
  bytes: Uint8Array;
  glyf: number;
  hmtx: number;
  hmtxEnd: number;
  /** Glyphs with an advance of their own in 'hmtx' (hhea's numberOfMetrics); the rest repeat the last. */
  metrics: number;
}

function rawTables(fontkitFont: FontkitFont): RawTables {
  const font = fontkitFont as FontInternals;
  const glyf = font.directory.tables.glyf;
  const hmtx = font.directory.tables.hmtx;
  if (!glyf || !hmtx) throw new Error('a TrueType font without glyf or hmtx table');
  return { bytes: font.stream.buffer, glyf: glyf.offset, hmtx: hmtx.offset, hmtxEnd: hmtx.offset + hmtx.length, metrics: font.hhea.numberOfMetrics };
}

/** A glyph's bytes, metrics and components, read from the font file (`raw`: rawTables of the font, by default made here). */
export function glyphRecord(fontkitFont: FontkitFont, raw: RawTables | undefined, gid: number): GlyphRecord {
  const font = fontkitFont as FontInternals;
  const tables = raw ?? rawTables(font);
  const start = tables.glyf + font.loca.offsets[gid]!;
  const end = tables.glyf + font.loca.offsets[gid + 1]!;
  const data = new Uint8Array(tables.bytes.subarray(start, end));
  const r: GlyphRecord = { data, ...horizontalMetrics(tables, gid) };
  const components = compositeComponents(data);
  if (components) r.components = components;
  return r;
}

const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const i16 = (b: Uint8Array, at: number) => (u16(b, at) << 16) >> 16;

/** A glyph's advance and left side bearing, as fontkit reads them from 'hmtx' (a bearing past the table: 0). */
function horizontalMetrics(raw: RawTables, gid: number): { advance: number; bearing: number } {
  const { bytes, hmtx, metrics } = raw;
  if (gid < metrics) return { advance: u16(bytes, hmtx + 4 * gid), bearing: i16(bytes, hmtx + 4 * gid + 2) };
  const advance = metrics > 0 ? u16(bytes, hmtx + 4 * (metrics - 1)) : 0;
  const at = hmtx + 4 * metrics + 2 * (gid - metrics);
  return { advance, bearing: at + 2 <= raw.hmtxEnd ? i16(bytes, at) : 0 };
}

// Flags of a composite glyph's component (OpenType 'glyf').
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/**
 * A composite glyph's components and where each one's glyph id sits in the glyph's bytes;
 * undefined for a simple or empty glyph. Read as fontkit's TTFGlyph reads them.
 */
function compositeComponents(data: Uint8Array): { glyphID: number; pos: number }[] | undefined {
  if (data.length < 10 || i16(data, 0) >= 0) return undefined;
  const out: { glyphID: number; pos: number }[] = [];
  let at = 10;
  let flags: number;
  do {
    flags = u16(data, at);
    out.push({ glyphID: u16(data, at + 2), pos: at + 2 });
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
  } while (flags & MORE_COMPONENTS && at + 4 <= data.length);
  return out;
}

/** The table directory as fontkit writes it: tag "true", no checksums, tables in order after it. */
function writeFile(tables: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  const numTables = tables.length;
  const headerLength = 12 + 16 * numTables;
  const total = tables.reduce((s, [, d]) => s + d.length, headerLength);
  const out = Buffer.alloc(total);
  const maxExponentFor2 = Math.floor(Math.log(numTables) / Math.LN2);
  const maxPowerOf2 = Math.pow(2, maxExponentFor2);
  const searchRange = maxPowerOf2 * 16;
  out.write('true', 0, 'latin1');
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(Math.log(maxPowerOf2) / Math.LN2, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let at = headerLength;
  tables.forEach(([tag, data], i) => {
    const e = 12 + 16 * i;
    out.write(tag, e, 'latin1');
    out.writeUInt32BE(0, e + 4);
    out.writeUInt32BE(at, e + 8);
    out.writeUInt32BE(data.length, e + 12);
    out.set(data, at);
    at += data.length;
  });
  return out;
}

/** Each table's bytes in a file written by fontkit (offsets and lengths from its directory). */
function readTables(file: Uint8Array): Map<string, Uint8Array> | undefined {
  if (file.length < 12) return undefined;
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const numTables = view.getUint16(4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < numTables; i++) {
    const e = 12 + 16 * i;
    const tag = String.fromCharCode(...file.subarray(e, e + 4));
    const offset = view.getUint32(e + 8);
    const length = view.getUint32(e + 12);
    if (offset + length > file.length) return undefined;
    tables.set(tag, Uint8Array.from(file.subarray(offset, offset + length)));
  }
  const present = ORDER.filter((t) => tables.has(t));
  return ORDER.every((t) => OPTIONAL.has(t) || tables.has(t)) && tables.size === present.length ? tables : undefined;
}

/** The parts one after the other; `length`, their total, when the caller knows it. */
export function concat(parts: readonly Uint8Array[], length = parts.reduce((sum, p) => sum + p.length, 0)): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
