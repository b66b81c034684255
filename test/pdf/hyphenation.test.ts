// The hyphen a line break adds, in the PDF: drawn at the end of its line, inside the
// element its word belongs to, and read by text extraction as a soft hyphen (U+00AD,
// through replacement text), so that the word comes back whole.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { BODY } from '../../src/typeset/geometry.js';
import { hasTool, modelOf, pdfOf, readPdf, SOFT_HYPHEN, wordsOf } from './helpers.js';

const EXAMPLE = 'examples/ctoc-cop-wg3-2023.yaml';

/** The document's words as its Markdown gives them, without punctuation around them. */
const bare = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
const markdownWords = () => new Set(renderMarkdown(modelOf(EXAMPLE)).split(/\s+/).map(bare));

describe('hyphens added at line breaks (the reference example)', () => {
  it('stand at the right edge of the text, tagged with the word they divide', async () => {
    const pages = await readPdf(await pdfOf(EXAMPLE));
    const runs = pages.flatMap((p) => p.runs);
    const hyphens = runs.filter((r) => r.str === SOFT_HYPHEN);
    expect(hyphens.length).toBeGreaterThan(3);
    for (const h of hyphens) {
      expect(h.x + h.width).toBeCloseTo(BODY.x + BODY.width, 1);
      const word = runs[runs.indexOf(h) - 1]!;
      expect(h.tag).toBe(word.tag);
      expect(h.id).toBe(word.id);
      expect(['P', 'Span', 'Note']).toContain(h.tag);
    }
  });

  it('give the words back whole through pdf.js, as the Markdown has them', async () => {
    const pages = await readPdf(await pdfOf(EXAMPLE));
    const known = markdownWords();
    const runs = pages.flatMap((p) => p.runs).filter((r) => r.tag !== 'Artifact');
    const words = wordsOf(runs).map(bare);
    expect(words.some((w) => w.includes(SOFT_HYPHEN))).toBe(false);
    // Every word hyphenated on the page reads as one of the document's words.
    runs.forEach((r, k) => {
      if (r.str !== SOFT_HYPHEN) return;
      // Runs hold many words: the divided one is the last of the run before the hyphen, joined.
      const word = bare(wordsOf([runs[k - 1]!, r, runs[k + 1]!])[wordsOf([runs[k - 1]!]).length - 1]!);
      expect(known.has(word), word).toBe(true);
    });
  });

  it.runIf(hasTool('pdftotext'))('read as soft hyphens by pdftotext, which applies replacement text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-hyphens-'));
    const file = join(dir, 'reference.pdf');
    writeFileSync(file, await pdfOf(EXAMPLE));
    const { stdout } = await promisify(execFile)('pdftotext', [file, '-']);
    const lines = stdout.split('\n');
    const known = markdownWords();
    const divided = lines.flatMap((l, k) => (l.endsWith(SOFT_HYPHEN) ? [bare(l.split(' ').at(-1)!.slice(0, -1) + lines[k + 1]!.split(' ')[0]!)] : []));
    expect(divided.length).toBeGreaterThan(3);
    for (const word of divided) expect(known.has(word), word).toBe(true);
    // The hyphen-minus is not what it reads: no line ends with one that divides a plain word.
    expect(lines.filter((l, k) => /[a-z]-$/.test(l) && known.has(bare(l.split(' ').at(-1)!.slice(0, -1) + lines[k + 1]!.split(' ')[0]!)))).toEqual([]);
  });
});
