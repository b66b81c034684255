import { exampleDefinition } from './example-definition.js';
import { daysFrom, LEAD_TIME_FACT } from './helpers.js';
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
  messages: { late: 'the agenda is submitted {lead} days before the opening, less than the {minDays} days (ten weeks) the document services plan for' },
  hints: { late: 'tell the document services early if the deadline cannot be met' },
  examples: {
    failing: exampleDefinition({ document: 'document:\n  symbol: CTOC/COP/WG.3/2023/1\n  date: 2023-07-10' }),
    passing: exampleDefinition(),
  },
  check({ model, params, report }) {
    const { document, meeting } = model.sources;
    if (!document.date.date || !meeting.days) return;
    const lead = daysFrom(document.date.date, meeting.days[0].date);
    if (lead < params.minDays) {
      report({ path: ['document', 'date'], messageId: 'late', data: { lead, minDays: params.minDays }, hintId: 'late', fact: LEAD_TIME_FACT });
    }
  },
});
