// UAX #9 conformance on a subset of the Unicode reference BidiCharacterTest.txt
// (tests/fixtures/bidi/BidiCharacterTest-subset.txt), plus the engine's own
// higher-level protocol for URLs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { findUrls, lineLevels, mirrorCodePoint, resolveLevels, visualOrder, visualString } from '../../src/text/index.js';

interface Case {
  line: number;
  text: string;
  direction: 'ltr' | 'rtl' | 'auto';
  paragraphLevel: number;
  levels: Array<number | null>; // null = removed by X9
  order: number[];
}

function loadCases(): Case[] {
  const file = fileURLToPath(new URL('../fixtures/bidi/BidiCharacterTest-subset.txt', import.meta.url));
  const cases: Case[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const [cps, dir, para, levels, order] = line.split(';');
      cases.push({
        line: i + 1,
        text: String.fromCodePoint(...cps.split(' ').map((h) => parseInt(h, 16))),
        direction: dir === '0' ? 'ltr' : dir === '1' ? 'rtl' : 'auto',
        paragraphLevel: Number(para),
        levels: levels.split(' ').map((l) => (l === 'x' ? null : Number(l))),
        order: order.trim() ? order.trim().split(' ').map(Number) : [],
      });
    });
  return cases;
}

const cases = loadCases();

describe('BidiCharacterTest subset', () => {
  test('the fixture has a few hundred cases, many with a right-to-left paragraph', () => {
    expect(cases.length).toBeGreaterThan(300);
    expect(cases.filter((c) => c.direction === 'rtl').length).toBeGreaterThan(120);
    expect(cases.filter((c) => c.direction === 'auto').length).toBeGreaterThan(10);
  });

  test('resolved paragraph level and embedding levels', () => {
    const failures: string[] = [];
    for (const c of cases) {
      const { levels, baseLevel } = resolveLevels(c.text, c.direction, { isolateUrls: false });
      const got = c.levels.map((l, i) => (l === null ? null : levels[i]));
      if (baseLevel !== c.paragraphLevel || JSON.stringify(got) !== JSON.stringify(c.levels)) failures.push(`line ${c.line}: got ${baseLevel}; ${got.join(' ')}`);
    }
    expect(failures).toEqual([]);
  });

  test('visual order of each line after L1 and L2', () => {
    const failures: string[] = [];
    for (const c of cases) {
      const { levels, baseLevel } = resolveLevels(c.text, c.direction, { isolateUrls: false });
      const line = lineLevels(c.text, levels, 0, c.text.length, baseLevel);
      // characters removed by X9 take no part in reordering
      const kept = c.levels.map((l, i) => (l === null ? -1 : i)).filter((i) => i >= 0);
      const order = Array.from(visualOrder(kept.map((i) => line[i]))).map((k) => kept[k]);
      if (JSON.stringify(order) !== JSON.stringify(c.order)) failures.push(`line ${c.line}: got ${order.join(' ')} expected ${c.order.join(' ')}`);
    }
    expect(failures).toEqual([]);
  });
});

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
