// What scripts/bundle.mjs changes to make the start-up snapshot smaller must
// not change what the code does: an ASCII-only script means what the original
// meant (regular expressions with Arabic letters, with and without the u flag,
// and letters outside the BMP), and brotli's browser dictionary is its Node
// dictionary byte for byte.
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { asciiOnly } from '../../scripts/bundle.mjs';

const require = createRequire(import.meta.url);

// a script as esbuild leaves it: strings escaped, regular expressions and comments as written
const SOURCE = String.raw`
  // «تعليق» — a comment
  const digits = /[٠-٩]+/g;
  const words = /^(?:الرئيسية|الصفحة الرئيسية|Home)$/i;
  const label = /(?<![\p{L}\p{M}\p{Nd}])\(?(?:\p{Nd}{1,3}|\p{L}{1,2})\)[ \t]+(?=\S)/gu;
  const face = /😜+/u;
  const faceUnits = /[😜]/;
  const range = /[ءآ-ي]{2}/u;
  return (s) => [digits, words, label, face, faceUnits, range].map((re) => JSON.stringify(s.match(re)));
`;

const SAMPLES = ['ف١٧–١٨ و٢) نص', 'الصفحة الرئيسية', 'home', 'أ) سؤال (ب) آخر', '😜😜 x', '\ud83d', 'abc', 'كلمة'];

describe('the snapshot bundle', () => {
  test('an ASCII-only script matches what the original matched', () => {
    const escaped = asciiOnly(SOURCE);
    expect(/[^\x00-\x7f]/.test(escaped)).toBe(false);
    const before = new Function(SOURCE)() as (s: string) => string[];
    const after = new Function(escaped)() as (s: string) => string[];
    for (const s of SAMPLES) expect(after(s), s).toEqual(before(s));
    // and the samples do match something, so the comparison says something
    expect(SAMPLES.flatMap((s) => before(s)).filter((m) => m !== 'null').length).toBeGreaterThan(8);
  });

  test("brotli's browser dictionary is its Node dictionary", () => {
    const browser = require('brotli/dec/dictionary-browser.js').init() as Uint8Array;
    const node = require('brotli/dec/dictionary-data.js').dictionary as Uint8Array;
    expect(browser.length).toBe(122784);
    expect(Buffer.from(browser).equals(Buffer.from(node))).toBe(true);
  });
});
