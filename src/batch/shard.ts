/**
 * `--shard i/n`: a stable 1/n slice of the inputs, chosen by a hash of each file's
 * path relative to the archive, so that CI machines split an archive without
 * overlap and a new file does not move the others between shards.
 */
export interface Shard {
  index: number; // 1-based
  count: number;
}

export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

/** FNV-1a over the UTF-16 code units: fast, stable across platforms and Node versions. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function inShard(relativePath: string, shard: Shard): boolean {
  return fnv1a(relativePath.split('\\').join('/')) % shard.count === shard.index - 1;
}
