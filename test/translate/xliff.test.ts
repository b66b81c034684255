/**
 * The XLIFF exchange: an export lists every text with its translation, an import writes the
 * targets back with the fingerprint of their source, and a round trip without edits changes
 * nothing. The XLIFF is read back by the `xliff` package's own parser, independently of ours.
 */
import { existsSync, lstatSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xliff2js from 'xliff/xliff2js';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/pipeline.js';
import { textHash } from '../../src/translate/keys.js';
import { loadTranslation } from '../../src/translate/load.js';
import { translatableTexts } from '../../src/translate/texts.js';
import { translationDrift } from '../../src/translate/drift.js';
import { main } from '../../src/cli.js';
import { exportXliff, mergeIntoTranslation, readXliff, XmlSyntaxError } from '../../src/translate/xliff.js';
import { repoRoot } from '../helpers/reference.js';

const compiled = compileSource('m.yaml', readFileSync(join(repoRoot, 'examples/ctoc-cop-wg3-2023.yaml'), 'utf8'));
const texts = translatableTexts(compiled.model!, compiled.definition!);

/** What a translator would return: every source given a target. */
const translate = (xml: string) => xml.replace(/<source>([\s\S]*?)<\/source>(?!\s*<target>)/g, (_, s: string) => `<source>${s}</source><target>FR ${s.trim()}</target>`);

describe('XLIFF export and import', () => {
  it('exports XLIFF 2.1 with one unit per text, its source the original, and notes for the translator', async () => {
    const xml = await exportXliff('m.yaml', texts, 'en', 'fr');
    expect(xml).toMatch(/^<xliff xmlns="urn:oasis:names:tc:xliff:document:2\.0" version="2\.1" srcLang="en" trgLang="fr">/);
    const js = (await xliff2js(xml)) as { resources: Record<string, Record<string, { source: string; target?: string; note?: string[] }>> };
    const units = js.resources['m.yaml']!;
    expect(Object.keys(units)).toEqual(texts.map((t) => t.key));
    expect(units['items[other-matters].title']).toMatchObject({ source: 'Other matters' });
    expect(units['items[other-matters].title']!.target ?? '').toBe('');
    expect(units['footnotes.organization-of-work']!.note).toContain('Keep {placeholders} and [^footnote calls] exactly as they are: they are filled in or numbered for each language.');
  });

  it('imports the targets into a new translation file that checks clean, and a second round trip changes nothing', async () => {
    const returned = translate(await exportXliff('m.yaml', texts, 'en', 'fr'));
    const imported = await readXliff(returned);
    expect(imported).toMatchObject({ targetLanguage: 'fr', original: 'm.yaml' });
    const first = mergeIntoTranslation(undefined, 'fr', imported.units);
    expect(first.changed).toBe(texts.length);
    const loaded = loadTranslation('m.fr.yaml', first.text);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.texts.get('items[other-matters].title')).toEqual({ key: 'items[other-matters].title', text: 'FR Other matters', source: textHash('Other matters') });
    expect(translationDrift(texts, loaded, 'm.yaml', { missing: 'error' })).toEqual([]);
    const again = await readXliff(await exportXliff('m.yaml', texts, 'en', 'fr', loaded));
    expect(mergeIntoTranslation(first.text, 'fr', again.units)).toEqual({ text: first.text, changed: 0 });
  });

  it('leaves out the target of a text whose original changed, so that importing cannot take the old translation as done', async () => {
    const stale = loadTranslation('m.fr.yaml', 'language: fr\ntexts:\n  items[other-matters].title:\n    text: Questions diverses\n    source: aaaaaaaaaa\n');
    const xml = await exportXliff('m.yaml', texts, 'en', 'fr', stale);
    const unit = ((await xliff2js(xml)) as { resources: Record<string, Record<string, { target?: string; note?: string[] }>> }).resources['m.yaml']!['items[other-matters].title']!;
    expect(unit.target ?? '').toBe('');
    expect(unit.note).toContain('Its original changed since it was translated; the earlier translation was: Questions diverses');
    expect((await readXliff(xml)).units.find((u) => u.key === 'items[other-matters].title')).toBeUndefined();
  });

  it('keeps the comments and order of a translation file it updates', () => {
    const existing = '# Revised by the French section\nlanguage: fr\ntexts:\n  body:\n    text: Groupe\n    source: aaaaaaaaaa # reviewed\n';
    const { text } = mergeIntoTranslation(existing, 'fr', [{ key: 'meeting.venue', source: 'Vienna', target: 'Vienne' }]);
    expect(text).toBe(`${existing}  meeting.venue:\n    text: Vienne\n    source: ${textHash('Vienna')}\n`);
  });

  it('refuses what is not XLIFF', async () => {
    await expect(readXliff('document: {}\n')).rejects.toThrow();
  });

  it('refuses XML that is not well formed, at the place it breaks: a file cut short imports nothing', async () => {
    const xml = translate(await exportXliff('m.yaml', texts, 'en', 'fr'));
    const cut = xml.slice(0, xml.length >> 1);
    const error = await readXliff(cut).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XmlSyntaxError);
    expect((error as XmlSyntaxError).at.line).toBe(cut.split('\n').length);
    await expect(readXliff('<xliff version="2.1">\n  <file id="m.yaml">\n</xliff>')).rejects.toMatchObject({ message: 'unexpected close tag', at: { line: 3, column: 8 } });

    const dir = mkdtempSync(join(tmpdir(), 'agenda-xliff-'));
    writeFileSync(join(dir, 'm.fr.xlf'), cut);
    const r = await run('xliff', 'import', join(dir, 'm.fr.xlf'), '--into', join(dir, 'm.fr.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`m\\.fr\\.xlf:${cut.split('\n').length}:\\d+: error this is not well-formed XML: `));
    expect(existsSync(join(dir, 'm.fr.yaml'))).toBe(false);
  });

  it('updates a translation file through a link to it, as --fix writes a definition: the link stays a link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-xliff-'));
    const shared = join(dir, 'shared.fr.yaml');
    writeFileSync(shared, 'language: fr\ntexts: {}\n');
    symlinkSync(shared, join(dir, 'm.fr.yaml'));
    writeFileSync(join(dir, 'm.fr.xlf'), translate(await exportXliff('m.yaml', texts, 'en', 'fr')));
    const r = await run('xliff', 'import', join(dir, 'm.fr.xlf'), '--into', join(dir, 'm.fr.yaml'));
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'm.fr.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(shared, 'utf8')).toContain('text: FR Vienna');
  });

  it('does not write over a definition named by --into (the original, by mistake)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-xliff-'));
    const original = readFileSync(join(repoRoot, 'examples/ctoc-cop-wg3-2023.yaml'), 'utf8');
    writeFileSync(join(dir, 'm.yaml'), original);
    writeFileSync(join(dir, 'm.fr.xlf'), translate(await exportXliff('m.yaml', texts, 'en', 'fr')));
    const r = await run('xliff', 'import', join(dir, 'm.fr.xlf'), '--into', join(dir, 'm.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('error this is a meeting definition, not a translation file');
    expect(readFileSync(join(dir, 'm.yaml'), 'utf8')).toBe(original);
  });
});

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'agenda', ...args], { out: (t) => (out += t), err: (t) => (err += t), color: false });
  return { code, out, err };
}
