import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ru } from './ru.js';
import { zh } from './zh.js';
import type { LanguageCode, Locale } from './types.js';

/** Locales by language code. */
const LOCALES: Partial<Record<LanguageCode, Locale>> = { en, fr, es, ru, ar, zh };

/** The codes of the languages a document can be written in. */
export const SUPPORTED_LANGUAGES = Object.keys(LOCALES) as LanguageCode[];

export function getLocale(code: string): Locale | undefined {
  return Object.hasOwn(LOCALES, code) ? LOCALES[code as LanguageCode] : undefined;
}

export type * from './types.js';
