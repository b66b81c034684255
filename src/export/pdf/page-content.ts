import type PDFDocument from 'pdfkit';

type Page = PDFDocument['page'];

/**
 * A page's content stream, written as bytes. pdfkit gives every operator line a write of
 * its own, converted to bytes on its own; the painter sets text a word at a time, and made
 * a string for every move and every word before that. Here operators, numbers and the
 * bytes of words already encoded go straight into one growing buffer (Latin-1: the low
 * byte of each UTF-16 unit, as pdfkit converts text), handed to pdfkit before the page
 * ends or anything else is written to it: the same bytes, and nothing for the collector.
 */
export class PageContent {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  /** Text as it is, without the line end pdfkit's writes add. */
  text(text: string): void {
    this.reserve(text.length);
    if (text.length > SHORT_TEXT) {
      this.length += this.buffer.write(text, this.length, 'latin1');
      return;
    }
    // Operators and spaces: copied here costs less than a call into the runtime.
    const buffer = this.buffer;
    let at = this.length;
    for (let i = 0; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
    this.length = at;
  }

  /** A number as pdfkit writes it (rounded to six decimals). */
  number(n: number): void {
    this.reserve(MAX_NUMBER_BYTES);
    this.length = writeNumber(this.buffer, this.length, n);
  }

  /** Bytes as they are. */
  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** What was written since the last call, taken out (a copy: the buffer is reused). */
  take(): Uint8Array | undefined {
    if (!this.length) return undefined;
    const out = Uint8Array.prototype.slice.call(this.buffer, 0, this.length);
    this.length = 0;
    return out;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + extra));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }
}

/** Text up to this length is copied character by character (the low byte of each, as Latin-1 would). */
const SHORT_TEXT = 16;

const contents = new WeakMap<Page, PageContent>();

/**
 * Makes the page's writes go through a PageContent: pdfkit's own (one operator line each,
 * ended with a line end) and the painter's (see pageContent).
 *
 * Internals (a page's content reference and its writes): written for pdfkit 0.20.2.
 */
export function batchPageContent(page: Page): void {
  const content = new PageContent();
  const write = page.write.bind(page);
  const flush = () => {
    const pending = content.take();
    if (pending) write(pending);
  };
  page.write = (chunk: string | Uint8Array) => {
    if (typeof chunk !== 'string') {
      flush();
      write(chunk);
      return;
    }
    content.text(chunk);
    content.text('\n');
  };
  contents.set(page, content);
  const end = page.end.bind(page);
  page.end = () => {
    flush();
    end();
  };
}

/** Where the painter writes the page's content (batchPageContent must have been called for the page). */
export function pageContent(page: Page): PageContent {
  const content = contents.get(page);
  // pdfkit's own write would end every piece with a line end: other bytes, silently.
  if (!content) throw new Error('the page content is not batched (batchPageContent)');
  return content;
}

/** Room for any number writeNumber writes: the longest a double prints is 24 characters ("-1.2345678901234567e+300"). */
export const MAX_NUMBER_BYTES = 24;
/** Numbers up to this size (in millionths) are written digit by digit; larger ones (never on a page) through String. */
const DIGIT_LIMIT = 1e15;

/**
 * Writes `n` at `at` as pdfkit does (`String(Math.round(n * 1e6) / 1e6)`), without making
 * a string, and returns where the number ends. Below DIGIT_LIMIT millionths a double holds
 * more digits than the six decimals, so the shortest form JavaScript prints is the decimal
 * itself, without trailing zeros ("-0" is printed "0"). Writes at most MAX_NUMBER_BYTES.
 */
export function writeNumber(out: Uint8Array, at: number, n: number): number {
  const millionths = Math.round(n * 1e6);
  if (!(Math.abs(millionths) < DIGIT_LIMIT)) {
    const text = String(millionths / 1e6);
    for (let i = 0; i < text.length; i++) out[at++] = text.charCodeAt(i);
    return at;
  }
  let v = millionths;
  if (v < 0) {
    out[at++] = 0x2d; // -
    v = -v;
  }
  const whole = Math.floor(v / 1e6);
  let fraction = v - whole * 1e6;
  at = writeInteger(out, at, whole);
  if (fraction) {
    out[at++] = 0x2e; // .
    for (let unit = 100000; fraction; unit /= 10) {
      const digit = Math.floor(fraction / unit);
      out[at++] = 0x30 + digit;
      fraction -= digit * unit;
    }
  }
  return at;
}

function writeInteger(out: Uint8Array, at: number, n: number): number {
  let digits = 1;
  for (let p = 10; p <= n; p *= 10) digits++;
  for (let i = at + digits - 1; i >= at; i--) {
    out[i] = 0x30 + (n % 10);
    n = Math.floor(n / 10);
  }
  return at + digits;
}
