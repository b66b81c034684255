import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type ICharacterStyleOptions, type IStylesOptions } from 'docx';
import { UN_PAGE, type TextStyle } from '../../page/template.js';

/**
 * The page template as named Word styles: an editor changes the body size or a heading's
 * spacing once, in the style, and every paragraph follows. Lengths convert from the
 * template's points and millimetres; Word counts twips (1/20 pt) and half-points.
 */

export const twips = (pt: number) => Math.round(pt * 20);
export const mmTwips = (mm: number) => Math.round((mm * 72 * 20) / 25.4);
export const halfPoints = (pt: number) => Math.round(pt * 2);

const T = UN_PAGE;
const INDENT = mmTwips(T.indentMm);
const HANG = mmTwips(T.list.hangMm);
/** The text frame's width between the margins, in millimetres. */
export const FRAME_MM = (T.size.widthPt * 25.4) / 72 - T.margins.leftMm - T.margins.rightMm;

/** Style ids, as the document's paragraphs and runs name them. */
export const STYLE = {
  body: 'UNBody',
  numbered: 'UNNumberedPara',
  title: 'UNTitle',
  subtitle: 'UNSubtitle',
  section: 'UNSection',
  itemHeading: 'UNItemHeading',
  groupHeading: 'UNGroupHeading',
  documentationHeading: 'UNDocumentationHeading',
  annotationSubheading: 'UNAnnotationSubheading',
  documentationEntry: 'UNDocumentationEntry',
  list1: 'UNList1',
  list2: 'UNList2',
  list3: 'UNList3',
  annexHeading: 'UNAnnexHeading',
  annexTitle: 'UNAnnexTitle',
  tableText: 'UNTableText',
  tableHead: 'UNTableHead',
  mastheadUnitedNations: 'UNMastheadUnitedNations',
  mastheadSymbol: 'UNMastheadSymbol',
  mastheadOrgan: 'UNMastheadOrgan',
  mastheadColumn: 'UNMastheadColumn',
  meeting: 'UNMeeting',
  furniture: 'UNFurniture',
  footnoteText: 'FootnoteText',
  footnoteReference: 'FootnoteReference',
  symbolFirstPart: 'UNSymbolFirstPart',
  hyperlink: 'Hyperlink',
} as const;

/** The subset of a paragraph style the template decides: size, leading and spacing. */
function spacing(s: TextStyle) {
  // "At least" the template's leading: superscript calls and Arabic or Chinese glyphs are not clipped.
  return { before: twips(s.beforePt), after: twips(s.afterPt), line: twips(s.leadingPt), lineRule: LineRuleType.AT_LEAST };
}

/**
 * The styles, built for a document's fonts and direction (`rtl`: the styles' paragraphs
 * run right to left, so that a paragraph an editor adds is Arabic too).
 */
export function documentStyles(font: { ascii: string; hAnsi: string; cs: string; eastAsia: string }, lang: { value: string; eastAsia?: string; bidirectional?: string }, rtl: boolean): IStylesOptions {
  const s = T.styles;
  const para = (id: string, name: string, style: TextStyle, extra: { bold?: boolean; italics?: boolean; size?: number; keepNext?: boolean; outlineLevel?: number; indent?: { left?: number; right?: number; hanging?: number }; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]; pageBreakBefore?: boolean } = {}): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: STYLE.body,
    quickFormat: true,
    run: {
      size: halfPoints(extra.size ?? style.sizePt),
      sizeComplexScript: halfPoints(extra.size ?? style.sizePt),
      ...(extra.bold ? { bold: true, boldComplexScript: true } : {}),
      ...(extra.italics ? { italics: true, italicsComplexScript: true } : {}),
    },
    paragraph: {
      spacing: spacing(style),
      ...(extra.keepNext ? { keepNext: true, keepLines: true } : {}),
      // Headings show in Word's navigation pane and outline view.
      ...(extra.outlineLevel !== undefined ? { outlineLevel: extra.outlineLevel } : {}),
      ...(extra.indent ? { indent: extra.indent } : {}),
      ...(extra.alignment ? { alignment: extra.alignment } : {}),
      ...(extra.pageBreakBefore ? { pageBreakBefore: true } : {}),
      ...(rtl ? { bidirectional: true } : {}),
    },
  });
  const char = (id: string, name: string, run: ICharacterStyleOptions['run']): ICharacterStyleOptions => ({ id, name, basedOn: 'DefaultParagraphFont', run });
  // Justified text, as the PDF sets it; Word's "both" aligns to both margins in either direction.
  const justified = AlignmentType.JUSTIFIED;
  const body = s.body;
  const paragraphStyles: IParagraphStyleOptions[] = [
    para(STYLE.body, 'UN Body Text', body, { indent: { left: INDENT, right: INDENT }, alignment: justified }),
    para(STYLE.numbered, 'UN Numbered Paragraph', body, { indent: { left: INDENT, right: INDENT }, alignment: justified }),
    para(STYLE.title, 'UN Heading 1', s.title, { bold: true, keepNext: true, outlineLevel: 0, indent: { left: INDENT, right: INDENT } }),
    para(STYLE.subtitle, 'UN Subtitle', body, { indent: { left: INDENT, right: INDENT } }),
    para(STYLE.section, 'UN Heading 2', s.section, { bold: true, keepNext: true, outlineLevel: 1, indent: { left: INDENT, right: INDENT } }),
    // The item's number hangs in the margin, its title starts at the body indent.
    para(STYLE.itemHeading, 'UN Heading 3', s.item, { bold: true, keepNext: true, outlineLevel: 2, indent: { left: INDENT, right: INDENT, hanging: INDENT } }),
    // A group of items' heading ("Operational segment"): at the items' level, without a label to hang.
    para(STYLE.groupHeading, 'UN Group Heading', s.item, { bold: true, keepNext: true, outlineLevel: 2, indent: { left: INDENT, right: INDENT } }),
    para(STYLE.documentationHeading, 'UN Heading 4', s.documentation, { italics: true, keepNext: true, indent: { left: INDENT, right: INDENT } }),
    // A sub-heading in an item's annotation ("Right to food"), set as the documentation heading.
    para(STYLE.annotationSubheading, 'UN Annotation Subheading', s.documentation, { italics: true, keepNext: true, indent: { left: INDENT, right: INDENT } }),
    para(STYLE.documentationEntry, 'UN Reference Entry', body, { indent: { left: INDENT, right: INDENT }, alignment: justified }),
    // The agenda list: numbers at the body indent, titles one hang further; sub-items one hang in.
    para(STYLE.list1, 'UN List 1', body, { indent: { left: INDENT + HANG, right: INDENT, hanging: HANG }, alignment: justified }),
    para(STYLE.list2, 'UN List 2', { ...body, beforePt: T.list.subItemBeforePt, afterPt: 0 }, { indent: { left: INDENT + 2 * HANG, right: INDENT, hanging: HANG }, alignment: justified }),
    para(STYLE.list3, 'UN List 3', { ...body, beforePt: T.list.subItemBeforePt, afterPt: 0 }, { indent: { left: INDENT + 3 * HANG, right: INDENT, hanging: HANG }, alignment: justified }),
    para(STYLE.annexHeading, 'UN Heading 1 Appendix', { ...s.annex, beforePt: s.annexBeforePt }, { bold: true, keepNext: true, outlineLevel: 1, pageBreakBefore: true }),
    para(STYLE.annexTitle, 'UN Heading 2 Appendix', s.section, { bold: true, keepNext: true, outlineLevel: 2, indent: { left: INDENT, right: INDENT } }),
    para(STYLE.tableText, 'UN Table Text', { sizePt: T.table.sizePt, leadingPt: T.table.leadingPt, beforePt: T.table.padPt / 2, afterPt: T.table.padPt / 2 }),
    para(STYLE.tableHead, 'UN Table Heading', { sizePt: T.table.headPt, leadingPt: T.table.headLeadingPt, beforePt: T.table.padPt, afterPt: T.table.padPt }, { italics: true }),
    para(STYLE.mastheadUnitedNations, 'UN Masthead Organization', { sizePt: T.masthead.unitedNationsPt, leadingPt: T.masthead.unitedNationsPt + 2, beforePt: 0, afterPt: 0 }),
    // "right" (transitional OOXML) ends the line in a right-to-left paragraph too, as LibreOffice shows; "end" is read by fewer programs.
    para(STYLE.mastheadSymbol, 'UN Masthead Symbol', { sizePt: T.masthead.symbolRestPt, leadingPt: T.masthead.symbolRestPt + 2, beforePt: 0, afterPt: 0 }, { alignment: AlignmentType.RIGHT }),
    para(STYLE.mastheadOrgan, 'UN Masthead Organ', { sizePt: T.masthead.organPt, leadingPt: T.masthead.organLeadingPt, beforePt: T.masthead.secondRowGapPt, afterPt: 0 }, { bold: true }),
    para(STYLE.mastheadColumn, 'UN Masthead Column', { sizePt: T.masthead.rightPt, leadingPt: T.masthead.rightLeadingPt, beforePt: 0, afterPt: 0 }),
    para(STYLE.meeting, 'UN Meeting Block', { ...body, beforePt: 0, afterPt: 0 }, { indent: { right: mmTwips(FRAME_MM - T.masthead.meetingWidthMm) } }),
    para(STYLE.furniture, 'UN Running Head and Foot', { sizePt: T.furniture.headPt, leadingPt: T.furniture.headPt + 2, beforePt: 0, afterPt: 0 }),
  ];
  return {
    default: {
      document: {
        run: { font, size: halfPoints(body.sizePt), sizeComplexScript: halfPoints(body.sizePt), language: lang },
        paragraph: { spacing: { before: 0, after: 0, line: twips(body.leadingPt), lineRule: LineRuleType.AT_LEAST } },
      },
      footnoteText: {
        name: 'footnote text',
        basedOn: 'Normal',
        run: { size: halfPoints(s.note.sizePt), sizeComplexScript: halfPoints(s.note.sizePt) },
        paragraph: { spacing: spacing(s.note), indent: { left: INDENT, right: INDENT }, alignment: justified, ...(rtl ? { bidirectional: true } : {}) },
      },
      footnoteReference: { name: 'footnote reference', run: { superScript: true } },
      hyperlink: { name: 'Hyperlink', run: {} },
    },
    paragraphStyles,
    characterStyles: [char(STYLE.symbolFirstPart, 'UN Symbol First Part', { size: halfPoints(T.masthead.symbolFirstPartPt), sizeComplexScript: halfPoints(T.masthead.symbolFirstPartPt) })],
  };
}
