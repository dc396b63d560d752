// Shaping parity: our fontkit-based shaper must give HarfBuzz's glyphs,
// advances and mark offsets for the seed article, word by word.
import { beforeAll, describe, expect, test } from 'vitest';
import { cachedShapes, clearShapeCache, layoutParagraph, loadFamily, shapeStats, shapeText } from '../../src/text/index.js';
import type { FontFace } from '../../src/text/index.js';
import { harfbuzzFor, seedArticle, seedWords, style12, type HbShaper } from './helpers.js';

const words = seedWords();

function compareWithHarfBuzz(face: FontFace, hb: HbShaper, list: string[], direction: 'rtl' | 'ltr' = 'rtl', script = 'arab') {
  const mismatches: string[] = [];
  let glyphs = 0;
  for (const w of list) {
    const ours = shapeText(face, w, script, direction);
    const ref = hb(w, direction, script);
    glyphs += ref.length;
    const same =
      JSON.stringify(ours.ids) === JSON.stringify(ref.map((g) => g.id)) &&
      JSON.stringify(ours.advances) === JSON.stringify(ref.map((g) => g.xAdvance)) &&
      JSON.stringify(ours.xOffsets) === JSON.stringify(ref.map((g) => g.xOffset)) &&
      JSON.stringify(ours.yOffsets) === JSON.stringify(ref.map((g) => g.yOffset));
    if (!same) mismatches.push(`${w}: ours ${ours.ids.join(',')} / ${ours.advances.join(',')}; hb ${ref.map((g) => g.id).join(',')} / ${ref.map((g) => g.xAdvance).join(',')}`);
  }
  return { mismatches, glyphs };
}

describe('shaping parity with HarfBuzz', () => {
  const amiri = loadFamily('amiri');
  const noto = loadFamily('noto-naskh');
  let hbAmiri: HbShaper;
  beforeAll(async () => {
    hbAmiri = await harfbuzzFor(amiri.faces.regular);
  });

  test('the seed article has a few hundred distinct words', () => {
    expect(words.length).toBeGreaterThan(500);
  });

  test('every distinct seed word, Amiri Regular, RTL arab: ids, advances and offsets equal', () => {
    const { mismatches, glyphs } = compareWithHarfBuzz(amiri.faces.regular, hbAmiri, words);
    expect(glyphs).toBeGreaterThan(2500);
    expect(mismatches).toEqual([]);
  });

  test('every distinct seed word, Amiri Bold', async () => {
    const hb = await harfbuzzFor(amiri.faces.bold);
    expect(compareWithHarfBuzz(amiri.faces.bold, hb, words).mismatches).toEqual([]);
  });

  test('every distinct seed word, Noto Naskh Arabic Regular and Bold', async () => {
    for (const face of [noto.faces.regular, noto.faces.bold]) {
      const hb = await harfbuzzFor(face);
      expect(compareWithHarfBuzz(face, hb, words).mismatches).toEqual([]);
    }
  });

  test('words with harakat, lam-alef, brackets and quotes in RTL (mirroring as HarfBuzz does)', () => {
    const extra = ['بَيْدَ', 'لا', 'الإسلامية', 'لله', '(تويتر)', '[نص]', '«داعش»', '{أ}', '<ب>', '“الخلافة”', 'عَلَّمَ', 'مُّ'];
    expect(compareWithHarfBuzz(amiri.faces.regular, hbAmiri, extra).mismatches).toEqual([]);
  });

  test('Arabic mark sequences (pairs on both fonts, all triples on Amiri): mark order and mark-to-mark stacking as HarfBuzz', async () => {
    const marks = [0x064b, 0x064c, 0x064d, 0x064e, 0x064f, 0x0650, 0x0651, 0x0652, 0x0670, 0x0653, 0x0654, 0x0655].map((c) => String.fromCharCode(c));
    const pairs: string[] = [];
    for (const a of marks) for (const b of marks) pairs.push(`بب${a}${b}ب`, `ل${a}${b}ا`);
    const triples: string[] = [];
    for (const a of marks) for (const b of marks) for (const c of marks) triples.push(`بم${a}${b}${c}ا`);
    expect(compareWithHarfBuzz(amiri.faces.regular, hbAmiri, pairs).mismatches).toEqual([]);
    expect(compareWithHarfBuzz(amiri.faces.regular, hbAmiri, triples).mismatches).toEqual([]);
    const hbNoto = await harfbuzzFor(noto.faces.regular);
    expect(compareWithHarfBuzz(noto.faces.regular, hbNoto, pairs).mismatches).toEqual([]);
  });

  test('Latin and digit pieces in their own direction and script', () => {
    const latin = ['Twitter', 'Telegram', 'https://example.com/news?id=2014', 'AVAWAY', 'office'];
    expect(compareWithHarfBuzz(amiri.faces.regular, hbAmiri, latin, 'ltr', 'latn').mismatches).toEqual([]);
    const digits = ['2014', '45%', '3.5', '2015', '٢٠١٤'];
    expect(compareWithHarfBuzz(amiri.faces.regular, hbAmiri, digits, 'ltr', 'arab').mismatches).toEqual([]);
  });

  test('every piece the layout shapes for the whole seed article matches HarfBuzz in its own direction and script', async () => {
    clearShapeCache();
    const { title, paragraphs } = seedArticle();
    layoutParagraph({ runs: [{ text: title, style: { ...style12, weight: 'bold', size: 18 } }], width: 400, align: 'start', direction: 'rtl', lineHeight: 1.4 }, amiri);
    for (const p of paragraphs) layoutParagraph({ runs: [{ text: p, style: style12 }], width: 400, align: 'justify', direction: 'rtl', lineHeight: 1.6 }, amiri);
    const hbBold = await harfbuzzFor(amiri.faces.bold);
    const entries = cachedShapes();
    const dirs = new Set(entries.map((e) => `${e.direction}/${e.script}`));
    expect(dirs).toContain('rtl/arab');
    expect(dirs).toContain('ltr/arab'); // the years
    const mismatches: string[] = [];
    for (const e of entries) {
      const hb = e.faceKey === 'amiri-bold' ? hbBold : hbAmiri;
      const ref = hb(e.text, e.direction, e.script);
      if (JSON.stringify(e.shaped.ids) !== JSON.stringify(ref.map((g) => g.id)) || JSON.stringify(e.shaped.advances) !== JSON.stringify(ref.map((g) => g.xAdvance))) {
        mismatches.push(`${e.faceKey} ${e.direction} ${e.script} ${JSON.stringify(e.text)}`);
      }
    }
    expect(entries.length).toBeGreaterThan(500);
    expect(mismatches).toEqual([]);
  });
});

describe('shaper output', () => {
  const face = loadFamily('amiri').faces.regular;

  test('each glyph carries its own logical text; together they give the word back', () => {
    for (const w of words) {
      const s = shapeText(face, w, 'arab', 'rtl');
      const logical = [...s.texts].reverse().join('');
      // same characters (a ligature may list its components before a skipped mark)
      expect([...logical].sort().join('')).toBe([...w].sort().join(''));
    }
    const plain = shapeText(face, 'الخلافة', 'arab', 'rtl');
    expect([...plain.texts].reverse().join('')).toBe('الخلافة');
    expect(plain.texts.every((t) => t.length > 0)).toBe(true);
  });

  test('mirrored brackets keep their logical character as text', () => {
    const s = shapeText(face, '(نص)', 'arab', 'rtl');
    // visual order: the logical ")" is drawn first (leftmost) with the "(" glyph
    expect(s.ids[0]).toBe(face.font.glyphForCodePoint(0x28).id);
    expect(s.texts[0]).toBe(')');
    expect(s.ids[s.ids.length - 1]).toBe(face.font.glyphForCodePoint(0x29).id);
    expect(s.texts[s.texts.length - 1]).toBe('(');
  });

  test('results are cached by face, direction, script and text', () => {
    clearShapeCache();
    const a = shapeText(face, 'الافتراضية', 'arab', 'rtl');
    const b = shapeText(face, 'الافتراضية', 'arab', 'rtl');
    expect(b).toBe(a);
    expect(shapeText(face, 'الافتراضية', 'arab', 'ltr')).not.toBe(a);
    expect(shapeStats()).toMatchObject({ calls: 3, hits: 1 });
  });
});
