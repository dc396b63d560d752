// Speed: a 100-page course must lay out in well under a second. The seed
// article (18 paragraphs, about two A4 pages of body text) stands in for pages.
import { expect, test } from 'vitest';
import { clearShapeCache, layoutParagraph, loadFamily, shapeStats, shapeText } from '../../src/text/index.js';
import { seedArticle, seedWords, style12 } from './helpers.js';

const family = loadFamily('amiri');
const { paragraphs } = seedArticle();

function layoutArticle(): number {
  let lines = 0;
  for (const p of paragraphs) lines += layoutParagraph({ runs: [{ text: p, style: style12 }], width: 400, align: 'justify', direction: 'rtl', lineHeight: 1.6 }, family).lines.length;
  return lines;
}

test('shaping throughput, uncached and cached', () => {
  const words = seedWords();
  clearShapeCache();
  let t = performance.now();
  for (const w of words) shapeText(family.faces.regular, w, 'arab', 'rtl');
  const cold = performance.now() - t;
  const glyphs = shapeStats().shapedGlyphs;
  t = performance.now();
  const reps = 20;
  for (let k = 0; k < reps; k++) for (const w of words) shapeText(family.faces.regular, w, 'arab', 'rtl');
  const warm = (performance.now() - t) / reps;
  console.log(`shaping: ${glyphs} glyphs in ${cold.toFixed(1)} ms uncached (${Math.round(glyphs / (cold / 1000))} glyphs/s); cached ${warm.toFixed(2)} ms (${Math.round(glyphs / (warm / 1000))} glyphs/s)`);
  expect(warm).toBeLessThan(cold);
});

test('100 pages (50 × the seed article) lay out in well under a second', () => {
  clearShapeCache();
  let t = performance.now();
  const lines = layoutArticle();
  const first = performance.now() - t;
  t = performance.now();
  let total = 0;
  for (let k = 0; k < 50; k++) total += layoutArticle();
  const hundredPages = performance.now() - t;
  const s = shapeStats();
  console.log(`seed article: ${lines} lines; first layout (cold cache) ${first.toFixed(1)} ms; 100 pages (${total} lines) ${hundredPages.toFixed(0)} ms; shape cache hit rate ${((100 * s.hits) / s.calls).toFixed(1)}%`);
  expect(hundredPages).toBeLessThan(1000);
});
