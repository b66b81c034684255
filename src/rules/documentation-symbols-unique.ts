import { exampleDefinition } from './example-definition.js';
import { defineRule, TEXT } from './types.js';

const items = (second: string) => `items:
  - id: organizational
    title: Organizational matters
    items:
      - id: opening
        title: Opening of the meeting
      - id: adoption
        title: Adoption of the agenda and organization of work
  - id: topic
    title: Law enforcement cooperation
    documentation:
      - title: Background paper prepared by the Secretariat
        symbol: CTOC/COP/WG.3/2023/2
      - title: Note by the Secretariat
        symbol: ${second}
  - id: other
    title: Other matters
    annotation: No documentation is foreseen under this item.
  - id: report
    title: Adoption of the report`;

export default defineRule({
  id: 'AG017',
  name: 'documentation-symbols-unique',
  description: 'Each document listed has its own symbol, and the agenda itself takes serial number 1 of the session.',
  source: 'CTOC/COP/WG.3/2023/1; CAC/COSP/2015/1; E/CN.15/2011/1; CMW/C/39/1 (practice)',
  category: 'procedure',
  severity: 'warning',
  parameters: { agendaSerial: '1' },
  parameterDocs: { agendaSerial: "the last part of the agenda's own symbol (\"1\"; \"150 | 100\" for the GA's provisional agenda or annotated list; alternatives separated by \" | \"; empty: not checked)" },
  parameterSchemas: { agendaSerial: TEXT },
  messages: {
    agendaSerial: "the agenda's symbol ends in /{last}, but the agenda takes serial number {serial} of the session",
    twice: "{symbol} is listed twice (first for '{first}')",
  },
  hints: {
    agendaSerial: 'number the agenda .../{serial} and the other documents after it',
    twice: 'each document has its own symbol: check the serial number',
  },
  examples: {
    failing: exampleDefinition({ items: items('CTOC/COP/WG.3/2023/2') }),
    passing: exampleDefinition({ items: items('CTOC/COP/WG.3/2023/3') }),
  },
  check({ params, report, model }) {
    const symbol = model.sources.document.symbol;
    const last = symbol.replace(/\*$/, '').split('/').pop()!;
    const serials = params.agendaSerial.split('|').map((x) => x.trim()).filter(Boolean);
    if (serials.length && !serials.includes(last)) {
      report({ path: ['document', 'symbol'], messageId: 'agendaSerial', data: { last, serial: serials.join(' or ') }, hintId: 'agendaSerial' });
    }
    const seen = new Map<string, string>();
    for (const entry of model.sources.documentation) {
      entry.symbols.forEach((s, k) => {
        const path = entry.list ? [...entry.origin.path, 'symbol', k] : [...entry.origin.path, 'symbol'];
        const before = seen.get(s);
        if (before !== undefined) report({ path, messageId: 'twice', data: { symbol: s, first: before }, hintId: 'twice' });
        else seen.set(s, entry.title);
      });
    }
  },
});
