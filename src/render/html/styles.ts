import { UN_PAGE } from '../../page/template.js';

/** The print page of the UN page template (src/page/template.ts): its size, and its margins as CSS's shorthand. */
const printPage = (() => {
  const { margins: m, flowing: f, size } = UN_PAGE;
  const { topMm: top, bottomMm: bottom } = f.print;
  const margin = m.leftMm === m.rightMm ? `${top}mm ${m.leftMm}mm ${bottom}mm` : `${top}mm ${m.rightMm}mm ${bottom}mm ${m.leftMm}mm`;
  return `size: ${size.name}; margin: ${margin};`;
})();
/** The first page, which has no running head, starts its masthead where the PDF does. */
const firstPrintPage = `margin-top: ${UN_PAGE.margins.firstTopMm}mm;`;

/** A number as CSS writes it: at most four decimals, no trailing zeros. */
const num = (n: number) => String(Number(n.toFixed(4)));

/**
 * The UN page's measures as CSS custom properties, for print (and for anyone restyling the
 * page): the same values the PDF is typeset with.
 */
const printProperties = (() => {
  const { styles, rules, table } = UN_PAGE;
  return [
    `--un-body-size: ${styles.body.sizePt}pt;`,
    `--un-body-leading: ${styles.body.leadingPt}pt;`,
    `--un-note-size: ${styles.note.sizePt}pt;`,
    `--un-title-size: ${styles.title.sizePt}pt;`,
    `--un-section-size: ${styles.section.sizePt}pt;`,
    `--un-item-size: ${styles.item.sizePt}pt;`,
    `--un-table-size: ${table.sizePt}pt;`,
    `--un-table-leading: ${table.leadingPt}pt;`,
    `--un-table-head-size: ${table.headPt}pt;`,
    `--un-rule-thin: ${rules.thinPt}pt;`,
    `--un-rule-thick: ${rules.thickPt}pt;`,
    `--un-rule-table-end: ${rules.tableEndPt}pt;`,
  ].join(' ');
})();

/** The organization of work's columns (date and time, item, title): their shares of the table, as in the PDF. */
const tableColumns = UN_PAGE.table.shares.map((share, i) => `thead th:nth-child(${i + 1}) { width: ${num(100 * share)}%; }`).join('\n');

/**
 * The masthead's figures, as the PDF sets them (src/page/template.ts), relative to the body's
 * size and measure so that they hold on a screen as on paper: type sizes in em, the columns
 * in shares of the measure.
 */
const mastheadProperties = (() => {
  const { masthead: M, margins, size, styles } = UN_PAGE;
  const body = styles.body.sizePt;
  const measureMm = (size.widthPt * 25.4) / 72 - margins.leftMm - margins.rightMm;
  return [
    `--un-mh-united-nations: ${num(M.unitedNationsPt / body)}em;`,
    `--un-mh-symbol: ${num(M.symbolRestPt / body)}em;`,
    `--un-mh-symbol-head: ${num(M.symbolFirstPartPt / M.symbolRestPt)}em;`,
    `--un-mh-organ: ${num(M.organPt / body)}em;`,
    `--un-mh-organ-leading: ${num(M.organLeadingPt / M.organPt)};`,
    `--un-mh-distribution: ${num(M.rightPt / body)}em;`,
    `--un-mh-distribution-leading: ${num(M.rightLeadingPt / M.rightPt)};`,
    // The right-hand column's share of the measure, and the organ's of what is left of it.
    `--un-mh-distribution-width: ${num((100 * (measureMm - M.rightColumnMm)) / measureMm)}%;`,
    `--un-mh-organ-width: ${num((100 * M.organWidthMm) / M.rightColumnMm)}%;`,
    `--un-mh-meeting-width: ${num((100 * M.meetingWidthMm) / measureMm)}%;`,
    `--un-annex-heading: ${num(styles.annex.sizePt / body)}em;`,
  ].join(' ');
})();

/**
 * The page's only style sheet, embedded in a <style> element (its hash goes into
 * the Content-Security-Policy). Lengths are in rem, em and ch so the page reflows
 * at 200% zoom; colours are custom properties so dark mode swaps them in one place.
 * Print: the page template's sheet, margins and body size, black on white, no link colours.
 */
export const STYLES = `
:root {
  --fg: #1a1a1a; --bg: #fff; --muted: #4a4a4a; --rule: #1a1a1a; --link: #0b4f8a; --band: #f1f1f1;
  color-scheme: light dark;
  ${mastheadProperties}
}
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e8e8; --bg: #161616; --muted: #c4c4c4; --rule: #d0d0d0; --link: #8cc4ff; --band: #262626; }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body {
  margin: 0 auto; padding: 1.5rem 1.25rem 3rem; max-width: 46rem;
  font-family: "Times New Roman", Tinos, "Liberation Serif", "Nimbus Roman", serif;
  font-size: 1.0625rem; line-height: 1.45;
  overflow-wrap: break-word;
}
a { color: var(--link); }
p { margin: 0 0 0.75em; }
/* Labels carry their own trailing space (white-space: pre) so copied text reads "1. Title"
   while the box keeps every title aligned; text-indent must not reach inside them. */
.label { display: inline-block; min-width: 2.25em; white-space: pre; text-indent: 0; }

/* The masthead, on the PDF's grid: "United Nations" and the symbol (its first component large)
   over a thin rule (in a window too narrow for both, the symbol goes under, at the start); the
   organ in bold at left, distribution, date and original language in the right-hand column;
   the thick rule. Any other element of the second row (an emblem) takes a first column of its
   own, before the organ. */
.masthead { border-bottom: 0.25rem solid var(--rule); padding-bottom: 0.5rem; margin-bottom: 1rem; }
.masthead p { margin: 0; }
.masthead-top { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; column-gap: 2rem; border-bottom: 0.0625rem solid var(--rule); padding-bottom: 0.25rem; margin-bottom: 0.5rem; }
.united-nations { font-size: var(--un-mh-united-nations); }
.doc-symbol { font-size: var(--un-mh-symbol); }
.symbol-head { font-size: var(--un-mh-symbol-head); }
.doc-symbol a { color: inherit; text-decoration: none; }
.masthead-bottom { display: grid; grid-template-columns: auto minmax(0, 1fr) minmax(min-content, var(--un-mh-distribution-width)); align-items: start; }
.masthead-bottom > * { grid-row: 1; grid-column: 1; margin-inline-end: 1rem; }
.masthead-bottom > .organ { grid-column: 2; margin-inline-end: 1rem; max-width: var(--un-mh-organ-width); font-size: var(--un-mh-organ); line-height: var(--un-mh-organ-leading); font-weight: bold; }
.masthead-bottom > .distribution { grid-column: 3; margin-inline-end: 0; font-size: var(--un-mh-distribution); line-height: var(--un-mh-distribution-leading); }
.distribution span { display: block; }
/* Lines that never wrap; the list of languages after "Original", which may be long, wraps in the column. */
.distribution span { white-space: nowrap; }
.distribution .original ~ span { white-space: normal; }
/* A blank line of the column before "Original", as in the PDF. */
.distribution .original { margin-top: calc(1em * var(--un-mh-distribution-leading)); }
/* The meeting block is narrow, the body's name in two balanced lines as in the PDF. */
.meeting span { display: block; max-width: calc(2 * var(--un-mh-meeting-width)); }
.meeting strong { display: inline-block; max-width: 50%; text-wrap: balance; }

h1, h2, h3, h4, h5 { line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.6rem; margin-block: 1.5rem 1rem; margin-inline: 4.5rem 0; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 0.75rem; }
h3 { font-size: 1em; margin: 1.25rem 0 0.5rem; }
h4, h5 { font-size: 1em; margin: 1rem 0 0.5rem; }
/* Hanging labels, as on the UN page: "1." and "(a)" in the margin, the titles' lines and the
   annotation under them at the indent. */
h3, h4 { padding-inline-start: 2.25em; text-indent: -2.25em; }
.annotations .item > :not(:first-child):not(section) { margin-inline-start: 2.25em; }
/* Justified and hyphenated in the page's language, as the PDF, the agenda list too (ragged in narrow windows, where justified lines gape). */
.annotations p, .footnotes li, ol.agenda-list li { text-align: justify; hyphens: auto; }
.documentation-heading { font-style: italic; font-weight: normal; }
/* A sub-heading in an annotation ("Right to food"): italic as "Documentation", at the text, no label to hang. */
.annotation-subheading { font-style: italic; font-weight: normal; padding-inline-start: 0; text-indent: 0; }
/* A group's heading ("Operational segment") is set as an item's, an h2 too where the part has
   no heading, without a label to hang: in the list where the numbers start, in the annotations
   where the titles start. */
h2.group-heading, h3.group-heading { font-size: 1em; margin: 1.25rem 0 0.5rem; padding-inline-start: 0; text-indent: 0; }
.annotations > .group-heading { padding-inline-start: 2.25em; }

ol.agenda-list, ol.agenda-sublist, .footnotes ol, ul.documentation { list-style: none; margin: 0 0 1rem; padding: 0; }
ol.agenda-list > li, ol.agenda-sublist > li { padding-inline-start: 2.25em; text-indent: -2.25em; margin-bottom: 0.35em; }
ol.agenda-sublist { margin: 0.35em 0 0; text-indent: 0; }
ul.documentation > li { margin-bottom: 0.5em; }

sup.noteref { line-height: 0; font-size: 0.75em; }
sup.noteref a { padding: 0 0.1em; }
.footnotes { margin-top: 2rem; font-size: 0.9rem; }
.footnotes h2 { font-size: 1rem; }
.footnotes ol { border-top: 0.0625rem solid var(--rule); padding-top: 0.5rem; max-width: 100%; }
.footnotes li { padding-inline-start: 1.75em; text-indent: -1.75em; margin-bottom: 0.5em; }
.footnotes .label { min-width: 1.75em; }
.backref { padding: 0 0.2em; }
.symbol { white-space: nowrap; }

/* As in the PDF: "Annex" at the margin, larger; its title, and the table, at the indent. */
.annex { margin-top: 2.5rem; }
.annex h2 { font-size: var(--un-annex-heading); }
/* The closing rule is the table's, so it runs under every column, a cell spanning rows included. */
table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; border-bottom: 0.0625rem solid var(--rule); }
.annex table { width: calc(100% - 2.25em); margin-inline-start: 2.25em; }
caption { font-weight: bold; font-size: 1.2rem; text-align: start; padding-bottom: 0.75rem; }
${tableColumns}
th, td { text-align: start; vertical-align: top; padding-block: 0.3rem; padding-inline: 0 0.5rem; }
thead th { font-style: italic; font-weight: normal; border-top: 0.0625rem solid var(--rule); border-bottom: 0.0625rem solid var(--rule); }
/* A time ("10 a.m.–1 p.m."), an item number ("1 (a)") and the first two headers never break inside. */
th[scope="row"] { font-weight: normal; white-space: nowrap; }
td.item-number, thead th:not(:last-child) { white-space: nowrap; }
th[scope="rowgroup"] { font-weight: bold; padding-top: 0.75rem; }
tr { break-inside: avoid; page-break-inside: avoid; }

.job { max-width: 46rem; margin: 2rem auto 0; font-size: 0.85rem; color: var(--muted); }
.job p { margin: 0; }
.job span + span { margin-inline-start: 2em; }

/* Narrow windows and high zoom: symbols may wrap, so that the page never scrolls sideways. */
@media (max-width: 30rem) {
  h1 { margin-inline-start: 0; }
  /* The right-hand column of the masthead goes under the organ. */
  .masthead-bottom { grid-template-columns: auto minmax(0, 1fr); }
  .masthead-bottom > .distribution { grid-row: 2; grid-column: 2; margin-top: 0.5rem; }
  .masthead-bottom > .organ { max-width: none; }
  .meeting span, .meeting strong { max-width: none; }
  th, td { padding-inline-end: 0.3rem; }
  .symbol { white-space: normal; }
  .annotations p, .footnotes li, ol.agenda-list li { text-align: start; }
  /* The table takes the whole width, its columns as their text needs. */
  .annex table { width: 100%; margin-inline-start: 0; }
  thead th:nth-child(n) { width: auto; }
}
/* At 400 per cent zoom (320 pixels) a time may break once, before its end ("10 a.m.–" / "1 p.m."),
   and an item number before its letters. */
@media (max-width: 22.5rem) {
  th[scope="row"], td.item-number, thead th:not(:last-child) { white-space: normal; }
  /* A word longer than the title column is broken rather than widen the page (no hyphenation dictionary to count on). */
  tbody td:last-child { overflow-wrap: anywhere; }
  .time { display: inline-block; white-space: nowrap; }
  .doc-symbol { overflow-wrap: anywhere; }
  .symbol-head { font-size: 1.5em; }
  table { hyphens: auto; }
}

@page { ${printPage} }
@page :first { ${firstPrintPage} }
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #000; --rule: #000; --link: #000; ${printProperties} }
  body { max-width: none; padding: 0; font-size: var(--un-body-size); line-height: var(--un-body-leading); }
  /* The type sizes of the PDF (the masthead's follow the body's, being relative to it). The
     masthead's first line takes a leading of its own sizes: the body's, fixed in points, would
     let the large symbol out at the top of the page. */
  .masthead-top { line-height: 1.2; }
  h1 { font-size: var(--un-title-size); }
  h2 { font-size: var(--un-section-size); }
  h3, h4, h5, h6, .footnotes h2, h2.group-heading { font-size: var(--un-item-size); }
  table { font-size: var(--un-table-size); line-height: var(--un-table-leading); }
  thead th { font-size: var(--un-table-head-size); }
  caption { font-size: var(--un-section-size); }
  .footnotes { font-size: var(--un-note-size); }
  /* Back links lead nowhere on paper. */
  .backref { display: none; }
  .masthead { border-bottom-width: var(--un-rule-thick); }
  .masthead-top, .footnotes ol, thead th { border-width: var(--un-rule-thin); }
  table { border-bottom-width: var(--un-rule-table-end); }
  a { text-decoration: none; }
  .masthead { break-after: avoid; }
  .annex { break-before: page; }
  thead { display: table-header-group; }
}
`.trimStart();

/**
 * Added to STYLES on pages whose agenda has a third level ((i), (ii) under a sub-item):
 * its headings are h5 (their "Documentation" h6), their labels hanging at the indent.
 */
export const THIRD_LEVEL_STYLES = `
h6 { line-height: 1.25; font-size: 1em; margin: 1rem 0 0.5rem; break-after: avoid; page-break-after: avoid; }
.level-3 > h5 { margin-inline-start: 2.25em; padding-inline-start: 2.25em; text-indent: -2.25em; }
`.trimStart();

/**
 * Added to STYLES on pages whose annotations have no part heading (an addendum that carries
 * them): items are h2, sub-items h3 and theirs h4, set as h3, h4 and h5 are elsewhere.
 */
export const UNHEADED_ANNOTATIONS_STYLES = `
.level-1 > h2 { font-size: 1em; margin: 1.25rem 0 0.5rem; padding-inline-start: 2.25em; text-indent: -2.25em; }
.level-3 > h4 { margin-inline-start: 2.25em; }
`.trimStart();
