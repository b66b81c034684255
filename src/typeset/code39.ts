/**
 * Code 39 bar patterns for the first page's job-number barcode ("*2311234*"):
 * nine elements per character, bar first, 1 narrow and 2 wide; a narrow space
 * separates characters. Only what job numbers use: digits and the "*" delimiter.
 */
const PATTERNS: Record<string, string> = {
  '0': '111221211',
  '1': '211211112',
  '2': '112211112',
  '3': '212211111',
  '4': '111221112',
  '5': '211221111',
  '6': '112221111',
  '7': '111211212',
  '8': '211211211',
  '9': '112211211',
  '*': '121121211',
};
const WIDE = 2.5;

/** Bars as [offset, width] in narrow-module units, or undefined if a character has no pattern here. */
export function code39Bars(text: string): { bars: [number, number][]; length: number } | undefined {
  const bars: [number, number][] = [];
  let x = 0;
  for (const ch of text) {
    const pattern = PATTERNS[ch];
    if (!pattern) return undefined;
    [...pattern].forEach((e, k) => {
      const w = e === '2' ? WIDE : 1;
      if (k % 2 === 0) bars.push([x, w]);
      x += w;
    });
    x += 1;
  }
  return { bars, length: x - 1 };
}
