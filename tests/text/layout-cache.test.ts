// Laid-out paragraphs and single lines are cached by text and inputs. A cached
// layout must be the one a fresh layout gives, for exactly the same inputs,
// and never for inputs that differ in any way the layout depends on.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { clearShapeCache, layoutLine, layoutParagraph, loadFamily } from '../../src/text/index.js';
import type { ParagraphLayout, ParagraphSpec, TextStyle } from '../../src/text/index.js';
import { LayoutCache } from '../../src/text/layoutCache.js';
import { seedArticle, style12 } from './helpers.js';

const amiri = loadFamily('amiri');
const noto = loadFamily('noto-naskh');

/** Everything a layout says, glyph by glyph. */
function dump(l: ParagraphLayout): unknown {
  return {
    missing: l.missing,
    lines: l.lines.map((line) => ({
      ...line,
      runs: line.runs.map((r) => ({ face: r.face.key, size: r.size, color: r.color, x: r.x, width: r.width, text: r.text, level: r.level, glyphs: r.glyphs })),
    })),
  };
}

/** A layout made with every cache empty. */
function fresh(spec: ParagraphSpec, family = amiri): unknown {
  clearShapeCache();
  return dump(layoutParagraph(spec, family));
}

const { paragraphs } = seedArticle();
const base: ParagraphSpec = { runs: [{ text: paragraphs[1], style: style12 }], width: 300, align: 'justify', direction: 'rtl', lineHeight: 1.6 };

describe('paragraph layouts', () => {
  test('the same inputs give the same layout as a fresh one', () => {
    const first = layoutParagraph(base, amiri);
    const again = layoutParagraph({ ...base, runs: [{ text: paragraphs[1], style: { ...style12 } }] }, amiri);
    expect(again).toBe(first);
    expect(dump(again)).toEqual(fresh(base));
  });

  test('any input that changes the layout gives that layout, not a cached one', () => {
    const bold: TextStyle = { ...style12, weight: 'bold' };
    const variants: ParagraphSpec[] = [
      base,
      { ...base, width: 250 },
      { ...base, align: 'start' },
      { ...base, align: 'center' },
      { ...base, direction: 'ltr' },
      { ...base, lineHeight: 2 },
      { ...base, runs: [{ text: paragraphs[1], style: bold }] },
      { ...base, runs: [{ text: paragraphs[1], style: { ...style12, size: 13 } }] },
      { ...base, runs: [{ text: paragraphs[1], style: { ...style12, color: '#ff0000' } }] },
      // the same text cut into styled runs differently
      { ...base, runs: [{ text: paragraphs[1].slice(0, 20), style: bold }, { text: paragraphs[1].slice(20), style: style12 }] },
      { ...base, runs: [{ text: paragraphs[1].slice(0, 30), style: bold }, { text: paragraphs[1].slice(30), style: style12 }] },
    ];
    const expected = variants.map((v) => fresh(v));
    expected.push(fresh(base, noto));
    clearShapeCache();
    // laid out twice in a mixed order, all from one cache
    for (let pass = 0; pass < 2; pass++) {
      variants.forEach((v, i) => expect(dump(layoutParagraph(v, amiri)), `variant ${i}`).toEqual(expected[i]));
      expect(dump(layoutParagraph(base, noto))).toEqual(expected[variants.length]);
    }
  });

  test('a caller changing its inputs afterwards does not change what is cached', () => {
    clearShapeCache();
    const style = { ...style12 };
    const runs = [{ text: paragraphs[2], style }];
    const spec: ParagraphSpec = { ...base, runs };
    const before = dump(layoutParagraph(spec, amiri));
    style.size = 20;
    runs[0].text = paragraphs[3];
    expect(dump(layoutParagraph(spec, amiri))).toEqual(fresh({ ...base, runs: [{ text: paragraphs[3], style: { ...style12, size: 20 } }] }));
    expect(dump(layoutParagraph({ ...base, runs: [{ text: paragraphs[2], style: style12 }] }, amiri))).toEqual(before);
  });

  test('random paragraphs, widths and styles: cached layouts equal fresh ones', () => {
    const words = paragraphs.join(' ').split(/\s+/);
    const spec = fc.record({
      from: fc.nat(words.length - 40),
      count: fc.integer({ min: 1, max: 40 }),
      width: fc.constantFrom(120, 200, 300.5),
      size: fc.constantFrom(10, 12),
      align: fc.constantFrom('justify' as const, 'start' as const),
    });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 8 }), (specs) => {
        const made = specs.map((s): ParagraphSpec => ({ runs: [{ text: words.slice(s.from, s.from + s.count).join(' '), style: { ...style12, size: s.size } }], width: s.width, align: s.align, direction: 'rtl', lineHeight: 1.5 }));
        const expected = made.map((m) => fresh(m));
        clearShapeCache();
        const order = [...made.keys(), ...[...made.keys()].reverse()];
        for (const i of order) expect(dump(layoutParagraph(made[i], amiri))).toEqual(expected[i]);
      }),
      { numRuns: 30 },
    );
  });
});

describe('single lines', () => {
  test('same text and style give the same line; another style or direction its own', () => {
    clearShapeCache();
    const head = 'الخلافة الافتراضية — نسخة الطالب';
    const a = layoutLine(head, style12, amiri);
    expect(layoutLine(head, { ...style12 }, amiri)).toBe(a);
    const others = [layoutLine(head, { ...style12, size: 9 }, amiri), layoutLine(head, style12, amiri, 'ltr'), layoutLine(head, style12, amiri, 'rtl', 2), layoutLine(head, style12, noto)];
    for (const o of others) expect(o).not.toBe(a);
    expect(others[0].naturalWidth).toBeCloseTo((a.naturalWidth * 9) / 12, 6);
    expect(others[2].height).toBe(24);
    expect(others[3].runs[0].face.key).toBe('noto-naskh-regular');
  });
});

describe('the cache itself', () => {
  test('keeps at most its bound of characters, dropping the oldest texts first', () => {
    const c = new LayoutCache<number, string>(10, (a, b) => a === b);
    c.set('abcd', 1, 'x');
    c.set('abcd', 2, 'y');
    expect(c.get('abcd', 1)).toBe('x');
    expect(c.get('abcd', 2)).toBe('y');
    expect(c.get('abcd', 3)).toBeUndefined();
    c.set('ef', 1, 'z'); // 10 characters: all kept
    expect(c.get('abcd', 1)).toBe('x');
    c.set('g', 1, 'w'); // 11: the oldest text goes, with both its entries
    expect(c.get('abcd', 1)).toBeUndefined();
    expect(c.get('abcd', 2)).toBeUndefined();
    expect(c.get('ef', 1)).toBe('z');
    expect(c.get('g', 1)).toBe('w');
    c.set('a text longer than the bound', 1, 'v'); // never kept
    expect(c.get('a text longer than the bound', 1)).toBeUndefined();
    expect(c.get('ef', 1)).toBe('z');
  });

  test('starts over when the shape cache is cleared', () => {
    const c = new LayoutCache<number, string>(100, (a, b) => a === b);
    c.set('abc', 1, 'x');
    clearShapeCache();
    expect(c.get('abc', 1)).toBeUndefined();
  });

  test('clearing the shapes lets go of the layouts at once, not at the next lookup', () => {
    // the start-up snapshot is taken right after its warm-up build clears the
    // shapes: layouts still held then would be carried in every start
    const c = new LayoutCache<number, string>(100, (a, b) => a === b);
    c.set('abc', 1, 'x');
    c.set('de', 1, 'y');
    expect(c.size).toBe(2);
    clearShapeCache();
    expect(c.size).toBe(0);
  });
});
