import { exampleDefinition } from './example-definition.js';
import { defineRule } from './types.js';

/** A title may end in the full stop of an abbreviation: "U.N.", "etc.". */
const ABBREVIATION_END = /\b(?:[a-z]\.){2,}$|\b(?:etc|Inc|Co|No)\.$/;

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
  description: "Item titles and groups' headings are in sentence case, start with a capital and have no final punctuation (the tool adds the list punctuation).",
  source: 'UN Editorial Manual, Headings; instructions for the preparation of official documents',
  category: 'editorial',
  severity: 'warning',
  fixable: true,
  parameters: {},
  messages: {
    capital: 'a title starts with a capital letter',
    finalPunctuation: "a title has no final '{run}': the agenda list adds its own punctuation",
    groupHeadingPunctuation: "a group's heading has no final '{run}'",
    sentenceCase: "titles are in sentence case: '{word}' is written '{lower}'",
  },
  hints: {
    capital: "write '{capital}'",
    finalPunctuation: "remove the '{run}'",
    sentenceCase: 'capitalize only the first word and proper names',
  },
  examples: { failing: withTitle('Adoption Of The Agenda And Organization Of Work'), passing: withTitle('Adoption of the agenda and organization of work') },
  check({ model, report }) {
    for (const t of model.sources.texts) {
      if (t.role !== 'title' && t.role !== 'short-title' && t.role !== 'document-title' && t.role !== 'annex-entry') continue;
      const text = t.raw.trimEnd();
      const first = /\S/.exec(text);
      if (first && /[a-z]/.test(first[0])) {
        report({ path: t.origin.path, offset: first.index, length: 1, messageId: 'capital', data: { capital: first[0].toUpperCase() }, hintId: 'capital', fix: { offset: first.index, length: 1, replacement: first[0].toUpperCase() } });
      }
      // The whole run of final punctuation ("matters.."), less the full stop of an abbreviation
      // that ends the title ("etc."): one diagnostic, one fix, and nothing left for a later pass.
      let run = /[.;:,]+$/.exec(text)?.[0] ?? '';
      if (run.startsWith('.') && ABBREVIATION_END.test(`${text.slice(0, text.length - run.length)}.`)) run = run.slice(1);
      if (run) {
        const start = text.length - run.length;
        const group = t.origin.path[t.origin.path.length - 1] === 'group_heading';
        report({ path: t.origin.path, offset: start, length: run.length, messageId: group ? 'groupHeadingPunctuation' : 'finalPunctuation', data: { run }, hintId: 'finalPunctuation', fix: { offset: start, length: run.length, replacement: '' } });
      }
      for (const m of text.matchAll(FUNCTION_WORD)) {
        if (text[m.index - 2] === ':') continue; // a subtitle after a colon starts with a capital
        report({ path: t.origin.path, offset: m.index, length: m[0].length, messageId: 'sentenceCase', data: { word: m[0], lower: m[0].toLowerCase() }, hintId: 'sentenceCase' });
        break; // one per title is enough to say it is in title case
      }
    }
  },
});
