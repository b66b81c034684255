/**
 * The keys of translated texts. A translation file (`meeting.fr.yaml`) holds only texts, each
 * under a key naming where the original has it: "body", "items[opening].title",
 * "items[law-enforcement].documentation[CTOC/COP/WG.3/2023/2].title",
 * "footnotes.organization-of-work". A list element is named by its id (or its symbol, date or
 * time) rather than its position, so that reordering the items of the original keeps every
 * translation in place; only elements with none of these fall back to their index.
 */
import { createHash } from 'node:crypto';
import type { Path } from '../model.js';

/** What names a list element in a key, in order of preference. */
const IDENTITIES = ['id', 'symbol', 'date', 'time'] as const;

/** The key of the text at `path` in the original definition's data. */
export function translationKey(data: unknown, path: Path): string {
  let key = '';
  let at: unknown = data;
  for (const segment of path) {
    const next = at === null || typeof at !== 'object' ? undefined : (at as Record<string | number, unknown>)[segment];
    if (typeof segment === 'number') key += `[${identityOf(next) ?? segment}]`;
    else key += key ? `.${segment}` : segment;
    at = next;
  }
  return key;
}

function identityOf(element: unknown): string | undefined {
  if (element === null || typeof element !== 'object') return undefined;
  for (const name of IDENTITIES) {
    const value = (element as Record<string, unknown>)[name];
    if (typeof value === 'string' && value && !/[[\]]/.test(value)) return value;
  }
  return undefined;
}

/**
 * The fingerprint of an original text that a translation records (`source:`): when the
 * original changes, the translation is reported as outdated, as gettext marks fuzzy entries.
 * The first 40 bits of its SHA-256, written with the letters a to p for the sixteen hex digits:
 * short enough to read in a diff, far beyond collisions among a document's few hundred texts,
 * and always a YAML string (hex digits alone may read as a number: 0000012345, 12e4567890).
 * Of the text without leading and trailing white space, which prints nothing and which
 * exchange formats do not keep (a YAML block's final line ending).
 */
export function textHash(text: string): string {
  const hex = createHash('sha256').update(text.trim(), 'utf8').digest('hex').slice(0, 10);
  let out = '';
  for (const digit of hex) out += String.fromCharCode(0x61 + parseInt(digit, 16));
  return out;
}
