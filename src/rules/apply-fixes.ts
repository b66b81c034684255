/**
 * Applying text edits in one linear pass, and following offsets through them.
 *
 * An edit replaces [start, end) of a text; edits are sorted and do not overlap (two
 * may touch). The output is built from the slices between the edits, in order, so
 * that a thousand fixes in a megabyte cost one copy of the megabyte, not a thousand.
 */

export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/** The text with every edit applied; `edits` sorted by start, not overlapping. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  if (!edits.length) return text;
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    if (e.start < at || e.end < e.start || e.end > text.length) throw new Error(`edits overlap or leave the text at ${e.start}-${e.end}`);
    parts.push(text.slice(at, e.start), e.replacement);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Which side of an edited range an offset stands for when it falls inside one: the
 * start of a range maps to the start of what replaced it, the end to its end.
 */
export type Side = 'start' | 'end';

/** Offsets before an edit pass (input) and after it (output), in both directions. */
export class EditMap {
  private readonly inStart: number[] = [];
  private readonly inEnd: number[] = [];
  private readonly outStart: number[] = [];
  private readonly outEnd: number[] = [];

  constructor(readonly edits: readonly Edit[]) {
    let delta = 0;
    for (const e of edits) {
      this.inStart.push(e.start);
      this.inEnd.push(e.end);
      this.outStart.push(e.start + delta);
      delta += e.replacement.length - (e.end - e.start);
      this.outEnd.push(e.end + delta);
    }
  }

  /** The output range of edit `i`. */
  output(i: number): { start: number; end: number } {
    return { start: this.outStart[i]!, end: this.outEnd[i]! };
  }

  /** Where input offset `p` is in the output. */
  forward(p: number, side: Side): number {
    return map(p, side, this.inStart, this.inEnd, this.outStart, this.outEnd);
  }

  /** Where output offset `q` was in the input. */
  backward(q: number, side: Side): number {
    return map(q, side, this.outStart, this.outEnd, this.inStart, this.inEnd);
  }

  /** The indices of the edits whose output range meets [start, end] (touching counts). */
  outputsMeeting(start: number, end: number): number[] {
    return meeting(this.outStart, this.outEnd, start, end);
  }

  /** The indices of the edits whose input range meets [start, end] (touching counts). */
  inputsMeeting(start: number, end: number): number[] {
    return meeting(this.inStart, this.inEnd, start, end);
  }
}

/**
 * The index of the last element of `sorted` (ascending) that is at most `value`, or -1:
 * the one binary search that mapping offsets and finding ranges all come down to.
 */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The indices of the sorted, disjoint ranges that meet [start, end] (touching counts). */
function meeting(starts: readonly number[], ends: readonly number[], start: number, end: number): number[] {
  const found: number[] = [];
  // The first range that ends at or after `start` (offsets are integers).
  for (let i = lastAtOrBefore(ends, start - 1) + 1; i < starts.length && starts[i]! <= end; i++) found.push(i);
  return found;
}

function map(p: number, side: Side, fromStart: number[], fromEnd: number[], toStart: number[], toEnd: number[]): number {
  const i = lastAtOrBefore(fromStart, p); // the last range that starts at or before p
  if (i < 0) return p;
  const s = fromStart[i]!;
  const e = fromEnd[i]!;
  if (p > e) return p + (toEnd[i]! - e);
  if (p === e && p > s) return toEnd[i]!;
  if (p === s && p < e) return toStart[i]!;
  return side === 'start' ? toStart[i]! : toEnd[i]!;
}

/**
 * Merges touching or overlapping ranges, sorted by start: what changed between a text
 * and its fixed form, once several passes have edited the result of the previous one.
 */
export function mergeRanges(ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
