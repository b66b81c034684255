import type { Painter } from './painter.js';

/** A slice of the flow that never breaks across pages: a line, a table row, the masthead. */
export interface Unit {
  height: number;
  /** Space above, dropped at the top of a page. */
  before: number;
  /** A page break may not fall after this unit (headings, first and next-to-last lines of paragraphs). */
  keep: boolean;
  /** Footnotes first called in this unit: their text must start on the same page. */
  notes: number[];
  /** Table rows: the header to repeat above them at the top of a new page. */
  repeat?: Unit[];
  paint(p: Painter, top: number, artifact: boolean): void;
}

export interface Placed {
  unit: Unit;
  top: number;
  /** A repeated table header: drawn as an artifact, its text is tagged once at its first occurrence. */
  repeated: boolean;
}

export interface Page {
  body: Placed[];
  /** Footnote lines at the foot, in order (continuations first). */
  foot: Unit[];
  footHeight: number;
}

export interface Frame {
  top: number;
  bottom: number;
}

/** Space between the last body line and the footnote separator, and between two notes. */
const NOTE_SEPARATION = 10;
const NOTE_GAP = 2;
/** A note continued from an earlier page may take at most this share of the next page. */
const MAX_CONTINUATION_SHARE = 0.5;

interface State {
  page: Page;
  y: number;
  /** Index of the first unit of the flow on this page. */
  first: number;
  /** Note lines that go on to the next page. */
  carry: Unit[];
  placedNotes: Set<number>;
}

/**
 * Places units on pages: footnote text on the page of its call (continued at the
 * next page's foot when too long), no break after a `keep` unit, table headers
 * repeated. Breaks by backtracking to the last allowed break point on the page.
 */
export function paginate(units: Unit[], notes: Map<number, Unit[]>, frame: (page: number) => Frame): Page[] {
  const pages: Page[] = [];
  let carryIn: Unit[] = [];
  let i = 0;
  const placedNotes = new Set<number>();
  while (i < units.length) {
    const f = frame(pages.length);
    const state: State = { page: { body: [], foot: [], footHeight: 0 }, y: f.top, first: i, carry: [], placedNotes };
    // Continued footnote text first, up to a share of the page.
    const room = (f.bottom - f.top) * MAX_CONTINUATION_SHARE;
    for (const [k, line] of carryIn.entries()) {
      const extra = (state.page.foot.length ? 0 : NOTE_SEPARATION) + line.height;
      if (state.page.footHeight + extra > room) {
        state.carry = carryIn.slice(k);
        break;
      }
      state.page.foot.push(line);
      state.page.footHeight += extra;
    }
    const startCarry = state.carry;
    // Snapshots before each unit on this page, to back out to a break point.
    const snaps: { index: number; y: number; body: number; foot: number; footHeight: number; carry: Unit[]; notes: number[] }[] = [];
    const noteLog: number[] = [];
    if (i > 0 && units[i]!.repeat && units[i - 1]!.repeat !== undefined) placeRepeat(state, units[i]!.repeat!);
    while (i < units.length) {
      const u = units[i]!;
      snaps.push({ index: i, y: state.y, body: state.page.body.length, foot: state.page.foot.length, footHeight: state.page.footHeight, carry: state.carry, notes: [...noteLog] });
      const empty = !state.page.body.some((b) => !b.repeated);
      const before = empty ? 0 : u.before;
      if (tryPlace(state, u, before, notes, f, noteLog, empty)) {
        i++;
        continue;
      }
      // Does not fit: break before the last unit on this page that may start a page.
      let b = i;
      while (b > state.first && units[b - 1]!.keep) b--;
      if (b === state.first) b = i;
      const snap = snaps.find((s) => s.index === b)!;
      state.y = snap.y;
      state.page.body.length = snap.body;
      state.page.foot.length = snap.foot;
      state.page.footHeight = snap.footHeight;
      state.carry = snap.carry;
      for (const n of noteLog.splice(snap.notes.length)) placedNotes.delete(n);
      i = b;
      break;
    }
    if (!state.page.body.length && i < units.length) {
      throw new Error('pagination made no progress');
    }
    void startCarry;
    pages.push(state.page);
    carryIn = state.carry;
  }
  // Footnote text left over after the last unit goes on extra pages.
  while (carryIn.length) {
    const f = frame(pages.length);
    const page: Page = { body: [], foot: [], footHeight: NOTE_SEPARATION };
    let k = 0;
    while (k < carryIn.length && page.footHeight + carryIn[k]!.height <= f.bottom - f.top) page.footHeight += carryIn[k++]!.height;
    page.foot = carryIn.slice(0, Math.max(1, k));
    carryIn = carryIn.slice(Math.max(1, k));
    pages.push(page);
  }
  return pages;
}

function placeRepeat(state: State, header: Unit[]): void {
  for (const h of header) {
    state.page.body.push({ unit: h, top: state.y, repeated: true });
    state.y += h.height;
  }
}

function tryPlace(state: State, u: Unit, before: number, notes: Map<number, Unit[]>, f: Frame, log: number[], force: boolean): boolean {
  const fresh = u.notes.filter((n) => !state.placedNotes.has(n));
  let footHeight = state.page.footHeight;
  let footCount = state.page.foot.length;
  const add: Unit[] = [];
  let carry = state.carry;
  const bodyEnd = state.y + before + u.height;
  for (const [k, n] of fresh.entries()) {
    const lines = notes.get(n) ?? [];
    const sep = footCount ? NOTE_GAP : NOTE_SEPARATION;
    const full = lines.reduce((s, l) => s + l.height, 0);
    if (carry.length === 0 && bodyEnd + footHeight + sep + full <= f.bottom) {
      add.push(...lines);
      footHeight += sep + full;
      footCount += lines.length;
      continue;
    }
    // Only the last note called here may be split; at least two lines (or all) stay with the call.
    if (k !== fresh.length - 1 && !force) return false;
    let take = 0;
    let h = sep;
    while (take < lines.length && bodyEnd + footHeight + h + lines[take]!.height <= f.bottom) h += lines[take++]!.height;
    if (carry.length && !force) return false;
    if (!force && (take < Math.min(2, lines.length) || (lines.length - take === 1 && take < 3))) return false;
    if (force) take = Math.max(take, 1);
    add.push(...lines.slice(0, take));
    footHeight += h;
    footCount += take;
    carry = [...carry, ...lines.slice(take)];
  }
  if (!force && bodyEnd + footHeight > f.bottom + 0.01) return false;
  state.page.body.push({ unit: u, top: state.y + before, repeated: false });
  state.y = bodyEnd;
  state.page.foot.push(...add);
  state.page.footHeight = footHeight;
  state.carry = carry;
  for (const n of fresh) {
    state.placedNotes.add(n);
    log.push(n);
  }
  return true;
}

export const FOOT = { separation: NOTE_SEPARATION, gap: NOTE_GAP } as const;
