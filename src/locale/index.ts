import { en } from './en.js';
import type { LanguageCode, Locale } from './types.js';

/** Locales by language code. Add ar, zh, fr, ru and es here; nothing else changes. */
const LOCALES: Partial<Record<LanguageCode, Locale>> = { en };

export function getLocale(code: string): Locale | undefined {
  return LOCALES[code as LanguageCode];
}

export type * from './types.js';
