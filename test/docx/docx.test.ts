/**
 * The Word output, read back as the parts of its zip (fflate) and as LibreOffice prints it.
 * The XML is read with regular expressions over the parts' elements: the docx package
 * writes one element per tag, without namespaces prefixes other than w:, r: and their kin.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/export/docx/index.js';
import { parseFormats } from '../../src/core/formats.js';
import type { AgendaDocument } from '../../src/model.js';
import { compileYaml, MINIMAL } from '../helpers/compile.js';
import { readReference, repoRoot } from '../helpers/reference.js';
import { modelOf, pdfOf, readPdf, wordsOf } from '../pdf/helpers.js';

const REFERENCE = 'examples/ctoc-cop-wg3-2023.yaml';

const parts = (docx: Uint8Array) => {
  const files = unzipSync(docx);
  return (name: string) => {
    const f = files[name];
    if (!f) throw new Error(`no part ${name}`);
    return strFromU8(f);
  };
};

/** The text of an XML fragment's w:t elements, entities decoded. */
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Words as letters and digits only: extracted texts differ in where they put punctuation and note numbers. */
const tokens = (text: string) => text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];

/** The share of `expected`'s words (with their counts) found in `actual`. */
function recall(expected: string[], actual: string[]): { recall: number; missing: string[] } {
  const have = new Map<string, number>();
  for (const w of actual) have.set(w, (have.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of expected) {
    const n = have.get(w) ?? 0;
    if (n > 0) have.set(w, n - 1);
    else missing.push(w);
  }
  return { recall: 1 - missing.length / expected.length, missing };
}

/** The footnotes of footnotes.xml that are notes (not the separators): id, text, whether Word numbers it. */
const footnotesOf = (xml: string) =>
  [...xml.matchAll(/<w:footnote\b([^>]*)>([^]*?)<\/w:footnote>/g)]
    .filter((m) => !/w:type=/.test(m[1]!))
    .map((m) => ({ id: Number(/w:id="(-?\d+)"/.exec(m[1]!)![1]), text: textOf(m[2]!).trim(), numbered: m[2]!.includes('<w:footnoteRef/>') }));

describe('Word output of the reference document', () => {
  let model: AgendaDocument;
  let docx: Uint8Array;
  let part: (name: string) => string;
  beforeAll(async () => {
    model = modelOf(REFERENCE);
    docx = await renderDocx(model);
    part = parts(docx);
  });

  it('is an exchange format, built by name or by "every", not by "all"', () => {
    expect(parseFormats('docx').formats.map((f) => f.extension)).toEqual(['docx']);
    expect(parseFormats('every').formats.map((f) => f.name)).toContain('docx');
    expect(parseFormats('all').formats.map((f) => f.name)).not.toContain('docx');
  });

  it('matches its golden parts: the document, its footnotes and its styles (UPDATE_GOLDEN=1 regenerates)', () => {
    // The XML a reviewer reads in a diff; the zip around it is checked for reproducibility below.
    for (const [name, golden] of [
      ['word/document.xml', 'ctoc-cop-wg3-2023.docx.document.xml'],
      ['word/footnotes.xml', 'ctoc-cop-wg3-2023.docx.footnotes.xml'],
      ['word/styles.xml', 'ctoc-cop-wg3-2023.docx.styles.xml'],
    ] as const) {
      const file = join(repoRoot, 'test/golden', golden);
      // A line per paragraph, table row and style, so that a diff shows what changed.
      const xml = part(name).replace(/(<\/w:p>|<\/w:tr>|<\/w:style>|<\/w:footnote>)/g, '$1\n');
      if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, xml);
      expect(xml, name).toBe(readFileSync(file, 'utf8'));
    }
  });

  it('is a package of well-formed XML parts, with a content type for each', () => {
    const files = unzipSync(docx);
    const names = Object.keys(files);
    for (const name of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/footnotes.xml', 'docProps/core.xml']) expect(names).toContain(name);
    for (const name of names.filter((n) => /\.(xml|rels)$/.test(n))) expect(XMLValidator.validate(strFromU8(files[name]!)), name).toBe(true);
    const types = part('[Content_Types].xml');
    for (const name of names.filter((n) => n.startsWith('word/') && n.endsWith('.xml'))) expect(types, name).toContain(`PartName="/${name}"`);
  });

  it('holds the reference footnotes in order, as Word footnotes with their text', () => {
    const notes = footnotesOf(part('word/footnotes.xml'));
    const reference = readReference().footnotes;
    expect(notes.map((n) => n.id)).toEqual([...reference.keys()]);
    for (const n of notes) {
      expect(n.numbered).toBe(true);
      expect(n.text.split(/\s+/)).toEqual(reference.get(n.id));
    }
    // Word numbers notes in the order of their references: the first references come in the model's order.
    const refs = [...part('word/document.xml').matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(refs).toEqual(model.footnotes.map((n) => n.number));
  });

  it('names the page template as Word styles an editor can change', () => {
    const styles = part('word/styles.xml');
    const style = (id: string) => new RegExp(`<w:style w:type="[a-z]+" w:styleId="${id}"[^>]*>([^]*?)</w:style>`).exec(styles)?.[1];
    for (const [id, name, halfPoints] of [
      ['UNBody', 'UN Body Text', 20],
      ['UNTitle', 'UN Heading 1', 34],
      ['UNItemHeading', 'UN Heading 3', 20],
      ['UNAnnexHeading', 'UN Heading 1 Appendix', 28],
      ['UNTableText', 'UN Table Text', 18],
      ['FootnoteText', 'footnote text', 17],
    ] as const) {
      const s = style(id);
      expect(s, id).toBeDefined();
      expect(s).toContain(`<w:name w:val="${name}"/>`);
      expect(s).toContain(`<w:sz w:val="${halfPoints}"/>`);
    }
    // The body indent of the UN template (12.7 mm, 720 twips) on both sides, justified.
    expect(style('UNBody')).toMatch(/<w:ind w:left="720" w:right="720"\/>/);
    expect(style('UNBody')).toContain('<w:jc w:val="both"/>');
    // Paragraphs use the styles instead of carrying the formatting themselves.
    const document = part('word/document.xml');
    expect(document).toContain('<w:pStyle w:val="UNBody"/>');
    expect(document).not.toMatch(/<w:p>(?:(?!<\/w:p>).)*<w:sz /);
  });

  it('sets A4 with the UN margins', () => {
    const sect = /<w:sectPr>[^]*<\/w:sectPr>/.exec(part('word/document.xml'))![0];
    expect(sect).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(sect).toMatch(/w:left="1134"/); // 20 mm
    expect(sect).toMatch(/w:top="680"/); // 12 mm: the first page's masthead
    expect(sect).toContain('<w:titlePg/>');
  });

  it('repeats the annex table header row on each page', () => {
    const tables = [...part('word/document.xml').matchAll(/<w:tbl>[^]*?<\/w:tbl>/g)].map((m) => m[0]);
    const annex = tables.find((t) => textOf(t).includes(model.annex!.columns.agendaItem))!;
    const rows = [...annex.matchAll(/<w:tr>[^]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
    expect(textOf(rows[0]!)).toBe([model.annex!.columns.dateAndTime, model.annex!.columns.agendaItem, model.annex!.columns.titleOrDescription].join(''));
    expect(textOf(rows[1]!)).toBe(model.annex!.days[0]!.label);
  });

  it('puts the masthead in a table: United Nations and the symbol, the organ and the distribution', () => {
    const first = /<w:tbl>[^]*?<\/w:tbl>/.exec(part('word/document.xml'))![0];
    const text = textOf(first);
    const m = model.masthead;
    for (const s of [m.unitedNations, m.symbol, m.organ, m.distribution, m.date, m.original]) expect(text).toContain(s);
  });

  it('sets the language on every run of text', () => {
    // header1 and footer1 are the later pages' (the symbol; the page counter).
    for (const name of ['word/document.xml', 'word/footnotes.xml', 'word/header1.xml', 'word/footer1.xml']) {
      const runs = [...part(name).matchAll(/<w:r>([^]*?)<\/w:r>/g)].map((m) => m[1]!).filter((r) => r.includes('<w:t'));
      expect(runs.length, name).toBeGreaterThan(0);
      for (const r of runs) expect(r, name).toMatch(/<w:lang w:val="en"\/>/);
    }
  });

  it('links the symbol and documents, with relationship ids in document order', () => {
    const rels = part('word/_rels/document.xml.rels');
    expect(rels).toContain(`Id="link1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${model.masthead.symbolUrl}" TargetMode="External"`);
    const ids = [...part('word/document.xml').matchAll(/<w:hyperlink\b[^>]*\br:id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids).toEqual(ids.map((_, k) => `link${k + 1}`));
  });

  it('dates the core properties from the document date', () => {
    const core = part('docProps/core.xml');
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${model.meta.date}T00:00:00Z</dcterms:created>`);
    expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${model.meta.date}T00:00:00Z</dcterms:modified>`);
    expect(core).toContain(`<dc:title>${model.meta.title}</dc:title>`);
  });

  it('gives the same bytes for the same model, in any time zone, with zip entries dated on the document date', async () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const far = await renderDocx(model);
      process.env.TZ = 'America/Los_Angeles';
      const again = await renderDocx(model);
      expect(Buffer.compare(Buffer.from(far), Buffer.from(docx))).toBe(0);
      expect(Buffer.compare(Buffer.from(again), Buffer.from(docx))).toBe(0);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    // Every local file header's DOS date and time: 2023-06-14, noon.
    const [y, mo, d] = model.meta.date.split('-').map(Number) as [number, number, number];
    expect(zipStamps(docx)).toEqual(new Set([dosStamp(y, mo, d)]));
    expect(strFromU8(Buffer.from(docx).subarray(30, 30 + Buffer.from(docx).readUInt16LE(26)))).toBe('[Content_Types].xml');
  });

  it('dates its entries the same where summer time starts at midnight, and before 1980 at the first zip date', async () => {
    const zone = process.env.TZ;
    const epoch = process.env.SOURCE_DATE_EPOCH;
    const dated = (date: string) => compileYaml(MINIMAL.replace('date: 2025-01-10', `date: ${date}`)).model!;
    try {
      // Chile moved its clocks forward at midnight on 8 September 2024: that midnight does not exist there.
      const spring = dated('2024-09-08');
      process.env.TZ = 'UTC';
      const utc = await renderDocx(spring);
      process.env.TZ = 'America/Santiago';
      expect(Buffer.compare(Buffer.from(await renderDocx(spring)), Buffer.from(utc))).toBe(0);
      expect(zipStamps(utc)).toEqual(new Set([dosStamp(2024, 9, 8)]));
      // Zip times start in 1980: an older document, or SOURCE_DATE_EPOCH=0, is dated then; core.xml keeps its date.
      const old = await renderDocx(dated('1975-01-10'));
      expect(zipStamps(old)).toEqual(new Set([dosStamp(1980, 1, 1)]));
      expect(parts(old)('docProps/core.xml')).toContain('1975-01-10T00:00:00Z');
      process.env.SOURCE_DATE_EPOCH = '0';
      expect(zipStamps(await renderDocx(dated('2024-09-08')))).toEqual(new Set([dosStamp(1980, 1, 1)]));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
      if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = epoch;
    }
  });
});

/** The DOS date and time of every local file header of a zip. */
function zipStamps(zip: Uint8Array): Set<number> {
  const view = Buffer.from(zip);
  const stamps: number[] = [];
  for (let at = view.indexOf('PK\x03\x04'); at >= 0; at = view.indexOf('PK\x03\x04', at + 4)) stamps.push(view.readUInt32LE(at + 10));
  expect(stamps.length).toBeGreaterThan(8);
  return new Set(stamps);
}

/** A DOS date at noon, as a header's time (low word) and date (high word). */
const dosStamp = (y: number, m: number, d: number) => ((((y - 1980) << 9) | (m << 5) | d) * 0x10000) + (12 << 11);

describe('Word output: asterisk notes, links in notes and right-to-left text', () => {
  it('gives the asterisk notes their own marks, outside Word numbering', async () => {
    const model = modelOf('examples/treaty-body-session.yaml');
    expect(model.starNotes?.length).toBeGreaterThan(0);
    const part = parts(await renderDocx(model));
    const document = part('word/document.xml');
    const notes = footnotesOf(part('word/footnotes.xml'));
    for (const star of model.starNotes!) {
      const ref = new RegExp(`<w:footnoteReference w:customMarkFollows="1" w:id="(\\d+)"/><w:t[^>]*>${star.mark.replace(/\*/g, '\\*')}</w:t>`).exec(document);
      expect(ref, star.mark).not.toBeNull();
      const note = notes.find((n) => n.id === Number(ref![1]))!;
      expect(note.numbered).toBe(false);
      expect(note.text.startsWith(star.mark)).toBe(true);
    }
    // The numbered notes keep ids 1, 2 ...; the asterisk notes come after them.
    expect(notes.filter((n) => n.numbered).map((n) => n.id)).toEqual(model.footnotes.map((n) => n.number));
  });

  it('refers to a note called twice with a cross-reference to its first call, as Word does', async () => {
    const r = compileYaml(`${MINIMAL}    annotation: First call.[^n1] Other note.[^n2] Second call.[^n1]\nfootnotes:\n  n1: The first note.\n  n2: The second note.\n`);
    const document = parts(await renderDocx(r.model!))('word/document.xml');
    // One footnote reference per note, each inside a bookmark of its own id.
    expect([...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1])).toEqual(['1', '2']);
    expect(document).toMatch(/<w:bookmarkStart w:name="_RefNote1" w:id="1"\/><w:r>[^]*?<w:footnoteReference w:id="1"\/><\/w:r><w:bookmarkEnd w:id="1"\/>/);
    expect(document).toContain('<w:bookmarkStart w:name="_RefNote2" w:id="2"/>');
    // The second call: a NOTEREF field formatted as a note mark, its result the note's number.
    const field = /<w:fldChar w:fldCharType="begin"\/>[^]*?<w:fldChar w:fldCharType="end"\/>/.exec(document.slice(document.indexOf('Second call.')))![0];
    expect(field).toContain('<w:instrText>NOTEREF _RefNote1 \\f \\h</w:instrText>');
    expect(field).toMatch(/<w:fldChar w:fldCharType="separate"\/><\/w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/>[^]*?<w:t[^>]*>1<\/w:t>/);
  });

  it('sets the page furniture: job number and stamps on the first page, symbol and page fields on the others', async () => {
    const model = modelOf('examples/treaty-body-session.yaml');
    const job = model.masthead.job!;
    const part = parts(await renderDocx(model));
    // header1 and footer1 serve later pages, footer2 the first (w:titlePg).
    expect(part('word/document.xml')).toMatch(/<w:headerReference w:type="default" r:id="[^"]+"\/>/);
    expect(textOf(part('word/footer2.xml'))).toBe([job.number, ...job.stamps].join(''));
    expect(textOf(part('word/header1.xml'))).toBe(model.masthead.symbol);
    const foot = part('word/footer1.xml');
    expect([...foot.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1]!.trim())).toEqual(['PAGE', 'NUMPAGES']);
    expect(textOf(foot)).toBe(`${model.pageCounter.replace('{page}', '').replace('{pages}', '')}${job.baseNumber}`);
    // The older style sets the counter under the running head ("Page 2"), not at the foot.
    const older = modelOf('examples/archive-1998.yaml');
    expect(older.pageStyle?.counterInHead).toBe(true);
    const olderParts = parts(await renderDocx(older));
    expect(olderParts('word/header1.xml')).toContain('PAGE</w:instrText>');
    expect(olderParts('word/footer1.xml')).not.toContain('PAGE</w:instrText>');
  });

  it('draws a PNG emblem in the masthead, in the template\'s box with its proportions and its description', async () => {
    const png = new PNG({ width: 40, height: 34 });
    png.data.fill(0);
    const data = new Uint8Array(PNG.sync.write(png));
    const model = modelOf(REFERENCE);
    const withEmblem: AgendaDocument = { ...model, masthead: { ...model.masthead, emblem: { file: 'emblem.png', alt: 'Emblem of the test', format: 'png', data } } };
    const docx = await renderDocx(withEmblem);
    const files = unzipSync(docx);
    const media = Object.keys(files).filter((n) => n.startsWith('word/media/') && !n.endsWith('/'));
    expect(media).toHaveLength(1);
    expect(Buffer.compare(Buffer.from(files[media[0]!]!), Buffer.from(data))).toBe(0);
    const document = strFromU8(files['word/document.xml']!);
    const masthead = /<w:tbl>[^]*?<\/w:tbl>/.exec(document)![0];
    expect(masthead).toMatch(/<wp:docPr [^>]*descr="Emblem of the test"/);
    // 40 × 34 pixels in a 19 × 17 mm box: the width decides (19 mm = 684,000 EMU), the height follows.
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(masthead)!;
    expect(Math.abs(Number(cx) - 684_000)).toBeLessThan(10_000);
    expect(Math.abs(Number(cx) / Number(cy) - 40 / 34)).toBeLessThan(0.02);
    // "United Nations" moves right of the emblem's column; the text is all there.
    expect(textOf(masthead)).toContain(model.masthead.organ);
    expect(Buffer.compare(Buffer.from(await renderDocx(withEmblem)), Buffer.from(docx))).toBe(0);
  });

  it('links from the footnotes through the footnotes part\'s own relationships', async () => {
    const r = compileYaml(`${MINIMAL}    annotation: See [the site](https://example.org/a).[^n1]\nfootnotes:\n  n1: See [the other site](https://example.org/b).\n`);
    const part = parts(await renderDocx(r.model!));
    expect(part('word/_rels/footnotes.xml.rels')).toContain('Id="link1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/b"');
    expect(part('word/_rels/document.xml.rels')).toContain('Id="link1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/a"');
    expect(part('word/footnotes.xml')).toMatch(/<w:hyperlink\b[^>]*r:id="link1">[^]*?the other site/);
  });

  it('writes Arabic paragraphs right to left, with the language on every run', async () => {
    const r = compileYaml(`language: ar\n${MINIMAL}`);
    expect(r.model?.dir).toBe('rtl');
    const part = parts(await renderDocx(r.model!));
    const document = part('word/document.xml');
    const paragraphs = [...document.matchAll(/<w:p>([^]*?)<\/w:p>/g)].map((m) => m[1]!).filter((p) => p.includes('<w:t'));
    const runsOf = (p: string) => p.match(/<w:r>[^]*?<\/w:r>/g)!.filter((x) => x.includes('<w:t'));
    // Every run is Arabic, but for the masthead's right-hand column, which is in its own language in Arabic documents.
    const column = r.model!.masthead.columnLang;
    const arabic = paragraphs.filter((p) => runsOf(p).some((x) => x.includes('<w:lang w:val="ar" w:bidi="ar"/>')));
    expect(arabic.length).toBeGreaterThan(5);
    expect(paragraphs.length - arabic.length).toBeLessThanOrEqual(column ? 5 : 0);
    for (const p of arabic) {
      expect(p).toContain('<w:bidi/>');
      for (const run of runsOf(p)) {
        // Symbols stay left-to-right runs, so that "A/AC.999/2025/1" keeps the order of its parts.
        const text = textOf(run);
        const symbol = /[A-Z]/.test(text) && r.model!.masthead.symbol.includes(text);
        expect(run.includes('<w:rtl/>'), text).toBe(!symbol);
        expect(run).toContain('<w:lang w:val="ar" w:bidi="ar"/>');
      }
    }
    for (const p of paragraphs.filter((x) => !arabic.includes(x))) for (const run of runsOf(p)) expect(run).toContain(`<w:lang w:val="${column}"/>`);
    expect(part('word/styles.xml')).toMatch(/w:styleId="UNBody"[^]*?<w:bidi\/>/);
  });
});

/** LibreOffice in headless mode, when installed (Debian libreoffice-writer-nogui, as .ci/run installs it). */
const soffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 20_000 });
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!soffice)('Word output read by LibreOffice', () => {
  it('converts to PDF with the words of our PDF and of the reference (recall >= 0.98)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-docx-'));
    try {
      const model = modelOf(REFERENCE);
      writeFileSync(join(dir, 'agenda.docx'), await renderDocx(model));
      // A profile of its own: another LibreOffice running on the machine must not take the conversion.
      execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'agenda.docx')], { stdio: 'ignore', timeout: 110_000 });
      const converted = tokens(execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'agenda.pdf'), '-'], { encoding: 'utf8' }));
      const ours = tokens(wordsOf((await readPdf(await pdfOf(REFERENCE))).flatMap((p) => p.runs)).join(' '));
      const reference = readReference();
      const expected = tokens([...reference.body, ...[...reference.footnotes.values()].flat()].join(' '));
      const fromPdf = recall(ours, converted);
      const fromReference = recall(expected, converted);
      expect(fromPdf.recall, `missing: ${fromPdf.missing.slice(0, 30).join(' ')}`).toBeGreaterThanOrEqual(0.98);
      expect(fromReference.recall, `missing: ${fromReference.missing.slice(0, 30).join(' ')}`).toBeGreaterThanOrEqual(0.98);
      // A real document: more than the first page came through.
      expect(readFileSync(join(dir, 'agenda.pdf')).length).toBeGreaterThan(10_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.skipIf(soffice)('Word output read by LibreOffice', () => {
  it.skip('needs soffice and pdftotext (Debian libreoffice-writer-nogui and poppler-utils; .ci/run installs them)', () => undefined);
});
