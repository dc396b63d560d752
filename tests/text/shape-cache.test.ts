// The shape cache: a word is shaped by HarfBuzz once per face, however often
// it is set. How fast that is, is measured by `npm run bench`, never here.
import { expect, test } from 'vitest';
import { cachedShapes, clearShapeCache, layoutParagraph, loadFamily, setShapeCacheLimit, shapeStats, shapeText } from '../../src/text/index.js';
import { seedArticle, seedWords, style12 } from './helpers.js';

const family = loadFamily('amiri');
const { paragraphs } = seedArticle();

function layoutArticle(): number {
  let lines = 0;
  for (const p of paragraphs) lines += layoutParagraph({ runs: [{ text: p, style: style12 }], width: 400, align: 'justify', direction: 'rtl', lineHeight: 1.6 }, family).lines.length;
  return lines;
}

test('every seed word is shaped once; later calls return the same cached shape', () => {
  const words = seedWords();
  clearShapeCache();
  const first = words.map((w) => shapeText(family.faces.regular, w, 'arab', 'rtl'));
  expect(shapeStats()).toMatchObject({ calls: words.length, hits: 0 });
  const again = words.map((w) => shapeText(family.faces.regular, w, 'arab', 'rtl'));
  expect(shapeStats()).toMatchObject({ calls: 2 * words.length, hits: words.length });
  again.forEach((s, i) => expect(s).toBe(first[i]));
});

test('laying out the seed article again shapes nothing new and gives the same lines', () => {
  clearShapeCache();
  const lines = layoutArticle();
  const shaped = shapeStats().calls - shapeStats().hits;
  expect(lines).toBeGreaterThan(30);
  for (let k = 0; k < 3; k++) expect(layoutArticle()).toBe(lines);
  expect(shapeStats().calls - shapeStats().hits).toBe(shaped);
});

test('the cache is bounded: past its limit it starts over, and shapes stay right', () => {
  const words = seedWords().slice(0, 30);
  clearShapeCache();
  const fresh = words.map((w) => shapeText(family.faces.regular, w, 'arab', 'rtl'));
  clearShapeCache();
  setShapeCacheLimit(10);
  try {
    const bounded = words.map((w) => shapeText(family.faces.regular, w, 'arab', 'rtl'));
    expect(cachedShapes().length).toBeLessThanOrEqual(10);
    expect(cachedShapes().length).toBeGreaterThan(0);
    bounded.forEach((s, i) => expect(s).toEqual(fresh[i]));
    // a paragraph laid out across a restart of the cache is laid out as before
    const before = layoutArticle();
    expect(layoutArticle()).toBe(before);
  } finally {
    setShapeCacheLimit();
    clearShapeCache();
  }
});
