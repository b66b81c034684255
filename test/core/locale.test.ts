import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber, parseIsoDate, weekday } from '../../src/locale/calendar.js';
import { en } from '../../src/locale/en.js';

const d = (s: string) => parseIsoDate(s)!;
const t = (h: number, m = 0) => h * 60 + m;

describe('English locale', () => {
  it.each([
    [1, 'first'], [2, 'second'], [3, 'third'], [12, 'twelfth'], [14, 'fourteenth'], [20, 'twentieth'],
    [21, 'twenty-first'], [33, 'thirty-third'], [39, 'thirty-ninth'], [40, 'fortieth'], [67, 'sixty-seventh'],
    [78, 'seventy-eighth'], [100, 'one hundredth'], [101, 'one hundred and first'], [112, 'one hundred and twelfth'],
  ])('ordinal %i is "%s"', (n, word) => expect(en.ordinal(n)).toBe(word));

  it.each([[4, 'four'], [2, 'two'], [10, 'ten'], [21, 'twenty-one'], [105, 'one hundred and five']])('cardinal %i is "%s"', (n, word) =>
    expect(en.cardinal(n)).toBe(word),
  );

  it('writes dates and weekdays as the UN does', () => {
    expect(en.date(d('2023-09-11'))).toBe('11 September 2023');
    expect(en.dateWithWeekday(d('2023-09-11'))).toBe('Monday, 11 September 2023');
    expect(en.dayHeading(d('2023-09-12'))).toBe('Tuesday, 12 September');
    expect(en.dateWithWeekday(d('2024-02-29'))).toBe('Thursday, 29 February 2024');
  });

  it('counts weekdays in the proleptic Gregorian calendar for every year the schema accepts (0000 to 9999)', () => {
    // Date.UTC reads years 0 to 99 as 1900 to 1999: 0001-01-01 came out a Tuesday (as 1901-01-01).
    expect(en.dateWithWeekday(d('0001-01-01'))).toBe('Monday, 1 January 1');
    expect(en.dayHeading(d('0099-12-31'))).toBe('Thursday, 31 December');
    expect(en.dayHeading(d('0100-01-01'))).toBe('Friday, 1 January');
    expect(en.dayHeading(d('0000-02-29'))).toBe('Tuesday, 29 February');
    expect(en.dayHeading(d('9999-12-31'))).toBe('Friday, 31 December');
    expect(parseIsoDate('0100-02-29')).toBeUndefined(); // 100 is not a leap year
    expect(dayNumber(d('1970-01-01'))).toBe(0);
    expect(dayNumber(d('0001-01-01'))).toBe(-719_162);
    expect(dayNumber(d('0001-01-01')) - dayNumber(d('0000-12-31'))).toBe(1);
    expect(fromDayNumber(dayNumber(d('0000-12-31')) + 1)).toEqual(d('0001-01-01'));
    expect(fromDayNumber(dayNumber(d('0099-12-31')) + 1)).toEqual(d('0100-01-01'));
    // Against Date where it is right: from 0100 on, and with setUTCFullYear below that.
    for (const iso of ['0050-06-15', '0004-02-29', '1600-02-29', '1945-06-26', '2024-02-29']) {
      const at = new Date(0);
      at.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8)));
      expect(dayNumber(d(iso)), iso).toBe(at.getTime() / 86_400_000);
      expect(weekday(d(iso)), iso).toBe(at.getUTCDay());
    }
  });

  it.each([
    ['2023-09-11', '2023-09-11', '11 September 2023'],
    ['2023-09-11', '2023-09-12', '11 and 12 September 2023'],
    ['2018-10-15', '2018-10-19', '15–19 October 2018'],
    ['2023-09-30', '2023-10-02', '30 September–2 October 2023'],
    ['2023-12-30', '2024-01-02', '30 December 2023–2 January 2024'],
  ])('date range %s to %s is "%s"', (a, b, text) => expect(en.dateRange(d(a), d(b))).toBe(text));

  it.each([
    [t(10), '10 a.m.'], [t(10, 30), '10.30 a.m.'], [t(12), 'noon'], [t(15), '3 p.m.'], [t(0), 'midnight'], [t(12, 30), '12.30 p.m.'],
  ])('time %i is "%s"', (time, text) => expect(en.time(time)).toBe(text));

  it.each([
    [t(10), t(13), '10 a.m.–1 p.m.'],
    [t(15), t(18), '3–6 p.m.'],
    [t(9, 30), t(11), '9.30–11 a.m.'],
    [t(10), t(12), '10 a.m.–noon'],
    [t(12), t(15), 'noon–3 p.m.'],
  ])('time range %i–%i is "%s"', (a, b, text) => expect(en.timeRange(a, b)).toBe(text));

  it('letters sub-items and cites them with a space before the parenthesis', () => {
    expect([1, 2, 26, 27].map(en.subItemLetter)).toEqual(['(a)', '(b)', '(z)', '(aa)']);
    expect(en.itemNumber(1, 2)).toBe('1 (b)');
    expect(en.itemNumber(5)).toBe('5');
  });

  it('lists languages with "and"', () => {
    expect(en.messages.format('languagesOnly', { languages: en.list(['English', 'French', 'Spanish']) })).toBe('English, French and Spanish only');
  });
});
