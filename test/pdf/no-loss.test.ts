/**
 * No text is lost: for generated definitions with very long paragraphs, footnotes and
 * annex cells, every word of the Markdown output is in the PDF's extracted text, and
 * every word of tagged text lies inside its page's frame (none painted past the foot).
 * PROPERTY_RUNS scales the number of definitions.
 */
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { generateMeeting, random } from '../../bench/generate.js';
import { compileSource } from '../../src/pipeline.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderPdf } from '../../src/export/pdf/index.js';
import { PAGE } from '../../src/typeset/geometry.js';
import { readPdf, wordsOf } from './helpers.js';

const CASES = Math.max(2, Math.round(Number(process.env.PROPERTY_RUNS ?? 0) / 50));

/** `n` words, each with a serial number of its own: "c17", "c18" ... */
const serial = (tag: string, n: number, rnd: () => number) =>
  Array.from({ length: n }, (_, k) => (rnd() < 0.02 ? `*${tag}${k}*` : `${tag}${k}`)).join(' ');

type Def = Record<string, any>;

/** A generated meeting made extreme: a title, a paragraph, footnotes and annex cells each of about a page or more. */
function extreme(seed: number): string {
  const rnd = random(seed * 7919);
  const def = parse(generateMeeting(seed)) as Def;
  const items = def.items as Def[];
  const target = items[1 + Math.floor(rnd() * (items.length - 2))]!;
  const host = (target.items as Def[] | undefined)?.[0] ?? target;
  const scale = 1 + rnd() / 2;
  // A title and an item title of a page or more: headings break between lines too.
  def.document.title = serial('t', 250, rnd).replace(/\*/g, '');
  items[items.length - 1]!.title = serial('i', 150, rnd).replace(/\*/g, '');
  def.footnotes = { ...(def.footnotes ?? {}), longa: serial('a', Math.round(800 * scale), rnd), longb: serial('b', Math.round(400 * scale), rnd) };
  // A paragraph of several pages; a paragraph that calls two long notes on one line.
  host.annotation = `${host.annotation ?? 'Text.'}\n\n${serial('p', Math.round(900 * scale), rnd)}\n\nSee both.[^longa] [^longb]`;
  // Annex cells: one of about 7 KB (over a page at table size), and a shorter one.
  const slots = def.organization_of_work[0].slots as Def[];
  const cell = serial('c', Math.round(1000 * scale), rnd).split(' ');
  cell.splice(Math.floor(rnd() * cell.length), 0, '[^cell]');
  slots[0]!.items.push({ title: cell.join(' ') });
  def.footnotes.cell = serial('e', 300, rnd);
  slots[slots.length - 1]!.items.push({ title: serial('d', 200, rnd) });
  return stringify(def, { lineWidth: 0 });
}

/** Words of Markdown text as the PDF sets them: markup and escapes dropped. */
const markdownWords = (md: string) =>
  md
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/\]\([^)]*\)/g, ']')
    .split(/\s+/)
    .map((w) => w.replace(/^[*_[(#|>]+|[*_\]):|]+$/g, '').replace(/\[\^\d+\]/g, '').replace(/\*/g, ''))
    .filter((w) => /^[a-z]\d+$/.test(w));

describe('PDF text of generated definitions with very long blocks', () => {
  for (let seed = 1; seed <= CASES; seed++) {
    it(`keeps every word of the Markdown, inside the page frame (seed ${seed})`, async () => {
      const r = compileSource('meeting.yaml', extreme(seed));
      expect(r.model, JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error'))).toBeDefined();
      const model = r.model!;
      const pages = await readPdf(await renderPdf(model));
      const want = markdownWords(renderMarkdown(model));
      expect(want.length).toBeGreaterThan(2500);
      const got = new Map<string, number>();
      for (const p of pages) for (const w of wordsOf(p.runs.filter((x) => x.tag !== 'Artifact'))) got.set(w, (got.get(w) ?? 0) + 1);
      const lost = [...new Set(want)].filter((w) => !got.has(w));
      expect(lost.slice(0, 20), `${lost.length} of ${want.length} words lost`).toEqual([]);
      for (const [i, p] of pages.entries()) {
        const top = i === 0 ? PAGE.firstTop : PAGE.top;
        const bottom = i === 0 && model.masthead.job ? PAGE.firstBottomWithJob : PAGE.bottom;
        for (const run of p.runs) {
          if (run.tag === 'Artifact') continue;
          const baseline = p.height - run.y;
          expect(baseline, `page ${i + 1}: "${run.str}"`).toBeGreaterThan(top);
          expect(baseline, `page ${i + 1}: "${run.str}"`).toBeLessThanOrEqual(bottom + 0.5);
        }
      }
    }, 30_000);
  }
});
