// Page content as PDF operators we write ourselves, one string per page.
// pdfkit's drawing helpers (save, transform, rect, fill, stroke, …) each turn
// one operator into bytes and append it to the page; on a 700-page course that
// per-call work costs more than the drawing itself. The operators here are,
// character for character, the ones those helpers wrote (same order, same
// number format, same colour spaces), so pages render exactly as before.
import zlib from 'node:zlib';

/** pdfkit's number format (PDFObject.number): rounded to six decimals, shortest form. */
export const pdfNum = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/** pdfkit's KAPPA: the Bézier handle length of a quarter circle of radius 1. */
const KAPPA = 4.0 * ((Math.sqrt(2) - 1.0) / 3.0);

/** What pdfkit's fillColor/strokeColor write (no opacity given: they add no graphics state then). */
export interface ColorOps {
  fill: string;
  stroke: string;
}

/**
 * The colour operators for components as pdfkit's colour parser gives them
 * (0..1, written unrounded); null when it found no colour, and then pdfkit
 * wrote no colour operator at all.
 */
export function colorOps(components: number[] | null): ColorOps | null {
  if (!components) return null;
  const space = components.length === 4 ? 'DeviceCMYK' : 'DeviceRGB';
  const values = components.join(' ');
  return { fill: `/${space} cs\n${values} scn`, stroke: `/${space} CS\n${values} SCN` };
}

/** pdfkit's rect(). */
export function rectPath(x: number, y: number, w: number, h: number): string {
  return `${pdfNum(x)} ${pdfNum(y)} ${pdfNum(w)} ${pdfNum(h)} re`;
}

const m = (x: number, y: number) => `${pdfNum(x)} ${pdfNum(y)} m`;
const l = (x: number, y: number) => `${pdfNum(x)} ${pdfNum(y)} l`;
const c = (a: number, b: number, cc: number, d: number, e: number, f: number) =>
  `${pdfNum(a)} ${pdfNum(b)} ${pdfNum(cc)} ${pdfNum(d)} ${pdfNum(e)} ${pdfNum(f)} c`;

/** pdfkit's roundedRect() with one radius for all corners: clamped to half the shorter side. */
export function roundedRectPath(x: number, y: number, w: number, h: number, radius: number): string {
  const r = Math.max(0, Math.min(radius || 0, Math.min(0.5 * w, 0.5 * h)));
  const cp = r * (1.0 - KAPPA);
  const out = [m(x + r, y), l(x + w - r, y)];
  if (r > 0) out.push(c(x + w - cp, y, x + w, y + cp, x + w, y + r));
  out.push(l(x + w, y + h - r));
  if (r > 0) out.push(c(x + w, y + h - cp, x + w - cp, y + h, x + w - r, y + h));
  out.push(l(x + r, y + h));
  if (r > 0) out.push(c(x + cp, y + h, x, y + h - cp, x, y + h - r));
  out.push(l(x, y + r));
  if (r > 0) out.push(c(x, y + cp, x + cp, y, x + r, y));
  out.push('h');
  return out.join('\n');
}

/** pdfkit's circle() (its ellipse() with equal radii). */
export function circlePath(cx: number, cy: number, radius: number): string {
  const x = cx - radius;
  const y = cy - radius;
  const o = radius * KAPPA;
  const xe = x + radius * 2;
  const ye = y + radius * 2;
  const xm = x + radius;
  const ym = y + radius;
  return [
    m(x, ym),
    c(x, ym - o, xm - o, y, xm, y),
    c(xm + o, y, xe, ym - o, xe, ym),
    c(xe, ym + o, xm + o, ye, xm, ye),
    c(xm - o, ye, x, ym + o, x, ym),
    'h',
  ].join('\n');
}

/**
 * zlib level for page content. pdfkit deflates every stream at zlib's default
 * (6); page content is nearly all of a PDF's bytes and of its deflate time.
 * Measured on the 50-lesson course's content streams (both editions, 11.6 MB
 * before deflate; best of 5, one core):
 *   level 1: 79 ms, 2.81 MB   level 2: 83 ms, 2.73 MB   level 3: 89 ms, 2.69 MB
 *   level 4: 113 ms, 2.55 MB  level 6: 168 ms, 2.38 MB  level 9: 211 ms, 2.37 MB
 * Level 3 saves nearly all the time level 1 saves for less of its size.
 */
export const CONTENT_DEFLATE_LEVEL = 3;

export function deflateContent(bytes: Uint8Array): Buffer {
  return zlib.deflateSync(bytes, { level: CONTENT_DEFLATE_LEVEL });
}
