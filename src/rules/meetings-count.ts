import { mask } from './text.js';
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
  description: 'The number of plenary meetings and days stated ("four plenary meetings over two days") is the number of meetings and days in the organization of work.',
  source: 'CTOC/COP/WG.3/2023/1, item 1 (b) and annex (practice)',
  category: 'procedure',
  severity: 'error',
  parameters: {},
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('The resources available will permit the holding of six plenary meetings over two days.'), organization }),
    passing: exampleDefinition({ items: itemsWithAnnotation('The resources available will permit the holding of {plenary-meetings} plenary meetings over {days} days.'), organization }),
  },
  check({ definition, report }) {
    const days = definition.organization_of_work;
    if (!days?.length) return;
    const meetings = days.reduce((n, d) => n + d.slots.length, 0);
    const stated = definition.resources?.plenary_meetings;
    if (stated !== undefined && stated !== meetings) {
      report({ path: ['resources', 'plenary_meetings'], message: `${stated} plenary meetings are stated, but the organization of work has ${meetings}`, hint: 'make them agree' });
    }
    const check = (text: string, path: (string | number)[]) => {
      for (const m of mask(text).matchAll(STATEMENT)) {
        const n = value(m[1]!);
        if (n !== meetings) report({ path, offset: m.index, length: m[1]!.length, message: `the text says ${m[1]} plenary meetings, but the organization of work has ${meetings}`, hint: 'write {plenary-meetings} and {days}: they are counted from the organization of work' });
        if (m[2] !== undefined && value(m[2]) !== days.length) {
          const at = m.index + m[0].lastIndexOf(m[2]);
          report({ path, offset: at, length: m[2].length, message: `the text says ${m[2]} days, but the organization of work has ${days.length}`, hint: 'write {days}: it is counted from the organization of work' });
        }
      }
    };
    const walk = (items: typeof definition.items, base: (string | number)[]) =>
      items.forEach((item, i) => {
        if (item.annotation) check(item.annotation, [...base, i, 'annotation']);
        if (item.items) walk(item.items, [...base, i, 'items']);
      });
    walk(definition.items, ['items']);
  },
});
