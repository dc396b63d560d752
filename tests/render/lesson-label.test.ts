// «الدرس ٣» before a lesson's title in a pack, unless the title already numbers the lesson.
import { expect, test } from 'vitest';
import { lessonLabelFor } from '../../src/render/labels.js';

test('a title that numbers its lesson gets no second number', () => {
  for (const t of ['الدرس ١: الحذف والتوعية', 'الدرس 2 – المنصات', 'درس ٣: من يقرر؟', 'الدرس الأول: مدخل', 'الدرس رقم ٤']) {
    expect(lessonLabelFor(t, 1, 'arabic'), t).toBeUndefined();
  }
});

test('any other title, even one starting with the word درس, is numbered in the digits of the pack', () => {
  expect(lessonLabelFor('درس المصادر', 1, 'arabic')).toBe('الدرس ١');
  expect(lessonLabelFor('الدرسان المستفادان من الحذف', 12, 'arabic')).toBe('الدرس ١٢');
  expect(lessonLabelFor('المنصات والمحتوى المتطرف', 3, 'western')).toBe('الدرس 3');
});
