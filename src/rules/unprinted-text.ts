import { exampleDefinition, standardItems } from './example-definition.js';
import { defineRule } from './types.js';

/** A paragraph that starts with a number typed as a label: "1. ", "12.\t" (not "1.5 million"). */
const TYPED_NUMBER = /(?:^|\n[ \t]*\n)[ \t]*(\d{1,3}\.)[ \t]+(?=\S)/g;

/** A plain provisional agenda, with the opening's annotation if given (the other items have none). */
const plain = (opening?: string) =>
  exampleDefinition({
    document: 'document:\n  symbol: CTOC/COP/WG.3/2023/1\n  date: 2023-06-14\n  kind: provisional-agenda',
    items: standardItems(opening === undefined ? {} : { opening }).replace('    annotation: No documentation is foreseen under this item.\n', ''),
  });

export default defineRule({
  id: 'AG036',
  name: 'unprinted-text',
  description: 'Text the document would not print, or would print twice, is pointed out: annotations of a document kind that prints none, and paragraph numbers typed by hand where the house style numbers paragraphs.',
  source: 'docs/format.md (document kinds, house styles)',
  category: 'editorial',
  severity: 'warning',
  fixable: true,
  parameters: {},
  messages: {
    notPrinted: 'this {field} is not printed: the document is a provisional agenda, which has no annotations',
    typedNumber: "the paragraph starts with '{typed}', typed by hand, and the house style numbers paragraphs itself",
  },
  hints: {
    notPrinted: "remove it, or give 'document.kind: annotated-provisional-agenda' to print the annotations",
    typedNumber: "remove '{typed}': the paragraphs are numbered 1., 2., ... through the annotations",
  },
  examples: {
    failing: plain('The meeting will be opened on {opening-date}.'),
    passing: plain(),
  },
  check({ model, report }) {
    const { annotated, numberedParagraphs } = model.sources.document;
    for (const t of model.sources.texts) {
      if (t.role !== 'annotation' && t.role !== 'documentation') continue;
      if (!annotated) {
        report({ path: t.origin.path, messageId: 'notPrinted', data: { field: t.role === 'annotation' ? 'annotation' : 'documentation entry' }, hintId: 'notPrinted' });
        continue;
      }
      if (!numberedParagraphs || t.role !== 'annotation') continue;
      for (const m of t.raw.matchAll(TYPED_NUMBER)) {
        // The number and the spaces after it go; the paragraph's text stays where it was.
        const typed = m[1]!;
        const offset = m.index + m[0].indexOf(typed); // what comes before it is blank lines and spaces
        const length = m.index + m[0].length - offset;
        report({ path: t.origin.path, offset, length, messageId: 'typedNumber', data: { typed }, hintId: 'typedNumber', fix: { offset, length, replacement: '' } });
      }
    }
  },
});
