import { exampleDefinition } from './example-definition.js';
import { daysFrom, LEAD_TIME_FACT } from './helpers.js';
import { DAYS, defineRule } from './types.js';

export default defineRule({
  id: 'AG001',
  name: 'lead-time',
  description: 'The agenda is dated at least the minimum number of days before the opening that the rules of procedure require.',
  source: 'UNTOC COP rules of procedure, rule 9 (with rule 2 (2)); ECOSOC functional commissions, rule 6 (1); GA rules 12 and 16',
  category: 'procedure',
  severity: 'error',
  parameters: { minDays: 60, specialSessionMinDays: 30 },
  parameterDocs: { minDays: 'days between the document date and the opening of a regular session or meeting', specialSessionMinDays: "days before a special session (meeting.kind: special-session)" },
  parameterSchemas: { minDays: DAYS, specialSessionMinDays: DAYS },
  messages: {
    tooLate: 'the agenda is dated {lead} {dayWord} before the opening, but the rules of procedure require at least {min} days',
    tooLateSpecial: 'the agenda is dated {lead} {dayWord} before the opening, but the rules of procedure require at least {min} days for a special session',
  },
  hints: { earlier: 'circulate the agenda earlier, or check the document date and the meeting dates' },
  examples: {
    failing: exampleDefinition({ document: 'document:\n  symbol: CTOC/COP/WG.3/2023/1\n  date: 2023-08-01' }),
    passing: exampleDefinition(),
  },
  check({ model, params, report }) {
    const { document, meeting } = model.sources;
    if (!document.date.date || !meeting.days) return;
    const lead = daysFrom(document.date.date, meeting.days[0].date);
    const special = meeting.kind === 'special-session';
    const min = special ? params.specialSessionMinDays : params.minDays;
    if (lead < min) {
      report({
        path: ['document', 'date'],
        messageId: special ? 'tooLateSpecial' : 'tooLate',
        data: { lead, dayWord: lead === 1 ? 'day' : 'days', min },
        hintId: 'earlier',
        fact: LEAD_TIME_FACT,
      });
    }
  },
});
