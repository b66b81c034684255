import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { defineRule } from './types.js';

const MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
/** "1 septembre", "1 Septembre", "1° mars": the first day written as a cardinal. */
const FIRST = new RegExp(`(?<![\\p{L}\\p{N}.,])1(°| ?(?:er|ER))? (?=(?:${MONTHS})(?![\\p{L}]))`, 'giu');

export default defineRule({
  id: 'AG038',
  name: 'french-first-of-month',
  description: 'French writes the first day of a month as an ordinal, "1er septembre", and every other day as a cardinal ("2 septembre"), as the tool writes its own dates.',
  source: 'UN French documents (A/RES/52/91: "1er décembre 1950"); Lexique des règles typographiques en usage à l’Imprimerie nationale',
  category: 'editorial',
  languages: ['fr'],
  severity: 'warning',
  fixable: true,
  parameters: {},
  messages: { first: "the first of the month is written '1er' in French, not '{text}'" },
  hints: { first: "write '1er {month}'" },
  examples: {
    failing: `language: fr\n${exampleDefinition({ items: itemsWithAnnotation(JSON.stringify('Le Bureau élargi s’est réuni le 1 septembre 2023.')) })}`,
    passing: `language: fr\n${exampleDefinition({ items: itemsWithAnnotation(JSON.stringify('Le Bureau élargi s’est réuni le 1er septembre 2023.')) })}`,
  },
  check({ model, report }) {
    for (const t of model.sources.texts) {
      const masked = t.masked;
      if (!masked.includes('1')) continue;
      for (const m of masked.matchAll(FIRST)) {
        if (m[1] === 'er') continue; // already right
        const month = /^\p{L}+/u.exec(masked.slice(m.index + m[0].length))![0];
        report({ path: t.origin.path, offset: m.index, length: m[0].length - 1, messageId: 'first', data: { text: m[0].trimEnd(), month }, hintId: 'first', fix: { offset: m.index, length: m[0].length - 1, replacement: '1er' } });
      }
    }
  },
});
