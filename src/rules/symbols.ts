/** UN document symbols: the grammar of research.un.org/en/docs/symbols, as linear-time checks. */
import { en } from '../locale/en.js';

/**
 * The series: "A", "CTOC", or a UNIDO organ with its session after a full stop ("IDB.52",
 * "PBC.40", "GC.20"): those three only, so that "ECN.15/2023/1" stays a mistake for E/CN.15.
 */
const SERIES = /^(?:[A-Z]{1,8}|(?:IDB|PBC|GC)\.\d{1,3})$/;
/**
 * A body, session, special or modification component: "WG.3", "2023", "S-20", "L.5", "Add.1",
 * "OzL.Pro.31", "Summary", a body with its session in brackets, as the UNCCD numbers its
 * Conference's and committees' sessions ("ICCD/COP(16)/23", "ICCD/CRIC(21)/1"), or the numbers
 * of a combined periodic report ("CRC/C/AUS/6-7", "CERD/C/ZAF/9-11").
 */
const SEGMENT = /^(?:[A-Z][A-Za-z]{0,11}(?:\.[A-Za-z0-9]{1,6}){0,3}(?:\(\d{1,3}\))?|\d{1,5}|\d{1,3}-\d{1,3}|S-\d{1,3}|[A-Z]{1,6}-\d{1,3})$/;
/** A body component written without its full stop: "WG3", "CN15", "Add1". */
const NO_POINT = /^([A-Z][A-Za-z]{0,11})(\d{1,4})$/;
/** Two symbols in one string, joined as text would join them ("E/2001/28 – E/CN.7/2001/12", "A/1-B/2", "A/1, B/2"): a dash, comma or "and" before another series and "/". */
const JOINED = /[\w.](?: ?[–—-] ?|[,;] ?| and )[A-Z]{1,8}\//;

/** What is wrong with a symbol, and what to do: the corrected symbol where it is certain. */
export interface SymbolProblem {
  problem: string;
  /** A joint symbol written as one string. */
  joint?: boolean;
  /** The symbol corrected, when one change makes it valid. */
  corrected?: string;
}

/** Why the symbol does not parse, or undefined when it does. */
export function symbolProblem(symbol: string): SymbolProblem | undefined {
  if (JOINED.test(symbol)) return { problem: 'it holds several symbols', joint: true };
  if (/\s/.test(symbol)) {
    const corrected = symbol.replace(/\s+/g, '');
    return { problem: 'a symbol has no spaces', ...(symbolProblem(corrected) ? {} : { corrected }) };
  }
  const star = symbol.endsWith('*') ? '*' : '';
  const parts = symbol.replace(/\*$/, '').split('/');
  if (parts.length < 2) return { problem: 'a symbol has at least two components separated by "/"' };
  if (!SERIES.test(parts[0]!)) return { problem: `'${parts[0]}' is not a series (capital letters: A, E, S, ST, CTOC, CAC ..., or IDB.52)` };
  const k = parts.findIndex((p, i) => i > 0 && !SEGMENT.test(p));
  if (k >= 0) {
    const bad = parts[k]!;
    const fixed = (replacement: string[]) => {
      const corrected = [...parts.slice(0, k), ...replacement, ...parts.slice(k + 1)].join('/') + star;
      return symbolProblem(corrected) ? {} : { corrected };
    };
    if (bad === '') {
      const where = k === parts.length - 1 ? 'the symbol ends with "/"' : `the ${en.ordinal(k + 1)} component, between '${parts[k - 1]}' and '${parts[k + 1]}', is empty ("//")`;
      return { problem: where, ...fixed([]) };
    }
    const point = NO_POINT.exec(bad);
    if (point) return { problem: `'${bad}' is not a symbol component: a body's number follows a full stop ('${point[1]}.${point[2]}')`, ...fixed([`${point[1]}.${point[2]}`]) };
    return { problem: `'${bad}' is not a symbol component` };
  }
  if (!/\d/.test(symbol)) return { problem: 'a symbol ends in a session, a year or a number' };
  return undefined;
}

/**
 * Symbols in running text, found by one linear scan: a series, then components
 * joined by "/" (a component may end in a session in brackets: "ICCD/COP(16)/23"). Nothing
 * follows the repetition, so the engine never backtracks into it.
 */
export const SYMBOL_IN_TEXT = /[A-Z]{1,8}(?:\/(?:S-\d{1,3}|\d{1,3}-\d{1,3}(?![\w/])|[A-Za-z0-9.]{1,20}(?:\(\d{1,3}\))?))+\*?/g;
