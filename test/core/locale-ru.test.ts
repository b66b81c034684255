import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/locale/calendar.js';
import { ru } from '../../src/locale/ru.js';
import { en } from '../../src/locale/en.js';
import { itemRole } from '../../src/normalize/outline.js';

const d = (s: string) => parseIsoDate(s)!;
const t = (h: number, m = 0) => h * 60 + m;
const S = '\u00A0';

describe('Russian locale (UN Russian documents)', () => {
  it.each([
    [1, 'neuter', 'первое'], [2, 'feminine', 'вторая'], [3, 'feminine', 'третья'], [3, 'neuter', 'третье'], [3, 'masculine', 'третий'],
    [4, 'feminine', 'четвертая'], [6, 'feminine', 'шестая'], [7, 'neuter', 'седьмое'], [14, 'neuter', 'четырнадцатое'],
    [20, 'feminine', 'двадцатая'], [21, 'neuter', 'двадцать первое'], [40, 'neuter', 'сороковое'], [42, 'feminine', 'сорок вторая'],
    [66, 'feminine', 'шестьдесят шестая'], [78, 'feminine', 'семьдесят восьмая'], [90, 'masculine', 'девяностый'], [100, 'feminine', 'сотая'],
    [101, 'neuter', 'сто первое'],
  ] as const)('ordinal %i (%s) is "%s"', (n, gender, word) => expect(ru.ordinal(n, { gender })).toBe(word));

  it('inflects the ordinal by case', () => {
    expect(ru.ordinal(14, { gender: 'neuter', case: 'prepositional' })).toBe('четырнадцатом');
    expect(ru.ordinal(78, { gender: 'feminine', case: 'genitive' })).toBe('семьдесят восьмой');
    expect(ru.ordinal(3, { gender: 'feminine', case: 'prepositional' })).toBe('третьей');
    expect(ru.ordinal(2, { gender: 'masculine', case: 'instrumental' })).toBe('вторым');
  });

  it('agrees the ordinal with "совещание" (neuter) and "сессия" (feminine)', () => {
    const line = (n: number, kind: 'meeting' | 'session') =>
      ru.capitalize(ru.messages.format('numberedSession', { kind, case: 'nominative', ordinal: ru.ordinal(n, ru.meetingNouns?.[kind]) }));
    expect(line(14, 'meeting')).toBe('Четырнадцатое совещание');
    expect(line(6, 'session')).toBe('Шестая сессия');
    expect(line(78, 'session')).toBe('Семьдесят восьмая сессия');
  });

  it.each([[2, 'два'], [4, 'четыре'], [21, 'двадцать один'], [2000, 'две тысячи'], [5000, 'пять тысяч'], [21_000, 'двадцать одна тысяча']])('cardinal %i is "%s"', (n, w) =>
    expect(ru.cardinal(n)).toBe(w),
  );

  it('writes dates "11 сентября 2023 года"', () => {
    expect(ru.date(d('2023-09-11'))).toBe('11 сентября 2023 года');
    expect(ru.date(d('2023-09-01'))).toBe('1 сентября 2023 года');
    expect(ru.dateWithWeekday(d('2023-09-11'))).toBe('понедельник, 11 сентября 2023 года');
    expect(ru.dayHeading(d('2023-09-12'))).toBe('Вторник, 12 сентября');
  });

  it.each([
    ['2023-09-11', '2023-09-12', '11 и 12 сентября 2023 года'],
    ['2015-06-01', '2015-06-05', '1–5 июня 2015 года'],
    ['2023-09-30', '2023-10-02', '30 сентября – 2 октября 2023 года'],
    ['2023-12-30', '2024-01-02', '30 декабря 2023 года – 2 января 2024 года'],
  ])('date range %s to %s is "%s"', (a, b, text) => expect(ru.dateRange(d(a), d(b))).toBe(text));

  it('writes times "10 ч 00 м"', () => {
    expect(ru.time(t(10))).toBe(`10${S}ч${S}00${S}м`);
    expect(ru.time(t(12))).toBe(`12${S}ч${S}00${S}м`);
    expect(ru.time(t(9, 30))).toBe(`9${S}ч${S}30${S}м`);
    expect(ru.timeRange(t(10), t(13))).toBe(`10${S}ч${S}00${S}м – 13${S}ч${S}00${S}м`);
  });

  it('labels sub-items with Latin letters "a)" and closes items without a full stop', () => {
    expect([1, 2].map(ru.subItemLetter)).toEqual(['a)', 'b)']);
    expect(ru.itemNumber(1, 2)).toBe('1 b)');
    expect(ru.listPunctuation).toEqual({ beforeSubItems: ':', betweenSubItems: ';', last: '' });
    expect(ru.quotes).toEqual({ open: '«', close: '»', innerOpen: '„', innerClose: '“' });
  });

  it('prints its own words, and the masthead column in English', () => {
    const m = ru.messages;
    expect(m.format('unitedNations')).toBe('Организация Объединенных Наций');
    expect(m.format('documentTitle')).toBe('Аннотированная предварительная повестка дня');
    expect(m.format('provisionalAgenda')).toBe('Предварительная повестка дня');
    expect(m.format('jobNumber', { base: 'V.15-01968' })).toBe('V.15-01968 (R)');
    expect(m.source('continuedTitle')).toBe('{title} (<em>продолжение</em>)');
    expect(ru.mastheadColumn).toBe(en);
    expect(ru.upperCase('русский')).toBe('РУССКИЙ');
  });

  it.each([
    ['Организационные вопросы', 'organizational-matters'],
    ['открытие сессии', 'opening'],
    ['утверждение повестки дня и организация работы', 'adoption-of-agenda'],
    ['Выборы должностных лиц', 'election-of-officers'],
    ['Прочие вопросы', 'other-matters'],
    ['Утверждение доклада', 'adoption-of-report'],
    ['Предварительная повестка дня следующей сессии', 'provisional-agenda-next-session'],
  ])('the title "%s" gives the role %s', (title, role) => expect(itemRole(title, ru.roleWordings)).toBe(role));
});
