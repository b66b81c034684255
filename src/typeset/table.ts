import type { Annex, Inline } from '../model.js';
import { baselineIn, linesOf } from './blocks.js';
import { BODY, RULE, TABLE, TYPE } from './geometry.js';
import type { Line } from './line-breaker.js';
import type { Mark, Structure, StructNode } from './pages.js';
import type { Unit } from './paginate.js';
import type { Face, FontMetrics } from './fonts.js';
import { appendAll } from '../util/append.js';

/** Column shares of the organization-of-work table: date and time, agenda item, title. */
const SHARES = TABLE.shares;
const GUTTER = TABLE.gutter;

interface Cell {
  lines: Line[];
  el: StructNode;
}

/**
 * The organization of work as table rows, one unit each. A row taller than a page
 * can be split between its lines (see `Unit.split`). The header row repeats, as an
 * artifact, at the top of each page the table runs onto; day rows keep with the row
 * after them.
 */
export function annexTableUnits(annex: Annex, fonts: FontMetrics, tree: Structure, parent: StructNode): Unit[] {
  const T = TYPE.table;
  const xs = [BODY.x];
  for (const s of SHARES.slice(0, -1)) xs.push(xs[xs.length - 1]! + s * BODY.width);
  const widths = SHARES.map((s) => s * BODY.width - GUTTER);
  const right = BODY.x + BODY.width;
  const table = tree.add(parent, 'Table');
  const style = (face: Face, size: number = T.size) => ({ face, size, markerSize: TYPE.noteMarker.size, markerRise: TYPE.noteMarker.rise });
  const text = (value: string): Inline[] => (value ? [{ type: 'text', value }] : []);

  const row = (cells: { content: Inline[]; face: Face; size?: number }[], type: 'TH' | 'TD', rule: 'head' | 'none' | 'end', keep: boolean): Unit => {
    const tr = tree.add(table, 'TR');
    const made: Cell[] = cells.map((c, k) => ({ lines: c.content.length ? linesOf(c.content, style(c.face, c.size), widths[k]!, fonts) : [], el: tree.add(tr, type, type === 'TH' ? 'Column' : undefined) }));
    const leading = type === 'TH' ? T.headLeading : T.leading;
    const size = type === 'TH' ? T.head : T.size;
    const count = Math.max(1, ...made.map((c) => c.lines.length));
    const rowMarks = (from: number, to: number, height: number, last: boolean): Mark[] => {
      const marks: Mark[] = [];
      const line = (y: number, width: number) => marks.push({ kind: 'rule', x1: BODY.x, x2: right, y, width });
      if (rule === 'head') line(0, RULE.table);
      for (let k = 0; k < made.length; k++) {
        const c = made[k]!;
        for (let n = from; n < to && n < c.lines.length; n++) marks.push({ kind: 'line', line: c.lines[n]!, x: xs[k]!, y: T.pad + baselineIn(fonts, size, leading) + (n - from) * leading, target: c.el });
      }
      if (rule === 'head') line(height, RULE.table);
      if (rule === 'end' && last) line(height, RULE.tableEnd);
      return marks;
    };
    /** Lines `from` to `to` (excluded) of every cell; the whole row is (0, count). */
    const part = (from: number, to: number): Unit => {
      const height = (to - from) * leading + 2 * T.pad;
      const notes: number[] = [];
      for (const c of made) for (let n = from; n < to && n < c.lines.length; n++) appendAll(notes, c.lines[n]!.notes);
      const last = to === count;
      const unit: Unit = {
        height,
        before: 0,
        keep,
        notes,
        marks: rowMarks(from, to, height, last),
      };
      // A body row taller than a page is continued on the next, under the repeated header;
      // the header row itself is never split.
      if (type === 'TD' && to - from > 1) {
        unit.split = (room, min) => {
          const fit = Math.min(to - from - 1, Math.floor((room - 2 * T.pad) / leading));
          if (fit < Math.max(1, min)) return undefined;
          const head = part(from, from + fit);
          const rest = part(from + fit, to);
          head.repeat = rest.repeat = unit.repeat;
          // Notes given to the row after it was made (notes never called follow the last unit) go with its end.
          for (const n of unit.notes) if (!head.notes.includes(n) && !rest.notes.includes(n)) rest.notes.push(n);
          rest.keep = unit.keep;
          head.keep = false;
          return [head, rest];
        };
      }
      return unit;
    };
    return part(0, count);
  };

  const c = annex.columns;
  const header = row(
    [c.dateAndTime, c.agendaItem, c.titleOrDescription].map((t) => ({ content: text(t), face: 'italic' as Face, size: T.head })),
    'TH',
    'head',
    true,
  );
  const units: Unit[] = [header];
  const body: Unit[] = [];
  const days = annex.days;
  days.forEach((day, d) => {
    body.push(row([{ content: text(day.label), face: 'bold' }, { content: [], face: 'regular' }, { content: [], face: 'regular' }], 'TD', 'none', true));
    day.slots.forEach((slot, s) =>
      slot.rows.forEach((r, k) => {
        const last = d === days.length - 1 && s === day.slots.length - 1 && k === slot.rows.length - 1;
        body.push(
          row(
            [
              { content: text(k === 0 ? slot.time : ''), face: 'regular' },
              { content: text(r.item ?? ''), face: 'regular' },
              { content: r.title, face: 'regular' },
            ],
            'TD',
            last ? 'end' : 'none',
            false,
          ),
        );
      }),
    );
  });
  for (const u of body) u.repeat = [header];
  return [...units, ...body];
}
