/**
 * Compiling a language version of a definition already compiled: its translation read and
 * compared with the original (translationDrift), the texts replaced (versionData), and the
 * result normalized in the version's language. Structure comes from the original alone.
 */
import type { MeetingDefinition } from '../definition.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/types.js';
import type { SourceLocator } from '../load/locator.js';
import type { LanguageCode } from '../locale/types.js';
import type { AgendaDocument, Origin } from '../model.js';
import type { LoadedTranslation } from './load.js';
import { normalize } from '../normalize/normalize.js';
import { versionData } from './apply.js';
import { translationDrift } from './drift.js';
import { loadTranslation } from './load.js';
import { translatableTexts, type TranslatableText } from './texts.js';
import { translationKey } from './keys.js';

export interface OriginalCompiled {
  file: string;
  definition: MeetingDefinition;
  model: AgendaDocument;
  locator: SourceLocator;
}

export interface VersionResult {
  model?: AgendaDocument;
  diagnostics: Diagnostic[];
  /**
   * Where a text of the version stands (an error a renderer finds in it): in the translation
   * file when it translates it; otherwise in the original, at the start of the value (the
   * version's text, marked as untranslated, is not the original's to the character).
   */
  place?: (origin: Origin) => { file: string; line: number; column: number };
}

/** The original's texts, with their fingerprints: the same for each of its versions, made once. */
const originalTexts = new WeakMap<AgendaDocument, TranslatableText[]>();
function textsOf(original: OriginalCompiled): TranslatableText[] {
  let texts = originalTexts.get(original.model);
  if (!texts) originalTexts.set(original.model, (texts = translatableTexts(original.model, original.definition)));
  return texts;
}

/** The original's language: `language`, else English. */
export const originalLanguage = (definition: MeetingDefinition): LanguageCode => (definition.language ?? 'en') as LanguageCode;

/**
 * The version in `language` from its translation file's text (undefined: there is none).
 * Without `allowUntranslated` every text must be translated; with it, missing texts stay in
 * the original language and are reported as warnings.
 */
export function compileVersion(original: OriginalCompiled, language: LanguageCode, translation: { file: string; source: string } | undefined, allowUntranslated = false): VersionResult {
  const texts = textsOf(original);
  const diagnostics: Diagnostic[] = [];
  let loaded: LoadedTranslation | undefined;
  if (translation) {
    loaded = loadTranslation(translation.file, translation.source);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.language !== undefined && loaded.language !== language) {
      diagnostics.push({ file: translation.file, ...loaded.locator.valueStart(['language']), severity: 'error', code: 'translation-language', message: `this translation is in '${loaded.language}', not '${language}'`, hint: `build it as '${loaded.language}', or set \`language: ${language}\`` });
    }
    if (!hasErrors(diagnostics)) diagnostics.push(...translationDrift(texts, loaded, original.file, { missing: allowUntranslated ? 'warning' : 'error' }));
  } else if (!allowUntranslated) {
    diagnostics.push({ file: original.file, line: 1, column: 1, severity: 'error', code: 'translation-missing', message: `there is no translation into '${language}'`, hint: 'write one (docs/languages.md), or build with --allow-untranslated to issue the texts in the original language' });
  } else {
    diagnostics.push({ file: original.file, line: 1, column: 1, severity: 'warning', code: 'translation-missing', message: `there is no translation into '${language}': the texts stay in the original language`, hint: 'write one (docs/languages.md)' });
  }
  if (hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics) };
  const data = versionData(original.definition, texts, language, loaded, original.model.sources.items, originalLanguage(original.definition));
  const definition = data as MeetingDefinition;
  // "Original: English" in every version: the original's language, not this version's.
  definition.document = { ...definition.document, original: definition.document.original ?? originalLanguage(original.definition) };
  // The texts left in the original's language fill their placeholders in it too.
  const untranslated = allowUntranslated ? texts.filter((t) => !loaded?.texts.has(t.key)).map((t) => t.path.join('/')) : [];
  const { model, diagnostics: found } = normalize(definition, original.locator, untranslated.length ? { definition: original.definition, paths: new Set(untranslated) } : undefined);
  diagnostics.push(...found);
  // The zone is the venue's, known from the original's name of it ("Vienna"), not the version's ("Vienne").
  if (model && original.model.meeting.timeZone !== undefined) model.meeting.timeZone = original.model.meeting.timeZone;
  return { ...(model && !hasErrors(found) ? { model } : {}), diagnostics: sortDiagnostics(diagnostics), place: (origin) => placeInVersion(original, loaded, origin) };
}

function placeInVersion(original: OriginalCompiled, translation: LoadedTranslation | undefined, origin: Origin): { file: string; line: number; column: number } {
  const key = translationKey(original.definition, origin.path);
  if (translation?.texts.has(key)) {
    const { locator } = translation;
    const path = locator.document.getIn(['texts', key, 'text']) !== undefined ? ['texts', key, 'text'] : ['texts', key];
    return { file: translation.file, ...(origin.offset === undefined ? locator.valueStart(path) : locator.textPosition(path, origin.offset)) };
  }
  return { file: original.file, ...original.locator.valueStart(origin.path) };
}
