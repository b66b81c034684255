import { en } from '../locale/en.js';
import { exampleDefinition } from './example-definition.js';
import { titleStartsWith } from './helpers.js';
import { defineRule, TEXT_LISTS } from './types.js';

export default defineRule({
  id: 'AG007',
  name: 'closing-items',
  description: "The agenda ends with the body's closing items: 'Other matters', then 'Adoption of the report' (with the next provisional agenda where the body adopts one).",
  source: 'CTOC/COP/WG.3/2023/1; CAC/COSP/2015/1; E/CN.15/2011/1 (practice)',
  category: 'procedure',
  severity: 'warning',
  parameters: { closingItems: [['Other matters', 'Other business'], ['Adoption of the report']] },
  parameterDocs: { closingItems: 'the last items in order, each a list of the wordings its title may start with' },
  parameterSchemas: { closingItems: TEXT_LISTS },
  messages: {
    tooFew: 'the agenda has {count} {itemWord}, too few to end with the {closing} closing items of this body',
    lastDifferent: "the last item should be '{expected}', not '{title}'",
    fromEndDifferent: "the {ordinal} item from the end should be '{expected}', not '{title}'",
  },
  hints: { usual: 'the agenda of this body ends with: {usual}' },
  examples: {
    failing: exampleDefinition({
      items: `items:
  - id: organizational
    title: Organizational matters
    items:
      - id: opening
        title: Opening of the meeting
      - id: adoption
        title: Adoption of the agenda and organization of work
  - id: report
    title: Adoption of the report
  - id: other
    title: Other matters
    annotation: No documentation is foreseen under this item.`,
    }),
    passing: exampleDefinition(),
  },
  check({ model, params, report }) {
    const items = model.sources.outline;
    const tail = params.closingItems;
    const usual = tail.map((w) => w[0]).join('; ');
    if (items.length < tail.length) {
      report({ path: ['items'], messageId: 'tooFew', data: { count: items.length, itemWord: items.length === 1 ? 'item' : 'items', closing: tail.length, usual }, hintId: 'usual' });
      return;
    }
    tail.forEach((wordings, k) => {
      const index = items.length - tail.length + k;
      const item = items[index]!;
      if (titleStartsWith(item.title, wordings)) return;
      const fromEnd = tail.length - k;
      const data = { expected: wordings[0]!, title: item.title };
      if (fromEnd === 1) report({ path: [...item.origin.path, 'title'], messageId: 'lastDifferent', data: { ...data, usual }, hintId: 'usual' });
      else report({ path: [...item.origin.path, 'title'], messageId: 'fromEndDifferent', data: { ...data, ordinal: en.ordinal(fromEnd), usual }, hintId: 'usual' });
    });
  },
});
