import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { defineRule, TEXTS } from './types.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default defineRule({
  id: 'AG034',
  name: 'united-nations-unabbreviated',
  description: '"United Nations", "General Assembly", "Economic and Social Council", "Security Council" and "Secretary-General" are never abbreviated.',
  source: 'UN Correspondence Manual, para. 24',
  category: 'editorial',
  languages: ['en'],
  severity: 'error',
  parameters: {
    abbreviations: ['U.N. => United Nations', 'UN => United Nations', 'UNGA => General Assembly', 'UNSC => Security Council', 'ECOSOC => Economic and Social Council', 'UNOV => United Nations Office at Vienna', 'SecGen => Secretary-General', 'UNSG => Secretary-General'],
  },
  parameterDocs: { abbreviations: "'abbreviation => full name' pairs to flag" },
  parameterSchemas: { abbreviations: TEXTS },
  messages: { abbreviated: "'{abbreviation}' is written out: '{name}'" },
  hints: { abbreviated: "write '{name}'" },
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('The UN Secretariat will prepare a background paper.') }),
    passing: exampleDefinition({ items: itemsWithAnnotation('The United Nations Secretariat will prepare a background paper.') }),
  },
  check({ model, params, report }) {
    const full = new Map(params.abbreviations.map((p) => p.split('=>').map((s) => s.trim()) as [string, string]));
    const forms = [...full.keys()].filter(Boolean).sort((a, b) => b.length - a.length);
    if (!forms.length) return;
    // Official names such as "UN-Habitat" and "UN/CEFACT" keep their form.
    const re = new RegExp(`(?<![\\w.-])(?:${forms.map(escape).join('|')})(?![\\w]|[-/][A-Za-z])`, 'g');
    for (const t of model.sources.texts) {
      for (const m of t.masked.matchAll(re)) {
        const name = full.get(m[0]);
        report({ path: t.origin.path, offset: m.index, length: m[0].length, messageId: 'abbreviated', data: { abbreviation: m[0], name: name! }, hintId: 'abbreviated' });
      }
    }
  },
});
