import type { Line, Piece } from './line-breaker.js';
import type { Unit } from './paginate.js';
import { repiece, restyle } from './pieces.js';

/** Where a web address written as plain text starts: "www." or a scheme. */
const ADDRESS_START = /^(?:https?:\/\/|www\.)\S/i;
/** Punctuation that ends the sentence after an address, not the address ("….html."). */
const TRAILING = /[.,;:!?)\]]+$/;

/**
 * Web addresses in footnotes, written as plain text as UN footnotes print them
 * ("www.unodc.org/…/ic_2022.html."), made links in formats that have them: each
 * address's pieces (on one line or broken over several) get a link to it, "https://"
 * added before a bare "www." and the sentence's full stop left out. Addresses the author
 * wrote as links keep theirs. The lines are the units' own: their pieces are replaced,
 * never changed in place.
 */
export function linkWebAddresses(units: readonly Unit[]): void {
  const lines: Line[] = [];
  for (const u of units) for (const m of u.marks) if (m.kind === 'line') lines.push(m.line);
  // The pieces in reading order, with where each stands.
  // A right-to-left line's pieces stand in visual order: read them in logical order (`n`).
  const at: { line: Line; k: number; n: number }[] = [];
  for (const line of lines) line.pieces.forEach((_, n) => at.push({ line, k: line.visualOf ? line.visualOf[n]! : n, n }));
  const piece = (i: number): Piece => at[i]!.line.pieces[at[i]!.k]!;
  let i = 0;
  while (i < at.length) {
    const first = piece(i);
    if (first.style.link || first.style.note !== undefined || !ADDRESS_START.test(first.text) || (i > 0 && at[i]!.n > 0 && first.before !== 'space' && first.before !== 'glue')) {
      i++;
      continue;
    }
    // The address runs on while no space separates the pieces (a break after "/" starts a line without one).
    let j = i + 1;
    while (j < at.length && (piece(j).before === 'none' || piece(j).before === 'soft') && !piece(j).style.link) j++;
    const text = Array.from({ length: j - i }, (_, d) => piece(i + d).text).join('').replace(TRAILING, '');
    const url = /^www\./i.test(text) ? `https://${text}` : text;
    for (let d = i; d < j; d++) {
      const p = piece(d);
      at[d]!.line.pieces[at[d]!.k] = repiece(p, { style: restyle(p.style, { link: url }) });
    }
    i = j;
  }
}
