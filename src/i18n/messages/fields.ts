// What the fields a teacher must write are for, in both languages: the hint of
// "missing required field" quotes them. The English text is the field's
// description in the JSON Schemas (src/workspace/schema.ts), which finds its
// twin here by that text.
import { defineMessages } from '../define.js';

export const FIELD_MESSAGES = defineMessages({
  'field.id-names-files': { en: '[a-z0-9-]+; names the output files', ar: '[a-z0-9-]+؛ ومنه تُسمّى ملفات الناتج' },
  'field.question-text': { en: 'the question itself', ar: 'نص السؤال نفسه' },
  'field.use': {
    en: 'a question from a bank: FILE#ID, e.g. questions/moderation.yaml#deletion-displacement',
    ar: 'سؤال من بنك أسئلة: FILE#ID، مثل questions/moderation.yaml#deletion-displacement',
  },
  'field.pick': { en: 'questions chosen from a bank, reproducibly by `seed`', ar: 'أسئلة تُختار من بنك، والاختيار نفسه يتكرر ما دام `seed` نفسه' },
  'field.pick-from': { en: 'the question bank file, e.g. questions/moderation.yaml', ar: 'ملف بنك الأسئلة، مثل questions/moderation.yaml' },
  'field.ref': {
    en: 'p3 (paragraph 3), p3-p5 (paragraphs 3 to 5), p5.s2 (sentence 2 of paragraph 5), p5.s1-s2 (sentences 1 to 2). Run `hiwar passages ARTICLE` to list them.',
    ar: 'p3 (الفقرة 3)، p3-p5 (الفقرات من 3 إلى 5)، p5.s2 (الجملة 2 من الفقرة 5)، p5.s1-s2 (الجملتان 1 و2). شغّل `hiwar passages ARTICLE` لعرضها.',
  },
  'field.anchor-from': {
    en: 'the first words of the passage, as printed (diacritics, hamza forms and quote marks do not matter)',
    ar: 'الكلمات الأولى من المقطع كما تُطبع (لا يهم التشكيل ولا صور الهمزة ولا علامات التنصيص)',
  },
  'field.anchor-to': { en: 'the last words of the passage', ar: 'الكلمات الأخيرة من المقطع' },
  'field.glossary-term': { en: 'the word or phrase', ar: 'الكلمة أو العبارة' },
  'field.glossary-definition': { en: 'what it means, in simple words', ar: 'معناها بكلمات بسيطة' },
  'field.activity-title': { en: 'the activity', ar: 'اسم النشاط' },
  'field.bank-id': { en: 'the bank id', ar: 'معرّف البنك' },
  'field.bank-questions': { en: 'the questions', ar: 'الأسئلة' },
  'field.bank-question-id': { en: 'unique in the bank; lessons use it as FILE#ID', ar: 'لا يتكرر في البنك؛ وتشير إليه الدروس بـ FILE#ID' },
  'field.course-title': { en: 'the course pack title', ar: 'عنوان المقرر' },
  'field.course-lessons': { en: 'lesson files, relative to this file, in order', ar: 'ملفات الدروس بالترتيب، ومساراتها نسبة إلى هذا الملف' },
  'field.article-id': { en: 'the article id', ar: 'معرّف المقالة' },
  'field.article-title': { en: 'the article title', ar: 'عنوان المقالة' },
  'field.lesson-title': { en: 'the lesson title', ar: 'عنوان الدرس' },
  'field.lesson-article': {
    en: 'the article file, relative to this file, e.g. articles/virtual-caliphate.md',
    ar: 'ملف المقالة، ومساره نسبة إلى هذا الملف، مثل articles/virtual-caliphate.md',
  },
});

/** A field's English description -> the code of its twin. */
export const FIELD_DESCRIPTIONS = new Map<string, string>(Object.entries(FIELD_MESSAGES).map(([code, m]) => [m.en, code]));
