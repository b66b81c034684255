import { en } from '../locale/en.js';
import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { atSentenceStart, hasFigure, MONTH_PATTERN } from './text.js';
import { defineRule } from './types.js';

const ORDINAL = /(?<![\w./-])(\d{1,3})(st|nd|rd|th)\b/g;
const DATE_AROUND = new RegExp(`^(?: of)? (?:${MONTH_PATTERN})\\b`);
const MONTH_BEFORE = new RegExp(`(?:${MONTH_PATTERN}) $`);

export default defineRule({
  id: 'AG030',
  name: 'ordinals-in-words',
  description: 'Session and meeting numbers are ordinal words ("fourteenth meeting", "thirty-ninth session"), never "14th".',
  source: 'Published agendas (CTOC/COP/WG.3/2023/1, CMW/C/39/1); UN Editorial Manual, Ordinals',
  category: 'editorial',
  languages: ['en'],
  severity: 'error',
  fixable: true,
  parameters: {},
  messages: { ordinal: "ordinals are written in words ('{text}')" },
  hints: { replacement: "write '{replacement}'", inWords: 'write the ordinal in words' },
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('The 13th meeting of the Working Group was held in 2022.') }),
    passing: exampleDefinition({ items: itemsWithAnnotation('The thirteenth meeting of the Working Group was held in 2022.') }),
  },
  check({ model, report }) {
    for (const t of model.sources.texts) {
      const masked = t.masked;
      if (!hasFigure(masked)) continue; // "1st": figures
      for (const m of masked.matchAll(ORDINAL)) {
        const after = masked.slice(m.index + m[0].length, m.index + m[0].length + 14);
        const before = masked.slice(Math.max(0, m.index - 10), m.index);
        if (DATE_AROUND.test(after) || MONTH_BEFORE.test(before)) continue; // a date: date-format reports it
        const n = Number(m[1]);
        const expected = { 1: 'st', 2: 'nd', 3: 'rd' }[n % 10 > 3 || Math.floor(n / 10) % 10 === 1 ? 0 : n % 10] ?? 'th';
        const words = en.ordinal(n);
        const replacement = atSentenceStart(masked, m.index) ? en.capitalize(words) : words;
        const fix = expected === m[2] && n > 0 ? { offset: m.index, length: m[0].length, replacement } : undefined;
        report({ path: t.origin.path, offset: m.index, length: m[0].length, messageId: 'ordinal', data: { text: m[0], replacement }, hintId: fix ? 'replacement' : 'inWords', fix });
      }
    }
  },
});
