/**
 * Exchange with translators in XLIFF 2.1 (through the `xliff` package): one unit per text,
 * its id the text's key, the original as source and the current translation as target, with
 * notes for the translator. Import writes the targets back into the translation file, each
 * with the fingerprint of the source it translated, changing nothing else: a round trip
 * without edits leaves the file as it was.
 */
import { parseDocument, type Document } from 'yaml';
import type { LanguageCode } from '../locale/types.js';
import { textHash } from './keys.js';
import type { LoadedTranslation } from './load.js';
import type { TranslatableText } from './texts.js';
import { isSubheading, paragraphsOf } from '../normalize/subheadings.js';

interface XliffUnit {
  source: string;
  target?: string;
  note?: string | string[];
}

interface XliffJs {
  sourceLanguage: string;
  targetLanguage: string;
  resources: Record<string, Record<string, XliffUnit>>;
}

/** What a translator is told of each kind of text. */
const NOTES: Record<string, string> = {
  body: 'The name of a body, as it is officially called in the target language.',
  'document-title': 'The title of the document.',
  title: 'The title of an agenda item: the same wording wherever it appears.',
  'short-title': 'A short form of an item title, used in the organization of work.',
  annotation: 'An annotation: running text.',
  documentation: 'The title of a document listed under an item, without its symbol.',
  footnote: 'A footnote; web addresses stay as they are.',
  'annex-entry': 'An entry of the organization of work.',
  venue: 'The place of the meeting, as the target language writes it.',
};
/** What a translator is told of the texts of a kind that are not what the kind says: by field. */
const FIELD_NOTES: Record<string, string> = {
  annotation_title: "The heading of an item's annotation, where it differs from the item's title in the list.",
  group_heading: 'The heading of a group of agenda items (a segment of the session, a heading of the agenda), printed above the items it groups.',
};
const KEEP_SUBHEADINGS = 'A paragraph that starts with "#" and a space is a sub-heading: keep the "#" and the space before its translation.';
const KEEP = 'Keep {placeholders} and [^footnote calls] exactly as they are: they are filled in or numbered for each language.';

/**
 * The XLIFF document of a definition's texts for translation into `language`: current
 * translations as targets; a text whose original changed since it was translated has no
 * target (its earlier translation is in a note), so that importing cannot take it as done.
 */
export async function exportXliff(file: string, texts: readonly TranslatableText[], from: LanguageCode, to: LanguageCode, translation?: LoadedTranslation): Promise<string> {
  const units: Record<string, XliffUnit> = {};
  for (const t of texts) {
    const done = translation?.texts.get(t.key);
    const notes = [FIELD_NOTES[String(t.path[t.path.length - 1])] ?? NOTES[t.role] ?? NOTES.annotation!];
    if (/[{[]/.test(t.text)) notes.push(KEEP);
    if (t.role === 'annotation' && t.text.includes('#') && paragraphsOf(t.text).some(isSubheading)) notes.push(KEEP_SUBHEADINGS);
    const current = done && (done.source === undefined || done.source === t.hash);
    if (done && !current) notes.push(`Its original changed since it was translated; the earlier translation was: ${done.text}`);
    units[t.key] = { source: t.text, ...(current ? { target: done.text } : {}), note: notes };
  }
  const { default: js2xliff } = await import('xliff/js2xliff');
  const xml = await js2xliff({ sourceLanguage: from, targetLanguage: to, resources: { [file.replace(/^.*[\\/]/, '')]: units } });
  // The package writes XLIFF 2.0; what it writes is also XLIFF 2.1, which keeps 2.0's namespace.
  return `${xml.replace(/(<xliff\b[^>]*?\bversion=")2\.0"/, '$12.1"')}\n`;
}

export interface ImportedXliff {
  targetLanguage: string;
  /** The name of the original definition (the XLIFF file element's id), when it has one. */
  original?: string;
  /** Units with a target: their key, the source they translated and the translation. */
  units: { key: string; source: string; target: string }[];
}

/** XML that is not well formed (cut short, a tag left open), at the place the parser stopped. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: { line: number; column: number },
  ) {
    super(message);
  }
}

/**
 * Reads an XLIFF 2.x (or 1.2) document; throws XmlSyntaxError where it is not well-formed
 * XML, and an error with the parser's message when it is not XLIFF.
 */
export async function readXliff(xml: string): Promise<ImportedXliff> {
  // The xliff package's XML reader passes over what it cannot parse: a file cut in half would import its first half.
  const flaw = await firstXmlFlaw(xml);
  if (flaw) throw flaw;
  const { default: xliff2js } = await import('xliff/xliff2js');
  const js = (await xliff2js(xml)) as XliffJs;
  const units: ImportedXliff['units'] = [];
  for (const resource of Object.values(js.resources ?? {})) {
    for (const [key, unit] of Object.entries(resource)) {
      const target = typeof unit.target === 'string' ? unit.target : '';
      if (target.trim() && typeof unit.source === 'string') units.push({ key, source: unit.source, target });
    }
  }
  const original = Object.keys(js.resources ?? {})[0];
  return { targetLanguage: js.targetLanguage, ...(original ? { original } : {}), units };
}

/** The first place where `xml` is not well-formed XML (sax's strict parser), or undefined. */
async function firstXmlFlaw(xml: string): Promise<XmlSyntaxError | undefined> {
  const { default: sax } = await import('sax');
  const parser = sax.parser(true);
  let flaw: XmlSyntaxError | undefined;
  parser.onerror = (err) => {
    // sax counts lines from 0 and gives the column of the character it stopped at.
    flaw ??= new XmlSyntaxError(err.message.split('\n')[0]!.toLowerCase().replace(/\.$/, ''), { line: parser.line + 1, column: Math.max(1, parser.column) });
    parser.error = null as unknown as Error; // read on: only the first flaw is told
  };
  parser.write(xml).close();
  return flaw;
}

/**
 * The translation file's text with the imported units written in: each its text and the
 * fingerprint of its source; an entry that already says the same is left as it is, and so
 * are comments, order and everything the import does not name.
 */
export function mergeIntoTranslation(existing: string | undefined, language: LanguageCode, units: ImportedXliff['units']): { text: string; changed: number } {
  const doc: Document = existing === undefined ? parseDocument(`language: ${language}\ntexts: {}\n`) : parseDocument(existing);
  if (!doc.has('language')) doc.set('language', language);
  if (!doc.has('texts') || doc.get('texts') === null) doc.set('texts', doc.createNode({}));
  let changed = 0;
  for (const u of units) {
    const source = textHash(u.source);
    const at = doc.getIn(['texts', u.key]);
    const text = typeof at === 'string' ? at : (doc.getIn(['texts', u.key, 'text']) as unknown);
    const recorded = typeof at === 'string' ? undefined : (doc.getIn(['texts', u.key, 'source']) as unknown);
    // Unchanged; or unchanged and never fingerprinted (exported as it was): the import does not vouch for it.
    if (text === u.target && (recorded === source || recorded === undefined)) continue;
    doc.setIn(['texts', u.key], doc.createNode({ text: u.target, source }));
    changed++;
  }
  if (existing !== undefined && changed === 0) return { text: existing, changed };
  const texts = doc.get('texts', true) as { flow?: boolean } | undefined;
  if (texts) texts.flow = false;
  return { text: doc.toString({ lineWidth: 0 }), changed };
}
