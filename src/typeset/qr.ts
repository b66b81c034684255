import { create } from 'qrcode/lib/core/qrcode.js';

/**
 * A QR code as one path of filled squares, in module units (0..size on both axes, y down),
 * for the address printed at the foot of the first page. The matrix comes from the
 * `qrcode` package (a maintained encoder, pinned); here its dark modules are merged into
 * as few rectangles as is simple: runs along each row, and a run joined with the same run
 * of the rows below it. One rectangle is "M x y h w v h h -w z" in the path's syntax.
 */
export function qrPath(text: string): { path: string; size: number } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const dark = (r: number, c: number) => Boolean(modules.get(r, c));
  const done = new Uint8Array(n * n);
  const parts: string[] = [];
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!dark(r, c) || done[r * n + c]) {
        c++;
        continue;
      }
      let w = 1;
      while (c + w < n && dark(r, c + w) && !done[r * n + c + w]) w++;
      // The same run on the rows below: every module dark, none taken, and no wider run there.
      const runBelow = (row: number) => {
        for (let k = 0; k < w; k++) if (!dark(row, c + k) || done[row * n + c + k]) return false;
        return !(c > 0 && dark(row, c - 1) && !done[row * n + c - 1]) && !(c + w < n && dark(row, c + w));
      };
      let h = 1;
      while (r + h < n && runBelow(r + h)) h++;
      for (let y = r; y < r + h; y++) for (let k = 0; k < w; k++) done[y * n + c + k] = 1;
      parts.push(`M${c} ${r}h${w}v${h}h${-w}z`);
      c += w;
    }
  }
  return { path: parts.join(''), size: n };
}
