// Shaping parity. shape.ts shapes with HarfBuzz (harfbuzzjs); the checks are
// (1) fontkit — the design's first choice and the engine pdfkit embeds with —
// gives the same glyph ids, advances and offsets for every word of the seed
// article in every bundled face, (2) our buffer settings (cluster level,
// removal of invisible controls) do not change HarfBuzz's glyphs, (3) where
// fontkit is known to go wrong, we follow HarfBuzz.
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { beforeAll, describe, expect, test } from 'vitest';
import { cachedShapes, clearShapeCache, layoutParagraph, loadFamily, mirrorCodePoint, shapeStats, shapeText } from '../../src/text/index.js';
import type { FontFace } from '../../src/text/index.js';
import { harfbuzzFor, seedArticle, seedWords, style12, type HbShaper } from './helpers.js';

const words = seedWords();
const amiri = loadFamily('amiri');
const noto = loadFamily('noto-naskh');

interface Glyphs {
  ids: number[];
  advances: number[];
  xOffsets: number[];
  yOffsets: number[];
}

// fontkit's own copy of each font file: the reference must not share state
// (glyph and layout caches) with the fonts the engine and the writer use
const fontkitFonts = new Map<string, Font>();
function fontkitFont(face: FontFace): Font {
  let font = fontkitFonts.get(face.path);
  if (!font) fontkitFonts.set(face.path, (font = fontkit.openSync(face.path) as Font));
  return font;
}

/** fontkit's own layout; for RTL it is given the L4-mirrored text, as a fontkit-based engine must do. */
function fontkitShape(face: FontFace, text: string, direction: 'rtl' | 'ltr', script: string): Glyphs {
  const input = direction === 'rtl' ? String.fromCodePoint(...[...text].map((c) => mirrorCodePoint(c.codePointAt(0)!))) : text;
  const run = fontkitFont(face).layout(input, undefined, script, undefined, direction);
  return {
    ids: run.glyphs.map((g) => g.id),
    advances: run.positions.map((p) => p.xAdvance),
    xOffsets: run.positions.map((p) => p.xOffset),
    yOffsets: run.positions.map((p) => p.yOffset),
  };
}

function harfbuzzShape(hb: HbShaper, text: string, direction: 'rtl' | 'ltr', script: string): Glyphs {
  const g = hb(text, direction, script);
  return { ids: g.map((x) => x.id), advances: g.map((x) => x.xAdvance), xOffsets: g.map((x) => x.xOffset), yOffsets: g.map((x) => x.yOffset) };
}

function ours(face: FontFace, text: string, direction: 'rtl' | 'ltr', script: string): Glyphs {
  const s = shapeText(face, text, script, direction);
  return { ids: s.ids, advances: s.advances, xOffsets: s.xOffsets, yOffsets: s.yOffsets };
}

function mismatches(list: string[], a: (w: string) => Glyphs, b: (w: string) => Glyphs): string[] {
  const out: string[] = [];
  for (const w of list) {
    const x = a(w);
    const y = b(w);
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${w}: ${x.ids.join(',')} / ${x.advances.join(',')} vs ${y.ids.join(',')} / ${y.advances.join(',')}`);
  }
  return out;
}

describe('every distinct word of the seed article: our shaper and fontkit agree', () => {
  test('the seed article has a few hundred distinct words', () => {
    expect(words.length).toBeGreaterThan(500);
  });

  for (const [name, face] of [
    ['Amiri Regular', amiri.faces.regular],
    ['Amiri Bold', amiri.faces.bold],
    ['Noto Naskh Arabic Regular', noto.faces.regular],
    ['Noto Naskh Arabic Bold', noto.faces.bold],
  ] as const) {
    test(`${name}, RTL, script arab: glyph ids, advances and mark offsets`, () => {
      expect(mismatches(words, (w) => ours(face, w, 'rtl', 'arab'), (w) => fontkitShape(face, w, 'rtl', 'arab'))).toEqual([]);
    });
  }
});

describe('our buffer settings do not change HarfBuzz glyphs', () => {
  let hbAmiri: HbShaper;
  beforeAll(async () => {
    hbAmiri = await harfbuzzFor(amiri.faces.regular);
  });

  test('seed words, harakat, brackets and quotes (RTL), Latin and digits (LTR)', () => {
    const face = amiri.faces.regular;
    const rtl = [...words, 'بَيْدَ', 'عَلَّمَ', 'مُّ', 'لا', 'لله', '(تويتر)', '[نص]', '«داعش»', '{أ}', '“الخلافة”'];
    expect(mismatches(rtl, (w) => ours(face, w, 'rtl', 'arab'), (w) => harfbuzzShape(hbAmiri, w, 'rtl', 'arab'))).toEqual([]);
    const latin = ['Twitter', 'Telegram', 'https://example.com/news?id=2014', 'AVAWAY', 'office'];
    expect(mismatches(latin, (w) => ours(face, w, 'ltr', 'latn'), (w) => harfbuzzShape(hbAmiri, w, 'ltr', 'latn'))).toEqual([]);
    const digits = ['2014', '45%', '3.5', '٢٠١٤'];
    expect(mismatches(digits, (w) => ours(face, w, 'ltr', 'arab'), (w) => harfbuzzShape(hbAmiri, w, 'ltr', 'arab'))).toEqual([]);
  });

  test('every piece the layout shapes for the whole seed article, in its own direction and script', async () => {
    clearShapeCache();
    const { title, paragraphs } = seedArticle();
    layoutParagraph({ runs: [{ text: title, style: { ...style12, weight: 'bold', size: 18 } }], width: 400, align: 'start', direction: 'rtl', lineHeight: 1.4 }, amiri);
    for (const p of paragraphs) layoutParagraph({ runs: [{ text: p, style: style12 }], width: 400, align: 'justify', direction: 'rtl', lineHeight: 1.6 }, amiri);
    const hbBold = await harfbuzzFor(amiri.faces.bold);
    const entries = cachedShapes();
    const kinds = new Set(entries.map((e) => `${e.direction}/${e.script}`));
    expect(kinds).toContain('rtl/arab');
    expect(kinds).toContain('ltr/arab'); // the years
    expect(entries.length).toBeGreaterThan(500);
    const bad = entries.filter((e) => {
      const ref = harfbuzzShape(e.faceKey === 'amiri-bold' ? hbBold : hbAmiri, e.text, e.direction, e.script);
      return JSON.stringify(ref) !== JSON.stringify({ ids: e.shaped.ids, advances: e.shaped.advances, xOffsets: e.shaped.xOffsets, yOffsets: e.shaped.yOffsets });
    });
    expect(bad.map((e) => e.text)).toEqual([]);
  });

  test('where fontkit goes wrong we follow HarfBuzz: shadda before harakat, and stacked marks above', () => {
    const face = amiri.faces.regular;
    for (const w of ['عَلَّمَ', 'مُّ', 'مًِْ']) {
      expect(ours(face, w, 'rtl', 'arab')).toEqual(harfbuzzShape(hbAmiri, w, 'rtl', 'arab'));
      expect(ours(face, w, 'rtl', 'arab')).not.toEqual(fontkitShape(face, w, 'rtl', 'arab'));
    }
  });
});

describe('shaper output', () => {
  const face = amiri.faces.regular;

  test('each glyph carries its own characters; together they give the word back', () => {
    for (const w of words) {
      const s = shapeText(face, w, 'arab', 'rtl');
      const logical = [...s.texts].reverse().join('');
      expect([...logical].sort().join('')).toBe([...w].sort().join(''));
    }
    const plain = shapeText(face, 'الخلافة', 'arab', 'rtl');
    expect([...plain.texts].reverse().join('')).toBe('الخلافة');
    const marked = shapeText(face, 'بَيْدَ', 'arab', 'rtl');
    expect(marked.texts).toContain('َ'); // a haraka is its own glyph with its own text
    expect(marked.texts).toContain('د');
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
    expect(shapeText(amiri.faces.bold, 'الافتراضية', 'arab', 'rtl')).not.toBe(a);
    expect(shapeStats()).toMatchObject({ calls: 4, hits: 1 });
  });
});
