import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { defineRule } from './types.js';

const PERCENT = /\b([Pp])ercent\b/g;
/** A figure and its sign: the whole figure ("70", "12.5", "1,000"), so that the hint names it. */
const SIGN = /(?<![\d.,])(\d+(?:[.,]\d+)*)( ?)%/g;
const LONE_SIGN = /(?<![\d ])%|(?<!\d) %/g;

export default defineRule({
  id: 'AG028',
  name: 'per-cent',
  description: 'Running text writes "per cent"; "percent" is never used and "%" only in tables.',
  source: 'UN Editorial Manual, Numbers, dates and time ("The words \'per cent\' are normally written out")',
  category: 'editorial',
  languages: ['en'],
  severity: 'error',
  fixable: true,
  parameters: {},
  messages: {
    percent: "'{text}' should be written '{replacement}'",
    sign: "'%' should be written 'per cent' in text (the sign is for tables)",
  },
  hints: {
    replacement: "write '{replacement}'",
    sign: "write '{figure} per cent'",
    loneSign: "write 'per cent'",
  },
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('The next phase starts when 70 percent of the reviews are complete.') }),
    passing: exampleDefinition({ items: itemsWithAnnotation('The next phase starts when 70 per cent of the reviews are complete.') }),
  },
  check({ model, report }) {
    for (const t of model.sources.texts) {
      const masked = t.masked;
      for (const m of masked.matchAll(PERCENT)) {
        const replacement = `${m[1]}er cent`;
        report({ path: t.origin.path, offset: m.index, length: m[0].length, messageId: 'percent', data: { text: m[0], replacement }, hintId: 'replacement', fix: { offset: m.index, length: m[0].length, replacement } });
      }
      if (!masked.includes('%')) continue; // the two patterns below have the sign
      for (const m of masked.matchAll(SIGN)) {
        const at = m.index + m[1]!.length;
        const length = m[0].length - m[1]!.length;
        report({ path: t.origin.path, offset: at, length, messageId: 'sign', data: { figure: m[1]! }, hintId: 'sign', fix: { offset: at, length, replacement: ' per cent' } });
      }
      for (const m of masked.matchAll(LONE_SIGN)) {
        report({ path: t.origin.path, offset: m.index, length: m[0].length, messageId: 'sign', hintId: 'loneSign' });
      }
    }
  },
});
