// glued() scans by hand for what three regular expressions describe (see
// src/text/breakLines.ts): it must find exactly the positions they find, on
// the seed article and on any text made of the characters they care about.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { glued } from '../../src/text/breakLines.js';

const RANGE = /\p{Nd}[-\u2010\u2011\u2012\u2013\u2014]\p{L}?\p{Nd}/gu;
const LABEL = /(?<![\p{L}\p{M}\p{Nd}])\(?(?:\p{Nd}{1,3}|\p{L}{1,2})\)[ \t]+(?=\S)/gu;
const REF_PAIR = /(?<![\p{L}\p{M}])ف\p{Nd}+[ \t]+(?=ج\p{Nd})/gu;

/** The rules as regular expressions, run over the whole text. */
function byPatterns(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(RANGE)) out.push(m.index + 2);
  for (const m of text.matchAll(LABEL)) out.push(m.index + m[0].length);
  for (const m of text.matchAll(REF_PAIR)) out.push(m.index + m[0].length);
  return out;
}

// digits (Arabic-Indic, Latin, Persian, a mathematical digit outside the BMP),
// dashes, letters (Arabic, Latin, one outside the BMP), marks, brackets, spaces of all kinds
const ALPHABET = ['١', '٧', '1', '۵', '\u{1d7ce}', '-', '–', '—', '\u2010', 'ف', 'ج', 'ب', 'a', 'Z', '\u{1d400}', '\u064e', '\u0651', '(', ')', ' ', '\t', '\n', '\u00a0', '\u202f', '.', '،', '😜', '\ud83d', 'ـ'];

describe('glued', () => {
  test('finds what the regular expressions find in the seed article and the sample lessons', () => {
    const files = ['lessons/articles/virtual-caliphate.md', ...fs.readdirSync('lessons').filter((f) => f.endsWith('.yaml')).map((f) => `lessons/${f}`)];
    let found = 0;
    for (const file of files) {
      for (const line of fs.readFileSync(path.resolve(file), 'utf8').split('\n')) {
        expect(glued(line), line).toEqual(byPatterns(line));
        found += byPatterns(line).length;
      }
    }
    expect(found).toBeGreaterThan(20);
  });

  test.each([
    ['a range', 'الفقرات ١٧–١٨ هنا', [11]],
    ['a range with a letter', 'انظر ف١٧–ف١٨ و16-18', [9, 17]],
    ['ranges that overlap take the first', '1-2-3', [2]],
    ['a label', 'أ) سؤال و(ب) آخر ٢) ثالث', [3, 13, 20]],
    ['no label inside a word or after three letters', 'كتب) x abcd) y ١٢٣٤) z', []],
    ['a label before the end or a newline', '٢)\n ٣) ', []],
    ['a ref pair', '(ف٦ ج١) وف٧ ج٢', [4]],
    ['no ref pair after a letter or a mark', 'بَف٦ ج١ بف٦ ج١', []],
  ])('%s', (_what, text, positions) => {
    expect(glued(text)).toEqual(positions);
    expect(byPatterns(text)).toEqual(positions);
  });

  test('finds what the regular expressions find in any text of the characters they look at', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(glued(text)).toEqual(byPatterns(text));
      }),
      { numRuns: 3000, seed: 1203 },
    );
  });

  test('and in any text made of the pieces of ranges, labels and ref pairs', () => {
    const pieces = ['ف', 'ج', '١٢', '٣', '1234', ' ', '\t', '–', '-', '(', ')', 'ب', 'بَ', 'ab', '\u{1d7ce}', '\u{1d400}', '\n', '،'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        expect(glued(text)).toEqual(byPatterns(text));
      }),
      { numRuns: 3000, seed: 1204 },
    );
  });
});
