import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BinaryBitmap, Code39Reader, HybridBinarizer, RGBLuminanceSource } from '@zxing/library';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { JOB, PAGE } from '../../src/typeset/geometry.js';
import { compileSource } from '../../src/pipeline.js';
import { repoRoot } from '../helpers/reference.js';
import { modelOf, pdfOf, readPdf } from './helpers.js';

/**
 * The first page's foot read back as a reader would: the QR code and the barcode decoded
 * from the rendered page by decoders that know nothing of our encoders.
 */

const DPI = 300;
const px = (pt: number) => Math.round((pt * DPI) / 72);

/** The part of the first page this far from its foot and below, in points: all the footer holds. */
const FOOT_BAND = 80 * (72 / 25.4);

/**
 * The foot of page 1 of a PDF as RGBA pixels (pdftoppm renders only that band: a whole page
 * at this resolution costs seconds to draw and decode).
 */
function firstPage(pdf: Uint8Array): PNG {
  const dir = mkdtempSync(join(tmpdir(), 'agenda-foot-'));
  writeFileSync(join(dir, 'doc.pdf'), pdf);
  execFileSync('pdftoppm', ['-png', '-r', String(DPI), '-f', '1', '-l', '1', '-y', String(px(PAGE.height - FOOT_BAND)), '-H', String(px(FOOT_BAND)), '-W', String(px(PAGE.width)), '-singlefile', join(dir, 'doc.pdf'), join(dir, 'page')]);
  return PNG.sync.read(readFileSync(join(dir, 'page.png')));
}

/** The pixels of a box of the page (in points from the page's top left), as RGBA. */
function crop(png: PNG, x: number, y: number, w: number, h: number): { data: Uint8ClampedArray; width: number; height: number } {
  const [x0, y0, width, height] = [px(x), px(y - (PAGE.height - FOOT_BAND)), px(w), px(h)];
  if (y0 < 0) throw new Error('the box starts above the rendered foot of the page');
  const data = new Uint8ClampedArray(width * height * 4);
  for (let r = 0; r < height; r++) data.set(png.data.subarray(((y0 + r) * png.width + x0) * 4, ((y0 + r) * png.width + x0 + width) * 4), r * width * 4);
  return { data, width, height };
}

describe('the QR code at the foot of the first page', () => {
  it('decodes to the document’s address, undocs.org and the symbol by default', async () => {
    const png = firstPage(await pdfOf('examples/ctoc-cop-wg3-2023.yaml'));
    // The lower right corner of the page, with room around the code for its quiet zone.
    const box = crop(png, PAGE.width / 2, PAGE.height - 60 * (72 / 25.4), PAGE.width / 2, 60 * (72 / 25.4) - 2);
    const found = jsQR(box.data, box.width, box.height);
    expect(found?.data).toBe('https://undocs.org/CTOC/COP/WG.3/2023/1');
  });

  it('decodes to document.address when the definition gives one', async () => {
    const { renderPdf } = await import('../../src/export/pdf/index.js');
    const address = 'https://example.org/docs/E/CN.15/2024/1?lang=en';
    const source = readFileSync(resolve(repoRoot, 'examples/ccpcj-2024.yaml'), 'utf8').replace('  job_number:', `  address: ${address}\n  job_number:`);
    const model = compileSource('ccpcj.yaml', source).model!;
    expect(model.masthead.address).toBe(address);
    const png = firstPage(await renderPdf(model));
    const box = crop(png, PAGE.width / 2, PAGE.height - 60 * (72 / 25.4), PAGE.width / 2, 60 * (72 / 25.4) - 2);
    expect(jsQR(box.data, box.width, box.height)?.data).toBe(address);
  });
});

describe('the barcode of the job number', () => {
  it('reads as the job number’s digits (Code 39)', async () => {
    const png = firstPage(await pdfOf('examples/ccpcj-2024.yaml'));
    // The bars' band, from the left margin to the middle of the page.
    const top = JOB.baseline + JOB.barsBelowPt - 4;
    const box = crop(png, PAGE.left - 10, top, PAGE.width / 2 - PAGE.left, JOB.barHeightPt + 8);
    const luminance = new Uint8ClampedArray(box.width * box.height);
    for (let i = 0; i < luminance.length; i++) luminance[i] = box.data[i * 4]!;
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, box.width, box.height)));
    expect(new Code39Reader().decode(bitmap).getText()).toBe('2401234');
  });
});

describe('the first page’s frame', () => {
  it('breaks the reference where the published document does: after the "19 April 2023" paragraph, footnote 1 on page 2', async () => {
    const pages = await readPdf(await pdfOf('examples/ctoc-cop-wg3-2023.yaml'));
    const text = (n: number) => pages[n]!.runs.map((r) => r.str).join(' ').replace(/\s+/g, ' ');
    const first = text(0);
    expect(first).toMatch(/On 19 April 2023, the extended Bureau approved .* of the Working Group on International Cooperation\./);
    expect(first).not.toContain('On 21 April 2023');
    expect(first).not.toContain('A document containing the details');
    const second = text(1);
    expect(second.indexOf('On 21 April 2023')).toBeGreaterThanOrEqual(0);
    expect(second).toContain('A document containing the details of the organization of work');
  });

  it('holds as much of the body with a job number as without one', async () => {
    const { renderPdf } = await import('../../src/export/pdf/index.js');
    const model = modelOf('examples/ctoc-cop-wg3-2023.yaml');
    const job = { number: 'V.23-11234 (E)', baseNumber: 'V.23-11234', stamps: ['200623'], stampDates: ['2023-06-20'], barcode: '*2311234*' };
    const [without, withJob] = await Promise.all([renderPdf(model), renderPdf({ ...model, masthead: { ...model.masthead, job } })]);
    const bodyOf = async (pdf: Uint8Array) => (await readPdf(pdf))[0]!.runs.filter((r) => r.tag !== 'Artifact').map((r) => r.str).join(' ');
    expect(await bodyOf(withJob)).toBe(await bodyOf(without));
  });
});
