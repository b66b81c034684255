/** UN document symbols: the grammar of research.un.org/en/docs/symbols, as linear-time checks. */

const SERIES = /^[A-Z]{1,8}$/;
/** A body, session, special or modification component: "WG.3", "2023", "S-20", "L.5", "Add.1", "OzL.Pro.31", "Summary". */
const SEGMENT = /^(?:[A-Z][A-Za-z]{0,11}(?:\.[A-Za-z0-9]{1,6}){0,3}|\d{1,5}|S-\d{1,3}|[A-Z]{1,6}-\d{1,3})$/;

/** Why the symbol does not parse, or undefined when it does. */
export function symbolProblem(symbol: string): string | undefined {
  if (/\s/.test(symbol)) return 'a symbol has no spaces';
  const parts = symbol.replace(/\*$/, '').split('/');
  if (parts.length < 2) return 'a symbol has at least two components separated by "/"';
  if (!SERIES.test(parts[0]!)) return `'${parts[0]}' is not a series (capital letters: A, E, S, ST, CTOC, CAC ...)`;
  const bad = parts.slice(1).find((p) => !SEGMENT.test(p));
  if (bad !== undefined) return bad === '' ? 'a symbol has no empty components ("//" or a final "/")' : `'${bad}' is not a symbol component`;
  if (!/\d/.test(symbol)) return 'a symbol ends in a session, a year or a number';
  return undefined;
}

/**
 * Symbols in running text, found by one linear scan: a series, then components
 * joined by "/". Nothing follows the repetition, so the engine never backtracks into it.
 */
export const SYMBOL_IN_TEXT = /[A-Z]{1,8}(?:\/(?:S-\d{1,3}|[A-Za-z0-9.]{1,20}))+\*?/g;
