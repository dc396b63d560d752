// Arabic counted nouns (one function for every count hiwar prints) and the
// digits of the lesson's own meta fields.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { countOf, NOUNS, type CountedNoun } from '../../src/render/labels.js';
import { formatNumber, withDigits } from '../../src/text/digits.js';
import { lessonView } from '../../src/render/viewModel.js';
import { courseDocument } from '../../src/render/render.js';
import { loadTemplates } from '../../src/render/templates.js';
import { resolveFile } from '../../src/workspace/resolve.js';

const ROOT = path.resolve(__dirname, '../..');

describe('countOf: every form Arabic grammar asks for', () => {
  // [n, minute, lesson, question] in Arabic-Indic digits
  const table: Array<[number, string, string, string]> = [
    [1, 'دقيقة واحدة', 'درس واحد', 'سؤال واحد'],
    [2, 'دقيقتان', 'درسان', 'سؤالان'],
    [3, '٣ دقائق', '٣ دروس', '٣ أسئلة'],
    [5, '٥ دقائق', '٥ دروس', '٥ أسئلة'],
    [10, '١٠ دقائق', '١٠ دروس', '١٠ أسئلة'],
    [11, '١١ دقيقة', '١١ درسًا', '١١ سؤالًا'],
    [15, '١٥ دقيقة', '١٥ درسًا', '١٥ سؤالًا'],
    [99, '٩٩ دقيقة', '٩٩ درسًا', '٩٩ سؤالًا'],
    [100, '١٠٠ دقيقة', '١٠٠ درس', '١٠٠ سؤال'],
    [101, '١٠١ دقيقة', '١٠١ درس', '١٠١ سؤال'],
    [102, '١٠٢ دقيقة', '١٠٢ درس', '١٠٢ سؤال'],
    [103, '١٠٣ دقائق', '١٠٣ دروس', '١٠٣ أسئلة'],
    [110, '١١٠ دقائق', '١١٠ دروس', '١١٠ أسئلة'],
    [111, '١١١ دقيقة', '١١١ درسًا', '١١١ سؤالًا'],
    [180, '١٨٠ دقيقة', '١٨٠ درسًا', '١٨٠ سؤالًا'],
    [200, '٢٠٠ دقيقة', '٢٠٠ درس', '٢٠٠ سؤال'],
    [1000, '١٠٠٠ دقيقة', '١٠٠٠ درس', '١٠٠٠ سؤال'],
    [1003, '١٠٠٣ دقائق', '١٠٠٣ دروس', '١٠٠٣ أسئلة'],
    [1012, '١٠١٢ دقيقة', '١٠١٢ درسًا', '١٠١٢ سؤالًا'],
    [2000, '٢٠٠٠ دقيقة', '٢٠٠٠ درس', '٢٠٠٠ سؤال'],
  ];
  test.each(table)('%i', (n, minute, lesson, question) => {
    expect(countOf(n, NOUNS.minute, 'arabic')).toBe(minute);
    expect(countOf(n, NOUNS.lesson, 'arabic')).toBe(lesson);
    expect(countOf(n, NOUNS.question, 'arabic')).toBe(question);
  });

  test('Western digits change only the digits', () => {
    expect(countOf(5, NOUNS.minute, 'western')).toBe('5 دقائق');
    expect(countOf(45, NOUNS.minute, 'western')).toBe('45 دقيقة');
    expect(countOf(12, NOUNS.lesson, 'western')).toBe('12 درسًا');
  });

  test('every noun: 1 agrees in gender, 2 is the dual alone, 3–10 plural, 11–99 accusative, 100 singular', () => {
    for (const [name, noun] of Object.entries(NOUNS) as Array<[string, CountedNoun]>) {
      expect(countOf(1, noun, 'arabic'), name).toBe(`${noun.singular} ${noun.gender === 'f' ? 'واحدة' : 'واحد'}`);
      expect(countOf(2, noun, 'arabic'), name).toBe(noun.dual);
      for (const n of [3, 7, 10, 203]) expect(countOf(n, noun, 'arabic'), `${name} ${n}`).toBe(`${formatNumber(n, 'arabic')} ${noun.plural}`);
      for (const n of [11, 45, 99, 350]) expect(countOf(n, noun, 'arabic'), `${name} ${n}`).toBe(`${formatNumber(n, 'arabic')} ${noun.accusative}`);
      for (const n of [100, 101, 102, 300, 1000]) expect(countOf(n, noun, 'arabic'), `${name} ${n}`).toBe(`${formatNumber(n, 'arabic')} ${noun.singular}`);
      // the dual is the singular + ان (ة -> ت), the accusative the singular (+ ًا unless it ends in ة)
      expect(noun.dual, name).toBe(`${noun.singular.replace(/ة$/, 'ت')}ان`);
      expect(noun.accusative, name).toBe(noun.singular.endsWith('ة') ? noun.singular : `${noun.singular}ًا`);
      expect(noun.gender === 'f', name).toBe(noun.singular.endsWith('ة'));
    }
  });

  test('a count that is not one is refused', () => {
    expect(() => countOf(-1, NOUNS.minute, 'arabic')).toThrow(RangeError);
    expect(() => countOf(2.5, NOUNS.minute, 'arabic')).toThrow(RangeError);
  });
});

test('withDigits puts every digit of a meta field in the document digits', () => {
  expect(withDigits('المرحلة الثانوية (16–18 سنة)', 'arabic')).toBe('المرحلة الثانوية (١٦–١٨ سنة)');
  expect(withDigits('المرحلة الثانوية (١٦–١٨ سنة)', 'western')).toBe('المرحلة الثانوية (16–18 سنة)');
  expect(withDigits('الصف العاشر', 'arabic')).toBe('الصف العاشر');
});

describe('the sample lessons print their counts and meta digits right', () => {
  test('teacher edition: activity minutes, the timing line and the title block', async () => {
    const r = await resolveFile(path.join(ROOT, 'lessons/claims-and-evidence.yaml'));
    if (!r.ok || r.kind !== 'lesson') throw new Error('sample lesson did not resolve');
    const lesson = { ...r.lesson, options: { ...r.lesson.options, digits: 'arabic' as const } };
    const view = lessonView(lesson, 'teacher');
    // the lesson's activities take 5, 15, 10, 10 and 5 minutes
    expect(view.activities.map((a) => a.minutes)).toEqual(['٥ دقائق', '١٥ دقيقة', '١٠ دقائق', '١٠ دقائق', '٥ دقائق']);
    expect(view.timing).toBe('مدة الدرس ٤٥ دقيقة، منها ٤٥ دقيقة للأنشطة.');
    expect(view.meta).toBe('المرحلة الثانوية (١٦–١٨ سنة) — ٤٥ دقيقة');
    const western = lessonView({ ...lesson, options: { ...lesson.options, digits: 'western' } }, 'teacher');
    expect(western.meta).toBe('المرحلة الثانوية (16–18 سنة) — 45 دقيقة');
    expect(western.activities[0].minutes).toBe('5 دقائق');
    // passages quote the article's digits as written, whatever the document digits
    const quoted = lesson.passages.flatMap((p) => p.paragraphs.map((x) => x.text));
    expect(western.passages.flatMap((p) => p.paragraphs.map((x) => x.text))).toEqual(quoted);
    expect(view.passages.flatMap((p) => p.paragraphs.map((x) => x.text))).toEqual(quoted);
  });

  test('the cover counts the lessons and minutes of the pack', async () => {
    const r = await resolveFile(path.join(ROOT, 'lessons/course.yaml'));
    if (!r.ok || r.kind !== 'course') throw new Error('sample course did not resolve');
    const doc = courseDocument(r.course, 'student', loadTemplates());
    const cover = JSON.stringify(doc.parts[0]);
    const minutes = r.course.lessons.reduce((s, l) => s + (l.duration ?? 0), 0);
    expect(cover).toContain(`${countOf(r.course.lessons.length, NOUNS.lesson, 'arabic')}، ${countOf(minutes, NOUNS.minute, 'arabic')}`);
    expect(cover).toContain('٤ دروس، ١٨٠ دقيقة');
    // the subtitle's ages in the pack's digits, like the counts under it
    expect(r.course.subtitle).toContain('(16–18 سنة)');
    expect(cover).toContain('(١٦–١٨ سنة)');
    expect(cover).not.toContain('16–18');
  });
});
