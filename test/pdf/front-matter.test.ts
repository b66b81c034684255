import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/export/pdf/index.js';
import { compileYaml } from '../helpers/compile.js';
import { repoRoot } from '../helpers/reference.js';
import { pdfOf, readPdf, type TextRun } from './helpers.js';

const EXAMPLE = 'examples/treaty-body-session.yaml';

/** The page's runs joined into lines, top to bottom, each with its baseline, its font and its tag. A raised note mark joins its line. */
function linesOf(runs: readonly TextRun[]): { text: string; y: number; font: string; tag?: string }[] {
  const lines: { runs: TextRun[]; y: number }[] = [];
  for (const r of runs) {
    const line = lines.find((l) => Math.abs(l.y - r.y) < 4);
    if (line) line.runs.push(r);
    else lines.push({ runs: [r], y: r.y });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((l) => {
      const sorted = l.runs.sort((a, b) => a.x - b.x);
      let text = '';
      sorted.forEach((r, k) => {
        const prev = sorted[k - 1];
        if (prev && r.x - (prev.x + prev.width) > 0.8) text += ' ';
        text += r.str;
      });
      return { text: text.replace(/\s+/g, ' ').trim(), y: Math.min(...sorted.map((r) => r.y)), font: sorted.at(-1)!.fontName, tag: sorted.at(-1)!.tag };
    });
}

describe('PDF of the treaty body example: masthead and front matter', () => {
  it('stacks committee, session, place and dates, the item line and the bold item title under the thick rule', async () => {
    const [page] = await readPdf(await pdfOf(EXAMPLE));
    const lines = linesOf(page!.runs).map((l) => l.text);
    const from = lines.indexOf('Fortieth session');
    expect(lines.slice(from - 3, from + 5)).toEqual([
      'Committee on the Protection of',
      'the Rights of All Migrant Workers',
      'and Members of Their Families',
      'Fortieth session',
      'Geneva, 30 March–9 April 2026',
      'Item 2 of the provisional agenda',
      'Adoption of the agenda',
      'Annotated provisional agenda*',
    ]);
    // The item's title in the bold face of the committee's name, not the regular face of the item line.
    const font = (text: string) => linesOf(page!.runs).find((l) => l.text === text)!.font;
    expect(font(lines[from + 3]!)).toBe(font('Committee on the Protection of'));
    expect(font('Item 2 of the provisional agenda')).not.toBe(font('Committee on the Protection of'));
  });

  it('sets the asterisk note at the foot of the first page, tagged as a note', async () => {
    const [page] = await readPdf(await pdfOf(EXAMPLE));
    const lines = linesOf(page!.runs);
    const note = lines.find((l) => l.text.startsWith('* The present document was submitted late'));
    expect(note).toBeDefined();
    expect(note!.tag).toBe('Note');
    // Below every line of the body, above the job number.
    const body = lines.filter((l) => l.tag !== 'Note' && l.tag !== 'Artifact');
    expect(Math.min(...body.map((l) => l.y))).toBeGreaterThan(note!.y);
    const job = lines.find((l) => l.text.startsWith('GE.26-00712'));
    expect(job!.y).toBeLessThan(note!.y);
  });

  it('puts asterisk notes before the numbered notes of the page, the symbol carrying its asterisk', async () => {
    const yaml = readFileSync(resolve(repoRoot, EXAMPLE), 'utf8')
      .replace('    - on: title\n', '    - on: symbol\n      text: Reissued for technical reasons on 2 February 2026.\n    - on: title\n')
      .replace('    title: Opening of the session\n', '    title: Opening of the session[^early]\n')
      .concat('footnotes:\n  early: A numbered note on the first page.\n');
    const { model, diagnostics } = compileYaml(yaml);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [page] = await readPdf(await renderPdf(model!));
    const lines = linesOf(page!.runs).map((l) => l.text);
    expect(lines[0]).toBe('United Nations CMW/C/40/1*');
    const foot = lines.filter((l) => /^(?:\*+|1) /.test(l));
    expect(foot).toEqual([
      '* Reissued for technical reasons on 2 February 2026.',
      '** The present document was submitted late owing to the late receipt of information from the secretariat of the Committee.',
      '1 A numbered note on the first page.',
    ]);
    expect(lines).toContain('Annotated provisional agenda**');
  });
});
