/**
 * The reference example in French, Spanish and Russian, built from the original and the
 * translation files beside it (examples/ctoc-cop-wg3-2023.fr.yaml, ...): each version's
 * Markdown against its golden file, its HTML's language, and the words of the language
 * given back by pdftotext from its PDF. Then what happens when a translation is missing
 * or incomplete, through the library and the command.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { main } from '../../src/cli.js';
import { build, MemoryFileSystem, Session, type BuiltOutput } from '../../src/core/index.js';
import { hasTool } from '../pdf/helpers.js';
import { repoRoot } from '../helpers/reference.js';

const LANGUAGES = ['fr', 'es', 'ru', 'ar', 'zh'] as const;
type Language = (typeof LANGUAGES)[number];
/** The languages whose PDF text is checked here; the Arabic and Chinese PDFs (other fonts, right to left, pdftotext's spacing) in test/pdf/scripts.test.ts. */
const PDF_LANGUAGES: readonly Language[] = ['fr', 'es', 'ru'];
const reference = resolve(repoRoot, 'examples/ctoc-cop-wg3-2023.yaml');
const translationPath = (language: Language) => resolve(repoRoot, `examples/ctoc-cop-wg3-2023.${language}.yaml`);

/**
 * Words the locale writes, as the language's UN documents print them: the weekday and date of
 * the opening, an annex day row, the ordinal and noun of the meeting, "(continued)". Written
 * out here, not taken from the locale, so that a wrong word there fails.
 */
const LOCALE_WORDS: Record<Language, string[]> = {
  fr: ['lundi 11 septembre 2023', 'Mardi 12 septembre', 'quatorzième réunion', 'Vienne, 11 et 12 septembre 2023'],
  es: ['lunes 11 de septiembre de 2023', 'Martes 12 de septiembre', 'decimocuarta reunión', 'Viena, 11 y 12 de septiembre de 2023'],
  ru: ['понедельник, 11 сентября 2023 года', 'Вторник, 12 сентября', 'четырнадцатое совещание', 'Вена, 11 и 12 сентября 2023 года', 'четыре пленарных заседания за два дня'],
  ar: ['يوم الاثنين، 11 أيلول/سبتمبر 2023', 'الثلاثاء، 12 أيلول/سبتمبر', 'الاجتماع الرابع عشر', 'فيينا، 11 و 12 أيلول/سبتمبر 2023', 'عقد أربع جلسات عامة على مدى يومين'],
  zh: ['2023年9月11日星期一', '9月12日星期二', '第十四次会议', '2023年9月11日和12日，维也纳', '在两天内举行四次全体会议'],
};
/** "(continued)", in italics in the annex: "(*suite*)" in Markdown. */
const CONTINUED: Record<Language, string> = { fr: 'suite', es: 'continuación', ru: 'продолжение', ar: 'تابع', zh: '续' };
/** The mark as the Markdown prints it: in italics within parentheses, but Arabic and Chinese type have no italics, and Chinese parentheses are full width. */
const continuedInMarkdown = (language: Language) => (language === 'zh' ? `（${CONTINUED.zh}）` : language === 'ar' ? `(${CONTINUED.ar})` : `(*${CONTINUED[language]}*)`);

/** The item titles of a translation file (seven titles and the short title the annex uses), as its translator wrote them. */
function itemTitles(language: Language): string[] {
  const texts = (parseYaml(readFileSync(translationPath(language), 'utf8')) as { texts: Record<string, { text: string }> }).texts;
  const titles = Object.entries(texts)
    .filter(([key]) => /^items\[[^\]]+\](\.items\[[^\]]+\])?\.(title|short_title)$/.test(key))
    .map(([, t]) => t.text);
  expect(titles).toHaveLength(8);
  return titles;
}

/** One run of white space (line breaks, no-break and narrow no-break spaces) as one space, as pdftotext lays out lines. */
const spaces = (text: string) => text.replace(/\s+/gu, ' ');

let outputs: BuiltOutput[] = [];
const output = (language: Language, format: string) => {
  const found = outputs.find((o) => o.language === language && o.format === format);
  expect(found, `${language} ${format}`).toBeDefined();
  return found!.data;
};

beforeAll(async () => {
  const documents = await build(reference, { formats: ['md', 'html'], languages: [...LANGUAGES] });
  const pdfs = await build(reference, { formats: ['pdf'], languages: [...PDF_LANGUAGES] });
  for (const result of [documents, pdfs]) {
    expect(result.diagnostics.filter((d) => d.severity === 'error' || d.code.startsWith('translation-'))).toEqual([]);
    outputs.push(...(result.outputs ?? []));
  }
}, 60_000);

describe.each(LANGUAGES)('the reference example in %s', (language) => {
  it('matches its golden Markdown (UPDATE_GOLDEN=1 regenerates)', () => {
    const golden = resolve(repoRoot, `test/golden/ctoc-cop-wg3-2023.${language}.md`);
    const md = String(output(language, 'md'));
    if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, md);
    expect(md).toBe(readFileSync(golden, 'utf8'));
  });

  it('prints the translated titles and the locale’s words in the Markdown', () => {
    const md = spaces(String(output(language, 'md')));
    for (const w of [...LOCALE_WORDS[language], continuedInMarkdown(language), ...itemTitles(language)]) expect(md.includes(spaces(w)), w).toBe(true);
  });

  it('declares its language on the HTML page, which html-validate finds valid', async () => {
    const html = String(output(language, 'html'));
    expect(html).toMatch(new RegExp(`<html lang="${language}"[ >]`));
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html, `m.${language}.html`);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it.skipIf(!hasTool('pdftotext') || !PDF_LANGUAGES.includes(language))('gives back from pdftotext the weekday, month, ordinal, “continued” and every item title (skipped without pdftotext)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-languages-'));
    try {
      const file = join(dir, `m.${language}.pdf`);
      writeFileSync(file, output(language, 'pdf') as Uint8Array);
      const text = spaces(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
      for (const w of [...LOCALE_WORDS[language], `(${CONTINUED[language]})`, ...itemTitles(language)]) expect(text.includes(spaces(w)), w).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a translation with a text missing', () => {
  const original = readFileSync(reference, 'utf8');
  // The French file without the title of item 5: its key and its two lines.
  const incomplete = readFileSync(translationPath('fr'), 'utf8').replace(/ {2}items\[report\]\.title:\n {4}text: .*\n {4}source: \w+\n/, '');
  const session = () => new Session({ fs: new MemoryFileSystem({ '/p/m.yaml': original, '/p/m.fr.yaml': incomplete, '/p/package.json': '{}' }) });

  it('is an error when building that language, at the line of the translation file', async () => {
    expect(incomplete).not.toContain('text: Adoption du rapport');
    const result = await build('/p/m.yaml', { session: session(), formats: ['md'], languages: ['fr'] });
    expect(result.outputs).toBeUndefined();
    const missing = result.diagnostics.filter((d) => d.code === 'translation-missing');
    expect(missing.map((d) => [d.severity, d.file, d.message])).toEqual([['error', '/p/m.fr.yaml', expect.stringContaining("'items[report].title'")]]);
  });

  it('builds with allowUntranslated, the text issued in the original language, marked, and a warning', async () => {
    const result = await build('/p/m.yaml', { session: session(), formats: ['md'], languages: ['fr'], allowUntranslated: true });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.diagnostics.filter((d) => d.code === 'translation-missing').map((d) => d.severity)).toEqual(['warning']);
    const md = String(result.outputs!.find((o) => o.language === 'fr')!.data);
    expect(md).toContain('5. \\[en\\] Adoption of the report.');
    expect(md).toContain('4. Questions diverses.');
  });
});

describe('agenda build --lang', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-lang-cli-'));
    dirs.push(dir);
    copyFileSync(reference, join(dir, 'm.yaml'));
    return dir;
  };
  async function run(...args: string[]) {
    let out = '';
    let err = '';
    const code = await main(['node', 'agenda', ...args], { out: (t) => (out += t), err: (t) => (err += t), color: false });
    return { code, out, err };
  }

  it('exits 1 without a translation file, naming the missing translation, and writes nothing', async () => {
    const dir = folder();
    const r = await run('build', join(dir, 'm.yaml'), '--lang', 'fr', '--out', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain("error there is no translation into 'fr' [translation-missing]");
    expect(r.err).toContain('--allow-untranslated');
    expect(existsSync(join(dir, 'm.fr.pdf'))).toBe(false);
  });

  it('exits 1 on an incomplete translation, and 0 with --allow-untranslated', async () => {
    const dir = folder();
    const fr = readFileSync(translationPath('fr'), 'utf8').replace(/ {2}items\[report\]\.title:\n {4}text: .*\n {4}source: \w+\n/, '');
    writeFileSync(join(dir, 'm.fr.yaml'), fr);
    const refused = await run('build', join(dir, 'm.yaml'), '--lang', 'fr', '--format', 'md', '--out', dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("error no translation of 'items[report].title'");
    expect(existsSync(join(dir, 'm.fr.md'))).toBe(false);
    const allowed = await run('build', join(dir, 'm.yaml'), '--lang', 'fr', '--format', 'md', '--out', dir, '--allow-untranslated');
    expect(allowed.code).toBe(0);
    expect(allowed.err).toContain("warning no translation of 'items[report].title'");
    expect(readFileSync(join(dir, 'm.fr.md'), 'utf8')).toContain('Adoption of the report');
  });

  it('exits 0 with the translation files of the reference, writing every version', async () => {
    const dir = folder();
    for (const l of LANGUAGES) copyFileSync(translationPath(l), join(dir, `m.${l}.yaml`));
    const r = await run('build', join(dir, 'm.yaml'), '--lang', 'en,fr,es,ru', '--format', 'md', '--out', dir);
    expect(r).toMatchObject({ code: 0 });
    for (const name of ['m.md', 'm.fr.md', 'm.es.md', 'm.ru.md']) expect(existsSync(join(dir, name)), name).toBe(true);
  });
});
