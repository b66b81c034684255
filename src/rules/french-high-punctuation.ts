import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { defineRule } from './types.js';

/** A no-break space, narrow or not: what French sets before high punctuation. */
const NO_BREAK = '[\\u00a0\\u202f]';
/**
 * ";", ":", "!" or "?" after an ordinary space (or tab), or right after a word, a closing
 * bracket or quote: each wants a no-break space before it. Not a colon between digits
 * ("10:30", a ratio), nor "?" or "!" in a run ("?!"), nor anything in a web address (masked).
 */
const HIGH = new RegExp(`(?<=[\\p{L}\\p{N})\\]»"'’])( ?)([;:!?])(?![\\d])|(?<=\\S)([ \\t])([;:!?])(?![\\d])`, 'gu');
/** « and » with an ordinary space or none inside them. */
const GUILLEMETS = /«( ?)(?=\S)|(?<=\S)( ?)»/g;

export default defineRule({
  id: 'AG037',
  name: 'french-high-punctuation',
  description:
    'French text sets a no-break space before ";", ":", "!" and "?" and inside « », so that the sign never begins a line. The tool writes a narrow no-break space (U+202F), as its own French text does; an existing no-break space of either width is kept.',
  source: 'Lexique des règles typographiques en usage à l’Imprimerie nationale (espaces); UN French documents (IDB.49/1/Add.1: "Original : anglais")',
  category: 'editorial',
  languages: ['fr'],
  severity: 'warning',
  fixable: true,
  parameters: {},
  messages: {
    before: "'{sign}' takes a no-break space before it in French",
    guillemet: "'«' and '»' take a no-break space inside them in French",
  },
  hints: {
    before: 'write a no-break space (U+202F) before the sign: --fix does it',
    guillemet: 'write « text » with no-break spaces (U+202F): --fix does it',
  },
  examples: {
    failing: `language: fr\n${exampleDefinition({ items: itemsWithAnnotation(JSON.stringify('Le Groupe de travail examinera les questions suivantes: la coopération et l’entraide.')) })}`,
    passing: `language: fr\n${exampleDefinition({ items: itemsWithAnnotation(JSON.stringify('Le Groupe de travail examinera les questions suivantes\u202f: la coopération et l’entraide.')) })}`,
  },
  check({ model, report }) {
    for (const t of model.sources.texts) {
      const masked = t.masked;
      if (!/[;:!?«»]/.test(masked)) continue;
      for (const m of masked.matchAll(HIGH)) {
        const space = m[1] ?? m[3] ?? '';
        const sign = m[2] ?? m[4]!;
        const at = m.index;
        // Two signs together ("?!"): only the first takes the space.
        if (!space && /[;:!?]/.test(masked[at - 1] ?? '')) continue;
        report({ path: t.origin.path, offset: at, length: space.length + 1, messageId: 'before', data: { sign }, hintId: 'before', fix: { offset: at, length: space.length, replacement: '\u202f' } });
      }
      if (!/[«»]/.test(masked)) continue;
      for (const m of masked.matchAll(GUILLEMETS)) {
        const open = m[0].startsWith('«');
        const space = (open ? m[1] : m[2]) ?? '';
        if (new RegExp(NO_BREAK).test(masked[open ? m.index + 1 : m.index - 1] ?? '')) continue;
        const at = open ? m.index + 1 : m.index;
        report({ path: t.origin.path, offset: open ? m.index : at, length: space.length + 1, messageId: 'guillemet', hintId: 'guillemet', fix: { offset: at, length: space.length, replacement: '\u202f' } });
      }
    }
  },
});
