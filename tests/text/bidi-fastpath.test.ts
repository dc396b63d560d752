// resolveLevels skips bidi-js for right-to-left text that has nothing to
// resolve (Arabic letters and marks, spaces, punctuation). That shortcut must
// give exactly what the full algorithm gives: every character of its set,
// random strings over it, and every paragraph and sentence piece of the seed.
import { describe, expect, it } from 'vitest';
import bidiImport, { type Bidi } from 'bidi-js';
import { resolveLevels } from '../../src/text/index.js';
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

  it('leaves text with digits, Latin letters or marks to the full algorithm', () => {
    for (const text of ['عام 2014', 'عام ٢٠١٤', 'موقع Twitter', 'أ\u200Eب', 'ب\u2066x\u2069', 'ب\u200Dب']) {
      expect(Array.from(resolveLevels(text, 'rtl').levels), text).toEqual(full(text));
    }
  });
});
