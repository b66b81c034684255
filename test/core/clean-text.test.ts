import { describe, expect, it } from 'vitest';
import { random } from '../../bench/generate.js';
import { cleanText } from '../../src/normalize/inline.js';

/** The definition cleanText keeps to: NFC, then every run of foldable white space one space. */
const reference = (text: string) => text.normalize('NFC').replace(/[ \t\n\r\v\f\u2028\u2029]+/g, ' ');

describe('cleanText', () => {
  it('folds white space and composes characters as NFC does, for seeded random texts', () => {
    const next = random(77);
    const pieces = [' ', ' ', '  ', '\t', '\n', '\r\n', '\v', '\f', '\u2028', '\u2029', '\u00a0', '\u202f', 'a', 'Word', 'e\u0301', '\u00e9', 'A\u030a', '\u0308', '\u0627\u0644', '\u4e2d', 'x', '.'];
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let k = Math.floor(next() * 14); k > 0; k--) text += pieces[Math.floor(next() * pieces.length)];
      expect(cleanText(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});
