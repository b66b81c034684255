import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { hasFigure, MONTH_PATTERN } from './text.js';
import { defineRule } from './types.js';

const FROM_DASH = new RegExp(`\\bfrom (\\d{1,2}) ?[-–] ?(\\d{1,2}) (?:${MONTH_PATTERN})\\b`, 'g');
const RANGE = new RegExp(`(?<![\\w./–-])(\\d{1,2})( ?)([-–‐‑])( ?)(\\d{1,2}) (?:${MONTH_PATTERN})\\b`, 'g');

export default defineRule({
  id: 'AG024',
  name: 'date-range',
  description: 'Date ranges read "2–13 December 2024" (unspaced en dash), "11 and 12 September" for two days, and "from 23 to 27 May" in prose.',
  source: 'CTOC/COP/2018/2; CMW/C/39/1; CTOC/COP/WG.3/2023/1 (practice); UN Editorial Manual, Ranges of dates',
  category: 'editorial',
  languages: ['en'],
  severity: 'warning',
  fixable: true,
  parameters: {},
  messages: {
    fromDash: "'{text}' mixes words and a dash",
    consecutive: "two consecutive days are written '{a} and {b}', not with a dash",
    dash: 'a range of dates takes an unspaced en dash (–)',
  },
  hints: {
    fromTo: "write 'from {start} to {end} …'",
    and: "write '{a} and {b} …'",
    enDash: "write '{a}–{b}'",
  },
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('The session will be held on 15-19 October 2024.') }),
    passing: exampleDefinition({ items: itemsWithAnnotation('The session will be held on 15–19 October 2024.') }),
  },
  check({ model, report }) {
    for (const t of model.sources.texts) {
      const masked = t.masked;
      if (!hasFigure(masked)) continue; // both patterns have figures
      const fromRanges = new Set<number>();
      for (const m of masked.matchAll(FROM_DASH)) {
        fromRanges.add(m.index + 5);
        report({ path: t.origin.path, offset: m.index, length: m[0].length, messageId: 'fromDash', data: { text: m[0], start: m[1]!, end: m[2]! }, hintId: 'fromTo' });
      }
      for (const m of masked.matchAll(RANGE)) {
        if (fromRanges.has(m.index)) continue;
        const [, a, s1, dash, s2, b] = m as unknown as string[];
        const dashAt = m.index + a!.length;
        const dashLength = s1!.length + dash!.length + s2!.length;
        if (Number(b) === Number(a) + 1) {
          report({ path: t.origin.path, offset: m.index, length: m[0].length, messageId: 'consecutive', data: { a: a!, b: b! }, hintId: 'and' });
        } else if (dash !== '–' || s1 || s2) {
          report({ path: t.origin.path, offset: dashAt, length: dashLength, messageId: 'dash', data: { a: a!, b: b! }, hintId: 'enDash', fix: { offset: dashAt, length: dashLength, replacement: '–' } });
        }
      }
    }
  },
});
