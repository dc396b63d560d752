import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseArticle, type Article } from '../../src/workspace/article.js';
import { fold, foldQuery } from '../../src/workspace/arabic.js';
import { formatRef, parseRef, resolveAnchor, resolveRef } from '../../src/workspace/refs.js';
import { normalizeSource } from '../../src/workspace/source.js';
import { FIXTURES, SEED_ARTICLE } from './helpers.js';

function load(file: string): Article {
  const r = parseArticle(file, normalizeSource(readFileSync(file, 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.article;
}

let seed: Article;
let sample: Article;
beforeAll(() => {
  seed = load(SEED_ARTICLE);
  sample = load(path.join(FIXTURES, 'articles/sample.md'));
});

function resolve(a: Article, ref: string) {
  const p = parseRef(ref);
  if (!p.ok) throw new Error(p.message);
  return resolveRef(a, p.ref);
}

describe('parsing refs', () => {
  test.each([
    ['p3', 'p3'],
    ['p3-p5', 'p3-p5'],
    ['p3-5', 'p3-p5'],
    [' P3 - p5 ', 'p3-p5'],
    ['p5.s2', 'p5.s2'],
    ['p5.s1-s2', 'p5.s1-s2'],
    ['p5.s1-2', 'p5.s1-s2'],
    ['p5.s1-p5.s3', 'p5.s1-s3'],
    ['p٣', 'p3'],
  ])('%s is %s', (input, canonical) => {
    const p = parseRef(input);
    expect(p.ok && formatRef(p.ref)).toBe(canonical);
  });

  test.each([
    ['paragraph 3', '`paragraph 3` is not a passage ref'],
    ['p0', '`p0`: paragraphs are numbered from 1'],
    ['p5-p3', '`p5-p3` runs backwards'],
    ['p2.s0', '`p2.s0`: sentences are numbered from 1'],
    ['p1.s2-p2.s1', '`p1.s2-p2.s1` spans sentences of two paragraphs'],
  ])('%s is rejected', (input, message) => {
    const p = parseRef(input);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.message).toBe(message);
  });
});

describe('every ref form against the seed article', () => {
  test('the seed has 18 paragraphs, each a single (long) sentence', () => {
    expect(seed.title).toBe('بعد هزيمته الميدانية.. خلافة «داعش» الافتراضية تتهاوى');
    expect(seed.paragraphs).toHaveLength(18);
    expect(seed.paragraphs.every((p) => p.sentences.length === 1)).toBe(true);
  });

  test('pN', () => {
    const r = resolve(seed, 'p3');
    expect(r.ok && r.paragraphs).toEqual([{ number: 3, text: seed.paragraphs[2].text, partial: false }]);
    expect(r.ok && r.paragraphs[0].text.startsWith('وقد حذر خبراء أمنيون')).toBe(true);
  });

  test('pN-pM', () => {
    const r = resolve(seed, 'p1-p2');
    expect(r.ok && r.paragraphs.map((p) => [p.number, p.partial])).toEqual([
      [1, false],
      [2, false],
    ]);
    const last = resolve(seed, 'p17-p18');
    expect(last.ok && last.paragraphs.map((p) => p.number)).toEqual([17, 18]);
  });

  test('pN.sK and pN.sK-sL', () => {
    const r = resolve(seed, 'p5.s1');
    expect(r.ok && r.paragraphs).toEqual([{ number: 5, text: seed.paragraphs[4].text, partial: false }]);
    const r2 = resolve(seed, 'p9.s1-s1');
    expect(r2.ok && r2.paragraphs[0].text).toBe(seed.paragraphs[8].text);
  });

  test('{from, to} as in the spec', () => {
    const r = resolveAnchor(seed, 'حتى بعد هزيمته', 'أراض جديدة');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.paragraphs).toHaveLength(1);
    expect(r.paragraphs[0].number).toBe(5);
    expect(r.paragraphs[0].partial).toBe(true);
    expect(r.paragraphs[0].text.startsWith('حتى بعد هزيمته القاسية')).toBe(true);
    expect(r.paragraphs[0].text.endsWith('على أراض جديدة')).toBe(true);
  });

  test('{from, to} typed from a printout: hamza, ta marbuta, alif maqsura, quotes, spacing, diacritics', () => {
    // the article has: تحت عنوان “الخلافة الافتراضية” من أن القضاء على تنظيم “داعش”
    const r = resolveAnchor(seed, 'عنوان  «الخلافه الإفتراضيّة»', 'تنظيم "داعش"');
    expect(r.ok && r.paragraphs[0].text).toBe('عنوان “الخلافة الافتراضية” من أن القضاء على تنظيم “داعش”');
    // diacritics in the article (بَيْدَ) are ignored, and kept in the quoted text
    const d = resolveAnchor(seed, 'بيد أن السبب', 'الرئيس');
    expect(d.ok && d.paragraphs[0].text).toBe('بَيْدَ أن السبب الرئيس');
    // tatweel in the query
    const t = resolveAnchor(seed, 'الخـــلافة الافتراضية صيغة', 'محرفة');
    expect(t.ok && t.paragraphs[0].text).toBe('الخلافة الافتراضية صيغة محرفة');
  });

  test('{from, to} across paragraphs', () => {
    const r = resolveAnchor(seed, 'لتكون بديلا', 'وقد حذر خبراء أمنيون');
    expect(r.ok && r.paragraphs.map((p) => [p.number, p.partial])).toEqual([
      [2, true],
      [3, true],
    ]);
  });

  test('errors say what exists', () => {
    const r = resolve(seed, 'p19');
    expect(!r.ok && r.message).toBe('paragraph 19 does not exist: the article has 18 paragraphs');
    const s = resolve(seed, 'p5.s2');
    expect(!s.ok && s.message).toBe('sentence 2 of paragraph 5 does not exist: paragraph 5 has 1 sentence');
    const a = resolveAnchor(seed, 'حتى بعد هزيمتها القاصية', 'جديدة');
    expect(!a.ok && a.message).toBe('`from` text «حتى بعد هزيمتها القاصية» is not in the article');
    expect(!a.ok && a.hint).toMatch(/^nearest text is «حتى بعد هزيمته القاسية» in p5\.s1: /);
    const b = resolveAnchor(seed, 'أراض جديدة', 'حتى بعد هزيمته');
    expect(!b.ok && b.message).toBe('`to` text «حتى بعد هزيمته» comes before the `from` text in the article');
  });
});

describe('sentence refs on a multi-sentence article', () => {
  test('pN.sK is the exact sentence, marked partial', () => {
    const r = resolve(sample, 'p2.s2');
    expect(r.ok && r.paragraphs).toEqual([{ number: 2, text: 'وأضاف: «لا نعرف كم منشورًا لم يُكتشف. هذه هي المشكلة الحقيقية.» ثم دعا إلى مزيد من الشفافية.', partial: true }]);
  });
  test('pN.sK-sL spans sentences', () => {
    const r = resolve(sample, 'p1.s2-s3');
    expect(r.ok && r.paragraphs[0].text).toBe('لكن هل يكفي الحذف وحده؟ يرى باحثون أن المشكلة أعمق من ذلك!');
    const all = resolve(sample, 'p1.s1-s3');
    expect(all.ok && all.paragraphs[0].partial).toBe(false);
  });
  test('sentence beyond the paragraph lists the sentences', () => {
    const r = resolve(sample, 'p3.s4');
    expect(!r.ok && r.message).toBe('sentence 4 of paragraph 3 does not exist: paragraph 3 has 3 sentences');
    expect(!r.ok && r.hint).toBe('p3.s1 «انتقل بعض المستخدمين من Twitter إلى …»; p3.s2 «وهناك يصعب الرصد.»; p3.s3 «أما الحل فليس واضحًا بعد.»');
  });
});

describe('Arabic normalization for matching', () => {
  test('folds letters, quotes, digits, spaces and drops marks', () => {
    expect(foldQuery('  أَإِآ ى ة  «»“”"  ٣ـ\u00a0X ')).toBe('ااا ي ه """"" 3 x');
  });
  test('keeps a map back to the original', () => {
    const f = fold('بَيْدَ أن');
    expect(f.text).toBe('بيد ان');
    expect(f.map).toEqual([0, 2, 4, 6, 7, 8, 9]);
  });
});
