import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { defineRule } from './types.js';

const MONTHS = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';
/** "11 septiembre 2023", "11 de septiembre 2023", "11 septiembre de 2023": a "de" missing. */
const MISSING_DE = new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})( de)? (${MONTHS})( de)? (\\d{4})(?!\\d)`, 'giu');
/** A month name with a capital inside a sentence: Spanish writes months in lower case. */
const CAPITAL_MONTH = new RegExp(`(?<=\\d{1,2} de )(${MONTHS})(?![\\p{L}])`, 'giu');

export default defineRule({
  id: 'AG039',
  name: 'spanish-date-form',
  description: 'Spanish writes dates "11 de septiembre de 2023": the day, "de", the month in lower case, "de", the year, as the tool writes its own dates.',
  source: 'UN Spanish documents (CTOC/COP/2012/14: "15 a 19 de octubre de 2012"; FCCC/SBI/1997/11); Ortografía de la lengua española (2010), months in lower case',
  category: 'editorial',
  languages: ['es'],
  severity: 'warning',
  fixable: true,
  parameters: {},
  messages: {
    missingDe: "'{text}' is not a Spanish date: it is written '{replacement}'",
    capital: "'{month}' is written in lower case in Spanish",
  },
  hints: { missingDe: "write '{replacement}'", capital: "write '{lower}'" },
  examples: {
    failing: `language: es\n${exampleDefinition({ items: itemsWithAnnotation(JSON.stringify('La Mesa ampliada se reunió el 5 agosto 2022.')) })}`,
    passing: `language: es\n${exampleDefinition({ items: itemsWithAnnotation(JSON.stringify('La Mesa ampliada se reunió el 5 de agosto de 2022.')) })}`,
  },
  check({ model, report }) {
    for (const t of model.sources.texts) {
      const masked = t.masked;
      if (!/\d/.test(masked)) continue;
      for (const m of masked.matchAll(MISSING_DE)) {
        if (m[2] && m[4]) continue; // both there
        const month = m[3]!.toLowerCase();
        const replacement = `${m[1]} de ${month} de ${m[5]}`;
        report({ path: t.origin.path, offset: m.index, length: m[0].length, messageId: 'missingDe', data: { text: m[0], replacement }, hintId: 'missingDe', fix: { offset: m.index, length: m[0].length, replacement } });
      }
      for (const m of masked.matchAll(CAPITAL_MONTH)) {
        const month = m[1]!;
        if (month === month.toLowerCase()) continue;
        report({ path: t.origin.path, offset: m.index, length: month.length, messageId: 'capital', data: { month, lower: month.toLowerCase() }, hintId: 'capital', fix: { offset: m.index, length: month.length, replacement: month.toLowerCase() } });
      }
    }
  },
});
