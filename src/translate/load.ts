/**
 * Reading a translation file (`meeting.fr.yaml`): the language it is in and, under `texts`,
 * each translated text with the fingerprint of the original it translates. Loaded with
 * source positions like a definition, so that every problem is reported at its line.
 */
import type { Diagnostic } from '../diagnostics/types.js';
import { hasErrors, sortDiagnostics } from '../diagnostics/types.js';
import { loadDefinition } from '../load/load.js';
import type { SourceLocator } from '../load/locator.js';
import type { LanguageCode } from '../locale/types.js';

export const LANGUAGES: readonly LanguageCode[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

export interface TranslatedText {
  key: string;
  text: string;
  /** The fingerprint of the original text it was made from (textHash); undefined when not recorded. */
  source?: string;
}

export interface LoadedTranslation {
  file: string;
  source: string;
  language?: LanguageCode;
  texts: Map<string, TranslatedText>;
  locator: SourceLocator;
  diagnostics: Diagnostic[];
}

/** `meeting.fr.yaml` → { stem: 'meeting', language: 'fr' }; undefined for any other name. */
export function translationName(file: string): { original: string; language: LanguageCode } | undefined {
  const m = /^(.*)\.(ar|zh|en|fr|ru|es)\.ya?ml$/i.exec(file);
  return m ? { original: `${m[1]}${file.slice(file.lastIndexOf('.'))}`, language: m[2]!.toLowerCase() as LanguageCode } : undefined;
}

/** Whether a text reads as a translation file rather than a definition (it has texts and no items). */
export const isTranslationText = (source: string): boolean => /^texts\s*:/m.test(source) && !/^items\s*:/m.test(source);

/** The translation file of `original` (a definition's path) into `language`: meeting.yaml → meeting.fr.yaml. */
export function translationFile(original: string, language: LanguageCode): string {
  const dot = original.lastIndexOf('.');
  return dot > original.lastIndexOf('/') ? `${original.slice(0, dot)}.${language}${original.slice(dot)}` : `${original}.${language}.yaml`;
}

/** Parses a translation file. Never throws on bad input: problems come back as diagnostics. */
export function loadTranslation(file: string, source: string): LoadedTranslation {
  const loaded = loadDefinition(file, source);
  const texts = new Map<string, TranslatedText>();
  // An empty file is a translation not yet written, not a definition to start from examples/.
  const diagnostics = loaded.diagnostics.map((d) => (d.code === 'empty-file' ? { ...d, hint: 'write its `language` and `texts`, or remove it; `agenda xliff import` writes one from a translated XLIFF file' } : d));
  const result = { file, source, texts, locator: loaded.locator, diagnostics };
  if (hasErrors(diagnostics)) return result;
  const at = (path: (string | number)[], code: string, message: string, hint: string, key = false): Diagnostic => ({
    file,
    ...(key ? loaded.locator.keyStart(path) : loaded.locator.valueStart(path)),
    severity: 'error',
    code,
    message,
    hint,
  });
  const data = loaded.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(at([], 'translation-format', 'a translation file is a mapping with `language` and `texts`', '`agenda xliff import` writes one from a translated XLIFF file (`agenda xliff export meeting.yaml --lang fr`)'));
    return result;
  }
  const record = data as Record<string, unknown>;
  for (const name of Object.keys(record)) {
    if (name !== 'language' && name !== 'texts') diagnostics.push(at([name], 'translation-format', `a translation file has no field '${name}': only \`language\` and \`texts\``, 'everything but the texts comes from the original definition', true));
  }
  const language = record.language;
  const named = translationName(file)?.language;
  if (typeof language === 'string' && named !== undefined && language !== named) {
    diagnostics.push(at(['language'], 'translation-language', `this translation is in '${language}', but its name says '${named}'`, `rename the file, or set \`language: ${named}\``));
  } else if (typeof language === 'string' && (LANGUAGES as readonly string[]).includes(language)) Object.assign(result, { language });
  else diagnostics.push(at(language === undefined ? [] : ['language'], 'translation-format', language === undefined ? 'the translation file does not say its language' : `'${String(language)}' is not an official language of the United Nations`, `write \`language:\` with one of ${LANGUAGES.join(', ')}`));
  const entries = record.texts;
  if (entries === undefined) return result;
  if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) {
    diagnostics.push(at(['texts'], 'translation-format', '`texts` is a mapping of keys to translated texts', 'write each text as `<key>: { text: …, source: … }`'));
    return result;
  }
  for (const [key, entry] of Object.entries(entries as Record<string, unknown>)) {
    if (typeof entry === 'string') {
      texts.set(key, { key, text: entry });
      continue;
    }
    const e = entry as Record<string, unknown> | null;
    if (e === null || typeof e !== 'object' || Array.isArray(e) || typeof e.text !== 'string') {
      diagnostics.push(at(['texts', key], 'translation-format', `the translation of '${key}' has no text`, 'write `text:` with the translated text, and `source:` with the fingerprint of the original'));
      continue;
    }
    for (const name of Object.keys(e)) {
      if (name !== 'text' && name !== 'source') diagnostics.push(at(['texts', key, name], 'translation-format', `a translated text has no field '${name}': only \`text\` and \`source\``, 'remove it', true));
    }
    if (e.source !== undefined && typeof e.source !== 'string') diagnostics.push(at(['texts', key, 'source'], 'translation-format', '`source` is the fingerprint of the original text, ten letters', 'let `agenda xliff import` write it'));
    texts.set(key, { key, text: e.text, ...(typeof e.source === 'string' ? { source: e.source } : {}) });
  }
  sortDiagnostics(diagnostics);
  return result;
}
