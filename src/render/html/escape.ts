/**
 * Escaping for HTML text and double-quoted attribute values. Every piece of
 * user text goes through one of these, so no definition can inject markup.
 */
const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR: Record<string, string> = { ...TEXT, '"': '&quot;', "'": '&#39;' };

export const escapeText = (s: string): string => s.replace(/[&<>]/g, (c) => TEXT[c]!);
export const escapeAttr = (s: string): string => s.replace(/[&<>"']/g, (c) => ATTR[c]!);

/** Link targets the page may carry; the normalizer refuses others, this is the second lock. */
export const isSafeUrl = (url: string): boolean => /^(https?:\/\/|mailto:)/i.test(url);
