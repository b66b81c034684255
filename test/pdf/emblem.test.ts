import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildDefinition, checkDefinition, MemoryFileSystem, Session } from '../../src/core/index.js';
import { MASTHEAD, PAGE } from '../../src/typeset/geometry.js';
import { repoRoot } from '../helpers/reference.js';
import { readPdf } from './helpers.js';

/** The masthead's emblem: a file the definition or the configuration names, drawn left of the organ. */

const FIXTURE = resolve(repoRoot, 'test/fixtures/emblem/with-emblem.yaml');
const SVG = readFileSync(resolve(repoRoot, 'test/fixtures/emblem/emblem.svg'));
const definition = readFileSync(FIXTURE, 'utf8');
const DPI = 100;

async function build(files: Record<string, string | Uint8Array>, file: string, formats = ['pdf']) {
  return buildDefinition(new Session({ fs: new MemoryFileSystem(files) }), file, { formats, config: files['/p/agenda.config.yaml'] ? undefined : false });
}

/** How many dark pixels page 1 has in a box (points from the top left). */
function darkIn(pdf: Uint8Array, x: number, y: number, w: number, h: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'agenda-emblem-'));
  writeFileSync(join(dir, 'doc.pdf'), pdf);
  execFileSync('pdftoppm', ['-png', '-r', String(DPI), '-f', '1', '-l', '1', '-singlefile', join(dir, 'doc.pdf'), join(dir, 'page')]);
  const png = PNG.sync.read(readFileSync(join(dir, 'page.png')));
  const px = (pt: number) => Math.round((pt * DPI) / 72);
  let dark = 0;
  for (let r = px(y); r < px(y + h); r++) for (let c = px(x); c < px(x + w); c++) if (png.data[(r * png.width + c) * 4]! < 128) dark++;
  return dark;
}

/** The emblem's box on page 1: the left column under the thin rule. */
const box = () => [PAGE.left, PAGE.firstTop + MASTHEAD.row1 + MASTHEAD.row2Gap, MASTHEAD.emblemWidth, MASTHEAD.emblemHeight] as const;
/**
 * Inside the filled square at the top left of the test emblem (units 4 to 18 of its 120 × 100
 * view box, drawn to fit the emblem's box): 4 pt square, dark all over only where the SVG is drawn.
 */
const square = () => {
  const scale = Math.min(MASTHEAD.emblemWidth / 120, MASTHEAD.emblemHeight / 100);
  return [PAGE.left + 5 * scale, PAGE.firstTop + MASTHEAD.row1 + MASTHEAD.row2Gap + 5 * scale, 12 * scale, 12 * scale] as const;
};
const area = (b: readonly [number, number, number, number]) => Math.round((b[2] * DPI) / 72) * Math.round((b[3] * DPI) / 72);

const pdfOf = (r: Awaited<ReturnType<typeof build>>) => {
  if (!r.outputs) throw new Error(JSON.stringify(r.diagnostics));
  return r.outputs.find((o) => o.format === 'pdf')!.data as Uint8Array;
};

describe('an SVG emblem named by the definition', () => {
  it('is drawn as vectors in the left column, and "United Nations" and the organ move right of it', async () => {
    const withEmblem = pdfOf(await build({ '/p/a.yaml': definition, '/p/emblem.svg': SVG }, '/p/a.yaml'));
    const without = pdfOf(await build({ '/p/a.yaml': definition.replace(/^ {2}emblem: .*\n/m, '') }, '/p/a.yaml'));
    expect(darkIn(withEmblem, ...square())).toBe(area(square()));
    expect(darkIn(without, ...square())).toBeLessThan(area(square()) * 0.6);
    const first = (pdf: Uint8Array) => readPdf(pdf).then((p) => p[0]!.runs);
    const un = (runs: Awaited<ReturnType<typeof first>>) => runs.find((r) => r.str.startsWith('United Nations'))!;
    const organ = (runs: Awaited<ReturnType<typeof first>>) => runs.find((r) => r.str.startsWith('Conference of the Parties'))!;
    const [a, b] = [await first(withEmblem), await first(without)];
    expect(un(b).x).toBeCloseTo(PAGE.left, 1);
    expect(un(a).x).toBeCloseTo(PAGE.left + MASTHEAD.emblemColumn, 1);
    expect(organ(a).x).toBeCloseTo(PAGE.left + MASTHEAD.emblemColumn, 1);
    // Vectors, not a picture: the page has no image XObject.
    expect(Buffer.from(withEmblem).toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
  });

  it('is a picture of its own in the HTML, with the locale’s alt text, never the SVG markup', async () => {
    const r = await build({ '/p/a.yaml': definition, '/p/emblem.svg': SVG.toString().replace('<rect', '<script>alert(1)</script><rect') }, '/p/a.yaml', ['html']);
    const html = r.outputs![0]!.data as string;
    expect(html).toMatch(/<img class="emblem" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="United Nations emblem"/);
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('alert(1)');
  });

  it('never reads a picture the SVG refers to by path', async () => {
    // A real picture on disk: pdfkit would read it if it were given the path.
    const onDisk = join(mkdtempSync(join(tmpdir(), 'agenda-emblem-img-')), 'secret.png');
    writeFileSync(onDisk, PNG.sync.write(new PNG({ width: 4, height: 4 })));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><image xlink:href="${onDisk}" width="10" height="10"/></svg>`;
    const pdf = pdfOf(await build({ '/p/a.yaml': definition, '/p/emblem.svg': svg }, '/p/a.yaml'));
    expect(Buffer.from(pdf).toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
  });
});

describe('a PNG emblem', () => {
  it('is drawn as a picture in the same box', async () => {
    const png = new PNG({ width: 40, height: 34 });
    png.data.fill(0);
    for (let i = 3; i < png.data.length; i += 4) png.data[i] = 255; // opaque black
    const pdf = pdfOf(await build({ '/p/a.yaml': definition.replace('emblem: emblem.svg', 'emblem: emblem.png'), '/p/emblem.png': PNG.sync.write(png) }, '/p/a.yaml'));
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    expect(darkIn(pdf, ...box())).toBeGreaterThan(1000);
  });
});

describe('an emblem named by the project configuration', () => {
  it('is drawn when the definition names none, its path relative to the configuration', async () => {
    const files = { '/p/agenda.config.yaml': 'emblem: art/e.svg\n', '/p/art/e.svg': SVG, '/p/docs/a.yaml': definition.replace(/^ {2}emblem: .*\n/m, ''), '/p/package.json': '{}' };
    const pdf = pdfOf(await build(files, '/p/docs/a.yaml'));
    expect(darkIn(pdf, ...square())).toBe(area(square()));
  });

  it('that cannot be read is reported at its key in the configuration', async () => {
    const files = { '/p/agenda.config.yaml': 'profile: untoc-working-group\nemblem: art/none.svg\n', '/p/docs/a.yaml': definition.replace(/^ {2}emblem: .*\n/m, ''), '/p/package.json': '{}' };
    const r = await build(files, '/p/docs/a.yaml');
    expect(r.outputs).toBeUndefined();
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ file: '/p/agenda.config.yaml', line: 2, column: 1, severity: 'error', code: 'emblem', message: expect.stringContaining("cannot read the emblem file 'art/none.svg'") }));
  });
});

/** A PDF file drawn by pdfkit: `draw` paints on a 60 × 54 pt page. */
async function pdfFile(draw: (doc: InstanceType<typeof PDFDocument>) => void): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: [60, 54], margin: 0, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on('end', r));
  draw(doc);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

describe('an emblem given as a PDF file', () => {
  const named = definition.replace(/^( {2}emblem: ).*$/m, '$1emblem.pdf');
  // A filled square over the whole page, and a stroked frame: the shapes an emblem is made of.
  const shapes = () => pdfFile((doc) => {
    doc.rect(0, 0, 60, 54).fill('#1a66b0');
    doc.rect(5, 5, 50, 44).lineWidth(2).stroke('#ffffff');
  });

  it('is drawn as vectors in the PDF and as an SVG picture in the HTML, where the SVG one is', async () => {
    const r = await build({ '/p/a.yaml': named, '/p/emblem.pdf': await shapes() }, '/p/a.yaml', ['pdf', 'html']);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const pdf = r.outputs!.find((o) => o.format === 'pdf')!.data as Uint8Array;
    expect(Buffer.from(pdf).toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
    // Units 10 to 20 of the 60 × 54 page, inside the white frame: dark all over.
    const scale = Math.min(MASTHEAD.emblemWidth / 60, MASTHEAD.emblemHeight / 54);
    const inner = [PAGE.left + 10 * scale, PAGE.firstTop + MASTHEAD.row1 + MASTHEAD.row2Gap + 10 * scale, 10 * scale, 10 * scale] as const;
    const px = (pt: number) => Math.round((pt * DPI) / 72);
    expect(darkIn(pdf, ...inner)).toBe((px(inner[0] + inner[2]) - px(inner[0])) * (px(inner[1] + inner[3]) - px(inner[1])));
    const html = String(r.outputs!.find((o) => o.format === 'html')!.data);
    const svg = Buffer.from(/<img class="emblem" src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html)![1]!, 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 60 54"/);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('fill="#1a66b0"');
    expect(svg).toContain('stroke="#ffffff" stroke-width="2"');
  });

  it('with text in it is refused at the emblem key, with what to do', async () => {
    const text = await pdfFile((doc) => doc.fontSize(12).text('UN', 10, 10));
    const r = await build({ '/p/a.yaml': named, '/p/emblem.pdf': text }, '/p/a.yaml');
    expect(r.outputs).toBeUndefined();
    const line = named.split('\n').findIndex((l) => l.startsWith('  emblem:')) + 1;
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ file: '/p/a.yaml', line, column: 3, code: 'emblem', message: "the emblem file 'emblem.pdf' holds text, pictures or shadings: only shapes are drawn (convert its text to outlines and flatten it, or give it as SVG)" }));
  });
});

describe('an emblem file that cannot be used', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['missing', '', /cannot read the emblem file 'emblem\.svg': file not found/],
    ['not SVG', '<html><body>emblem</body></html>', /is not an SVG drawing/],
    ['malformed SVG', '<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', /is not well-formed XML \(line 1, column \d+: unexpected close tag\)/],
    ['text after the root element', '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>trailing', /is not well-formed XML \(line 1, column \d+: text data outside of root node\)/],
    ['an attribute without quotes', '<svg xmlns="http://www.w3.org/2000/svg">\n<rect width=1 height="1"/></svg>', /is not well-formed XML \(line 2, column \d+: unquoted attribute value\)/],
    ['a stray ampersand', '<svg xmlns="http://www.w3.org/2000/svg"><rect fill="a & b"/></svg>', /is not well-formed XML/],
    ['a PDF file cut short', '%PDF-1.7\n%…', /is a PDF file that ends before its end/],
    ['truncated PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /is not a complete PNG image/],
    ['binary', new Uint8Array([0xff, 0xfe, 0x00, 0x80]), /is neither a PNG image nor an SVG drawing/],
  ];
  for (const [name, content, message] of cases) {
    it(`${name}: a diagnostic at the emblem key, nothing built`, async () => {
      const files: Record<string, string | Uint8Array> = { '/p/a.yaml': definition };
      if (name !== 'missing') files['/p/emblem.svg'] = content;
      const r = await build(files, '/p/a.yaml');
      expect(r.outputs).toBeUndefined();
      const line = definition.split('\n').findIndex((l) => l.startsWith('  emblem:')) + 1;
      expect(r.diagnostics).toContainEqual(expect.objectContaining({ file: '/p/a.yaml', line, column: 3, severity: 'error', code: 'emblem', message: expect.stringMatching(message) }));
    });
  }

  it("an SVG whose DOCTYPE declares the entities it uses, as drawing programs write it, is drawn", async () => {
    const svg = `<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n  <!ENTITY ns_svg "http://www.w3.org/2000/svg">\n]>\n<svg xmlns="&ns_svg;" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>`;
    const r = await build({ '/p/a.yaml': definition, '/p/emblem.svg': svg }, '/p/a.yaml');
    expect(r.diagnostics.filter((d) => d.code === 'emblem')).toEqual([]);
    expect(r.outputs).toBeDefined();
  });

  it('is reported by agenda check too', () => {
    const r = checkDefinition(new Session({ fs: new MemoryFileSystem({ '/p/a.yaml': definition }) }), '/p/a.yaml', { config: false });
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ file: '/p/a.yaml', severity: 'error', code: 'emblem', message: expect.stringContaining("cannot read the emblem file 'emblem.svg'") }));
  });

  it('is drawn by the command too, whose bundle loads the SVG drawing code only for it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-emblem-cli-'));
    writeFileSync(join(dir, 'a.yaml'), definition);
    writeFileSync(join(dir, 'emblem.svg'), SVG);
    const run = spawnSync('node', [join(repoRoot, 'bin/agenda.js'), 'build', join(dir, 'a.yaml'), '--format', 'pdf', '--out', dir], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const pdf = readFileSync(join(dir, 'a.pdf'));
    expect(darkIn(pdf, ...square())).toBe(area(square()));
    expect(pdf.toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
  });

  it('stops the CLI with the diagnostic and no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-emblem-cli-'));
    writeFileSync(join(dir, 'a.yaml'), definition.replace('emblem: emblem.svg', 'emblem: nowhere.svg'));
    const run = spawnSync('node', [join(repoRoot, 'bin/agenda.js'), 'build', join(dir, 'a.yaml'), '--format', 'pdf', '--out', dir], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr + run.stdout).toMatch(/a\.yaml:\d+:3: error cannot read the emblem file 'nowhere\.svg'/);
    expect(run.stderr + run.stdout).not.toMatch(/\n\s+at /);
  });
});
