/**
 * What the text rules share. The texts themselves, with their masked forms, come from
 * the model (`model.sources.texts`).
 *
 * Every regular expression here and in the text rules must run in linear time:
 * no nested quantifiers, no alternatives that can match the same text.
 */
import type { TextRole } from '../model.js';
import { MONTHS, WEEKDAYS } from '../locale/en.js';

/** Running text: the prose of annotations and footnotes, as opposed to titles and names. */
export const isRunningText = (role: TextRole) => role === 'annotation' || role === 'footnote' || role === 'documentation';

/** The abbreviated months of dates written the wrong way ("3 Aug."): AG023 reports them; their full stop ends no sentence. */
export const MONTH_ABBREVIATIONS = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const ABBREVIATION_BEFORE = new RegExp(`(?:^|\\s)(?:a\\.m|p\\.m|i\\.e|e\\.g|No|para|paras|art|arts|Corr|Add|Rev|Vol|p|pp|${MONTH_ABBREVIATIONS})\\.$`);

/**
 * Whether position `i` starts a sentence or a line of text: only spaces, quotes, an
 * opening bracket or Markdown marks (emphasis, a quotation's ">", a list's "-", "+" or
 * "*" at the start of a line) between it and the start, a paragraph break or the end of
 * the previous sentence.
 */
export function atSentenceStart(text: string, i: number): boolean {
  let j = i - 1;
  for (; j >= 0; j--) {
    const c = text[j]!;
    if (c === '\n' && j > 0 && text[j - 1] === '\n') return true; // paragraph break
    if (' \t\n"“‘(*_>'.includes(c)) continue;
    if ((c === '-' || c === '+' || c === '•') && lineStartBefore(text, j)) return true; // a list item
    break;
  }
  if (j < 0) return true;
  const c = text[j]!;
  if (c === '!' || c === '?') return true;
  if (c !== '.') return false;
  // "a.m.", "p.m." and "Aug." end abbreviations more often than sentences in agendas.
  return !ABBREVIATION_BEFORE.test(text.slice(Math.max(0, j - 6), j + 1));
}

/** Whether only spaces stand between the start of the line and position `j`. */
function lineStartBefore(text: string, j: number): boolean {
  let k = j - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  return k < 0 || text[k] === '\n';
}

export { MONTHS, WEEKDAYS };
export const MONTH_PATTERN = MONTHS.join('|');

/**
 * Whether a text holds a figure (0-9). The rules on dates, times and ordinals look only for
 * patterns with figures in them: a text without one is passed over before their patterns run
 * (most texts of an agenda have none, and each rule otherwise ran several patterns on each).
 */
export const hasFigure = (text: string): boolean => FIGURE.test(text);
const FIGURE = /[0-9]/;
