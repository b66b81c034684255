import type { AgendaDocument, Inline } from '../../src/model.js';
import { modelOf } from './helpers.js';

/** Text that would be markup, an entity or an attribute break if it were not escaped. */
export const HOSTILE = `<script>alert(1)</script> "double" 'single' &amp; &lt;b&gt; <b>bold</b> <!-- comment --> ]]> </p>`;
/** Short enough for a <title> (html-validate's long-title rule counts at most 70 characters of source). */
export const HOSTILE_TITLE = `<script>x</script> "d" 'q' &amp;`;
export const HOSTILE_URL = `https://example.org/search?q="x"&y='z'<b>`;

/** The reference example with hostile text in every kind of place a renderer writes user text. */
export function hostileModel(): AgendaDocument {
  const doc = structuredClone(modelOf('ctoc-cop-wg3-2023.yaml'));
  const text = (value: string): Inline => ({ type: 'text', value });
  doc.meta.title = HOSTILE_TITLE;
  doc.meta.description = HOSTILE;
  doc.masthead.organ = HOSTILE;
  doc.masthead.symbolUrl = HOSTILE_URL;
  doc.masthead.symbol = HOSTILE; // in the page's text, and in the print style sheet's running heads
  doc.meeting.placeAndDates = HOSTILE;
  doc.title = HOSTILE;
  doc.agenda.items[0]!.title = [text(HOSTILE)];
  const opening = doc.annotations.sections[0]!.children[0]!;
  opening.title = [text(HOSTILE)];
  opening.paragraphs = [
    { content: [text(HOSTILE)] },
    { content: [{ type: 'link', url: HOSTILE_URL, children: [text(HOSTILE)] }, text(' '), { type: 'symbol', value: HOSTILE, url: HOSTILE_URL }] },
  ];
  doc.footnotes[0]!.content = [text(HOSTILE)];
  doc.annex!.days[0]!.slots[0]!.rows[0]!.title = [text(HOSTILE)];
  return doc;
}
