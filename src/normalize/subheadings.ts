/**
 * The syntax of an annotation's sub-headings, in one place: a paragraph that starts with "#"
 * and a space ("### Right to food"), as Markdown writes a heading. Read by the converter
 * (inline.ts), the rules' masked text (texts.ts), and the translations (the drift check,
 * the marks of untranslated texts, the notes for translators).
 */

/** The marks at the start of a paragraph's text, with the spaces after them. */
export const SUBHEADING_MARKS = /^#+[ \t]+/;

/** Whether a paragraph, as written (its indentation included), is a sub-heading. */
export const isSubheading = (paragraph: string): boolean => /^[ \t]*#+[ \t]/.test(paragraph);

/** A text's paragraphs as written: split at blank lines, the blank ones left out. */
export const paragraphsOf = (text: string): string[] => text.split(/\n[ \t]*\n/).filter((p) => p.trim());

/**
 * Each paragraph's start in a text (the text's own, or after a blank line): 1, the line
 * break before it; 2, its indentation; 3, a sub-heading's marks and their spaces, if any.
 */
export const PARAGRAPH_START = /(^|\n[ \t]*\n)([ \t]*)(#+[ \t]+)?(?=\S)/g;
