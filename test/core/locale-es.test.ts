import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/locale/calendar.js';
import { es } from '../../src/locale/es.js';
import { itemRole } from '../../src/normalize/outline.js';

const d = (s: string) => parseIsoDate(s)!;
const t = (h: number, m = 0) => h * 60 + m;
const F = { gender: 'feminine' } as const;
const M = { gender: 'masculine' } as const;

describe('Spanish locale (UN Spanish documents)', () => {
  it.each([
    [1, 'primera'], [3, 'tercera'], [6, 'sexta'], [10, 'décima'], [11, 'undécima'], [12, 'duodécima'], [13, 'decimotercera'],
    [14, 'decimocuarta'], [17, 'decimoséptima'], [18, 'decimoctava'], [20, 'vigésima'], [21, 'vigésima primera'], [32, 'trigésima segunda'],
    [78, 'septuagésima octava'], [99, 'nonagésima novena'], [100, 'centésima'],
  ])('ordinal %i before a feminine noun ("reunión") is "%s"', (n, word) => expect(es.ordinal(n, F)).toBe(word));

  it.each([
    [1, 'primer'], [3, 'tercer'], [6, 'sexto'], [13, 'decimotercer'], [14, 'decimocuarto'], [21, 'vigésimo primer'], [23, 'vigésimo tercer'],
    [32, 'trigésimo segundo'], [78, 'septuagésimo octavo'], [100, 'centésimo'], [101, 'centésimo primer'],
  ])('ordinal %i before a masculine noun ("período de sesiones") is "%s"', (n, word) => expect(es.ordinal(n, M)).toBe(word));

  it('knows the gender of its meeting nouns and writes the session line', () => {
    expect(es.ordinal(1)).toBe('primero');
    const line = (n: number, kind: 'meeting' | 'session') =>
      es.capitalize(es.messages.format('numberedSession', { kind, ordinal: es.ordinal(n, es.meetingNouns?.[kind]) }));
    expect(line(14, 'meeting')).toBe('Decimocuarta reunión');
    expect(line(6, 'session')).toBe('Sexto período de sesiones');
    expect(line(78, 'session')).toBe('Septuagésimo octavo período de sesiones');
    expect(line(31, 'session')).toBe('Trigésimo primer período de sesiones');
  });

  it.each([[2, 'dos'], [4, 'cuatro'], [16, 'dieciséis'], [21, 'veintiuno'], [31, 'treinta y uno'], [100, 'cien'], [105, 'ciento cinco'], [21_000, 'veintiún mil']])(
    'cardinal %i is "%s"',
    (n, word) => expect(es.cardinal(n)).toBe(word),
  );

  it('writes dates "11 de septiembre de 2023", weekdays without a comma', () => {
    expect(es.date(d('2012-09-20'))).toBe('20 de septiembre de 2012');
    expect(es.date(d('2023-09-01'))).toBe('1 de septiembre de 2023');
    expect(es.dateWithWeekday(d('2023-09-05'))).toBe('martes 5 de septiembre de 2023');
    expect(es.dayHeading(d('2023-09-11'))).toBe('Lunes 11 de septiembre');
  });

  it.each([
    ['2023-09-11', '2023-09-12', '11 y 12 de septiembre de 2023'],
    ['2012-10-15', '2012-10-19', '15 a 19 de octubre de 2012'],
    ['1997-07-28', '1997-08-05', '28 de julio a 5 de agosto de 1997'],
    ['2023-12-30', '2024-01-02', '30 de diciembre de 2023 a 2 de enero de 2024'],
  ])('date range %s to %s is "%s"', (a, b, text) => expect(es.dateRange(d(a), d(b))).toBe(text));

  it('writes times "10.00 horas" and ranges "10.00 a 13.00 horas"', () => {
    expect(es.time(t(10))).toBe('10.00 horas');
    expect(es.time(t(9, 30))).toBe('9.30 horas');
    expect(es.time(t(12))).toBe('12.00 horas');
    expect(es.timeRange(t(10), t(13))).toBe('10.00 a 13.00 horas');
    expect(es.timeRange(t(15), t(18))).toBe('15.00 a 18.00 horas');
  });

  it('labels sub-items "a)" and cites them "2 a)"', () => {
    expect([1, 2].map(es.subItemLetter)).toEqual(['a)', 'b)']);
    expect(es.itemNumber(2, 1)).toBe('2 a)');
    expect(es.messages.format('underItem', { number: es.itemNumber(2, 1) })).toBe('Tema 2 a) del programa provisional');
    expect(es.listPunctuation).toEqual({ beforeSubItems: ':', betweenSubItems: ';', last: '.' });
  });

  it('joins lists with "y", and "e" before the sound /i/', () => {
    expect(es.list(['árabe', 'chino', 'ruso'])).toBe('árabe, chino y ruso');
    expect(es.list(['español', 'francés', 'inglés'])).toBe('español, francés e inglés');
    expect(es.list(['francés', 'hielo'])).toBe('francés y hielo');
  });

  it('prints the masthead and titles of UN Spanish documents', () => {
    const m = es.messages;
    expect(m.format('unitedNations')).toBe('Naciones Unidas');
    expect(m.format('distribution', { distribution: 'general' })).toBe('Distr. general');
    expect(m.format('original', { language: es.languageNames.en })).toBe('Original: inglés');
    expect(m.format('jobNumber', { base: 'V.23-11234' })).toBe('V.23-11234 (S)');
    expect(m.format('documentTitle')).toBe('Programa provisional anotado');
    expect(m.format('documentTitleByKind', { kind: 'annotations_addendum' })).toBe('Anotaciones al programa provisional');
    expect(m.format('documentTitleByKind', { kind: 'provisional_agenda_and_annotations' })).toBe('Programa provisional y anotaciones');
    expect(m.format('distributionOlder', { distribution: 'limited' })).toBe('Distr. LIMITADA');
    expect(m.format('principalOrgan', { series: 'A' })).toBe('Asamblea General');
  });

  it.each([
    ['Cuestiones de organización', 'organizational-matters'],
    ['Apertura del período de sesiones', 'opening'],
    ['Aprobación del programa y organización de los trabajos', 'adoption-of-agenda'],
    ['Elección de la Mesa', 'election-of-officers'],
    ['Otros asuntos', 'other-matters'],
    ['Aprobación del informe', 'adoption-of-report'],
    ['Programa provisional de su próximo período de sesiones', 'provisional-agenda-next-session'],
  ])('the title "%s" gives the role %s', (title, role) => expect(itemRole(title, es.roleWordings)).toBe(role));
});
