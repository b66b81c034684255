import type { WrittenDate } from '../model.js';
import { exampleDefinition } from './example-definition.js';
import { daysFrom, LEAD_TIME_FACT } from './helpers.js';
import { DAYS, defineRule } from './types.js';

export default defineRule({
  id: 'AG002',
  name: 'six-week-rule',
  description: 'The agenda and every pre-session document with an issue date are issued at least six weeks before the opening.',
  source: 'GA resolution 49/221 B; ECOSOC functional commissions, rule 6 (1); UNOG 10-4-6-week rule',
  category: 'procedure',
  severity: 'warning',
  parameters: { minDays: 42 },
  parameterDocs: { minDays: 'days between issuance and the opening' },
  parameterSchemas: { minDays: DAYS },
  messages: {
    agendaLate: 'the agenda is dated less than {minDays} days (six weeks) before the opening',
    documentLate: '{document} is issued less than {minDays} days (six weeks) before the opening',
  },
  hints: { sixWeeks: 'pre-session documents are due six weeks before the session in all official languages' },
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
  - id: topic
    title: Law enforcement cooperation
    documentation:
      - title: Background paper prepared by the Secretariat
        symbol: CTOC/COP/WG.3/2023/2
        issued: 2023-09-01
  - id: other
    title: Other matters
    annotation: No documentation is foreseen under this item.
  - id: report
    title: Adoption of the report`,
    }),
    passing: exampleDefinition(),
  },
  check({ model, params, report }) {
    const { document, meeting, documentation } = model.sources;
    if (!meeting.days) return;
    const opening = meeting.days[0].date;
    const tooLate = (written: WrittenDate | undefined) => (written?.date ? daysFrom(written.date, opening) < params.minDays : false);
    if (tooLate(document.date)) {
      report({ path: ['document', 'date'], messageId: 'agendaLate', data: { minDays: params.minDays }, hintId: 'sixWeeks', fact: LEAD_TIME_FACT });
    }
    for (const entry of documentation) {
      if (tooLate(entry.issued)) {
        report({ path: [...entry.origin.path, 'issued'], messageId: 'documentLate', data: { document: entry.symbols.join(' – ') || 'this document', minDays: params.minDays }, hintId: 'sixWeeks' });
      }
    }
  },
});
