/**
 * The texts of a definition that a translation gives in another language: every author text
 * of the model (the one walk over text fields, src/normalize/texts.ts) and the venue. Each
 * with its key in translation files and the fingerprint of its original wording.
 */
import type { AgendaDocument, Path } from '../model.js';
import { textHash, translationKey } from './keys.js';

export interface TranslatableText {
  key: string;
  /** What kind of text it is (TextRole), or 'venue'. */
  role: string;
  path: Path;
  text: string;
  hash: string;
}

/** In reading order; keys are unique (a key met twice keeps its first text). */
export function translatableTexts(model: AgendaDocument, data: unknown): TranslatableText[] {
  const out: TranslatableText[] = [];
  const seen = new Set<string>();
  const add = (path: Path, text: string, role: string) => {
    const key = translationKey(data, path);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ key, role, path, text, hash: textHash(text) });
  };
  const venue = model.sources.meeting.venue;
  const texts = model.sources.texts;
  // The venue after the body's names, where the masthead prints it.
  let k = 0;
  for (; k < texts.length && texts[k]!.role === 'body' && (texts[k]!.origin.path[0] === 'organ' || texts[k]!.origin.path[0] === 'parent_body' || texts[k]!.origin.path[0] === 'body'); k++) add(texts[k]!.origin.path, texts[k]!.raw, texts[k]!.role);
  if (venue !== undefined) add(['meeting', 'venue'], venue, 'venue');
  for (; k < texts.length; k++) add(texts[k]!.origin.path, texts[k]!.raw, texts[k]!.role);
  return out;
}
