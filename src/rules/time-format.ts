import { en } from '../locale/en.js';
import { exampleDefinition, itemsWithAnnotation } from './example-definition.js';
import { defineRule, type TextFix } from './types.js';
import { hasFigure } from './text.js';

/** "10:00-13:00" in text: the whole range is rewritten so that a shared suffix is shared ("3–6 p.m."). */
const CLOCK_RANGE = /(?<![\w./:])(\d{1,2}):(\d{2}) ?[-–] ?(\d{1,2}):(\d{2})(?![\w:])/g;
/**
 * A number that may be a time: "10:00", "10.30 am", "10AM", "12 noon". Filtered in code.
 * The space before a suffix belongs to the match only when a suffix follows it.
 */
const TIME = /(?<![\w./:-])(\d{1,2})(?:([:.])(\d{2}))?(?![\d])(?:( ?)(a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b|A\.M\.|P\.M\.|noon\b|hrs\b|h\b))?/g;

/**
 * "3:15" is a ratio, not a time, when a word of voting or proportion stands right
 * before it ("split 3:15", "a majority of 2:1") or right after it ("by 3:15 votes",
 * "12:3 against"), or when it continues with another colon ("1:2:3"). Anywhere else
 * two groups of digits joined by a colon are read as a time of day.
 */
const RATIO_BEFORE = /\b(?:ratios?|split|scored?|scores|majority|margin|votes?|voted|tally|odds|proportions?)\s+$/i;
const RATIO_AFTER = /^(?:\s+(?:votes?|against|majority|ratio|split|in\s+favou?r)\b|:\d)/i;
/**
 * A bare "h:mm" is certainly a time only after a word that introduces one ("at 10:00",
 * "from 10:00", "until 13:00"). Anywhere else ("a vote of 3:15", "the ratio of 3:15 was
 * kept", "by 3:15") it may be a ratio or a score: it is reported, but --fix leaves it.
 */
const TIME_BEFORE = /\b(?:at|from|until|till|to|between)\s+$/i;
/** The second time of "between 9:30 and 10:00" (or "between 9.30 a.m. and 10:00"). */
const SECOND_OF_BETWEEN = /\bbetween\s+\d{1,2}[.:]\d{2}(?:\s*[ap]\.m\.)?\s+and\s+$/i;

function isRatio(masked: string, start: number, end: number): boolean {
  return RATIO_BEFORE.test(masked.slice(Math.max(0, start - 16), start)) || RATIO_AFTER.test(masked.slice(end, end + 16));
}

const minutes = (h: number, m: number) => (h <= 24 && m < 60 && h * 60 + m <= 24 * 60 ? h * 60 + m : undefined);

/**
 * A fix of `length` characters at `offset` whose replacement ends a sentence with
 * "a.m." or "p.m." also takes the sentence's own full stop, so that "at 10:00." becomes
 * "at 10 a.m." and not "at 10 a.m..": the reported range grows by that full stop.
 */
function absorbFullStop(masked: string, offset: number, length: number, replacement: string | undefined): number {
  // A time that already ends in a full stop ("10.00 a.m..") has its own: the next one is the author's.
  return replacement?.endsWith('.') && masked[offset + length] === '.' && masked[offset + length - 1] !== '.' ? length + 1 : length;
}

export default defineRule({
  id: 'AG026',
  name: 'time-format',
  description: 'Times in text read "10 a.m.", "3.30 p.m.", "noon": lower case with full stops and a space, no ":00", no 24-hour clock. "3:15" after or before a word of voting or proportion ("split 3:15", "3:15 votes") is a ratio, not a time. --fix rewrites only what is certainly a time: a time with a suffix ("10 AM", "15 h"), a range ("10:00-13:00"), or a bare "10:00" right after "at", "from", "until", "till", "to" or "between" (and the second time of "between 9:30 and 10:00"); any other bare "3:15" is reported but left, since it may be a ratio or a score.',
  source: 'CTOC/COP/WG.3/2023/1; CMW/C/39/1; A/S-20/1 (practice)',
  category: 'editorial',
  languages: ['en'],
  severity: 'error',
  fixable: true,
  parameters: {},
  messages: {
    twentyFourHour: "'{text}' uses the 24-hour clock",
    noon: "'12 noon' is written 'noon'",
    ambiguous: "'{text}' is ambiguous or impossible: write 'noon', 'midnight' or a time from 1 to 12",
    notUnWay: "'{text}' is not written the UN way",
    suffixCase: "'{text}' is a time, but not written with a lower-case 'a.m.' or 'p.m.' after a space",
    maybeTime: "'{text}' reads as a time on the 24-hour clock",
  },
  hints: {
    replacement: "write '{replacement}'",
    range: "write times as '10 a.m.–1 p.m.'",
    time: "write times as '10 a.m.', '3.30 p.m.' or 'noon'",
    maybeTime: "if this is a time, write '{written}'; a ratio or a score may stay",
    maybeMidnight: "if this is a time, write 'noon' or 'midnight'; a ratio or a score may stay",
  },
  examples: {
    failing: exampleDefinition({ items: itemsWithAnnotation('The meeting will be opened at 10:00.') }),
    passing: exampleDefinition({ items: itemsWithAnnotation('The meeting will be opened at 10 a.m.') }),
  },
  check({ model, report }) {
    for (const t of model.sources.texts) {
      const masked = t.masked;
      if (!hasFigure(masked)) continue; // both patterns have figures
      const covered: [number, number][] = [];
      for (const m of masked.matchAll(CLOCK_RANGE)) {
        covered.push([m.index, m.index + m[0].length]);
        if (isRatio(masked, m.index, m.index + m[0].length)) continue;
        const a = minutes(Number(m[1]), Number(m[2]));
        const b = minutes(Number(m[3]), Number(m[4]));
        const replacement = a !== undefined && b !== undefined && a < b ? en.timeRange(a, b) : undefined;
        const length = absorbFullStop(masked, m.index, m[0].length, replacement);
        const fix: TextFix | undefined = replacement === undefined ? undefined : { offset: m.index, length, replacement };
        report({ path: t.origin.path, offset: m.index, length, messageId: 'twentyFourHour', data: { text: m[0], ...(replacement === undefined ? {} : { replacement }) }, hintId: fix ? 'replacement' : 'range', fix });
      }
      let next = 0; // the first range of `covered` that may still hold a match (both in text order)
      for (const m of masked.matchAll(TIME)) {
        while (next < covered.length && covered[next]![1] <= m.index) next++;
        if (next < covered.length && m.index >= covered[next]![0]) continue;
        const [text, hh, sep, mm, space = '', suffix] = m as unknown as [string, string, string | undefined, string | undefined, string | undefined, string | undefined];
        const h = Number(hh);
        const min = mm === undefined ? 0 : Number(mm);
        const say = (messageId: 'twentyFourHour' | 'noon' | 'ambiguous' | 'notUnWay' | 'suffixCase', total: number | undefined) => {
          const replacement = total === undefined ? undefined : en.time(total);
          const length = absorbFullStop(masked, m.index, text.length, replacement);
          report({ path: t.origin.path, offset: m.index, length, messageId, data: { text, ...(replacement ? { replacement } : {}) }, hintId: replacement ? 'replacement' : 'time', fix: replacement ? { offset: m.index, length, replacement } : undefined });
        };
        const twelveHour = (pm: boolean) => (h >= 1 && h <= 12 ? minutes((h % 12) + (pm ? 12 : 0), min) : undefined);
        if (suffix === 'noon') {
          if (h === 12 && sep === undefined) say('noon', 12 * 60);
          continue;
        }
        if (suffix === 'a.m.' || suffix === 'p.m.') {
          if ((h === 12 && min === 0) || h > 12 || h === 0) say('ambiguous', undefined);
          else if (sep === ':' || mm === '00' || space === '') say('notUnWay', twelveHour(suffix === 'p.m.'));
          continue;
        }
        if (suffix && suffix !== 'hrs' && suffix !== 'h') {
          const pm = suffix.toLowerCase().startsWith('p');
          say('suffixCase', h === 12 && min === 0 ? undefined : twelveHour(pm));
          continue;
        }
        if (sep === ':' && !suffix) {
          // Not a plausible time of day ("3:75", "30:15"), or a ratio in its context: not a time.
          if (minutes(h, min) === undefined || isRatio(masked, m.index, m.index + text.length)) continue;
          if (!TIME_BEFORE.test(masked.slice(Math.max(0, m.index - 12), m.index)) && !SECOND_OF_BETWEEN.test(masked.slice(Math.max(0, m.index - 40), m.index))) {
            // Perhaps a time, perhaps a ratio or a score: said, never rewritten.
            const total = minutes(h, min)!;
            const written = total % (24 * 60) !== 0 ? en.time(total) : undefined;
            report({ path: t.origin.path, offset: m.index, length: text.length, messageId: 'maybeTime', data: { text, ...(written ? { written } : {}) }, hintId: written ? 'maybeTime' : 'maybeMidnight' });
            continue;
          }
        }
        if (sep === ':' || suffix) {
          const total = minutes(h, min);
          say('twentyFourHour', total !== undefined && total % (24 * 60) !== 0 ? total : undefined);
        }
      }
    }
  },
});
