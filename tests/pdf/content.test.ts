// The writer draws shapes with operators it writes itself (src/pdf/content.ts);
// they must be exactly what pdfkit's drawing helpers write, so pages render the same.
import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { circlePath, colorOps, pdfNum, rectPath, roundedRectPath } from '../../src/pdf/content.js';

type Helpers = {
  addContent(s: string): Helpers;
  rect(x: number, y: number, w: number, h: number): Helpers;
  roundedRect(x: number, y: number, w: number, h: number, r: number): Helpers;
  circle(x: number, y: number, r: number): Helpers;
  lineWidth(w: number): Helpers;
  fill(color?: string): Helpers;
  stroke(color?: string): Helpers;
  fillAndStroke(fill: string, stroke: string): Helpers;
  _normalizeColor(c: string): number[] | null;
};

/** pdfkit's own helpers, on a document that only collects what they write. */
function pdfkitOps(draw: (doc: Helpers) => void): string {
  const parts: string[] = [];
  const doc = Object.create(PDFDocument.prototype) as Helpers & { spotColors: object; page: object };
  doc.spotColors = {};
  doc.page = {};
  doc.addContent = (s: string) => (parts.push(s), doc);
  draw(doc);
  return parts.join('\n');
}

const coord = fc.double({ min: -2000, max: 2000, noNaN: true });
const size = fc.double({ min: 0, max: 1000, noNaN: true });
const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`);
const color = fc.oneof(hex, fc.constantFrom('#abc', '#FFF', 'red', 'not-a-colour', '#12345'));
const normalize = (c: string) => (Object.create(PDFDocument.prototype) as Helpers & { spotColors: object })._normalizeColor.call({ spotColors: {} }, c);

describe('content operators match pdfkit', () => {
  it('numbers', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (n) => {
        expect(pdfNum(n)).toBe(pdfkitOps((d) => d.lineWidth(n)).replace(/ w$/, ''));
      }),
    );
  });

  it('rects', () => {
    fc.assert(
      fc.property(coord, coord, size, size, (x, y, w, h) => {
        expect(rectPath(x, y, w, h)).toBe(pdfkitOps((d) => d.rect(x, y, w, h)));
      }),
    );
  });

  it('rounded rects, including radii larger than half a side', () => {
    fc.assert(
      fc.property(coord, coord, size, size, fc.double({ min: 0, max: 600, noNaN: true }), (x, y, w, h, r) => {
        expect(roundedRectPath(x, y, w, h, r)).toBe(pdfkitOps((d) => d.roundedRect(x, y, w, h, r)));
      }),
    );
  });

  it('circles', () => {
    fc.assert(
      fc.property(coord, coord, size, (x, y, r) => {
        expect(circlePath(x, y, r)).toBe(pdfkitOps((d) => d.circle(x, y, r)));
      }),
    );
  });

  it('fill and stroke colours', () => {
    fc.assert(
      fc.property(color, color, (f, s) => {
        const fill = colorOps(normalize(f));
        const stroke = colorOps(normalize(s));
        expect([fill?.fill, 'f'].filter(Boolean).join('\n')).toBe(pdfkitOps((d) => d.fill(f)));
        expect([stroke?.stroke, 'S'].filter(Boolean).join('\n')).toBe(pdfkitOps((d) => d.stroke(s)));
        // fillAndStroke sets both colours when the fill is given at all
        expect([fill?.fill, stroke?.stroke, 'B'].filter(Boolean).join('\n')).toBe(pdfkitOps((d) => d.fillAndStroke(f, s)));
      }),
    );
  });
});
