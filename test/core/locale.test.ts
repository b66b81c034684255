import { readdirSync, readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it, vi } from 'vitest';
import { dayNumber, fromDayNumber, parseIsoDate, weekday } from '../../src/locale/calendar.js';
import { Catalogue, selectKey } from '../../src/locale/catalogue.js';
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

  it('labels the third level with roman numerals and cites it the UN way, "2 (a) (i)"', () => {
    expect([1, 2, 3, 4, 5, 9, 10, 14, 19, 40, 49].map(en.subSubItemLabel)).toEqual(['(i)', '(ii)', '(iii)', '(iv)', '(v)', '(ix)', '(x)', '(xiv)', '(xix)', '(xl)', '(xlix)']);
    expect(en.itemNumber(2, 1, 1)).toBe('2 (a) (i)');
    expect(en.itemNumber(12, 3, 4)).toBe('12 (c) (iv)');
  });

  it('lists languages with "and"', () => {
    expect(en.messages.format('languagesOnly', { languages: en.list(['English', 'French', 'Spanish']) })).toBe('English, French and Spanish only');
  });
});

describe('the message catalogue', () => {
  const m = en.messages;

  it('compiles every English message and formats it with arguments', () => {
    const args = { distribution: 'general', language: 'L', languages: 'L', base: 'B', kind: 'meeting', ordinal: 'O', venue: 'V', dates: 'D', symbol: 'S', title: 'T', session: 'S', body: 'B', placeAndDates: 'P', number: 1, occurrence: 1, calls: 'single', parentBody: 'P', year: 'Y', date: 'D', time: 'T', count: 1, words: 'W', wordsMasculine: 'W', wordsFeminine: 'W', wordsNeuter: 'W', form: 'plain', case: 'nominative', entry: 'E', symbols: 'S', series: 'A', page: 'P' };
    for (const id of m.ids()) expect(m.parts(id, { ...args, em: (parts: unknown[]) => ({ em: parts }) }).length, id).toBeGreaterThan(0);
  });

  it('names the session by kind, with and without its ordinal', () => {
    expect(m.format('numberedSession', { ordinal: 'fourteenth', kind: 'meeting' })).toBe('fourteenth meeting');
    expect(m.format('numberedSession', { ordinal: 'thirty-third', kind: selectKey('special-session') })).toBe('thirty-third special session');
    // The UN puts the ordinal after "resumed" and "reconvened": "Resumed seventy-seventh session".
    expect(m.format('numberedSession', { ordinal: 'seventy-seventh', kind: selectKey('resumed-session') })).toBe('resumed seventy-seventh session');
    expect(m.format('numberedSession', { ordinal: 'sixty-sixth', kind: selectKey('reconvened-session') })).toBe('reconvened sixty-sixth session');
    expect(m.format('numberedSession', { ordinal: 'tenth', kind: selectKey('emergency-special-session') })).toBe('tenth emergency special session');
    expect(m.format('session', { kind: selectKey('organizational-session') })).toBe('organizational session');
    expect(m.format('session', { kind: 'session' })).toBe('session');
    expect(selectKey('resumed-session')).toBe('resumed_session');
  });

  it('writes the masthead lines', () => {
    expect(['general', 'limited', 'restricted'].map((distribution) => m.format('distribution', { distribution }))).toEqual(['Distr.: General', 'Distr.: Limited', 'Distr.: Restricted']);
    expect(m.format('original', { language: en.languageNames.fr })).toBe('Original: French');
    expect(m.format('jobNumber', { base: 'V.23-11234' })).toBe('V.23-11234 (E)');
    expect(m.format('placeAndDates', { venue: 'Vienna', dates: '11 and 12 September 2023' })).toBe('Vienna, 11 and 12 September 2023');
  });

  it('writes the older masthead style in capitals, and "Page N"', () => {
    expect(['general', 'limited', 'restricted'].map((distribution) => m.format('distributionOlder', { distribution }))).toEqual(['Distr. GENERAL', 'Distr. LIMITED', 'Distr. RESTRICTED']);
    expect(m.format('originalOlder', { language: en.upperCase(en.languageNames.en) })).toBe('Original: ENGLISH');
    expect(m.format('pageOlder', { page: 3 })).toBe('Page 3');
  });

  it('titles the document by its kind', () => {
    const title = (kind: string) => m.format('documentTitleByKind', { kind: selectKey(kind) });
    expect(title('annotated-provisional-agenda')).toBe(m.format('documentTitle'));
    expect(title('annotated-provisional-agenda')).toBe('Annotated provisional agenda');
    expect(title('provisional-agenda')).toBe('Provisional agenda');
    expect(title('provisional-agenda-and-annotations')).toBe('Provisional agenda and annotations');
    expect(title('annotations-addendum')).toBe('Annotations to the provisional agenda');
    expect(title('agenda-and-annotations')).toBe('Agenda and annotations');
  });

  it('cites items', () => {
    expect(m.format('agendaItemReference', { number: '2' })).toBe('agenda item 2');
    expect(m.format('itemReference', { number: '1 (b)' })).toBe('item 1 (b)');
    expect(m.format('numberReference', { number: '1 (b)' })).toBe('1 (b)');
    expect(m.format('itemLabel', { number: 3 })).toBe('3.');
  });

  it('says which call a back link returns to only when the note has several', () => {
    expect(m.format('backToReference', { number: 4, occurrence: 1, calls: 'single' })).toBe('Back to reference 4');
    expect(m.format('backToReference', { number: 4, occurrence: 2, calls: 'several' })).toBe('Back to reference 4 (2)');
  });

  it('chooses plural forms by the language\'s plural rules', () => {
    const c = new Catalogue('en', { days: '{n, plural, one {# day} other {# days}}' });
    expect([0, 1, 2].map((n) => c.format('days', { n }))).toEqual(['0 days', '1 day', '2 days']);
  });

  it('keeps rich arguments and tags as nodes: "(continued)" in italics after the title', () => {
    const title = [{ type: 'text', value: 'Other matters' }];
    const em = (parts: unknown[]) => ({ type: 'emphasis', children: parts });
    expect(m.parts('continuedTitle', { title, em })).toEqual([title, ' (', { type: 'emphasis', children: ['continued'] }, ')']);
    // The entry's full stop stays apart from the closing parenthesis (a separate run in the PDF).
    const symbols = [{ type: 'symbol', value: 'A/1' }];
    const entry = m.parts('titleWithSymbols', { title, symbols });
    expect(entry).toEqual([title, ' (', symbols, ')']);
    expect(m.parts('documentationEntry', { entry })).toEqual([entry, '.']);
  });

  it('parses each message once, however often it is formatted', () => {
    const parse = vi.spyOn(IntlMessageFormat, '__parse');
    try {
      const c = new Catalogue('en', { a: '{n, plural, one {# day} other {# days}}', b: 'Annex', c: 'agenda item {number}' });
      expect([1, 2, 3].map((n) => c.format('a', { n }))).toEqual(['1 day', '2 days', '3 days']);
      expect(c.format('b')).toBe('Annex');
      expect(c.format('b')).toBe('Annex');
      expect([c.format('c', { number: 2 }), c.format('c', { number: '1 (b)' })]).toEqual(['agenda item 2', 'agenda item 1 (b)']);
      expect(parse).toHaveBeenCalledTimes(1); // "Annex" and "agenda item {number}" need no parser
    } finally {
      parse.mockRestore();
    }
  });

  it('lets a language put the number inside the phrase and agree in gender and case', () => {
    const fr = new Catalogue('fr', {
      ref: "point {number} de l'ordre du jour",
      session: '{ordinal, select, 1 {{kind, select, meeting {première réunion} other {première session}}} other {{ordinalWord} {kind, select, meeting {réunion} other {session}}}}',
    });
    expect(fr.format('ref', { number: '2' })).toBe("point 2 de l'ordre du jour");
    expect(fr.format('session', { ordinal: 1, kind: 'meeting', ordinalWord: '' })).toBe('première réunion');
    expect(fr.format('session', { ordinal: 14, kind: 'session', ordinalWord: 'quatorzième' })).toBe('quatorzième session');
    const ru = new Catalogue('ru', { days: '{n, plural, one {# день} few {# дня} many {# дней} other {# дня}}' });
    expect([1, 2, 5, 21].map((n) => ru.format('days', { n }))).toEqual(['1 день', '2 дня', '5 дней', '21 день']);
  });

  it('gives what intl-messageformat gives for messages that only place arguments, without parsing them', () => {
    const parse = vi.spyOn(IntlMessageFormat, '__parse');
    const rich = [{ type: 'text', value: 'R' }];
    const samples: Record<string, unknown>[] = [
      { number: 2, venue: 'Vienna', dates: '', symbol: 'A/1', title: 'T', session: 'S', body: 'B', placeAndDates: 'P', base: 'V.1', language: 'L', languages: 'L', entry: 'E', symbols: 'A/1' },
      { number: '1 (b)', venue: rich, dates: rich, symbol: rich, title: rich, session: 'S', body: rich, placeAndDates: 'P', base: '', entry: rich, symbols: rich, language: '', languages: rich },
    ];
    try {
      const simple = ['original', 'languagesOnly', 'jobNumber', 'placeAndDates', 'metaTitle', 'metaDescription', 'itemLabel', 'agendaItemReference', 'titleWithSymbols', 'documentationEntry'] as const;
      for (const id of simple) {
        for (const args of samples) {
          const c = new Catalogue('en', { [id]: en.messages.source(id)! });
          const ours = c.parts(id, args as never);
          parse.mockClear();
          const theirs = new IntlMessageFormat(en.messages.source(id)!, 'en').format(args as never);
          expect(parse).toHaveBeenCalledTimes(1);
          expect(ours, id).toEqual(Array.isArray(theirs) ? theirs : [theirs]);
        }
      }
      parse.mockClear();
      const c = new Catalogue('en', { a: '{n} days in {venue}', b: '{x, select, a {A} other {B}}' });
      expect(c.format('a', { n: 2, venue: 'Vienna' })).toBe('2 days in Vienna');
      expect(parse).not.toHaveBeenCalled();
      expect(c.format('b', { x: 'a' })).toBe('A');
      expect(parse).toHaveBeenCalledTimes(1);
      expect(() => c.format('a', { n: 2 })).toThrow(/needs the argument 'venue'/);
    } finally {
      parse.mockRestore();
    }
  });

  it('reports a message the locale lacks', () => {
    expect(() => new Catalogue<string>('en', {}).format('missing')).toThrow(/no message 'missing'/);
  });
});

describe('what the English locale says about writing', () => {
  it('is left to right, with UN list punctuation, curly quotes, "(a)" labels and Tinos for Latin', () => {
    expect(en.dir).toBe('ltr');
    expect(en.listPunctuation).toEqual({ beforeSubItems: ':', betweenSubItems: ';', last: '.' });
    expect(en.quotes).toEqual({ open: '“', close: '”', innerOpen: '‘', innerClose: '’' });
    expect(en.subItemStyle).toMatchObject({ open: '(', close: ')' });
    expect(en.fonts[0]).toMatchObject({ script: 'Latn', family: 'Tinos' });
    expect(en.jointSymbolSeparator).toBe(' – ');
  });

  it('letters the 28th sub-item "(ab)"', () => {
    expect(en.subItemLetter(28)).toBe('(ab)');
    expect(en.itemNumber(2, 28)).toBe('2 (ab)');
  });
});

const KINDS = ['meeting', 'session', 'special_session', 'emergency_special_session', 'resumed_session', 'reconvened_session', 'organizational_session'];

describe('messages parsed at build time', () => {
  it('format as their text does: every English message with select, plural or tags, on each of its branches', () => {
    const em = (parts: unknown[]) => ({ em: parts });
    const argsOf: Record<string, Record<string, unknown>[]> = {
      distribution: ['general', 'limited', 'restricted'].map((distribution) => ({ distribution })),
      backToReference: [{ calls: 'single', number: 3, occurrence: 1 }, { calls: 'several', number: 3, occurrence: 2 }],
      continuedTitle: [{ title: 'Opening of the meeting', em }],
      session: KINDS.map((kind) => ({ kind, case: 'nominative' })),
      numberedSession: KINDS.map((kind) => ({ kind, ordinal: 'fourteenth', case: 'nominative' })),
      'placeholder.plenary-meetings': [1, 4].flatMap((count) => ['plain', 'counted'].map((form) => ({ count, words: count === 1 ? 'one' : 'four', form }))),
      'placeholder.days': [1, 2].flatMap((count) => ['plain', 'counted'].map((form) => ({ count, words: count === 1 ? 'one' : 'two', form }))),
      principalOrgan: ['A', 'E', 'S', 'TD', 'CMW'].map((series) => ({ series })),
      distributionOlder: ['general', 'limited', 'restricted'].map((distribution) => ({ distribution })),
      documentTitleByKind: ['annotated_provisional_agenda', 'provisional_agenda', 'provisional_agenda_and_annotations', 'annotations_addendum'].map((kind) => ({ kind })),
    };
    const compiledIds = en.messages.ids().filter((id) => !/^(?:[^{}<']|\{\s*\w+\s*\})*$/.test(en.messages.source(id)!));
    expect(compiledIds.sort()).toEqual(Object.keys(argsOf).sort()); // a new rich message needs its samples here
    for (const id of compiledIds) {
      for (const args of argsOf[id]!) {
        const fromText = new IntlMessageFormat(en.messages.source(id)!, 'en').format(args as never);
        expect(en.messages.parts(id, args as never), id).toEqual(Array.isArray(fromText) ? fromText : [fromText]);
      }
    }
  });

  it('leave the ICU parser out of the command: its bundle formats syntax trees', () => {
    const dist = new URL('../../dist/', import.meta.url);
    const chunks = readdirSync(dist).filter((f) => f.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(3);
    // Both are parts of the parser alone: the skeleton parser, and the parser's error kinds.
    const withParser = chunks.filter((f) => /parseNumberSkeleton|EXPECT_ARGUMENT_CLOSING_BRACE/.test(readFileSync(new URL(f, dist), 'utf8')));
    expect(withParser).toEqual([]);
  });
});
