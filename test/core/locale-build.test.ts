import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseIcu, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildDefinition } from '../../src/core/build.js';
import { MemoryFileSystem } from '../../src/core/fs.js';
import { Session } from '../../src/core/session.js';
import { en, MONTHS, WEEKDAYS } from '../../src/locale/en.js';
import { getLocale, SUPPORTED_LANGUAGES } from '../../src/locale/index.js';
import { compileYaml, examplePath } from '../helpers/compile.js';
import { hasTool } from '../pdf/helpers.js';
import { missingFamily } from '../../src/export/pdf/families.js';
import { repoRoot } from '../helpers/reference.js';
import { RULES } from '../../src/rules/index.js';
import { check, found } from '../rules/helpers.js';

const LANGUAGES = ['fr', 'es', 'ru'] as const;
/** Every language with a catalogue besides English; Arabic and Chinese build no PDF yet (no font for their scripts). */
const CATALOGUES = [...LANGUAGES, 'ar', 'zh'] as const;
const catalogue = (language: string): Record<string, { message: string; description?: string; arguments?: string[] }> =>
  JSON.parse(readFileSync(join(repoRoot, 'src/locale/messages', `${language}.json`), 'utf8'));

/** The argument names a message uses, in every branch of its selects and plurals and inside its tags. */
function argumentsOf(message: string): Set<string> {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
      if (e.type === TYPE.tag) visit(e.children);
      else names.add(e.value);
      if ('options' in e) Object.values(e.options).forEach((o) => visit(o.value));
    }
  };
  visit(parseIcu(message, { ignoreTag: false }));
  return names;
}

/** The keys of every select and plural of a message ("general", "limited", "other"). */
function selectKeys(message: string): string[] {
  const keys: string[] = [];
  const visit = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.tag) visit(e.children);
      // Selects only: plural categories are the language's own (Arabic has "two", "few", "many").
      if (e.type === TYPE.select) Object.entries(e.options).forEach(([key, o]) => (keys.push(`${e.value}=${key}`), visit(o.value)));
      else if ('options' in e) Object.values(e.options).forEach((o) => visit(o.value));
    }
  };
  visit(parseIcu(message, { ignoreTag: false }));
  return [...new Set(keys)].sort();
}

/** Words that are the same in the language as in English, as its UN documents print them. */
const SAME_WORDS: Record<string, readonly string[]> = {
  fr: ['annotations', 'documentation', 'footnotes', 'pageOlder'],
  es: ['original', 'originalOlder'],
  // Russian prints the right-hand column of its masthead in English (CAC/COSP/IRG/2015/1).
  ru: ['distribution', 'original', 'languagesOnly', 'distributionOlder', 'originalOlder', 'pageOlder'],
  // So do Arabic (A/74/L.75) and Chinese (UNEP/POPS/POPRC.3/1/Add.1, FCCC/KP/CMP/2007/1).
  ar: ['distribution', 'original', 'languagesOnly', 'distributionOlder', 'originalOlder', 'pageOlder'],
  zh: ['distribution', 'original', 'languagesOnly', 'distributionOlder', 'originalOlder', 'pageOlder'],
};

describe('the catalogues of French, Spanish, Russian, Arabic and Chinese', () => {
  const english = catalogue('en');

  it('register the six languages', () => {
    expect(SUPPORTED_LANGUAGES).toEqual(['en', 'fr', 'es', 'ru', 'ar', 'zh']);
    for (const l of CATALOGUES) expect(getLocale(l)?.tag).toBe(l);
    expect(getLocale('toString')).toBeUndefined();
  });

  it.each(CATALOGUES)('%s has every message of en.json and no other, with the same arguments', (language) => {
    const theirs = catalogue(language);
    expect(Object.keys(theirs)).toEqual(Object.keys(english));
    for (const [id, { message, arguments: declared }] of Object.entries(english)) {
      const used = [...argumentsOf(theirs[id]!.message)].sort();
      if (declared) {
        // The normalizer passes every declared argument (the case, a count's words for each gender); a language uses those its grammar needs.
        expect(used.filter((a) => !declared.includes(a)), `${language}: ${id}`).toEqual([]);
        expect(used.length, `${language}: ${id}`).toBeGreaterThan(0);
      } else {
        // The normalizer passes exactly what the English message uses; a language uses the same.
        expect(used, `${language}: ${id}`).toEqual([...argumentsOf(message)].sort());
      }
      // A select on what English selects on keeps the English keys, which are the definition's values.
      const englishSelects = new Set(selectKeys(message).map((k) => k.split('=')[0]));
      expect(selectKeys(theirs[id]!.message).filter((k) => englishSelects.has(k.split('=')[0])), `${language}: ${id} keys`).toEqual(selectKeys(message));
    }
  });

  it.each(CATALOGUES)('%s writes none of the English words the catalogue has where it translates', (language) => {
    const theirs = catalogue(language);
    // Messages that are only arguments and punctuation are the same in every language.
    const translated = Object.entries(english).filter(([, { message }]) => /[A-Za-z]{3}/.test(message.replace(/\{\s*\w+[^{}]*\}/g, '').replace(/\b(?:select|other)\b/g, '')));
    expect(translated.length).toBeGreaterThan(25);
    for (const [id, { message }] of translated) {
      if (SAME_WORDS[language]!.includes(id)) continue;
      expect(theirs[id]!.message, `${language}: ${id}`).not.toBe(message);
    }
  });
});

/** The reference example with `language` set: its author texts stay English, every word the tool writes is the language's. */
async function buildIn(language: string, formats: string[]) {
  const yaml = `language: ${language}\n${readFileSync(examplePath('ctoc-cop-wg3-2023.yaml'), 'utf8')}`;
  const session = new Session({ fs: new MemoryFileSystem({ '/p/meeting.yaml': yaml, '/p/package.json': '{}' }) });
  // The English titles give no role under French wordings: the procedural rules report that, which is right.
  const result = await buildDefinition(session, '/p/meeting.yaml', { formats, allowErrors: true });
  expect(result.outputs, JSON.stringify(result.diagnostics.filter((d) => d.severity === 'error'))).toBeDefined();
  return result.outputs!;
}

/** Every text the author wrote in the example, cut at its placeholders and footnote calls. */
function authorFragments(): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key = '') => {
    if (typeof v === 'string' && !['id', 'symbol', 'time', 'date', 'profile', 'distribution', 'original', 'kind'].includes(key)) out.push(...v.split(/\{[^{}]*\}|\[\^[^\]]*\]/));
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => walk(x, k));
  };
  walk(parseYaml(readFileSync(examplePath('ctoc-cop-wg3-2023.yaml'), 'utf8')));
  return out.flatMap((t) => t.split('\n')).map((t) => t.trim()).filter((t) => t.length > 2).sort((a, b) => b.length - a.length);
}

/** The English words the tool writes: the catalogue's phrases, months, weekdays, numbers in words, clock words. */
const ENGLISH_WORDS = [
  'United Nations', 'Distr.: General', 'Original: English', 'English', 'Annotated provisional agenda', 'Provisional agenda', 'Annotations', 'Documentation',
  'Annex', 'Proposed organization of work', 'Date and time', 'Agenda item', 'Title or description', 'continued', 'meeting', 'session', 'agenda item',
  'fourteenth', 'four', 'two', 'a.m.', 'p.m.', 'noon', 'six official languages', ...MONTHS, ...WEEKDAYS,
];

describe.each(LANGUAGES)('the reference example built in %s', (language) => {
  it('leaves no English document word in the Markdown outside the author’s texts', async () => {
    const [md] = await buildIn(language, ['md']);
    let rest = String(md!.data);
    for (const fragment of authorFragments()) rest = rest.replaceAll(fragment, ' ');
    // The Russian masthead column is English by design: "Distr.: General", "14 June 2023", "Original: English".
    if (language === 'ru') rest = rest.replace('Distr.: General', '').replace('14 June 2023', '').replace('Original: English', '');
    // A word that is also the language's own ("Annotations" in French) is no English left over.
    const own = Object.values(catalogue(language)).map((m) => m.message).join(' ');
    const left = ENGLISH_WORDS.filter((w) => !own.includes(w)).filter((w) => new RegExp(`(?<![\\p{L}])${w.replace('.', '\\.')}(?![\\p{L}])`, 'iu').test(rest));
    expect(left, rest).toEqual([]);
  });

  it('prints the words of its UN documents in the Markdown', async () => {
    const [md] = await buildIn(language, ['md']);
    const text = String(md!.data);
    const expected = {
      fr: ['Nations Unies', 'Distr. générale', '14 juin 2023', 'Original\u202F: anglais', 'Vienna, 11 et 12 septembre 2023', '# Ordre du jour provisoire annoté', 'Organizational matters\u202F:', 'a) Opening of the meeting\u202F;', 'The quatorzième réunion of', 'on lundi 11 septembre 2023, at 10\u00A0heures.', 'holding of quatre plenary meetings over deux days', 'Under point 2 de l’ordre du jour,', '| **Lundi 11 septembre** |', '| 10\u00A0heures–13\u00A0heures | 1 a) |', '(*suite*)', '## Annexe'],
      es: ['Naciones Unidas', 'Distr. general', '14 de junio de 2023', 'Original: inglés', 'Vienna, 11 y 12 de septiembre de 2023', '# Programa provisional anotado', 'a) Opening of the meeting;', 'The decimocuarta reunión of', 'on lunes 11 de septiembre de 2023, at 10.00 horas.', 'Under tema 2 del programa,', '| **Lunes 11 de septiembre** |', '| 10.00 a 13.00 horas | 1 a) |', '(*continuación*)', '## Anexo'],
      ru: ['Организация Объединенных Наций', 'Distr.: General', '14 June 2023', 'Original: English', 'Vienna, 11 и 12 сентября 2023 года', '# Аннотированная предварительная повестка дня', 'a) Opening of the meeting;', 'b) Adoption of the agenda and organization of work\n', '5. Adoption of the report\n', 'The четырнадцатое совещание of', 'on понедельник, 11 сентября 2023 года, at 10\u00A0ч\u00A000\u00A0м.', '| **Понедельник, 11 сентября** |', '(*продолжение*)', '## Приложение'],
    }[language];
    for (const s of expected) expect(text, s).toContain(s);
  });

  it('builds the PDF, whose text gives back the language’s words', async () => {
    const [pdf] = await buildIn(language, ['pdf']);
    const data = pdf!.data as Uint8Array;
    expect(Buffer.from(data.subarray(0, 5)).toString()).toBe('%PDF-');
    if (!hasTool('pdftotext')) return;
    const file = join(mkdtempSync(join(tmpdir(), 'agenda-lang-')), 'out.pdf');
    writeFileSync(file, data);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const words = { fr: ['Nations Unies', 'quatorzième réunion', 'lundi 11 septembre 2023', 'Mardi 12 septembre', '(suite)'], es: ['Naciones Unidas', 'decimocuarta reunión', 'lunes 11 de septiembre de 2023', '10.00 a 13.00 horas', '(continuación)'], ru: ['Организация Объединенных Наций', 'четырнадцатое совещание', 'понедельник, 11 сентября 2023 года', 'Вторник, 12 сентября', '(продолжение)'] }[language];
    for (const w of words) expect(text, w).toContain(w);
  });
});

describe('a definition written in French', () => {
  const yaml = `language: fr
document:
  symbol: CTOC/COP/WG.3/2023/1
  date: 2023-06-14
  original: en
body: Groupe de travail sur la coopération internationale
meeting:
  kind: meeting
  number: 1
  show_session: true
  venue: Vienne
  dates: [2023-09-01, 2023-09-01]
items:
  - id: organizational
    title: Questions d’organisation
    items:
      - id: opening
        title: Ouverture de la réunion
        annotation: La {session} du {body} sera ouverte le {opening-date}.
      - id: adoption
        title: Adoption de l’ordre du jour et organisation des travaux
  - id: other
    title: Questions diverses
  - id: report
    title: Adoption du rapport
`;

  it('is given its roles by its French titles and agrees the ordinal with "réunion"', () => {
    const { model, diagnostics } = compileYaml(yaml);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model!.meeting.session).toBe('Première réunion');
    expect(model!.meeting.placeAndDates).toBe('Vienne, 1er septembre 2023');
    expect(model!.lang).toBe('fr');
    const roles = model!.sources.outline.flatMap((i) => [i.role, ...i.children.map((c) => c.role)]);
    expect(roles).toEqual(['organizational-matters', 'opening', 'adoption-of-agenda', 'other-matters', 'adoption-of-report']);
  });

  it('keeps English output as it was: an English definition names the English words', () => {
    const { model } = compileYaml(yaml.replace('language: fr\n', ''));
    expect(model!.masthead.distribution).toBe('Distr.: General');
    expect(model!.meeting.session).toBe('First meeting');
    expect(en.ordinal(1)).toBe('first');
  });

  it('builds in every official language: Arabic and Chinese are no longer refused', () => {
    for (const language of ['ar', 'zh']) {
      const { model, diagnostics } = compileYaml(yaml.replace('language: fr', `language: ${language}`));
      expect(diagnostics.filter((d) => d.code === 'unsupported-language'), language).toEqual([]);
      expect(model!.lang).toBe(language);
    }
  });

  it('in Russian prints the masthead column in English and the rest in Russian', () => {
    const { model } = compileYaml(yaml.replace('language: fr', 'language: ru').replace('number: 1', 'number: 14'));
    expect(model!.masthead).toMatchObject({ unitedNations: 'Организация Объединенных Наций', distribution: 'Distr.: General', date: '14 June 2023', original: 'Original: English' });
    expect(model!.meeting.session).toBe('Четырнадцатое совещание');
  });
});

describe('rules that read one language’s wording', () => {
  const declared = RULES.filter((r) => r.languages);
  const english = declared.filter((r) => r.languages!.length === 1 && r.languages![0] === 'en');

  it('are declared, the English-only editorial rules among them', () => {
    expect(english.map((r) => r.name).sort()).toEqual(
      ['date-format', 'date-range', 'numbers-in-words', 'ordinals-in-words', 'per-cent', 'reference-case', 'reference-spacing', 'time-format', 'time-range', 'united-nations-unabbreviated', 'weekday-matches-date'].sort(),
    );
    expect(declared.filter((r) => !english.includes(r)).map((r) => `${r.name}: ${r.languages!.join(',')}`).sort()).toEqual(['french-first-of-month: fr', 'french-high-punctuation: fr', 'spanish-date-form: es']);
  });

  it.each(declared.filter((r) => !english.includes(r)).map((r) => [r.name, r] as const))('%s reports its failing example in its own language only', (_, rule) => {
    expect(found(rule.examples.failing, rule.id).length).toBeGreaterThan(0);
    const own = rule.languages![0]!;
    for (const language of ['en', ...LANGUAGES].filter((l) => l !== own)) {
      const yaml = rule.examples.failing.replace(`language: ${own}\n`, `language: ${language}\n`);
      expect(found(yaml, rule.id), language).toEqual([]);
    }
  });

  it.each(english.map((r) => [r.name, r] as const))('%s reports its failing example in English only', (_, rule) => {
    expect(found(rule.examples.failing, rule.id).length).toBeGreaterThan(0);
    for (const language of LANGUAGES) {
      const yaml = `language: ${language}\n${rule.examples.failing}`;
      expect(check(yaml).compiled.model?.lang, language).toBe(language); // the rules ran on a built model
      expect(found(yaml, rule.id), language).toEqual([]);
    }
  });
});

/** What the Markdown leaves once the author's texts are taken out. */
function toolWords(md: string): string {
  let rest = md;
  for (const fragment of authorFragments()) rest = rest.replaceAll(fragment, ' ');
  return rest;
}

describe.each(['ar', 'zh'] as const)('the reference example built in %s', (language) => {
  it('leaves no English document word in the Markdown outside the author’s texts and the English masthead column', async () => {
    const [md] = await buildIn(language, ['md']);
    // The masthead column is English by design: "Distr.: General", "14 June 2023", "Original: English".
    const rest = toolWords(String(md!.data)).replace('Distr.: General', '').replace('14 June 2023', '').replace('Original: English', '');
    const left = ENGLISH_WORDS.filter((w) => new RegExp(`(?<![\\p{L}])${w.replace('.', '\\.')}(?![\\p{L}])`, 'iu').test(rest));
    expect(left, rest).toEqual([]);
  });

  it('prints the words of its UN documents in the Markdown', async () => {
    const [md] = await buildIn(language, ['md']);
    const text = String(md!.data);
    const expected = {
      ar: ['الأمم المتحدة\\', 'Distr.: General', '14 June 2023', 'Original: English', 'Vienna، 11 و 12 أيلول/سبتمبر 2023', '# جدول الأعمال المؤقت المشروح', '## جدول الأعمال المؤقت', '1 - Organizational matters:', '(أ) Opening of the meeting؛', '(ب) Adoption of the agenda and organization of work.', 'The الاجتماع الرابع عشر of', 'on يوم الاثنين، 11 أيلول/سبتمبر 2023, at الساعة\u00a010:00.', 'Under البند 2 من جدول الأعمال,', '## الشروح', '## المرفق', '### تنظيم الأعمال المقترح', '| **الاثنين، 11 أيلول/سبتمبر** |', '| من الساعة\u00a010:00 إلى الساعة\u00a013:00 | 1 (أ) |', '(law enforcement cooperation) (تابع)', 'in اللغات الرسمية الست للأمم المتحدة'],
      zh: ['联合国\\', 'Distr.: General', '14 June 2023', 'Original: English', '2023年9月11日和12日，Vienna', '# 临时议程说明', '## 临时议程', '1. Organizational matters：', '(a) Opening of the meeting；', '(b) Adoption of the agenda and organization of work。\n', '5. Adoption of the report。\n', 'The 第十四次会议 of', 'on 2023年9月11日星期一, at 上午10时.', 'Under 议程项目2,', '## 说明', '## 附件', '| **9月11日星期一** |', '| 上午10时至下午1时 | 1(a) |', '(law enforcement cooperation)（续）', 'in 联合国六种正式语文'],
    }[language];
    for (const s of expected) expect(text, s).toContain(s);
  });

  it('writes HTML with the language and its direction', async () => {
    const [html] = await buildIn(language, ['html']);
    const text = String(html!.data);
    expect(text).toContain(language === 'ar' ? '<html lang="ar" dir="rtl">' : '<html lang="zh" dir="ltr">');
    expect(text).toContain(language === 'ar' ? 'الأمم المتحدة' : '联合国');
    // The masthead's English column says so; symbols read left to right; the script's font comes first.
    expect(text).toContain('<span lang="en" dir="ltr">Distr.: General</span>');
    expect(text).toMatch(/<a href="https:\/\/undocs\.org\/CTOC\/COP\/WG\.3\/2023\/1" dir="ltr">/);
    expect(text).toContain(language === 'ar' ? 'body { font-family: "Amiri"' : 'body { font-family: "Noto Serif SC"');
  });

  it('isolates document symbols in the Markdown of a right-to-left language only', async () => {
    const [md] = await buildIn(language, ['md']);
    const isolated = String(md!.data).includes('\u2066[CTOC/COP/WG.3/2023/1](https://undocs.org/CTOC/COP/WG.3/2023/1)\u2069');
    expect(isolated).toBe(language === 'ar');
  });

  it('builds the PDF in the script’s font (Chinese: refused with what to install when Noto Serif CJK is not)', async () => {
    const yaml = `language: ${language}\n${readFileSync(examplePath('ctoc-cop-wg3-2023.yaml'), 'utf8')}`;
    const session = new Session({ fs: new MemoryFileSystem({ '/p/meeting.yaml': yaml, '/p/package.json': '{}' }) });
    const result = await buildDefinition(session, '/p/meeting.yaml', { formats: ['pdf'], allowErrors: true });
    const found = result.diagnostics.filter((d) => d.code === 'unsupported-character');
    if (language === 'zh' && missingFamily('Noto Serif SC')) {
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ file: '/p/meeting.yaml', severity: 'error' });
      expect(found[0]!.hint).toContain('fonts-noto-cjk');
      return;
    }
    expect(found).toEqual([]);
    const pdf = Buffer.from(result.outputs!.find((o) => o.format === 'pdf')!.data as Uint8Array).toString('latin1');
    expect(pdf).toMatch(language === 'ar' ? /\/BaseFont \/[A-Z]{6}\+Amiri-Regular/ : /\/BaseFont \/[A-Z]{6}\+NotoSerifCJKsc-Regular/);
  });
});
