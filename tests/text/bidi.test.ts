// The line-level rules on wrapped lines, and the engine's own higher-level
// protocol for URLs. (UAX #9 conformance on the whole reference file is in
// bidi-conformance.test.ts.)
import { describe, expect, test } from 'vitest';
import { findUrls, lineLevels, mirrorCodePoint, resolveLevels, visualOrder, visualString } from '../../src/text/index.js';

describe('line-level rules', () => {
  test('L1 puts trailing whitespace of a wrapped line at the paragraph level', () => {
    const text = 'abc def ';
    const { levels } = resolveLevels(text, 'rtl');
    expect(Array.from(levels)).toEqual([2, 2, 2, 2, 2, 2, 2, 1]); // already at paragraph end
    // the first line "abc " of a wrapped paragraph: its trailing space goes to level 1
    expect(Array.from(lineLevels(text, levels, 0, 4, 1))).toEqual([2, 2, 2, 1]);
  });

  test('L2 reverses nested runs', () => {
    expect(Array.from(visualOrder([1, 1, 2, 2, 1]))).toEqual([4, 2, 3, 1, 0]);
    expect(Array.from(visualOrder([0, 0, 0]))).toEqual([0, 1, 2]);
    expect(Array.from(visualOrder([2, 2, 0, 1, 1]))).toEqual([0, 1, 2, 4, 3]);
  });

  test('L4 mirrors paired punctuation, not quotes', () => {
    expect(String.fromCodePoint(mirrorCodePoint(0x28))).toBe(')');
    expect(String.fromCodePoint(mirrorCodePoint(0x5d))).toBe('[');
    expect(String.fromCodePoint(mirrorCodePoint(0xab))).toBe('»');
    expect(mirrorCodePoint(0x201c)).toBe(0x201c);
    expect(visualString('(أ [ب] ج)', resolveLevels('(أ [ب] ج)', 'rtl').levels, 0, 9, 1)).toBe('(ج [ب] أ)');
  });
});

describe('URLs inside Arabic (higher-level protocol: LTR isolates)', () => {
  const url = 'https://example.com/news?id=2014&lang=ar#top/';
  const text = `زوروا ${url} للمزيد.`;

  test('found without trailing sentence punctuation', () => {
    expect(findUrls(text)).toEqual([[6, 6 + url.length]]);
    expect(findUrls('انظر (https://ar.wikipedia.org/wiki/X_(Y)).')).toEqual([[6, 6 + 'https://ar.wikipedia.org/wiki/X_(Y)'.length]]);
    expect(findUrls('www.example.org، ثم')).toEqual([[0, 15]]);
  });

  test('the whole URL is one left-to-right level; plain UAX #9 would send its final "/" to the Arabic side', () => {
    const isolated = resolveLevels(text, 'rtl').levels.slice(6, 6 + url.length);
    expect(new Set(isolated)).toEqual(new Set([2]));
    const plain = resolveLevels(text, 'rtl', { isolateUrls: false }).levels.slice(6, 6 + url.length);
    expect(plain[plain.length - 1]).toBe(1);
  });
});

test('emoji (astral characters) are neutral, not strong left-to-right', () => {
  const { levels } = resolveLevels('نص 😀 نص', 'rtl');
  expect(Array.from(levels)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
});
