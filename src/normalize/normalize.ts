import type { ItemDef, MeetingDefinition } from '../definition.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Path, SourceLocator } from '../load/locator.js';
import { dayNumber, isoDate, parseIsoDate, parseTime, stamp } from '../locale/calendar.js';
import { selectKey } from '../locale/catalogue.js';
import { getLocale, SUPPORTED_LANGUAGES } from '../locale/index.js';
import type { CalendarDate, LanguageCode, Locale, MessageId } from '../locale/types.js';
import type { AgendaDocument, AgendaListItem, Annex, AnnexRow, AnnotationSection, Footnote, Inline, Masthead, MeetingBlock, NoteRef, Origin, Paragraph, StarNote, UnderItemLine } from '../model.js';
import { appendAll } from '../util/append.js';
import { resolvePlaceholder, type MeetingFacts } from './facts.js';
import { cleanText, convertInline, convertParagraphs, plainText, type InlineContext } from './inline.js';
import { eachPlainParagraph, parseFields, type ParsedText } from './parse-inline.js';
import { documentSymbols, hasRole, isPlenary, LazySources, meetingDays, plenaryDaysListed } from './outline.js';
import { checkTimeZone, venueTimeZone } from './time-zone.js';
import { DEFAULT_DOCUMENT_KIND, DOCUMENT_KINDS, houseStyle, type DocumentKindName, type HouseStyle } from '../style/styles.js';

export interface NormalizeResult {
  model?: AgendaDocument;
  diagnostics: Diagnostic[];
}

/**
 * A language version's texts left in the original's language (`--allow-untranslated`): their
 * paths ("items/2/title"), whose placeholders are filled from the original `definition`, in
 * its language, so that no sentence mixes two languages.
 */
export interface Untranslated {
  definition: MeetingDefinition;
  paths: ReadonlySet<string>;
}

interface ItemInfo {
  def: ItemDef;
  path: Path;
  /** "1", "1 (b)" */
  number: string;
}

/**
 * Resolves a schema-valid definition into the document model: numbers and letters,
 * punctuation, dates, weekdays, ordinals, placeholders, cross-references, footnote
 * numbers and "(continued)". Reports what cannot be resolved; never throws on input.
 */
export function normalize(written: MeetingDefinition, locator: SourceLocator, untranslated?: Untranslated): NormalizeResult {
  const diagnostics: Diagnostic[] = [];
  // At most MAX_REPORTS_PER_FIELD of a kind in one field (each costs a walk of the field's text), then a count.
  const perField = new Map<string, { count: number; path: Path; code: string }>();
  // And at most MAX_REPORTS_PER_CODE of a kind in the whole file (4,000 unknown ids are one mistake repeated).
  const perCode = new Map<string, { count: number; path: Path }>();
  // A title is converted for the list, its heading and the annex: report each problem once.
  const reported = new Set<string>();
  const report = (path: Path, code: string, message: string, hint?: string, offset?: number) => {
    const key = `${code} ${JSON.stringify(path)}`;
    if (reported.has(`${key} ${offset}`)) return;
    reported.add(`${key} ${offset}`);
    const seen = perField.get(key) ?? { count: 0, path, code };
    perField.set(key, seen);
    if (++seen.count > MAX_REPORTS_PER_FIELD) return;
    const ofCode = perCode.get(code) ?? { count: 0, path };
    perCode.set(code, ofCode);
    if (++ofCode.count > MAX_REPORTS_PER_CODE) return;
    const at = offset === undefined ? locator.valueStart(path) : locator.textPosition(path, offset);
    diagnostics.push({ file: locator.file, ...at, severity: 'error', code, message, hint });
  };
  const result = (model?: AgendaDocument): NormalizeResult => {
    for (const { count, path, code } of perField.values()) {
      if (count <= MAX_REPORTS_PER_FIELD) continue;
      diagnostics.push({ file: locator.file, ...locator.valueStart(path), severity: 'error', code, message: `${count - MAX_REPORTS_PER_FIELD} more problems of this kind in this field are not listed`, hint: 'correct the ones listed and check again' });
    }
    for (const [code, { count, path }] of perCode) {
      if (count <= MAX_REPORTS_PER_CODE) continue;
      diagnostics.push({ file: locator.file, ...locator.valueStart(path), severity: 'error', code, message: `${count - MAX_REPORTS_PER_CODE} more problems of this kind in other places are not listed`, hint: 'correct the ones listed and check again' });
    }
    return model ? { model, diagnostics } : { diagnostics };
  };
  reportEmptyTexts(written, report);
  if (reportHeavyMarkup(written, report)) return result();
  const def = withPlainTextCleaned(written);

  const locale = getLocale(def.language ?? 'en');
  if (!locale) {
    report(['language'], 'unsupported-language', `documents in '${def.language}' are not supported yet`, `the supported languages are: ${SUPPORTED_LANGUAGES.join(', ')}`);
    return result();
  }

  const items = indexItems(def, locale, report);
  const dates = meetingDates(def, report);
  const docDate = parseIsoDate(def.document.date);
  if (dates === false || !docDate) return result();

  const slots = parseSlots(def, report);
  const facts = meetingFacts(def, locale, dates, slots);
  const timeZone = meetingTimeZone(def, report);

  const itemNumbers = new Map([...items].map(([id, info]) => [id, info.number]));
  // The facts in the original's language, for the placeholders of the texts left in it (made when first needed).
  let inOriginal: { facts: MeetingFacts; locale: Locale; itemNumbers: Map<string, string> } | undefined;
  const originalFacts = (original: MeetingDefinition) => {
    const cleaned = withPlainTextCleaned(original);
    const originalLocale = getLocale(cleaned.language ?? 'en') ?? locale;
    const numbers = new Map([...indexItems(cleaned, originalLocale, () => {})].map(([id, info]) => [id, info.number]));
    return { facts: meetingFacts(cleaned, originalLocale, dates, slots), locale: originalLocale, itemNumbers: numbers };
  };
  // Footnotes are numbered in reading order, which is the order of conversion below.
  const footnoteIds = Object.keys(def.footnotes ?? {});
  const byLowerId = new Map(footnoteIds.map((id) => [id.toLowerCase(), id]));
  const calls = new Map<string, { number: number; count: number }>();
  const ctx: InlineContext = {
    footnoteIds,
    parseCache: parseAllTexts(def, footnoteIds),
    allowFootnotes: true,
    resolve: (name, path) => {
      if (!untranslated?.paths.has(path.join('/'))) return resolvePlaceholder(name, facts, locale, itemNumbers);
      const o = (inOriginal ??= originalFacts(untranslated.definition));
      return resolvePlaceholder(name, o.facts, o.locale, o.itemNumbers);
    },
    callFootnote: (identifier) => {
      const id = byLowerId.get(identifier.toLowerCase()) ?? identifier;
      const entry = calls.get(id) ?? { number: calls.size + 1, count: 0 };
      entry.count += 1;
      calls.set(id, entry);
      return { number: entry.number, occurrence: entry.count };
    },
    report: (path, offset, code, message, hint) => report(path, code, message, hint, offset),
  };
  const inline = (text: string, path: Path) => convertInline(text, path, ctx);
  // A title printed again (an annotation's heading, an annex row) after the list has called
  // its footnotes: the calls stand once, in the list, where they are numbered.
  const quiet: InlineContext = { ...ctx, callFootnote: () => ({ number: 0, occurrence: 0 }) };
  const again = (text: string, path: Path) => withoutNoteRefs(convertInline(text, path, quiet));
  /** Items whose title has printed with its footnote calls. */
  const titleCalled = new Set<string>();

  const style = houseStyle(def.style);
  const kindName = def.document.kind ?? DEFAULT_DOCUMENT_KIND;
  const docKind = DOCUMENT_KINDS[kindName];
  // The texts above the list come first in reading order, and so take the first footnote numbers.
  const front = frontMatter(def, locale, items, ctx, report, kindName, again);

  const itemLabel = (i: number) => locale.messages.format('itemLabel', { number: i + 1 });
  // Only what the document prints is converted: a footnote is numbered where it is first called in print.
  const agendaItems = docKind.list ? def.items.map((item, i) => listItem(item, ['items', i], itemLabel(i), inline, locale, style)) : [];
  if (docKind.list) for (const id of items.keys()) titleCalled.add(id);
  // Which headings print is decided on the definition, before any text is converted: a
  // footnote called in a heading that does not print must not count that call.
  const every = style.everyHeading || !def.items.some((item) => annotated(item, 1));
  const shows = (item: ItemDef, depth: number) => docKind.annotations && (every || annotated(item, depth));
  const shown = new Set<AnnotationSection>();
  const groupAbove = annotationGroupHeadings(def.items, (item) => shows(item, 1));
  const sections = def.items.map((item, i) => {
    // Converted before the section's title, which it precedes in reading order; once the list has printed it, without its footnote calls.
    const group = groupAbove.get(i);
    const groupHeading = group && { elementId: groupElementId(group.opener), content: docKind.list ? again(group.text, group.path) : inline(group.text, group.path) };
    const s = section(item, ['items', i], [i + 1], itemLabel(i), ctx, locale, def, shows, shown, { again, titleCalled });
    if (groupHeading) s.groupHeading = groupHeading;
    return s;
  });
  const printed = printedSections(sections, shown, style, locale);
  const annex = buildAnnex(def, locale, items, inline, slots, report, { again, titleCalled });
  // Without the list, a group whose items have no annotation prints no heading anywhere.
  const printedGroups = new Set([...groupAbove.values()].map((g) => g.path[1]));
  const unprintedGroups = docKind.list ? [] : def.items.flatMap((item, i) => (item.group_heading !== undefined && !printedGroups.has(i) ? [item] : []));
  const footnotes = collectFootnotes(def, calls, ctx, report, locale, docKind.annotations, unprintedGroups);

  const msg = locale.messages;
  const masthead = buildMasthead(def, locale, docDate, style);
  if (front.symbolMark) masthead.symbolMark = front.symbolMark;
  const title = front.title;
  const placeAndDates = placeAndDatesLine(def, locale, facts);
  // The session line needs a number: "Thirty-third session"; a bare "Session" says nothing. An organizational session is named without one.
  const kind = def.meeting.kind ?? 'session';
  const showSession = (def.meeting.number !== undefined || kind === 'organizational-session') && (def.meeting.show_session ?? kind !== 'meeting');
  const meeting: MeetingBlock = {
    // Under an organ of its own (`organ`), the parent body heads the meeting block: the General Assembly, then the Commission, then its working group.
    ...(def.organ !== undefined && def.parent_body !== undefined && def.parent_body !== def.organ ? { parentBody: def.parent_body } : {}),
    body: def.parent_body || masthead.organ !== def.body ? def.body : undefined,
    session: showSession ? locale.capitalize(facts.session) : undefined,
    ...(placeAndDates === undefined ? {} : { placeAndDates }),
    kind,
    ...(def.meeting.number === undefined ? {} : { number: def.meeting.number }),
    ...(dates === undefined ? {} : { startDate: isoDate(dates[0]), endDate: isoDate(dates[1]) }),
  };
  if (front.underItem) meeting.underItem = front.underItem;
  if (timeZone !== undefined) meeting.timeZone = timeZone;
  if (facts.opensAt !== undefined) meeting.opensAt = facts.opensAt;
  if (def.meeting.venue !== undefined) meeting.venue = def.meeting.venue;
  const model: AgendaDocument = {
    lang: locale.tag,
    dir: locale.dir,
    writing: { quotes: locale.quotes, fonts: locale.fonts },
    meta: {
      title: msg.format('metaTitle', { symbol: masthead.symbol, title }),
      subject: masthead.symbol,
      author: def.body,
      keywords: [masthead.symbol, def.body, ...(def.parent_body ? [def.parent_body] : []), ...(def.organ ? [def.organ] : []), msg.format(docKind.provisional ? 'provisionalAgenda' : 'agenda')],
      description: placeAndDates === undefined
        ? msg.format('metaDescriptionNoPlace', { title, session: locale.capitalize(facts.session), body: def.body })
        : msg.format('metaDescription', { title, session: locale.capitalize(facts.session), body: def.body, placeAndDates }),
      date: isoDate(docDate),
    },
    labels: { footnotes: msg.format('footnotes'), continued: msg.format('continued') },
    pageCounter: style.masthead === 'older' ? msg.format('pageOlder', { page: '{page}' }) : locale.pageCounter,
    ...(style.masthead === 'older' ? { pageStyle: { counterInHead: true, barcode: false } } : {}),
    masthead,
    meeting,
    title,
    ...(front.titleContent ? { titleContent: front.titleContent } : {}),
    ...(front.titleMark ? { titleMark: front.titleMark } : {}),
    ...(front.subtitle.length ? { subtitle: front.subtitle } : {}),
    ...(front.introduction.length ? { introduction: front.introduction } : {}),
    ...(front.starNotes.length ? { starNotes: front.starNotes } : {}),
    // A list alone needs no heading of its own, nor annotations alone (an addendum): the title heads them.
    ...(docKind.list ? { agenda: { ...(docKind.annotations && printed.length ? { heading: msg.format(docKind.provisional ? 'provisionalAgenda' : 'agenda') } : {}), items: agendaItems, ...(docKind.provisional ? {} : { standing: true as const }) } } : {}),
    ...(printed.length ? { annotations: docKind.list ? { heading: msg.format('annotations'), sections: printed } : { sections: printed } } : {}),
    footnotes,
    annex,
    sources: new LazySources(written, sections, dates, slots, locale.roleWordings),
  };
  return result(model);
}

type Report = (path: Path, code: string, message: string, hint?: string, offset?: number) => void;

/** Numbers every item and sub-item and checks that ids are unique. */
function indexItems(def: MeetingDefinition, locale: Locale, report: Report): Map<string, ItemInfo> {
  const items = new Map<string, ItemInfo>();
  const add = (item: ItemDef, path: Path, number: string) => {
    if (items.has(item.id)) {
      report([...path, 'id'], 'duplicate-id', `the id '${item.id}' is used by agenda item ${items.get(item.id)!.number} already`, 'give every item and sub-item its own id');
      return;
    }
    items.set(item.id, { def: item, path, number });
  };
  def.items.forEach((item, i) => {
    add(item, ['items', i], locale.itemNumber(i + 1));
    item.items?.forEach((sub, j) => {
      add(sub, ['items', i, 'items', j], locale.itemNumber(i + 1, j + 1));
      sub.items?.forEach((subSub, k) => add(subSub, ['items', i, 'items', j, 'items', k], locale.itemNumber(i + 1, j + 1, k + 1)));
    });
  });
  return items;
}

/** The first and last days; undefined when the definition gives none, false when they are wrong (reported). */
function meetingDates(def: MeetingDefinition, report: Report): [CalendarDate, CalendarDate] | undefined | false {
  if (def.meeting.dates === undefined) return undefined;
  const raw = typeof def.meeting.dates === 'string' ? [def.meeting.dates, def.meeting.dates] : def.meeting.dates;
  const first = parseIsoDate(raw[0] ?? '');
  const last = parseIsoDate(raw[1] ?? '');
  if (!first || !last) return false; // the schema has reported it
  if (dayNumber(last) < dayNumber(first)) {
    report(['meeting', 'dates', 1], 'date-order', 'the last day of the meeting is before the first', 'list the first day, then the last');
    return false;
  }
  return [first, last];
}

/** The venue's IANA zone: as written (checked against the runtime's zone data), else known from the venue. */
function meetingTimeZone(def: MeetingDefinition, report: Report): string | undefined {
  const written = def.meeting.time_zone;
  if (written === undefined) return def.meeting.venue === undefined ? undefined : venueTimeZone(def.meeting.venue);
  const zone = checkTimeZone(written);
  if (zone === undefined) report(['meeting', 'time_zone'], 'bad-time-zone', `'${written}' is not a time zone this tool knows`, 'write an IANA time zone name such as Europe/Vienna or America/New_York');
  return zone;
}

interface ParsedSlot {
  start: number;
  end: number;
}

/** Parses every "10:00-13:00"; reports impossible times. Indexed [day][slot]. */
function parseSlots(def: MeetingDefinition, report: Report): (ParsedSlot | undefined)[][] {
  return (def.organization_of_work ?? []).map((day, d) =>
    day.slots.map((slot, s) => {
      const [a, b] = slot.time.split(/\s*[-–]\s*/);
      const start = parseTime(a ?? '');
      const end = parseTime(b ?? '');
      const path = ['organization_of_work', d, 'slots', s, 'time'];
      if (start === undefined || end === undefined) {
        report(path, 'bad-time', `'${slot.time}' is not a time of day`, 'hours go from 0 to 24 and minutes from 00 to 59: 10:00-13:00');
        return undefined;
      }
      if (end <= start) {
        report(path, 'bad-time', `the meeting '${slot.time}' ends before it starts`, 'write the start, then the end, on the 24-hour clock: 15:00-18:00');
        return undefined;
      }
      return { start, end };
    }),
  );
}

/** Languages as `locale` lists them, whatever the order they are written in: "English, French and Spanish". */
function inLanguageOrder(locale: Locale, codes: readonly LanguageCode[]): LanguageCode[] {
  return [...codes].sort((a, b) => locale.languageOrder.indexOf(a) - locale.languageOrder.indexOf(b));
}

function meetingFacts(def: MeetingDefinition, locale: Locale, dates: [CalendarDate, CalendarDate] | undefined, slots: (ParsedSlot | undefined)[][]): MeetingFacts {
  const [first, last] = dates ?? [];
  const kind = selectKey(def.meeting.kind ?? 'session');
  // The ordinal agrees with the noun of the meeting's kind ("quatorzième réunion", "четырнадцатое совещание").
  const ordinal = def.meeting.number === undefined ? undefined : locale.ordinal(def.meeting.number, locale.meetingNouns?.[def.meeting.kind ?? 'session']);
  const opensAt = def.meeting.opens_at === undefined ? slots[0]?.[0]?.start : parseTime(def.meeting.opens_at);
  // Plenary meetings only: a side event or a committee's meeting is in the annex, not in the count.
  const plenaryCount = (def.organization_of_work ?? []).reduce((n, day) => n + day.slots.filter(isPlenary).length, 0);
  const interpretation = def.resources?.interpretation;
  return {
    number: def.meeting.number,
    nounForm: locale.meetingNouns?.[def.meeting.kind ?? 'session'],
    kind,
    ordinal,
    session: ordinal ? locale.messages.format('numberedSession', { ordinal, kind, case: 'nominative' }) : locale.messages.format('session', { kind, case: 'nominative' }),
    body: def.body,
    parentBody: def.parent_body,
    venue: def.meeting.venue,
    dates: first && last ? locale.dateRange(first, last) : undefined,
    year: first ? String(first.year) : undefined,
    openingDate: first ? locale.dateWithWeekday(first) : undefined,
    opensAt,
    openingTime: opensAt === undefined ? undefined : locale.time(opensAt),
    plenaryMeetings: def.resources?.plenary_meetings ?? (plenaryCount || undefined),
    // The meeting's days, not the annex's: an organization of work may cover only part of a session.
    days: first && last ? meetingDays(first, last, plenaryDaysListed(def), def.meeting.holidays).length : undefined,
    interpretation: interpretation === undefined ? undefined : interpretation === 'all' ? locale.messages.format('allOfficialLanguages') : locale.list(inLanguageOrder(locale, interpretation).map((l) => locale.languageNames[l])),
    symbol: documentSymbols(def.document.symbol).join(locale.jointSymbolSeparator),
  };
}

function listItem(item: ItemDef, path: Path, label: string, inline: (t: string, p: Path) => Inline[], locale: Locale, style: HouseStyle): AgendaListItem {
  const p = style.listPunctuation === 'none' ? { beforeSubItems: '', betweenSubItems: '', last: '' } : locale.listPunctuation;
  // UN list punctuation: an entry with sub-items ends with a colon, the others with a
  // semicolon, except the last entry of the item, which closes it with a full stop.
  const entry = (it: ItemDef, at: Path, lbl: string, depth: 1 | 2 | 3, closesItem: boolean): AgendaListItem => {
    const subs = depth < 3 ? (it.items ?? []) : [];
    const title = inline(it.title, [...at, 'title']);
    // Calls that end the title go after the punctuation the list adds.
    let end = title.length;
    while (end > 0 && title[end - 1]!.type === 'noteRef') end--;
    return {
      id: it.id,
      elementId: itemElementId(it.id),
      label: lbl,
      title: end === title.length ? title : title.slice(0, end),
      punctuation: subs.length ? p.beforeSubItems : closesItem ? p.last : p.betweenSubItems,
      ...(end === title.length ? {} : { notesAfter: title.slice(end) as NoteRef[] }),
      children: subs.map((sub, j) =>
        entry(sub, [...at, 'items', j], depth === 1 ? locale.subItemLetter(j + 1) : locale.subSubItemLabel(j + 1), depth === 1 ? 2 : 3, closesItem && j === subs.length - 1),
      ),
      origin: { path: at },
    };
  };
  // A group's heading precedes the item in reading order: its footnote calls are numbered first.
  const groupHeading = item.group_heading === undefined ? undefined : { elementId: groupElementId(item.id), content: inline(item.group_heading, [...path, 'group_heading']) };
  const out = entry(item, path, label, 1, true);
  if (groupHeading) out.groupHeading = groupHeading;
  return out;
}

/**
 * Where each group's heading prints in the annotations: above the first item of the group
 * whose section prints (by index). A group none of whose items is annotated has no heading there.
 */
function annotationGroupHeadings(items: readonly ItemDef[], printed: (item: ItemDef) => boolean): Map<number, { text: string; path: Path; opener: string }> {
  const out = new Map<number, { text: string; path: Path; opener: string }>();
  let pending: { text: string; path: Path; opener: string } | undefined;
  items.forEach((item, i) => {
    if (item.group_heading !== undefined) pending = { text: item.group_heading, path: ['items', i, 'group_heading'], opener: item.id };
    if (pending && printed(item)) {
      out.set(i, pending);
      pending = undefined;
    }
  });
  return out;
}

/** Whether the definition gives an item annotation text, documentation, or an annotated sub-item (`depth` 1 for items). */
function annotated(item: ItemDef, depth: number): boolean {
  if ((item.annotation !== undefined && plainText(item.annotation) !== '') || item.documentation !== undefined) return true;
  return depth < 3 && (item.items ?? []).some((sub) => annotated(sub, depth + 1));
}

/**
 * An item's annotation section; `numbers` are its place, counting from 1 ([2], [2, 1],
 * [2, 1, 3]), and the locale prints them. A section that `shows` is added to `shown` and
 * its texts converted (their footnote calls numbered) only then; the others keep their
 * numbers, which the rules cite.
 */
function section(
  item: ItemDef,
  path: Path,
  numbers: number[],
  label: string,
  ctx: InlineContext,
  locale: Locale,
  def: MeetingDefinition,
  shows: (item: ItemDef, depth: number) => boolean,
  shown: Set<AnnotationSection>,
  titles: PrintedTitles,
): AnnotationSection {
  const level = numbers.length as 1 | 2 | 3;
  const printed = shows(item, level);
  const heading = item.annotation_title !== undefined ? 'annotation_title' : 'title';
  const repeated = heading === 'title' && titles.titleCalled.has(item.id);
  const title = !printed ? [] : repeated ? titles.again(item.title, [...path, 'title']) : convertInline(item[heading]!, [...path, heading], ctx);
  if (printed && heading === 'title') titles.titleCalled.add(item.id);
  const paragraphs: Paragraph[] = printed && item.annotation ? convertParagraphs(item.annotation, [...path, 'annotation'], ctx, true) : [];
  const entries = printed ? item.documentation?.map((doc, k) => documentationEntry(doc, [...path, 'documentation', k], ctx, def, locale)) : undefined;
  const number = locale.itemNumber(numbers[0]!, numbers[1], numbers[2]);
  const subs = level < 3 ? (item.items ?? []) : [];
  const s: AnnotationSection = {
    id: item.id,
    elementId: itemElementId(item.id),
    level,
    label,
    number,
    title,
    paragraphs,
    documentation: entries && { heading: locale.messages.format('documentation'), entries },
    reviewMechanism: item.review_mechanism ?? false,
    children: subs.map((sub, j) =>
      section(sub, [...path, 'items', j], [...numbers, j + 1], level === 1 ? locale.subItemLetter(j + 1) : locale.subSubItemLabel(j + 1), ctx, locale, def, shows, shown, titles),
    ),
    origin: { path },
  };
  if (printed) shown.add(s);
  return s;
}

/**
 * The sections that print (`shown`), with their paragraphs numbered where the house style
 * numbers them (1., 2., … through the annotations, in reading order). An item without
 * annotation has no heading unless the style prints every heading, or unless no item has
 * one yet: an annotated agenda whose annotations are still to be written shows the headings
 * to fill in.
 */
function printedSections(sections: readonly AnnotationSection[], shown: ReadonlySet<AnnotationSection>, style: HouseStyle, locale: Locale): AnnotationSection[] {
  const keep = (list: readonly AnnotationSection[]): AnnotationSection[] =>
    list.flatMap((s) => (shown.has(s) ? [s.children.length ? { ...s, children: keep(s.children) } : s] : []));
  const kept = keep(sections);
  if (!style.numberedParagraphs) return kept;
  let n = 0;
  const numbered = (s: AnnotationSection): AnnotationSection => ({
    ...s,
    paragraphs: s.paragraphs.map((p) => (p.heading ? p : { ...p, label: locale.messages.format('paragraphLabel', { number: ++n }) })),
    children: s.children.map(numbered),
  });
  return kept.map(numbered);
}

/** "Background paper ... (CTOC/COP/WG.3/2023/3 – CTOC/COP/WG.4/2023/3)." */
function documentationEntry(doc: NonNullable<ItemDef['documentation']>[number], path: Path, ctx: InlineContext, def: MeetingDefinition, locale: Locale): Paragraph {
  const title = convertInline(doc.title, [...path, 'title'], ctx);
  const written = doc.symbol === undefined ? [] : typeof doc.symbol === 'string' ? [doc.symbol] : doc.symbol;
  const symbols: Inline[] = [];
  written.forEach((symbol, i) => {
    if (i) symbols.push({ type: 'text', value: locale.jointSymbolSeparator });
    symbols.push({ type: 'symbol', value: symbol, url: symbolUrl(def, symbol) });
  });
  const entry = symbols.length ? richMessage(locale, 'titleWithSymbols', { title, symbols }) : title;
  return { content: richMessage(locale, 'documentationEntry', { entry }), origin: { path } };
}

type Rich = Inline | Inline[];
/** `<em>` of a rich message: its parts in italics. */
const em = (parts: (string | Rich)[]): Rich => ({ type: 'emphasis', children: flatInlines(parts) });

/** The parts of a rich message as inline nodes: text becomes text nodes, lists are spliced in. */
function flatInlines(parts: readonly (string | Rich)[]): Inline[] {
  const out: Inline[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      if (part) out.push({ type: 'text', value: part });
    } else if (Array.isArray(part)) appendAll(out, part);
    else out.push(part);
  }
  return out;
}

/**
 * A catalogue message whose arguments are inline nodes, as inline nodes; `<em>` gives
 * emphasis. Runs for every documentation entry and annex row: the tag function is passed
 * only to messages that have tags.
 */
function richMessage(locale: Locale, id: MessageId, args: Record<string, Inline[]>): Inline[] {
  const messages = locale.messages;
  return flatInlines(messages.parts<Rich>(id, messages.hasTags(id) ? { ...args, em } : args));
}

/** Element ids: stable across edits that move or renumber things, unique in the document. */
const itemElementId = (id: string) => `item-${id}`;
/** A group's element id, from the id of the item that opens it. */
const groupElementId = (openerId: string) => `group-${openerId}`;
const noteElementId = (id: string) => `note-${id}`;
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;

/** Hands out ids, suffixing "-2", "-3" ... to one already given (two slots that start at the same time). */
function uniqueIds(): (id: string) => string {
  const given = new Map<string, number>();
  return (id) => {
    const n = (given.get(id) ?? 0) + 1;
    given.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  };
}

function symbolUrl(def: MeetingDefinition, symbol: string): string | undefined {
  return def.links?.symbol?.replace('{symbol}', encodeURI(symbol));
}

function buildAnnex(
  def: MeetingDefinition,
  locale: Locale,
  items: Map<string, ItemInfo>,
  inline: (t: string, p: Path) => Inline[],
  slots: (ParsedSlot | undefined)[][],
  report: Report,
  titles: PrintedTitles,
): Annex | undefined {
  const days = def.organization_of_work;
  if (!days) return undefined;
  const seen = new Set<string>();
  const seenUnder = new Set<string>(); // business under an item, by item and title
  let idList: string | undefined; // for hints, made once
  const msg = locale.messages;
  const elementId = uniqueIds();
  return {
    heading: msg.format('annex'),
    title: msg.format('organizationOfWork'),
    columns: { dateAndTime: msg.format('columnDateAndTime'), agendaItem: msg.format('columnAgendaItem'), titleOrDescription: msg.format('columnTitleOrDescription') },
    days: days.map((day, d) => {
      const date = parseIsoDate(day.date)!;
      return {
        date: day.date,
        elementId: elementId(`day-${day.date}`),
        label: locale.dayHeading(date),
        origin: { path: ['organization_of_work', d] },
        slots: day.slots.map((slot, s) => {
          const parsed = slots[d]?.[s];
          const slotPath = ['organization_of_work', d, 'slots', s];
          const takenUp = new Set<string>(); // a set: a slot may list thousands of items
          const takenUpUnder = new Set<string>();
          const itemsUnder = new Set<string>();
          /**
           * Business under an item ("5 | Australia"): the item's number, the entry's own title,
           * "(continued)" when the same business was taken up in an earlier meeting. It takes the
           * item up: a later row of the item alone is "(continued)".
           */
          const underItemRow = (entry: { item: string; title: string }, path: Path): AnnexRow[] => {
            const info = items.get(entry.item);
            if (!info) {
              idList ??= someIds([...items.keys()]);
              report([...path, 'item'], 'unknown-item', `the organization of work refers to an agenda item that does not exist: '${entry.item}'`, `the item ids are: ${idList}`);
              return [];
            }
            const key = `${entry.item}\u0000${entry.title}`;
            if (takenUpUnder.has(key)) {
              report(path, 'duplicate-entry', `'${entry.title}' under agenda item ${info.number} is listed twice in the same meeting`, 'list each entry once per meeting');
              return [];
            }
            const continued = seenUnder.has(key);
            takenUpUnder.add(key);
            itemsUnder.add(entry.item);
            const written = inline(entry.title, [...path, 'title']);
            return [{ item: info.number, itemId: entry.item, itemElementId: itemElementId(entry.item), title: continued ? richMessage(locale, 'continuedTitle', { title: written }) : written, continued, origin: { path } }];
          };
          const rows = slot.items.flatMap((entry, e): AnnexRow[] => {
            const path = [...slotPath, 'items', e];
            if (typeof entry !== 'string' && entry.item === undefined) return [{ title: inline(entry.title, [...path, 'title']), continued: false, origin: { path } }];
            if (typeof entry !== 'string') return underItemRow(entry as { item: string; title: string }, path);
            const info = items.get(entry);
            if (!info) {
              idList ??= someIds([...items.keys()]);
              report(path, 'unknown-item', `the organization of work refers to an agenda item that does not exist: '${entry}'`, `the item ids are: ${idList}`);
              return [];
            }
            if (takenUp.has(entry)) {
              report(path, 'duplicate-entry', `agenda item ${info.number} ('${entry}') is listed twice in the same meeting`, 'list each item once per meeting');
              return [];
            }
            // "(continued)" marks every appearance of an item after the meeting that first took it up.
            const continued = seen.has(entry);
            takenUp.add(entry);
            const field = info.def.short_title !== undefined ? 'short_title' : 'title';
            const written = field === 'title' && titles.titleCalled.has(entry) ? titles.again(info.def.title, [...info.path, 'title']) : inline(info.def[field]!, [...info.path, field]);
            if (field === 'title') titles.titleCalled.add(entry);
            const title = continued ? richMessage(locale, 'continuedTitle', { title: written }) : written;
            return [{ item: info.number, itemId: entry, itemElementId: itemElementId(entry), title, continued, origin: { path } }];
          });
          takenUp.forEach((id) => seen.add(id));
          itemsUnder.forEach((id) => seen.add(id));
          takenUpUnder.forEach((key) => seenUnder.add(key));
          return {
            // From the day and the start: an id that stays when slots are added before it.
            elementId: elementId(`slot-${day.date}-${parsed ? hhmm(parsed.start) : `n${s + 1}`}`),
            ...(parsed ? slotTime(locale, parsed.start, parsed.end) : { time: cleanText(slot.time) }),
            ...(parsed ? { start: parsed.start, end: parsed.end } : {}),
            rows,
            origin: { path: slotPath },
          };
        }),
      };
    }),
  };
}

/** `unprintedGroups`: the items whose group heading the document does not print. */
function collectFootnotes(def: MeetingDefinition, calls: Map<string, { number: number; count: number }>, ctx: InlineContext, report: Report, locale: Locale, annotationsPrinted: boolean, unprintedGroups: readonly ItemDef[]): Footnote[] {
  const notes: Footnote[] = [];
  const inner: InlineContext = { ...ctx, allowFootnotes: false };
  for (const [id, text] of Object.entries(def.footnotes ?? {})) {
    const call = calls.get(id);
    const path = ['footnotes', id];
    if (!call) {
      if (!annotationsPrinted && calledInAnnotations(def.items, id)) {
        report(path, 'unused-footnote', `footnote '${id}' is referred to only in annotations, which this kind of document does not print`, `refer to it in a title, or remove it (document.kind: ${def.document.kind})`);
        continue;
      }
      const group = unprintedGroups.find((item) => item.group_heading!.toLowerCase().includes(`[^${id.toLowerCase()}]`));
      if (group) {
        report(path, 'unused-footnote', `footnote '${id}' is referred to only in the group heading above item '${group.id}', which does not print: no item of the group has an annotation`, 'annotate an item of the group, or refer to the footnote in a text that prints');
        continue;
      }
      report(path, 'unused-footnote', `footnote '${id}' is never referred to`, `refer to it in the text as [^${id}], or remove it`);
      continue;
    }
    const backLabels = Array.from({ length: call.count }, (_, i) => locale.messages.format('backToReference', { number: call.number, occurrence: i + 1, calls: call.count > 1 ? 'several' : 'single' }));
    notes.push({ number: call.number, id, elementId: noteElementId(id), content: convertInline(text, path, inner), references: call.count, backLabels, origin: { path } });
  }
  return notes.sort((a, b) => a.number - b.number);
}

interface FrontMatter {
  title: string;
  titleContent?: Inline[];
  titleMark?: string;
  symbolMark?: string;
  underItem?: UnderItemLine;
  subtitle: Paragraph[];
  introduction: Paragraph[];
  starNotes: StarNote[];
}

/** Where an asterisk note can stand, in the order the marks are handed out (top of the page first). */
const NOTE_TARGETS = ['symbol', 'under_item', 'title'] as const;

/**
 * The title, the lines under it, the paragraphs before the list, the "Item N of the
 * provisional agenda" line and the asterisk notes of the first page.
 */
function frontMatter(def: MeetingDefinition, locale: Locale, items: Map<string, ItemInfo>, ctx: InlineContext, report: Report, kindName: DocumentKindName, again: PrintedTitles['again']): FrontMatter {
  const doc = def.document;
  const msg = locale.messages;
  const front: FrontMatter = { title: '', subtitle: [], introduction: [], starNotes: [] };

  // The notes of each target: the agenda's symbol first on the "Item N" line, then the author's notes.
  const noteTexts = new Map<(typeof NOTE_TARGETS)[number], { content: () => Inline[]; path: Path }>();
  const addNote = (on: (typeof NOTE_TARGETS)[number], content: () => Inline[], path: Path) => {
    if (noteTexts.has(on)) {
      report(path, 'duplicate-note', `the ${on === 'under_item' ? "'Item N of the provisional agenda' line" : on} already has an asterisk note`, 'mark one note on each of the symbol, the item line and the title; put further text in that note');
      return;
    }
    noteTexts.set(on, { content, path });
  };

  let underItem: { info: ItemInfo; path: Path } | undefined;
  if (doc.under_item !== undefined) {
    const written = typeof doc.under_item === 'string' ? doc.under_item : doc.under_item.item;
    const path: Path = typeof doc.under_item === 'string' ? ['document', 'under_item'] : ['document', 'under_item', 'item'];
    const info = items.get(written) ?? [...items.values()].find((i) => hasRole(i.def, written, locale.roleWordings));
    if (info) underItem = { info, path };
    else report(path, 'unknown-item', `'${written}' is neither the id nor the role of an agenda item`, `give the id of an item (${someIds([...items.keys()])}) or a role such as adoption-of-agenda`);
    const agendaSymbol = typeof doc.under_item === 'string' ? undefined : doc.under_item.agenda_symbol;
    if (info && agendaSymbol !== undefined) {
      const symbol = plainText(agendaSymbol);
      addNote('under_item', () => richMessage(locale, 'agendaSymbolNote', { symbol: [{ type: 'symbol', value: symbol, url: symbolUrl(def, symbol) }] }), ['document', 'under_item', 'agenda_symbol']);
    }
  }
  const noteCtx: InlineContext = { ...ctx, allowFootnotes: false };
  doc.notes?.forEach((note, k) => {
    const path: Path = ['document', 'notes', k, 'text'];
    if (note.on === 'under_item' && !underItem) {
      if (doc.under_item === undefined) report(['document', 'notes', k, 'on'], 'note-without-line', "this note is marked on the 'Item N of the provisional agenda' line, which the document does not print", "give 'document.under_item', or mark the note on the title or the symbol");
      return;
    }
    addNote(note.on, () => convertInline(note.text, path, noteCtx), path);
  });
  const marks = new Map<string, string>();
  for (const on of NOTE_TARGETS) {
    const note = noteTexts.get(on);
    if (!note) continue;
    const mark = '*'.repeat(marks.size + 1);
    marks.set(on, mark);
    front.starNotes.push({ mark, elementId: `star-note-${marks.size}`, content: note.content(), origin: { path: note.path } });
  }
  if (marks.has('symbol')) front.symbolMark = marks.get('symbol');

  if (underItem) {
    const { info } = underItem;
    // The item's title once more, without its footnote calls: they belong to the list, where they are numbered.
    const title = again(info.def.title, [...info.path, 'title']);
    front.underItem = {
      line: msg.format(DOCUMENT_KINDS[kindName].provisional ? 'underItem' : 'underAgendaItem', { number: info.number }),
      ...(marks.has('under_item') ? { mark: marks.get('under_item') } : {}),
      itemId: info.def.id,
      elementId: itemElementId(info.def.id),
      title,
      origin: { path: underItem.path },
    };
  }

  if (doc.title === undefined) front.title = msg.format('documentTitleByKind', { kind: selectKey(kindName) });
  else {
    const content = convertInline(doc.title, ['document', 'title'], ctx);
    front.title = inlineText(content);
    if (!(content.length === 1 && content[0]!.type === 'text')) front.titleContent = content;
  }
  if (marks.has('title')) front.titleMark = marks.get('title');

  if (doc.subtitle !== undefined) {
    const lines = typeof doc.subtitle === 'string' ? [doc.subtitle] : doc.subtitle;
    lines.forEach((line, k) => {
      const path: Path = typeof doc.subtitle === 'string' ? ['document', 'subtitle'] : ['document', 'subtitle', k];
      front.subtitle.push({ content: convertInline(line, path, ctx), origin: { path } });
    });
  }
  if (doc.introduction !== undefined) front.introduction = convertParagraphs(doc.introduction, ['document', 'introduction'], ctx);
  return front;
}

/** A slot's time and the one place it may break: before the end's own text ("3–" / "6 p.m."). */
function slotTime(locale: Locale, start: number, end: number): { time: string; timeBreak?: number } {
  const time = locale.timeRange(start, end);
  const at = time.lastIndexOf(locale.time(end));
  return at > 0 && at < time.length ? { time, timeBreak: at } : { time };
}

/** The line under the session: place and dates, either alone, or none. */
function placeAndDatesLine(def: MeetingDefinition, locale: Locale, facts: MeetingFacts): string | undefined {
  const venue = def.meeting.show_venue === false ? undefined : def.meeting.venue;
  const dates = def.meeting.show_dates === false ? undefined : facts.dates;
  const msg = locale.messages;
  if (venue !== undefined && dates !== undefined) return msg.format('placeAndDates', { venue, dates });
  if (venue !== undefined) return msg.format('placeOnly', { venue });
  if (dates !== undefined) return msg.format('datesOnly', { dates });
  return undefined;
}

/** How a title printed before is printed again (without its footnote calls), and the items whose titles have printed. */
interface PrintedTitles {
  again: (text: string, path: Path) => Inline[];
  titleCalled: Set<string>;
}

function withoutNoteRefs(nodes: readonly Inline[]): Inline[] {
  return nodes.flatMap((n): Inline[] => (n.type === 'noteRef' ? [] : 'children' in n ? [{ ...n, children: withoutNoteRefs(n.children) }] : [n]));
}

/** The text of inline nodes, for metadata. */
function inlineText(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.type === 'text' || n.type === 'symbol' ? n.value : n.type === 'noteRef' ? '' : inlineText(n.children))).join('');
}

/** Whether an annotation or documentation entry of these items calls footnote `id` (the call's case does not matter). */
function calledInAnnotations(items: readonly ItemDef[], id: string): boolean {
  const call = `[^${id.toLowerCase()}]`;
  return items.some((it) => (it.annotation ?? '').toLowerCase().includes(call) || (it.documentation ?? []).some((d) => d.title.toLowerCase().includes(call)) || calledInAnnotations(it.items ?? [], id));
}

/** The symbol series of the principal organs: General Assembly, Economic and Social Council, Security Council. */
const PRINCIPAL_SERIES = ['A', 'E', 'S'];

function buildMasthead(def: MeetingDefinition, locale: Locale, date: CalendarDate, style: HouseStyle): Masthead {
  const doc = def.document;
  // The right-hand column (distribution, date, original) may be in another language than the document (Russian prints it in English).
  const column = locale.mastheadColumn ?? locale;
  const msg = column.messages;
  const names = column.languageNames;
  const job = doc.job_number;
  let jobInfo: Masthead['job'];
  if (job) {
    // The schema's form: "V.23-11234", optionally with the letter of a language version, "V.23-11234 (E)".
    const letter = /\s*\([A-Z]\)$/.exec(job);
    const baseNumber = letter ? job.slice(0, letter.index) : job;
    const number = letter ? job : locale.messages.format('jobNumber', { base: baseNumber });
    const digits = baseNumber.replace(/^[A-Z]+\./, '').replace('-', '');
    const dates = [doc.processed, doc.issued].flatMap((s) => (s && parseIsoDate(s) ? [parseIsoDate(s)!] : []));
    jobInfo = { number, baseNumber, stamps: dates.map(stamp), stampDates: dates.map(isoDate), barcode: `*${digits}*` };
  }
  const symbols = documentSymbols(doc.symbol);
  // Unless the definition names the organ (`organ`, else `parent_body`), a document names the principal organ of its series: "A/..." the General Assembly.
  const series = symbols[0]!.split('/')[0]!;
  // Words of the document's own language: "United Nations", the principal organ, the QR code's address and the recycling mark.
  const own = locale.messages;
  const named = def.organ ?? def.parent_body;
  const principal = named !== undefined ? '' : own.format('principalOrgan', { series });
  const organ = named ?? (principal || def.body);
  const organOrigin: Origin | undefined = def.organ !== undefined ? { path: ['organ'] } : def.parent_body !== undefined ? { path: ['parent_body'] } : principal ? undefined : { path: ['body'] };
  // The principal organs (the series A, E and S name them) are set larger, whether named by the symbol or as the parent body.
  const principalOrgan = PRINCIPAL_SERIES.some((s) => own.format('principalOrgan', { series: s }) === organ);
  const older = style.masthead === 'older';
  return {
    unitedNations: own.format('unitedNations'),
    organ,
    ...(organOrigin ? { organOrigin } : {}),
    ...(principalOrgan ? { principalOrgan: true as const } : {}),
    // The older style predates the QR code and the recycling mark.
    ...(older ? {} : { address: doc.address ?? own.format('documentAddress', { symbol: encodeURI(symbols[0]!) }), recycle: own.format('pleaseRecycle') }),
    ...(doc.emblem === undefined ? {} : { emblem: { file: doc.emblem, alt: own.format('emblemAlt'), origin: { path: ['document', 'emblem'] } } }),
    symbol: symbols.join(locale.jointSymbolSeparator),
    symbols,
    symbolUrl: symbolUrl(def, symbols[0]!),
    distribution: msg.format(older ? 'distributionOlder' : 'distribution', { distribution: doc.distribution ?? 'general' }),
    date: column.date(date),
    isoDate: isoDate(date),
    ...(column !== locale ? { columnLang: column.tag } : {}),
    // A version in another language than the original names its language above "Original".
    ...((def.language ?? 'en') !== (doc.original ?? def.language ?? 'en') ? { versionLanguage: column.capitalize(names[def.language ?? 'en']) } : {}),
    original: older ? msg.format('originalOlder', { language: column.upperCase(names[doc.original ?? def.language ?? 'en']) }) : msg.format('original', { language: names[doc.original ?? def.language ?? 'en'] }),
    // A line of its own, which begins with a capital: "Anglais, espagnol et français seulement".
    languagesOnly: doc.languages ? column.capitalize(msg.format('languagesOnly', { languages: column.list(inLanguageOrder(column, doc.languages).map((l) => names[l])) })) : undefined,
    job: jobInfo,
  };
}

/**
 * The fields of plain text (names, venue, title) with YAML line folding collapsed: a
 * `body: |` block would otherwise carry its line breaks into every output.
 */
function withPlainTextCleaned(def: MeetingDefinition): MeetingDefinition {
  return {
    ...def,
    document: {
      ...def.document,
      symbol: typeof def.document.symbol === 'string' ? plainText(def.document.symbol) : def.document.symbol.map(plainText),
      ...(def.document.title === undefined ? {} : { title: plainText(def.document.title) }),
    },
    body: plainText(def.body),
    ...(def.organ === undefined ? {} : { organ: plainText(def.organ) }),
    ...(def.parent_body === undefined ? {} : { parent_body: plainText(def.parent_body) }),
    meeting: { ...def.meeting, ...(def.meeting.venue === undefined ? {} : { venue: plainText(def.meeting.venue) }) },
  };
}

/** Diagnostics of one kind listed per field; the rest are counted (as the rules do). */
const MAX_REPORTS_PER_FIELD = 20;
const MAX_REPORTS_PER_CODE = 100;

/** "a, b, c, … (4,000 in all)": a hint that lists ids stays one line long. */
function someIds(ids: readonly string[]): string {
  return ids.length <= 12 ? ids.join(', ') : `${ids.slice(0, 12).join(', ')}, … (${ids.length.toLocaleString('en')} in all)`;
}

/**
 * The Markdown parser matches emphasis and link brackets by looking back over the
 * paragraph's open ones, which takes time growing with the square of their number. No
 * real paragraph has hundreds; past this many, the text is refused rather than parsed.
 */
export const MAX_MARKUP_PER_PARAGRAPH = 500;

/**
 * The Markdown parser spends hundreds of bytes and some microseconds on each escape,
 * character reference, placeholder, autolink and line ending, and holds them all until
 * the paragraph ends. A paragraph that needs the parser (plain text, placeholders and
 * escapes do not) may have this many; no real one has a hundred.
 */
export const MAX_PARSED_PER_PARAGRAPH = 5000;

/**
 * Offset of the first of the characters `\`, `&`, `{`, `<` and line ending past the
 * per-paragraph budget, or -1. An escape counts once. One pass.
 */
export function constructOverflow(text: string, budget = MAX_PARSED_PER_PARAGRAPH): number {
  let count = 0;
  let lineBlank = true;
  let lineEnd = -1; // the line ending before this line, if it ended a line of the paragraph
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      if (lineBlank) count = 0; // a blank line ends the paragraph
      lineEnd = lineBlank ? -1 : i;
      lineBlank = true;
      continue;
    }
    if (ch === 32 || ch === 9 || ch === 13) continue;
    if (lineBlank && lineEnd >= 0 && ++count > budget) return lineEnd; // a line break inside the paragraph
    lineBlank = false;
    if (ch === 92 || ch === 38 || ch === 123 || ch === 60) {
      if (++count > budget) return i;
      if (ch === 92) i++; // the escaped character
    }
  }
  return -1;
}

/** Every text field that holds Markdown inline text, with its path. */
function inlineTextFields(def: MeetingDefinition): { text: string; path: Path }[] {
  const out: { text: string; path: Path }[] = [];
  const item = (it: ItemDef, path: Path) => {
    out.push({ text: it.title, path: [...path, 'title'] });
    if (it.short_title !== undefined) out.push({ text: it.short_title, path: [...path, 'short_title'] });
    if (it.annotation_title !== undefined) out.push({ text: it.annotation_title, path: [...path, 'annotation_title'] });
    if (it.group_heading !== undefined) out.push({ text: it.group_heading, path: [...path, 'group_heading'] });
    if (it.annotation !== undefined) out.push({ text: it.annotation, path: [...path, 'annotation'] });
    it.documentation?.forEach((d, k) => out.push({ text: d.title, path: [...path, 'documentation', k, 'title'] }));
    it.items?.forEach((sub, j) => item(sub, [...path, 'items', j]));
  };
  if (def.document.title !== undefined) out.push({ text: def.document.title, path: ['document', 'title'] });
  if (def.document.introduction !== undefined) out.push({ text: def.document.introduction, path: ['document', 'introduction'] });
  def.document.notes?.forEach((n, k) => out.push({ text: n.text, path: ['document', 'notes', k, 'text'] }));
  if (typeof def.document.subtitle === 'string') out.push({ text: def.document.subtitle, path: ['document', 'subtitle'] });
  else def.document.subtitle?.forEach((line, k) => out.push({ text: line, path: ['document', 'subtitle', k] }));
  def.items.forEach((it, i) => item(it, ['items', i]));
  for (const [id, text] of Object.entries(def.footnotes ?? {})) out.push({ text, path: ['footnotes', id] });
  def.organization_of_work?.forEach((day, d) =>
    day.slots.forEach((slot, s) => slot.items.forEach((e, k) => typeof e !== 'string' && out.push({ text: e.title, path: ['organization_of_work', d, 'slots', s, 'items', k, 'title'] }))),
  );
  return out;
}

/** Offset of the first markup character past the per-paragraph budget, or -1. One pass. */
export function markupOverflow(text: string, budget = MAX_MARKUP_PER_PARAGRAPH): number {
  let count = 0;
  let lineBlank = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      if (lineBlank) count = 0; // a blank line ends the paragraph
      lineBlank = true;
      continue;
    }
    if (ch !== ' ' && ch !== '\t' && ch !== '\r') lineBlank = false;
    if (ch === '\\') {
      i++; // an escaped character is never markup
      continue;
    }
    if ((ch === '*' || ch === '_' || ch === '[' || ch === ']') && ++count > budget) return i;
  }
  return -1;
}

function reportHeavyMarkup(def: MeetingDefinition, report: Report): boolean {
  let found = false;
  let knownIds: Set<string> | undefined;
  for (const { text, path } of inlineTextFields(def)) {
    const dense = constructOverflow(text);
    // Rare, and then only a text that the parser would read counts (plainParagraphs reads the others in one pass).
    if (dense >= 0 && !eachPlainParagraph(text, (knownIds ??= new Set(Object.keys(def.footnotes ?? {}).map((id) => id.toLowerCase()))), () => {})) {
      found = true;
      report(
        path,
        'too-much-markup',
        `a paragraph of this text has more than ${MAX_PARSED_PER_PARAGRAPH.toLocaleString('en')} backslashes, ampersands, braces, angle brackets and line breaks together with other markup, which the Markdown parser reads one by one`,
        'split the paragraph with blank lines, or remove what repeats',
        dense,
      );
      continue;
    }
    const at = markupOverflow(text);
    if (at < 0) continue;
    found = true;
    report(
      path,
      'too-much-markup',
      `a paragraph of this text has more than ${MAX_MARKUP_PER_PARAGRAPH} of the characters *, _, [ and ], which are read as emphasis and links`,
      'split the paragraph, or write literal ones with a backslash (\\*, \\_, \\[, \\])',
      at,
    );
  }
  return found;
}

/** A required text that is only spaces would print as nothing (the schema only counts characters). */
function reportEmptyTexts(def: MeetingDefinition, report: Report): void {
  const check = (text: string | undefined, path: Path) => {
    if (text !== undefined && plainText(text) === '') report(path, 'empty-text', 'this text is empty (only spaces or line breaks)', 'write the text, or remove the field if it is optional');
  };
  check(def.document.title, ['document', 'title']);
  def.document.notes?.forEach((n, k) => check(n.text, ['document', 'notes', k, 'text']));
  check(def.document.introduction, ['document', 'introduction']);
  if (Array.isArray(def.document.subtitle)) def.document.subtitle.forEach((line, k) => check(line, ['document', 'subtitle', k]));
  else check(def.document.subtitle, ['document', 'subtitle']);
  check(def.organ, ['organ']);
  check(def.parent_body, ['parent_body']);
  check(def.body, ['body']);
  check(def.meeting.venue, ['meeting', 'venue']);
  const item = (it: ItemDef, path: Path) => {
    check(it.title, [...path, 'title']);
    check(it.short_title, [...path, 'short_title']);
    check(it.annotation_title, [...path, 'annotation_title']);
    check(it.group_heading, [...path, 'group_heading']);
    it.documentation?.forEach((d, k) => check(d.title, [...path, 'documentation', k, 'title']));
    it.items?.forEach((sub, j) => item(sub, [...path, 'items', j]));
  };
  def.items.forEach((it, i) => item(it, ['items', i]));
  for (const [id, text] of Object.entries(def.footnotes ?? {})) check(text, ['footnotes', id]);
  def.organization_of_work?.forEach((day, d) =>
    day.slots.forEach((slot, s) => slot.items.forEach((e, k) => typeof e !== 'string' && check(e.title, ['organization_of_work', d, 'slots', s, 'items', k, 'title']))),
  );
}

/** Every text field of the definition, parsed in one pass of the Markdown parser. */
function parseAllTexts(def: MeetingDefinition, footnoteIds: readonly string[]): Map<string, ParsedText> {
  const texts = new Set<string>();
  const addItem = (item: ItemDef) => {
    texts.add(item.title);
    if (item.short_title !== undefined) texts.add(item.short_title);
    if (item.annotation_title !== undefined) texts.add(item.annotation_title);
    if (item.group_heading !== undefined) texts.add(item.group_heading);
    if (item.annotation !== undefined) texts.add(item.annotation);
    item.documentation?.forEach((doc) => texts.add(doc.title));
    item.items?.forEach(addItem);
  };
  def.items.forEach(addItem);
  Object.values(def.footnotes ?? {}).forEach((t) => texts.add(t));
  def.organization_of_work?.forEach((day) => day.slots.forEach((slot) => slot.items.forEach((e) => typeof e !== 'string' && texts.add(e.title))));
  const list = [...texts];
  const parsed = parseFields(list, footnoteIds);
  return new Map(list.map((t, i) => [t, parsed[i]!]));
}
