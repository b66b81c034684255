import { describe, expect, it } from 'vitest';
import { appendAll } from '../../src/util/append.js';

describe('appendAll', () => {
  it('appends a list longer than a spread can pass as arguments, in order', () => {
    const items = Array.from({ length: 1_000_000 }, (_, i) => i);
    // The spread it replaces fails on this list.
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    const target = [-1];
    expect(appendAll(target, items)).toBe(target);
    expect(target.length).toBe(1_000_001);
    expect(target[0]).toBe(-1);
    expect(target[1]).toBe(0);
    expect(target[1_000_000]).toBe(999_999);
  });
});
