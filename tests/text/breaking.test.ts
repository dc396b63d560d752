// Line breaking and justification on a real seed paragraph.
import { describe, expect, test } from 'vitest';
import { breakLines, breakOpportunities, layoutParagraph, loadFamily } from '../../src/text/index.js';
import type { LaidLine, ParagraphSpec } from '../../src/text/index.js';
import { seedArticle, style12 } from './helpers.js';

const family = loadFamily('amiri');
const { paragraphs } = seedArticle();
const longest = [...paragraphs].sort((a, b) => b.length - a.length)[0];
const EPS = 1e-6;

const right = (l: LaidLine) => {
  const r = l.runs[l.runs.length - 1];
  return r.x + r.width;
};
const left = (l: LaidLine) => l.runs[0].x;
const drawnWidth = (l: LaidLine) => l.runs.reduce((w, r) => w + r.width, 0);

function spec(text: string, width: number, align: ParagraphSpec['align'] = 'justify'): ParagraphSpec {
  return { runs: [{ text, style: style12 }], width, align, direction: 'rtl', lineHeight: 1.6 };
}

describe('a seed paragraph set justified at 400pt', () => {
  const { lines, missing } = layoutParagraph(spec(longest, 400), family);

  test('breaks into several lines, none wider than the measure', () => {
    expect(missing).toEqual([]);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const l of lines) {
      expect(l.naturalWidth).toBeLessThanOrEqual(400 + EPS);
      expect(l.width).toBe(400);
      expect(left(l)).toBeGreaterThanOrEqual(-EPS);
      expect(right(l)).toBeLessThanOrEqual(400 + EPS);
    }
  });

  test('every line but the last exactly fills the width (spaces stretched)', () => {
    for (const l of lines.slice(0, -1)) {
      expect(left(l)).toBeCloseTo(0, 6);
      expect(right(l)).toBeCloseTo(400, 6);
      expect(drawnWidth(l)).toBeCloseTo(400, 6);
      expect(drawnWidth(l)).toBeGreaterThanOrEqual(l.naturalWidth - EPS);
    }
  });

  test('the last line is flush right (the start side), not stretched', () => {
    const last = lines[lines.length - 1];
    expect(right(last)).toBeCloseTo(400, 6);
    expect(left(last)).toBeGreaterThan(1);
    expect(drawnWidth(last)).toBeCloseTo(last.naturalWidth, 6);
  });

  test('the lines, concatenated, give the paragraph back in order', () => {
    expect(lines.map((l) => l.text).join('')).toBe(longest);
    // each line's runs together hold exactly its text minus the trailing space
    for (const l of lines) {
      const inRuns = l.runs.map((r) => r.text).sort((a, b) => l.text.indexOf(a) - l.text.indexOf(b)).join('');
      expect(inRuns.length).toBe(l.text.replace(/ +$/, '').length);
    }
  });

  test('lines break only at UAX #14 opportunities and greedily (the next word would not have fit)', () => {
    const opportunities = new Set(breakOpportunities(longest).map((b) => b.position));
    let offset = 0;
    for (let k = 0; k < lines.length - 1; k++) {
      offset += lines[k].text.length;
      expect(opportunities.has(offset)).toBe(true);
      const nextWord = lines[k + 1].text.split(' ')[0];
      const withNext = layoutParagraph(spec(lines[k].text + nextWord, 100000, 'start'), family).lines[0].naturalWidth;
      expect(withNext).toBeGreaterThan(400);
    }
  });

  test('line boxes: ascent + descent = height = 1.6 × size', () => {
    for (const l of lines) {
      expect(l.height).toBeCloseTo(1.6 * 12, 6);
      expect(l.ascent + l.descent).toBeCloseTo(l.height, 6);
      expect(l.ascent).toBeGreaterThan(l.descent);
    }
  });
});

describe('alignment', () => {
  const text = 'قال فوتل إن التنظيم سيجد ملجأ';
  test('start is right for RTL, end is left, center is centred', () => {
    const s = layoutParagraph(spec(text, 400, 'start'), family).lines[0];
    const e = layoutParagraph(spec(text, 400, 'end'), family).lines[0];
    const c = layoutParagraph(spec(text, 400, 'center'), family).lines[0];
    expect(right(s)).toBeCloseTo(400, 6);
    expect(left(e)).toBeCloseTo(0, 6);
    expect(left(c)).toBeCloseTo(400 - right(c), 6);
  });

  test('a newline forces a break; the line before it is not justified', () => {
    const { lines } = layoutParagraph(spec('سطر أول\nسطر ثان طويل', 400), family);
    expect(lines.map((l) => l.text)).toEqual(['سطر أول\n', 'سطر ثان طويل']);
    expect(right(lines[0])).toBeCloseTo(400, 6);
    expect(left(lines[0])).toBeGreaterThan(100);
  });
});

describe('words longer than the line', () => {
  test('an Arabic word wider than the measure is broken by grapheme, never overflowing', () => {
    const word = 'والاستراتيجيات';
    const width = 30;
    const { lines } = layoutParagraph(spec(`كلمة ${word} أخرى`, width), family);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.naturalWidth).toBeLessThanOrEqual(width + EPS);
    expect(lines.map((l) => l.text).join('')).toBe(`كلمة ${word} أخرى`);
  });

  test('a long URL breaks at its own opportunities and, if still too long, by grapheme', () => {
    const url = 'https://example.com/a-very-long-path/with/many/segments/and-a-remarkably-long-final-segment-name';
    const { lines } = layoutParagraph(spec(`راجع ${url} للمزيد`, 150), family);
    for (const l of lines) expect(l.naturalWidth).toBeLessThanOrEqual(150 + EPS);
    expect(lines.map((l) => l.text).join('')).toBe(`راجع ${url} للمزيد`);
    // each URL fragment stays a left-to-right run
    for (const l of lines) for (const r of l.runs) if (/[a-z]/.test(r.text)) expect(r.level).toBe(2);
  });

  test('a single grapheme wider than the line overflows alone rather than looping', () => {
    const { lines } = layoutParagraph(spec('م', 1), family);
    expect(lines).toHaveLength(1);
    expect(lines[0].naturalWidth).toBeGreaterThan(1);
  });
});

test('breakLines: greedy over pieces, spaces hang at line ends', () => {
  const w = (width: number, space = false) => ({ width, space, breakAfter: space, forcedAfter: false });
  const pieces = [w(40), w(5, true), w(40), w(5, true), w(40)];
  expect(breakLines(pieces, 85)).toEqual([4, 5]); // 40 + 5 + 40 fits exactly; the space after it hangs
  expect(breakLines([w(40), w(5, true), w(40), w(5, true), w(40)], 84)).toEqual([2, 4, 5]);
  expect(breakLines([w(40), w(5, true), w(40), w(5, true), w(40)], 1000)).toEqual([5]);
});

test('empty paragraph: no lines', () => {
  expect(layoutParagraph(spec('', 400), family)).toEqual({ lines: [], missing: [] });
});

test('nothing is tied to Amiri: the same paragraph with Noto Naskh Arabic', () => {
  const noto = loadFamily('noto-naskh');
  const { lines, missing } = layoutParagraph(spec(longest, 400), noto);
  expect(missing).toEqual([]);
  expect(lines.map((l) => l.text).join('')).toBe(longest);
  for (const l of lines.slice(0, -1)) expect(right(l)).toBeCloseTo(400, 6);
  for (const l of lines) expect(l.runs.every((r) => r.face.key.startsWith('noto-naskh'))).toBe(true);
});
