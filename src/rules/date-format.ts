import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { hasFigure, MONTH_PATTERN } from './text.js';
import { defineRule } from './types.js';

const PATTERNS: { re: RegExp; id: 'dayFirst' | 'suffix' | 'zero' | 'comma' | 'abbreviated' | 'figures' | 'iso' }[] = [
  { re: new RegExp(`\\b(?:${MONTH_PATTERN}) \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b`, 'g'), id: 'dayFirst' },
  { re: new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th) (?:of )?(?:${MONTH_PATTERN})\\b`, 'g'), id: 'suffix' },
  { re: new RegExp(`\\b0\\d (?:${MONTH_PATTERN})\\b`, 'g'), id: 'zero' },
  { re: new RegExp(`\\b\\d{1,2} (?:${MONTH_PATTERN}), \\d{4}\\b`, 'g'), id: 'comma' },
  { re: /\b\d{1,2} (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?/g, id: 'abbreviated' },
  { re: /(?<![\w./])\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})(?![\w/])/g, id: 'figures' },
  { re: /(?<![\w./-])\d{4}-\d{2}-\d{2}(?![\w-])/g, id: 'iso' },
];

export default defineRule({
  id: 'AG023',
  name: 'date-format',
  description: 'Dates in text are written "11 September 2023": day without zero or suffix, month in full, four-digit year, no comma.',
  source: 'UN Editorial Manual, Numbers, dates and time; CTOC/COP/WG.3/2023/1',
  category: 'editorial',
  languages: ['en'],
  severity: 'error',
  parameters: {},
  messages: {
    dayFirst: "'{text}' is not a UN date: the day comes before the month",
    suffix: "'{text}' is not a UN date: the day has no ordinal suffix",
    zero: "'{text}' is not a UN date: the day has no leading zero",
    comma: "'{text}' is not a UN date: there is no comma before the year",
    abbreviated: "'{text}' is not a UN date: the month is written in full",
    figures: "'{text}' is not a UN date: the month is written as a word",
    iso: "'{text}' is not a UN date: the date is written in words, not in ISO form",
  },
  hints: { dayMonthYear: "write dates as '11 September 2023'" },
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('The meeting dates were approved on September 11, 2022.') }),
    passing: exampleDefinition({ items: itemsWithAnnotation('The meeting dates were approved on 11 September 2022.') }),
  },
  check({ model, report }) {
    for (const t of model.sources.texts) {
      const masked = t.masked;
      if (!hasFigure(masked)) continue; // every pattern has a figure
      for (const { re, id } of PATTERNS) {
        for (const m of masked.matchAll(re)) {
          report({ path: t.origin.path, offset: m.index, length: m[0].length, messageId: id, data: { text: m[0] }, hintId: 'dayMonthYear' });
        }
      }
    }
  },
});
