// Writes src/generated/font-tables.js (and dist/generated/): for each face of Tinos, what
// fontkit's shaping makes of ordinary text, as plain tables read at run time by
// src/typeset/fast-shaping.ts.
//
// Why: fontkit shapes a word by running its OpenType engine (script detection, a shaping
// plan, every GSUB and GPOS lookup of the features in the plan). For Latin, Greek and
// Cyrillic text without combining marks, that comes down, in these fonts, to the glyph of
// each character, its advance, and pair kerning. The engine's first words in a process cost
// about 150 ms (lazy table decoding, cold code), and each later word some microseconds. The
// tables hold exactly what the engine would compute for those characters, read from the
// font's own GSUB and GPOS tables here, with fontkit's semantics (first matching subtable of
// a lookup wins); anything else (marks, other scripts, glyphs that a substitution or a
// positioning other than kerning could touch) is left out, and such words are shaped by
// fontkit as before. test/pdf/fast-shaping.test.ts checks the tables against fontkit.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = new URL('../', import.meta.url);
const require = createRequire(new URL('package.json', root));
// The fontkit pdfkit uses, and its Unicode data: script detection must match fontkit's own.
const fromPdfkit = createRequire(require.resolve('pdfkit'));
const fontkit = fromPdfkit('fontkit');
const unicode = createRequire(fromPdfkit.resolve('fontkit'))('unicode-properties');

/** Keep in step with FILES in src/export/pdf/fonts.ts (the test checks it). */
const FILES = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  italic: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

/** Scripts shaped by fontkit's default shaper, left to right, whose text the tables may cover. */
const SCRIPTS = { Common: '', Latin: 'latn', Greek: 'grek', Cyrillic: 'cyrl' };
/** The features of fontkit's default shaping plan for left-to-right text (fractions aside: U+2044 is left out). */
const PLAN_FEATURES = ['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];
/** fontkit's fallback when the font has no entry for the text's script. */
const DEFAULT_SCRIPTS = ['DFLT', 'dflt', 'latn'];

const list = (x) => (x == null ? [] : Array.isArray(x) ? x : typeof x.toArray === 'function' ? x.toArray() : [...x]);

function coverageGlyphs(coverage) {
  if (coverage.version === 1) return list(coverage.glyphs);
  return list(coverage.rangeRecords).flatMap((r) => Array.from({ length: r.end - r.start + 1 }, (_, i) => r.start + i));
}

function classOf(glyph, classDef) {
  if (classDef.version === 1) {
    const i = glyph - classDef.startGlyph;
    const values = list(classDef.classValueArray);
    return i >= 0 && i < values.length ? values[i] : 0;
  }
  for (const r of list(classDef.classRangeRecord)) if (r.start <= glyph && glyph <= r.end) return r.class;
  return 0;
}

/** fontkit's list of default-ignorable characters (hidden as zero-width spaces). */
function isDefaultIgnorable(ch) {
  return (
    ch === 0xad || ch === 0x34f || ch === 0x61c || (ch >= 0x17b4 && ch <= 0x17b5) || (ch >= 0x180b && ch <= 0x180e) ||
    (ch >= 0x200b && ch <= 0x200f) || (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2060 && ch <= 0x206f) ||
    (ch >= 0xfe00 && ch <= 0xfe0f) || ch === 0xfeff || (ch >= 0xfff0 && ch <= 0xfff8)
  );
}

/** A lookup's subtables with extension subtables unwrapped, and its real type. */
function subtables(lookup, extensionType) {
  if (lookup.lookupType !== extensionType) return { type: lookup.lookupType, tables: list(lookup.subTables) };
  const tables = list(lookup.subTables).map((t) => t.extension);
  return { type: list(lookup.subTables)[0]?.lookupType, tables };
}

/**
 * Glyphs a lookup of a context or chaining context type could act on, were every glyph of
 * the text a candidate: the glyphs of its input when every position of a rule can be
 * matched by candidates (coverage-based rules), otherwise every glyph of its coverage.
 */
function contextGlyphs(table, candidate) {
  if (table.version === 3) {
    const seqs = [...list(table.backtrackCoverage), ...list(table.inputCoverage ?? table.coverages), ...list(table.lookaheadCoverage)];
    const possible = seqs.every((c) => coverageGlyphs(c).some(candidate));
    return possible ? list(table.inputCoverage ?? table.coverages).flatMap(coverageGlyphs) : [];
  }
  return table.coverage ? coverageGlyphs(table.coverage) : [];
}

/** Glyphs that a GSUB lookup could replace in text made of candidates. */
function substituted(lookup, candidate) {
  const { type, tables } = subtables(lookup, 7);
  const out = [];
  for (const t of tables) {
    if (type === 4) {
      const first = coverageGlyphs(t.coverage);
      list(t.ligatureSets).forEach((set, k) => {
        for (const lig of list(set)) {
          const components = list(lig.components);
          if (candidate(first[k]) && components.every(candidate)) out.push(first[k], ...components);
        }
      });
    } else if (type === 5 || type === 6) out.push(...contextGlyphs(t, candidate));
    else out.push(...coverageGlyphs(t.coverage));
  }
  return out;
}

const onlyXAdvance = (v) => !v || (!v.xPlacement && !v.yPlacement && !v.yAdvance);
const empty = (v) => !v || (!v.xPlacement && !v.yPlacement && !v.xAdvance && !v.yAdvance);

function faceTable(file) {
  const path = require.resolve(file);
  const font = fontkit.openSync(path);
  const gdef = font.GDEF?.glyphClassDef;
  const gpos = font.GPOS;
  if (!gpos || font._variationProcessor || font.kern) return null; // only the GPOS kerning path is tabulated

  // 1. Candidates: characters of the covered scripts, not marks, with a glyph.
  const glyphOf = new Map();
  for (const cp of font.characterSet) {
    const script = unicode.getScript(cp);
    const category = unicode.getCategory(cp);
    if (!(script in SCRIPTS) || category.startsWith('M') || /^(C.|Z[lp])$/.test(category)) continue;
    if (isDefaultIgnorable(cp) || cp === 0x2044) continue;
    const glyph = font.glyphForCodePoint(cp);
    if (!glyph.id || (gdef && classOf(glyph.id, gdef) === 3)) continue;
    glyphOf.set(cp, glyph);
  }
  const glyphIds = new Set([...glyphOf.values()].map((g) => g.id));
  const excluded = new Set();
  const candidate = (g) => glyphIds.has(g) && !excluded.has(g);

  // 2. Out: glyphs a GSUB lookup could replace: the lookups of every feature of every script
  //    (not only the plan's: conservative). Lookups that only context lookups call are
  //    accounted for by their caller (its input glyphs, when its context can occur).
  const substitutedGlyphs = [];
  const gsub = font.GSUB;
  const featureLookups = new Set(list(gsub?.featureList).flatMap((record) => list(record.feature.lookupListIndexes)));
  for (const index of featureLookups) substitutedGlyphs.push(...substituted(gsub.lookupList.get(index), candidate));
  for (const g of substitutedGlyphs) excluded.add(g);

  // 3. The GPOS lookups fontkit's plan applies, for each script the text can take.
  const featuresOf = (entry) => {
    const features = {};
    const langSys = entry.script.defaultLangSys;
    if (!langSys) return features;
    for (const i of list(langSys.featureIndexes)) {
      const record = gpos.featureList[i];
      features[record.tag] = list(record.feature.lookupListIndexes);
    }
    return features;
  };
  const scriptList = list(gpos.scriptList);
  const fallback = DEFAULT_SCRIPTS.map((tag) => scriptList.find((e) => e.tag === tag)).find(Boolean);
  if (!fallback) return null;
  const lookupsFor = (entry) => [...new Set(PLAN_FEATURES.flatMap((f) => featuresOf(entry)[f] ?? []))].sort((a, b) => a - b);
  const byTag = { '*': lookupsFor(fallback) };
  for (const tag of Object.values(SCRIPTS)) {
    const entry = tag && scriptList.find((e) => e.tag === tag);
    if (entry) byTag[tag] = lookupsFor(entry);
  }
  const used = [...new Set(Object.values(byTag).flat())].sort((a, b) => a - b);

  // 4. Out: glyphs a positioning other than plain kerning could move. Kerning lookups that
  //    skip base glyphs or ligatures would pair glyphs that are not neighbours: not tabulated.
  const pairLookups = [];
  for (const index of used) {
    const lookup = gpos.lookupList.get(index);
    const { type, tables } = subtables(lookup, 9);
    if (type === 2) {
      if (lookup.flags.flags.ignoreBaseGlyphs || lookup.flags.flags.ignoreLigatures) return null;
      for (const t of tables) {
        if (t.version === 1) {
          coverageGlyphs(t.coverage).forEach((g, k) => {
            for (const pair of list(t.pairSets.get(k))) if (!onlyXAdvance(pair.value1) || !empty(pair.value2)) excluded.add(g);
          });
        } else {
          const first = coverageGlyphs(t.coverage);
          for (const row of list(t.classRecords)) for (const rec of list(row)) if (!onlyXAdvance(rec.value1) || !empty(rec.value2)) first.forEach((g) => excluded.add(g));
        }
      }
      pairLookups.push({ index, tables });
    } else {
      for (const t of tables) {
        const glyphs = type === 4 || type === 5 || type === 6 ? coverageGlyphs(t.markCoverage ?? t.mark1Coverage) : type === 7 || type === 8 ? contextGlyphs(t, candidate) : coverageGlyphs(t.coverage);
        for (const g of glyphs) excluded.add(g);
      }
    }
  }

  // 5. Kerning between candidates, as fontkit applies it: in each lookup, the first
  //    subtable that covers the first glyph and (format 1) lists the second decides.
  const finalGlyphs = [...glyphIds].filter(candidate).sort((a, b) => a - b);
  const pairs = {};
  for (const { index, tables } of pairLookups) {
    const decided = new Map();
    for (const t of tables) {
      const covered = coverageGlyphs(t.coverage);
      covered.forEach((g1, k) => {
        if (!candidate(g1)) return;
        let row = decided.get(g1);
        if (!row) decided.set(g1, (row = new Map()));
        if (t.version === 1) {
          for (const pair of list(t.pairSets.get(k))) if (candidate(pair.secondGlyph) && !row.has(pair.secondGlyph)) row.set(pair.secondGlyph, pair.value1?.xAdvance ?? 0);
        } else {
          const records = t.classRecords.get(classOf(g1, t.classDef1));
          for (const g2 of finalGlyphs) if (!row.has(g2)) row.set(g2, records.get(classOf(g2, t.classDef2)).value1?.xAdvance ?? 0);
        }
      });
    }
    const flat = [];
    for (const [g1, row] of [...decided].sort((a, b) => a[0] - b[0])) for (const [g2, dx] of [...row].sort((a, b) => a[0] - b[0])) if (dx) flat.push(g1, g2, dx);
    pairs[index] = flat;
  }

  const scripts = Object.values(SCRIPTS);
  const chars = [];
  for (const [cp, glyph] of [...glyphOf].sort((a, b) => a[0] - b[0])) {
    if (!candidate(glyph.id)) continue;
    chars.push(cp, glyph.id, glyph.advanceWidth, scripts.indexOf(SCRIPTS[unicode.getScript(cp)]));
  }
  const kerning = new Set(pairLookups.map((l) => l.index));
  for (const tag of Object.keys(byTag)) byTag[tag] = byTag[tag].filter((i) => kerning.has(i));
  return {
    // Which file the tables describe: fonts.ts uses them only for a font with the same figures.
    font: { postscriptName: font.postscriptName, size: statSync(path).size, checkSumAdjustment: font.head.checkSumAdjustment, numGlyphs: font.numGlyphs },
    unitsPerEm: font.unitsPerEm,
    // For line boxes: the typesetter measures text from these tables without fontkit.
    ascent: font.ascent,
    scripts,
    chars,
    lookups: byTag,
    pairs,
    subset: referenceSubset(font),
  };
}

/**
 * A small TrueType subset of the face (glyphs 0 to 3) as fontkit writes it, base64. The faster
 * subsetter (src/export/pdf/subset.ts) takes the tables that do not depend on the glyphs
 * (header, metrics header, maximum profile, hinting programs) from it, instead of having
 * fontkit encode a first subset in each process to learn them.
 */
function referenceSubset(font) {
  const subset = font.createSubset();
  for (const glyph of [0, 1, 2, 3]) subset.includeGlyph(glyph);
  return Buffer.from(subset.encode()).toString('base64');
}

const tables = Object.fromEntries(Object.entries(FILES).map(([face, file]) => [face, faceTable(file)]));
const body = [
  '// Generated by scripts/font-tables.js from the Tinos font files. Do not edit.',
  // JSON text, not an object literal: V8 reads 200 KB of JSON faster than it compiles the
  // literal (and the code that builds it) at every process's first PDF.
  `export const FONT_TABLES = JSON.parse(${JSON.stringify(JSON.stringify(tables))});`,
  '',
].join('\n');
const types = [
  '// Generated by scripts/font-tables.js. Do not edit.',
  "import type { FaceTables } from '../typeset/fast-shaping.js';",
  "export declare const FONT_TABLES: Record<'regular' | 'bold' | 'italic' | 'boldItalic', FaceTables | null>;",
  '',
].join('\n');
for (const folder of ['src/generated/', 'dist/generated/']) {
  const out = new URL(folder, root);
  mkdirSync(out, { recursive: true });
  writeFileSync(new URL('font-tables.js', out), body);
  writeFileSync(new URL('font-tables.d.ts', out), types);
}
