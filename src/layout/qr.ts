// A QR code of a URL as vector squares (no raster image): one rectangle per
// horizontal run of dark modules, drawn in the text colour.
import qrcode from 'qrcode-generator';
import type { DrawOp } from './ops.js';

/** The text the code carries: the URL with any non-ASCII characters percent-encoded, as browsers send it. */
export function qrText(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return encodeURI(url);
  }
}

/** The dark modules of the QR code of `url` (error correction M), row by row. */
export function qrModules(url: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(qrText(url), 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** Rectangles drawing the code in a square of `size` points at (x, y), the quiet zone inside it (4 modules). */
export function qrOps(url: string, x: number, y: number, size: number, color: string): DrawOp[] {
  const modules = qrModules(url);
  const n = modules.length;
  const cell = size / (n + 8);
  const ops: DrawOp[] = [];
  modules.forEach((row, r) => {
    for (let c = 0; c < n; ) {
      if (!row[c]) {
        c++;
        continue;
      }
      let end = c;
      while (end < n && row[end]) end++;
      ops.push({ op: 'rect', x: x + (c + 4) * cell, y: y + (r + 4) * cell, w: (end - c) * cell, h: cell, fill: color });
      c = end;
    }
  });
  return ops;
}
