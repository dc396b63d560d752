import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_OPTIONS, resolveFile, type ResolveResult } from '../../src/workspace/resolve.js';
import type { ResolvedCourse, ResolvedLesson } from '../../src/workspace/model.js';
import { DEFAULT_SCALE } from '../../src/workspace/questions.js';
import { FIXTURES, SEED_ARTICLE, workspace } from './helpers.js';

const fx = (f: string) => path.join(FIXTURES, f);

function lessonOf(r: ResolveResult): ResolvedLesson {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`).join('\n'));
  if (r.kind !== 'lesson') throw new Error('not a lesson');
  return r.lesson;
}
function courseOf(r: ResolveResult): ResolvedCourse {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`).join('\n'));
  if (r.kind !== 'course') throw new Error('not a course');
  return r.course;
}

describe('a lesson using every feature', async () => {
  const r = await resolveFile(fx('lesson.yaml'));
  const lesson = lessonOf(r);

  test('metadata, article and options', () => {
    expect(lesson.id).toBe('sample-lesson');
    expect(lesson.path).toBe(fx('lesson.yaml'));
    expect(lesson.article).toEqual({ id: 'sample', title: 'المنصات والمحتوى المتطرف: أسئلة مفتوحة', source: 'مقال تجريبي للاختبارات', date: '2024-05-01', errata: [], path: fx('articles/sample.md') });
    expect(lesson.audience).toBe('المرحلة الثانوية');
    expect(lesson.duration).toBe(45);
    expect(lesson.contentNote).toBe('يتناول الدرس موضوعًا حساسًا.');
    expect(lesson.options).toEqual({ ...DEFAULT_OPTIONS, paper: 'letter', digits: 'arabic', seed: 7, font: 'amiri' });
    expect(lesson.glossary).toEqual([{ term: 'الإشراف', definition: 'مراجعة المحتوى وحذف المخالف منه.' }]);
    expect(lesson.activities).toEqual([{ title: 'نقاش في مجموعات', minutes: 10, steps: ['اقرأ', 'ناقش'] }]);
    expect(lesson.teacher).toEqual({ facilitation: 'أدر النقاش بهدوء.', groundRules: ['نحترم الآراء'] });
  });

  test('deps are every file read, absolute', () => {
    expect(r.deps.sort()).toEqual([fx('articles/sample.md'), fx('lesson.yaml'), fx('questions/bank.yaml')].sort());
  });

  test('passages of every ref form', () => {
    expect(lesson.passages.map((p) => [p.ref, p.paragraphs.map((x) => `${x.number}${x.partial ? '~' : ''}`).join(' ')])).toEqual([
      ['p1', '1'],
      ['p2-p3', '2 3'],
      ['p2.s2', '2~'],
      ['p2.s1-s2', '2'],
      ['«هل يكفي الحذف» … «لم يكتشف»', '1~ 2~'],
    ]);
    expect(lesson.passages[0]).toMatchObject({ heading: 'الحذف', teacherNote: 'ابدأ بسؤال الطلاب عن تجربتهم.' });
    expect(lesson.passages[4].paragraphs.map((p) => p.text)).toEqual(['هل يكفي الحذف وحده؟ يرى باحثون أن المشكلة أعمق من ذلك!', 'قال د. أحمد سالم إن نسبة المحتوى المحذوف ارتفعت إلى 3.5 في المئة. وأضاف: «لا نعرف كم منشورًا لم يُكتشف']);
  });

  test('each question kind, with defaults', () => {
    const q = lesson.questions;
    expect(q.map((x) => x.id)).toEqual(['q-claim', 'q2', 'q3', 'q4', 'q5', 'why-delete', expect.any(String), expect.any(String)]);
    expect(q[0]).toEqual({ id: 'q-claim', text: 'ما الادعاء الرئيس في الفقرة الأولى؟', kind: 'open', level: 'understand', refs: ['p1'], lines: 4, options: [], guidance: 'الحذف وحده لا يكفي.' });
    expect(q[1]).toMatchObject({ kind: 'choice', options: ['متفائل', 'حذر', 'غير مبالٍ'], refs: ['p2.s1-s2'], level: 'analyze' });
    expect(q[2]).toMatchObject({ kind: 'scale', options: DEFAULT_SCALE });
    expect(DEFAULT_SCALE[0]).toBe('لا أوافق بشدة');
    expect(DEFAULT_SCALE[4]).toBe('أوافق بشدة');
    expect(q[3]).toMatchObject({ kind: 'rank', options: ['الحذف', 'التوعية', 'الشفافية'] });
    expect(q[4]).toMatchObject({ kind: 'open', lines: 6 });
    expect(q[5]).toMatchObject({ id: 'why-delete', kind: 'open', level: 'understand', origin: 'questions/bank.yaml#why-delete' });
    for (const p of q.slice(6)) expect(['best-response', 'rank-actors', 'transparency']).toContain(p.id);
    expect(q[6].id).not.toBe(q[7].id);
  });
});

describe('seeded picks', () => {
  const dir = workspace({
    'l.yaml': 'id: l\ntitle: "د"\narticle: articles/sample.md\nobjectives: ["ه"]\npassages: [{ref: p1}]\nquestions:\n  - use: questions/bank.yaml#displacement\n  - pick: { from: questions/bank.yaml, tags: [moderation, encryption], count: 2 }\n',
  });
  const picks = async (seed?: number) => lessonOf(await resolveFile(path.join(dir, 'l.yaml'), seed === undefined ? {} : { seed })).questions.map((q) => q.id);

  test('same seed, same questions; the default seed is 1', async () => {
    expect(await picks(1)).toEqual(await picks(1));
    expect(await picks()).toEqual(await picks(1));
    expect((await picks(5)).length).toBe(3);
  });

  test('other seeds, other questions; never one already used', async () => {
    const seen = new Set<string>();
    for (let s = 1; s <= 12; s++) {
      const ids = await picks(s);
      expect(ids[0]).toBe('displacement');
      expect(ids.slice(1)).not.toContain('displacement');
      seen.add(ids.slice(1).join(','));
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  test('bank refs come with the question and are checked against the lesson article', async () => {
    const l = lessonOf(await resolveFile(path.join(dir, 'l.yaml')));
    expect(l.questions[0]).toMatchObject({ id: 'displacement', refs: ['p3'], guidance: 'الانتقال إلى التطبيقات المشفرة.' });
  });
});

describe('overlays', () => {
  test('drop, add, order, limit; scalars replaced; options merged', async () => {
    const parent = lessonOf(await resolveFile(fx('lesson.yaml')));
    const l = lessonOf(await resolveFile(fx('overlay.yaml')));
    expect(l.id).toBe('sample-overlay');
    expect(l.title).toBe('نسخة الصف العاشر');
    expect(l.passages).toEqual(parent.passages);
    expect(l.article.path).toBe(fx('articles/sample.md'));
    expect(l.options).toEqual({ ...DEFAULT_OPTIONS, paper: 'letter', digits: 'western', seed: 7, font: 'amiri' });
    // inherited: q-claim q2 q3 q4 q5 why-delete P1 P2 (8) -> drop q-claim, q5 -> add q-new, q10
    // -> order q-new, q3 first -> limit 5
    const [p1] = parent.questions.slice(6).map((q) => q.id);
    expect(l.questions.map((q) => q.id)).toEqual(['q-new', 'q3', 'q2', 'q4', 'why-delete']);
    expect(p1).toBeDefined();
  });

  test('questions added by an overlay continue the numbering', async () => {
    const dir = workspace({
      'p.yaml': 'id: p\ntitle: "د"\narticle: articles/sample.md\nobjectives: ["ه"]\npassages: [{ref: p1}]\nquestions:\n  - text: "أ"\n  - text: "ب"\n',
      'c.yaml': 'extends: p.yaml\nid: c\nquestions:\n  add:\n    - text: "ج"\n',
    });
    const l = lessonOf(await resolveFile(path.join(dir, 'c.yaml')));
    expect(l.questions.map((q) => `${q.id}:${q.text}`)).toEqual(['q1:أ', 'q2:ب', 'q3:ج']);
  });

  test('chains of overlays', async () => {
    const l = lessonOf(await resolveFile(fx('overlay2.yaml')));
    expect(l.id).toBe('sample-overlay-2');
    expect(l.title).toBe('نسخة الصف العاشر');
    expect(l.options.digits).toBe('western');
    expect(l.questions.map((q) => q.id)).toEqual(['q3', 'q2', 'q4']);
  });

  test('a list replaces the inherited questions; paths stay relative to the file that writes them', async () => {
    const dir = workspace({
      'p.yaml': 'id: p\ntitle: "د"\narticle: articles/sample.md\nobjectives: ["ه"]\npassages: [{ref: p1}]\nquestions:\n  - text: "أ"\n',
      'grade10/c.yaml': 'extends: ../p.yaml\nid: c\nquestions:\n  - use: ../questions/bank.yaml#transparency\n',
    });
    // the workspace is the folder above the overlay (--root)
    const r = await resolveFile(path.join(dir, 'grade10/c.yaml'), {}, { root: dir });
    const l = lessonOf(r);
    expect(l.article.path).toBe(path.join(dir, 'articles/sample.md'));
    expect(l.questions.map((q) => q.id)).toEqual(['transparency']);
    expect(r.deps).toContain(path.join(dir, 'p.yaml'));
  });

  test('a cycle is an error naming the chain, never a hang', async () => {
    const dir = workspace({ 'a.yaml': 'extends: a.yaml\nid: a\n' });
    const r = await resolveFile(path.join(dir, 'a.yaml'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.diagnostics[0].message).toBe('`extends` makes a cycle: a.yaml → a.yaml');
  });
});

describe('options precedence: flags > course > lesson > defaults', () => {
  test('defaults', async () => {
    const dir = workspace({ 'l.yaml': 'id: l\ntitle: "د"\narticle: articles/sample.md\nobjectives: ["ه"]\npassages: [{ref: p1}]\nquestions: [{text: "س"}]\n' });
    expect(lessonOf(await resolveFile(path.join(dir, 'l.yaml'))).options).toEqual({ ...DEFAULT_OPTIONS, paper: 'A4', digits: 'arabic', seed: 1, font: 'amiri' });
  });
  test('flags beat the lesson', async () => {
    expect(lessonOf(await resolveFile(fx('lesson.yaml'), { paper: 'A4', digits: 'western' })).options).toEqual({ ...DEFAULT_OPTIONS, paper: 'A4', digits: 'western', seed: 7, font: 'amiri' });
  });
  test('a course resolves each lesson with its options, flags beat the course', async () => {
    const c = courseOf(await resolveFile(fx('course.yaml'), { digits: 'western' }));
    expect(c).toMatchObject({ id: 'sample-course', title: 'وحدة المنصات', subtitle: 'ثلاثة دروس', author: 'فريق حوار', path: fx('course.yaml') });
    expect(c.options).toEqual({ ...DEFAULT_OPTIONS, paper: 'A4', digits: 'western', seed: 3, font: 'amiri' });
    expect(c.lessons.map((l) => l.id)).toEqual(['sample-lesson', 'sample-overlay', 'sample-overlay-2']);
    for (const l of c.lessons) expect(l.options).toEqual({ ...DEFAULT_OPTIONS, paper: 'A4', digits: 'western', seed: 3, font: 'amiri' });
    // the course's seed decides the picks
    const alone = lessonOf(await resolveFile(fx('lesson.yaml'), { seed: 3 }));
    expect(c.lessons[0].questions.map((q) => q.id)).toEqual(alone.questions.map((q) => q.id));
  });
});

describe('what is not a lesson', () => {
  test('a bank, an article, a missing file: diagnostics, no throw', async () => {
    const bank = await resolveFile(fx('questions/bank.yaml'));
    expect(!bank.ok && bank.diagnostics[0].message).toBe('this is a question bank: build a lesson that uses it');
    const art = await resolveFile(SEED_ARTICLE);
    expect(!art.ok && art.diagnostics[0].message).toBe('this is an article: build a lesson that quotes it');
    const missing = await resolveFile(fx('nope.yaml'));
    expect(!missing.ok && missing.diagnostics[0]).toMatchObject({ file: fx('nope.yaml'), line: 0, message: 'cannot read this file: file not found' });
    expect(missing.deps).toEqual([]);
  });

  test('lessons of a course sharing an article that cannot be read: its problem once, no throw', async () => {
    const lesson = (id: string) => `id: ${id}\ntitle: "د"\narticle: articles/broken.md\nobjectives: ["ه"]\npassages: [{ref: p1}]\nquestions: [{text: "س"}]\n`;
    const dir = workspace({
      'articles/broken.md': '---\nid: Bad Id\ntitle: "م"\n---\n\nنص.\n',
      'a.yaml': lesson('a'),
      'b.yaml': lesson('b'),
      'c.yaml': 'id: c\ntitle: "ك"\nlessons: [a.yaml, b.yaml]\n',
    });
    const r = await resolveFile(path.join(dir, 'c.yaml'));
    expect(r.ok).toBe(false);
    const errors = !r.ok ? r.diagnostics.filter((d) => d.severity === 'error') : [];
    expect(errors.map((d) => [path.basename(d.file), d.line, d.col])).toEqual([['broken.md', 2, 5]]);
  });

  test('warnings do not fail a build', async () => {
    const dir = workspace({ 'l.yaml': 'id: l\ntitle: "د"\narticle: articles/sample.md\nobjectives: ["ه"]\npassages: [{ref: p1}]\nquestions:\n  - text: "س"\n    options: [أ, ب]\n' });
    const r = await resolveFile(path.join(dir, 'l.yaml'));
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings.map((w) => [w.line, w.col, w.message, w.hint])).toEqual([[8, 14, '`options` are not used by an `open` question', 'did you mean `kind: choice`?']]);
  });
});

describe('the font option', () => {
  test('a lesson may choose the bundled Noto Naskh; a flag overrides it', async () => {
    const dir = workspace({ 'l.yaml': 'id: l\ntitle: "د"\narticle: articles/sample.md\nobjectives: ["ه"]\npassages: [{ref: p1}]\nquestions: [{text: "س"}]\noptions: {font: noto-naskh}\n' });
    expect(lessonOf(await resolveFile(path.join(dir, 'l.yaml'))).options.font).toBe('noto-naskh');
    expect(lessonOf(await resolveFile(path.join(dir, 'l.yaml'), { font: 'amiri' })).options.font).toBe('amiri');
  });
});
