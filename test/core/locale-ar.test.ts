import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/locale/calendar.js';
import { ar } from '../../src/locale/ar.js';
import { en } from '../../src/locale/en.js';
import { itemRole } from '../../src/normalize/outline.js';

const d = (s: string) => parseIsoDate(s)!;
const t = (h: number, m = 0) => h * 60 + m;

describe('Arabic locale (UN Arabic documents)', () => {
  it.each([
    ['2024-01-15', '15 كانون الثاني/يناير 2024'], ['2024-02-01', '1 شباط/فبراير 2024'], ['2003-03-13', '13 آذار/مارس 2003'],
    ['2024-04-02', '2 نيسان/أبريل 2024'], ['2024-05-31', '31 أيار/مايو 2024'], ['2019-06-14', '14 حزيران/يونيه 2019'],
    ['2024-07-04', '4 تموز/يوليه 2024'], ['2013-08-19', '19 آب/أغسطس 2013'], ['2023-09-11', '11 أيلول/سبتمبر 2023'],
    ['2024-10-10', '10 تشرين الأول/أكتوبر 2024'], ['2024-11-11', '11 تشرين الثاني/نوفمبر 2024'], ['2024-12-25', '25 كانون الأول/ديسمبر 2024'],
  ])('writes %s with Western digits and the paired month: "%s"', (iso, text) => expect(ar.date(d(iso))).toBe(text));

  it('writes the weekday before the date, and annex rows without the year', () => {
    expect(ar.dateWithWeekday(d('2020-09-15'))).toBe('يوم الثلاثاء، 15 أيلول/سبتمبر 2020');
    expect(ar.dateWithWeekday(d('2023-09-11'))).toBe('يوم الاثنين، 11 أيلول/سبتمبر 2023');
    expect(ar.dayHeading(d('2023-09-12'))).toBe('الثلاثاء، 12 أيلول/سبتمبر');
    expect(['2023-09-10', '2023-09-13', '2023-09-14', '2023-09-15', '2023-09-16'].map((s) => ar.dayHeading(d(s)).split('،')[0])).toEqual(['الأحد', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت']);
  });

  it.each([
    ['2013-08-19', '2013-08-23', '19–23 آب/أغسطس 2013'],
    ['2023-09-11', '2023-09-12', '11 و 12 أيلول/سبتمبر 2023'],
    ['2023-09-30', '2023-10-02', '30 أيلول/سبتمبر – 2 تشرين الأول/أكتوبر 2023'],
    ['2023-12-30', '2024-01-02', '30 كانون الأول/ديسمبر 2023 – 2 كانون الثاني/يناير 2024'],
  ])('date range %s to %s is "%s"', (a, b, text) => expect(ar.dateRange(d(a), d(b))).toBe(text));

  it.each([
    [1, 'masculine', 'الأول'], [1, 'feminine', 'الأولى'], [2, 'feminine', 'الثانية'], [10, 'masculine', 'العاشر'],
    [11, 'masculine', 'الحادي عشر'], [11, 'feminine', 'الحادية عشرة'], [12, 'feminine', 'الثانية عشرة'], [14, 'masculine', 'الرابع عشر'],
    [14, 'feminine', 'الرابعة عشرة'], [20, 'feminine', 'العشرون'], [21, 'masculine', 'الحادي والعشرون'], [21, 'feminine', 'الحادية والعشرون'],
    [71, 'feminine', 'الحادية والسبعون'], [72, 'feminine', 'الثانية والسبعون'], [74, 'feminine', 'الرابعة والسبعون'], [78, 'feminine', 'الثامنة والسبعون'],
    [78, 'masculine', 'الثامن والسبعون'], [90, 'masculine', 'التسعون'], [100, 'feminine', 'المائة'], [101, 'feminine', 'الحادية بعد المائة'],
    [119, 'feminine', 'التاسعة عشرة بعد المائة'], [120, 'feminine', 'العشرون بعد المائة'], [200, 'feminine', '200'],
  ] as const)('ordinal %i (%s) is "%s"', (n, gender, word) => expect(ar.ordinal(n, { gender })).toBe(word));

  it('puts the tens of an ordinal in the genitive when asked ("في دورتها الثامنة والسبعين")', () => {
    expect(ar.ordinal(78, { gender: 'feminine', case: 'genitive' })).toBe('الثامنة والسبعين');
    expect(ar.ordinal(14, { gender: 'masculine', case: 'genitive' })).toBe('الرابع عشر');
  });

  it('agrees the ordinal with "الاجتماع" (masculine) and "الدورة" (feminine), after the noun', () => {
    const line = (n: number, kind: 'meeting' | 'session' | 'resumed-session') =>
      ar.capitalize(ar.messages.format('numberedSession', { kind: kind.replace('-', '_'), ordinal: ar.ordinal(n, ar.meetingNouns?.[kind]) }));
    expect(line(14, 'meeting')).toBe('الاجتماع الرابع عشر');
    expect(line(74, 'session')).toBe('الدورة الرابعة والسبعون');
    expect(line(78, 'session')).toBe('الدورة الثامنة والسبعون');
    expect(line(77, 'resumed-session')).toBe('الدورة السابعة والسبعون المستأنفة');
  });

  it.each([[2, undefined, 'اثنان'], [4, undefined, 'أربعة'], [4, 'feminine', 'أربع'], [8, 'feminine', 'ثماني'], [11, 'feminine', 'إحدى عشرة'], [21, undefined, 'واحد وعشرون'], [250, undefined, '250']] as const)(
    'cardinal %i (counted noun %s) is "%s"',
    (n, gender, word) => expect(ar.cardinal(n, gender ? { gender } : undefined)).toBe(word),
  );

  it('writes times on the 24-hour clock after "الساعة" and a no-break space', () => {
    expect(ar.time(t(15))).toBe('الساعة\u00a015:00');
    expect(ar.time(t(10))).toBe('الساعة\u00a010:00');
    expect(ar.time(t(9, 30))).toBe('الساعة\u00a09:30');
    expect(ar.timeRange(t(8), t(11))).toBe('من الساعة\u00a08:00 إلى الساعة\u00a011:00');
  });

  it('labels sub-items with Arabic letters in the abjad order', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(ar.subItemLetter)).toEqual(['(أ)', '(ب)', '(ج)', '(د)', '(هـ)', '(و)', '(ز)', '(ح)', '(ط)', '(ي)']);
    expect(ar.subItemLetter(28)).toBe('(غ)');
    expect(ar.itemNumber(3, 2)).toBe('3 (ب)');
    expect(ar.itemNumber(2, 1, 1)).toBe("2 (أ) '1'");
    expect(ar.messages.format('underItem', { number: ar.itemNumber(3, 2) })).toBe('البند 3 (ب) من جدول الأعمال المؤقت');
  });

  it('punctuates lists with the Arabic semicolon and joins with "و"', () => {
    expect(ar.listPunctuation).toEqual({ beforeSubItems: ':', betweenSubItems: '؛', last: '.' });
    expect(ar.list(['الإسبانية', 'الإنكليزية', 'الروسية'])).toBe('الإسبانية والإنكليزية والروسية');
    expect(ar.quotes).toMatchObject({ open: '\u201D', close: '\u201C' });
    expect(ar.dir).toBe('rtl');
    expect(ar.tag).toBe('ar');
    expect(ar.fonts[0]).toMatchObject({ script: 'Arab', family: 'Amiri' });
  });

  it('prints its own words, and the masthead column in English', () => {
    const m = ar.messages;
    expect(m.format('unitedNations')).toBe('الأمم المتحدة');
    expect(m.format('jobNumber', { base: '20-09399' })).toBe('20-09399 (A)');
    expect(m.format('agendaItemReference', { number: '7' })).toBe('البند 7 من جدول الأعمال');
    expect(m.format('placeAndDates', { venue: 'نيويورك', dates: ar.dateRange(d('2013-08-19'), d('2013-08-23')) })).toBe('نيويورك، 19–23 آب/أغسطس 2013');
    expect(m.format('annex')).toBe('المرفق');
    expect(m.format('continuedTitle', { title: 'المسائل التنظيمية' })).toBe('المسائل التنظيمية (تابع)');
    expect(m.format('paragraphLabel', { number: 1 })).toBe('1 -');
    expect(ar.mastheadColumn).toBe(en);
  });

  it.each([
    ['المسائل التنظيمية', 'organizational-matters'],
    ['افتتاح الاجتماع', 'opening'],
    ['إقرار جدول الأعمال وتنظيم الأعمال', 'adoption-of-agenda'],
    ['إقرار جدول الأعمال ومسائل تنظيمية أخرى', 'adoption-of-agenda'],
    ['تنظيم الأعمال', 'organization-of-work'],
    ['انتخاب أعضاء المكتب', 'election-of-officers'],
    ['مسائل أخرى', 'other-matters'],
    ['اعتماد التقرير', 'adoption-of-report'],
    ['جدول الأعمال المؤقت للدورة المقبلة', 'provisional-agenda-next-session'],
    ['تقرير لجنة وثائق التفويض', 'credentials'],
    ['اختتام الدورة', 'closing'],
  ])('gives "%s" the role %s', (title, role) => expect(itemRole(title, ar.roleWordings)).toBe(role));
});
