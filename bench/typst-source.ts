/**
 * For the benchmark only: the same document as Typst markup, so that the Typst
 * compiler can be timed on an equivalent source. Not an output format of agenda.
 */
import type { AgendaDocument, Inline } from '../src/model.js';

const esc = (s: string) => s.replace(/[\\#*_`$<>@[\]=/~"-]/g, (c) => `\\${c}`);

function inline(nodes: readonly Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
          return esc(n.value);
        case 'emphasis':
          return `_${inline(n.children)}_`;
        case 'strong':
          return `*${inline(n.children)}*`;
        case 'link':
          return `#link("${n.url.replace(/"/g, '\\"')}")[${inline(n.children)}]`;
        case 'noteRef':
          return `#super[${n.number}]`;
        case 'symbol':
          return esc(n.value);
      }
    })
    .join('');
}

export function typstSource(doc: AgendaDocument): string {
  const out: string[] = ['#set page(paper: "a4", margin: 2.5cm)', '#set text(font: "Linux Libertine", size: 10pt)', ''];
  out.push(`#grid(columns: (1fr, 1fr), [${esc(doc.masthead.unitedNations)} \\ ${esc(doc.masthead.organ)}], align(right)[*${esc(doc.masthead.symbol)}* \\ ${esc(doc.masthead.distribution)} \\ ${esc(doc.masthead.date)} \\ ${esc(doc.masthead.original)}])`);
  out.push('#line(length: 100%, stroke: 2pt)', `*${esc(doc.meeting.body ?? '')}* \\ ${esc(doc.meeting.placeAndDates)}`, '', `= ${esc(doc.title)}`, '', `== ${esc(doc.agenda.heading)}`);
  for (const item of doc.agenda.items) {
    out.push(`+ ${inline(item.title)}${item.punctuation}`);
    for (const sub of item.children) out.push(`  - ${esc(sub.label)} ${inline(sub.title)}${sub.punctuation}`);
  }
  out.push('', `== ${esc(doc.annotations.heading)}`);
  const notes = new Map(doc.footnotes.map((n) => [n.number, inline(n.content)]));
  const withNotes = (nodes: readonly Inline[]) => inline(nodes).replace(/#super\[(\d+)\]/g, (_, n: string) => `#footnote[${notes.get(Number(n)) ?? ''}]`);
  const section = (s: AgendaDocument['annotations']['sections'][number]) => {
    out.push('', `${'='.repeat(s.level + 2)} ${esc(s.label)} ${inline(s.title)}`);
    for (const p of s.paragraphs) out.push('', withNotes(p.content));
    if (s.documentation) {
      out.push('', `_${esc(s.documentation.heading)}_`);
      for (const e of s.documentation.entries) out.push('', inline(e.content));
    }
    s.children.forEach(section);
  };
  doc.annotations.sections.forEach(section);
  if (doc.annex) {
    const a = doc.annex;
    out.push('', `== ${esc(a.heading)}`, `=== ${esc(a.title)}`, '#table(columns: 3,', `  [_${esc(a.columns.dateAndTime)}_], [_${esc(a.columns.agendaItem)}_], [_${esc(a.columns.titleOrDescription)}_],`);
    for (const day of a.days) {
      out.push(`  table.cell(colspan: 3)[*${esc(day.label)}*],`);
      for (const slot of day.slots) slot.rows.forEach((r, i) => out.push(`  [${i ? '' : esc(slot.time)}], [${esc(r.item ?? '')}], [${inline(r.title)}],`));
    }
    out.push(')');
  }
  return `${out.join('\n')}\n`;
}
