import { exampleDefinition } from './example-definition.js';
import { defineRule } from './types.js';

const withDistribution = (symbol: string, distribution: string) => exampleDefinition({ document: `document:\n  symbol: ${symbol}\n  distribution: ${distribution}\n  date: 2023-06-14` });

export default defineRule({
  id: 'AG020',
  name: 'distribution-consistency',
  description: 'The distribution matches the symbol: L. documents are limited, R. documents restricted, and a provisional agenda is general.',
  source: 'UN Editorial Manual, Mastheads; DGACM, Documents management',
  category: 'editorial',
  severity: 'error',
  parameters: {},
  examples: { failing: withDistribution('CTOC/COP/WG.3/2023/1', 'limited'), passing: withDistribution('CTOC/COP/WG.3/2023/1', 'general') },
  check({ definition, report }) {
    const parts = definition.document.symbol.split('/');
    const expected = parts.some((p) => /^L\.\d/.test(p)) ? 'limited' : parts.some((p) => /^R\.\d/.test(p)) ? 'restricted' : 'general';
    const actual = definition.document.distribution ?? 'general';
    if (actual !== expected) {
      const why = expected === 'general' ? 'a provisional agenda is a general document' : `the symbol is in the ${expected === 'limited' ? 'L.' : 'R.'} series`;
      report({ path: definition.document.distribution ? ['document', 'distribution'] : ['document', 'symbol'], message: `the distribution is ${actual}, but ${why}`, hint: `write 'distribution: ${expected}', or check the symbol` });
    }
  },
});
