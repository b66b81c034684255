import { createRequire } from 'node:module';

/**
 * Line-break opportunities after Unicode UAX #14, through the `linebreak` package.
 *
 * The package builds its character table when loaded (30 to 60 ms), so it is loaded
 * only when a text needs it. Between words of the scripts the body font covers, a
 * break falls at the spaces, as UAX #14 has it too, except around a few punctuation
 * marks that `spaceHolds` knows; inside a word the typesetter asks only when the word
 * does not fit at the end of a line (`insideBreaks`), and words of letters, digits and
 * common punctuation are decided from a table of their classes.
 */

interface Breaker {
  nextBreak(): { position: number; required: boolean } | null;
}
let LineBreaker: (new (text: string) => Breaker) | undefined;
const breakerFor = (text: string): Breaker => {
  LineBreaker ??= createRequire(import.meta.url)('linebreak') as new (text: string) => Breaker;
  return new LineBreaker(text);
};

/** Every break opportunity of `text`: offsets where a line may start (the end of the text left out). */
export function opportunities(text: string): number[] {
  const out: number[] = [];
  const b = breakerFor(text);
  for (let next = b.nextBreak(); next; next = b.nextBreak()) if (next.position < text.length) out.push(next.position);
  return out;
}

/** The UAX #14 line-breaking classes of the characters `insideBreaks` decides itself. */
const enum C {
  AL, // letters
  NU, // digits
  IS, // . , : ;
  QU, // quotation marks, apostrophes
  HY, // hyphen-minus
  SY, // solidus
  OP, // ( [
  CP, // ) ]
  BA, // en dash
  B2, // em dash
  PO, // %
  GL, // no-break space
}

/** The class of a character `insideBreaks` decides itself, or -1. */
function classOf(c: number): number {
  if (c < 0x80) {
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return C.AL;
    if (c >= 0x30 && c <= 0x39) return C.NU;
    switch (c) {
      case 0x2e: case 0x2c: case 0x3a: case 0x3b: return C.IS;
      case 0x27: case 0x22: return C.QU;
      case 0x2d: return C.HY;
      case 0x2f: return C.SY;
      case 0x28: case 0x5b: return C.OP;
      case 0x29: case 0x5d: return C.CP;
      case 0x25: return C.PO;
    }
    return -1;
  }
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x388 && c <= 0x3ce && c !== 0x38b && c !== 0x38d) || (c >= 0x400 && c <= 0x481)) return C.AL;
  switch (c) {
    case 0xa0: return C.GL;
    case 0x2018: case 0x2019: case 0x201c: case 0x201d: return C.QU;
    case 0x2013: return C.BA;
    case 0x2014: return C.B2;
  }
  return -1;
}

/** Whether UAX #14 allows a break between two adjacent characters of classes a and b (no spaces between). */
function breaksBetween(a: number, b: number): boolean {
  if (a === C.GL) return false; // LB12
  if (b === C.GL) return a === C.BA || a === C.HY; // LB12a
  if (b === C.CP || b === C.IS || b === C.SY) return false; // LB13
  if (a === C.OP) return false; // LB14
  if (a === C.QU && b === C.OP) return false; // LB15
  if (a === C.B2 && b === C.B2) return false; // LB17
  if (a === C.QU || b === C.QU) return false; // LB19
  if (b === C.BA || b === C.HY) return false; // LB21
  if ((a === C.AL && b === C.NU) || (a === C.NU && b === C.AL)) return false; // LB23
  if ((a === C.PO && b === C.AL) || (a === C.AL && b === C.PO)) return false; // LB24
  if (b === C.PO && (a === C.CP || a === C.NU)) return false; // LB25
  if (a === C.PO && (b === C.OP || b === C.NU)) return false;
  if (b === C.NU && (a === C.HY || a === C.IS || a === C.NU || a === C.SY)) return false;
  if (a === C.AL && b === C.AL) return false; // LB28
  if (a === C.IS && b === C.AL) return false; // LB29
  if (b === C.OP && (a === C.AL || a === C.NU)) return false; // LB30
  if (a === C.CP && (b === C.AL || b === C.NU)) return false;
  return true; // LB31
}

/**
 * Offsets inside `word` (a text without breaking spaces) where UAX #14 allows a break.
 * Words of letters, digits and common punctuation are decided here from the classes of
 * adjacent characters, as the package decides them (test/typeset/break-opportunities.test.ts
 * compares both); others are given to the package.
 */
export function insideBreaks(word: string): number[] {
  const out: number[] = [];
  let previous = classOf(word.charCodeAt(0));
  for (let i = 1; i < word.length && previous >= 0; i++) {
    const next = classOf(word.charCodeAt(i));
    if (next < 0) previous = -1;
    else {
      if (breaksBetween(previous, next)) out.push(i);
      previous = next;
    }
  }
  return previous >= 0 ? out : opportunities(word).filter((k) => k > 0);
}

/**
 * Whether UAX #14 forbids the break after the spaces before `next` (a space run preceded
 * by `previous`): no break before a closing bracket, "!", "?", a separator (",", ".", ":",
 * ";") or "/" even after spaces (rule LB13), nor after an opening bracket and spaces (LB14).
 * For the characters the body font draws; `scriptText` leaves other scripts to the package.
 */
export function spaceHolds(previous: number, next: number): boolean {
  switch (next) {
    case 0x29: // )
    case 0x5d: // ]
    case 0x7d: // }
    case 0x21: // !
    case 0x3f: // ?
    case 0x2c: // ,
    case 0x2e: // .
    case 0x3a: // :
    case 0x3b: // ;
    case 0x2f: // /
    case 0x2044: // ⁄
    case 0x203c: // ‼
    case 0x203d: // ‽
    case 0x2047: // ⁇
    case 0x2048: // ⁈
    case 0x2049: // ⁉
      return true;
  }
  return previous === 0x28 || previous === 0x5b || previous === 0x7b || previous === 0xa1 || previous === 0xbf;
}

/**
 * Whether a text needs the package for all its breaks: characters of the scripts that do
 * not separate words with spaces or whose punctuation `spaceHolds` does not know (Hebrew,
 * Arabic, the scripts of South and South-East Asia, Chinese, Japanese, Korean, and
 * everything beyond the Basic Multilingual Plane). Latin, Greek and Cyrillic with their
 * extensions, general punctuation and symbols break at spaces.
 */
export function needsFullBreaking(text: string): boolean {
  return FULL_BREAKING.test(text);
}

/**
 * The UTF-16 code units of scripts without spaces between words, as needsFullBreaking
 * looks for them: from U+0590 up to the Latin extensions, and the CJK, Hangul, Brahmic and
 * compatibility blocks (surrogates, and so every supplementary character, included). One
 * native scan: it runs for every text of the document.
 */
const FULL_BREAKING = /[\u0590-\u1dff\u2e80-\ua63f\ua6a0-\ua71f\ua800-\ufaff\ufb1d-\ufdff\ufe10-\ufe1f\ufe30-\uffef]/;
