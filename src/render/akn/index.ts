import { itemRuns, type AgendaDocument, type AgendaListItem, type Annex, type AnnotationSection, type Footnote, type Inline, type Paragraph, type StarNote } from '../../model.js';
import { xmlAttr, xmlText } from './xml.js';

/**
 * The agenda as Akoma Ntoso 3.0 XML, as the AKN4UN guidelines model a meeting agenda: a
 * `debateReport` of the subclass `agendaAnnotated` (or `agendaListing` for a plain list),
 * identified by FRBR IRIs built from the symbol, the language and the date; the masthead as
 * the preface, the list and the annotations in the main body, footnotes as authorial notes
 * where they are called, the organization of work as an attachment. A function of the model
 * alone: the same model always gives the same bytes (no clock, no random ids).
 */
export function renderAkn(doc: AgendaDocument): string {
  const w = new Writer(doc);
  return w.document();
}

const NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** ISO 639-2 alpha-3 codes of the UN's languages, which AKN IRIs and FRBRlanguage use. */
const ALPHA3: Record<string, string> = { ar: 'ara', en: 'eng', es: 'spa', fr: 'fra', ru: 'rus', zh: 'zho' };

/** Attributes in the order given; undefined values are left out. */
function attrs(list: readonly [string, string | number | undefined][]): string {
  return list.map(([k, v]) => (v === undefined ? '' : ` ${k}="${xmlAttr(String(v))}"`)).join('');
}

/**
 * A piece of a symbol as a segment of an IRI, as AKN4UN writes numbers: "/" becomes "-" and
 * a space "_"; what else an IRI path cannot hold is percent-encoded.
 */
const iriSegment = (s: string): string => encodeURIComponent(s.replace(/\//g, '-').replace(/ /g, '_')).replace(/%40/g, '@');

/**
 * The identifiers of the document, from its symbol, date and language (AKN4UN naming
 * convention): Work /akn/un/debateReport/agenda/{actor}/{date}/{number}, Expression
 * {work}/{lang}@{date}, Manifestation {expression}.xml. The actor is the symbol's series
 * ("CTOC/COP/WG.3" of "CTOC/COP/WG.3/2023/1") under "un-": the tool knows the series of
 * every body, not the short names some organizations give them.
 */
export interface AknIdentity {
  work: string;
  expression: string;
  manifestation: string;
  number: string;
  symbol: string;
  language: string;
  date: string;
  actor: string;
}

export function aknIdentity(doc: AgendaDocument): AknIdentity {
  const symbol = doc.masthead.symbols?.[0] ?? doc.masthead.symbol;
  const parts = symbol.split('/');
  // The series: the components before the first that starts with a digit (a session, a year, a number).
  const cut = parts.findIndex((p, i) => i > 0 && /^\d/.test(p));
  const series = (cut > 0 ? parts.slice(0, cut) : parts.slice(0, 1)).join('/');
  const actor = `un-${iriSegment(series.toLowerCase())}`;
  const date = doc.masthead.isoDate;
  const number = iriSegment(symbol);
  const language = ALPHA3[doc.lang.split('-')[0]!.toLowerCase()] ?? 'mul';
  const work = `/akn/un/debateReport/agenda/${actor}/${date}/${number}`;
  const expression = `${work}/${language}@${date}`;
  return { work, expression, manifestation: `${expression}.xml`, number, symbol, language, date, actor };
}

class Writer {
  private readonly out: string[] = [];
  private readonly id: AknIdentity;
  /** The notes already written where first called: later calls refer to them. */
  private readonly written = new Set<number>();
  private readonly notes: Map<number, Footnote>;

  constructor(private readonly doc: AgendaDocument) {
    this.id = aknIdentity(doc);
    this.notes = new Map(doc.footnotes.map((n) => [n.number, n]));
  }

  document(): string {
    const doc = this.doc;
    const subclass = doc.annotations ? 'agendaAnnotated' : 'agendaListing';
    this.line(`<?xml version="1.0" encoding="UTF-8"?>`);
    this.line(`<akomaNtoso xmlns="${NAMESPACE}">`);
    this.line(`<debateReport${attrs([['name', subclass]])}>`);
    this.meta('!main');
    this.preface();
    this.mainBody();
    if (doc.annex) this.annex(doc.annex);
    this.line('</debateReport>');
    this.line('</akomaNtoso>');
    return this.out.join('\n') + '\n';
  }

  private line(s: string): void {
    this.out.push(s);
  }

  /**
   * The FRBR identification of a component, and in the main one the references its authors
   * point to (eIds are unique in the whole file: the annex points to the same references).
   */
  private meta(component: string): void {
    const { work, expression, date, language, number, symbol, actor } = this.id;
    const m = this.doc.masthead;
    const body = `#${actor}`;
    this.line('<meta>');
    this.line(`<identification${attrs([['source', '#un']])}>`);
    this.line('<FRBRWork>');
    this.line(`<FRBRthis${attrs([['value', `${work}/${component}`]])}/>`);
    this.line(`<FRBRuri${attrs([['value', work]])}/>`);
    this.line(`<FRBRdate${attrs([['date', date], ['name', 'issued']])}/>`);
    this.line(`<FRBRauthor${attrs([['href', body]])}/>`);
    this.line(`<FRBRcountry${attrs([['value', 'un']])}/>`);
    this.line(`<FRBRsubtype${attrs([['value', 'agenda']])}/>`);
    this.line(`<FRBRnumber${attrs([['value', number], ['showAs', symbol]])}/>`);
    this.line('</FRBRWork>');
    this.line('<FRBRExpression>');
    this.line(`<FRBRthis${attrs([['value', `${expression}/${component}`]])}/>`);
    this.line(`<FRBRuri${attrs([['value', expression]])}/>`);
    this.line(`<FRBRdate${attrs([['date', date], ['name', 'issued']])}/>`);
    this.line(`<FRBRauthor${attrs([['href', body]])}/>`);
    this.line(`<FRBRlanguage${attrs([['language', language]])}/>`);
    this.line('</FRBRExpression>');
    this.line('<FRBRManifestation>');
    this.line(`<FRBRthis${attrs([['value', `${expression}/${component}.xml`]])}/>`);
    this.line(`<FRBRuri${attrs([['value', this.id.manifestation]])}/>`);
    // The document's date, not the build's: the same definition gives the same bytes.
    this.line(`<FRBRdate${attrs([['date', date], ['name', 'markup']])}/>`);
    this.line(`<FRBRauthor${attrs([['href', '#un']])}/>`);
    this.line(`<FRBRformat${attrs([['value', 'xml']])}/>`);
    this.line('</FRBRManifestation>');
    this.line('</identification>');
    if (component !== '!main') return this.line('</meta>');
    this.line(`<references${attrs([['source', '#un']])}>`);
    this.line(`<TLCOrganization${attrs([['eId', 'un'], ['href', '/akn/ontology/organizations/un'], ['showAs', m.unitedNations]])}/>`);
    this.line(`<TLCOrganization${attrs([['eId', actor], ['href', `/akn/ontology/organizations/${actor}`], ['showAs', m.organ]])}/>`);
    this.line('</references>');
    this.line('</meta>');
  }

  /**
   * The masthead, the meeting's lines and the title, as they stand before the list. Only the
   * organizations are `refersTo` a reference: AKN reserves the attribute for the ontology.
   */
  private preface(): void {
    const doc = this.doc;
    const m = doc.masthead;
    const lang = attrs([['xml:lang', doc.lang]]);
    // The right-hand column may be in another language (English in Arabic, Chinese and Russian mastheads).
    const column = attrs([['xml:lang', m.columnLang]]);
    this.line(`<preface${lang}>`);
    this.line(`<container${attrs([['name', 'masthead'], ['eId', 'masthead']])}>`);
    this.line(`<p><organization${attrs([['refersTo', '#un']])}>${xmlText(m.unitedNations)}</organization></p>`);
    const symbol = m.symbolUrl ? `<ref${attrs([['href', m.symbolUrl]])}>${xmlText(m.symbol)}</ref>` : xmlText(m.symbol);
    this.line(`<p><docNumber>${symbol}</docNumber>${this.starNote(m.symbolMark)}</p>`);
    this.line(`<p><docAuthority${attrs([['refersTo', `#${this.id.actor}`]])}>${xmlText(m.organ)}</docAuthority></p>`);
    this.line(`<p${column}><inline${attrs([['name', 'distribution']])}>${xmlText(m.distribution)}</inline></p>`);
    this.line(`<p${column}><docDate${attrs([['date', m.isoDate]])}>${xmlText(m.date)}</docDate></p>`);
    if (m.versionLanguage) this.line(`<p${column}><inline${attrs([['name', 'versionLanguage']])}>${xmlText(m.versionLanguage)}</inline></p>`);
    this.line(`<p${column}><inline${attrs([['name', 'original']])}>${xmlText(m.original)}</inline></p>`);
    if (m.languagesOnly) this.line(`<p${column}><inline${attrs([['name', 'languagesOnly']])}>${xmlText(m.languagesOnly)}</inline></p>`);
    if (m.job) {
      const stamps = m.job.stamps.map((s, i) => ` <date${attrs([['date', m.job!.stampDates[i]]])}>${xmlText(s)}</date>`).join('');
      this.line(`<p><inline${attrs([['name', 'jobNumber']])}>${xmlText(m.job.number)}</inline>${stamps}</p>`);
    }
    this.line('</container>');

    const meeting = doc.meeting;
    const lines: string[] = [];
    if (meeting.parentBody) lines.push(`<p><inline${attrs([['name', 'parentBody']])}>${xmlText(meeting.parentBody)}</inline></p>`);
    if (meeting.body) lines.push(`<p><inline${attrs([['name', 'body']])}>${xmlText(meeting.body)}</inline></p>`);
    if (meeting.session) lines.push(`<p><session${attrs([['value', meeting.number]])}>${xmlText(meeting.session)}</session></p>`);
    if (meeting.placeAndDates !== undefined) lines.push(`<p><inline${attrs([['name', 'placeAndDates']])}>${xmlText(meeting.placeAndDates)}</inline></p>`);
    const under = meeting.underItem;
    if (under) {
      lines.push(`<p><inline${attrs([['name', 'underItem']])}>${xmlText(under.line)}</inline>${this.starNote(under.mark)}</p>`);
      lines.push(`<p><b>${this.inlines(under.title)}</b></p>`);
    }
    if (lines.length) {
      this.line(`<container${attrs([['name', 'meeting'], ['eId', 'meeting']])}>`);
      lines.forEach((l) => this.line(l));
      this.line('</container>');
    }
    const title = doc.titleContent ? this.inlines(doc.titleContent) : xmlText(doc.title);
    this.line(`<longTitle${attrs([['eId', 'title']])}><p><docTitle>${title}</docTitle>${this.starNote(doc.titleMark)}</p></longTitle>`);
    if (doc.subtitle) {
      this.line(`<container${attrs([['name', 'subtitle'], ['eId', 'subtitle']])}>`);
      for (const p of doc.subtitle) this.line(`<p>${this.inlines(p.content)}</p>`);
      this.line('</container>');
    }
    this.line('</preface>');
  }

  /** An asterisk note, written where its mark stands. */
  private starNote(mark: string | undefined): string {
    if (!mark) return '';
    const note: StarNote | undefined = this.doc.starNotes?.find((n) => n.mark === mark);
    if (!note) return xmlText(mark);
    return `<authorialNote${attrs([['marker', note.mark], ['placement', 'bottom'], ['eId', note.elementId]])}><p>${this.inlines(note.content)}</p></authorialNote>`;
  }

  private mainBody(): void {
    const doc = this.doc;
    this.line(`<mainBody${attrs([['xml:lang', doc.lang]])}>`);
    if (doc.introduction?.length) {
      this.line(`<hcontainer${attrs([['name', 'introduction'], ['eId', 'introduction']])}>`);
      this.line('<content>');
      for (const p of doc.introduction) this.paragraphBlock(p);
      this.line('</content>');
      this.line('</hcontainer>');
    }
    if (doc.agenda) {
      this.line(`<hcontainer${attrs([['name', doc.agenda.standing ? 'agenda' : 'provisionalAgenda'], ['eId', 'agenda']])}>`);
      if (doc.agenda.heading !== undefined) this.line(`<heading>${xmlText(doc.agenda.heading)}</heading>`);
      this.line('<content>');
      this.groupedList(doc.agenda.items);
      this.line('</content>');
      this.line('</hcontainer>');
    }
    if (doc.annotations) {
      this.line(`<hcontainer${attrs([['name', 'annotations'], ['eId', 'annotations']])}>`);
      if (doc.annotations.heading !== undefined) this.line(`<heading>${xmlText(doc.annotations.heading)}</heading>`);
      for (const s of doc.annotations.sections) {
        // A group's heading between the sections it divides, as a cross-heading divides a law's.
        if (s.groupHeading) this.line(`<crossHeading${attrs([['eId', `annotations__${s.groupHeading.elementId}`]])}>${this.inlines(s.groupHeading.content)}</crossHeading>`);
        this.section(s);
      }
      this.line('</hcontainer>');
    }
    // A definition without list or annotations still gives a valid body.
    if (!doc.introduction?.length && !doc.agenda && !doc.annotations) this.line('<p/>');
    this.line('</mainBody>');
  }

  /**
   * The items before any group's heading in one list; each group in a container of its own,
   * its heading a cross-heading above its list.
   */
  private groupedList(items: readonly AgendaListItem[]): void {
    for (const run of itemRuns(items)) {
      if (!run.heading) {
        this.list(run.items, 'agenda__list');
        continue;
      }
      const eId = `agenda__${run.heading.elementId}`;
      this.line(`<blockContainer${attrs([['eId', eId]])}>`);
      this.line(`<crossHeading${attrs([['eId', `${eId}__heading`]])}>${this.inlines(run.heading.content)}</crossHeading>`);
      this.list(run.items, `${eId}__list`);
      this.line('</blockContainer>');
    }
  }

  /** The provisional agenda: each item with its number as printed, its sub-items in a list of their own. */
  private list(items: readonly AgendaListItem[], eId: string): void {
    this.line(`<blockList${attrs([['eId', eId]])}>`);
    for (const item of items) {
      this.line(`<item${attrs([['eId', `agenda__${item.elementId}`]])}>`);
      this.line(`<num>${xmlText(item.label)}</num>`);
      this.line(`<p>${this.inlines(item.title)}${xmlText(item.punctuation)}${this.inlines(item.notesAfter ?? [])}</p>`);
      if (item.children.length) this.list(item.children, `agenda__${item.elementId}__list`);
      this.line('</item>');
    }
    this.line('</blockList>');
  }

  /**
   * Where an annex row's item leads: its annotations when the document prints them, else its
   * entry in the agenda list (a plain provisional agenda), else nowhere.
   */
  private itemTarget(doc: AgendaDocument, elementId: string): string | undefined {
    const inSections = (list: readonly AnnotationSection[]): boolean => list.some((x) => x.elementId === elementId || inSections(x.children));
    const inList = (list: readonly AgendaListItem[]): boolean => list.some((x) => x.elementId === elementId || inList(x.children));
    if (doc.annotations && inSections(doc.annotations.sections)) return `annotations__${elementId}`;
    if (doc.agenda && inList(doc.agenda.items)) return `agenda__${elementId}`;
    return undefined;
  }

  /** An item's annotations: section, subsection, level for items, sub-items and theirs. */
  private section(s: AnnotationSection): void {
    const tag = s.level === 1 ? 'section' : s.level === 2 ? 'subsection' : 'level';
    const eId = `annotations__${s.elementId}`;
    this.line(`<${tag}${attrs([['eId', eId]])}>`);
    this.line(`<num>${xmlText(s.label)}</num>`);
    this.line(`<heading>${this.inlines(s.title)}</heading>`);
    // Paragraphs and sub-headings counted apart: a sub-heading added renumbers no paragraph's id.
    let paragraphs = 0;
    let subheadings = 0;
    s.paragraphs.forEach((p) => {
      // A sub-heading between the paragraphs it divides.
      if (p.heading) {
        this.line(`<crossHeading${attrs([['eId', `${eId}__subheading_${++subheadings}`]])}>${this.inlines(p.content)}</crossHeading>`);
        return;
      }
      this.line(`<paragraph${attrs([['eId', `${eId}__para_${++paragraphs}`]])}>`);
      if (p.label !== undefined) this.line(`<num>${xmlText(p.label)}</num>`);
      this.line('<content>');
      this.paragraphBlock(p);
      this.line('</content>');
      this.line('</paragraph>');
    });
    if (s.documentation) {
      const d = `${eId}__documentation`;
      this.line(`<hcontainer${attrs([['name', 'documentation'], ['eId', d]])}>`);
      this.line(`<heading>${xmlText(s.documentation.heading)}</heading>`);
      this.line('<content>');
      this.line(`<blockList${attrs([['eId', `${d}__list`]])}>`);
      s.documentation.entries.forEach((e, i) => {
        this.line(`<item${attrs([['eId', `${d}__list__item_${i + 1}`]])}><p>${this.inlines(e.content)}</p></item>`);
      });
      this.line('</blockList>');
      this.line('</content>');
      this.line('</hcontainer>');
    }
    for (const child of s.children) this.section(child);
    this.line(`</${tag}>`);
  }

  private paragraphBlock(p: Paragraph): void {
    this.line(`<p>${this.inlines(p.content)}</p>`);
  }

  /**
   * The organization of work, an attachment with its own identification (the component
   * "!annex_1" of the same expression): the days as header rows, each time slot heading its rows.
   */
  private annex(a: Annex): void {
    this.line('<attachments>');
    this.line(`<attachment${attrs([['eId', 'att_1']])}>`);
    this.line(`<doc${attrs([['name', 'annex']])}>`);
    this.meta('!annex_1');
    this.line(`<preface${attrs([['xml:lang', this.doc.lang]])}>`);
    this.line(`<p><docType>${xmlText(a.heading)}</docType></p>`);
    this.line(`<longTitle${attrs([['eId', 'annex__title']])}><p><docTitle>${xmlText(a.title)}</docTitle></p></longTitle>`);
    this.line('</preface>');
    this.line(`<mainBody${attrs([['xml:lang', this.doc.lang]])}>`);
    this.line(`<table${attrs([['eId', 'annex__table']])}>`);
    const cols = [a.columns.dateAndTime, a.columns.agendaItem, a.columns.titleOrDescription];
    this.line(`<tr>${cols.map((c) => `<th><p>${xmlText(c)}</p></th>`).join('')}</tr>`);
    for (const day of a.days) {
      this.line(`<tr${attrs([['eId', `annex__${day.elementId}`]])}><th${attrs([['colspan', 3]])}><p><date${attrs([['date', day.date]])}>${xmlText(day.label)}</date></p></th></tr>`);
      for (const slot of day.slots) {
        const time = (span: number) => `<th${attrs([['rowspan', span > 1 ? span : undefined]])}><p>${xmlText(slot.time)}</p></th>`;
        const slotId = `annex__${slot.elementId}`;
        if (!slot.rows.length) {
          this.line(`<tr${attrs([['eId', slotId]])}>${time(1)}<td><p/></td><td><p/></td></tr>`);
          continue;
        }
        slot.rows.forEach((row, i) => {
          const target = row.itemElementId === undefined ? undefined : this.itemTarget(this.doc, row.itemElementId);
          const item = row.item === undefined ? '' : target ? `<ref${attrs([['href', `#${target}`]])}>${xmlText(row.item)}</ref>` : xmlText(row.item);
          this.line(`<tr${attrs([['eId', i === 0 ? slotId : `${slotId}__row_${i + 1}`]])}>${i === 0 ? time(slot.rows.length) : ''}<td><p>${item}</p></td><td><p>${this.inlines(row.title)}</p></td></tr>`);
        });
      }
    }
    this.line('</table>');
    this.line('</mainBody>');
    this.line('</doc>');
    this.line('</attachment>');
    this.line('</attachments>');
  }

  private inlines(nodes: readonly Inline[]): string {
    return nodes.map((n) => this.inline(n)).join('');
  }

  private inline(node: Inline): string {
    switch (node.type) {
      case 'text':
        return xmlText(node.value);
      case 'emphasis':
        return `<i>${this.inlines(node.children)}</i>`;
      case 'strong':
        return `<b>${this.inlines(node.children)}</b>`;
      case 'link':
        return `<a${attrs([['href', node.url]])}>${this.inlines(node.children)}</a>`;
      case 'symbol':
        // A document symbol: a reference where the definition gives its address, else marked as a symbol.
        return node.url ? `<ref${attrs([['href', node.url], ['class', 'symbol']])}>${xmlText(node.value)}</ref>` : `<inline${attrs([['name', 'symbol']])}>${xmlText(node.value)}</inline>`;
      case 'noteRef':
        return this.noteCall(node.number);
    }
  }

  /**
   * A footnote call: the note itself at its first call, as AKN places authorial notes in the
   * flow of the text (marker as printed); later calls of the same note refer to it.
   */
  private noteCall(number: number): string {
    const note = this.notes.get(number);
    if (!note) return '';
    if (this.written.has(number)) return `<noteRef${attrs([['marker', number], ['href', `#${note.elementId}`]])}/>`;
    this.written.add(number);
    return `<authorialNote${attrs([['marker', number], ['placement', 'bottom'], ['eId', note.elementId]])}><p>${this.inlines(note.content)}</p></authorialNote>`;
  }
}
