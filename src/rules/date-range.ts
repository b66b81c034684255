import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { authorTexts, MONTH_PATTERN } from './text.js';
import { defineRule } from './types.js';

const FROM_DASH = new RegExp(`\\bfrom (\\d{1,2}) ?[-–] ?(\\d{1,2}) (?:${MONTH_PATTERN})\\b`, 'g');
const RANGE = new RegExp(`(?<![\\w./–-])(\\d{1,2})( ?)([-–‐‑])( ?)(\\d{1,2}) (?:${MONTH_PATTERN})\\b`, 'g');

export default defineRule({
  id: 'AG024',
  name: 'date-range',
  description: 'Date ranges read "2–13 December 2024" (unspaced en dash), "11 and 12 September" for two days, and "from 23 to 27 May" in prose.',
  source: 'CTOC/COP/2018/2; CMW/C/39/1; CTOC/COP/WG.3/2023/1 (practice); UN Editorial Manual, Ranges of dates',
  category: 'editorial',
  severity: 'warning',
  fixable: true,
  parameters: {},
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('The session will be held on 15-19 October 2024.') }),
    passing: exampleDefinition({ items: itemsWithAnnotation('The session will be held on 15–19 October 2024.') }),
  },
  check({ definition, report }) {
    for (const t of authorTexts(definition)) {
      const masked = t.masked;
      const fromRanges = new Set<number>();
      for (const m of masked.matchAll(FROM_DASH)) {
        fromRanges.add(m.index + 5);
        report({ path: t.path, offset: m.index, length: m[0].length, message: `'${m[0]}' mixes words and a dash`, hint: `write 'from ${m[1]} to ${m[2]} …'` });
      }
      for (const m of masked.matchAll(RANGE)) {
        if (fromRanges.has(m.index)) continue;
        const [, a, s1, dash, s2, b] = m as unknown as string[];
        const dashAt = m.index + a!.length;
        const dashLength = s1!.length + dash!.length + s2!.length;
        if (Number(b) === Number(a) + 1) {
          report({ path: t.path, offset: m.index, length: m[0].length, message: `two consecutive days are written '${a} and ${b}', not with a dash`, hint: `write '${a} and ${b} …'` });
        } else if (dash !== '–' || s1 || s2) {
          report({ path: t.path, offset: dashAt, length: dashLength, message: 'a range of dates takes an unspaced en dash (–)', hint: `write '${a}–${b}'`, fix: { offset: dashAt, length: dashLength, replacement: '–' } });
        }
      }
    }
  },
});
