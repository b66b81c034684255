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
 * given in local terms (noon of the document date) so that every zone writes the same bytes.
 */
function documentDate(isoDate: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  let y: number, m: number, d: number, h = 12, min = 0, sec = 0;
  if (epoch && /^\d+$/.test(epoch)) {
    const t = new Date(Number(epoch) * 1000);
    [y, m, d, h, min, sec] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds()];
  } else {
    [y = 1980, m = 1, d = 1] = isoDate.split('-').map(Number);
  }
  // Zip times run from 1980 to 2099: a document of 1975 (or SOURCE_DATE_EPOCH=0) is dated at
  // the first, as other zip writers clamp; core.xml keeps the real date.
  if (y < 1980) [y, m, d, h, min, sec] = [1980, 1, 1, 12, 0, 0];
  if (y > 2099) [y, m, d, h, min, sec] = [2099, 12, 31, 12, 0, 0];
  // Noon: a local midnight may not exist where summer time starts at midnight (Santiago,
  // Beirut), and the zone would move it. A given hour in such a gap is moved to noon too.
  const local = new Date(y, m - 1, d, h, min, sec);
  return local.getHours() === h && local.getDate() === d ? local : new Date(y, m - 1, d, 12);
}

/** The core properties' date, W3CDTF in UTC: the document's date at midnight, or SOURCE_DATE_EPOCH. */
function coreDate(isoDate: string): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${isoDate}T00:00:00Z`;
}
