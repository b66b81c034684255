/**
 * Escaping for HTML text and double-quoted attribute values. Every piece of
 * user text goes through one of these, so no definition can inject markup.
 */
const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR: Record<string, string> = { ...TEXT, '"': '&quot;', "'": '&#39;' };

export const escapeText = (s: string): string => s.replace(/[&<>]/g, (c) => TEXT[c]!);
export const escapeAttr = (s: string): string => s.replace(/[&<>"']/g, (c) => ATTR[c]!);

/**
 * A fragment identifier made from a model id: ids are already slugs, but a
 * renderer must not trust that, so anything outside [A-Za-z0-9_-] becomes "_".
 */
export const idPart = (s: string): string => s.replace(/[^A-Za-z0-9_-]/g, '_');

/** Link targets the page may carry; the normalizer refuses others, this is the second lock. */
export const isSafeUrl = (url: string): boolean => /^(https?:\/\/|mailto:)/i.test(url);
