import { exampleDefinition } from './example-definition.js';
import { defineRule } from './types.js';

const withDistribution = (symbol: string, distribution: string) => exampleDefinition({ document: `document:\n  symbol: ${symbol}\n  distribution: ${distribution}\n  date: 2023-06-14` });

export default defineRule({
  id: 'AG020',
  name: 'distribution-consistency',
  description:
    'The distribution matches the symbol: L. documents are limited, R. documents restricted, and a provisional agenda is general; one issued as a working paper (a WP. symbol, as UNCITRAL working groups issue theirs) may be general or limited.',
  source: 'UN Editorial Manual, Mastheads; DGACM, Documents management; A/CN.9/WG.III/WP.240 (Distr.: Limited)',
  category: 'editorial',
  severity: 'error',
  parameters: {},
  messages: {
    notGeneral: 'the distribution is {actual}, but a provisional agenda is a general document',
    limited: 'the distribution is {actual}, but the symbol is in the L. series',
    restricted: 'the distribution is {actual}, but the symbol is in the R. series',
  },
  hints: { distribution: "write 'distribution: {expected}', or check the symbol" },
  examples: { failing: withDistribution('CTOC/COP/WG.3/2023/1', 'limited'), passing: withDistribution('CTOC/COP/WG.3/2023/1', 'general') },
  check({ model, report }) {
    const { document } = model.sources;
    const parts = document.symbol.split('/');
    const expected = parts.some((p) => /^L\.\d/.test(p)) ? 'limited' : parts.some((p) => /^R\.\d/.test(p)) ? 'restricted' : 'general';
    const actual = document.distribution ?? 'general';
    // A working paper's agenda is issued limited by some bodies (UNCITRAL's working groups), general by others.
    const workingPaper = expected === 'general' && parts.some((p) => /^WP\.\d/.test(p));
    if (actual !== expected && !(workingPaper && actual === 'limited')) {
      report({ path: document.distribution ? ['document', 'distribution'] : ['document', 'symbol'], messageId: expected === 'general' ? 'notGeneral' : expected, data: { actual, expected }, hintId: 'distribution' });
    }
  },
});
