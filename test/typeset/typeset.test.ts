// The typesetter on whole documents, without pdfkit or fontkit: widths from the build-time
// font tables (tableMetrics), pages and the structure tree as data.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgendaDocument } from '../../src/model.js';
import { compileSource } from '../../src/pipeline.js';
import { PAGE, tableMetrics, typeset, type LineMark, type Placed, type StructNode, type TypesetDocument } from '../../src/typeset/index.js';
import { firstFootOf, pageFrame } from '../../src/typeset/geometry.js';
import { repoRoot } from '../helpers/reference.js';
import { translationName } from '../../src/translate/load.js';

function modelOf(path: string): AgendaDocument {
  const r = compileSource(path, readFileSync(join(repoRoot, path), 'utf8'));
  if (!r.model) throw new Error(`${path} does not compile`);
  return r.model;
}

const fonts = tableMetrics();
const sources = [...readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.yaml') && !translationName(f)).map((f) => `examples/${f}`), 'test/fixtures/long-meeting.yaml'];
const set = new Map<string, { doc: AgendaDocument; out: TypesetDocument }>(
  sources.map((s) => {
    const doc = modelOf(s);
    return [s, { doc, out: typeset(doc, fonts) }];
  }),
);

/** The structure type of a placed unit's first text line, or undefined for artifacts and rules. */
const lineTargets = (p: Placed) => p.unit.marks.filter((m): m is LineMark => m.kind === 'line').map((m) => m.target);
const typeOf = (p: Placed) => {
  const t = lineTargets(p)[0];
  return t && t !== 'artifact' ? t.type : undefined;
};
/** The placed units of a page that are lines of one text block (same target), in order. */
const blockOf = (p: Placed) => lineTargets(p).at(-1);

describe.each(sources)('%s typeset without pdfkit', (source) => {
  const { doc, out } = set.get(source)!;

  it.runIf(set.get(source)!.doc.annex !== undefined)('starts the annex on a page of its own', () => {
    const starts = out.pages.map((page) => page.body.find((p) => !p.repeated));
    // The annex heading is the last H2 of the document; the page it is on begins with it.
    const h2s = out.structure.filter((n) => n.type === 'H2');
    const annex = h2s.at(-1)!;
    const page = out.pages.findIndex((pg) => pg.body.some((p) => lineTargets(p).includes(annex)));
    expect(page).toBeGreaterThan(0);
    expect(lineTargets(starts[page]!)).toContain(annex);
  });

  it('keeps every unit inside the frame of its page, footnotes included', () => {
    out.pages.forEach((page, i) => {
      const f = pageFrame(i, firstFootOf(doc));
      for (const b of page.body) expect(b.top + b.unit.height).toBeLessThanOrEqual(f.bottom + 0.01);
      for (const n of page.foot) expect(n.top + n.unit.height).toBeLessThanOrEqual(f.bottom + 0.01);
      const lastBody = page.body.at(-1);
      if (lastBody && page.footRule) expect(lastBody.top + lastBody.unit.height).toBeLessThanOrEqual(page.footRule.y);
    });
  });

  it('starts each footnote on the page of its call', () => {
    const calledOn = new Map<number, number>();
    const startsOn = new Map<number, number>();
    out.pages.forEach((page, i) => {
      for (const b of page.body) for (const n of b.unit.notes) if (!calledOn.has(n)) calledOn.set(n, i);
      // An asterisk note ("*", "**") is keyed -1, -2 ... as the layout keys it.
      for (const n of page.foot) for (const m of n.unit.marks) if (m.kind === 'run') startsOn.set(/^\*+$/.test(m.text) ? -m.text.length : Number(m.text), i);
    });
    for (const [n, page] of calledOn) expect(startsOn.get(n), `note ${n}`).toBe(page);
    expect(startsOn.size).toBe(doc.footnotes.length + (doc.starNotes?.length ?? 0));
  });

  it('leaves no heading at the foot of a page and no lone first or last line of a paragraph', () => {
    out.pages.slice(0, -1).forEach((page, i) => {
      const body = page.body.filter((b) => !b.repeated);
      const last = body.at(-1)!;
      expect(typeOf(last), `page ${i + 1} ends with a heading`).not.toMatch(/^H\d$/);
      // Orphan: the last unit begins a block that goes on on the next page.
      const next = out.pages[i + 1]!.body.find((b) => !b.repeated);
      if (next && blockOf(next) === blockOf(last) && typeOf(last) === 'P') {
        const lines = body.filter((b) => blockOf(b) === blockOf(last));
        expect(lines.length, `page ${i + 1}: one line of a paragraph`).toBeGreaterThanOrEqual(2);
        const rest = out.pages[i + 1]!.body.filter((b) => blockOf(b) === blockOf(last));
        expect(rest.length, `page ${i + 2}: widow`).toBeGreaterThanOrEqual(2);
      }
    });
  });

  it('builds the structure tree as data: one Document root, every line in it, parents made first', () => {
    expect(out.structure[0]!.type).toBe('Document');
    expect(out.structure.filter((n) => n.parent === undefined)).toHaveLength(1);
    out.structure.forEach((n, k) => {
      expect(n.index).toBe(k);
      if (n.parent) expect(n.parent.index).toBeLessThan(k);
    });
    const known = new Set(out.structure);
    for (const page of out.pages) for (const b of [...page.body, ...page.foot]) for (const t of lineTargets(b)) if (t !== 'artifact') expect(known.has(t as StructNode)).toBe(true);
    const types = new Set(out.structure.map((n) => n.type));
    // A plain provisional agenda is its title and the list: no part headings (H2).
    const parts = doc.agenda?.heading !== undefined || doc.annotations !== undefined || doc.annex !== undefined ? ['H2'] : [];
    for (const t of ['Document', 'P', 'H1', ...parts, 'L', 'LI', 'Lbl', 'LBody']) expect(types).toContain(t);
  });

  it('sets every run at bidi level 0 in Tinos, inside the sheet', () => {
    for (const page of out.pages)
      for (const b of page.body)
        for (const m of b.unit.marks)
          if (m.kind === 'line')
            for (const p of m.line.pieces) {
              expect(p.style.level).toBe(0);
              expect(p.style.font).toBe('Tinos');
              expect(m.x).toBeGreaterThanOrEqual(0);
              expect(m.x + m.line.width).toBeLessThanOrEqual(PAGE.width);
            }
  });
});

describe('the annex table across pages', () => {
  it('repeats the header row, as an artifact, at the top of each later page of the table, and never splits a row that fits', () => {
    const { out } = set.get('test/fixtures/long-meeting.yaml')!;
    const tablePages = out.pages.filter((p) => p.body.some((b) => typeOf(b) === 'TD' || typeOf(b) === 'TH'));
    expect(tablePages.length).toBeGreaterThan(1);
    const header = tablePages[0]!.body.find((b) => typeOf(b) === 'TH')!;
    expect(header.repeated).toBe(false);
    for (const page of tablePages.slice(1)) {
      expect(page.body[0]!.unit).toBe(header.unit);
      expect(page.body[0]!.repeated).toBe(true);
    }
    // Rows that fit on a page are whole: each TD target appears on one page only.
    const pagesOf = new Map<StructNode | 'artifact', Set<number>>();
    tablePages.forEach((page, i) => {
      for (const b of page.body) if (!b.repeated) for (const t of lineTargets(b)) if (t !== 'artifact' && t.type === 'TD') pagesOf.set(t, (pagesOf.get(t) ?? new Set()).add(i));
    });
    for (const [, on] of pagesOf) expect(on.size).toBe(1);
  });
});
