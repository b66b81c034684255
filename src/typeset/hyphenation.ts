import { PATTERN_TRIES } from '../generated/hyphenation.js';

/**
 * Where a word may be broken with a hyphen at the end of a justified line: Liang's
 * patterns (as TeX uses them) from the `hyphen` package, British English for English
 * documents, as UN English follows Oxford spelling.
 *
 * Only plain lower-case words are hyphenated: a word with a capital is a name, an acronym
 * or a title word ("Conference", "UNODC"), one with a digit a number or a date, one with a
 * full stop, slash, "@" or hyphen an address, a symbol or a compound (which breaks at its
 * own hyphen). Short words are never broken, and each part keeps at least two letters
 * before the hyphen and three after it (TeX's British settings). The typesetter adds
 * the rest: never inside document symbols, links or footnote calls (line-breaker.ts).
 */
export interface Hyphenator {
  /** Offsets in `text` (a word between spaces, with its punctuation) where a hyphen may break it; none for text not to be hyphenated. */
  points(text: string): readonly number[];
}

/** The shortest word that is hyphenated, in letters. */
export const MIN_WORD = 6;
/** Letters kept before the hyphen, and on the next line. */
export const MIN_BEFORE = 2;
export const MIN_AFTER = 3;

/**
 * The package's patterns for each language (primary subtag of the document's BCP 47 tag),
 * by module path: written as a flat trie at build time (scripts/hyphenation-patterns.js).
 */
const PATTERNS: Record<string, string> = { en: 'hyphen/patterns/en-gb.js' };

/**
 * A set of the `hyphen` package's (1.14) patterns: its trie of the patterns' letters in
 * breadth-first arrays (node 0 the root; node n's children are nodes first(n) to
 * first(n + 1) - 1, each with the letter that leads to it and the index of the levels of the
 * pattern it ends, if any), the levels of each pattern, and its exceptions, each word with
 * its break offsets.
 */
export interface PatternSet {
  chars: Uint8Array;
  patterns: Uint8Array;
  /** Where each node's children start, 16 bits little-endian. */
  children: Uint8Array;
  levels: number[][];
  exceptions?: Record<string, number[]>;
}
/** A node that ends no pattern. */
const NO_PATTERN = 255;

/** The pattern set at `path`, decoded from its build-time form. */
export function patternSet(path: string): PatternSet {
  const t = PATTERN_TRIES[path];
  if (!t) throw new Error(`no hyphenation patterns ${path}: run npm run build`);
  const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
  return { chars: bytes(t.chars), patterns: bytes(t.patterns), children: bytes(t.children), levels: t.levels, ...(t.exceptions ? { exceptions: t.exceptions } : {}) };
}

/**
 * Punctuation around a word: opening brackets and quotation marks before it ( [ “ ‘ " '),
 * closing ones and stops after it (. , ; : ! ? ) ] ” ’ " '). Compared by code, not by a
 * regular expression: a match array for each word was most of what hyphenation allocated.
 */
const isLeading = (c: number) => c === 0x28 || c === 0x5b || c === 0x201c || c === 0x2018 || c === 0x22 || c === 0x27;
const isTrailing = (c: number) => c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x29 || c === 0x5d || c === 0x201d || c === 0x2019 || c === 0x22 || c === 0x27;
const PLAIN = /^[a-z]+$/;

/** Words looked up at most before the cache starts again: a process may set thousands of documents. */
const CACHE_SIZE = 20_000;

/** The hyphenator of a language, or undefined when there are no patterns for it (its text is then never hyphenated). */
export function hyphenatorFor(lang: string): Hyphenator | undefined {
  const path = PATTERNS[lang.toLowerCase().split('-')[0]!];
  return path === undefined ? undefined : shared(path);
}

const made = new Map<string, Hyphenator>();

/** One hyphenator (and one cache) per pattern set; the patterns are decoded on first use. */
function shared(path: string): Hyphenator {
  let h = made.get(path);
  if (h) return h;
  let patterns: PatternSet | undefined;
  let cache = new Map<string, readonly number[]>();
  const lookup = (word: string): readonly number[] => {
    let found = cache.get(word);
    if (found) return found;
    patterns ??= patternSet(path);
    const out = breaks(word, patterns).filter((at) => at >= MIN_BEFORE && word.length - at >= MIN_AFTER);
    if (cache.size >= CACHE_SIZE) cache = new Map();
    found = out.length ? out : NONE;
    cache.set(word, found);
    return found;
  };
  h = {
    points(text) {
      if (text.length < MIN_WORD) return NONE;
      let start = 0;
      while (start < text.length && isLeading(text.charCodeAt(start))) start++;
      let end = text.length;
      while (end > 0 && isTrailing(text.charCodeAt(end - 1))) end--;
      if (end - start < MIN_WORD) return NONE;
      const word = start === 0 && end === text.length ? text : text.slice(start, end);
      if (!PLAIN.test(word)) return NONE;
      const points = lookup(word);
      return start === 0 || points.length === 0 ? points : points.map((p) => p + start);
    },
  };
  made.set(path, h);
  return h;
}

const NONE: readonly number[] = Object.freeze([]);

/**
 * Liang's algorithm over the package's pattern set, as its hyphenator (hyphen/hyphen.js,
 * version 1.14) runs it, so that the breaks are the same (test/typeset/hyphenation.test.ts
 * compares them): the offsets in a lower-case word before which a hyphen may stand. The
 * package's per-call machinery (a text reader, HTML and hyphen-character checks, a cache of
 * marked strings) cost most of a cold PDF's hyphenation.
 */
export function breaks(word: string, { chars: letters, patterns, children, levels: levelsOf, exceptions }: PatternSet): number[] {
  if (exceptions && Object.hasOwn(exceptions, word)) return exceptions[word]!;
  const first = (node: number) => children[2 * node]! | (children[2 * node + 1]! << 8);
  const chars = `.${word}.`;
  // As the package does: a level written past the end of the array reads the hole before it
  // as NaN, which is no break; the last two and first two places are cleared at the end.
  const levels: number[] = new Array<number>(word.length + 1).fill(0);
  for (let from = 0, at = -1; chars.length - from >= 3; from++) {
    // The patterns at the word's start ("." then the first letter) and at its first letter both count from 0.
    if (from !== 1) at++;
    let node = 0;
    for (let i = from; i < chars.length; i++) {
      const c = chars.charCodeAt(i);
      let k = first(node);
      const end = first(node + 1);
      while (k < end && letters[k] !== c) k++;
      if (k === end) break;
      node = k;
      const index = patterns[k]!;
      if (index === NO_PATTERN) continue;
      const pattern = levelsOf[index]!;
      for (let k = 0; k < pattern.length; k++) levels[at + k] = Math.max(pattern[k]!, levels[at + k]!);
    }
  }
  levels[0] = levels[1] = levels[levels.length - 1] = levels[levels.length - 2] = 0;
  const out: number[] = [];
  for (let i = 0; i < levels.length; i++) if ((levels[i]! & 1) === 1) out.push(i);
  return out;
}
