import { createHash } from 'node:crypto';
import { itemRuns, type AgendaDocument, type AgendaListItem, type Annex, type AnnotationSection, type Footnote, type Inline, type Labels, type StarNote } from '../../model.js';
import { escapeAttr, escapeText, isSafeUrl } from './escape.js';
import { UN_PAGE } from '../../page/template.js';
import { STYLES, THIRD_LEVEL_STYLES, UNHEADED_ANNOTATIONS_STYLES } from './styles.js';

/**
 * One self-contained HTML5 page: styles embedded, no script, no outside
 * resources (a Content-Security-Policy says so to the browser). A function of
 * the model alone; the same model always gives the same bytes.
 */
export function renderHtml(doc: AgendaDocument): string {
  // The policy allows exactly our style sheet, by hash: nothing else can load or run.
  // Rules for third-level sub-items and for annotations without their part heading only where
  // there are some: every other page keeps its sheet, and its bytes.
  const styles = STYLES + (hasThirdLevel(doc) ? THIRD_LEVEL_STYLES : '') + (doc.annotations && doc.annotations.heading === undefined ? UNHEADED_ANNOTATIONS_STYLES : '') + runningHeads(doc) + scriptFonts(doc);
  const styleHash = createHash('sha256').update(styles).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const meta = doc.meta;
  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeText(meta.title)}</title>`,
    `<meta name="description" content="${escapeAttr(meta.description)}">`,
    `<meta name="author" content="${escapeAttr(meta.author)}">`,
    ...(meta.keywords.length ? [`<meta name="keywords" content="${escapeAttr(meta.keywords.join(', '))}">`] : []),
    `<style>${styles}</style>`,
  ];
  const body = [masthead(doc), main(doc), ...(doc.masthead.job ? [jobFooter(doc.masthead.job)] : [])];
  return `<!DOCTYPE html>\n<html lang="${escapeAttr(doc.lang)}" dir="${doc.dir}">\n<head>\n${head.join('\n')}\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}

/**
 * The printed pages' running heads and counters, as the PDF sets them: the symbol at the
 * outer edge of every page after the first, the page counter ("2/4") at the foot, at the
 * outer edge too; in the older house style the counter ("Page 2") stands under the symbol.
 */
function runningHeads(doc: AgendaDocument): string {
  // The model's pattern, "{page}/{pages}", as CSS content: strings and page counters.
  const counter = doc.pageCounter
    .split(/(\{pages?\})/)
    .filter(Boolean)
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
  const symbol = cssString(doc.masthead.symbol);
  const inHead = doc.pageStyle?.counterInHead === true;
  const head = inHead ? `${symbol} "\\A" ${counter}` : symbol;
  const { headPt } = UN_PAGE.furniture;
  const font = `font: bold ${headPt}pt "Times New Roman", Tinos, "Liberation Serif", serif;`;
  const box = (edge: 'left' | 'right') =>
    `@page :${edge} { @top-${edge} { ${font} content: ${head}; white-space: pre; vertical-align: bottom; }${inHead ? '' : ` @bottom-${edge} { ${font} content: ${counter}; vertical-align: top; }`} }`;
  return `@media print {\n  ${box('left')}\n  ${box('right')}\n  @page :first { @top-right { content: none; } @bottom-right { content: none; } }\n}\n`;
}

/**
 * The fonts of the language's scripts, when its main one is not the Latin body face the style
 * sheet names (Amiri for Arabic, Noto Serif SC for Chinese): the locale's families first.
 */
function scriptFonts(doc: AgendaDocument): string {
  const fonts = doc.writing.fonts;
  if (!fonts.length || fonts[0]!.family === 'Tinos') return '';
  const families = [...new Set(fonts.flatMap((f) => [f.family, ...f.fallbacks]))];
  return `\nbody { font-family: ${families.map(cssString).join(', ')}, "Times New Roman", Tinos, serif; }\n`;
}

/** A CSS string of `text`: quotes and backslashes escaped, and "<" too, so that no text can end the <style> element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()} `)}"`;
}

function hasThirdLevel(doc: AgendaDocument): boolean {
  const list = doc.agenda?.items ?? [];
  const sections = doc.annotations?.sections ?? [];
  return list.some((i) => i.children.some((c) => c.children.length > 0)) || sections.some((s) => s.children.some((c) => c.children.length > 0));
}

function masthead(doc: AgendaDocument): string {
  const m = doc.masthead;
  // As the PDF sets it: the symbol's first component large ("CTOC"), the rest ("/COP/WG.3/2023/1") at the body's size.
  const cut = m.symbol.indexOf('/');
  const head = cut > 0 ? m.symbol.slice(0, cut) : m.symbol;
  const parts = `<span class="symbol-head">${escapeText(head)}</span>${escapeText(m.symbol.slice(head.length))}`;
  // A symbol reads left to right in every language ("A/78/150" inside Arabic text).
  const symbol = (m.symbolUrl && isSafeUrl(m.symbolUrl) ? `<a href="${escapeAttr(m.symbolUrl)}" dir="ltr">${parts}</a>` : `<span dir="ltr">${parts}</span>`) + starMark(doc, m.symbolMark);
  // The column may be in another language than the page (English in Arabic, Chinese and Russian mastheads).
  const lang = m.columnLang ? ` lang="${escapeAttr(m.columnLang)}" dir="ltr"` : '';
  const right = [m.distribution, m.date].map((s) => `<span${lang}>${escapeText(s)}</span>`);
  // "Original" stands apart from the date in the UN layout (a class carries the gap), under the version's language when it is a translation.
  if (m.versionLanguage) right.push(`<span class="original"${lang}>${escapeText(m.versionLanguage)}</span>`, `<span${lang}>${escapeText(m.original)}</span>`);
  else right.push(`<span class="original"${lang}>${escapeText(m.original)}</span>`);
  if (m.languagesOnly) right.push(`<span${lang}>${escapeText(m.languagesOnly)}</span>`);
  return [
    '<header class="masthead">',
    '<div class="masthead-top">',
    `<p class="united-nations">${escapeText(m.unitedNations)}</p>`,
    `<p class="doc-symbol" translate="no">${symbol}</p>`,
    '</div>',
    '<div class="masthead-bottom">',
    ...emblem(m),
    `<p class="organ">${escapeText(m.organ)}</p>`,
    `<p class="distribution">${right.join('')}</p>`,
    '</div>',
    '</header>',
  ].join('\n');
}

/**
 * The emblem as a picture of its own (a data: address, never the SVG's markup inlined in
 * the page, where its scripts would run), 17 mm tall as in the PDF; nothing without one.
 */
function emblem(m: AgendaDocument['masthead']): string[] {
  const e = m.emblem;
  if (!e?.data || (e.format !== 'svg' && e.format !== 'png')) return [];
  const type = e.format === 'svg' ? 'image/svg+xml' : 'image/png';
  return [`<img class="emblem" src="data:${type};base64,${Buffer.from(e.data).toString('base64')}" alt="${escapeAttr(e.alt)}" height="64">`];
}

function main(doc: AgendaDocument): string {
  const out = ['<main>'];
  const under = doc.meeting.underItem;
  const meeting = [
    ...(doc.meeting.parentBody ? [`<strong>${escapeText(doc.meeting.parentBody)}</strong>`] : []),
    ...(doc.meeting.body ? [`<strong>${escapeText(doc.meeting.body)}</strong>`] : []),
    ...(doc.meeting.session ? [escapeText(doc.meeting.session)] : []),
    ...(doc.meeting.placeAndDates === undefined ? [] : [escapeText(doc.meeting.placeAndDates)]),
    ...(under ? [`${escapeText(under.line)}${starMark(doc, under.mark)}`, `<strong>${inlines(under.title)}</strong>`] : []),
  ];
  if (meeting.length) out.push(`<p class="meeting">${meeting.map((l) => `<span>${l}</span>`).join('')}</p>`);
  out.push(`<h1>${doc.titleContent ? inlines(doc.titleContent) : escapeText(doc.title)}${starMark(doc, doc.titleMark)}</h1>`);
  if (doc.subtitle) out.push(`<p class="subtitle">${doc.subtitle.map((p) => `<span>${inlines(p.content)}</span>`).join('<br>')}</p>`);
  for (const p of doc.introduction ?? []) out.push(`<p>${inlines(p.content)}</p>`);

  if (doc.agenda) {
    const heading = doc.agenda.heading;
    // Without a heading of its own, the list is named by the document's title.
    out.push(heading === undefined ? '<section class="agenda">' : '<section class="agenda" aria-labelledby="agenda">');
    if (heading !== undefined) out.push(`<h2 id="agenda">${escapeText(heading)}</h2>`);
    out.push(groupedAgendaList(doc.agenda.items, heading === undefined ? 2 : 3));
    out.push('</section>');
  }

  if (doc.annotations) {
    const heading = doc.annotations.heading;
    out.push(heading === undefined ? '<section class="annotations">' : '<section class="annotations" aria-labelledby="annotations">');
    if (heading !== undefined) out.push(`<h2 id="annotations">${escapeText(heading)}</h2>`);
    // Without a part heading (an addendum of annotations), items head at the level below the title.
    const base = heading === undefined ? 1 : 2;
    for (const s of doc.annotations.sections) {
      // A group's heading stands before the section, at its items' level: it divides, it does not contain.
      if (s.groupHeading) out.push(`<h${base + 1} class="group-heading" id="${escapeAttr(s.groupHeading.elementId)}">${inlines(s.groupHeading.content)}</h${base + 1}>`);
      out.push(section(s, base));
    }
    out.push('</section>');
  }

  if (doc.starNotes) out.push(starNotes(doc.starNotes));
  if (doc.footnotes.length) out.push(footnotes(doc.footnotes, doc.labels));
  if (doc.annex) out.push(annex(doc.annex));
  out.push('</main>');
  return out.join('\n');
}

/**
 * The agenda's items, one ordered list for each group, under the group's heading (`level`:
 * 2 or 3); each list starts at the number of its first item.
 */
function groupedAgendaList(items: readonly AgendaListItem[], level: number): string {
  const out: string[] = [];
  for (const run of itemRuns(items)) {
    if (run.heading) out.push(`<h${level} class="group-heading">${inlines(run.heading.content)}</h${level}>`);
    out.push(agendaList(run.items, 'agenda-list', run.start + 1));
  }
  return out.join('\n');
}

/**
 * The agenda as an ordered list. The UN's own labels ("1.", "(a)") are text,
 * not list markers: they must survive copying, and CSS has no "(a)" style.
 */
function agendaList(items: readonly AgendaListItem[], cls: string, start = 1): string {
  const lis = items.map((item) => {
    const subs = item.children.length ? `\n${agendaList(item.children, 'agenda-sublist')}\n` : '';
    return `<li><span class="label">${escapeText(item.label)} </span>${inlines(item.title)}${escapeText(item.punctuation)}${inlines(item.notesAfter ?? [])}${subs}</li>`;
  });
  return `<ol class="${cls}"${start === 1 ? '' : ` start="${start}"`}>\n${lis.join('\n')}\n</ol>`;
}

function section(s: AnnotationSection, base: number): string {
  const h = s.level + base; // h3 for items, h4 for sub-items, h5 for theirs (one level up without the part heading)
  // Unnamed sections: a named one per item would flood the landmark list with regions.
  const out = [`<section class="item level-${s.level}">`];
  out.push(`<h${h} id="${escapeAttr(s.elementId)}"><span class="label">${escapeText(s.label)} </span>${inlines(s.title)}</h${h}>`);
  // A paragraph's number is text, as the list's labels are: it survives copying.
  for (const p of s.paragraphs) {
    // A sub-heading one level under the item's, as its "Documentation".
    if (p.heading) out.push(`<h${h + 1} class="annotation-subheading">${inlines(p.content)}</h${h + 1}>`);
    else out.push(p.label === undefined ? `<p>${inlines(p.content)}</p>` : `<p class="numbered"><span class="label">${escapeText(p.label)} </span>${inlines(p.content)}</p>`);
  }
  if (s.documentation) {
    out.push(`<h${h + 1} class="documentation-heading">${escapeText(s.documentation.heading)}</h${h + 1}>`);
    out.push(`<ul class="documentation">\n${s.documentation.entries.map((e) => `<li>${inlines(e.content)}</li>`).join('\n')}\n</ul>`);
  }
  for (const child of s.children) out.push(section(child, base));
  out.push('</section>');
  return out.join('\n');
}

/** The asterisk that marks a note, linked to it. */
function starMark(doc: AgendaDocument, mark: string | undefined): string {
  if (!mark) return '';
  const note = doc.starNotes?.find((n) => n.mark === mark);
  return note ? `<a class="star-mark" href="#${escapeAttr(note.elementId)}">${escapeText(mark)}</a>` : escapeText(mark);
}

/** The asterisk notes of the first page, before the numbered notes as in print. */
function starNotes(notes: readonly StarNote[]): string {
  return ['<div class="star-notes">', ...notes.map((n) => `<p id="${escapeAttr(n.elementId)}"><span class="label">${escapeText(n.mark)} </span>${inlines(n.content)}</p>`), '</div>'].join('\n');
}

/** Notes with one back link per call, so a reader returns to the call they came from. */
function footnotes(notes: readonly Footnote[], labels: Labels): string {
  const items = notes.map((n) => {
    const backs = n.backLabels.map((name, i) => {
      const occurrence = i + 1;
      // U+FE0E keeps the arrow a text glyph rather than an emoji.
      const mark = n.references > 1 ? `↩\uFE0E<sup>${occurrence}</sup>` : '↩\uFE0E';
      return `<a class="backref" href="#fnref-${n.number}-${occurrence}" aria-label="${escapeAttr(name)}">${mark}</a>`;
    });
    return `<li id="fn-${n.number}" value="${n.number}"><span class="label">${n.number} </span>${inlines(n.content)} ${backs.join(' ')}</li>`;
  });
  return [
    '<section class="footnotes" aria-labelledby="footnotes">',
    `<h2 id="footnotes">${escapeText(labels.footnotes)}</h2>`,
    `<ol>\n${items.join('\n')}\n</ol>`,
    '</section>',
  ].join('\n');
}

/**
 * The organization of work as a data table: column headers, one row group per
 * day headed by the day, and the time slot as the row header of its rows.
 */
function annex(a: Annex): string {
  const out = ['<section class="annex" aria-labelledby="annex">', `<h2 id="annex">${escapeText(a.heading)}</h2>`, '<table>'];
  out.push(`<caption>${escapeText(a.title)}</caption>`);
  const cols = [a.columns.dateAndTime, a.columns.agendaItem, a.columns.titleOrDescription];
  out.push(`<thead>\n<tr>${cols.map((c) => `<th scope="col">${escapeText(c)}</th>`).join('')}</tr>\n</thead>`);
  for (const day of a.days) {
    out.push('<tbody>');
    out.push(`<tr class="day"><th scope="rowgroup" colspan="3"><time datetime="${escapeAttr(day.date)}">${escapeText(day.label)}</time></th></tr>`);
    for (const slot of day.slots) {
      // Each end of the time kept whole; the only break, for the narrowest windows, before the end.
      const text = slot.timeBreak === undefined ? escapeText(slot.time) : `<span class="time">${escapeText(slot.time.slice(0, slot.timeBreak))}</span><span class="time">${escapeText(slot.time.slice(slot.timeBreak))}</span>`;
      const time = (span: number) => `<th scope="row"${span > 1 ? ` rowspan="${span}"` : ''}>${text}</th>`;
      if (!slot.rows.length) {
        out.push(`<tr>${time(1)}<td></td><td></td></tr>`);
        continue;
      }
      slot.rows.forEach((row, i) => {
        const item = row.item === undefined ? '' : row.itemElementId ? `<a href="#${escapeAttr(row.itemElementId)}">${escapeText(row.item)}</a>` : escapeText(row.item);
        out.push(`<tr>${i === 0 ? time(slot.rows.length) : ''}<td class="item-number">${item}</td><td>${inlines(row.title)}</td></tr>`);
      });
    }
    out.push('</tbody>');
  }
  out.push('</table>', '</section>');
  return out.join('\n');
}

function jobFooter(job: NonNullable<AgendaDocument['masthead']['job']>): string {
  const parts = [job.number, ...job.stamps].map((s) => `<span>${escapeText(s)}</span>`);
  return `<footer class="job">\n<p>${parts.join(' ')}</p>\n</footer>`;
}

function inlines(nodes: readonly Inline[]): string {
  return nodes.map(inline).join('');
}

function inline(node: Inline): string {
  switch (node.type) {
    case 'text':
      return escapeText(node.value);
    case 'emphasis':
      return `<em>${inlines(node.children)}</em>`;
    case 'strong':
      return `<strong>${inlines(node.children)}</strong>`;
    case 'link':
      return isSafeUrl(node.url) ? `<a href="${escapeAttr(node.url)}">${inlines(node.children)}</a>` : inlines(node.children);
    case 'noteRef':
      // aria-describedby names the notes section, so the bare number is announced as a note call.
      return `<sup class="noteref"><a id="fnref-${node.number}-${node.occurrence}" href="#fn-${node.number}" aria-describedby="footnotes">${node.number}</a></sup>`;
    case 'symbol':
      return node.url && isSafeUrl(node.url)
        ? `<a class="symbol" href="${escapeAttr(node.url)}" translate="no" dir="ltr">${escapeText(node.value)}</a>`
        : `<span class="symbol" translate="no" dir="ltr">${escapeText(node.value)}</span>`;
  }
}
