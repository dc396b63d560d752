// Mixed Arabic / Latin / digits / punctuation, asserted on laid-out glyph runs:
// runs come left to right (drawing order), each with its logical text.
import { describe, expect, test } from 'vitest';
import { layoutParagraph, loadFamily } from '../../src/text/index.js';
import type { GlyphRun, LaidLine } from '../../src/text/index.js';
import { logicalGlyphText, style12 } from './helpers.js';

const family = loadFamily('amiri');
const face = family.faces.regular;
const gid = (ch: string) => face.font.glyphForCodePoint(ch.codePointAt(0)!).id;

function line(text: string): LaidLine {
  const { lines, missing } = layoutParagraph({ runs: [{ text, style: style12 }], width: 2000, align: 'start', direction: 'rtl', lineHeight: 1.5 }, family);
  expect(lines).toHaveLength(1);
  expect(missing).toEqual([]);
  const l = lines[0];
  // runs abut left to right, end on the right edge (start side), and glyphs
  // joined in logical order give each run's text back
  for (let k = 1; k < l.runs.length; k++) expect(l.runs[k].x).toBeCloseTo(l.runs[k - 1].x + l.runs[k - 1].width, 6);
  const last = l.runs[l.runs.length - 1];
  expect(last.x + last.width).toBeCloseTo(2000, 6);
  for (const r of l.runs) expect(logicalGlyphText(r)).toBe(r.text);
  expect(l.text).toBe(text);
  return l;
}

const texts = (l: LaidLine) => l.runs.map((r) => r.text);
const levels = (l: LaidLine) => l.runs.map((r) => r.level);
const ids = (r: GlyphRun) => r.glyphs.map((g) => g.id);

describe('from the seed article', () => {
  test('عام 2014، — the year keeps its order, the Arabic comma sits after it (to its left), a space separates it from عام', () => {
    const l = line('عام 2014،');
    expect(texts(l)).toEqual(['،', '2014', 'عام ']);
    expect(levels(l)).toEqual([1, 2, 1]);
    expect(ids(l.runs[1])).toEqual(['2', '0', '1', '4'].map(gid));
    expect(l.runs[2].glyphs[0].id).toBe(gid(' ')); // not glued: "عام2014"
    expect(l.runs[0].glyphs[0].text).toBe('،');
  });

  test('in a sentence: في عام 2014، من مدينة', () => {
    expect(texts(line('في عام 2014، من مدينة'))).toEqual(['، من مدينة', '2014', 'في عام ']);
  });

  test('عامي 2014 و2015 — two years, each left-to-right, in right-to-left order', () => {
    const l = line('عامي 2014 و2015');
    expect(texts(l)).toEqual(['2015', ' و', '2014', 'عامي ']);
    expect(levels(l)).toEqual([2, 1, 2, 1]);
    expect(ids(l.runs[0])).toEqual(['2', '0', '1', '5'].map(gid));
  });

  test('“الخلافة الافتراضية” — one run; the opening quote is the rightmost glyph (quotes do not mirror)', () => {
    const l = line('“الخلافة الافتراضية”');
    expect(texts(l)).toEqual(['“الخلافة الافتراضية”']);
    const g = ids(l.runs[0]);
    expect(g[0]).toBe(gid('”'));
    expect(g[g.length - 1]).toBe(gid('“'));
  });

  test('«داعش» — guillemets mirror: the logical « is drawn rightmost as », pointing outward', () => {
    const l = line('«داعش»');
    const g = ids(l.runs[0]);
    expect(g[0]).toBe(gid('«'));
    expect(g[g.length - 1]).toBe(gid('»'));
    expect(l.runs[0].glyphs[0].text).toBe('»');
    expect(l.runs[0].glyphs[g.length - 1].text).toBe('«');
  });
});

describe('Latin, numbers and brackets inside Arabic', () => {
  test('(تويتر Twitter) — brackets mirrored, both in the Arabic style, the Latin word in its own order', () => {
    const l = line('(تويتر Twitter)');
    expect(texts(l)).toEqual([')', 'Twitter', '(تويتر ']);
    expect(levels(l)).toEqual([1, 2, 1]);
    expect(ids(l.runs[0])).toEqual([gid('(')]);
    expect(ids(l.runs[1])).toEqual([...'Twitter'].map(gid));
    const right = ids(l.runs[2]);
    expect(right[right.length - 1]).toBe(gid(')'));
  });

  test('انتقل من Twitter إلى Telegram — the two names stay in reading order (Twitter to the right of Telegram)', () => {
    const l = line('انتقل من Twitter إلى Telegram');
    expect(texts(l)).toEqual(['Telegram', ' إلى ', 'Twitter', 'انتقل من ']);
    expect(levels(l)).toEqual([2, 1, 2, 1]);
  });

  test('45% — digits left to right; after Arabic the percent sign is read after the number, so it sits on its left', () => {
    // UAX #9 W2 makes digits after Arabic letters Arabic numbers, so "%" is
    // neutral and goes with the Arabic text: drawn "%45", read right to left
    // as "45 %", which is how browsers and Arabic typesetting show it.
    const l = line('ارتفعت النسبة 45% في عام');
    expect(texts(l)).toEqual(['% في عام', '45', 'ارتفعت النسبة ']);
    expect(ids(l.runs[1])).toEqual(['4', '5'].map(gid));
    const left = ids(l.runs[0]);
    expect(left[left.length - 1]).toBe(gid('%')); // right next to the digits
    // with no Arabic letter before it, 45% is one left-to-right run
    expect(texts(line('45% من المستخدمين'))).toEqual([' من المستخدمين', '45%']);
  });

  test('3.5 — a decimal number is one left-to-right run', () => {
    const l = line('بلغ 3.5 مليون');
    expect(texts(l)).toEqual([' مليون', '3.5', 'بلغ ']);
    expect(ids(l.runs[1])).toEqual(['3', '.', '5'].map(gid));
  });

  test('[نص (مقتبس)] — nested brackets mirrored in place', () => {
    const l = line('[نص (مقتبس)]');
    expect(texts(l)).toEqual(['[نص (مقتبس)]']);
    const brackets = ids(l.runs[0]).filter((id) => ['[', ']', '(', ')'].map(gid).includes(id));
    expect(brackets).toEqual(['[', '(', ')', ']'].map(gid)); // drawn as [(مقتبس) نص]
  });

  test('a URL inside an Arabic sentence stays whole and left to right', () => {
    const url = 'https://example.com/news/2014/';
    const l = line(`للمزيد زوروا ${url} اليوم.`);
    expect(texts(l)).toEqual([' اليوم.', url, 'للمزيد زوروا ']);
    expect(levels(l)).toEqual([1, 2, 1]);
    expect(l.runs[1].glyphs.map((g) => g.text).join('')).toBe(url);
  });

  test('a left-to-right paragraph with an Arabic word', () => {
    const { lines } = layoutParagraph({ runs: [{ text: 'The word خلافة (caliphate).', style: style12 }], width: 2000, align: 'start', direction: 'ltr', lineHeight: 1.5 }, family);
    expect(texts(lines[0])).toEqual(['The word ', 'خلافة', ' (caliphate).']);
    expect(lines[0].runs[0].x).toBe(0);
  });
});

describe('styled runs', () => {
  test('a bold word inside a regular sentence gets its own run and face', () => {
    const { lines } = layoutParagraph(
      {
        runs: [
          { text: 'قال ', style: style12 },
          { text: 'فوتل', style: { ...style12, weight: 'bold' } },
          { text: ' إن التنظيم', style: style12 },
        ],
        width: 2000,
        align: 'start',
        direction: 'rtl',
        lineHeight: 1.5,
      },
      family,
    );
    expect(texts(lines[0])).toEqual([' إن التنظيم', 'فوتل', 'قال ']);
    expect(lines[0].runs.map((r) => r.face.key)).toEqual(['amiri-regular', 'amiri-bold', 'amiri-regular']);
  });
});
