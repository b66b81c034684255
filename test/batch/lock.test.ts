import { describe, expect, it } from 'vitest';
import { parseHolder } from '../../src/batch/lock.js';

describe("a lock file's holder", () => {
  const holder = { pid: 4242, host: 'ci-1', since: '2026-01-01T00:00:00.000Z', token: 't' };

  it('is read from the text already read, the one a takeover compares', () => {
    expect(parseHolder(JSON.stringify(holder))).toEqual(holder);
    expect(parseHolder(JSON.stringify({ ...holder, start: '123' }))).toEqual({ ...holder, start: '123' });
  });

  it('is none for a half-written or foreign text, never an error', () => {
    for (const text of ['', '{"pid": 42', 'null', '[]', '7', JSON.stringify({ ...holder, pid: 0 }), JSON.stringify({ ...holder, pid: 1.5 }), JSON.stringify({ ...holder, token: 1 })]) {
      expect(parseHolder(text), text).toBeUndefined();
    }
  });
});
