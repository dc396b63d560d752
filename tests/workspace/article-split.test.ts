// splitParagraphs collapses white space only when a paragraph has some to
// collapse; the result must be what collapsing every paragraph gives.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { splitParagraphs } from '../../src/workspace/article.js';
import { splitSentences } from '../../src/workspace/sentences.js';

/** The paragraphs' texts as the plain rule makes them: lines trimmed, joined, white space collapsed. */
function reference(body: string): string[] {
  return body
    .split(/\n(?:[^\S\n]*\n)+/)
    .map((p) => p.split('\n').map((l) => l.trim()).join(' ').replace(/\s+/g, ' ').trim())
    .filter((t) => t !== '');
}

test('paragraph texts: white space collapsed as by /\\s+/ → " "', () => {
  const piece = fc.constantFrom('نص', 'a', '«ب»', ' ', '  ', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '\n', '\n\n', '\n \n', '.', '\t');
  const body = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
  fc.assert(
    fc.property(body, (b) => {
      expect(splitParagraphs(b, 1).map((p) => p.text)).toEqual(reference(b));
    }),
    { numRuns: 3000, seed: 9 },
  );
});

test('sentences are split when first read, once, as splitSentences splits them', () => {
  const [p] = splitParagraphs('«قال د. أحمد: هل هذا صحيح؟» نعم. ثم\nماذا؟ لا شيء.', 1);
  const first = p.sentences;
  expect(first).toEqual(splitSentences(p.text));
  expect(p.sentences).toBe(first);
  expect(Object.keys(p)).toEqual(['number', 'text', 'line', 'sentences']);
  expect(JSON.parse(JSON.stringify(p)).sentences).toEqual(first);
});
