import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { authorTexts, MONTH_PATTERN } from './text.js';
import { defineRule } from './types.js';

const PATTERNS: { re: RegExp; why: string }[] = [
  { re: new RegExp(`\\b(?:${MONTH_PATTERN}) \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b`, 'g'), why: 'the day comes before the month' },
  { re: new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th) (?:of )?(?:${MONTH_PATTERN})\\b`, 'g'), why: 'the day has no ordinal suffix' },
  { re: new RegExp(`\\b0\\d (?:${MONTH_PATTERN})\\b`, 'g'), why: 'the day has no leading zero' },
  { re: new RegExp(`\\b\\d{1,2} (?:${MONTH_PATTERN}), \\d{4}\\b`, 'g'), why: 'there is no comma before the year' },
  { re: /\b\d{1,2} (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?/g, why: 'the month is written in full' },
  { re: /(?<![\w./])\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})(?![\w/])/g, why: 'the month is written as a word' },
  { re: /(?<![\w./-])\d{4}-\d{2}-\d{2}(?![\w-])/g, why: 'the date is written in words, not in ISO form' },
];

export default defineRule({
  id: 'AG023',
  name: 'date-format',
  description: 'Dates in text are written "11 September 2023": day without zero or suffix, month in full, four-digit year, no comma.',
  source: 'UN Editorial Manual, Numbers, dates and time; CTOC/COP/WG.3/2023/1',
  category: 'editorial',
  severity: 'error',
  parameters: {},
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('The meeting dates were approved on September 11, 2022.') }),
    passing: exampleDefinition({ items: itemsWithAnnotation('The meeting dates were approved on 11 September 2022.') }),
  },
  check({ definition, report }) {
    for (const t of authorTexts(definition)) {
      const masked = t.masked;
      for (const { re, why } of PATTERNS) {
        for (const m of masked.matchAll(re)) {
          report({ path: t.path, offset: m.index, length: m[0].length, message: `'${m[0]}' is not a UN date: ${why}`, hint: "write dates as '11 September 2023'" });
        }
      }
    }
  },
});
