import { appendAll } from '../util/append.js';
import { FOOT as FOOT_SPACE } from './geometry.js';
import type { Mark } from './pages.js';

/**
 * A slice of the flow: a line, a table row, the masthead. A unit that can be split
 * (a table row of several lines) says so with `split`; the others never break.
 */
export interface Unit {
  height: number;
  /** Space above, dropped at the top of a page. */
  before: number;
  /** A page break may not fall after this unit (headings, first and next-to-last lines of paragraphs). */
  keep: boolean;
  /** It starts a new page (the annex), unless it already stands at the top of one. */
  pageBreakBefore?: true;
  /** Footnotes first called in this unit: their text must start on the same page. */
  notes: number[];
  /** Table rows: the header to repeat above them at the top of a new page. */
  repeat?: Unit[];
  /** What it shows, `y` measured from its top; set as artifacts where it is placed as a repeated header. */
  marks: Mark[];
  /**
   * A block of lines set as one unit (a table row): its first lines, as many as fit in
   * `room` points and at least `min`, and the rest; undefined when fewer than `min` fit
   * or nothing would be left for the rest.
   */
  split?(room: number, min: number): [Unit, Unit] | undefined;
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
const NOTE_SEPARATION = FOOT_SPACE.separation;
const NOTE_GAP = FOOT_SPACE.gap;
/** A note continued from an earlier page may take at most this share of the next page. */
const MAX_CONTINUATION_SHARE = FOOT_SPACE.maxContinuationShare;
/** Lines of a split unit left at the foot of a page (as for paragraphs: no orphan line). */
const MIN_SPLIT_LINES = 2;

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
 * A unit taller than a page that can be split (a table row) fills the rest of the
 * page and continues on the next, under the repeated header; a unit that fits on a
 * page is never split. No unit is placed past the foot of its page.
 */
export function paginate(units: Unit[], notes: Map<number, Unit[]>, frame: (page: number) => Frame): Page[] {
  const pages: Page[] = [];
  let carryIn: Unit[] = [];
  let i = 0;
  /** What is left of unit i after its first lines went on the page before. */
  let rest: Unit | undefined;
  const placedNotes = new Set<number>();
  while (i < units.length) {
    const f = frame(pages.length);
    const state: State = { page: { body: [], foot: [], footHeight: 0 }, y: f.top, first: i, carry: [], placedNotes };
    // Continued footnote text first, up to a share of the page.
    const room = (f.bottom - f.top) * MAX_CONTINUATION_SHARE;
    for (const [k, line] of carryIn.entries()) {
      // A note that starts among continued text is set off by its gap (its `before`), as the page foot is set (typeset/index.ts).
      const extra = (state.page.foot.length ? line.before : NOTE_SEPARATION) + line.height;
      if (state.page.footHeight + extra > room) {
        state.carry = carryIn.slice(k);
        break;
      }
      state.page.foot.push(line);
      state.page.footHeight += extra;
    }
    // Snapshots before each unit on this page, to back out to a break point.
    const snaps: { index: number; y: number; body: number; foot: number; footHeight: number; carry: Unit[]; notes: number[] }[] = [];
    const noteLog: number[] = [];
    const next = rest ?? units[i];
    if (next?.repeat && (rest !== undefined || (i > 0 && units[i - 1]!.repeat !== undefined))) placeRepeat(state, next.repeat);
    while (i < units.length) {
      const u = rest ?? units[i]!;
      snaps.push({ index: i, y: state.y, body: state.page.body.length, foot: state.page.foot.length, footHeight: state.page.footHeight, carry: state.carry, notes: [...noteLog] });
      const empty = !state.page.body.some((b) => !b.repeated);
      if (u.pageBreakBefore && !empty && rest === undefined) break;
      const before = empty ? 0 : u.before;
      if (u.split && state.y + before + u.height > f.bottom - state.page.footHeight && (empty || u.height > freshRoom(u, frame(pages.length + 1)))) {
        // Taller than a page: its first lines fill this one, the rest goes on.
        const left = placeHead(state, u, before, notes, f, noteLog, empty);
        if (left) {
          rest = left;
          break;
        }
      }
      if (tryPlace(state, u, before, notes, f, noteLog, empty)) {
        rest = undefined;
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
      // Cannot happen: a unit alone on an empty page is placed, split, or refused by tryPlace.
      throw new Error('pagination made no progress');
    }
    pages.push(state.page);
    carryIn = state.carry;
  }
  // Footnote text left over after the last unit goes on extra pages.
  while (carryIn.length) {
    const f = frame(pages.length);
    const page: Page = { body: [], foot: [], footHeight: NOTE_SEPARATION };
    let k = 0;
    while (k < carryIn.length && page.footHeight + (k ? carryIn[k]!.before : 0) + carryIn[k]!.height <= f.bottom - f.top) page.footHeight += (k ? carryIn[k]!.before : 0) + carryIn[k++]!.height;
    page.foot = carryIn.slice(0, Math.max(1, k));
    carryIn = carryIn.slice(Math.max(1, k));
    pages.push(page);
  }
  return pages;
}

/** The height a unit may take at the top of a page with frame `f`: all of it, but for a repeated header. */
function freshRoom(u: Unit, f: Frame): number {
  let room = f.bottom - f.top;
  if (u.repeat) for (const h of u.repeat) room -= h.height;
  return room;
}

/**
 * Places the first lines of a splittable unit, as many as fit with the notes they
 * call, and returns the rest; undefined when not even MIN_SPLIT_LINES fit (the unit
 * then starts the next page). At the top of a page, one line is enough.
 */
function placeHead(state: State, u: Unit, before: number, notes: Map<number, Unit[]>, f: Frame, log: number[], empty: boolean): Unit | undefined {
  const room = f.bottom - state.page.footHeight - state.y - before;
  for (let r = room; ; ) {
    const parts = u.split!(r, empty ? 1 : MIN_SPLIT_LINES);
    if (!parts) break;
    if (tryPlace(state, parts[0], before, notes, f, log, false)) return parts[1];
    // The notes its lines call do not fit: one line fewer.
    r = parts[0].height - 0.5;
  }
  if (!empty) return undefined;
  // Alone on its page: at least its first line, its notes continued as far as they fit.
  const parts = u.split!(room, 1);
  if (parts && tryPlace(state, parts[0], before, notes, f, log, true)) return parts[1];
  return undefined;
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
      appendAll(add, lines);
      footHeight += sep + full;
      footCount += lines.length;
      continue;
    }
    // Only the last note called here may be split; at least two lines (or all) stay with the call.
    if (k !== fresh.length - 1 && !force) return false;
    if (carry.length && !force) return false;
    let take = 0;
    let h = sep;
    // Notes keep their order: behind text that goes on to the next page, none starts here.
    if (carry.length === 0) while (take < lines.length && bodyEnd + footHeight + h + lines[take]!.height <= f.bottom) h += lines[take++]!.height;
    if (!force && (take < Math.min(2, lines.length) || (lines.length - take === 1 && take < 3))) return false;
    if (take === 0) {
      // Forced, and not one line fits under it: the whole note starts on the next page.
      carry = [...carry, ...lines];
      continue;
    }
    appendAll(add, lines.slice(0, take));
    footHeight += h;
    footCount += take;
    carry = [...carry, ...lines.slice(take)];
  }
  if (bodyEnd + footHeight > f.bottom + 0.01) {
    if (!force) return false;
    // Alone on its page and still too tall: painting it would run over the foot. Cannot happen
    // for what the layout makes (lines split, the masthead is measured first: masthead.ts),
    // so it stays an internal error rather than a silent overprint.
    if (bodyEnd > f.bottom + 0.01) throw new Error(`a block ${Math.round(u.height)} pt tall does not fit on a page of ${Math.round(f.bottom - f.top)} pt`);
  }
  state.page.body.push({ unit: u, top: state.y + before, repeated: false });
  state.y = bodyEnd;
  appendAll(state.page.foot, add);
  state.page.footHeight = footHeight;
  state.carry = carry;
  for (const n of fresh) {
    state.placedNotes.add(n);
    log.push(n);
  }
  return true;
}

export const FOOT = { separation: NOTE_SEPARATION, gap: NOTE_GAP } as const;
