/** A definition with every text field filled from the arbitraries of text.ts, and what each must read as. */
import fc from 'fast-check';
import { expect } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { anyText, expectedPlain, paragraph, readParagraph, writeParagraph, type Segment } from './text.js';

export interface Fields {
  /** Inline text, as item titles are. */
  docTitle: Segment[];
  parentBody: string;
  body: string;
  venue: string;
  itemTitle: Segment[];
  subTitle: Segment[];
  shortTitle: Segment[];
  annotation: Segment[][];
  docEntry: Segment[];
  note: Segment[];
  slot: Segment[];
}

export const fields: fc.Arbitrary<Fields> = fc.record({
  docTitle: paragraph,
  parentBody: anyText,
  body: anyText,
  venue: anyText,
  itemTitle: paragraph,
  subTitle: paragraph,
  shortTitle: paragraph,
  annotation: fc.array(paragraph, { minLength: 1, maxLength: 3 }),
  docEntry: paragraph,
  note: paragraph,
  slot: paragraph,
});

/**
 * YAML with every string double-quoted on one line: the yaml library's folded block style
 * does not round-trip a line that ends in a space before a blank line (it joins the two
 * paragraphs), so the test writes the one style that always does, and checks it.
 */
export function definitionYaml(f: Fields): string {
  const data = {
    // Every heading, the sub-item's too, though it has no annotation.
    style: 'un-every-heading',
    document: { symbol: 'A/AC.999/2025/1', date: '2025-01-10', title: writeParagraph(f.docTitle) },
    parent_body: f.parentBody,
    body: f.body,
    meeting: { venue: f.venue, dates: '2025-03-03' },
    items: [
      {
        id: 'a',
        title: writeParagraph(f.itemTitle),
        annotation: f.annotation.map(writeParagraph).join('\n\n'),
        documentation: [{ title: writeParagraph(f.docEntry), symbol: 'A/AC.999/2025/2' }],
        items: [{ id: 's', title: writeParagraph(f.subTitle), short_title: writeParagraph(f.shortTitle) }],
      },
      { id: 'b', title: 'Other matters', annotation: 'See the note.[^n]' },
    ],
    footnotes: { n: writeParagraph(f.note) },
    organization_of_work: [{ date: '2025-03-03', slots: [{ time: '10:00-13:00', items: ['s', { title: writeParagraph(f.slot) }] }] }],
  };
  const yaml = stringify(data, { blockQuote: false, lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', doubleQuotedAsJSON: true });
  expect(parseYaml(yaml), 'the test wrote YAML that does not say what it meant').toEqual(data);
  return yaml;
}

/** What each field must read as; "" where the field is then empty (which must be refused). */
export function expected(f: Fields) {
  return {
    docTitle: readParagraph(f.docTitle),
    parentBody: expectedPlain(f.parentBody),
    body: expectedPlain(f.body),
    venue: expectedPlain(f.venue),
    itemTitle: readParagraph(f.itemTitle),
    subTitle: readParagraph(f.subTitle),
    shortTitle: readParagraph(f.shortTitle),
    annotation: f.annotation.map(readParagraph).filter((p) => p !== ''),
    docEntry: readParagraph(f.docEntry),
    note: readParagraph(f.note),
    slot: readParagraph(f.slot),
  };
}

export const rawTexts = (f: Fields) => [f.parentBody, f.body, f.venue, ...[f.docTitle, f.itemTitle, f.subTitle, f.shortTitle, ...f.annotation, f.docEntry, f.note, f.slot].flat().map((s) => s.text)];

