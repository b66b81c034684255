import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { buildSource, translationsBeside } from '../../src/core/build.js';
import { renderPdf } from '../../src/export/pdf/index.js';
import { repoRoot } from '../helpers/reference.js';
import { modelOf } from './helpers.js';

/**
 * The archival profile (`--pdf-profile a3`), checked with independent readers: qpdf for the
 * file's syntax, poppler (pdfdetach, pdffonts, pdfinfo) for the attachments, fonts and
 * information, and qpdf's uncompressed rewrite (QDF) to read the objects themselves.
 * veraPDF, the reference validator, is not installable here (docs/pdf.md says what it would add).
 */

const EXAMPLE = 'examples/ctoc-cop-wg3-2023.yaml';
const source = () => readFileSync(resolve(repoRoot, EXAMPLE));
const sources = () => [{ name: 'ctoc-cop-wg3-2023.yaml', data: new Uint8Array(source()) }];

/** Whether a program is installed (qpdf takes --version; poppler's tools exit 99 on -v: only a missing program matters). */
const installed = (name: string) => (spawnSync(name, ['--version'], { stdio: 'ignore' }).error as NodeJS.ErrnoException | undefined)?.code !== 'ENOENT';
const hasQpdf = installed('qpdf');
const hasPoppler = installed('pdfdetach') && installed('pdffonts') && installed('pdfinfo');
const skipped = (tool: string, pkg: string) => `skipped: ${tool} not found (apt-get install ${pkg})`;

let archival: Promise<Uint8Array> | undefined;
/** The example as an archival PDF, rendered once. */
const archivalPdf = () => (archival ??= renderPdf(modelOf(EXAMPLE), { pdfProfile: 'a3', sources: sources() }));

/** Writes bytes to a new temporary folder; returns the file's path. */
function saved(bytes: Uint8Array, name = 'a.pdf'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'agenda-pdfa-')), name);
  writeFileSync(file, bytes);
  return file;
}

/** The file rewritten by qpdf with every stream uncompressed and one object per block (QDF). */
function qdf(bytes: Uint8Array): string {
  const file = saved(bytes);
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, `${file}.qdf`]);
  return readFileSync(`${file}.qdf`).toString('latin1');
}

/** The XMP packet of the file (uncompressed in the file itself, as PDF/A requires). */
function xmp(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('utf8');
  const start = text.indexOf('<?xpacket begin');
  const end = text.indexOf('<?xpacket end', start);
  expect(start, 'an XMP packet').toBeGreaterThanOrEqual(0);
  return text.slice(start, text.indexOf('?>', end) + 2);
}

/** The body of the object that holds `marker` in a QDF file. */
function objectWith(text: string, marker: string): string {
  const at = text.indexOf(marker);
  expect(at, marker).toBeGreaterThanOrEqual(0);
  return text.slice(text.lastIndexOf(' obj\n', at), text.indexOf('endobj', at));
}

describe('PDF/A-3 profile', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.skipIf(!hasQpdf)(hasQpdf ? 'passes qpdf --check without a warning' : skipped('qpdf', 'qpdf'), async () => {
    const r = spawnSync('qpdf', ['--check', saved(await archivalPdf())], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('No syntax or stream encoding errors found');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/WARNING|error:/i);
  });

  it.skipIf(!hasPoppler)(hasPoppler ? 'carries the definition, which pdfdetach lists and saves byte for byte' : skipped('pdfdetach', 'poppler-utils'), async () => {
    const file = saved(await archivalPdf());
    expect(execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' })).toBe('1 embedded files\n1: ctoc-cop-wg3-2023.yaml\n');
    execFileSync('pdfdetach', ['-save', '1', '-o', `${file}.yaml`, file]);
    expect(readFileSync(`${file}.yaml`).equals(source())).toBe(true);
  });

  it.skipIf(!hasQpdf)(hasQpdf ? 'declares the attachment a Source associated file, YAML, dated from the document' : skipped('qpdf', 'qpdf'), async () => {
    const text = qdf(await archivalPdf());
    const catalog = objectWith(text, '/Type /Catalog');
    expect(catalog).toMatch(/\/AF \[\s*\d+ 0 R\s*\]/);
    const spec = objectWith(text, '/Type /Filespec');
    expect(spec).toContain('/AFRelationship /Source');
    expect(spec).toContain('/F (ctoc-cop-wg3-2023.yaml)');
    expect(spec).toContain('/UF (ctoc-cop-wg3-2023.yaml)');
    const stream = objectWith(text, '/Type /EmbeddedFile');
    expect(stream).toMatch(/\/Subtype \/application#2[fF]yaml/);
    expect(stream).toContain('/ModDate (D:20230614000000Z)');
    // The 16 bytes of the MD5 digest, as ISO 32000-1 asks (not its 32 hexadecimal digits as text).
    const md5 = execFileSync('md5sum', [resolve(repoRoot, EXAMPLE)], { encoding: 'utf8' }).slice(0, 32);
    expect(stream).toContain(`/CheckSum <${md5}>`);
    expect(stream).toContain(`/Size ${source().length}`);
    // In the name tree that readers list.
    expect(objectWith(text, '/EmbeddedFiles')).toMatch(/\/EmbeddedFiles/);
  });

  it.skipIf(!hasQpdf)(hasQpdf ? 'keeps the tagged PDF: structure tree, /MarkInfo, /Lang, DisplayDocTitle; adds the sRGB output intent' : skipped('qpdf', 'qpdf'), async () => {
    const text = qdf(await archivalPdf());
    const catalog = objectWith(text, '/Type /Catalog');
    expect(catalog).toContain('/Lang (en)');
    expect(catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(objectWith(text, '/Marked true')).toContain('/Marked true');
    expect(objectWith(text, '/DisplayDocTitle')).toContain('/DisplayDocTitle true');
    // Each footnote's Note element has an /ID (PDF/UA-1, 7.9), listed in the /IDTree.
    const notes = [...text.matchAll(/\n(\d+) 0 obj\n<<(?:(?!endobj).)*?\/ID \((note-\d+)\)(?:(?!endobj).)*?\/S \/Note\n/gs)].map((m) => `(${m[2]})\n      ${m[1]} 0 R`);
    expect(notes).toHaveLength((text.match(/\/S \/Note\n/g) ?? []).length);
    expect(notes.map((n) => n.slice(0, n.indexOf(')') + 1))).toEqual(['(note-1)', '(note-2)']);
    expect(objectWith(text, '/IDTree')).toContain(`/IDTree <<\n    /Names [\n      ${notes.join('\n      ')}\n    ]`);
    const intent = objectWith(text, '/Type /OutputIntent');
    expect(intent).toContain('/S /GTS_PDFA1');
    expect(intent).toContain('/OutputConditionIdentifier (sRGB IEC61966-2.1)');
    expect(intent).toMatch(/\/DestOutputProfile \d+ 0 R/);
    // The ICC profile pdfkit ships: version 2, an RGB display profile.
    const profile = Number(/\/DestOutputProfile (\d+) 0 R/.exec(intent)![1]);
    const icc = text.slice(text.indexOf(`\n${profile} 0 obj\n`));
    expect(icc).toMatch(/\/N 3/);
    expect(icc.slice(icc.indexOf('stream\n') + 7 + 12, icc.indexOf('stream\n') + 7 + 20)).toBe('mntrRGB ');
  });

  it.skipIf(!hasQpdf)(hasQpdf ? 'describes each link by its address (/Contents), in the plain PDF as in the archival one (both declare PDF/UA-1)' : skipped('qpdf', 'qpdf'), async () => {
    const withLinks = 'examples/ccpcj-2024.yaml';
    const links = (bytes: Uint8Array) => [...qdf(bytes).matchAll(/\/Contents \((.*)\)\n\s*\/F 4\n/g)].map((m) => m[1]);
    const plain = links(await renderPdf(modelOf(withLinks)));
    const described = links(await renderPdf(modelOf(withLinks), { pdfProfile: 'a3', sources: [] }));
    expect(plain.length).toBeGreaterThan(10);
    expect(described).toEqual(plain);
    expect(described).toContain('https://undocs.org/E/CN.15/2024/1');
    expect(described.every((c) => /^https:\/\/\S+$/.test(c!))).toBe(true);
  });

  it('declares PDF/A-3 level A and PDF/UA-1 in its XMP, with the information dictionary again', async () => {
    const packet = xmp(await archivalPdf());
    expect(packet).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
    expect(packet).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(packet).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    // pdfuaid is not a schema PDF/A predefines: it is described by an extension schema.
    expect(packet).toMatch(/<pdfaSchema:namespaceURI>http:\/\/www\.aiim\.org\/pdfua\/ns\/id\/<\/pdfaSchema:namespaceURI>\s*<pdfaSchema:prefix>pdfuaid<\/pdfaSchema:prefix>/);
    expect(packet).toContain('<rdf:li xml:lang="x-default">CTOC/COP/WG.3/2023/1: Annotated provisional agenda</rdf:li>');
    expect(packet).toContain('<xmp:CreateDate>2023-06-14T00:00:00Z</xmp:CreateDate>');
    expect(packet).toContain('<xmp:ModifyDate>2023-06-14T00:00:00Z</xmp:ModifyDate>');
    expect(packet).toContain('<dc:creator><rdf:Seq><rdf:li>Working Group on International Cooperation</rdf:li></rdf:Seq></dc:creator>');
    expect(packet).toContain('<pdf:Producer>PDFKit</pdf:Producer>');
    // One packet: pdfkit's own (PDF/A only) is replaced, not followed by ours.
    expect(Buffer.from(await archivalPdf()).toString('latin1').split('<?xpacket begin').length).toBe(2);
  });

  it.skipIf(!hasPoppler)(hasPoppler ? 'escapes the information in the XMP, which states it as the information dictionary does' : skipped('pdfinfo', 'poppler-utils'), async () => {
    const model = modelOf(EXAMPLE);
    const title = 'Tom & Jerry <"draft">';
    const bytes = await renderPdf({ ...model, meta: { ...model.meta, title } }, { pdfProfile: 'a3', sources: sources() });
    expect(xmp(bytes)).toContain('<rdf:li xml:lang="x-default">Tom &amp; Jerry &lt;&quot;draft&quot;&gt;</rdf:li>');
    expect(execFileSync('pdfinfo', [saved(bytes)], { encoding: 'utf8' })).toContain(`Title:           ${title}\n`);
    // poppler reads the title from the XMP too: both say the same.
    expect(execFileSync('pdfinfo', ['-meta', saved(bytes)], { encoding: 'utf8' })).toContain('Tom &amp; Jerry');
  });

  it.skipIf(!hasPoppler)(hasPoppler ? 'embeds every font, and is not encrypted' : skipped('pdffonts', 'poppler-utils'), async () => {
    const file = saved(await archivalPdf());
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(/\s+/).slice(-5, -2), row).toEqual(['yes', 'yes', 'yes']);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Encrypted:\s+no$/m);
  });

  it.skipIf(!hasQpdf)(hasQpdf ? 'uses no transparency and no encryption' : skipped('qpdf', 'qpdf'), async () => {
    const text = qdf(await archivalPdf());
    expect(text).not.toContain('/SMask');
    expect(text).not.toContain('/Encrypt');
    expect(text).not.toMatch(/\/(?:CA|ca) (?!1(?:\.0*)?\b)[\d.]+/);
    expect(text).not.toMatch(/\/BM \/(?!Normal\b)/);
    // Nor the PDF/A-1 CIDSet, which the PDF/UA build writes and PDF/A-3 does not need.
    expect(text).not.toContain('/CIDSet');
  });

  it('is the same bytes from one build to the next whatever the clock, and its /ID follows the content', async () => {
    const model = modelOf(EXAMPLE);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2001-02-03T04:05:06Z'));
    const a = Buffer.from(await renderPdf(model, { pdfProfile: 'a3', sources: sources() }));
    vi.setSystemTime(new Date('2031-12-30T23:59:59Z'));
    const b = Buffer.from(await renderPdf(modelOf(EXAMPLE), { pdfProfile: 'a3', sources: sources() }));
    expect(a.equals(b)).toBe(true);
    // Another source under the same information dictionary: another identifier.
    const other = [{ name: 'ctoc-cop-wg3-2023.yaml', data: new TextEncoder().encode('# another\n') }];
    const c = Buffer.from(await renderPdf(model, { pdfProfile: 'a3', sources: other }));
    const id = (pdf: Buffer) => /\/ID \[<([0-9a-f]{32})> <\1>\]/.exec(pdf.toString('latin1'))?.[1];
    expect(id(a)).toBeDefined();
    expect(id(c)).toBeDefined();
    expect(id(c)).not.toBe(id(a));
  });

  it('the plain PDF: PDF/UA only (its notes identified), nothing attached, no output intent', async () => {
    const model = modelOf(EXAMPLE);
    const plain = Buffer.from(await renderPdf(model));
    expect(Buffer.from(await renderPdf(model, {})).equals(plain)).toBe(true);
    const text = plain.toString('latin1');
    expect(text).not.toContain('/AF ');
    expect(text).not.toContain('/OutputIntents');
    expect(text).not.toContain('pdfaid');
    expect(text).toContain('<pdfuaid:part>1</pdfuaid:part>');
    // What PDF/UA-1 asks of notes holds for the plain PDF too.
    expect(text).toContain('/IDTree');
  });

  it.skipIf(!hasPoppler)(hasPoppler ? "carries a language version's translation file beside the definition" : skipped('pdfdetach', 'poppler-utils'), async () => {
    const file = resolve(repoRoot, EXAMPLE);
    const translations = translationsBeside(file, existsSync, (p) => readFileSync(p, 'utf8'));
    const built = await buildSource(file, source().toString('utf8'), { formats: ['pdf'], languages: ['en', 'fr'], translations: { fr: translations.fr! }, pdfProfile: 'a3' }, { diagnostics: [] });
    const fr = built.outputs!.find((o) => o.language === 'fr')!;
    const en = built.outputs!.find((o) => !o.language)!;
    const frFile = saved(fr.data as Uint8Array);
    expect(execFileSync('pdfdetach', ['-list', frFile], { encoding: 'utf8' })).toBe('2 embedded files\n1: ctoc-cop-wg3-2023.fr.yaml\n2: ctoc-cop-wg3-2023.yaml\n');
    execFileSync('pdfdetach', ['-save', '1', '-o', `${frFile}.fr.yaml`, frFile]);
    expect(readFileSync(`${frFile}.fr.yaml`).equals(readFileSync(resolve(repoRoot, 'examples/ctoc-cop-wg3-2023.fr.yaml')))).toBe(true);
    expect(execFileSync('pdfdetach', ['-list', saved(en.data as Uint8Array)], { encoding: 'utf8' })).toBe('1 embedded files\n1: ctoc-cop-wg3-2023.yaml\n');
    expect(xmp(fr.data as Uint8Array)).toContain('<dc:language><rdf:Bag><rdf:li>fr</rdf:li></rdf:Bag></dc:language>');
  });
});

describe('PDF/A-3 profile and the emblem', () => {
  /** The smallest definition with an SVG emblem, in a folder of its own. */
  function withEmblem(svg: string): { file: string; source: string } {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-pdfa-'));
    writeFileSync(join(dir, 'emblem.svg'), svg);
    const file = join(dir, 'm.yaml');
    const source = readFileSync(resolve(repoRoot, 'examples/minimal.yaml'), 'utf8').replace(/^(  date: .*)$/m, '$1\n  emblem: emblem.svg');
    writeFileSync(file, source);
    return { file, source };
  }
  const circle = '<circle cx="50" cy="50" r="40" fill="#4b92db"/>';
  const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">${inner}</svg>`;

  it('refuses an SVG emblem with text, which would be set in a font it does not embed, at the emblem key', async () => {
    const { file, source } = withEmblem(svg(`${circle}<text x="10" y="50" font-size="20">UN</text>`));
    const line = source.split('\n').findIndex((l) => l.includes('emblem: emblem.svg')) + 1;
    const built = await buildSource(file, source, { formats: ['pdf'], pdfProfile: 'a3' }, { diagnostics: [] });
    expect(built.outputs).toBeUndefined();
    expect(built.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`)).toEqual([
      `${line}:11 error pdfa-font pdf: the emblem 'emblem.svg' sets text in Helvetica, a font an archival PDF (--pdf-profile a3) cannot embed`,
    ]);
    // The plain PDF is still built (as before).
    expect((await buildSource(file, source, { formats: ['pdf'] }, { diagnostics: [] })).outputs).toHaveLength(1);
  });

  it.skipIf(!hasPoppler)(hasPoppler ? 'draws an SVG emblem of shapes, every font still embedded' : skipped('pdffonts', 'poppler-utils'), async () => {
    const { file, source } = withEmblem(svg(circle));
    const built = await buildSource(file, source, { formats: ['pdf'], pdfProfile: 'a3' }, { diagnostics: [] });
    const rows = execFileSync('pdffonts', [saved(built.outputs![0]!.data as Uint8Array)], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(/\s+/).slice(-5, -2), row).toEqual(['yes', 'yes', 'yes']);
  });
});

describe('build --pdf-profile', () => {
  async function run(...args: string[]) {
    let out = '';
    let err = '';
    const code = await main(['node', 'agenda', ...args], { out: (t) => (out += t), err: (t) => (err += t), color: false });
    return { code, out, err };
  }

  it('refuses a profile it does not know, and a build without the PDF (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-pdfa-'));
    const unknown = await run('build', resolve(repoRoot, EXAMPLE), '--format', 'pdf', '--pdf-profile', 'a2b', '--out', dir);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("agenda: --pdf-profile takes a3 (PDF/A-3), not 'a2b'");
    const noPdf = await run('build', resolve(repoRoot, EXAMPLE), '--format', 'md,html', '--pdf-profile', 'a3', '--out', dir);
    expect(noPdf.code).toBe(2);
    expect(noPdf.err).toContain('agenda: --pdf-profile is a profile of the PDF: add pdf to --format (now md,html)');
  });

  it.skipIf(!hasPoppler)(hasPoppler ? 'rebuilds a plain PDF as archival when asked (the profile is part of the build key)' : skipped('pdfdetach', 'poppler-utils'), async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-pdfa-'));
    const input = join(dir, 'm.yaml');
    copyFileSync(resolve(repoRoot, EXAMPLE), input);
    expect((await run('build', input, '--format', 'pdf', '-q')).code).toBe(0);
    expect(execFileSync('pdfdetach', ['-list', join(dir, 'm.pdf')], { encoding: 'utf8' })).toBe('0 embedded files\n');
    expect((await run('build', input, '--format', 'PDF', '--pdf-profile', 'A3', '-q')).code).toBe(0);
    expect(execFileSync('pdfdetach', ['-list', join(dir, 'm.pdf')], { encoding: 'utf8' })).toBe('1 embedded files\n1: m.yaml\n');
  });
});
