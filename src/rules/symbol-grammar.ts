import { exampleDefinition } from './example-definition.js';
import { symbolProblem } from './symbols.js';
import { defineRule } from './types.js';

const withSymbol = (symbol: string) => exampleDefinition({ document: `document:\n  symbol: ${symbol}\n  date: 2023-06-14` });

export default defineRule({
  id: 'AG018',
  name: 'symbol-grammar',
  description: 'Every document symbol follows the UN symbol grammar: series, components, optional /Add.n, /Corr.n, /Rev.n.',
  source: 'research.un.org/en/docs/symbols; un-conventions.md § 3.4',
  category: 'editorial',
  severity: 'error',
  parameters: {},
  messages: { invalid: "'{symbol}' is not a valid document symbol: {problem}" },
  hints: {
    example: 'for example CTOC/COP/WG.3/2023/1 or E/CN.15/2024/1/Add.1',
    joint: 'list joint symbols as a YAML list: symbol: [A/1, B/2]',
  },
  examples: { failing: withSymbol('CTOC/COP/WG.3//2023/1'), passing: withSymbol('CTOC/COP/WG.3/2023/1') },
  check({ report, model }) {
    const symbol = model.sources.document.symbol;
    const problem = symbolProblem(symbol);
    if (problem) report({ path: ['document', 'symbol'], messageId: 'invalid', data: { symbol, problem }, hintId: 'example' });
    for (const entry of model.sources.documentation) {
      entry.symbols.forEach((s, k) => {
        const p = symbolProblem(s);
        if (p) report({ path: entry.list ? [...entry.origin.path, 'symbol', k] : [...entry.origin.path, 'symbol'], messageId: 'invalid', data: { symbol: s, problem: p }, hintId: 'joint' });
      });
    }
  },
});
