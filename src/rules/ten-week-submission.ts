import { parseIsoDate } from '../locale/calendar.js';
import { exampleDefinition } from './example-definition.js';
import { daysFrom, meetingDates } from './helpers.js';
import { DAYS, defineRule } from './types.js';

export default defineRule({
  id: 'AG003',
  name: 'ten-week-submission',
  description: 'The agenda is submitted to the document system ten weeks before the opening, leaving four weeks to process it and six to circulate it.',
  source: 'UNOG Documents Management Section instructions (10-4-6-week rule)',
  category: 'procedure',
  severity: 'info',
  parameters: { minDays: 70 },
  parameterDocs: { minDays: 'days between the document date (the day of submission) and the opening' },
  parameterSchemas: { minDays: DAYS },
  examples: {
    failing: exampleDefinition({ document: 'document:\n  symbol: CTOC/COP/WG.3/2023/1\n  date: 2023-07-10' }),
    passing: exampleDefinition(),
  },
  check({ definition, params, report }) {
    const date = parseIsoDate(definition.document.date);
    const dates = meetingDates(definition);
    if (!date || !dates) return;
    const lead = daysFrom(date, dates[0]);
    if (lead < params.minDays) {
      report({ path: ['document', 'date'], message: `the agenda is submitted ${lead} days before the opening, less than the ${params.minDays} days (ten weeks) the document services plan for`, hint: 'tell the document services early if the deadline cannot be met' });
    }
  },
});
