import { en } from '../locale/en.js';
import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { atSentenceStart, isRunningText, MONTH_ABBREVIATIONS, MONTH_PATTERN } from './text.js';
import { defineRule, TEXTS } from './types.js';

/** A figure standing alone: not part of a number, symbol, decimal, time or reference. */
// The comma in the look-behind matters: without it, "1,111,111,…x" is retried from every group (quadratic).
// A figure in brackets against a word is a symbol's session ("ICCD/COP(16)/1", "FCCC/CP/2023/L.1"), not a quantity.
const FIGURE = /(?<![\w./:,–-])(?<!\w\()\d+(?:,\d{3})*(?![\w/:]|[.,]\d)/g;
/** What a date, a time or an amount continues with: a month (in full, or abbreviated, which AG023 reports), a time of day in any form (AG026 reports the wrong ones), a scale word. */
const DATE_OR_TIME = `(?:${MONTH_PATTERN})\\b|(?:${MONTH_ABBREVIATIONS})\\.|[ap]\\.m\\.|[ap]m\\b|[AP]M\\b|[AP]\\.M\\.|noon\\b`;
/**
 * What may follow a figure that is no quantity: per cent, a time suffix, a month ("5 May"),
 * a scale ("2 million"), a subdivision ("1 (a)"), or the rest of a range or list of days or
 * hours that ends in a month or a time ("2 to 6 May", "2 and 3 November", "2–6 November",
 * "3 to 6 p.m.", "9 to 10 a.m.", "1, 2 and 3 June"). Read on a bounded slice after the figure.
 */
const AFTER_EXEMPT = new RegExp(`^(?: ?(?:per cent|%)| ?(?:${DATE_OR_TIME})| (?:million|billion|trillion)\\b| ?\\(|(?:(?:,? and |, | to | ?[–-] ?)\\d{1,2}(?:\\.\\d{2})?)+ ?(?:${DATE_OR_TIME}))`);
/** How far after a figure AFTER_EXEMPT reads: "1, 2, 3, 4 and 5 September" fits. */
const AFTER_LENGTH = 48;
const DATE_AFTER = new RegExp(`^ (?:(?:${MONTH_PATTERN})\\b|(?:${MONTH_ABBREVIATIONS})\\.)`);

export default defineRule({
  id: 'AG029',
  name: 'numbers-in-words',
  description: 'Numbers under 10 in running text are words, except in references, dates, times and percentages; no sentence starts with a figure.',
  source: 'UN Editorial Manual, Numbers ("Numbers under 10 are generally expressed in words")',
  category: 'editorial',
  languages: ['en'],
  severity: 'warning',
  parameters: {
    references: ['article', 'articles', 'paragraph', 'paragraphs', 'para.', 'paras.', 'item', 'items', 'rule', 'rules', 'annex', 'chapter', 'chapters', 'section', 'sections', 'page', 'pages', 'table', 'figure', 'cluster', 'phase', 'part', 'volume', 'vol.', 'no.', 'goal', 'target', 'recommendation', 'option', 'principle', 'protocol', 'resolution', 'decision', 'step', 'level', 'tier', 'group', 'module', 'amendment', 'p.', 'pp.', 'art.', 'arts.', 'chap.', 'sect.', 'supplement', 'footnote', 'footnotes', 'appendix', 'annexes', 'tables', 'figures', 'subparagraph', 'subparagraphs', 'goals', 'targets', 'recommendations', 'options', 'principles', 'protocols', 'resolutions', 'decisions', 'steps', 'levels', 'phases', 'parts', 'clusters', 'modules', 'amendments'],
  },
  parameterDocs: { references: 'words after which a figure is a reference number ("paragraph 3"), not a quantity' },
  parameterSchemas: { references: TEXTS },
  messages: {
    sentenceStart: "the sentence starts with the figure '{figure}'",
    underTen: "'{figure}' should be written in words here: '{words}'",
  },
  hints: {
    sentenceStart: 'write the number in words, or recast the sentence',
    underTen: "write '{words}'",
  },
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('Statements will be limited to 5 minutes.') }),
    passing: exampleDefinition({ items: itemsWithAnnotation('Statements will be limited to five minutes (see paragraph 5).') }),
  },
  check({ model, params, report }) {
    const references = new Set(params.references.map((w) => w.toLowerCase()));
    for (const t of model.sources.texts) {
      if (!isRunningText(t.role)) continue;
      const masked = t.masked;
      for (const m of masked.matchAll(FIGURE)) {
        const after = masked.slice(m.index + m[0].length, m.index + m[0].length + AFTER_LENGTH);
        if (atSentenceStart(masked, m.index)) {
          if (DATE_AFTER.test(after)) continue; // a date
          report({ path: t.origin.path, offset: m.index, length: m[0].length, messageId: 'sentenceStart', data: { figure: m[0] }, hintId: 'sentenceStart' });
          continue;
        }
        const n = Number(m[0]);
        if (!(n >= 1 && n <= 9) || AFTER_EXEMPT.test(after)) continue;
        if (isReference(masked, m.index, references)) continue;
        report({ path: t.origin.path, offset: m.index, length: m[0].length, messageId: 'underTen', data: { figure: m[0], words: en.cardinal(n) }, hintId: 'underTen' });
      }
    }
  },
});

/** Whether the figure at `i` follows a reference word, directly or in a list ("paragraphs 1, 2 and 3"). */
function isReference(text: string, i: number, references: Set<string>): boolean {
  const before = text.slice(Math.max(0, i - 60), i);
  const words = before.split(/[\s,()*_]+/).filter(Boolean);
  for (let k = words.length - 1; k >= 0 && k >= words.length - 8; k--) {
    const w = words[k]!.toLowerCase();
    if (references.has(w)) return true;
    if (!/^(?:\d+|and|or|to|[a-z]|[ivx]+|–)$/.test(w)) return false; // only list glue between the word and the figure
  }
  return false;
}
