import { exampleDefinition } from './example-definition.js';
import { symbolProblem, type SymbolProblem } from './symbols.js';
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
    corrected: "write '{corrected}'",
    joint: 'list the symbols of a joint document as a YAML list: symbol: [E/2001/28, E/CN.7/2001/12]; it prints them joined by a spaced en dash',
  },
  examples: { failing: withSymbol('CTOC/COP/WG.3//2023/1'), passing: withSymbol('CTOC/COP/WG.3/2023/1') },
  check({ report, model }) {
    const say = (path: (string | number)[], symbol: string, p: SymbolProblem) =>
      report({ path, messageId: 'invalid', data: { symbol, problem: p.problem, ...(p.corrected ? { corrected: p.corrected } : {}) }, hintId: p.joint ? 'joint' : p.corrected ? 'corrected' : 'example' });
    // Each symbol of a joint document, at its own place when they are written as a list.
    const { symbol, symbols, symbolList } = model.sources.document;
    (symbols ?? [symbol]).forEach((s, k) => {
      const problem = symbolProblem(s);
      if (problem) say(symbolList ? ['document', 'symbol', k] : ['document', 'symbol'], s, problem);
    });
    for (const entry of model.sources.documentation) {
      entry.symbols.forEach((s, k) => {
        const p = symbolProblem(s);
        if (p) say(entry.list ? [...entry.origin.path, 'symbol', k] : [...entry.origin.path, 'symbol'], s, p);
      });
    }
  },
});
