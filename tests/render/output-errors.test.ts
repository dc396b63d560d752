// Every new mistake a teacher can make with sources, answers, errata and
// figures (issue 15 §6–§10): one error, at the line and column where it was
// typed, with a hint, and nothing built.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveFile } from '../../src/workspace/resolve.js';
import { formatDiagnostic, type Diagnostic } from '../../src/workspace/diagnostics.js';
import { workspace } from '../workspace/helpers.js';
import { picture } from './pictures.js';


const ARTICLE = `---
id: moderation-note
title: "كيف تحذف المنصات المحتوى؟"
source: "صحيفة الاختبار"
url: "https://news.example/2017/10/01/moderation"
date: "2017-10-01"
author: "سلمى الحداد"
errata:
  - text: "لاكن الآلة"
    correct: "لكن الآلة"
    note: "خطأ إملائي."
---
تحذف المنصات ملايين المنشورات كل عام.

لاكن الآلة لا تعمل وحدها، فالمراجعون البشر يراجعون الحالات الصعبة.

ويقول باحثون إن الحذف وحده لا يكفي.
`;

const lesson = (extra = '', questions = '  - text: "ما رأيك؟"') => `id: l
title: "درس"
article: articles/moderation-note.md
objectives: ["أن يفهم الطالب"]
passages:
  - ref: p1-p2
  - ref: p3
questions:
${questions}
${extra}`;

async function problems(files: Record<string, string | Buffer>): Promise<{ diags: Diagnostic[]; dir: string }> {
  const dir = workspace({}, { base: false });
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const r = await resolveFile(path.join(dir, 'l.yaml'));
  return { diags: r.ok ? r.warnings : r.diagnostics, dir };
}

const shown = (d: Diagnostic, dir: string) => formatDiagnostic(d, dir);

describe('a good lesson with every new field resolves', () => {
  test('sources, answers, errata and figures reach the model', async () => {
    const dir = workspace({}, { base: false });
    fs.mkdirSync(path.join(dir, 'articles'));
    fs.mkdirSync(path.join(dir, 'figures'));
    fs.writeFileSync(path.join(dir, 'articles/moderation-note.md'), ARTICLE);
    fs.writeFileSync(path.join(dir, 'figures/chart.png'), picture('png', 300, 150));
    fs.writeFileSync(path.join(dir, 'figures/photo.jpg'), picture('jpeg', 64, 48));
    fs.writeFileSync(
      path.join(dir, 'l.yaml'),
      lesson(
        `figures:\n  - { image: figures/chart.png, caption: "رسم", alt: "أعمدة", after: p2 }\n  - { image: figures/photo.jpg, caption: "صورة", alt: "صورة", after: q-pick }\noptions: { qr: true }`,
        `  - id: q-pick\n    text: "أي العبارات صحيحة؟"\n    kind: choice\n    options: ["أ", "ب", "ج"]\n    answer: [ج, 1]\n  - text: "رتب"\n    kind: rank\n    options: ["الأول", "الثاني", "الثالث"]\n    answer: ["الثالث", 1, "الثاني"]`,
      ),
    );
    const r = await resolveFile(path.join(dir, 'l.yaml'));
    if (!r.ok || r.kind !== 'lesson') throw new Error(JSON.stringify(r));
    const l = r.lesson;
    expect(l.article).toMatchObject({ source: 'صحيفة الاختبار', author: 'سلمى الحداد', date: '2017-10-01', errata: [{ text: 'لاكن الآلة', correct: 'لكن الآلة', note: 'خطأ إملائي.' }] });
    // the body is never rewritten
    expect(l.passages[0].paragraphs[1].text.startsWith('لاكن الآلة')).toBe(true);
    expect(l.questions.map((q) => q.answer)).toEqual([[0, 2], [2, 0, 1]]);
    expect(l.figures).toEqual([
      { path: path.join(dir, 'figures/chart.png'), format: 'png', width: 300, height: 150, caption: 'رسم', alt: 'أعمدة', after: { passage: 0 } },
      { path: path.join(dir, 'figures/photo.jpg'), format: 'jpeg', width: 64, height: 48, caption: 'صورة', alt: 'صورة', after: { question: 0 } },
    ]);
    expect(l.options).toMatchObject({ qr: true, nameLine: true, shuffle: false, editions: ['student', 'teacher'] });
  });
});

describe('answers', () => {
  const choice = (answer: string) => `  - text: "أي العبارات صحيحة؟"\n    kind: choice\n    options: ["الحذف", "التوعية", "الشفافية"]\n    answer: ${answer}`;
  test.each([
    ['"الرقابة"', 'l.yaml:12:13: error: the answer "الرقابة" is not among the options of this question', 'the options are: 1 (أ) «الحذف», 2 (ب) «التوعية», 3 (ج) «الشفافية»'],
    ['4', 'l.yaml:12:13: error: the answer 4 names option 4, but the question has 3 options', 'the options are'],
    ['[1, أ]', 'l.yaml:12:17: error: option "أ" is given twice in `answer`', 'name each option once'],
    ['"د"', 'l.yaml:12:13: error: the answer "د" is not among the options of this question', 'the options are'],
  ])('answer: %s', async (answer, message, hint) => {
    const { diags, dir } = await problems({ 'articles/moderation-note.md': ARTICLE, 'l.yaml': lesson('', choice(answer)) });
    expect(diags).toHaveLength(1);
    expect(shown(diags[0], dir)).toContain(message);
    expect(diags[0].hint).toContain(hint);
  });

  test('in Arabic too (--lang ar), the options listed with Arabic commas', async () => {
    const { diags, dir } = await problems({ 'articles/moderation-note.md': ARTICLE, 'l.yaml': lesson('', choice('"الرقابة"')) });
    expect(formatDiagnostic(diags[0], dir, 'ar')).toBe('l.yaml:12:13: خطأ: الإجابة "الرقابة" ليست من خيارات هذا السؤال\n  تلميح: الخيارات هي: 1 (أ) «الحذف»، 2 (ب) «التوعية»، 3 (ج) «الشفافية»');
  });

  test('a text answer with a typo gets a did-you-mean', async () => {
    const { diags } = await problems({ 'articles/moderation-note.md': ARTICLE, 'l.yaml': lesson('', choice('"التوعيه"')) });
    expect(diags[0].hint).toMatch(/^did you mean `التوعية`\?/);
  });

  test('letters, numbers and texts all name the same option', async () => {
    for (const a of ['2', '"ب"', '"ب)"', '"٢"', '"التوعية"']) {
      const dir = workspace({ 'articles/moderation-note.md': ARTICLE, 'l.yaml': lesson('', choice(a)) }, { base: false });
      const r = await resolveFile(path.join(dir, 'l.yaml'));
      expect(r.ok && r.kind === 'lesson' && r.lesson.questions[0].answer, a).toEqual([1]);
    }
  });

  test('a rank answer must list every item once', async () => {
    const q = `  - text: "رتب"\n    kind: rank\n    options: ["الأول", "الثاني", "الثالث"]\n    answer: [3, 1]`;
    const { diags, dir } = await problems({ 'articles/moderation-note.md': ARTICLE, 'l.yaml': lesson('', q) });
    expect(diags.map((d) => shown(d, dir))).toEqual([
      'l.yaml:12:13: error: the expected order of a `rank` question must list every item once: «الثاني» missing\n  hint: write all 3 items (or their numbers 1–3) in the order you expect',
    ]);
  });

  test('an answer on an open question is a warning, and is dropped', async () => {
    const q = `  - text: "ما رأيك؟"\n    answer: 1`;
    const { diags, dir } = await problems({ 'articles/moderation-note.md': ARTICLE, 'l.yaml': lesson('', q) });
    expect(diags.map((d) => shown(d, dir))).toEqual(['l.yaml:10:13: warning: `answer` is used only by `choice` and `rank` questions, not `open`']);
  });

  test('an answer of the wrong type is a schema error', async () => {
    const q = `  - text: "أي؟"\n    kind: choice\n    options: ["أ", "ب"]\n    answer: { x: 1 }`;
    const { diags } = await problems({ 'articles/moderation-note.md': ARTICLE, 'l.yaml': lesson('', q) });
    expect(diags[0]).toMatchObject({ severity: 'error', line: 12 });
  });
});

describe('errata and dates', () => {
  test('an erratum whose text is not in the article is an error at its line', async () => {
    const bad = ARTICLE.replace('text: "لاكن الآلة"', 'text: "لاكن الالة"');
    const { diags, dir } = await problems({ 'articles/moderation-note.md': bad, 'l.yaml': lesson() });
    expect(diags.map((d) => shown(d, dir))).toEqual([
      'articles/moderation-note.md:9:11: error: the erratum text "لاكن الالة" does not occur in the article\n  hint: copy the words exactly as the article prints them (spaces and letters included)',
    ]);
  });

  test('an erratum that corrects nothing is an error at `correct`', async () => {
    const bad = ARTICLE.replace('correct: "لكن الآلة"', 'correct: "لاكن الآلة"');
    const { diags, dir } = await problems({ 'articles/moderation-note.md': bad, 'l.yaml': lesson() });
    expect(shown(diags[0], dir)).toMatch(/^articles\/moderation-note\.md:10:14: error: the erratum corrects "لاكن الآلة" to the same text/);
  });

  test('an erratum without `correct` is a schema error naming the field', async () => {
    const bad = ARTICLE.replace('    correct: "لكن الآلة"\n', '');
    const { diags } = await problems({ 'articles/moderation-note.md': bad, 'l.yaml': lesson() });
    expect(diags[0].message).toContain('missing required field `correct`');
  });

  test('a date written year-month-day must be a real date', async () => {
    const bad = ARTICLE.replace('date: "2017-10-01"', 'date: "2017-02-30"');
    const { diags, dir } = await problems({ 'articles/moderation-note.md': bad, 'l.yaml': lesson() });
    expect(diags.map((d) => shown(d, dir))).toEqual(['articles/moderation-note.md:6:7: error: the date `2017-02-30` is not a real date\n  hint: write it as year-month-day, e.g. "2017-10-01"']);
  });
});

describe('figures', () => {
  const fig = (f: string) => `figures:\n  - ${f}`;
  test.each([
    ['{ image: figures/none.png, caption: "س", alt: "ص", after: p1 }', {}, 'l.yaml:11:14: error: cannot find the image `figures/none.png`'],
    ['{ image: ../outside.png, caption: "س", alt: "ص", after: p1 }', {}, 'l.yaml:11:14: error: the image `../outside.png` is outside the workspace'],
    ['{ image: figures/anim.gif, caption: "س", alt: "ص", after: p1 }', { 'figures/anim.gif': Buffer.from('GIF89a\x01\x00\x01\x00') }, 'l.yaml:11:14: error: the image `figures/anim.gif` is not a PNG or JPEG file (GIF)'],
    ['{ image: figures/cut.png, caption: "س", alt: "ص", after: p1 }', { 'figures/cut.png': picture('png').subarray(0, 30) }, 'l.yaml:11:14: error: the image `figures/cut.png` cannot be read: the PNG has no header'],
    ['{ image: figures/ok.png, caption: "س", alt: "ص", after: p9 }', { 'figures/ok.png': picture('png') }, 'l.yaml:11:61: error: `after: p9` names no printed passage or question of this lesson'],
    ['{ image: figures/ok.png, caption: "س", after: p1 }', { 'figures/ok.png': picture('png') }, 'l.yaml:11:5: error: missing required field `alt` in entry 1 of `figures`'],
  ])('%s', async (f, extra, message) => {
    const { diags, dir } = await problems({ 'articles/moderation-note.md': ARTICLE, 'l.yaml': lesson(fig(f)), ...extra });
    expect(diags).toHaveLength(1);
    expect(shown(diags[0], dir)).toContain(message);
    expect(diags[0].hint).toBeTruthy();
  });

  test('`after` lists the printed paragraphs and the question ids in its hint', async () => {
    const { diags } = await problems({ 'articles/moderation-note.md': ARTICLE, 'l.yaml': lesson(fig('{ image: figures/ok.png, caption: "س", alt: "ص", after: q9 }')), 'figures/ok.png': picture('png') });
    expect(diags[0].hint).toBe('use `pN` for a printed paragraph (p1, p2, p3) or a question id (q1)');
  });
});

describe('options', () => {
  test('`qr: true` for an article without a url is an error at `qr`', async () => {
    const noUrl = ARTICLE.replace(/^url: .*\n/m, '');
    const { diags, dir } = await problems({ 'articles/moderation-note.md': noUrl, 'l.yaml': lesson('options: { qr: true }') });
    expect(shown(diags[0], dir)).toMatch(/^l\.yaml:10:16: error: `qr: true` prints a QR code of the article’s `url`, but the article has none/);
  });

  test.each([
    ['options: { editions: [student, answers] }', 'must be one of `student`, `teacher`, `key`'],
    ['options: { name_line: "no" }', 'must be `true` or `false`'],
    ['options: { shuffle: yes please }', 'must be `true` or `false`'],
  ])('%s', async (opt, message) => {
    const { diags } = await problems({ 'articles/moderation-note.md': ARTICLE, 'l.yaml': lesson(opt) });
    expect(diags[0].severity).toBe('error');
    expect(diags[0].message).toContain(message);
  });
});
