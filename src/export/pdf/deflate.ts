import { constants, createDeflate, deflateSync } from 'node:zlib';

/**
 * zlib's deflate of one whole stream at a fixed level, the bytes `deflateSync(bytes, { level })`
 * gives, through one compressor per thread and level that is reset between streams.
 *
 * `deflateSync` makes a compressor for every call: zlib allocates and clears its window and
 * hash tables (some 260 kB at the default memory level) and Node wraps the handle in a
 * stream, for a PDF's 15 streams a meeting, a third of them under 100 bytes. A reset
 * compressor is a fresh one (zlib's `deflateReset`, which `deflateInit2` itself ends with),
 * so the output is the same.
 *
 * The compressor is driven through the handle Node's own `deflateSync` drives
 * (`_handle.writeSync`, its `_writeState` of the space left out and in): internals that
 * Node 20 to 24 share. Where they are not found, or a call fails, each stream goes through
 * `deflateSync` as before.
 */
export function deflater(level: number): (bytes: Uint8Array) => Buffer {
  let engine: Engine | undefined;
  let broken = false;
  const slow = (bytes: Uint8Array): Buffer => deflateSync(bytes, { level });
  return (bytes) => {
    if (broken) return slow(bytes);
    engine ??= openEngine(level);
    if (!engine) {
      broken = true;
      return slow(bytes);
    }
    try {
      return engine.deflate(bytes);
    } catch {
      // A compressor in an unknown state is not used again.
      broken = true;
      return slow(bytes);
    }
  };
}

interface Handle {
  onerror: (message: string, errno: number) => void;
  writeSync(flush: number, input: Uint8Array, inOffset: number, inLength: number, output: Uint8Array, outOffset: number, outLength: number): void;
  reset(): void;
}

interface Engine {
  deflate(bytes: Uint8Array): Buffer;
}

/** Output space reused by every stream; a larger stream's output comes in several pieces. */
const OUT_SIZE = 64 * 1024;

function openEngine(level: number): Engine | undefined {
  const stream = createDeflate({ level }) as unknown as { _handle?: Partial<Handle>; _writeState?: unknown };
  const handle = stream._handle;
  const state = stream._writeState;
  if (!handle || typeof handle.writeSync !== 'function' || typeof handle.reset !== 'function' || !(state instanceof Uint32Array) || state.length < 2) return undefined;
  const ready = handle as Handle;
  let failure: Error | undefined;
  // zlib reports an error by calling the handle's onerror during writeSync; Node's own would
  // destroy the stream, which is not used here.
  ready.onerror = (message) => {
    failure = new Error(`zlib: ${message}`);
  };
  const out = Buffer.allocUnsafe(OUT_SIZE);
  return {
    deflate(bytes) {
      const pieces: Buffer[] = [];
      let total = 0;
      let inOffset = 0;
      let inLength = bytes.byteLength;
      for (;;) {
        ready.writeSync(constants.Z_FINISH, bytes, inOffset, inLength, out, 0, OUT_SIZE);
        if (failure) throw failure;
        const outLeft = state[0]!;
        const inLeft = state[1]!;
        const written = OUT_SIZE - outLeft;
        pieces.push(Buffer.from(out.subarray(0, written)));
        total += written;
        inOffset += inLength - inLeft;
        inLength = inLeft;
        // Output space left over means zlib has finished the stream.
        if (outLeft !== 0) break;
      }
      ready.reset();
      return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, total);
    },
  };
}
