// The shape cache: a word is shaped by HarfBuzz once per face, however often
// it is set. What is counted is real HarfBuzz calls (hbShapeCalls, counted in
// hbShape itself), not the cache's own bookkeeping, so a cache that stops
// working fails here. How fast that is, is measured by `npm run bench`, never here.
import { beforeEach, expect, test } from 'vitest';
import { hbShapeCalls } from '../../src/text/harfbuzz.js';
import { cachedShapes, clearShapeCache, layoutParagraph, loadFamily, setShapeCacheLimit, shapeText } from '../../src/text/index.js';
import { seedArticle, seedWords, style12 } from './helpers.js';

// HarfBuzz calls are counted from here (the counter runs for the whole process)
let from = 0;
const harfbuzzCalls = () => hbShapeCalls() - from;

const family = loadFamily('amiri');
const { paragraphs } = seedArticle();

function layoutArticle(width: number): number {
  let lines = 0;
  for (const p of paragraphs) lines += layoutParagraph({ runs: [{ text: p, style: style12 }], width, align: 'justify', direction: 'rtl', lineHeight: 1.6 }, family).lines.length;
  return lines;
}

beforeEach(() => {
  clearShapeCache();
  from = hbShapeCalls();
});

test('every seed word is shaped by HarfBuzz once; later calls return the same shape without shaping', () => {
  const words = seedWords();
  const first = words.map((w) => shapeText(family.faces.regular, w, 'arab', 'rtl'));
  expect(harfbuzzCalls()).toBe(words.length);
  const again = words.map((w) => shapeText(family.faces.regular, w, 'arab', 'rtl'));
  expect(harfbuzzCalls()).toBe(words.length);
  again.forEach((s, i) => expect(s).toBe(first[i]));
  // another face shapes the same words again, once each
  words.forEach((w) => shapeText(family.faces.bold, w, 'arab', 'rtl'));
  words.forEach((w) => shapeText(family.faces.bold, w, 'arab', 'rtl'));
  expect(harfbuzzCalls()).toBe(2 * words.length);
});

test('the seed article at another width (new line breaks, same words) needs no HarfBuzz call at all', () => {
  const lines = layoutArticle(400);
  const shaped = harfbuzzCalls();
  // the article repeats its words: each distinct piece was shaped once
  expect(shaped).toBe(cachedShapes().length);
  expect(lines).toBeGreaterThan(30);
  // other widths miss the paragraph layout cache and set every word again, from the shape cache
  expect(layoutArticle(350)).toBeGreaterThan(lines);
  expect(layoutArticle(450)).toBeLessThan(lines);
  expect(harfbuzzCalls()).toBe(shaped);
});

test('the cache is bounded: past its limit it starts over (shaping again), and shapes stay right', () => {
  const words = seedWords().slice(0, 30);
  const fresh = words.map((w) => shapeText(family.faces.regular, w, 'arab', 'rtl'));
  clearShapeCache();
  from = hbShapeCalls();
  setShapeCacheLimit(10);
  try {
    const bounded = words.map((w) => shapeText(family.faces.regular, w, 'arab', 'rtl'));
    expect(cachedShapes().length).toBeLessThanOrEqual(10);
    expect(cachedShapes().length).toBeGreaterThan(0);
    bounded.forEach((s, i) => expect(s).toEqual(fresh[i]));
    // the last words are still cached; the first were forgotten and are shaped again
    const cached = harfbuzzCalls();
    shapeText(family.faces.regular, words[29], 'arab', 'rtl');
    expect(harfbuzzCalls()).toBe(cached);
    shapeText(family.faces.regular, words[0], 'arab', 'rtl');
    expect(harfbuzzCalls()).toBe(cached + 1);
    // a paragraph laid out across a restart of the cache is laid out as before
    const before = layoutArticle(400);
    expect(layoutArticle(400)).toBe(before);
  } finally {
    setShapeCacheLimit();
    clearShapeCache();
  }
});
