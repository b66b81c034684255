import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { build } from '../../src/core/index.js';
import { repoRoot } from '../helpers/reference.js';
import { renderPdf, UnsupportedCharacterError } from '../../src/export/pdf/index.js';
import { missingFamily } from '../../src/export/pdf/families.js';
import { loadFonts } from '../../src/export/pdf/fonts.js';
import { hasTool, modelOf, pdfOf } from './helpers.js';
import { expectCommittedLook, SCRIPT_RENDER_SOURCES } from './renders.js';

const AR = 'test/fixtures/scripts/meeting.ar.yaml';
const ZH = 'test/fixtures/scripts/meeting.zh.yaml';
const havePdftotext = hasTool('pdftotext');
const havePdftoppm = hasTool('pdftoppm');
const haveCjk = missingFamily('Noto Serif SC') === undefined;

/** The text poppler's pdftotext extracts (it rebuilds right-to-left text in logical order from the glyphs' positions). */
function extracted(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'agenda-scripts-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/**
 * Text compared without white space, bidi marks and the Arabic comma: pdftotext puts a
 * space on either side of a number inside Arabic text as it likes, splits words where
 * Amiri's glyphs overlap, and places "،" next to a number on the number's other side. The
 * letters, digits and brackets, and their order, are compared exactly.
 */
const squeeze = (s: string) => s.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069،]/g, '');

describe.skipIf(!havePdftotext)('Arabic PDF: text extracted in logical order', () => {
  const wanted = [
    // Weekday, month (the paired names), ordinal, "(continued)", as the locale writes them.
    'يوم الاثنين، 11 أيلول/سبتمبر 2023',
    'الثلاثاء، 12 أيلول/سبتمبر',
    'الاجتماع الرابع عشر',
    '(تابع)',
    // Item titles, with a number and brackets inside right-to-left text.
    'المسائل التنظيمية',
    'افتتاح الاجتماع',
    'إقرار جدول الأعمال وتنظيم الأعمال',
    'التنفيذ العملي للمادة 27 من اتفاقية الأمم المتحدة لمكافحة الجريمة المنظَّمة عبر الوطنية (التعاون في مجال إنفاذ القانون)',
    'مسائل أخرى',
    'اعتماد التقرير',
    // A sub-item's label, its brackets mirrored on the page and read back as written.
    '(أ) افتتاح الاجتماع',
    // A symbol and numbers keep their left-to-right order. (Brackets right beside a number or a
    // symbol come back from pdftotext on the wrong side: its own bidi pass, not the PDF.)
    'A/78/150',
    'بتنفيذ المادة 27 من الاتفاقية',
  ];
  it.each(wanted)('%s', async (phrase) => {
    const text = squeeze(extracted(await pdfOf(AR)));
    expect(text).toContain(squeeze(phrase));
  });

  it('fails on text in visual order (the test can tell)', async () => {
    const text = squeeze(extracted(await pdfOf(AR)));
    expect(text).not.toContain(squeeze([...'افتتاح الاجتماع'].reverse().join('')));
  });

  it('links a web address inside right-to-left text', async () => {
    const pdf = Buffer.from(await pdfOf(AR)).toString('latin1');
    expect(pdf).toContain('/URI (https://www.unodc.org/unodc/en/treaties/CTOC/working-group-on-international-cooperation-2023.html)');
    expect(squeeze(extracted(await pdfOf(AR)))).toContain(squeeze('www.unodc.org/unodc/en/treaties/CTOC/'));
  });

  it('embeds Amiri, with its joining forms, and the symbols in Tinos', async () => {
    const pdf = Buffer.from(await pdfOf(AR)).toString('latin1');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+Amiri-Regular/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Regular/);
  });
});

describe.skipIf(!havePdftotext || !haveCjk)(haveCjk ? 'Chinese PDF: text extracted' : 'Chinese PDF: skipped, Noto Serif CJK not installed (apt-get install fonts-noto-cjk)', () => {
  const wanted = ['2023年9月11日星期一', '9月12日星期二', '第十四次会议', '（续）', '组织事项', '会议开幕', '通过议程和工作安排', '《联合国打击跨国有组织犯罪公约》第27条的实际执行情况（执法合作）', '其他事项', '通过报告'];
  it.each(wanted)('%s', async (phrase) => {
    expect(squeeze(extracted(await pdfOf(ZH)))).toContain(squeeze(phrase));
  });

  it('embeds Noto Serif CJK', async () => {
    expect(Buffer.from(await pdfOf(ZH)).toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifCJKsc-Regular/);
  });
});

/**
 * The reference in Arabic and Chinese, built from the original and its translation files:
 * the locale's words (written out here, so that a wrong word in the locale fails) and
 * every item title as the translator wrote it.
 */
describe.skipIf(!havePdftotext)('the reference example’s Arabic and Chinese PDFs', () => {
  const reference = join(repoRoot, 'examples/ctoc-cop-wg3-2023.yaml');
  const languages = haveCjk ? (['ar', 'zh'] as const) : (['ar'] as const);
  const words: Record<'ar' | 'zh', string[]> = {
    ar: ['يوم الاثنين، 11 أيلول/سبتمبر 2023', 'الثلاثاء، 12 أيلول/سبتمبر', 'الاجتماع الرابع عشر', 'فيينا، 11 و 12 أيلول/سبتمبر 2023', '(تابع)'],
    zh: ['2023年9月11日星期一', '9月12日星期二', '第十四次会议', '2023年9月11日和12日，维也纳', '（续）'],
  };
  const titles = (language: string) => {
    const texts = (parseYaml(readFileSync(join(repoRoot, `examples/ctoc-cop-wg3-2023.${language}.yaml`), 'utf8')) as { texts: Record<string, { text: string }> }).texts;
    return Object.entries(texts)
      .filter(([key]) => /^items\[[^\]]+\](\.items\[[^\]]+\])?\.(title|short_title)$/.test(key))
      .map(([, t]) => t.text);
  };
  const text = new Map<string, string>();
  beforeAll(async () => {
    const result = await build(reference, { formats: ['pdf'], languages: [...languages] });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const o of result.outputs ?? []) text.set(o.language!, squeeze(extracted(o.data as Uint8Array)));
  }, 120_000);
  for (const language of ['ar', 'zh'] as const) {
    const skip = language === 'zh' && !haveCjk;
    it.skipIf(skip)(`${language}: gives back the weekday, month, ordinal, “continued” and the item titles${skip ? ' (skipped: Noto Serif CJK not installed)' : ''}`, () => {
      const got = text.get(language)!;
      const list = [...words[language], ...titles(language)];
      expect(list.length).toBe(13);
      for (const w of list) expect(got.includes(squeeze(w)), w).toBe(true);
    });
  }
});

describe('Arabic shaping', () => {
  it('gives letters their joining forms, in visual order', () => {
    const fonts = loadFonts();
    const alone = (c: string) => fonts.shape('regular', c, 'Amiri').glyphs[0]!.id;
    // "بيت": initial beh, medial yeh, final teh; drawn right to left, so the glyphs come last letter first.
    const word = fonts.shape('regular', 'بيت', 'Amiri').glyphs;
    expect(word.map((g) => g.codePoints)).toEqual([[0x62a], [0x64a], [0x628]]);
    expect(word[0]!.id).not.toBe(alone('ت'));
    expect(word[1]!.id).not.toBe(alone('ي'));
    expect(word[2]!.id).not.toBe(alone('ب'));
  });

  it('makes the same bytes each time', async () => {
    const a = await renderPdf(modelOf(AR));
    const b = await renderPdf(modelOf(AR));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('Chinese PDF without its font', () => {
  const saved = process.env.AGENDA_CJK_FONT_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.AGENDA_CJK_FONT_DIR;
    else process.env.AGENDA_CJK_FONT_DIR = saved;
  });
  it('is refused at the first Chinese text of the definition, saying what to install', async () => {
    process.env.AGENDA_CJK_FONT_DIR = mkdtempSync(join(tmpdir(), 'agenda-no-cjk-'));
    const error = await renderPdf(modelOf(ZH)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedCharacterError);
    const e = error as UnsupportedCharacterError;
    expect(e.code).toBe('unsupported-character');
    expect(e.message).toContain('Noto Serif CJK');
    expect(e.hint).toContain('fonts-noto-cjk');
    expect(e.hint).toContain('AGENDA_CJK_FONT_DIR');
    expect(e.origin?.path).toBeDefined();
  });
});

describe.skipIf(!havePdftoppm)('Arabic and Chinese pages look like the committed renders', () => {
  for (const source of SCRIPT_RENDER_SOURCES) {
    const skip = source === ZH && !haveCjk;
    it.skipIf(skip)(skip ? `${source}: skipped, Noto Serif CJK not installed` : source, async () => {
      // Page 1 (the masthead, mirrored in Arabic) and the annex page.
      expectCommittedLook(source, await pdfOf(source));
    });
  }
});
