import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { defineRule } from './types.js';
import { hasFigure } from './text.js';

const RANGE = /(?<![\w./:-])(\d{1,2})(\.\d{2})?(?: (a\.m\.|p\.m\.))?( ?)([-–‐‑—])( ?)(\d{1,2})(\.\d{2})? (a\.m\.|p\.m\.)/g;

export default defineRule({
  id: 'AG027',
  name: 'time-range',
  description: 'Time ranges take an unspaced en dash and share the suffix on the same side of noon: "3–6 p.m.", "10 a.m.–1 p.m.".',
  source: 'CTOC/COP/WG.3/2023/1, annex (practice)',
  category: 'editorial',
  languages: ['en'],
  severity: 'warning',
  fixable: true,
  parameters: {},
  messages: {
    sharedSuffix: 'both ends are {suffix}: the suffix is written once',
    beforeNoon: "'{text}' starts before noon: both ends take their suffix",
    dash: 'a range of times takes an unspaced en dash (–)',
  },
  hints: {
    sharedSuffix: "write '{start}–{end} {suffix}'",
    beforeNoon: "write '{start} a.m.–{end} p.m.'",
    dash: "write '{before}–{after}'",
  },
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('Informal consultations will be held from 3-6 p.m.') }),
    passing: exampleDefinition({ items: itemsWithAnnotation('Informal consultations will be held from 3–6 p.m.') }),
  },
  check({ model, report }) {
    for (const t of model.sources.texts) {
      if (!hasFigure(t.masked)) continue; // the times are in figures
      for (const m of t.masked.matchAll(RANGE)) {
        const [, a, am, startSuffix, s1, dash, s2, b, bm, endSuffix] = m as unknown as (string | undefined)[];
        const start = `${a}${am ?? ''}`;
        const end = `${b}${bm ?? ''}`;
        const dashAt = m.index + start.length + (startSuffix ? startSuffix.length + 1 : 0);
        const dashLength = (s1 ?? '').length + dash!.length + (s2 ?? '').length;
        if (startSuffix && startSuffix === endSuffix) {
          report({ path: t.origin.path, offset: m.index, length: m[0].length, messageId: 'sharedSuffix', data: { suffix: endSuffix, start, end }, hintId: 'sharedSuffix', fix: { offset: m.index, length: m[0].length, replacement: `${start}–${end} ${endSuffix}` } });
          continue;
        }
        if (!startSuffix && endSuffix === 'p.m.' && Number(a) > Number(b) && Number(a) !== 12) {
          report({ path: t.origin.path, offset: m.index, length: start.length, messageId: 'beforeNoon', data: { text: m[0], start, end }, hintId: 'beforeNoon' });
          continue;
        }
        if (dash !== '–' || s1 || s2) {
          report({ path: t.origin.path, offset: dashAt, length: dashLength, messageId: 'dash', data: { before: m[0].slice(0, dashAt - m.index), after: m[0].slice(dashAt - m.index + dashLength) }, hintId: 'dash', fix: { offset: dashAt, length: dashLength, replacement: '–' } });
        }
      }
    }
  },
});
