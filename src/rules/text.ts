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

/**
 * Whether position `i` starts a sentence or a line of text: only spaces, quotes or
 * an opening bracket between it and the start or the end of the previous sentence.
 */
export function atSentenceStart(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && ' \t\n"“‘('.includes(text[j]!)) {
    if (text[j] === '\n' && j > 0 && text[j - 1] === '\n') return true; // paragraph break
    j--;
  }
  if (j < 0) return true;
  const c = text[j]!;
  if (c === '!' || c === '?') return true;
  if (c !== '.') return false;
  // "a.m." and "p.m." end abbreviations more often than sentences in agendas.
  return !/(?:^|\s)(?:a\.m|p\.m|i\.e|e\.g|No|para|paras|art|arts|Corr|Add|Rev|Vol|p|pp)\.$/.test(text.slice(Math.max(0, j - 6), j + 1));
}

export { MONTHS, WEEKDAYS };
export const MONTH_PATTERN = MONTHS.join('|');
