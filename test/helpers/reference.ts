import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * The reference document (CTOC/COP/WG.3/2023/1, text from its PDF). Its source is
 * shared/reference beside the repository, read-only; the copy in test/fixtures lets a
 * clean clone run the reference tests, and test/core/reference-copy.test.ts keeps the
 * copy equal to its source wherever the source is present.
 */
export const sharedReferencePath = resolve(repoRoot, '../shared/reference/ctoc-cop-wg3-2023-1.txt');
export const referencePath = resolve(repoRoot, 'test/fixtures/reference/ctoc-cop-wg3-2023-1.txt');
export const hasReference = existsSync(referencePath);

export interface ReferenceText {
  /** Words of the document from the title to the end, without the footnotes. */
  body: string[];
  /** The footnotes' words, by number. */
  footnotes: Map<number, string[]>;
}

const SUPERSCRIPTS: Record<string, number> = { '¹': 1, '²': 2, '³': 3, '⁴': 4, '⁵': 5, '⁶': 6, '⁷': 7, '⁸': 8, '⁹': 9 };

/** Splits the reference text into body words and footnotes, dropping its markup (<i>, superscripts). */
export function readReference(): ReferenceText {
  const text = readFileSync(referencePath, 'utf8').replace(/<\/?i>/g, '').replace(/\*/g, ''); // italics are marked <i>…</i> or *…*
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === 'Annotated provisional agenda');
  const body: string[] = [];
  const footnotes = new Map<number, string[]>();
  for (const line of lines.slice(start)) {
    const note = /^([¹²³⁴⁵⁶⁷⁸⁹]) (.*)$/.exec(line.trim());
    if (note) footnotes.set(SUPERSCRIPTS[note[1]!]!, words(note[2]!));
    else body.push(...words(line.replace(/[¹²³⁴⁵⁶⁷⁸⁹]/g, '')));
  }
  return { body, footnotes };
}

export function words(text: string): string[] {
  return text
    .replace(/^\s*-\s/gm, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** A readable account of the first place two word sequences part. */
export function firstDifference(actual: string[], expected: string[]): string | undefined {
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (actual[i] !== expected[i]) {
      return `word ${i}: expected "${expected.slice(i, i + 8).join(' ')}" but got "${actual.slice(i, i + 8).join(' ')}" (after "${expected.slice(Math.max(0, i - 6), i).join(' ')}")`;
    }
  }
  return undefined;
}
