import type { Path } from '../load/locator.js';

/**
 * Names the thing at a path the way a secretariat officer would: "agenda item
 * 'law-enforcement'", "sub-item (b) of agenda item 1", "day 2 of the organization of work".
 */
export function describePath(path: Path, data: unknown): string {
  const at = (p: Path) => p.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), data);
  const idOf = (p: Path) => {
    const id = (at(p) as { id?: unknown } | undefined)?.id;
    return typeof id === 'string' && id ? `'${id}'` : undefined;
  };
  const [head, a, b, c, d, e] = path;
  if (head === 'items' && typeof a === 'number') {
    // Down the levels of items (agenda item, sub-item, sub-item of a sub-item), then a document listed under the deepest.
    let p: Path = ['items', a];
    let name = idOf(p) ? `agenda item ${idOf(p)}` : `agenda item ${a + 1}`;
    let rest = path.slice(2);
    while (rest[0] === 'items' && typeof rest[1] === 'number') {
      const k = rest[1];
      p = [...p, 'items', k];
      name = idOf(p) ? `sub-item ${idOf(p)}` : `sub-item ${k + 1} of ${name}`;
      rest = rest.slice(2);
    }
    return rest[0] === 'documentation' && typeof rest[1] === 'number' ? `document ${rest[1] + 1} listed under ${name}` : name;
  }
  if (head === 'organization_of_work' && typeof a === 'number') {
    const day = `day ${a + 1} of the organization of work`;
    if (b === 'slots' && typeof c === 'number') {
      const slot = `meeting ${c + 1} of ${day}`;
      return d === 'items' && typeof e === 'number' ? `entry ${e + 1} of ${slot}` : slot;
    }
    return day;
  }
  if (head === 'footnotes' && typeof a === 'string') return `footnote '${a}'`;
  if (path.length === 0) return 'the definition';
  return `'${path.join('.')}'`;
}

/** The closest of a few candidates, for "did you mean ...?" on misspelled keys. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = editDistance(word.toLowerCase(), c.toLowerCase());
    if (dist < bestDistance) [best, bestDistance] = [c, dist];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}
