/**
 * Writing XML 1.0 text and attribute values. Every piece of the model's text goes through
 * one of these: no definition can open an element, end a CDATA section or break an attribute.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/**
 * Characters XML 1.0 cannot carry at all, even as references: C0 controls other than tab,
 * line feed and carriage return, lone surrogates, U+FFFE and U+FFFF. A YAML escape can put
 * them in a text; they are replaced by U+FFFD so the file stays well formed.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const clean = (s: string): string => s.replace(NOT_XML, '\uFFFD');

/** Element content: "<", "&" and ">" (so "]]>" never appears) as references; carriage returns kept as such. */
export const xmlText = (s: string): string => clean(s).replace(/[&<>\r]/g, (c) => ESCAPES[c]!);

/** A double-quoted attribute value: the white space a parser would normalize is written as references. */
export const xmlAttr = (s: string): string => clean(s).replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c]!);
