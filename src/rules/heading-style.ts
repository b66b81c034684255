import { exampleDefinition } from './example-definition.js';
import { authorTexts } from './text.js';
import { defineRule } from './types.js';

const FUNCTION_WORD = /(?<=\S )(Of|The|And|For|On|In|To|With|Against|At|By|From|Under|An|A)(?= )/g;

const withTitle = (title: string) =>
  exampleDefinition({
    items: `items:
  - id: organizational
    title: Organizational matters
    items:
      - id: opening
        title: Opening of the meeting
      - id: adoption
        title: ${title}
  - id: other
    title: Other matters
    annotation: No documentation is foreseen under this item.
  - id: report
    title: Adoption of the report`,
  });

export default defineRule({
  id: 'AG033',
  name: 'heading-style',
  description: 'Item titles are in sentence case, start with a capital and have no final punctuation (the tool adds the list punctuation).',
  source: 'UN Editorial Manual, Headings; instructions for the preparation of official documents',
  category: 'editorial',
  severity: 'warning',
  fixable: true,
  parameters: {},
  examples: { failing: withTitle('Adoption Of The Agenda And Organization Of Work'), passing: withTitle('Adoption of the agenda and organization of work') },
  check({ definition, report }) {
    for (const t of authorTexts(definition)) {
      if (t.role !== 'title' && t.role !== 'short-title' && t.role !== 'document-title' && t.role !== 'annex-entry') continue;
      const text = t.text.trimEnd();
      const first = /\S/.exec(text);
      if (first && /[a-z]/.test(first[0])) {
        report({ path: t.path, offset: first.index, length: 1, message: 'a title starts with a capital letter', hint: `write '${first[0].toUpperCase()}'`, fix: { offset: first.index, length: 1, replacement: first[0].toUpperCase() } });
      }
      const last = text[text.length - 1];
      if (last && '.;:,'.includes(last) && !/\b(?:[a-z]\.){2,}$|\b(?:etc|Inc|Co|No)\.$/.test(text)) {
        report({ path: t.path, offset: text.length - 1, length: 1, message: `a title has no final '${last}': the agenda list adds its own punctuation`, hint: `remove the '${last}'`, fix: { offset: text.length - 1, length: 1, replacement: '' } });
      }
      for (const m of text.matchAll(FUNCTION_WORD)) {
        if (text[m.index - 2] === ':') continue; // a subtitle after a colon starts with a capital
        report({ path: t.path, offset: m.index, length: m[0].length, message: `titles are in sentence case: '${m[0]}' is written '${m[0].toLowerCase()}'`, hint: 'capitalize only the first word and proper names' });
        break; // one per title is enough to say it is in title case
      }
    }
  },
});
