import { describe, expect, it } from 'vitest';
import { paginate, type Unit } from '../../src/render/pdf/paginate.js';

/** Synthetic units of 10 pt; `name` identifies them in the result. */
const unit = (name: string, extra: Partial<Unit> = {}): Unit & { name: string } => ({ name, height: 10, before: 0, keep: false, notes: [], paint: () => {}, ...extra });
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
