/**
 * A language version of a definition: the original's data with each translatable text
 * replaced by its translation and `language` set. Everything else (items and their order,
 * dates, times, symbols, the organization of work, footnote numbering) is the original's, so
 * the versions cannot drift apart.
 */
import type { LanguageCode } from '../locale/types.js';
import type { Path } from '../model.js';
import type { LoadedTranslation } from './load.js';
import type { TranslatableText } from './texts.js';

export interface VersionData {
  data: unknown;
  /** Keys of the texts left in the original language (with allowUntranslated). */
  untranslated: string[];
}

export function versionData(original: unknown, texts: readonly TranslatableText[], language: LanguageCode, translation: LoadedTranslation | undefined): VersionData {
  const data = structuredClone(original) as Record<string, unknown>;
  data.language = language;
  const untranslated: string[] = [];
  for (const t of texts) {
    const translated = translation?.texts.get(t.key);
    if (translated) setAt(data, t.path, translated.text);
    else untranslated.push(t.key);
  }
  return { data, untranslated };
}

function setAt(data: unknown, path: Path, value: string): void {
  let at = data as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) at = at[segment] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
}
