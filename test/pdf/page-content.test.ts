import { describe, expect, it } from 'vitest';
import { random } from '../../bench/generate.js';
import { MAX_NUMBER_BYTES, PageContent, writeNumber } from '../../src/export/pdf/page-content.js';

/** How pdfkit writes a number into an operator. */
const pdfkit = (n: number) => String(Math.round(n * 1e6) / 1e6);
const latin1 = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('latin1');

function written(n: number): string {
  const out = new Uint8Array(MAX_NUMBER_BYTES + 8).fill(0x7e);
  const end = writeNumber(out, 4, n);
  expect(end - 4).toBeLessThanOrEqual(MAX_NUMBER_BYTES);
  expect(out[3]).toBe(0x7e); // nothing before `at`
  expect(out[end]).toBe(0x7e); // nor after the end it returns
  return latin1(out.subarray(4, end));
}

describe('writeNumber', () => {
  it('writes what pdfkit writes, corner cases', () => {
    const cases = [0, -0, 1, -1, 0.5, -0.5, 1e-6, -1e-6, 4e-7, -4e-7, 5e-7, 2.5e-6, 0.1, 0.3, 1 / 3, -2 / 3, 9.9999995, 841.89, 595.28, 56.692913, 787.874252,
      18.066406, -74.21875, 100000, 123456789.123456, 999999999.9999995, 1e9, 1e15, 1e20, -1e20, 123456789012.5, Number.EPSILON, 2 ** -30, 2 ** 53];
    for (const n of cases) expect(written(n), String(n)).toBe(pdfkit(n));
  });

  it('writes what pdfkit writes, for seeded random numbers of every size a page uses and more', () => {
    const next = random(20261129);
    const out = new Uint8Array(MAX_NUMBER_BYTES);
    const wrong: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const magnitude = 10 ** Math.floor(next() * 14 - 7); // 1e-7 to 1e6
      const sign = next() < 0.3 ? -1 : 1;
      // Some on the grid of millionths (as kerning and advances often are), most not.
      const n = next() < 0.2 ? (sign * Math.floor(next() * 1e9)) / 1e6 : sign * next() * magnitude;
      const text = latin1(out.subarray(0, writeNumber(out, 0, n)));
      if (text !== pdfkit(n) && wrong.push(`${n}: ${text}`) > 10) break;
    }
    expect(wrong).toEqual([]);
  });
});

describe('PageContent', () => {
  it('keeps text (the low byte of each unit, as Latin-1), numbers and bytes in order, short and long', () => {
    const content = new PageContent();
    content.text('BT');
    content.text('\n/F1 10 Tf');
    content.text(' a long operator line, longer than what is copied character by character');
    content.number(-12.3456789);
    content.bytes(Uint8Array.of(0x0a, 0x3c, 0x3e));
    content.text('é\u0141'); // U+0141 keeps its low byte, as pdfkit's conversion does
    expect(latin1(content.take())).toBe('BT\n/F1 10 Tf a long operator line, longer than what is copied character by character-12.345679\n<>\u00e9A');
    expect(content.take()).toBeUndefined(); // taken: empty again
    content.text('ET');
    expect(latin1(content.take())).toBe('ET');
  });

  it('grows past its first buffer without losing a byte', () => {
    const content = new PageContent();
    let expected = '';
    for (let i = 0; i < 30_000; i++) {
      content.number(i / 7);
      content.text(i % 3 ? ' ' : ' 0 Td\n');
      expected += pdfkit(i / 7) + (i % 3 ? ' ' : ' 0 Td\n');
    }
    const bytes = content.take()!;
    expect(bytes.length).toBeGreaterThan(1 << 16);
    expect(latin1(bytes)).toBe(expected);
  });
});
