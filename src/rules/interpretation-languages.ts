import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { defineRule } from './types.js';

const documentOnly = `document:
  symbol: CTOC/COP/WG.3/2023/1
  date: 2023-06-14
  languages: [en, fr, es]`;

const SIX = /\bsix official languages\b/gi;

export default defineRule({
  id: 'AG015',
  name: 'interpretation-languages',
  description: 'A document issued in some languages only ("English, French and Spanish only") does not promise interpretation in the six official languages.',
  source: 'ECOSOC functional commissions, rules 29 and 30; UNTOC COP rule 38; CMW/C/39/1 (practice)',
  category: 'procedure',
  severity: 'warning',
  parameters: {},
  messages: {
    resources: 'the document is issued in some languages only, but interpretation is in all six official languages',
    text: 'the document is issued in some languages only, but the text speaks of the six official languages',
  },
  hints: { interpretation: "give the interpretation languages under 'resources.interpretation', or drop 'document.languages'" },
  examples: {
    failing: exampleDefinition({ document: documentOnly, items: itemsWithAnnotation('The meeting will be held with interpretation in the six official languages of the United Nations.') }),
    passing: exampleDefinition({ document: documentOnly, items: itemsWithAnnotation('The meeting will be held with interpretation in English, French and Spanish.') }),
  },
  check({ model, report }) {
    const only = model.sources.document.languages;
    if (!only || only.length >= 6) return;
    if (model.sources.resources.interpretation === 'all') {
      report({ path: ['resources', 'interpretation'], messageId: 'resources', hintId: 'interpretation' });
    }
    for (const t of model.sources.texts) {
      for (const m of t.masked.matchAll(SIX)) {
        report({ path: t.origin.path, offset: m.index, length: m[0].length, messageId: 'text', hintId: 'interpretation' });
      }
    }
  },
});
