/**
 * Akoma Ntoso output: every example against its golden file and against the OASIS AKN 3.0
 * schema (schemas/akn/, validated by Debian's xmllint, an independent reader), hostile text,
 * reproducible bytes, the language versions' identification, footnotes and joint symbols.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuiltOutput } from '../../src/core/index.js';
import { FORMATS, parseFormats } from '../../src/core/formats.js';
import type { AgendaDocument } from '../../src/model.js';
import { aknIdentity, renderAkn } from '../../src/render/akn/index.js';
import { translationName } from '../../src/translate/load.js';
import { compileExample, compileYaml, MINIMAL } from '../helpers/compile.js';
import { repoRoot } from '../helpers/reference.js';
import { HOSTILE, HOSTILE_URL, hostileModel } from '../html/hostile.js';

const SCHEMA = resolve(repoRoot, 'schemas/akn/akomantoso30.xsd');
const examples = readdirSync(resolve(repoRoot, 'examples')).filter((f) => f.endsWith('.yaml') && !translationName(f));

const xmllint = spawnSync('xmllint', ['--version']).status === 0;
const SKIP_REASON = 'xmllint is not installed (Debian package libxml2-utils, which .ci/run installs): the schema checks are skipped';
if (!xmllint) console.warn(SKIP_REASON);

/** xmllint over the text, with arguments; its exit status and messages. */
function lint(xml: string, args: string[]): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync('xmllint', [...args, '-'], { input: xml, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}
/** Schema-valid, or the validator's messages (so a failure says what is wrong). */
function expectValid(xml: string): void {
  const r = lint(xml, ['--noout', '--nonet', '--schema', SCHEMA]);
  expect(r.stderr.trim()).toBe('- validates');
  expect(r.status).toBe(0);
}
/** The string value of an XPath over the document, namespace-blind (AKN's default namespace). */
const xpath = (xml: string, path: string): string => lint(xml, ['--nonet', '--xpath', `string(${path})`]).stdout.replace(/\n$/, '');
const el = (name: string) => `*[local-name()="${name}"]`;

function modelOf(name: string): AgendaDocument {
  const { model, diagnostics } = compileExample(name);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model!;
}

describe('AKN output of the examples', () => {
  it.each(examples)('%s matches its golden file (UPDATE_GOLDEN=1 regenerates)', (name) => {
    const golden = resolve(repoRoot, 'test/golden', name.replace(/\.yaml$/, '.akn.xml'));
    const output = renderAkn(modelOf(name));
    if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, output);
    expect(output).toBe(readFileSync(golden, 'utf8'));
  });

  it.skipIf(!xmllint).each(examples)('%s is valid against the OASIS Akoma Ntoso 3.0 schema', (name) => {
    expectValid(renderAkn(modelOf(name)));
  });

  it('is the same bytes for the same definition, compiled twice', () => {
    const a = renderAkn(modelOf('ctoc-cop-wg3-2023.yaml'));
    const b = renderAkn(compileExample('ctoc-cop-wg3-2023.yaml').model!);
    expect(b).toBe(a);
  });

  it('identifies the reference document as AKN4UN names a meeting agenda', () => {
    const xml = renderAkn(modelOf('ctoc-cop-wg3-2023.yaml'));
    expect(xml).toContain('<debateReport name="agendaAnnotated">');
    const work = '/akn/un/debateReport/agenda/un-ctoc-cop-wg.3/2023-06-14/CTOC-COP-WG.3-2023-1';
    expect(xml).toContain(`<FRBRuri value="${work}"/>`);
    expect(xml).toContain(`<FRBRthis value="${work}/!main"/>`);
    expect(xml).toContain(`<FRBRuri value="${work}/eng@2023-06-14"/>`);
    expect(xml).toContain(`<FRBRuri value="${work}/eng@2023-06-14.xml"/>`);
    expect(xml).toContain('<FRBRnumber value="CTOC-COP-WG.3-2023-1" showAs="CTOC/COP/WG.3/2023/1"/>');
    expect(xml).toContain('<FRBRlanguage language="eng"/>');
    // The author the Work names is a reference of the document, and its IRI ends with the actor of the Work IRI.
    expect(xml).toContain('<FRBRauthor href="#un-ctoc-cop-wg.3"/>');
    expect(xml).toContain('<TLCOrganization eId="un-ctoc-cop-wg.3" href="/akn/ontology/organizations/un-ctoc-cop-wg.3" showAs="Conference of the Parties to the United Nations Convention against Transnational Organized Crime"/>');
    // The annex is a component of the same expression.
    expect(xml).toContain(`<FRBRthis value="${work}/eng@2023-06-14/!annex_1"/>`);
  });

  it.skipIf(!xmllint)('carries the list, the annotations, the notes and the annex where a reader looks for them', () => {
    const xml = renderAkn(modelOf('ctoc-cop-wg3-2023.yaml'));
    expect(xpath(xml, `//${el('preface')}//${el('docNumber')}`)).toBe('CTOC/COP/WG.3/2023/1');
    expect(xpath(xml, `//${el('preface')}//${el('docDate')}/@date`)).toBe('2023-06-14');
    expect(xpath(xml, `//${el('preface')}//${el('docTitle')}`)).toBe('Annotated provisional agenda');
    expect(xpath(xml, `//${el('item')}[@eId="agenda__item-report"]/${el('num')}`)).toBe('5.');
    expect(xpath(xml, `//${el('item')}[@eId="agenda__item-report"]/${el('p')}`)).toBe('Adoption of the report.');
    expect(xpath(xml, `//${el('subsection')}[@eId="annotations__item-opening"]/${el('num')}`)).toBe('(a)');
    expect(xpath(xml, `//${el('subsection')}[@eId="annotations__item-opening"]/${el('heading')}`)).toBe('Opening of the meeting');
    expect(xpath(xml, `count(//${el('section')})`)).toBe('5');
    // The footnote stands where it is called, with its number as printed.
    expect(xpath(xml, `//${el('authorialNote')}[@eId="note-organization-of-work"]/@marker`)).toBe('1');
    expect(xpath(xml, `//${el('authorialNote')}[@eId="note-organization-of-work"]`)).toMatch(/^A document containing the details of the organization of work/);
    // The annex table: a header row, a row per day, the time slot heading its rows.
    expect(xpath(xml, `//${el('table')}/${el('tr')}[1]/${el('th')}[1]`)).toBe('Date and time');
    expect(xpath(xml, `//${el('table')}//${el('date')}/@date`)).toBe('2023-09-11');
    // A header row, two day rows and eight rows of business; the first slot heads its three rows.
    expect(xpath(xml, `count(//${el('table')}/${el('tr')})`)).toBe('11');
    expect(xpath(xml, `//${el('tr')}[@eId="annex__slot-2023-09-11-1000"]/${el('th')}/@rowspan`)).toBe('3');
    expect(xpath(xml, `//${el('tr')}[@eId="annex__slot-2023-09-11-1500"]/${el('td')}[2]/${el('p')}/${el('i')}`)).toBe('continued');
  });

  it.skipIf(!xmllint)('marks an asterisk note where its mark stands (treaty body example)', () => {
    const xml = renderAkn(modelOf('treaty-body-session.yaml'));
    expect(xpath(xml, `//${el('authorialNote')}[@marker="*"]/@eId`)).toBe('star-note-1');
    expect(xpath(xml, `count(//${el('preface')}//${el('authorialNote')})`)).toBe('1');
  });
});

describe('AKN output of hostile text', () => {
  // The HTML tests' hostile model, plus what only XML minds: a CDATA end, a C0 control, a lone surrogate.
  const doc = hostileModel();
  const extra = `${HOSTILE} ]]> a\u0001b \uD800 "end"`;
  doc.meeting.body = extra;
  doc.masthead.distribution = extra;
  // The symbol names the document in the identifiers too: the IRIs must stay IRIs.
  doc.masthead.symbols = [HOSTILE];
  // White space in an attribute value: a parser would turn a raw tab or line break into a space.
  doc.masthead.unitedNations = 'United\tNations\r\nline';
  const xml = renderAkn(doc);

  it('holds no unescaped markup from the text', () => {
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    expect(xml).not.toContain('\u0001');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it.skipIf(!xmllint)('is well formed and valid, and gives the text back to a parser', () => {
    expect(lint(xml, ['--noout', '--nonet']).status).toBe(0);
    expectValid(xml);
    expect(xpath(xml, `//${el('docAuthority')}`)).toBe(HOSTILE);
    expect(xpath(xml, `//${el('docNumber')}/${el('ref')}/@href`)).toBe(HOSTILE_URL);
    expect(xpath(xml, `//${el('inline')}[@name="body"]`)).toBe(`${HOSTILE} ]]> a\uFFFDb \uFFFD "end"`);
    expect(xpath(xml, `//${el('item')}[1]/${el('p')}`)).toBe(`${HOSTILE}:`);
    expect(xpath(xml, `//${el('FRBRnumber')}/@showAs`)).toBe(HOSTILE);
    expect(xpath(xml, `//${el('TLCOrganization')}[@eId="un"]/@showAs`)).toBe('United\tNations\r\nline');
    expect(xpath(xml, `//${el('FRBRWork')}/${el('FRBRuri')}/@value`)).toMatch(/^\/akn\/un\/debateReport\/agenda\/un-[^/]+\/2023-06-14\/[^/\s<>"]+$/);
  });
});

describe('AKN identification', () => {
  it('names a joint document by its first symbol, and prints all of them', () => {
    const yaml = MINIMAL.replace('symbol: A/AC.999/2025/1', 'symbol: [A/78/1, E/2023/1]');
    const { model } = compileYaml(yaml);
    const id = aknIdentity(model!);
    expect(id.work).toBe('/akn/un/debateReport/agenda/un-a/2025-01-10/A-78-1');
    const xml = renderAkn(model!);
    expect(xml).toContain('<FRBRnumber value="A-78-1" showAs="A/78/1"/>');
    expect(xml).toMatch(/<docNumber>(?:<ref [^>]*>)?A\/78\/1 – E\/2023\/1</);
  });

  it.each([
    ['ar', 'ara'],
    ['zh', 'zho'],
    ['es', 'spa'],
  ])('gives a definition in %s the ISO 639-2 code %s, and its language to the text', (language, alpha3) => {
    const { model } = compileYaml(`language: ${language}\n${MINIMAL}`);
    const xml = renderAkn(model!);
    expect(xml).toContain(`<FRBRuri value="/akn/un/debateReport/agenda/un-a-ac.999/2025-01-10/A-AC.999-2025-1/${alpha3}@2025-01-10"/>`);
    expect(xml).toContain(`<FRBRlanguage language="${alpha3}"/>`);
    expect(xml).toContain(`<mainBody xml:lang="${language}">`);
    if (xmllint) expectValid(xml);
  });

  it('is of the subclass agendaListing when the document prints no annotations', () => {
    const { model } = compileYaml(MINIMAL.replace('  date: 2025-01-10', '  date: 2025-01-10\n  kind: provisional-agenda'));
    const xml = renderAkn(model!);
    expect(xml).toContain('<debateReport name="agendaListing">');
    expect(xml).not.toContain('name="annotations"');
    if (xmllint) expectValid(xml);
  });

  it('writes a second call of a footnote as a reference to the note', () => {
    const yaml = `${MINIMAL.replace('title: Adoption of the agenda', 'title: Adoption of the agenda[^n]\n    annotation: As said.[^n]')}footnotes:\n  n: A note.\n`;
    const { model, diagnostics } = compileYaml(yaml);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const xml = renderAkn(model!);
    expect(xml.match(/<authorialNote /g)).toHaveLength(1);
    expect(xml).toContain('<noteRef marker="1" href="#note-n"/>');
    if (xmllint) expectValid(xml);
  });

  it('is an exchange format: built by "every" and by name, not by "all"', () => {
    expect(FORMATS.akn!.group).toBe('exchange');
    expect(FORMATS.akn!.extension).toBe('akn.xml');
    expect(parseFormats('all').formats.map((f) => f.name)).not.toContain('akn');
    expect(parseFormats('every').formats.map((f) => f.name)).toContain('akn');
    expect(parseFormats('AKN').formats.map((f) => f.name)).toEqual(['akn']);
  });
});

describe('AKN language versions', () => {
  const reference = resolve(repoRoot, 'examples/ctoc-cop-wg3-2023.yaml');
  let outputs: BuiltOutput[] = [];
  beforeAll(async () => {
    const result = await build(reference, { formats: ['akn'], languages: ['en', 'fr', 'ru'] });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    outputs = result.outputs ?? [];
  }, 60_000);
  const version = (language?: string) => String(outputs.find((o) => o.language === language)?.data ?? '');

  it('keeps the Work and gives each version its language in the Expression and xml:lang', () => {
    const en = version(undefined);
    const work = '/akn/un/debateReport/agenda/un-ctoc-cop-wg.3/2023-06-14/CTOC-COP-WG.3-2023-1';
    for (const [language, alpha3] of [['fr', 'fra'], ['ru', 'rus']] as const) {
      const xml = version(language);
      expect(xml).toContain(`<FRBRuri value="${work}"/>`);
      expect(xml).toContain(`<FRBRuri value="${work}/${alpha3}@2023-06-14"/>`);
      expect(xml).toContain(`<FRBRlanguage language="${alpha3}"/>`);
      expect(xml).toContain(`<preface xml:lang="${language}">`);
      expect(xml).toContain(`<mainBody xml:lang="${language}">`);
      if (xmllint) expectValid(xml);
    }
    expect(en).toContain('<FRBRlanguage language="eng"/>');
    // The Russian masthead's right-hand column is English, and says so.
    expect(version('ru')).toMatch(/<p xml:lang="en"><docDate date="2023-06-14">/);
    expect(version('fr')).toContain('<docTitle>Ordre du jour provisoire annoté</docTitle>');
  });
});

describe('agenda build --format akn', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'agenda-akn-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!existsSync(resolve(repoRoot, 'dist')))('writes <stem>.akn.xml, the same bytes as the renderer', () => {
    const r = spawnSync(process.execPath, [resolve(repoRoot, 'bin/agenda.js'), 'build', resolve(repoRoot, 'examples/minimal.yaml'), '--format', 'akn', '--out', dir], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'minimal.akn.xml'), 'utf8')).toBe(readFileSync(resolve(repoRoot, 'test/golden/minimal.akn.xml'), 'utf8'));
  });
});

describe('AKN references inside the document', () => {
  /** Every internal href names an element of the document. */
  const dangling = (xml: string) => {
    const ids = new Set([...xml.matchAll(/\beId="([^"]+)"/g)].map((m) => m[1]));
    return [...xml.matchAll(/\bhref="#([^"]+)"/g)].map((m) => m[1]!).filter((id) => !ids.has(id));
  };

  it('lead from the annex to the annotations, or to the list in a provisional agenda that has none', () => {
    const withAnnex = `${MINIMAL}  - id: report\n    title: Adoption of the report\norganization_of_work:\n  - date: 2025-03-03\n    slots:\n      - time: 10:00-13:00\n        items: [adoption, report]\n`;
    const annotated = renderAkn(compileYaml(withAnnex.replace('    title: Adoption of the agenda\n', '    title: Adoption of the agenda\n    annotation: The agenda.\n')).model!);
    expect(annotated).toContain('href="#annotations__item-adoption"');
    expect(dangling(annotated)).toEqual([]);
    const plain = renderAkn(compileYaml(withAnnex.replace('  date: 2025-01-10\n', '  date: 2025-01-10\n  kind: provisional-agenda\n')).model!);
    expect(plain).toContain('href="#agenda__item-adoption"');
    expect(dangling(plain)).toEqual([]);
  });

  it('dangle nowhere in the examples', () => {
    for (const f of readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.yaml') && !translationName(f))) expect(dangling(renderAkn(compileExample(f).model!)), f).toEqual([]);
  });
});
