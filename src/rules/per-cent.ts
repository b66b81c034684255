import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { authorTexts } from './text.js';
import { defineRule } from './types.js';

const PERCENT = /\b([Pp])ercent\b/g;
const SIGN = /(\d)( ?)%/g;
const LONE_SIGN = /(?<![\d ])%|(?<!\d) %/g;

export default defineRule({
  id: 'AG028',
  name: 'per-cent',
  description: 'Running text writes "per cent"; "percent" is never used and "%" only in tables.',
  source: 'UN Editorial Manual, Numbers, dates and time ("The words \'per cent\' are normally written out")',
  category: 'editorial',
  severity: 'error',
  fixable: true,
  parameters: {},
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('The next phase starts when 70 percent of the reviews are complete.') }),
    passing: exampleDefinition({ items: itemsWithAnnotation('The next phase starts when 70 per cent of the reviews are complete.') }),
  },
  check({ definition, report }) {
    for (const t of authorTexts(definition)) {
      const masked = t.masked;
      for (const m of masked.matchAll(PERCENT)) {
        const replacement = `${m[1]}er cent`;
        report({ path: t.path, offset: m.index, length: m[0].length, message: `'${m[0]}' is written '${replacement}'`, hint: `write '${replacement}'`, fix: { offset: m.index, length: m[0].length, replacement } });
      }
      for (const m of masked.matchAll(SIGN)) {
        const at = m.index + 1;
        const length = m[0].length - 1;
        report({ path: t.path, offset: at, length, message: "'%' is used only in tables; text writes 'per cent'", hint: `write '${m[1]} per cent'`, fix: { offset: at, length, replacement: ' per cent' } });
      }
      for (const m of masked.matchAll(LONE_SIGN)) {
        report({ path: t.path, offset: m.index, length: m[0].length, message: "'%' is used only in tables; text writes 'per cent'", hint: "write 'per cent'" });
      }
    }
  },
});
