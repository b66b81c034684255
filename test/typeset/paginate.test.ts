import { describe, expect, it } from 'vitest';
import { random } from '../../bench/generate.js';
import type { Annex } from '../../src/model.js';
import { tableMetrics } from '../../src/typeset/fonts.js';
import { Structure } from '../../src/typeset/pages.js';
import { FOOT, paginate, type Page, type Placed, type Unit } from '../../src/typeset/paginate.js';
import { annexTableUnits } from '../../src/typeset/table.js';

/** Synthetic units of 10 pt; `name` identifies them in the result. */
const unit = (name: string, extra: Partial<Unit> = {}): Unit & { name: string } => ({ name, height: 10, before: 0, keep: false, notes: [], marks: [], ...extra });
/** A paragraph's lines with the renderer's widow and orphan rule. */
const paragraph = (name: string, n: number, notes: Record<number, number[]> = {}) =>
  Array.from({ length: n }, (_, k) => unit(`${name}${k + 1}`, { keep: n > 1 && (k === 0 || k === n - 2), notes: notes[k] ?? [] }));
const names = (us: { unit: Unit }[]) => us.map((u) => (u.unit as Unit & { name: string }).name);
const frame = () => ({ top: 0, bottom: 100 });

describe('pagination', () => {
  it('moves a paragraph whose first line alone would end the page', () => {
    const pages = paginate([...paragraph('a', 9), ...paragraph('b', 4)], new Map(), frame);
    expect(names(pages[0]!.body)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9']);
    expect(names(pages[1]!.body)).toEqual(['b1', 'b2', 'b3', 'b4']);
  });

  it('never leaves the last line of a paragraph alone at the top of a page', () => {
    const pages = paginate([...paragraph('a', 5), ...paragraph('b', 6)], new Map(), frame);
    expect(names(pages[0]!.body)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'b2', 'b3', 'b4']);
    expect(names(pages[1]!.body)).toEqual(['b5', 'b6']);
    const short = paginate([...paragraph('a', 7), ...paragraph('b', 4)], new Map(), frame);
    expect(names(short[1]!.body)).toEqual(['b3', 'b4']);
  });

  it('keeps a heading with the first two lines after it', () => {
    const pages = paginate([...paragraph('a', 8), unit('h', { keep: true }), ...paragraph('b', 3)], new Map(), frame);
    expect(names(pages[0]!.body)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8']);
    expect(names(pages[1]!.body)).toEqual(['h', 'b1', 'b2', 'b3']);
  });

  it('puts a note on the page of its call, moving the call when the note cannot start there', () => {
    const note = [unit('n1'), unit('n2')];
    const notes = new Map([[1, note]]);
    // The call on line 8: lines 1-8 (80) + separation (10) + note (20) overflow, so the call moves.
    const pages = paginate(paragraph('a', 12, { 7: [1] }), notes, frame);
    const callPage = pages.findIndex((p) => names(p.body).includes('a8'));
    const notePage = pages.findIndex((p) => p.foot.includes(note[0]!));
    expect(callPage).toBe(notePage);
    for (const p of pages) expect(p.body.reduce((s, b) => Math.max(s, b.top + b.unit.height), 0) + p.footHeight).toBeLessThanOrEqual(100);
  });

  it('continues a note too long for the page at the foot of the next page', () => {
    const note = Array.from({ length: 12 }, (_, k) => unit(`n${k + 1}`));
    const pages = paginate(paragraph('a', 15, { 1: [1] }), new Map([[1, note]]), frame);
    expect(pages[0]!.foot[0]).toBe(note[0]);
    const placed = pages.flatMap((p) => p.foot);
    expect(placed).toEqual(note);
    expect(pages[1]!.foot.length).toBeGreaterThan(0);
  });

  it('repeats a table header above rows continued on a new page', () => {
    const head = unit('head', { keep: true });
    const rows = Array.from({ length: 14 }, (_, k) => unit(`r${k + 1}`, { repeat: [head] }));
    const pages = paginate([head, ...rows], new Map(), frame);
    expect(pages[1]!.body[0]!.unit).toBe(head);
    expect(pages[1]!.body[0]!.repeated).toBe(true);
    expect(pages[0]!.body[0]!.repeated).toBe(false);
  });
});

/** Every page: the body and the notes at its foot end inside the frame. */
const insideFrames = (pages: Page[], bottom = 100) => {
  for (const [k, p] of pages.entries()) {
    const end = p.body.reduce((s, b) => Math.max(s, b.top + b.unit.height), 0);
    expect(end + p.footHeight, `page ${k + 1}`).toBeLessThanOrEqual(bottom + 0.01);
    // The foot as the typesetter sets it (separation, lines, the gap before each note but the first) fits in footHeight.
    const foot = p.foot.reduce((s, u, n) => s + u.height + (n ? u.before : 0), p.foot.length ? FOOT.separation : 0);
    expect(foot, `foot of page ${k + 1}`).toBeLessThanOrEqual(p.footHeight + 0.01);
  }
};
/** The text lines of placed units as an exporter would draw them: words and absolute baselines. */
const drawnLines = (placed: Placed[]) => {
  const drawn: { text: string; baseline: number }[] = [];
  for (const b of placed) for (const m of b.unit.marks) if (m.kind === 'line') drawn.push({ text: m.line.pieces.map((p) => p.text).join(' '), baseline: b.top + m.y });
  return drawn;
};

describe('pagination of blocks taller than the space left', () => {
  it('splits a tall annex row between its lines, repeats the header above the rest, and draws every line once', () => {
    const words = Array.from({ length: 1100 }, (_, k) => `w${k}`);
    const annex: Annex = {
      heading: 'Annex',
      title: 'Proposed organization of work',
      columns: { dateAndTime: 'Date and time', agendaItem: 'Agenda item', titleOrDescription: 'Title or description' },
      days: [{ date: '2025-03-03', label: 'Monday, 3 March', origin: { path: [] }, slots: [{ time: '10 a.m.–1 p.m.', origin: { path: [] }, rows: [
        { item: '1', title: [{ type: 'text', value: 'Opening of the session' }], continued: false, origin: { path: [] } },
        { title: [{ type: 'text', value: words.join(' ') }], continued: false, origin: { path: [] } },
        { item: '2', title: [{ type: 'text', value: 'Adoption of the report' }], continued: false, origin: { path: [] } },
      ] }] }],
    };
    const tree = new Structure();
    const units = annexTableUnits(annex, tableMetrics(), tree, tree.root);
    const page = { top: 0, bottom: 500 };
    const tall = units[3]!;
    expect(tall.height).toBeGreaterThan(2 * page.bottom);
    // A note never called follows the last unit of the flow: it must survive the split.
    const uncalled = [unit('note')];
    tall.notes.push(9);
    const pages = paginate(units, new Map([[9, uncalled]]), () => page);
    insideFrames(pages, page.bottom);
    expect(pages.flatMap((p) => p.foot)).toEqual(uncalled);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // Each page after the first starts with the header, repeated as an artifact.
    for (const p of pages.slice(1)) {
      expect(p.body[0]!.unit).toBe(units[0]);
      expect(p.body[0]!.repeated).toBe(true);
    }
    // The first part fills the first page: the row is not moved whole to the next.
    expect(pages[0]!.body.length).toBe(4);
    // The repeated header's text is drawn again (as an artifact): the row's lines only once.
    const drawn = drawnLines(pages.flatMap((p) => p.body.filter((b) => !b.repeated)));
    const text = drawn.map((d) => d.text).join(' ').split(' ');
    expect(text.filter((w) => /^w\d+$/.test(w))).toEqual(words);
    // Lines of each page are drawn top to bottom, inside the page.
    for (const d of drawn) expect(d.baseline).toBeLessThanOrEqual(page.bottom);
  });

  it('moves an annex row that fits on a page whole to the next page', () => {
    const head = unit('head', { keep: true });
    let splits = 0;
    const row = unit('row', { height: 60, repeat: [head], split: () => (splits++, undefined) });
    const pages = paginate([head, ...paragraph('a', 5).map((u) => ({ ...u, repeat: [head] })), row], new Map(), frame);
    expect(names(pages[1]!.body)).toEqual(['head', 'row']);
    expect(splits).toBe(0);
  });

  it('splits a tall paragraph and its long notes: every line once, in order, inside the frame, notes in order', () => {
    // A paragraph of 30 lines; its second line calls a note of 25 lines, its twelfth line two notes.
    const notes = new Map([1, 2, 3].map((n) => [n, Array.from({ length: n === 1 ? 25 : 6 }, (_, k) => unit(`n${n}.${k + 1}`))]));
    const lines = paragraph('a', 30, { 1: [1], 11: [2, 3] });
    const pages = paginate(lines, notes, frame);
    insideFrames(pages);
    expect(pages.flatMap((p) => names(p.body))).toEqual(names(lines.map((unit) => ({ unit }))));
    expect(pages.flatMap((p) => p.foot)).toEqual([...notes.values()].flat());
  });

  it('continues two notes longer than a page called on one line, in order, never past the foot', () => {
    const notes = new Map([1, 2].map((n) => [n, Array.from({ length: 14 }, (_, k) => unit(`n${n}.${k + 1}`))]));
    const pages = paginate([...paragraph('a', 3, { 0: [1, 2] }), ...paragraph('b', 12)], notes, frame);
    insideFrames(pages);
    expect(pages.flatMap((p) => p.foot)).toEqual([...notes.values()].flat());
    expect(pages[0]!.foot[0]).toBe(notes.get(1)![0]);
  });

  it('never places a unit past the foot (random paragraphs and notes)', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const rnd = random(seed);
      const units: Unit[] = [];
      const notes = new Map<number, Unit[]>();
      for (let p = 0, n = 0; p < 4; p++) {
        const calls: Record<number, number[]> = {};
        const count = 1 + Math.floor(rnd() * (rnd() < 0.3 ? 40 : 8));
        for (let k = 0; k < count; k++) {
          if (rnd() > 0.15) continue;
          calls[k] = [];
          for (let c = Math.floor(rnd() * 3); c >= 0; c--) {
            notes.set(++n, Array.from({ length: 1 + Math.floor(rnd() * (rnd() < 0.3 ? 30 : 4)) }, (_, q) => unit(`n${n}.${q}`, { before: q ? 0 : FOOT.gap })));
            calls[k]!.push(n);
          }
        }
        units.push(...paragraph(`p${p}.`, count, calls));
      }
      const pages = paginate(units, notes, frame);
      insideFrames(pages);
      expect(pages.flatMap((p) => p.body.map((b) => b.unit)), `seed ${seed}`).toEqual(units);
      expect(pages.flatMap((p) => p.foot), `seed ${seed}`).toEqual([...notes.values()].flat());
    }
  });
});
