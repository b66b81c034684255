import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/locale/calendar.js';
import { fr } from '../../src/locale/fr.js';
import { itemRole } from '../../src/normalize/outline.js';

const d = (s: string) => parseIsoDate(s)!;
const t = (h: number, m = 0) => h * 60 + m;
const N = '\u202F'; // narrow no-break space
const S = '\u00A0'; // no-break space
const F = { gender: 'feminine' } as const;

describe('French locale (UN French documents)', () => {
  it.each([
    [1, 'première'], [2, 'deuxième'], [3, 'troisième'], [4, 'quatrième'], [5, 'cinquième'], [9, 'neuvième'], [10, 'dixième'], [11, 'onzième'],
    [14, 'quatorzième'], [16, 'seizième'], [17, 'dix-septième'], [20, 'vingtième'], [21, 'vingt et unième'], [22, 'vingt-deuxième'],
    [39, 'trente-neuvième'], [49, 'quarante-neuvième'], [61, 'soixante et unième'], [70, 'soixante-dixième'], [71, 'soixante et onzième'],
    [77, 'soixante-dix-septième'], [78, 'soixante-dix-huitième'], [80, 'quatre-vingtième'], [81, 'quatre-vingt-unième'],
    [90, 'quatre-vingt-dixième'], [91, 'quatre-vingt-onzième'], [99, 'quatre-vingt-dix-neuvième'], [100, 'centième'],
  ])('ordinal %i before a feminine noun is "%s"', (n, word) => expect(fr.ordinal(n, F)).toBe(word));

  it('agrees "premier" with the noun and capitalizes the session line', () => {
    expect(fr.ordinal(1, { gender: 'masculine' })).toBe('premier');
    expect(fr.ordinal(1)).toBe('premier');
    expect(fr.meetingNouns?.meeting).toEqual(F);
    expect(fr.capitalize(`${fr.ordinal(49, fr.meetingNouns?.session)} session`)).toBe('Quarante-neuvième session');
    expect(fr.capitalize(`${fr.ordinal(1, fr.meetingNouns?.meeting)} réunion`)).toBe('Première réunion');
  });

  it.each([[2, 'deux'], [4, 'quatre'], [21, 'vingt et un'], [71, 'soixante et onze'], [80, 'quatre-vingts'], [200, 'deux cents'], [201, 'deux cent un'], [80_000, 'quatre-vingt mille']])(
    'cardinal %i is "%s"',
    (n, word) => expect(fr.cardinal(n)).toBe(word),
  );

  it('writes dates with "1er" and lower-case weekdays, and capitalizes the annex day rows', () => {
    expect(fr.date(d('2023-06-14'))).toBe('14 juin 2023');
    expect(fr.date(d('2023-09-01'))).toBe('1er septembre 2023');
    expect(fr.dateWithWeekday(d('2023-09-11'))).toBe('lundi 11 septembre 2023');
    expect(fr.dateWithWeekday(d('2023-09-01'))).toBe('vendredi 1er septembre 2023');
    expect(fr.dayHeading(d('2023-09-12'))).toBe('Mardi 12 septembre');
    expect(fr.dayHeading(d('2024-02-01'))).toBe('Jeudi 1er février');
  });

  it.each([
    ['2023-09-11', '2023-09-11', '11 septembre 2023'],
    ['2023-09-11', '2023-09-12', '11 et 12 septembre 2023'],
    ['2021-07-12', '2021-07-15', '12–15 juillet 2021'],
    ['2015-06-01', '2015-06-05', '1er–5 juin 2015'],
    ['2023-09-30', '2023-10-02', '30 septembre–2 octobre 2023'],
    ['2023-12-30', '2024-01-02', '30 décembre 2023–2 janvier 2024'],
  ])('date range %s to %s is "%s"', (a, b, text) => expect(fr.dateRange(d(a), d(b))).toBe(text));

  it('writes times on the 24-hour clock with "heures"', () => {
    expect(fr.time(t(10))).toBe(`10${S}heures`);
    expect(fr.time(t(15))).toBe(`15${S}heures`);
    expect(fr.time(t(10, 30))).toBe(`10${S}h${S}30`);
    expect(fr.time(t(12))).toBe('midi');
    expect(fr.time(t(1))).toBe(`1${S}heure`);
    expect(fr.timeRange(t(10), t(13))).toBe(`10${S}heures–13${S}heures`);
    expect(fr.timeRange(t(10), t(12))).toBe(`10${S}heures–midi`);
  });

  it('labels sub-items "a)" and cites them "1 a)", "2 a) i)"', () => {
    expect([1, 2, 27].map(fr.subItemLetter)).toEqual(['a)', 'b)', 'aa)']);
    expect(fr.subSubItemLabel(4)).toBe('iv)');
    expect(fr.itemNumber(1, 2)).toBe('1 b)');
    expect(fr.itemNumber(2, 1, 1)).toBe('2 a) i)');
  });

  it('puts a narrow no-break space before high punctuation and inside « »', () => {
    expect(fr.listPunctuation).toEqual({ beforeSubItems: `${N}:`, betweenSubItems: `${N};`, last: '.' });
    expect(fr.quotes.open + 'x' + fr.quotes.close).toBe(`«${N}x${N}»`);
    expect(fr.messages.format('original', { language: fr.languageNames.en })).toBe(`Original${N}: anglais`);
    expect(fr.messages.format('metaTitle', { symbol: 'A/1', title: 'T' })).toBe(`A/1${N}: T`);
  });

  it('prints the masthead, titles and annex words of UN French documents', () => {
    const m = fr.messages;
    expect(m.format('unitedNations')).toBe('Nations Unies');
    expect(m.format('distribution', { distribution: 'general' })).toBe('Distr. générale');
    expect(m.format('distribution', { distribution: 'limited' })).toBe('Distr. limitée');
    expect(m.format('jobNumber', { base: 'V.23-11234' })).toBe('V.23-11234 (F)');
    expect(m.format('documentTitle')).toBe('Ordre du jour provisoire annoté');
    expect(m.format('provisionalAgenda')).toBe('Ordre du jour provisoire');
    expect(m.format('underItem', { number: '2' })).toBe('Point 2 de l’ordre du jour provisoire');
    expect(m.format('organizationOfWork')).toBe('Projet d’organisation des travaux');
    expect(m.format('annex')).toBe('Annexe');
    expect(m.format('numberedSession', { kind: 'meeting', ordinal: 'quatorzième' })).toBe('quatorzième réunion');
    expect(m.format('numberedSession', { kind: 'resumed_session', ordinal: 'soixante-dix-septième' })).toBe('reprise de la soixante-dix-septième session');
    expect(m.format('principalOrgan', { series: 'A' })).toBe('Assemblée générale');
    expect(fr.list(['anglais', 'espagnol', 'français'])).toBe('anglais, espagnol et français');
    expect(fr.upperCase('anglais')).toBe('ANGLAIS');
  });

  it.each([
    ['Questions d’organisation', 'organizational-matters'],
    ["Questions d'organisation", 'organizational-matters'],
    ['Ouverture de la réunion', 'opening'],
    ['Adoption de l’ordre du jour et organisation des travaux', 'adoption-of-agenda'],
    ['Élection du Bureau', 'election-of-officers'],
    ['Questions diverses', 'other-matters'],
    ['Adoption du rapport', 'adoption-of-report'],
    ['Ordre du jour provisoire de la prochaine session', 'provisional-agenda-next-session'],
    ['Rapport de la Commission de vérification des pouvoirs', 'credentials'],
  ])('the title "%s" gives the role %s', (title, role) => expect(itemRole(title, fr.roleWordings)).toBe(role));
});
