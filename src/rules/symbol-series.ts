import { exampleDefinition } from './example-definition.js';
import { defineRule, TEXTS } from './types.js';

const withSymbol = (symbol: string) => exampleDefinition({ document: `document:\n  symbol: ${symbol}\n  date: 2023-06-14` });

export default defineRule({
  id: 'AG019',
  name: 'symbol-series',
  description: "The agenda's symbol is in the body's series, and its year component is the meeting year.",
  source: 'CTOC/COP/WG.3/2023/1; CTOC/COP/WG.4/2010/6; research.un.org/en/docs/symbols',
  category: 'procedure',
  severity: 'error',
  parameters: {
    series: [] as string[],
    bodySeries: [
      'Working Group on International Cooperation => CTOC/COP/WG.3/',
      'Working Group on Trafficking in Persons => CTOC/COP/WG.4/',
      'Working Group on the Smuggling of Migrants => CTOC/COP/WG.7/',
      'Working Group on Smuggling of Migrants => CTOC/COP/WG.7/',
    ],
  },
  parameterDocs: { series: 'symbol prefixes allowed for this kind of body (empty: any)', bodySeries: "'Body name => prefix' pairs for bodies whose series is known" },
  parameterSchemas: { series: TEXTS, bodySeries: TEXTS },
  messages: {
    series: "'{symbol}' is not in the series of this kind of body ({series})",
    bodySeries: "the documents of the {body} carry the symbol {prefix}..., not '{symbol}'",
    year: "the symbol's year is {year}, but the meeting is in {meetingYear}",
  },
  hints: {
    series: "check the symbol, or the 'profile'",
    bodySeries: 'write {prefix}<year>/1',
    year: 'UNODC and ECOSOC symbols carry the year of the session',
  },
  examples: { failing: withSymbol('CTOC/COP/WG.4/2023/1'), passing: withSymbol('CTOC/COP/WG.3/2023/1') },
  check({ model, params, report }) {
    const { document, body, meeting } = model.sources;
    const symbol = document.symbol;
    const path = ['document', 'symbol'];
    if (params.series.length && !params.series.some((p) => symbol.startsWith(p))) {
      report({ path, messageId: 'series', data: { symbol, series: params.series.join(', ') }, hintId: 'series' });
    }
    for (const pair of params.bodySeries) {
      const [name, prefix] = pair.split('=>').map((s) => s.trim());
      if (name && prefix && name.toLowerCase() === body.trim().toLowerCase() && !symbol.startsWith(prefix)) {
        report({ path, messageId: 'bodySeries', data: { body: name, prefix, symbol }, hintId: 'bodySeries' });
      }
    }
    const meetingYear = meeting.days?.[0].date.year;
    const year = symbol.split('/').find((p) => /^(?:19|20)\d\d$/.test(p));
    if (year && meetingYear !== undefined && Number(year) !== meetingYear) {
      report({ path, messageId: 'year', data: { year, meetingYear }, hintId: 'year' });
    }
  },
});
