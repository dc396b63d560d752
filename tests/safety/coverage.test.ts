// unprintable() skips characters its table already knows to be drawable; it
// must report exactly what asking canDraw about every code point reports.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { canDraw, unprintable } from '../../src/safety/coverage.js';
import { loadFamily } from '../../src/text/fonts.js';

function reference(text: string, family: 'amiri' | 'noto-naskh') {
  const face = loadFamily(family).faces.regular;
  const out: { index: number; char: string; codePoint: number }[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const cp = c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
    if (!(c >= 0x20 && c < 0x7f) && !canDraw(face, cp) && !seen.has(cp)) {
      seen.add(cp);
      out.push({ index: i, char: String.fromCodePoint(cp), codePoint: cp });
    }
    if (cp > 0xffff) i++;
  }
  return out;
}

test('the same characters as asking about each one, warm table or cold, surrogates included', () => {
  const ch = fc.oneof(
    fc.constantFrom('ب', 'ﷺ', '«', '\u0301', '\u200d', '\ud83d', '\ude00', '😀', '\ud83d\ude00', '\u0e01', '\u4e2d', '\uffff', 'a', ' ', '\n'),
    fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  );
  const text = fc.array(ch, { maxLength: 20 }).map((a) => a.join(''));
  fc.assert(
    fc.property(text, fc.constantFrom('amiri' as const, 'noto-naskh' as const), (t, family) => {
      expect(unprintable(t, family)).toEqual(reference(t, family));
      expect(unprintable(t, family)).toEqual(reference(t, family));
    }),
    { numRuns: 400, seed: 4 },
  );
});
