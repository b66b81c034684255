import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/locale/calendar.js';
import { zh } from '../../src/locale/zh.js';
import { en } from '../../src/locale/en.js';
import { itemRole } from '../../src/normalize/outline.js';

const d = (s: string) => parseIsoDate(s)!;
const t = (h: number, m = 0) => h * 60 + m;

describe('Chinese locale (UN Chinese documents)', () => {
  it('writes dates "2023年9月11日", the weekday straight after', () => {
    expect(zh.date(d('2023-09-11'))).toBe('2023年9月11日');
    expect(zh.date(d('2007-10-11'))).toBe('2007年10月11日');
    expect(zh.dateWithWeekday(d('2007-11-19'))).toBe('2007年11月19日星期一');
    expect(zh.dayHeading(d('2023-09-12'))).toBe('9月12日星期二');
    expect(['2023-09-10', '2023-09-13', '2023-09-14', '2023-09-15', '2023-09-16'].map((s) => zh.dayHeading(d(s)).slice(-3))).toEqual(['星期日', '星期三', '星期四', '星期五', '星期六']);
  });

  it.each([
    ['2015-06-01', '2015-06-05', '2015年6月1日至5日'],
    ['2023-09-11', '2023-09-12', '2023年9月11日和12日'],
    ['2023-09-30', '2023-10-02', '2023年9月30日至10月2日'],
    ['2023-12-30', '2024-01-02', '2023年12月30日至2024年1月2日'],
  ])('date range %s to %s is "%s"', (a, b, text) => expect(zh.dateRange(d(a), d(b))).toBe(text));

  it.each([[1, '第一'], [3, '第三'], [10, '第十'], [14, '第十四'], [20, '第二十'], [21, '第二十一'], [62, '第六十二'], [78, '第七十八'], [100, '第一百'], [101, '第一百零一'], [110, '第一百一十'], [1005, '第一千零五']])(
    'ordinal %i is "%s"',
    (n, word) => expect(zh.ordinal(n)).toBe(word),
  );

  it('counts sessions with 届 and meetings with 次', () => {
    const line = (n: number, kind: string) => zh.messages.format('numberedSession', { kind, ordinal: zh.ordinal(n) });
    expect(line(14, 'meeting')).toBe('第十四次会议');
    expect(line(3, 'meeting')).toBe('第三次会议');
    expect(line(78, 'session')).toBe('第七十八届会议');
    expect(line(62, 'session')).toBe('第六十二届会议');
    expect(zh.meetingNouns).toBeUndefined();
  });

  it.each([[2, '两'], [4, '四'], [12, '十二'], [21, '二十一']])('cardinal %i is "%s"', (n, w) => expect(zh.cardinal(n)).toBe(w));

  it('writes times "上午10时", "下午3时至6时"', () => {
    expect(zh.time(t(10))).toBe('上午10时');
    expect(zh.time(t(12))).toBe('中午12时');
    expect(zh.time(t(15))).toBe('下午3时');
    expect(zh.time(t(10, 30))).toBe('上午10时30分');
    expect(zh.timeRange(t(10), t(13))).toBe('上午10时至下午1时');
    expect(zh.timeRange(t(15), t(18))).toBe('下午3时至6时');
  });

  it('labels sub-items with Latin letters "(a)" and cites them without a space', () => {
    expect([1, 2].map(zh.subItemLetter)).toEqual(['(a)', '(b)']);
    expect(zh.itemNumber(2, 2)).toBe('2(b)');
    expect(zh.messages.format('underItem', { number: zh.itemNumber(2, 1) })).toBe('临时议程项目2(a)');
    expect(zh.messages.format('itemReference', { number: zh.itemNumber(2, 2) })).toBe('项目2(b)');
  });

  it('punctuates lists with full-width marks and closes items with "。"', () => {
    expect(zh.listPunctuation).toEqual({ beforeSubItems: '：', betweenSubItems: '；', last: '。' });
    expect(zh.list(['阿拉伯文', '中文', '英文'])).toBe('阿拉伯文、中文和英文');
    expect(zh.quotes).toEqual({ open: '“', close: '”', innerOpen: '‘', innerClose: '’' });
    expect(zh.tag).toBe('zh');
    expect(zh.dir).toBe('ltr');
    expect(zh.fonts[0]).toMatchObject({ script: 'Hans', family: 'Noto Serif SC' });
  });

  it('prints its own words, and the masthead column in English', () => {
    const m = zh.messages;
    expect(m.format('unitedNations')).toBe('联合国');
    expect(m.format('jobNumber', { base: 'GE.07-63654' })).toBe('GE.07-63654 (C)');
    expect(m.format('placeAndDates', { venue: '日内瓦', dates: zh.dateRange(d('2007-11-19'), d('2007-11-23')) })).toBe('2007年11月19日至23日，日内瓦');
    expect(m.format('continuedTitle', { title: '组织事项' })).toBe('组织事项（续）');
    expect(m.format('documentTitleByKind', { kind: 'provisional_agenda_and_annotations' })).toBe('临时议程和说明');
    expect(m.format('documentTitleByKind', { kind: 'annotations_addendum' })).toBe('临时议程说明');
    expect(m.format('documentTitle')).toBe('临时议程说明');
    expect(zh.dayHeading(d('2007-11-19')) + zh.timeRange(t(10), t(13))).toBe('11月19日星期一上午10时至下午1时');
    expect(zh.mastheadColumn).toBe(en);
  });

  it.each([
    ['组织事项', 'organizational-matters'],
    ['会议开幕', 'opening'],
    ['通过议程和安排工作', 'adoption-of-agenda'],
    ['通过议程和工作安排', 'adoption-of-agenda'],
    ['任何其他事项', 'other-matters'],
    ['会议闭幕', 'closing'],
    ['通过议程', 'adoption-of-agenda'],
    ['安排工作', 'organization-of-work'],
    ['选举主席团成员', 'election-of-officers'],
    ['其他事项', 'other-matters'],
    ['通过报告', 'adoption-of-report'],
    ['核可全权证书审查报告', 'credentials'],
    ['下届会议临时议程', 'provisional-agenda-next-session'],
  ])('gives "%s" the role %s', (title, role) => expect(itemRole(title, zh.roleWordings)).toBe(role));
});
