import { messagesOf } from '../generated/messages.js';
import { weekday } from './calendar.js';
import { Catalogue, type CompiledMessage } from './catalogue.js';
import { subItemLabels } from './labels.js';
import { en } from './en.js';
import { CHINESE_ROLE_WORDINGS } from './role-wordings.js';
import type { CalendarDate, Locale, MessageId, TimeOfDay } from './types.js';

/**
 * The Chinese locale, as United Nations Chinese documents set it.
 *
 * Sources (verified with published documents; "not verified" where none was found):
 * - UNEP/POPS/POPRC.3/1/Add.1 (Chinese, 2007, annotations to the provisional agenda): "联合国";
 *   the masthead's right column in English ("Distr.: General", "11 October 2007", "Chinese",
 *   "Original: English"); "第三次会议" (次 for meetings); "2007年11月19-23日，日内瓦" (the dates
 *   before the place); "临时议程说明"; "项目2(b)" (Latin letters, no space before the
 *   parenthesis); "(a) 通过议程"; "2007年11月19日星期一上午10时" (the weekday straight after the
 *   date, "上午10时").
 * - FCCC/KP/CMP/2007/1 (Chinese): "Distr. GENERAL", "CHINESE", "Original: ENGLISH" (the older
 *   masthead, in English); "第三届会议" (届 for sessions); "临时议程和说明"; "临时议程项目2(a)";
 *   the list "1. 会议开幕", "2. 组织事项：(a) 通过议程；… (d) 核可全权证书审查报告" (full-width
 *   colon and semicolon, no full stop after an item or its last sub-item); job number "(C)".
 * - A/70/46 in English and Chinese (conferences2.unite.un.org, MultiLanguageAlignment.bitext):
 *   "第六十二届会议", "2015年6月1日至5日" (至 in ranges), "2015年，纽约".
 * - A/AC.291/11 (Chinese, 2022, an annotated provisional agenda of a body served from Vienna,
 *   aligned with the English in the UN parallel corpus): "临时议程说明" is the title of the
 *   annotated provisional agenda, "临时议程" its first heading, "说明" the second; items close
 *   with a full stop ("1. 会议开幕。", "2. 通过议程和工作安排。", "10. 任何其他事项。", "11. 通过报告。",
 *   "12. 会议闭幕。"); two days "2022年6月13日和14日".
 * - The Journal of the United Nations in Chinese (November 2007, aligned with the English):
 *   "11月19日星期一上午10时至下午1时", "11月19日星期一下午3时至6时" (ranges, the half of the day said
 *   once when both ends share it; the day without the year).
 * - Chinese numerals for ordinals ("第十四", "第七十八", "一百零一"): Chinese grammar as UN
 *   Chinese writes session and meeting numbers; numbers above 100 in UN documents: not verified.
 * - A range across months "2023年9月30日至10月2日", noon "中午12时", minutes "上午10时30分", the
 *   third level "(i)", quotation marks “ ” and ‘ ’, "（续）", the annex words: not verified.
 * - The tag is "zh", not "zh-Hans": the UN issues Chinese in simplified characters only and
 *   names the version "zh" (undocs.org/zh/…), and the tag also serves as the language's code
 *   (rules/engine.ts, core/emblem.ts compare it with "zh").
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** "十四", "二十一", "七十八", "一百零一", "一千零五": Chinese numerals below 10,000. */
function numeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const units: [number, string][] = [[1000, '千'], [100, '百'], [10, '十']];
  let out = '';
  let rest = n;
  let zero = false;
  for (const [value, name] of units) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d) {
      if (zero) out += '零';
      out += DIGITS[d]! + name;
      zero = false;
    } else if (out) zero = true;
  }
  if (rest) out += (zero ? '零' : '') + DIGITS[rest];
  return out;
}

/** "第十四", "第七十八": the ordinal; the counter (届, 次) is the message's ("第七十八届会议"). */
function ordinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n >= 10_000) return String(n);
  return `第${numeral(n)}`;
}

/** "四", "两" (before a measure word: "两天", "举行四次全体会议"), "十二". */
function cardinal(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10_000) return String(n);
  return n === 2 ? '两' : numeral(n);
}

/** "阿拉伯文、中文和英文": the enumeration comma, "和" before the last. */
function list(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join('、')}和${parts[parts.length - 1]}`;
}

const date = (d: CalendarDate) => `${d.year}年${d.month}月${d.day}日`;
export const CHINESE_WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function dateRange(a: CalendarDate, b: CalendarDate): string {
  if (a.year === b.year && a.month === b.month && a.day === b.day) return date(a);
  if (a.year === b.year && a.month === b.month) return `${date(a)}${b.day - a.day === 1 ? '和' : '至'}${b.day}日`;
  if (a.year === b.year) return `${date(a)}至${b.month}月${b.day}日`;
  return `${date(a)}至${date(b)}`;
}

/** "上午10时", "下午3时", "中午12时", "上午10时30分": the 12-hour clock with its half of the day. */
const hourOf = (t: TimeOfDay) => {
  const h = Math.floor(t / 60) % 24;
  return h % 12 === 0 ? 12 : h % 12;
};
const halfOf = (t: TimeOfDay) => (t % (24 * 60) === 12 * 60 ? '中午' : t % (24 * 60) < 12 * 60 ? (t % (24 * 60) === 0 ? '午夜' : '上午') : '下午');
const clock = (t: TimeOfDay) => `${hourOf(t)}时${t % 60 ? `${String(t % 60).padStart(2, '0')}分` : ''}`;
const time = (t: TimeOfDay) => `${halfOf(t)}${clock(t)}`;
/** "上午10时至下午1时"; the half is said once when both ends share it: "下午3时至6时". */
const timeRange = (start: TimeOfDay, end: TimeOfDay) => `${time(start)}至${halfOf(start) === halfOf(end) && halfOf(start) !== '中午' ? clock(end) : time(end)}`;

const SUB_ITEMS = { open: '(', close: ')', alphabet: 'abcdefghijklmnopqrstuvwxyz' };

export const zh: Locale = {
  tag: 'zh',
  dir: 'ltr',
  messages: new Catalogue('zh', () => messagesOf('zh') as Record<MessageId, CompiledMessage>),
  languageNames: { ar: '阿拉伯文', zh: '中文', en: '英文', fr: '法文', ru: '俄文', es: '西班牙文' },
  // The order of the English names: "阿拉伯文、中文、英文、法文、俄文和西班牙文" (rules of procedure of the General Assembly, rule 51, Chinese text).
  languageOrder: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
  // "组织事项：", "(a) 通过议程；" (FCCC/KP/CMP/2007/1); "1. 会议开幕。", "11. 通过报告。" (A/AC.291/11, 2022:
  // the current form; FCCC/KP/CMP/2007/1 closed items with no full stop).
  listPunctuation: { beforeSubItems: '：', betweenSubItems: '；', last: '。' },
  roleWordings: CHINESE_ROLE_WORDINGS,
  jointSymbolSeparator: ' – ',
  quotes: { open: '\u201C', close: '\u201D', innerOpen: '\u2018', innerClose: '\u2019' },
  subItemStyle: SUB_ITEMS,
  pageCounter: '{page}/{pages}',
  // Noto Serif SC: not installed yet; named for HTML.
  fonts: [{ script: 'Hans', family: 'Noto Serif SC', fallbacks: ['SimSun', 'Songti SC', 'Source Han Serif SC', 'serif'] }],
  ordinal,
  cardinal,
  capitalize: (text) => text,
  list,
  ...subItemLabels(SUB_ITEMS, ''),
  // "项目2(b)": no space before the letter (UNEP/POPS/POPRC.3/1/Add.1, FCCC/KP/CMP/2007/1).
  upperCase: (text) => text,
  date,
  dateWithWeekday: (d) => `${date(d)}${CHINESE_WEEKDAYS[weekday(d)]}`,
  dayHeading: (d) => `${d.month}月${d.day}日${CHINESE_WEEKDAYS[weekday(d)]}`,
  dateRange,
  time,
  timeRange,
  mastheadColumn: en,
  placeholderForms: { 'plenary-meetings': ['counted'], days: ['counted'] },
};
