/**
 * Characters that must not reach a CI log, report or terminal as they are: C0 and C1
 * controls (ESC starts terminal sequences; XML 1.0 cannot carry most of them even as
 * character references), DEL, lone surrogates, the noncharacters U+FFFE and U+FFFF, and the
 * bidirectional formatting characters, which make a line read differently from what it says.
 * Tab, line feed and carriage return are left to each format, which has its own way with them.
 * They come from file names and from text that diagnostics quote. The one list of them:
 * quotePath (paths.ts) and the manifest's reader (batch/manifest.ts) use it too.
 */
export const UNPRINTABLE_CLASS = '\\0-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufffe\\uffff';
const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const INVISIBLE = new RegExp(`[${UNPRINTABLE_CLASS}]|${LONE_SURROGATE}`, 'g');
const HAS_INVISIBLE = new RegExp(`[${UNPRINTABLE_CLASS}]|${LONE_SURROGATE}`);

/** Whether the text holds any such character: it cannot be printed as it is. */
export const hasUnprintable = (s: string): boolean => HAS_INVISIBLE.test(s);

/** "\x1B", "\u202E": the character written as the escape a programmer would read. */
const escapeOf = (ch: string) => {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
};

/** The text with every such character written as a visible escape ("a\x1B[31mb"). Linear. */
export const visibleControls = (s: string): string => s.replace(INVISIBLE, escapeOf);
