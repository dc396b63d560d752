// Questions that know their article, passages edited by overlays, refs typed in Arabic,
// and problems of a used bank question shown at the lesson with the bank as a second place.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkFiles } from '../../src/workspace/check.js';
import { formatDiagnostic } from '../../src/workspace/diagnostics.js';
import { formatRef, parseRef, splitRefList } from '../../src/workspace/refs.js';
import { resolveFile } from '../../src/workspace/resolve.js';
import { workspace } from './helpers.js';

const OTHER = '---\nid: other\ntitle: "مقال آخر"\n---\nفقرة أولى.\n\nفقرة ثانية.\n\nفقرة ثالثة.\n\nفقرة رابعة.\n\nفقرة خامسة.\n\nفقرة سادسة.\n\nفقرة سابعة.\n';
// a bank written for articles/other.md (7 paragraphs); sample.md (the lessons' article) has 4
const BANK = `id: b
article: ../articles/other.md
questions:
  - id: on-p6
    text: "سؤال عن الفقرة السادسة"
    refs: [p6]
  - id: on-p2
    text: "سؤال عن الفقرة الثانية"
    refs: [p2]
    tags: [t]
  - id: general-one
    general: true
    text: "سؤال عام"
    tags: [t]
  - id: general-two
    general: true
    text: "سؤال عام آخر"
    tags: [t]
`;
const head = 'id: demo\ntitle: "درس"\narticle: articles/sample.md\nobjectives: ["هدف"]\npassages:\n  - ref: p1-p2\n';

async function lesson(questions: string, files: Record<string, string> = {}) {
  const dir = workspace({ 'articles/other.md': OTHER, 'questions/b.yaml': BANK, 'lesson.yaml': head + questions, ...files });
  const r = await resolveFile(path.join(dir, 'lesson.yaml'));
  return { dir, r };
}

describe('questions that know their article', () => {
  test('a lesson on another article keeps the texts, leaves the refs out, and says so once per bank', async () => {
    const { dir, r } = await lesson('questions:\n  - use: questions/b.yaml#on-p6\n  - use: questions/b.yaml#on-p2\n');
    expect(r.ok).toBe(true);
    if (!r.ok || r.kind !== 'lesson') return;
    expect(r.lesson.questions.map((q) => [q.id, q.text, q.refs])).toEqual([
      ['on-p6', 'سؤال عن الفقرة السادسة', []],
      ['on-p2', 'سؤال عن الفقرة الثانية', []],
    ]);
    expect(r.warnings.map((d) => formatDiagnostic(d, dir))).toEqual([
      "lesson.yaml:8:10: note: questions from `questions/b.yaml` were written for `articles/other.md`, not for this lesson's article: their text is kept, their refs are left out (2 here)\n" +
        "  hint: give this lesson's own refs: `refs: [p2]` beside `use:`, or beside `pick:` (for every picked question); or `general: true` in `pick:` to take only questions that need no article",
    ]);
    // paragraph 6 does not exist in sample.md: no error, since the refs were not meant for it
    expect(r.warnings.every((d) => d.severity === 'note')).toBe(true);
  });

  test('`use` with `refs` gives the lesson’s own refs, with no note', async () => {
    const { r } = await lesson('questions:\n  - use: questions/b.yaml#on-p6\n    refs: [ف٢]\n');
    expect(r.ok && r.kind === 'lesson' && r.lesson.questions[0].refs).toEqual(['p2']);
    expect(r.ok && r.warnings).toEqual([]);
  });

  test('`pick` with `refs` gives them to every picked question; `general: true` picks only general ones', async () => {
    const picked = await lesson('questions:\n  - pick: { from: questions/b.yaml, tags: [t], count: 3 }\n    refs: [p1، p2]\n');
    expect(picked.r.ok && picked.r.kind === 'lesson' && picked.r.lesson.questions.map((q) => q.refs)).toEqual([['p1', 'p2'], ['p1', 'p2'], ['p1', 'p2']]);
    for (let seed = 1; seed <= 6; seed++) {
      const general = await lesson(`questions:\n  - pick: { from: questions/b.yaml, count: 2, general: true }\noptions: { seed: ${seed} }\n`);
      expect(general.r.ok && general.r.kind === 'lesson' && general.r.lesson.questions.map((q) => q.id).sort()).toEqual(['general-one', 'general-two']);
    }
  });

  test('a bank written for the lesson’s own article keeps its refs; a wrong one is reported at the `use`, the bank second', async () => {
    const bank = 'id: s\narticle: ../articles/sample.md\nquestions:\n  - id: ok\n    text: "سؤال"\n    refs: [p2]\n  - id: bad\n    text: "سؤال"\n    refs: [p9]\n';
    const good = await lesson('questions:\n  - use: questions/s.yaml#ok\n', { 'questions/s.yaml': bank });
    expect(good.r.ok && good.r.kind === 'lesson' && good.r.lesson.questions[0].refs).toEqual(['p2']);
    const bad = await lesson('questions:\n  - use: questions/s.yaml#bad\n', { 'questions/s.yaml': bank });
    expect(bad.r.ok).toBe(false);
    if (bad.r.ok) return;
    const d = bad.r.diagnostics.find((x) => x.severity === 'error')!;
    expect(formatDiagnostic(d, bad.dir).split('\n')).toEqual([
      'lesson.yaml:8:10: error: question `bad` of `questions/s.yaml`: paragraph 9 does not exist: the article has 4 paragraphs',
      expect.stringMatching(/^ {2}hint: the last paragraph is p4: /),
      'questions/s.yaml:9:12: note: the question `bad` is written here',
    ]);
    // in Arabic, the place stays first and the second line too
    expect(formatDiagnostic(d, bad.dir, 'ar').split('\n')[2]).toBe('questions/s.yaml:9:12: ملاحظة: السؤال `bad` مكتوب هنا');
  });

  test('a bank with refs that does not name its article gets a warning when checked', async () => {
    const dir = workspace({ 'questions/old.yaml': 'id: old\nquestions:\n  - id: x\n    text: "سؤال"\n    refs: [p1]\n' });
    const r = await checkFiles(['questions/old.yaml'], {}, dir);
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => formatDiagnostic(d, dir).split('\n')[0])).toEqual([
      'questions/old.yaml:1:1: warning: the questions of `old.yaml` have refs, but the bank does not say which article they point into',
    ]);
  });

  test('a question that refers to a paragraph the handout does not print is a warning at its refs', async () => {
    const { dir, r } = await lesson('questions:\n  - text: "سؤال؟"\n    refs: [p1, p4, p2.s1]\n');
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings.map((d) => formatDiagnostic(d, dir).split('\n')[0])).toEqual([
      'lesson.yaml:9:11: warning: question `q1` refers to p4, which the handout does not print (it prints p1-p2)',
    ]);
  });
});

describe('overlays edit passages', () => {
  const parent = `id: parent
title: "درس"
article: articles/sample.md
objectives: ["هدف"]
passages:
  - ref: p1
    teacher_note: "ملاحظة الأولى"
  - ref: p2-p3
    heading: "الثانية والثالثة"
    teacher_note: "ملاحظة الثانية"
  - ref: { from: "تحذف المنصات", to: "كل عام" }
    teacher_note: "ملاحظة المقتطف"
questions:
  - text: "سؤال؟"
`;
  async function child(passages: string) {
    const dir = workspace({ 'parent.yaml': parent, 'child.yaml': `extends: parent.yaml\nid: child\npassages:\n${passages}` });
    return { dir, r: await resolveFile(path.join(dir, 'child.yaml')) };
  }

  test('drop (any spelling of the ref, or the first words), add, order; the kept passages keep their notes', async () => {
    const { r } = await child('  drop: [ف٢-ف٣]\n  add:\n    - ref: p4\n      teacher_note: "جديدة"\n  order: [p4, "تحذف المنصات"]\n');
    expect(r.ok).toBe(true);
    if (!r.ok || r.kind !== 'lesson') return;
    expect(r.lesson.passages.map((p) => [p.ref, p.teacherNote])).toEqual([
      ['p4', 'جديدة'],
      ['«تحذف المنصات» … «كل عام»', 'ملاحظة المقتطف'],
      ['p1', 'ملاحظة الأولى'],
    ]);
  });

  test('a passage list still replaces the inherited one', async () => {
    const { r } = await child('  - ref: p3\n');
    expect(r.ok && r.kind === 'lesson' && r.lesson.passages.map((p) => p.ref)).toEqual(['p3']);
  });
});

describe('refs as Arabic teachers type them', () => {
  test.each([
    ['ف٦', 'p6'],
    ['ف6', 'p6'],
    ['ف۶', 'p6'],
    ['ف٣-ف٥', 'p3-p5'],
    ['ف٣ - ٥', 'p3-p5'],
    ['ف٥.ج٢', 'p5.s2'],
    ['ف٥،ج٢', 'p5.s2'],
    ['ف٥.ج١-ج٢', 'p5.s1-s2'],
    ['فـ٥', 'p5'],
    ['p١٢', 'p12'],
  ])('%s is %s', (typed, canonical) => {
    const p = parseRef(typed);
    expect(p.ok && formatRef(p.ref)).toBe(canonical);
  });

  test('the Arabic comma separates refs in a list (YAML reads `[p6، p5]` as one text)', () => {
    expect(splitRefList(['p6، p5', 'ف٧'])).toEqual([
      { ref: 'p6', index: 0 },
      { ref: 'p5', index: 0 },
      { ref: 'ف٧', index: 1 },
    ]);
    // a comma before the sentence is one ref
    expect(splitRefList(['ف٥،ج٢'])).toEqual([{ ref: 'ف٥،ج٢', index: 0 }]);
  });
});
