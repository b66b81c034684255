import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { deflater } from '../../src/export/pdf/deflate.js';

// Streams like a PDF's: page contents (repetitive operators), font programs (binary), tiny ones.
const pageContent = fc.array(fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 840 }), fc.string({ maxLength: 30 })), { maxLength: 400 }).map((ops) => Buffer.from(ops.map(([x, y, t]) => `BT ${x} ${y} Td (${t}) Tj ET\n`).join(''), 'latin1'));
const stream = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 3000 }), pageContent);

describe('deflater (one compressor per level, reset between streams)', () => {
  it('gives the bytes deflateSync gives, stream after stream, at every level used, without calling it', async () => {
    let slowCalls = 0;
    vi.resetModules();
    vi.doMock('node:zlib', async (original) => {
      const zlib = await original<typeof import('node:zlib')>();
      return { ...zlib, deflateSync: (...args: Parameters<typeof zlib.deflateSync>) => (slowCalls++, zlib.deflateSync(...args)) };
    });
    try {
      const { deflater: counted } = await import('../../src/export/pdf/deflate.js');
      for (const level of [2, 6]) {
        const deflate = counted(level);
        fc.assert(
          fc.property(fc.array(stream, { minLength: 1, maxLength: 6 }), (streams) => {
            for (const bytes of streams) expect(deflate(bytes).equals(deflateSync(bytes, { level }))).toBe(true);
          }),
          { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
        );
      }
      // Every stream went through the one compressor.
      expect(slowCalls).toBe(0);
    } finally {
      vi.doUnmock('node:zlib');
      vi.resetModules();
    }
  });

  it('handles an empty stream, and one whose output takes several pieces of its output space', () => {
    const deflate = deflater(2);
    expect(deflate(new Uint8Array(0)).equals(deflateSync(new Uint8Array(0), { level: 2 }))).toBe(true);
    // Random bytes do not compress: 300 kB in, more than 300 kB out, over 64 kB of space.
    const noise = randomBytes(300_000);
    const out = deflate(noise);
    expect(out.length).toBeGreaterThan(300_000);
    expect(out.equals(deflateSync(noise, { level: 2 }))).toBe(true);
    expect(inflateSync(out).equals(noise)).toBe(true);
    // And the compressor is whole again after it.
    const text = Buffer.from('BT /F1 11 Tf (Provisional agenda) Tj ET\n'.repeat(50));
    expect(deflate(text).equals(deflateSync(text, { level: 2 }))).toBe(true);
  });

  it("falls back to deflateSync when Node's compressor handle is not what it expects", async () => {
    vi.resetModules();
    vi.doMock('node:zlib', async (original) => {
      const zlib = await original<typeof import('node:zlib')>();
      // A Node whose streams keep their handle elsewhere.
      return { ...zlib, createDeflate: (options: object) => Object.assign(zlib.createDeflate(options), { _handle: undefined }) };
    });
    try {
      const { deflater: withoutHandle } = await import('../../src/export/pdf/deflate.js');
      const deflate = withoutHandle(2);
      const text = Buffer.from('q 1 0 0 1 72 770 cm Q\n'.repeat(100));
      expect(deflate(text).equals(deflateSync(text, { level: 2 }))).toBe(true);
    } finally {
      vi.doUnmock('node:zlib');
      vi.resetModules();
    }
  });

  it('stops using a compressor that reported an error, and goes on with deflateSync', async () => {
    let failNext = false;
    let writes = 0;
    vi.resetModules();
    vi.doMock('node:zlib', async (original) => {
      const zlib = await original<typeof import('node:zlib')>();
      const createDeflate = (options: object) => {
        const stream = zlib.createDeflate(options) as unknown as { _handle: { writeSync(...args: unknown[]): void; onerror(message: string, errno: number): void } };
        const handle = stream._handle;
        const writeSync = handle.writeSync.bind(handle);
        // zlib reports a failure through the handle's onerror, as Node's binding does.
        handle.writeSync = (...args) => {
          writes++;
          return failNext ? handle.onerror('stream error', -2) : writeSync(...args);
        };
        return stream;
      };
      return { ...zlib, createDeflate };
    });
    try {
      const { deflater: failing } = await import('../../src/export/pdf/deflate.js');
      const deflate = failing(2);
      const text = Buffer.from('0 g 72 700 m 523 700 l S\n'.repeat(40));
      expect(deflate(text).equals(deflateSync(text, { level: 2 }))).toBe(true);
      failNext = true;
      expect(deflate(text).equals(deflateSync(text, { level: 2 }))).toBe(true);
      failNext = false;
      // The compressor that failed is not asked again, even once it would work.
      const other = Buffer.from('BT (Annotations) Tj ET\n'.repeat(30));
      const before = writes;
      expect(deflate(other).equals(deflateSync(other, { level: 2 }))).toBe(true);
      expect(writes).toBe(before);
    } finally {
      vi.doUnmock('node:zlib');
      vi.resetModules();
    }
  });
});
