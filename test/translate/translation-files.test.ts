/**
 * Translation files (meeting.fr.yaml): their keys, the drift check at their lines (missing,
 * extra, outdated, unverified texts, lost placeholders), and where `check` and the batch
 * meet them. Building the versions themselves is tested with the locales (languages.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/index.js';
import { MemoryFileSystem } from '../../src/core/fs.js';
import { Session } from '../../src/core/session.js';
import { textHash, translationKey } from '../../src/translate/keys.js';
import { loadTranslation, translationFile, translationName } from '../../src/translate/load.js';
import { marked } from '../../src/translate/apply.js';
import { buildSource } from '../../src/core/build.js';
import { repoRoot } from '../helpers/reference.js';

const reference = readFileSync(join(repoRoot, 'examples/ctoc-cop-wg3-2023.yaml'), 'utf8');
const session = (files: Record<string, string>) => new Session({ fs: new MemoryFileSystem(files) });
const brief = (d: { line: number; column: number; severity: string; code: string; message: string }) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;

describe('translation keys', () => {
  const data = { items: [{ id: 'opening', title: 'x', documentation: [{ symbol: 'A/1', title: 't' }, { title: 'u' }] }], footnotes: { web: 'w' } };
  it('name list elements by their id or symbol, not their place, and fall back to the index', () => {
    expect(translationKey(data, ['items', 0, 'title'])).toBe('items[opening].title');
    expect(translationKey(data, ['items', 0, 'documentation', 0, 'title'])).toBe('items[opening].documentation[A/1].title');
    expect(translationKey(data, ['items', 0, 'documentation', 1, 'title'])).toBe('items[opening].documentation[1].title');
    expect(translationKey(data, ['footnotes', 'web'])).toBe('footnotes.web');
  });
  it('fingerprint a text by its exact wording', () => {
    expect(textHash('Other matters')).toMatch(/^[a-p]{10}$/);
    expect(textHash('Other matters')).not.toBe(textHash('Other matters.'));
  });
  it('name translation files after the original', () => {
    expect(translationFile('meetings/m.yaml', 'fr')).toBe('meetings/m.fr.yaml');
    expect(translationName('meetings/m.es.yaml')).toEqual({ original: 'meetings/m.yaml', language: 'es' });
    expect(translationName('meetings/m.yaml')).toBeUndefined();
    expect(translationName('meetings/m.de.yaml')).toBeUndefined();
  });
});

describe('a translation file', () => {
  it('is read with its texts, and every mistake of form is reported at its line', () => {
    const t = loadTranslation('m.fr.yaml', 'language: es\ntexts:\n  body:\n    text: Groupe\n    colour: blue\n  other: { source: abc }\nextra: 1\n');
    expect(t.diagnostics.map(brief)).toEqual([
      "1:11 error translation-language this translation is in 'es', but its name says 'fr'",
      "5:5 error translation-format a translated text has no field 'colour': only `text` and `source`",
      "6:10 error translation-format the translation of 'other' has no text",
      "7:1 error translation-format a translation file has no field 'extra': only `language` and `texts`",
    ]);
    expect(t.texts.get('body')).toEqual({ key: 'body', text: 'Groupe' });
  });
});

describe('agenda check and translations', () => {
  const french = [
    'language: fr',
    'texts:',
    '  body:',
    '    text: Groupe de travail sur la coopération internationale',
    `    source: ${textHash('Working Group on International Cooperation')}`,
    '  items[organizational].title:',
    '    text: Questions d’organisation',
    '    source: aaaaaaaaaa',
    '  items[gone].title: Rien',
    '  footnotes.organization-of-work:',
    `    source: ${textHash(reference.match(/organization-of-work: (.*)/)![1]!)}`,
    '    text: Les détails de l’organisation des travaux de la {session} sont disponibles.',
    '',
  ].join('\n');

  it('reports, with the original, what its translations beside it miss, add, or translate from an older original', () => {
    const result = check('m.yaml', { session: session({ 'm.yaml': reference, 'm.fr.yaml': french }) });
    const found = result.diagnostics.filter((d) => d.file === 'm.fr.yaml');
    const codes = found.map((d) => d.code);
    // Nothing on the body, translated from the wording the original has.
    expect(found.some((d) => d.message.includes("'body'"))).toBe(false);
    expect(found.filter((d) => d.code === 'translation-missing')).toHaveLength(18); // 21 texts (the venue with them), 3 translated
    expect(found.find((d) => d.code === 'translation-missing')).toMatchObject({ line: 2, column: 1, severity: 'warning' });
    expect(found.filter((d) => d.code !== 'translation-missing').map(brief)).toEqual([
      "8:13 warning translation-outdated the original of 'items[organizational].title' changed since it was translated: it now reads \"Organizational matters\"",
      "9:3 warning translation-extra 'items[gone].title' is not a text of m.yaml",
      "12:11 error translation-structure the translation of 'footnotes.organization-of-work' lacks {body}, which the original has",
    ]);
    expect(codes).not.toContain('schema');
  });

  it('checks a translation file named on the command line against its original', () => {
    const result = check('m.fr.yaml', { session: session({ 'm.yaml': reference, 'm.fr.yaml': french }) });
    expect(result.file).toBe('m.fr.yaml');
    expect(result.diagnostics.every((d) => d.file === 'm.fr.yaml')).toBe(true);
    expect(result.diagnostics.some((d) => d.code === 'translation-structure')).toBe(true);
  });

  it('says nothing of translations a definition does not have', () => {
    const result = check('m.yaml', { session: session({ 'm.yaml': reference }) });
    expect(result.diagnostics.filter((d) => d.code.startsWith('translation'))).toEqual([]);
  });
});

describe('a language version', () => {
  it('marks each paragraph of a text left in the original language', () => {
    expect(marked('Other matters', 'en')).toBe('[en] Other matters');
    expect(marked('First.\n\n  Second {session}.\n', 'en')).toBe('[en] First.\n\n  [en] Second {session}.\n');
    // After a sub-heading's marks, so that it stays a sub-heading.
    expect(marked('Intro.\n\n### Civil rights\n\nText.', 'en')).toBe('[en] Intro.\n\n### [en] Civil rights\n\n[en] Text.');
  });

  it('with --allow-untranslated, issues the missing texts marked and warns; without, builds nothing', async () => {
    const fr = { fr: { file: 'm.fr.yaml', source: `language: fr\ntexts:\n  items[other-matters].title:\n    text: Questions diverses\n    source: ${textHash('Other matters')}\n` } };
    const strict = await buildSource('m.yaml', reference, { formats: ['md'], languages: ['fr'], translations: fr }, { diagnostics: [] });
    expect(strict.outputs).toBeUndefined();
    expect(strict.diagnostics.filter((d) => d.code === 'translation-missing' && d.severity === 'error')).toHaveLength(20);
    const lenient = await buildSource('m.yaml', reference, { formats: ['md'], languages: ['fr'], translations: fr, allowUntranslated: true }, { diagnostics: [] });
    expect(lenient.outputs?.map((o) => o.language)).toEqual(['fr']);
    const md = lenient.outputs![0]!.data as string;
    expect(md).toContain('Questions diverses');
    expect(md).toContain('\\[en\\] Adoption of the report'); // escaped in Markdown
    expect(md).not.toContain('[en] Questions diverses');
    // An untranslated text fills its placeholders in its own language, from the original's names.
    expect(md).toContain('\\[en\\] The fourteenth meeting of the Working Group on International Cooperation will be opened on Monday, 11 September 2023, at 10 a.m.');
    // Roles come from the original: the French title of "Other matters" is still the item of other matters.
    expect(lenient.diagnostics.every((d) => d.severity !== 'error')).toBe(true);
  });
});

describe('the editorial rules of a translation’s language', () => {
  it('run on its texts and are reported at their place in the translation file', () => {
    const french = readFileSync(join(repoRoot, 'examples/ctoc-cop-wg3-2023.fr.yaml'), 'utf8').replace('text: Questions diverses', 'text: "Questions diverses: le 1 mars"');
    const line = french.split('\n').findIndex((l) => l.includes('Questions diverses: le 1 mars')) + 1;
    const result = check('m.yaml', { session: session({ 'm.yaml': reference, 'm.fr.yaml': french }) });
    expect(result.diagnostics.filter((d) => d.file === 'm.fr.yaml').map(brief)).toEqual([
      `${line}:30 warning AG037 ':' takes a no-break space before it in French`,
      `${line}:35 warning AG038 the first of the month is written '1er' in French, not '1'`,
    ]);
    // The published translations are clean.
    const clean = check('m.yaml', { session: session({ 'm.yaml': reference, 'm.fr.yaml': readFileSync(join(repoRoot, 'examples/ctoc-cop-wg3-2023.fr.yaml'), 'utf8') }) });
    expect(clean.diagnostics.filter((d) => d.file === 'm.fr.yaml')).toEqual([]);
  });
});

describe('a batch build given a translation file', () => {
  it('builds the definitions and says that a translation named alone is built with its original', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { runBatch } = await import('../../src/batch/run-batch.js');
    const dir = mkdtempSync(join(tmpdir(), 'agenda-translation-input-'));
    try {
      writeFileSync(join(dir, 'm.yaml'), reference);
      writeFileSync(join(dir, 'm.fr.yaml'), readFileSync(join(repoRoot, 'examples/ctoc-cop-wg3-2023.fr.yaml'), 'utf8'));
      const results: { file: string; status: string; message?: string }[] = [];
      const reporter = { start() {}, result: (r: { file: string; status: string; error?: { message: string } }) => results.push({ file: r.file, status: r.status, ...(r.error ? { message: r.error.message } : {}) }) };
      // The folder: one definition, whose translation is not built as one.
      await runBatch({ inputs: [dir], formats: ['md'], out: join(dir, 'out'), jobs: 1 }, reporter);
      expect(results.map((r) => [r.file.slice(dir.length + 1), r.status])).toEqual([['m.yaml', 'built']]);
      // The translation alone: refused, with what to do.
      results.length = 0;
      await runBatch({ inputs: [join(dir, 'm.fr.yaml')], formats: ['md'], out: join(dir, 'out2'), jobs: 1 }, reporter);
      expect(results).toHaveLength(1);
      expect(results[0]).toMatchObject({ status: 'failed' });
      expect(results[0]!.message).toMatch(/m\.fr\.yaml is the fr translation of .*m\.yaml, not a definition$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the emblem in a language version', () => {
  it('is drawn in every version, with its description in the version’s language', async () => {
    const dir = join(repoRoot, 'test/fixtures/emblem');
    const file = join(dir, 'with-emblem.yaml');
    const built = await buildSource(file, readFileSync(file, 'utf8'), { formats: ['html'], languages: ['en', 'fr'], allowUntranslated: true }, { diagnostics: [] });
    const html = (language?: string) => String(built.outputs!.find((o) => o.language === language)!.data);
    expect(html()).toContain('alt="United Nations emblem"');
    expect(html('fr')).toMatch(/<img class="emblem" src="data:image\/svg\+xml;base64,[^"]+" alt="Emblème de l’Organisation des Nations Unies"/);
  });
});
