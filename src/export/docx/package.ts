import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Packs the document's parts, reproducibly. The docx package stamps the zip entries and the
 * core properties with the clock and gives hyperlinks random relationship ids; here the
 * entries get the document's date (or SOURCE_DATE_EPOCH, as the PDF), the core
 * properties the same date, and hyperlinks ids numbered in document order.
 */
export function reproducible(packed: ReadonlyMap<string, Uint8Array>, isoDate: string): Uint8Array {
  const when = documentDate(isoDate);
  const names = [...packed.keys()];
  const parts = new Map(packed);
  const text = (name: string) => strFromU8(parts.get(name)!);

  const core = 'docProps/core.xml';
  if (parts.has(core)) {
    const stamp = coreDate(isoDate);
    parts.set(core, strToU8(text(core).replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`)));
  }

  for (const rels of names.filter((n) => /^word\/_rels\/[^/]+\.rels$/.test(n))) {
    const part = `word/${rels.slice('word/_rels/'.length, -'.rels'.length)}`;
    if (!parts.has(part)) continue;
    let relsXml = text(rels);
    let partXml = text(part);
    const renamed = new Map<string, string>();
    // Relationship ids are unique per part: "link1", "link2" ... in the order docx listed them, which is document order.
    relsXml = relsXml.replace(/<Relationship\b[^>]*>/g, (tag) => {
      const id = /\bId="([^"]+)"/.exec(tag)?.[1];
      if (!id || !/\/hyperlink"/.test(tag)) return tag;
      const fresh = `link${renamed.size + 1}`;
      renamed.set(id, fresh);
      return tag.replace(`Id="${id}"`, `Id="${fresh}"`);
    });
    if (!renamed.size) continue;
    partXml = partXml.replace(/\br:id="([^"]+)"/g, (all, id: string) => (renamed.has(id) ? `r:id="${renamed.get(id)}"` : all));
    parts.set(rels, strToU8(relsXml));
    parts.set(part, strToU8(partXml));
  }

  // [Content_Types].xml first, as Office writes it; then the parts in docx's order.
  const order = [...names].sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  const zippable: Zippable = {};
  for (const name of order) zippable[name] = parts.get(name)!;
  return zipSync(zippable, { level: 6, mtime: when });
}

/**
 * The date the entries carry. Zip times are local wall-clock times with no zone: the date is
 * given in local terms (midnight of the document date) so that every zone writes the same bytes.
 */
function documentDate(isoDate: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) {
    const d = new Date(Number(epoch) * 1000);
    return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
  }
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(y ?? 1980, (m ?? 1) - 1, d ?? 1);
}

/** The core properties' date, W3CDTF in UTC: the document's date at midnight, or SOURCE_DATE_EPOCH. */
function coreDate(isoDate: string): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${isoDate}T00:00:00Z`;
}
