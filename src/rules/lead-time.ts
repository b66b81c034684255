import { parseIsoDate } from '../locale/calendar.js';
import { exampleDefinition } from './example-definition.js';
import { daysFrom, meetingDates } from './helpers.js';
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
  examples: {
    failing: exampleDefinition({ document: 'document:\n  symbol: CTOC/COP/WG.3/2023/1\n  date: 2023-08-01' }),
    passing: exampleDefinition(),
  },
  check({ definition, params, report }) {
    const date = parseIsoDate(definition.document.date);
    const dates = meetingDates(definition);
    if (!date || !dates) return;
    const lead = daysFrom(date, dates[0]);
    const special = definition.meeting.kind === 'special-session';
    const min = special ? params.specialSessionMinDays : params.minDays;
    if (lead < min) {
      report({
        path: ['document', 'date'],
        message: `the agenda is dated ${lead} day${lead === 1 ? '' : 's'} before the opening, but the rules of procedure require at least ${min} days${special ? ' for a special session' : ''}`,
        hint: 'circulate the agenda earlier, or check the document date and the meeting dates',
      });
    }
  },
});
