/**
 * Grammatical forms of placeholders: `{session|genitive}` gives the phrase in a case,
 * `{days|counted}` the number with its noun, agreeing as the language counts. The expected
 * words are written out here (Russian and Arabic grammar), not taken from the locale.
 */
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model.js';
import { compileYaml, MINIMAL } from '../helpers/compile.js';

const text = (nodes: readonly Inline[]): string => nodes.map((n) => ('value' in n ? n.value : 'children' in n ? text(n.children as Inline[]) : '')).join('');

/** MINIMAL in a language, with a numbered meeting over `days` calendar days from Monday 3 March 2025, `meetings` plenary meetings, and one annotation. */
function definition(language: string, annotation: string, { days = 2, meetings = 4, kind = 'meeting', number = 14 } = {}) {
  const dates = days === 1 ? '2025-03-03' : `[2025-03-03, 2025-03-${String(2 + days).padStart(2, '0')}]`;
  return `language: ${language}\n${MINIMAL.replace('  dates: 2025-03-03', `  dates: ${dates}\n  kind: ${kind}\n  number: ${number}`)}resources:\n  plenary_meetings: ${meetings}\n`.replace(
    '    title: Adoption of the agenda\n',
    `    title: Adoption of the agenda\n    annotation: "${annotation}"\n`,
  );
}

function annotation(language: string, source: string, options?: Parameters<typeof definition>[2]): string {
  const { model, diagnostics } = compileYaml(definition(language, source, options));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return text(model!.annotations!.sections[0]!.paragraphs[0]!.content);
}

describe('counted placeholders', () => {
  it('give the number with its noun in English, and the number alone without a form', () => {
    expect(annotation('en', '{plenary-meetings|counted} over {days|counted}; {plenary-meetings} meetings')).toBe('four plenary meetings over two days; four meetings');
    expect(annotation('en', '{plenary-meetings|counted} in {days|counted}', { days: 1, meetings: 1 })).toBe('one plenary meeting in one day');
  });

  it('count the plenary meetings of the organization of work, not its side events', () => {
    const source = `${MINIMAL.replace('    title: Adoption of the agenda\n', '    title: Adoption of the agenda\n    annotation: "{plenary-meetings|counted}"\n')}organization_of_work:
  - date: 2025-03-03
    slots:
      - time: 10:00-13:00
        items: [adoption]
      - time: 13:15-14:45
        plenary: false
        items: [{ title: Side event }]
      - time: 15:00-18:00
        items: [adoption]
`;
    const { model, diagnostics } = compileYaml(source);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(text(model!.annotations!.sections[0]!.paragraphs[0]!.content)).toBe('two plenary meetings');
    expect(model!.annex!.days[0]!.slots.map((slot) => slot.time)).toHaveLength(3);
  });

  it('count a weekend day as a meeting day when it has a plenary meeting, not for a side event alone', () => {
    const slot = (time: string, plenary = true) => `      - time: ${time}\n${plenary ? '' : '        plenary: false\n'}        items: [adoption]\n`;
    const source = (saturday: string) =>
      `${MINIMAL.replace('  dates: 2025-03-03', '  dates: [2025-03-06, 2025-03-08]').replace('    title: Adoption of the agenda\n', '    title: Adoption of the agenda\n    annotation: "{plenary-meetings|counted} over {days|counted}"\n')}organization_of_work:\n  - date: 2025-03-06\n    slots:\n${slot('10:00-13:00')}  - date: 2025-03-07\n    slots:\n${slot('10:00-13:00')}  - date: 2025-03-08\n    slots:\n${saturday}`;
    const said = (yaml: string) => text(compileYaml(yaml).model!.annotations!.sections[0]!.paragraphs[0]!.content);
    expect(said(source(slot('10:00-12:00', false)))).toBe('two plenary meetings over two days');
    expect(said(source(slot('10:00-12:00')))).toBe('three plenary meetings over three days');
  });

  it('leave out the holidays the definition gives (Good Friday and Easter Monday of a two-week session)', () => {
    const source = (holidays: string) =>
      MINIMAL.replace('  dates: 2025-03-03', `  dates: [2024-03-25, 2024-04-05]${holidays}`).replace('    title: Adoption of the agenda\n', '    title: Adoption of the agenda\n    annotation: "{days|counted}"\n');
    const said = (yaml: string) => text(compileYaml(yaml).model!.annotations!.sections[0]!.paragraphs[0]!.content);
    expect(said(source(''))).toBe('ten days');
    expect(said(source('\n  holidays: [2024-03-29, 2024-04-01]'))).toBe('eight days');
    // A day given twice is reported at the second, the one to remove.
    const twice = compileYaml(source('\n  holidays: [2024-03-29, 2024-04-01, 2024-03-29]'));
    expect(twice.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(["8:38 'meeting.holidays' lists the same value twice"]);
  });

  it('say what to give when no meeting of the organization of work is a plenary meeting', () => {
    const source = `${MINIMAL.replace('    title: Adoption of the agenda\n', '    title: Adoption of the agenda\n    annotation: "{plenary-meetings|counted}"\n')}organization_of_work:\n  - date: 2025-03-03\n    slots:\n      - time: 13:15-14:45\n        plenary: false\n        items: [adoption]\n`;
    const errors = compileYaml(source).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.hint)).toEqual(["give 'resources.plenary_meetings', or an organization of work with plenary meetings (slots without plenary: false)"]);
  });

  it('agree in Russian: одно/четыре/пять заседаний, один/два/пять дней', () => {
    expect(annotation('ru', '{plenary-meetings|counted} за {days|counted}')).toBe('четыре пленарных заседания за два дня');
    expect(annotation('ru', '{plenary-meetings|counted} за {days|counted}', { days: 5, meetings: 21 })).toBe('двадцать одно пленарное заседание за пять дней');
    expect(annotation('ru', '{plenary-meetings|counted} за {days|counted}', { days: 1, meetings: 10 })).toBe('десять пленарных заседаний за один день');
  });

  it('agree in Arabic: the dual, the number of the other gender from 3 to 10, the singular from 11', () => {
    expect(annotation('ar', 'عقد {plenary-meetings|counted} على مدى {days|counted}')).toBe('عقد أربع جلسات عامة على مدى يومين');
    expect(annotation('ar', 'عقد {plenary-meetings|counted} على مدى {days|counted}', { days: 3, meetings: 2 })).toBe('عقد جلستين عامتين على مدى ثلاثة أيام');
    // 3 to 17 March 2025: eleven working days (the weekends are not meeting days).
    expect(annotation('ar', 'على مدى {days|counted}', { days: 15 })).toBe('على مدى أحد عشر يوما');
  });

  it('write the Arabic number in the oblique, as a counted phrase stands in the sentence: اثني عشر, عشرين, اثنتين وعشرين', () => {
    // 3 to 18 March 2025: twelve working days; 3 to 28 March: twenty.
    expect(annotation('ar', 'على مدى {days|counted}', { days: 16 })).toBe('على مدى اثني عشر يوما');
    expect(annotation('ar', 'على مدى {days|counted}', { days: 26 })).toBe('على مدى عشرين يوما');
    expect(annotation('ar', 'عقد {plenary-meetings|counted}', { meetings: 22 })).toBe('عقد اثنتين وعشرين جلسة عامة');
    expect(annotation('ar', 'عقد {plenary-meetings|counted}', { meetings: 12 })).toBe('عقد اثنتي عشرة جلسة عامة');
    // The plain placeholder stays the nominative number.
    expect(annotation('ar', '{plenary-meetings}', { meetings: 22 })).toBe('اثنان وعشرون');
  });

  it('agree in French and Spanish with the gender of the noun: une, vingt et une; un, veintiún, veintiuna, doscientas', () => {
    expect(annotation('fr', '{plenary-meetings|counted} en {days|counted}', { days: 1, meetings: 1 })).toBe('une séance plénière en un jour');
    expect(annotation('fr', '{plenary-meetings|counted}', { meetings: 21 })).toBe('vingt et une séances plénières');
    expect(annotation('es', '{plenary-meetings|counted} en {days|counted}', { days: 1, meetings: 21 })).toBe('veintiuna sesiones plenarias en un día');
    expect(annotation('es', '{plenary-meetings|counted}', { meetings: 200 })).toBe('doscientas sesiones plenarias');
    // 3 to 31 March 2025 is 21 working days.
    expect(annotation('es', '{days|counted}', { days: 29 })).toBe('veintiún días');
  });

  it('take the measure word in Chinese', () => {
    expect(annotation('zh', '在{days|counted}内举行{plenary-meetings|counted}')).toBe('在两天内举行四次全体会议');
  });
});

describe('cases of the session', () => {
  it('decline the ordinal and the noun in Russian', () => {
    expect(annotation('ru', 'в ходе {session|genitive}; на {session|prepositional}; {session|instrumental}')).toBe('в ходе четырнадцатого совещания; на четырнадцатом совещании; четырнадцатым совещанием');
    expect(annotation('ru', 'на {session|prepositional}; провести {session|accusative}', { kind: 'session', number: 6 })).toBe('на шестой сессии; провести шестую сессию');
    expect(annotation('ru', '{ordinal|genitive}', { kind: 'session', number: 78 })).toBe('семьдесят восьмой');
  });

  it('give the oblique ordinal in Arabic', () => {
    expect(annotation('ar', 'في {session|genitive}', { kind: 'session', number: 21 })).toBe('في الدورة الحادية والعشرين');
    expect(annotation('ar', '{session}', { kind: 'session', number: 21 })).toBe('الدورة الحادية والعشرون');
  });
});

describe('a form the language does not have', () => {
  it('is an error at the placeholder, naming the forms there are', () => {
    const source = definition('en', 'during the {session|genitive}');
    const { diagnostics } = compileYaml(source);
    const error = diagnostics.find((d) => d.severity === 'error')!;
    expect(error.message).toBe("'{session|genitive}': this language gives {session} in no form 'genitive'");
    expect(error.hint).toBe('write {session}: it has one form in this language');
    const line = source.split('\n').findIndex((l) => l.includes('{session|genitive}'));
    expect([error.line, error.column]).toEqual([line + 1, source.split('\n')[line]!.indexOf('{session|genitive}') + 1]);
  });

  it('lists the forms a placeholder has, and refuses a form on an item reference', () => {
    expect(compileYaml(definition('ru', '{days|genitive}')).diagnostics.find((d) => d.severity === 'error')!.hint).toBe('its forms of {days} are: counted');
    expect(compileYaml(definition('ru', '{agenda-item:adoption|genitive}')).diagnostics.find((d) => d.severity === 'error')!.message).toBe("'{agenda-item:adoption|genitive}': an item reference takes no grammatical form");
  });
});
