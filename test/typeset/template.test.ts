import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UN_PAGE } from '../../src/page/template.js';
import { STYLES } from '../../src/render/html/styles.js';
import { BODY, geometryOf, LIST, PAGE, pageFrame } from '../../src/typeset/geometry.js';
import { repoRoot } from '../helpers/reference.js';

const mm = 72 / 25.4;

describe('the page template', () => {
  it('gives the PDF geometry in points: A4, 20 mm margins, the 12.7 mm indent on both sides, the list hang', () => {
    expect([PAGE.width, PAGE.height]).toEqual([595.28, 841.89]);
    expect(PAGE.left).toBeCloseTo(56.693, 3);
    expect(PAGE.right).toBeCloseTo(595.28 - 56.693, 3);
    expect(BODY.x).toBeCloseTo(PAGE.left + 36, 3);
    expect(BODY.width).toBeCloseTo(PAGE.right - PAGE.left - 72, 3);
    expect(LIST.text2 - LIST.text1).toBeCloseTo(7 * mm, 6);
    // The first page's foot is kept for its footer (job number, barcode, recycling mark, QR code) with or without a job number.
    expect(pageFrame(0, 'reserved').bottom).toBeCloseTo(841.89 - 68 * mm, 6);
    // The older style: the job number alone, or nothing, at the foot.
    expect(pageFrame(0, 'job').bottom).toBeCloseTo(841.89 - 30 * mm, 6);
    expect(pageFrame(0, 'none').bottom).toBe(PAGE.bottom);
    expect(pageFrame(1, 'reserved')).toEqual({ top: PAGE.top, bottom: PAGE.bottom });
  });

  it('is the one source of the geometry: another template gives another page', () => {
    const letter = geometryOf({ ...UN_PAGE, size: { name: 'A4', widthPt: 612, heightPt: 792 }, margins: { ...UN_PAGE.margins, leftMm: 25 } });
    expect(letter.PAGE.right).toBeCloseTo(612 - 20 * mm, 6);
    expect(letter.PAGE.left).toBeCloseTo(25 * mm, 6);
    expect(letter.BODY.x).toBeCloseTo(25 * mm + 12.7 * mm, 6);
  });

  it("gives the HTML's print page, and its custom properties, which the print styles use", () => {
    const { margins, flowing } = UN_PAGE;
    expect(STYLES).toContain(`@page { size: A4; margin: ${flowing.print.topMm}mm ${margins.leftMm}mm ${flowing.print.bottomMm}mm; }`);
    const print = STYLES.slice(STYLES.indexOf('@media print'));
    expect(print).toContain(`--un-body-size: ${UN_PAGE.styles.body.sizePt}pt;`);
    expect(print).toContain(`--un-rule-thick: ${UN_PAGE.rules.thickPt}pt;`);
    expect(print).toContain('line-height: var(--un-body-leading);');
    expect(print).toContain('.footnotes { font-size: var(--un-note-size); }');
    expect(print).toContain('font-size: var(--un-body-size);');
    expect(print).toContain('border-bottom-width: var(--un-rule-thick);');
  });
});

describe('the layers', () => {
  const importsOf = (dir: string) =>
    readdirSync(join(repoRoot, dir))
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(join(repoRoot, dir, f), 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'/g)].map((m) => [f, m[1]!] as const));

  it('the typesetter and the page template import neither pdfkit nor fontkit', () => {
    expect(importsOf('src/typeset').length).toBeGreaterThan(10);
    for (const dir of ['src/typeset', 'src/page']) for (const [file, spec] of importsOf(dir)) expect(spec, `${dir}/${file}`).not.toMatch(/^(pdfkit|fontkit)/);
  });

  it('only the PDF exporter does', () => {
    const users = importsOf('src/export/pdf').filter(([, spec]) => spec === 'pdfkit');
    expect(users.length).toBeGreaterThan(0);
  });
});
