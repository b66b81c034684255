import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { charStringsSpan } from './cff-subset.js';

/**
 * Reading a font file, all of it but the glyph outlines of a large CFF font, which are read
 * as glyphs are used.
 *
 * A Noto Serif CJK collection is 26 MB, of which 22 MB are the charstrings of its 65,535
 * glyphs; a Chinese document uses a few hundred. Reading the whole file cost a process about
 * 85 ms of system time a face (page faults of the copy, on this kind of machine), twice for
 * the regular and bold. Here the file's buffer is allocated at its full size (zero pages
 * the system maps only when written), everything outside the charstrings is read at once,
 * and a charstring's bytes are read when the CFF subsetter asks for them (`need`), page by
 * page, through a descriptor kept open for the process (a file replaced meanwhile is still
 * read as it was opened). fontkit reads charstrings only to draw or measure a glyph's
 * outline, which nothing here asks of it; its vertical metrics would (from the outline's
 * box) for a face without a `vmtx` table, so such a file is read whole, as is any file the
 * reader below does not understand.
 */

export interface DeferredBytes {
  /** Makes bytes [from, to) of the file (offsets in the file) hold the file's bytes. */
  need(from: number, to: number): void;
  /** Reads all that is not read yet (for fontkit's own subsetter, which reads any charstring). */
  all(): void;
}

/** Files smaller than this are read whole: what deferring saves is not worth a descriptor. */
const DEFER_ABOVE = 4 << 20;
const PAGE = 4096;

const deferred = new WeakMap<Uint8Array, DeferredBytes>();

/** The bytes still to be read of a buffer readFontFile returned; undefined when it holds the whole file. */
export function deferredBytesOf(bytes: Uint8Array): DeferredBytes | undefined {
  return deferred.get(bytes);
}

/** The file's bytes, as `readFileSync` gives them, except charstrings left to `deferredBytesOf(bytes).need`. */
export function readFontFile(path: string): Buffer {
  const fd = openSync(path, 'r');
  let keepOpen = false;
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.alloc(size);
    const file = new PagedFile(fd, bytes);
    if (size > DEFER_ABOVE) {
      const spans = outlineSpans(file);
      if (spans.length) {
        let at = 0;
        for (const [from, to] of spans) {
          file.load(at, from);
          at = to;
        }
        file.load(at, size);
        deferred.set(bytes, file);
        keepOpen = true;
        return bytes;
      }
    }
    file.load(0, size);
    return bytes;
  } finally {
    if (!keepOpen) closeSync(fd);
  }
}

/** A file read into a buffer of its size, page by page as its pages are needed. */
class PagedFile implements DeferredBytes {
  private readonly loaded: Uint8Array;

  constructor(
    private readonly fd: number,
    readonly bytes: Buffer,
  ) {
    this.loaded = new Uint8Array(Math.ceil(bytes.length / PAGE));
  }

  need(from: number, to: number): void {
    this.load(from, to);
  }

  all(): void {
    this.load(0, this.bytes.length);
  }

  /** Reads the pages of [from, to) not read yet, each run of them in one call. */
  load(from: number, to: number): void {
    const last = Math.ceil(Math.min(to, this.bytes.length) / PAGE);
    for (let page = Math.max(0, Math.floor(from / PAGE)); page < last; ) {
      if (this.loaded[page]) {
        page++;
        continue;
      }
      let end = page;
      while (end < last && !this.loaded[end]) end++;
      this.read(page * PAGE, Math.min(end * PAGE, this.bytes.length));
      this.loaded.fill(1, page, end);
      page = end;
    }
  }

  private read(from: number, to: number): void {
    for (let at = from; at < to; ) {
      const n = readSync(this.fd, this.bytes, at, to - at, at);
      if (n === 0) throw new Error(`the font file ended at byte ${at} of ${this.bytes.length}: was it replaced while it was read?`);
      at += n;
    }
  }
}

/**
 * The spans ([from, to) in the file) of the charstrings of each CFF table of the file (one
 * font or a collection), to be read later; none when some face has no `vmtx` table or the
 * file is not as expected.
 */
function outlineSpans(file: PagedFile): [number, number][] {
  const { bytes } = file;
  const u32 = (at: number) => {
    file.load(at, at + 4);
    return bytes.readUInt32BE(at);
  };
  const faces: number[] = [];
  if (bytes.length < 12) return [];
  if (u32(0) === 0x74746366 /* ttcf */) {
    const count = u32(8);
    if (12 + 4 * count > bytes.length) return [];
    for (let i = 0; i < count; i++) faces.push(u32(12 + 4 * i));
  } else faces.push(0);
  const tables = new Map<number, number>(); // CFF table offset -> length
  for (const face of faces) {
    if (face + 12 > bytes.length) return [];
    file.load(face, face + 12);
    const count = bytes.readUInt16BE(face + 4);
    const end = face + 12 + 16 * count;
    if (end > bytes.length) return [];
    file.load(face, end);
    let cff: [number, number] | undefined;
    let vmtx = false;
    for (let r = face + 12; r < end; r += 16) {
      const tag = bytes.toString('latin1', r, r + 4);
      if (tag === 'vmtx') vmtx = true;
      if (tag === 'CFF ') cff = [bytes.readUInt32BE(r + 8), bytes.readUInt32BE(r + 12)];
    }
    if (!cff) continue;
    if (!vmtx || cff[0] + cff[1] > bytes.length) return [];
    tables.set(cff[0], cff[1]);
  }
  const spans: [number, number][] = [];
  for (const [offset, length] of tables) {
    const table = bytes.subarray(offset, offset + length);
    const span = charStringsSpan(table, (from, to) => file.load(offset + from, offset + to));
    if (!span) return [];
    // Whole pages only: the pages at the span's ends hold other bytes too, read now.
    const from = Math.ceil((offset + span[0]) / PAGE) * PAGE;
    const to = Math.floor((offset + span[1]) / PAGE) * PAGE;
    if (to > from) spans.push([from, to]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}
