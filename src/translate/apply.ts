/**
 * A language version of a definition: the original's data with each translatable text
 * replaced by its translation and `language` set. Everything else (items and their order,
 * dates, times, symbols, the organization of work, footnote numbering) is the original's, so
 * the versions cannot drift apart.
 */
import type { LanguageCode } from '../locale/types.js';
import type { OutlineItem, Path } from '../model.js';
import type { LoadedTranslation } from './load.js';
import { PARAGRAPH_START } from '../normalize/subheadings.js';
import type { TranslatableText } from './texts.js';

/**
 * The version's data. A text the translation lacks stays in the original language, marked
 * when `originalLanguage` is given (the build that allowed it reports each as a warning).
 */
export function versionData(original: unknown, texts: readonly TranslatableText[], language: LanguageCode, translation: LoadedTranslation | undefined, items: readonly OutlineItem[] = [], originalLanguage?: LanguageCode): unknown {
  const data = clonePlain(original) as Record<string, unknown>;
  data.language = language;
  // Each item keeps the role the original has, declared or recognised from its English title:
  // the translated title need not use the wording the locale recognises.
  for (const item of items) if (item.role && !item.roleWritten) setAt(data, [...item.origin.path, 'role'], item.role);
  for (const t of texts) {
    const translated = translation?.texts.get(t.key);
    if (translated) setAt(data, t.path, translated.text);
    else if (originalLanguage) setAt(data, t.path, marked(t.text, originalLanguage));
  }
  return data;
}

/**
 * A copy of loaded data (objects, arrays, text, numbers, booleans, null: what the loader
 * makes, at most 64 levels deep), several times faster than structuredClone, which
 * serializes. A key named "__proto__" stays a plain key.
 */
function clonePlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clonePlain);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const copy = clonePlain((value as Record<string, unknown>)[key]);
    if (key === '__proto__') Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
    else out[key] = copy;
  }
  return out;
}

function setAt(data: unknown, path: Path, value: string): void {
  let at = data as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) at = at[segment] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
}

/**
 * A text left in the original language, marked where a reader of the version sees it: each
 * of its paragraphs begins with the original's code in brackets ("[en] Other matters").
 * Characters every font of the tool draws, in all three formats. A sub-heading's marks
 * ("### ") stay in front, so that it is still a sub-heading.
 */
export const marked = (text: string, language: LanguageCode): string => text.replace(PARAGRAPH_START, `$1$2$3[${language}] `);
