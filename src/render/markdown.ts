import { itemRuns, type AgendaDocument, type AgendaListItem, type AnnotationSection, type Inline, type Paragraph } from '../model.js';
import { escapeLineStart, escapeMarkdownText, escapeUrl } from './markdown-escape.js';

/**
 * CommonMark with GFM tables and footnotes: readable as plain text, rendered
 * correctly by common Markdown hosts. A function of the model alone.
 */
export function renderMarkdown(doc: AgendaDocument): string {
  isolateSymbols = doc.dir === 'rtl';
  const blocks: string[] = [];
  const m = doc.masthead;

  // The masthead's two columns, left then right. The symbol opens the right-hand block: alone
  // in a bold paragraph it would read as a heading that is not one (markdownlint MD036).
  blocks.push(lines([m.unitedNations, m.organ].map(escapeMarkdownText)));
  blocks.push(lines([`**${symbol(m.symbol, m.symbolUrl)}${mark(m.symbolMark)}**`, ...[m.distribution, m.date, ...(m.versionLanguage ? [m.versionLanguage] : []), m.original, ...(m.languagesOnly ? [m.languagesOnly] : [])].map(escapeMarkdownText)]));
  blocks.push('---');
  const under = doc.meeting.underItem;
  const meetingLines = [
    ...(doc.meeting.parentBody ? [`**${escapeMarkdownText(doc.meeting.parentBody)}**`] : []),
    ...(doc.meeting.body ? [`**${escapeMarkdownText(doc.meeting.body)}**`] : []),
    ...(doc.meeting.session ? [escapeMarkdownText(doc.meeting.session)] : []),
    ...(doc.meeting.placeAndDates === undefined ? [] : [escapeMarkdownText(doc.meeting.placeAndDates)]),
    ...(under ? [`${escapeMarkdownText(under.line)}${mark(under.mark)}`, `**${inlines(under.title)}**`] : []),
  ];
  if (meetingLines.length) blocks.push(lines(meetingLines));
  blocks.push(`# ${doc.titleContent ? inlines(doc.titleContent) : escapeMarkdownText(doc.title)}${mark(doc.titleMark)}`);
  if (doc.subtitle) blocks.push(lines(doc.subtitle.map((p) => inlines(p.content))));
  for (const p of doc.introduction ?? []) blocks.push(paragraph(p));

  if (doc.agenda) {
    if (doc.agenda.heading !== undefined) blocks.push(`## ${escapeMarkdownText(doc.agenda.heading)}`);
    // A group's heading ends the list; the next list starts at the number of the group's first item.
    const groupLevel = '#'.repeat(doc.agenda.heading === undefined ? 2 : 3);
    for (const run of itemRuns(doc.agenda.items)) {
      if (run.heading) blocks.push(`${groupLevel} ${inlines(run.heading.content)}`);
      blocks.push(run.items.map(listItem).join('\n'));
    }
  }

  if (doc.annotations) {
    if (doc.annotations.heading !== undefined) blocks.push(`## ${escapeMarkdownText(doc.annotations.heading)}`);
    // Without a part heading (an addendum of annotations), items head at the level below the title.
    const base = doc.annotations.heading === undefined ? 1 : 2;
    for (const s of doc.annotations.sections) section(s, blocks, base);
  }

  if (doc.annex) {
    const a = doc.annex;
    blocks.push(`## ${escapeMarkdownText(a.heading)}`);
    blocks.push(`### ${escapeMarkdownText(a.title)}`);
    const rows = [
      `| ${[a.columns.dateAndTime, a.columns.agendaItem, a.columns.titleOrDescription].map((c) => `*${escapeMarkdownText(c)}*`).join(' | ')} |`,
      '| --- | --- | --- |',
    ];
    for (const day of a.days) {
      rows.push(`| **${escapeMarkdownText(day.label)}** | | |`);
      for (const slot of day.slots) {
        slot.rows.forEach((row, i) => {
          rows.push(`| ${i === 0 ? escapeMarkdownText(slot.time) : ''} | ${row.item ? escapeMarkdownText(row.item) : ''} | ${inlines(row.title)} |`);
        });
      }
    }
    blocks.push(rows.join('\n'));
  }

  // The foot of the first page, set apart by a rule as in print: the asterisk notes, then the job number and stamps.
  const foot = (doc.starNotes ?? []).map((n) => `${mark(n.mark)} ${inlines(n.content)}`);
  if (m.job) foot.push([m.job.number, ...m.job.stamps].map(escapeMarkdownText).join(' '));
  if (foot.length) blocks.push('---', ...foot);

  if (doc.footnotes.length) {
    blocks.push(doc.footnotes.map((n) => `[^${n.number}]: ${escapeLineStart(inlines(n.content))}`).join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

/**
 * Lines of one paragraph, joined by hard breaks. Each line is guarded like a paragraph
 * start: after a break, "- x" or "1. x" would interrupt the paragraph and open a list.
 */
const lines = (parts: string[]) => parts.map(escapeLineStart).join('\\\n');

function listItem(item: AgendaListItem): string {
  // A list item's text is parsed as a block: a title that starts with "1." or "-" must not open a list.
  const head = `${item.label} ${escapeLineStart(`${inlines(item.title)}${item.punctuation}${inlines(item.notesAfter ?? [])}`)}`;
  // Sub-items as the UN sets them: "(a) …" on lines of their own under the item, indented
  // by level, in the item's paragraph (hard breaks; Markdown has no lettered lists). A line
  // that starts with "(" opens no block, so the labels need no escaping.
  const lines = [head];
  const subs = (list: readonly AgendaListItem[], indent: string) => {
    for (const sub of list) {
      lines.push(`${indent}${sub.label} ${inlines(sub.title)}${sub.punctuation}${inlines(sub.notesAfter ?? [])}`);
      subs(sub.children, `${indent}   `);
    }
  };
  subs(item.children, '   ');
  return lines.join('\\\n');
}

/**
 * Appends the blocks of a section to `out` one by one: a text may have hundreds of thousands
 * of paragraphs, more than a spread `push(...list)` can pass as arguments.
 */
function section(s: AnnotationSection, out: string[], base: number): void {
  const level = s.level + base;
  // A group's heading stands at the level of the items it groups: it divides, it does not contain.
  if (s.groupHeading) out.push(`${'#'.repeat(level)} ${inlines(s.groupHeading.content)}`);
  out.push(`${'#'.repeat(level)} ${s.label} ${inlines(s.title)}`);
  // A numbered paragraph carries its number as text ("1\\. The Conference …"): a list would renumber it.
  for (const p of s.paragraphs) {
    // A sub-heading one level under the item's, as its "Documentation".
    if (p.heading) out.push(`${'#'.repeat(level + 1)} ${inlines(p.content)}`);
    else out.push(p.label === undefined ? paragraph(p) : escapeLineStart(`${p.label} ${inlines(p.content)}`));
  }
  if (s.documentation) {
    out.push(`${'#'.repeat(level + 1)} ${escapeMarkdownText(s.documentation.heading)}`);
    for (const p of s.documentation.entries) out.push(paragraph(p));
  }
  for (const child of s.children) section(child, out, base);
}

/** The asterisks that mark a note ("*", "**"), escaped. */
const mark = (stars: string | undefined) => (stars ? escapeMarkdownText(stars) : '');

const paragraph = (p: Paragraph) => escapeLineStart(inlines(p.content));

function inlines(nodes: readonly Inline[]): string {
  return nodes.map(inline).join('');
}

function inline(node: Inline): string {
  switch (node.type) {
    case 'text':
      return escapeMarkdownText(node.value);
    case 'emphasis':
      return `*${inlines(node.children)}*`;
    case 'strong':
      return `**${inlines(node.children)}**`;
    case 'link':
      return `[${inlines(node.children)}](${escapeUrl(node.url)})`;
    case 'noteRef':
      return `[^${node.number}]`;
    case 'symbol':
      return symbol(node.value, node.url);
  }
}

/**
 * Whether symbols are isolated (U+2066 … U+2069) as left-to-right runs: in right-to-left
 * documents, where "A/78/150" would otherwise be reordered. Set for each document by
 * renderMarkdown (rendering is synchronous), read by the inline writer.
 */
let isolateSymbols = false;

function symbol(value: string, url?: string): string {
  const text = url ? `[${escapeMarkdownText(value)}](${escapeUrl(url)})` : escapeMarkdownText(value);
  return isolateSymbols ? `\u2066${text}\u2069` : text;
}
