import { PATTERN_TEXTS } from '../generated/hyphenation.js';

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
 * by module path: written as JSON text at build time (scripts/hyphenation-patterns.js).
 */
const PATTERNS: Record<string, string> = { en: 'hyphen/patterns/en-gb.js' };

/**
 * A set of patterns as the `hyphen` package (1.14) stores them: the levels of each pattern, a
 * trie of the patterns' letters (a node is a further trie, the index of a pattern's levels, or
 * both as [trie, index]), and its exceptions, each word with its break offsets.
 */
type PatternSet = [levels: number[][], trie: Trie, exceptions?: Record<string, number[]>];
interface Trie {
  [letter: string]: Trie | number | [Trie, number];
}
const EMPTY_TRIE: Trie = {};

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

/** One hyphenator (and one cache) per pattern set; the package's code and the patterns (JSON text) are read on first use. */
function shared(path: string): Hyphenator {
  let h = made.get(path);
  if (h) return h;
  let patterns: PatternSet | undefined;
  let cache = new Map<string, readonly number[]>();
  const lookup = (word: string): readonly number[] => {
    let found = cache.get(word);
    if (found) return found;
    patterns ??= JSON.parse(PATTERN_TEXTS[path]!) as PatternSet;
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
export function breaks(word: string, [levelsOf, trie, exceptions]: PatternSet): number[] {
  if (exceptions && Object.hasOwn(exceptions, word)) return exceptions[word]!;
  const chars = `.${word}.`;
  // As the package does: a level written past the end of the array reads the hole before it
  // as NaN, which is no break; the last two and first two places are cleared at the end.
  const levels: number[] = new Array<number>(word.length + 1).fill(0);
  for (let from = 0, at = -1; chars.length - from >= 3; from++) {
    // The patterns at the word's start ("." then the first letter) and at its first letter both count from 0.
    if (from !== 1) at++;
    let node: Trie = trie;
    for (let i = from; i < chars.length; i++) {
      const next = node[chars[i]!];
      if (next === undefined) break;
      let index = -1;
      if (Array.isArray(next)) [node, index] = next;
      else if (typeof next === 'number') [node, index] = [EMPTY_TRIE, next];
      else node = next;
      if (index < 0) continue;
      const pattern = levelsOf[index]!;
      for (let k = 0; k < pattern.length; k++) levels[at + k] = Math.max(pattern[k]!, levels[at + k]!);
    }
  }
  levels[0] = levels[1] = levels[levels.length - 1] = levels[levels.length - 2] = 0;
  const out: number[] = [];
  for (let i = 0; i < levels.length; i++) if ((levels[i]! & 1) === 1) out.push(i);
  return out;
}
