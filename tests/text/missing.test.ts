// Characters the font cannot draw are reported and never drawn as boxes.
import { expect, test } from 'vitest';
import { layoutLine, layoutParagraph, loadFaceFromFile, loadFamily, familyFromFaces } from '../../src/text/index.js';
import { style12 } from './helpers.js';

const family = loadFamily('amiri');

test('an emoji and CJK characters Amiri lacks are reported with code point and index, and not emitted', () => {
  const text = 'نص 😀 中文 نص';
  const { lines, missing } = layoutParagraph({ runs: [{ text, style: style12 }], width: 400, align: 'start', direction: 'rtl', lineHeight: 1.5 }, family);
  expect(missing).toEqual([
    { char: '😀', codePoint: 0x1f600, index: 3, font: 'amiri-regular' },
    { char: '中', codePoint: 0x4e2d, index: 6, font: 'amiri-regular' },
    { char: '文', codePoint: 0x6587, index: 7, font: 'amiri-regular' },
  ]);
  const glyphs = lines.flatMap((l) => l.runs.flatMap((r) => r.glyphs));
  expect(glyphs.some((g) => g.id === 0)).toBe(false);
  expect(glyphs.map((g) => g.text).join('')).not.toMatch(/[😀中文]/u);
  // the text of the line is still the whole logical text (for copy/paste)
  expect(lines[0].text).toBe(text);
});

test('invisible controls (ZWNJ, bidi marks) are neither reported nor drawn', () => {
  const line = layoutLine('مي\u200cخواهم \u200fنص\u2066', style12, family);
  expect(line.missing).toEqual([]);
  const glyphs = line.runs.flatMap((r) => r.glyphs);
  expect(glyphs.every((g) => g.xAdvance > 0 || /\p{M}/u.test(g.text))).toBe(true);
});

test('measureText and layoutLine agree; layoutLine runs start at x = 0', async () => {
  const { measureText } = await import('../../src/text/index.js');
  const w = measureText('الصفحة 3 من 12', style12, family);
  const line = layoutLine('الصفحة 3 من 12', style12, family);
  expect(line.naturalWidth).toBeCloseTo(w, 6);
  expect(line.width).toBeCloseTo(w, 6);
  expect(line.runs[0].x).toBeCloseTo(0, 6);
  expect(line.runs.map((r) => r.text)).toEqual(['12', ' من ', '3', 'الصفحة ']);
  // trailing spaces hang: not drawn, not measured
  const spaced = layoutLine('عنوان  ', style12, family);
  expect(spaced.runs[0].x).toBeCloseTo(0, 6);
  expect(spaced.width).toBeCloseTo(measureText('عنوان', style12, family), 6);
  expect(measureText('عنوان  ', style12, family)).toBeCloseTo(spaced.width, 6);
  const ltr = layoutLine('Page 3', style12, family, 'ltr');
  expect(ltr.runs[0].x).toBe(0);
  expect(ltr.runs.map((r) => r.text)).toEqual(['Page 3']);
});

test("a user's own font file loads under its key, once", () => {
  const regular = family.faces.regular;
  const own = loadFaceFromFile(regular.path, 'my-font');
  expect(own.key).toBe('my-font');
  expect(loadFaceFromFile(regular.path, 'my-font')).toBe(own);
  expect(() => loadFaceFromFile(family.faces.bold.path, 'my-font')).toThrow(/already used/);
  const fam = familyFromFaces('mine', own);
  expect(fam.faces.bold).toBe(own);
  expect(own.unitsPerEm).toBe(1000);
  expect(own.ascent).toBeGreaterThan(0);
  expect(own.descent).toBeLessThan(0);
  expect(() => loadFaceFromFile('/nonexistent/font.ttf', 'nope')).toThrow(/cannot open font/);
});

test('a character the bold face lacks but the regular face has is set in the regular face, not lost', () => {
  const family = loadFamily('amiri');
  const cp = 0x2075; // superscript five: in Amiri Regular, not in Amiri Bold
  expect(family.faces.bold.font.hasGlyphForCodePoint(cp)).toBe(false);
  expect(family.faces.regular.font.hasGlyphForCodePoint(cp)).toBe(true);
  const layout = layoutParagraph(
    { runs: [{ text: `عنوان ${String.fromCodePoint(cp)} عريض`, style: { size: 12, color: '#000', weight: 'bold' } }], width: 400, align: 'start', direction: 'rtl', lineHeight: 1.5 },
    family,
  );
  expect(layout.missing).toEqual([]);
  const runs = layout.lines[0].runs;
  const five = runs.find((r) => r.text.includes(String.fromCodePoint(cp)))!;
  expect(five.face).toBe(family.faces.regular);
  expect(runs.filter((r) => r.text.includes('عنوان')).every((r) => r.face === family.faces.bold)).toBe(true);
});
