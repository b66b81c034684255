import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { defineRule, TEXTS } from './types.js';

export default defineRule({
  id: 'AG035',
  name: 'short-title-after-full-title',
  description: 'A short title ("Organized Crime Convention") or an acronym is used only after the full title has appeared.',
  source: 'UN Correspondence Manual, paras. 24 and 25; CTOC/COP/WG.3/2023/1',
  category: 'editorial',
  severity: 'warning',
  parameters: {
    titles: [
      'Organized Crime Convention => United Nations Convention against Transnational Organized Crime',
      'UNTOC => United Nations Convention against Transnational Organized Crime',
      'UNCAC => United Nations Convention against Corruption',
      'UNODC => United Nations Office on Drugs and Crime',
    ],
  },
  parameterDocs: { titles: "'short form => full title' pairs" },
  parameterSchemas: { titles: TEXTS },
  messages: { tooEarly: "'{short}' is used before the full title '{full}' has appeared" },
  hints: { tooEarly: "write '{full}' the first time" },
  examples: {
    failing: exampleDefinition({ bodies: 'body: Working Group on International Cooperation', items: itemsWithAnnotation('The meeting will discuss article 27 of the Organized Crime Convention.') }),
    passing: exampleDefinition({ bodies: 'body: Working Group on International Cooperation', items: itemsWithAnnotation('The meeting will discuss article 27 of the United Nations Convention against Transnational Organized Crime (the Organized Crime Convention).') }),
  },
  check({ model, params, report }) {
    const pairs = params.titles.map((p) => p.split('=>').map((s) => s.trim())).filter((p): p is [string, string] => Boolean(p[0] && p[1]));
    const introduced = new Set<string>();
    const reported = new Set<string>();
    for (const t of model.sources.texts) {
      const text = t.masked;
      for (const [short, fullTitle] of pairs) {
        if (introduced.has(short)) continue;
        const fullAt = text.indexOf(fullTitle);
        let shortAt = text.indexOf(short);
        // A short form inside the full title ("Convention against Corruption") is not a use of it.
        while (shortAt >= 0 && fullAt >= 0 && shortAt >= fullAt && shortAt < fullAt + fullTitle.length) shortAt = text.indexOf(short, fullAt + fullTitle.length);
        if (shortAt >= 0 && (fullAt < 0 || shortAt < fullAt) && !reported.has(short)) {
          reported.add(short);
          report({ path: t.origin.path, offset: shortAt, length: short.length, messageId: 'tooEarly', data: { short, full: fullTitle }, hintId: 'tooEarly' });
        }
        if (fullAt >= 0) introduced.add(short);
      }
    }
  },
});
