/**
 * Whether a translation still matches its original: texts missing from it, texts it has that
 * the original no longer has, and texts whose original changed since they were translated
 * (the fingerprint differs), each reported at its line in the translation file. A translated
 * text must also keep the original's placeholders and footnote calls: they are structure.
 */
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import { closest } from '../validate/describe.js';
import type { LoadedTranslation } from './load.js';
import type { TranslatableText } from './texts.js';
import { isSubheading, paragraphsOf } from '../normalize/subheadings.js';

/**
 * Placeholders ("{session}") and footnote calls ("[^id]") of a text, sorted: what a translation
 * must keep. The grammatical form a language asks of a placeholder ("{session|genitive}") is
 * the translation's own: it is left out of the comparison.
 */
function structureOf(text: string): string[] {
  return [...text.matchAll(/\{([A-Za-z0-9_.:-]{1,80})(?:\|[A-Za-z]{1,40})?\}|\[\^[A-Za-z0-9_.:-]{1,80}\]/g)].map((m) => (m[1] === undefined ? m[0] : `{${m[1]}}`)).sort();
}

/** An annotation's paragraphs, each a sub-heading (it starts with "#" and a space) or text: "PHPP". */
const paragraphKinds = (text: string): string =>
  paragraphsOf(text)
    .map((p) => (isSubheading(p) ? 'H' : 'P'))
    .join('');

/** "5 paragraphs, sub-headings 2 and 4", as a translator counts them. */
function describeKinds(kinds: string): string {
  const headings = [...kinds].flatMap((k, i) => (k === 'H' ? [i + 1] : []));
  const list = headings.length <= 1 ? String(headings[0] ?? '') : `${headings.slice(0, -1).join(', ')} and ${headings[headings.length - 1]}`;
  return `${kinds.length} paragraph${kinds.length === 1 ? '' : 's'}, ${headings.length ? `sub-heading${headings.length === 1 ? '' : 's'} ${list}` : 'no sub-heading'}`;
}

export interface DriftOptions {
  /** Severity of a missing text: an error when building the language, a warning in a check. */
  missing: Severity;
}

export function translationDrift(original: readonly TranslatableText[], translation: LoadedTranslation, originalFile: string, options: DriftOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { file, locator, texts } = translation;
  const keys = new Set(original.map((t) => t.key));
  const missing = original.filter((t) => !texts.has(t.key));
  if (missing.length) {
    const where = texts.size ? locator.keyStart(['texts']) : locator.valueStart([]);
    for (const t of missing) {
      out.push({ file, ...where, severity: options.missing, code: 'translation-missing', message: `no translation of '${t.key}' (${originalFile}: "${excerpt(t.text)}")`, hint: `add it under \`texts\` with \`source: ${t.hash}\`` });
    }
  }
  const byKey = new Map(original.map((t) => [t.key, t]));
  for (const [key, entry] of texts) {
    const t = byKey.get(key);
    if (!t) {
      const guess = closest(key, [...keys]);
      out.push({ file, ...locator.keyStart(['texts', key]), severity: 'warning', code: 'translation-extra', message: `'${key}' is not a text of ${originalFile}`, hint: guess ? `did you mean '${guess}'? Otherwise remove it: the original no longer has it` : 'remove it: the original no longer has it' });
      continue;
    }
    if (entry.source === undefined) {
      out.push({ file, ...locator.keyStart(['texts', key]), severity: 'warning', code: 'translation-unverified', message: `the translation of '${key}' does not say which original it translates`, hint: `add \`source: ${t.hash}\` once it is checked against "${excerpt(t.text)}"` });
    } else if (entry.source !== t.hash) {
      out.push({ file, ...locator.valueStart(['texts', key, 'source']), severity: 'warning', code: 'translation-outdated', message: `the original of '${key}' changed since it was translated: it now reads "${excerpt(t.text)}"`, hint: `update the translation, then set \`source: ${t.hash}\`` });
    }
    const want = structureOf(t.text);
    const have = structureOf(entry.text);
    if (want.join('\n') !== have.join('\n')) {
      const lost = want.filter((s) => !have.includes(s));
      const added = have.filter((s) => !want.includes(s));
      const textPath = locator.document.getIn(['texts', key, 'text']) !== undefined ? ['texts', key, 'text'] : ['texts', key];
      const message = lost.length ? `the translation of '${key}' lacks ${lost.join(', ')}, which the original has` : `the translation of '${key}' adds ${added.join(', ')}, which the original does not have`;
      out.push({ file, ...locator.valueStart(textPath), severity: 'error', code: 'translation-structure', message, hint: 'placeholders and footnote calls are the same in every language: keep those of the original, untranslated' });
    } else if (t.role === 'annotation') {
      // With sub-headings, the paragraphs of every language match one to one: paragraph numbers, and the headings' places, would differ otherwise.
      const want = paragraphKinds(t.text);
      const have = paragraphKinds(entry.text);
      if (want !== have && (want.includes('H') || have.includes('H'))) {
        const textPath = locator.document.getIn(['texts', key, 'text']) !== undefined ? ['texts', key, 'text'] : ['texts', key];
        out.push({ file, ...locator.valueStart(textPath), severity: 'error', code: 'translation-structure', message: `the translation of '${key}' has ${describeKinds(have)}; the original has ${describeKinds(want)}`, hint: 'a paragraph that starts with "#" and a space is a sub-heading: keep the paragraphs and sub-headings of the original, one for one, in the same order' });
      }
    }
  }
  return out;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
