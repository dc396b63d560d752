// resolveLevels skips bidi-js for right-to-left text without left-to-right
// letters, embeddings, isolates or boundary neutrals (Arabic letters and
// marks, digits of both kinds, spaces, punctuation). That shortcut must give
// exactly what the full algorithm gives: every character of the plain set,
// random strings over it and over a mix of every bidi class with numbers,
// separators and terminators, and every paragraph and sentence piece of the seed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import bidiImport, { type Bidi } from 'bidi-js';
import { resolveLevels } from '../../src/text/index.js';
import { resolveLevelsTransient } from '../../src/text/bidi.js';
import { seedArticle } from './helpers.js';

type BidiFactory = () => Bidi;
const factoryOrNamespace = bidiImport as unknown as BidiFactory | { default: BidiFactory };
const bidi = (typeof factoryOrNamespace === 'function' ? factoryOrNamespace : factoryOrNamespace.default)();

/** The full algorithm (bidi-js), as resolveLevels runs it for text without URLs. */
const full = (text: string) => Array.from(bidi.getEmbeddingLevels(text, 'rtl').levels);

// the shortcut's character set, range by range (kept in step with src/text/bidi.ts)
const RANGES: Array<[number, number]> = [
  [0x09, 0x0a], [0x0d, 0x0d], [0x20, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e], [0xa0, 0xa0], [0xab, 0xab], [0xbb, 0xbb],
  [0x606, 0x65f], [0x66a, 0x66a], [0x66d, 0x6dc], [0x6de, 0x6ef], [0x6fa, 0x6ff],
  [0x2010, 0x2027], [0x2030, 0x205e], [0xfb50, 0xfdcf], [0xfdf0, 0xfdff], [0xfe70, 0xfefe],
];
const CHARS = RANGES.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCharCode(a + i)));

describe('right-to-left text with nothing to resolve', () => {
  it('covers only characters that resolve to level 1 on their own, after a letter and before one', () => {
    for (const c of CHARS) {
      for (const text of [c, `ب${c}`, `${c}ب`, `ب ${c} ب`, `${c}${c}`]) {
        expect(Array.from(resolveLevels(text, 'rtl').levels), `U+${c.charCodeAt(0).toString(16)} in "${text}"`).toEqual(full(text));
      }
    }
  });

  it('agrees with the full algorithm on random strings over that set', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let k = 0; k < 3000; k++) {
      const len = 1 + Math.floor(rand() * 24);
      let text = '';
      for (let i = 0; i < len; i++) text += CHARS[Math.floor(rand() * CHARS.length)];
      expect(Array.from(resolveLevels(text, 'rtl').levels), JSON.stringify(text)).toEqual(full(text));
    }
  });

  it('agrees with the full algorithm on the seed article, paragraph by paragraph and word by word', () => {
    const { title, paragraphs } = seedArticle();
    for (const text of [title, ...paragraphs, ...paragraphs.flatMap((p) => p.split(/(?<=[.،؟])\s/))]) {
      expect(Array.from(resolveLevels(text, 'rtl').levels)).toEqual(full(text));
    }
  });

  it('gives the levels of the full algorithm for digits, Latin letters and marks', () => {
    for (const text of ['عام 2014', 'عام ٢٠١٤', 'موقع Twitter', 'أ\u200Eب', 'ب\u2066x\u2069', 'ب\u200Dب']) {
      expect(Array.from(resolveLevels(text, 'rtl').levels), text).toEqual(full(text));
    }
  });
});

// Characters of every bidi class the fast path handles (AL, R, NSM, WS, S, B,
// ON, CS, ES, ET, EN, AN), and a few it leaves to bidi-js (L, BN, LRM,
// embeddings, isolates), weighted towards numbers and their separators.
// (Astral characters go to bidi-js through a stand-in of their class, so
// bidi-js on the raw text is not the reference for them.)
const MIX: Record<string, string[]> = {
  letters: [...'ابتثجحخدذرسشصضطظعغفقكلمنهوي', '\u05d0', '\u05d1', '\u200f', '\u061c'],
  marks: ['\u064b', '\u064e', '\u0650', '\u0651', '\u0652', '\u0670', '\u0300'],
  spaces: [' ', ' ', '\t', '\n', '\r', '\u2029', '\u000b'],
  neutrals: [...'()[]«»!?"\'؟؛*&@_~', '\u2026', '\u2013'],
  separators: [...',.:/،', '\u00a0', '\u066b', '\u066c', '\u202f'],
  europeanSeps: ['+', '-', '\u2212'],
  terminators: [...'#$%°٪', '\u2030', '\u00b1', '\u20ac', '\u00a3'],
  european: [...'0123456789', ...'۰۱۲۳۴۵۶۷۸۹', '\u00b2', '\u00b9'],
  arabicDigits: [...'٠١٢٣٤٥٦٧٨٩', '\u0600', '\u06dd'],
  other: ['a', 'Z', '\u200e', '\u200d', '\u200c', '\u2066', '\u2069', '\u202b', '\u202e'],
};
const mixChar = fc.oneof(
  { arbitrary: fc.constantFrom(...MIX.letters), weight: 8 },
  { arbitrary: fc.constantFrom(...MIX.marks), weight: 2 },
  { arbitrary: fc.constantFrom(...MIX.spaces), weight: 3 },
  { arbitrary: fc.constantFrom(...MIX.neutrals), weight: 2 },
  { arbitrary: fc.constantFrom(...MIX.separators), weight: 3 },
  { arbitrary: fc.constantFrom(...MIX.europeanSeps), weight: 2 },
  { arbitrary: fc.constantFrom(...MIX.terminators), weight: 2 },
  { arbitrary: fc.constantFrom(...MIX.european), weight: 4 },
  { arbitrary: fc.constantFrom(...MIX.arabicDigits), weight: 4 },
  { arbitrary: fc.constantFrom(...MIX.other), weight: 1 },
);
const fullOf = (text: string) => Array.from(bidi.getEmbeddingLevels(text, 'rtl').levels);

describe('right-to-left text with numbers', () => {
  it('agrees with the full algorithm on random mixes of every bidi class', () => {
    fc.assert(
      fc.property(fc.array(mixChar, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(Array.from(resolveLevels(text, 'rtl', { isolateUrls: false }).levels)).toEqual(fullOf(text));
      }),
      { numRuns: 4000 },
    );
  });

  it('agrees with the full algorithm on random strings of any BMP characters of the classes it handles', () => {
    const byClass = new Map<string, string[]>();
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const type = bidi.getBidiCharTypeName(ch);
      if (['R', 'AL', 'NSM', 'WS', 'S', 'ON', 'B', 'CS', 'ES', 'ET', 'EN', 'AN'].includes(type)) {
        if (!byClass.has(type)) byClass.set(type, []);
        byClass.get(type)!.push(ch);
      }
    }
    // a class first, then a character of it: rare classes (S, AN, ES) come up as often as ON
    const anyChar = fc.constantFrom(...byClass.values()).chain((chars) => fc.constantFrom(...chars));
    fc.assert(
      fc.property(fc.array(anyChar, { maxLength: 30 }), (chars) => {
        const text = chars.join('');
        expect(Array.from(resolveLevels(text, 'rtl', { isolateUrls: false }).levels)).toEqual(fullOf(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the full algorithm on seed text with numbers put in', () => {
    const { paragraphs } = seedArticle();
    const words = paragraphs.join(' ').split(/\s+/);
    const numbers = fc.oneof(
      fc.integer({ min: 0, max: 100000 }).map(String),
      fc.integer({ min: 0, max: 100000 }).map((k) => k.toLocaleString('ar-EG')),
      fc.constantFrom('٪٥٠', '50%', '%50', '٣٫٥', '3.5', '1,000', '١٬٠٠٠', '+20', '-5', '#3', '$12', '2014–2015', '٢٠١٤-٢٠١٥', '(٢٠١٤)', '١/٢', '1/2'),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: words.length - 30 }), fc.array(fc.tuple(fc.nat(29), numbers), { maxLength: 6 }), (at, inserts) => {
        const piece = words.slice(at, at + 30);
        for (const [k, num] of inserts) piece.splice(k, 0, num);
        const text = piece.join(' ');
        expect(Array.from(resolveLevels(text, 'rtl').levels), text).toEqual(fullOf(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('levels in a reused buffer (the layout\'s path)', () => {
  it('are those of resolveLevels, whatever a longer paragraph left in the buffer', () => {
    const { paragraphs } = seedArticle();
    const texts = [...paragraphs].sort((a, b) => b.length - a.length);
    texts.push('عام 2014', 'ب', 'موقع Twitter', '١٢', '');
    for (const text of texts) {
      const { levels, baseLevel } = resolveLevelsTransient(text, 'rtl');
      const expected = resolveLevels(text, 'rtl');
      expect(baseLevel).toBe(expected.baseLevel);
      expect(Array.from(levels.subarray(0, text.length))).toEqual(Array.from(expected.levels));
    }
  });
});
