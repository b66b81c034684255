import type PDFDocument from 'pdfkit';

type Page = PDFDocument['page'];

/** Appends text to a page's content as it is, without the line end pdfkit's writes add. */
export type ContentAppender = (text: string) => void;

const appenders = new WeakMap<Page, ContentAppender>();

/**
 * A page's content stream gets one write per operator line, each converted to
 * bytes on its own. Write the lines into one growing buffer instead (Latin-1: the
 * low byte of each UTF-16 unit, as pdfkit converts them), handed to pdfkit before
 * the page ends or anything else is written to it: the same bytes, and no strings
 * kept alive (and copied by the garbage collector) until the page ends.
 */
export function batchPageContent(page: Page): void {
  let buffer = Buffer.allocUnsafe(1 << 16);
  let length = 0;
  const write = page.write.bind(page);
  const flush = () => {
    if (length) write(buffer.subarray(0, length));
    buffer = Buffer.allocUnsafe(1 << 16);
    length = 0;
  };
  const append = (text: string) => {
    if (length + text.length > buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(buffer.length * 2, length + text.length));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    length += buffer.write(text, length, 'latin1');
  };
  page.write = (chunk: string | Uint8Array) => {
    if (typeof chunk !== 'string') {
      flush();
      write(chunk);
      return;
    }
    append(chunk);
    append('\n');
  };
  appenders.set(page, append);
  const end = page.end.bind(page);
  page.end = () => {
    flush();
    end();
  };
}

/**
 * Where text for the page's content can go piece by piece (the painter sets a line of
 * words as many small strings: joined first, each line was copied once more).
 */
export function contentAppender(page: Page): ContentAppender {
  const append = appenders.get(page);
  // pdfkit's own write would end every piece with a line end: other bytes, silently.
  if (!append) throw new Error('the page content is not batched (batchPageContent)');
  return append;
}
