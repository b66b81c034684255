import { deflater } from './deflate.js';
import type PDFDocument from 'pdfkit';

/**
 * The indirect objects of a PDF, finished (compressed and written) by us instead of by
 * pdfkit, with the same bytes.
 *
 * - Every stream is compressed at DEFLATE_LEVEL, where pdfkit would use zlib's default (6).
 * - Each object's dictionary is written by `pdfObject`, which gives the text pdfkit's
 *   `PDFObject.convert` gives, built as one string: pdfkit builds an array for every
 *   dictionary and array and joins it, some 0.6 ms and half a megabyte of garbage a
 *   document, most of it for the structure tree's elements.
 *
 * Internals (`ref`, a reference's `id`, `gen`, `data`, `buffer`, `compress`, `offset` and
 * `finalize`, a document's `_offset`, `_write`, `_refEnd` and `_security`): written for
 * pdfkit 0.20.2, whose `PDFReference.finalize` this repeats for documents without
 * encryption (ours never have it; one that has keeps pdfkit's own).
 */
export function finishObjectsFaster(pdf: PDFDocument): void {
  const doc = pdf as unknown as Internals;
  const ref = pdf.ref.bind(pdf);
  pdf.ref = (data) => {
    const r = ref(data) as unknown as Reference;
    reference ??= Object.getPrototypeOf(r.constructor) as new () => unknown;
    const finalize = r.finalize.bind(r);
    r.finalize = () => {
      if (doc._security) {
        // pdfkit has already marked the stream FlateDecode; it must not compress it again.
        if (r.compress && r.buffer.length) {
          r.buffer = [deflate(Buffer.concat(r.buffer))];
          r.compress = false;
        }
        finalize();
        return;
      }
      r.offset = doc._offset;
      let stream: Uint8Array | undefined;
      if (r.buffer.length) {
        stream = r.buffer.length === 1 ? r.buffer[0]! : Buffer.concat(r.buffer);
        if (r.compress) stream = deflate(stream);
        r.data.Length = stream.length;
      }
      doc._write(`${r.id} ${r.gen} obj`);
      doc._write(pdfObject(r.data));
      if (stream) {
        doc._write('stream');
        doc._write(stream);
        r.buffer = [];
        doc._write('\nendstream');
      }
      doc._write('endobj');
      doc._refEnd(r);
    };
    return r as unknown as ReturnType<PDFDocument['ref']>;
  };
}

/**
 * zlib level for the streams (content, fonts, structure). pdfkit uses zlib's default (6);
 * compressing was then a fifth of a PDF's time. Level 2 saves most of it (2.7 of the 3 ms
 * level 1 saves on a generated meeting) for streams 11% larger (level 1: 17%).
 */
const DEFLATE_LEVEL = 2;
const deflate = deflater(DEFLATE_LEVEL);

interface Reference {
  id: number;
  gen: number;
  data: Record<string, unknown>;
  buffer: Uint8Array[];
  compress: boolean;
  offset: number;
  constructor: unknown;
  finalize(): void;
}

interface Internals {
  _offset: number;
  _security?: unknown;
  _write(data: string | Uint8Array): void;
  _refEnd(ref: unknown): void;
}

/** pdfkit's PDFAbstractReference (the class its references extend), found from the first reference made. */
let reference: (new () => unknown) | undefined;

/**
 * A value as pdfkit 0.20.2's `PDFObject.convert` writes it without encryption: a JavaScript
 * string is a name, a String object a literal string, a Uint8Array a hex string, a number
 * rounded to six decimals, a Date a PDF date, an array and a plain object an array and a
 * dictionary; a reference and a name or number tree write themselves.
 */
export function pdfObject(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `/${value}`;
    case 'number':
      return String(pdfNumber(value));
    case 'object':
      break;
    default:
      return `${value as string}`;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ' ';
      const item: unknown = value[i];
      out += item === undefined ? 'null' : pdfObject(item);
    }
    return `${out}]`;
  }
  if (value instanceof String) return literalString(value.valueOf());
  if (value instanceof Uint8Array) return `<${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}>`;
  if (isTree(value)) return treeString(value as Tree);
  if (reference && value instanceof reference) return (value as { toString(): string }).toString();
  if (value instanceof Date) return `(D:${pad(value.getUTCFullYear(), 4)}${pad(value.getUTCMonth() + 1, 2)}${pad(value.getUTCDate(), 2)}${pad(value.getUTCHours(), 2)}${pad(value.getUTCMinutes(), 2)}${pad(value.getUTCSeconds(), 2)}Z)`;
  if (Object.prototype.toString.call(value) !== '[object Object]') return String(value);
  if (isSpotColor(value)) return (value as { toString(): string }).toString();
  let out = '<<';
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    out += `\n/${key} ${pdfObject(item)}`;
  }
  return `${out}\n>>`;
}

/** pdfkit's PDFObject.number: rounded to six decimals, and only numbers a PDF can hold. */
function pdfNumber(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/** A literal string: Latin-1 as it is, anything past ASCII in UTF-16BE with its byte order mark; then escaped. */
function literalString(text: string): string {
  let unicode = false;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      unicode = true;
      break;
    }
  }
  let bytes = text;
  if (unicode) {
    bytes = '\u00fe\u00ff';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      bytes += String.fromCharCode(c >> 8, c & 0xff);
    }
  }
  return `(${bytes.replace(ESCAPED, (c) => ESCAPES[c]!)})`;
}

const ESCAPED = /[\n\r\t\b\f()\\]/g;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };

const pad = (n: number, length: number) => String(n).padStart(length, '0').slice(-length);

/** A name or number tree (pdfkit's PDFTree). */
const isTree = (value: object) => '_items' in value && typeof (value as { _keysName?: unknown })._keysName === 'function';

interface Tree {
  _items: Record<string, unknown>;
  limits: boolean;
  _compareKeys(a: string, b: string): number;
  _keysName(): string;
  _dataForKey(key: string): unknown;
}

/**
 * A tree as pdfkit 0.20.2's `PDFTree.toString` writes it (without encryption), its keys and
 * values written by pdfObject instead of `PDFObject.convert`: the structure's parent tree,
 * an array of references for every page, is the largest dictionary of a tagged document.
 */
function treeString(tree: Tree): string {
  const keys = Object.keys(tree._items).sort((a, b) => tree._compareKeys(a, b));
  let out = '<<';
  if (tree.limits && keys.length > 1) out += `\n  /Limits ${pdfObject([tree._dataForKey(keys[0]!), tree._dataForKey(keys[keys.length - 1]!)])}`;
  out += `\n  /${tree._keysName()} [`;
  for (const key of keys) out += `\n    ${pdfObject(tree._dataForKey(key))} ${pdfObject(tree._items[key])}`;
  return `${out}\n]\n>>`;
}

/** A separation colour space (pdfkit's SpotColor): it writes itself as its name. */
const isSpotColor = (value: object) => 'ref' in value && 'name' in value && 'values' in value && typeof (value as { toString?: unknown }).toString === 'function' && Object.getPrototypeOf(value) !== Object.prototype;
