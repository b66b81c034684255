import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { defineRule } from './types.js';

const organization = `organization_of_work:
  - date: 2023-09-11
    slots:
      - time: 10:00-13:00
        items: [opening, adoption]
      - time: 15:00-18:00
        items: [adoption]
  - date: 2023-09-12
    slots:
      - time: 10:00-13:00
        items: [other]
      - time: 15:00-18:00
        items: [report]`;

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const NUMBER = `(\\d{1,3}|${WORDS.join('|')})`;
const STATEMENT = new RegExp(`\\b${NUMBER} plenary meetings?(?: over ${NUMBER} (?:days?|working days?))?`, 'gi');
const value = (s: string) => (/^\d/.test(s) ? Number(s) : WORDS.indexOf(s.toLowerCase()));

export default defineRule({
  id: 'AG014',
  name: 'meetings-count',
  description: 'The number of plenary meetings and days stated ("four plenary meetings over two days") is the number of plenary meetings in the organization of work (its meetings but those marked `plenary: false`) and the number of meeting days (weekdays of the meeting dates, and weekend days the organization of work lists), as {plenary-meetings} and {days} count them.',
  source: 'CTOC/COP/WG.3/2023/1, item 1 (b) and annex (practice)',
  category: 'procedure',
  severity: 'error',
  parameters: {},
  messages: {
    statedMeetings: '{stated} plenary meetings are stated, but the organization of work has {meetings}',
    textMeetings: 'the text says {stated} plenary meetings, but the organization of work has {meetings}',
    textDays: 'the text says {stated} days, but the meeting has {count}',
  },
  hints: {
    agree: 'make them agree; mark a meeting that is not a plenary meeting (a side event, a committee of the whole) with plenary: false',
    // {plenary-meetings} and {days} are the placeholders an author writes: no data of these reports has those names, so they print as written.
    textMeetings: 'write {plenary-meetings} and {days}: they are counted from the organization of work, whose meetings marked plenary: false (side events) do not count',
    textDays: 'write {days}: it counts the meeting days',
  },
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('The resources available will permit the holding of six plenary meetings over two days.'), organization }),
    passing: exampleDefinition({ items: itemsWithAnnotation('The resources available will permit the holding of {plenary-meetings} plenary meetings over {days} days.'), organization }),
  },
  check({ model, report }) {
    const days = model.sources.organization;
    if (!days?.length) return;
    const meetings = days.reduce((n, d) => n + d.slots.filter((slot) => slot.plenary).length, 0);
    // Days are the meeting's, as {days} counts them: the organization of work may cover part of a session only.
    const meetingDays = model.sources.meeting.meetingDays.length;
    const stated = model.sources.resources.plenaryMeetings;
    if (stated !== undefined && stated !== meetings) {
      report({ path: ['resources', 'plenary_meetings'], messageId: 'statedMeetings', data: { stated, meetings }, hintId: 'agree' });
    }
    for (const t of model.sources.texts) {
      // Annotations state the resources; an empty one says nothing.
      if (t.role !== 'annotation' || !t.raw) continue;
      const path = t.origin.path;
      for (const m of t.masked.matchAll(STATEMENT)) {
        const n = value(m[1]!);
        if (n !== meetings) report({ path, offset: m.index, length: m[1]!.length, messageId: 'textMeetings', data: { stated: m[1]!, meetings }, hintId: 'textMeetings' });
        if (m[2] !== undefined && value(m[2]) !== meetingDays) {
          const at = m.index + m[0].lastIndexOf(m[2]);
          report({ path, offset: at, length: m[2].length, messageId: 'textDays', data: { stated: m[2], count: meetingDays }, hintId: 'textDays' });
        }
      }
    }
  },
});
