import { en } from '../locale/en.js';
import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { authorTexts } from './text.js';
import { defineRule, type TextFix } from './types.js';

/** "10:00-13:00" in text: the whole range is rewritten so that a shared suffix is shared ("3–6 p.m."). */
const CLOCK_RANGE = /(?<![\w./:])(\d{1,2}):(\d{2}) ?[-–] ?(\d{1,2}):(\d{2})(?![\w:])/g;
/** A number that may be a time: "10:00", "10.30 am", "10AM", "12 noon". Filtered in code. */
const TIME = /(?<![\w./:-])(\d{1,2})(?:([:.])(\d{2}))?(?![\d])( ?)(a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b|A\.M\.|P\.M\.|noon\b|hrs\b|h\b)?/g;

const minutes = (h: number, m: number) => (h <= 24 && m < 60 && h * 60 + m <= 24 * 60 ? h * 60 + m : undefined);

export default defineRule({
  id: 'AG026',
  name: 'time-format',
  description: 'Times in text read "10 a.m.", "3.30 p.m.", "noon": lower case with full stops and a space, no ":00", no 24-hour clock.',
  source: 'CTOC/COP/WG.3/2023/1; CMW/C/39/1; A/S-20/1 (practice)',
  category: 'editorial',
  severity: 'error',
  fixable: true,
  parameters: {},
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('The meeting will be opened at 10:00.') }),
    passing: exampleDefinition({ items: itemsWithAnnotation('The meeting will be opened at 10 a.m.') }),
  },
  check({ definition, report }) {
    for (const t of authorTexts(definition)) {
      const masked = t.masked;
      const covered: [number, number][] = [];
      for (const m of masked.matchAll(CLOCK_RANGE)) {
        const a = minutes(Number(m[1]), Number(m[2]));
        const b = minutes(Number(m[3]), Number(m[4]));
        covered.push([m.index, m.index + m[0].length]);
        const fix: TextFix | undefined = a !== undefined && b !== undefined && a < b ? { offset: m.index, length: m[0].length, replacement: en.timeRange(a, b) } : undefined;
        report({ path: t.path, offset: m.index, length: m[0].length, message: `'${m[0]}' uses the 24-hour clock`, hint: fix ? `write '${fix.replacement}'` : "write times as '10 a.m.–1 p.m.'", fix });
      }
      for (const m of masked.matchAll(TIME)) {
        if (covered.some(([s, e]) => m.index >= s && m.index < e)) continue;
        const [text, hh, sep, mm, space, suffix] = m as unknown as [string, string, string | undefined, string | undefined, string, string | undefined];
        const h = Number(hh);
        const min = mm === undefined ? 0 : Number(mm);
        const at = { path: t.path, offset: m.index, length: text.length };
        const say = (message: string, total: number | undefined) => {
          const replacement = total === undefined ? undefined : en.time(total);
          report({ ...at, message, hint: replacement ? `write '${replacement}'` : "write times as '10 a.m.', '3.30 p.m.' or 'noon'", fix: replacement ? { offset: m.index, length: text.length, replacement } : undefined });
        };
        const twelveHour = (pm: boolean) => (h >= 1 && h <= 12 ? minutes((h % 12) + (pm ? 12 : 0), min) : undefined);
        if (suffix === 'noon') {
          if (h === 12 && sep === undefined) say("'12 noon' is written 'noon'", 12 * 60);
          continue;
        }
        if (suffix === 'a.m.' || suffix === 'p.m.') {
          if ((h === 12 && min === 0) || h > 12 || h === 0) say(`'${text}' is ambiguous or impossible: write 'noon', 'midnight' or a time from 1 to 12`, undefined);
          else if (sep === ':' || mm === '00' || space === '') say(`'${text}' is not written the UN way`, twelveHour(suffix === 'p.m.'));
          continue;
        }
        if (suffix && suffix !== 'hrs' && suffix !== 'h') {
          const pm = suffix.toLowerCase().startsWith('p');
          say(`'${text}' is written with a lower-case 'a.m.' or 'p.m.' after a space`, h === 12 && min === 0 ? undefined : twelveHour(pm));
          continue;
        }
        if (sep === ':' || suffix) {
          const total = minutes(h, min);
          say(`'${text}' uses the 24-hour clock`, total !== undefined && total % (24 * 60) !== 0 ? total : undefined);
        }
      }
    }
  },
});
