import { dayNumber } from '../locale/calendar.js';
import { exampleDefinition } from './example-definition.js';
import { defineRule, TEXTS } from './types.js';

const withJob = (job: string) =>
  exampleDefinition({ document: `document:\n  symbol: CTOC/COP/WG.3/2023/1\n  date: 2023-06-14\n  job_number: ${job}\n  processed: 2023-06-20\n  issued: 2023-06-21` });

export default defineRule({
  id: 'AG021',
  name: 'job-number',
  description: "The job number's year is not after the document's, its prefix is the duty station's, and the stamps follow the document date.",
  source: 'CAC/COSP/2015/1; CAC/COSP/2019/5; E/CN.15/2018/INF/1; A/HRC/12/23; UNEP/EA.6/1 (K2300123) (practice)',
  category: 'editorial',
  severity: 'warning',
  parameters: { stationPrefixes: ['Vienna => V.', 'Geneva => GE.', 'New York => ', 'Nairobi => K'] },
  parameterDocs: { stationPrefixes: "'Venue => prefix' pairs: the job-number prefix of each duty station" },
  parameterSchemas: { stationPrefixes: TEXTS },
  messages: {
    year: 'the job number is from 20{year}, after the document date ({date})',
    prefix: "job numbers of {venue} start with '{prefix}', but this one is '{jobNumber}'",
    noPrefix: "job numbers of {venue} have no letter prefix, but this one is '{jobNumber}'",
    processed: 'the processing stamp is before the document date',
    issued: 'the issue stamp is before the processing stamp',
  },
  hints: {
    year: 'check the job number',
    prefix: 'the prefix names the duty station that processes the document',
    processed: 'the document is processed after it is submitted',
    issued: 'the document is issued after it is processed',
  },
  examples: { failing: withJob('V.24-11234'), passing: withJob('V.23-11234') },
  check({ model, params, report }) {
    const doc = model.sources.document;
    if (!doc.jobNumber) return;
    const path = ['document', 'job_number'];
    // "V.23-11234": a prefix with its full stop, the year, five digits; at Nairobi "K2312345", without separators.
    const m = /^(?:([A-Z]{1,3}\.))?(\d{2})-\d{5}/.exec(doc.jobNumber) ?? /^(K)(\d{2})\d{5}/.exec(doc.jobNumber);
    const date = doc.date.date;
    if (!m || !date) return;
    if (Number(m[2]) > date.year % 100) report({ path, messageId: 'year', data: { year: m[2]!, date: doc.date.iso }, hintId: 'year' });
    for (const pair of params.stationPrefixes) {
      const [venue, prefix = ''] = pair.split('=>').map((s) => s.trim());
      const meetingVenue = model.sources.meeting.venue;
      if (meetingVenue !== undefined && venue?.toLowerCase() === meetingVenue.trim().toLowerCase() && (m[1] ?? '') !== prefix) {
        report({ path, messageId: prefix ? 'prefix' : 'noPrefix', data: { venue, prefix, jobNumber: doc.jobNumber }, hintId: 'prefix' });
      }
    }
    const processed = doc.processed?.date;
    const issued = doc.issued?.date;
    if (processed && dayNumber(processed) < dayNumber(date)) report({ path: ['document', 'processed'], messageId: 'processed', hintId: 'processed' });
    if (issued && processed && dayNumber(issued) < dayNumber(processed)) report({ path: ['document', 'issued'], messageId: 'issued', hintId: 'issued' });
  },
});
