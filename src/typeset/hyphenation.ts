import { createRequire } from 'node:module';
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

/** The package's hyphenator for a set of patterns (hyphen/hyphen.js, written for hyphen 1.14). */
type CreateHyphenator = (patterns: unknown) => (text: string, options: { hyphenChar: string; minWordLength: number }) => string;

/** Punctuation around a word: opening brackets and quotation marks before it, closing ones and stops after it. */
const LEADING = /^[([“‘"']*/;
const TRAILING = /[.,;:!?)\]”’"']*$/;
const PLAIN = /^[a-z]+$/;
/** A character that marks the hyphenation points in the package's answer (never in a plain word). */
const MARK = '|';

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
  let hyphenateSync: ReturnType<CreateHyphenator> | undefined;
  let cache = new Map<string, readonly number[]>();
  const lookup = (word: string): readonly number[] => {
    let found = cache.get(word);
    if (found) return found;
    hyphenateSync ??= (createRequire(import.meta.url)('hyphen/hyphen.js') as CreateHyphenator)(JSON.parse(PATTERN_TEXTS[path]!));
    const marked = hyphenateSync(word, { hyphenChar: MARK, minWordLength: MIN_WORD });
    const out: number[] = [];
    for (let i = 0, letters = 0; i < marked.length; i++) {
      if (marked[i] === MARK) {
        if (letters >= MIN_BEFORE && word.length - letters >= MIN_AFTER) out.push(letters);
      } else letters++;
    }
    if (cache.size >= CACHE_SIZE) cache = new Map();
    found = out.length ? out : NONE;
    cache.set(word, found);
    return found;
  };
  h = {
    points(text) {
      if (text.length < MIN_WORD) return NONE;
      const start = LEADING.exec(text)![0].length;
      const end = text.length - TRAILING.exec(text)![0].length;
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
