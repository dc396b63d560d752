// Passage refs (p3, p3-p5, p5.s2, {from, to}) and what they find in the article (src/workspace/refs.ts).
// {ref} is the ref as the teacher wrote it; quoted article text stays in «».
import { defineMessages } from '../define.js';

export const REFS_MESSAGES = defineMessages({
  'refs.forms': {
    en: 'write p3, p3-p5, p5.s2 or p5.s1-s2 (or {from: "…", to: "…"})',
    ar: 'اكتب p3 أو p3-p5 أو p5.s2 أو p5.s1-s2 (أو {from: "…", to: "…"})',
  },
  'refs.two-paragraphs': {
    en: '`{ref}` spans sentences of two paragraphs',
    ar: 'الإحالة `{ref}` تمتد على جمل من فقرتين',
    hint: {
      en: 'a sentence range stays in one paragraph; for a span across paragraphs use {from: "first words", to: "last words"}',
      ar: 'مدى الجمل يبقى داخل فقرة واحدة؛ ولمقطع يمتد على أكثر من فقرة استعمل {from: "الكلمات الأولى", to: "الكلمات الأخيرة"}',
    },
  },
  'refs.empty': { en: 'the ref is empty', ar: 'الإحالة فارغة' },
  'refs.not-a-ref': { en: '`{ref}` is not a passage ref', ar: '`{ref}` ليست إحالة إلى مقطع' },
  'refs.sentence-needs-s': {
    en: 'did you mean `{ref}`? sentences are written with an `s`',
    ar: 'هل تقصد `{ref}`؟ تُكتب الجمل بحرف `s`',
  },
  'refs.paragraph-zero': { en: '`{ref}`: paragraphs are numbered from 1', ar: '`{ref}`: ترقيم الفقرات يبدأ من 1' },
  'refs.sentence-zero': { en: '`{ref}`: sentences are numbered from 1', ar: '`{ref}`: ترقيم الجمل يبدأ من 1' },
  'refs.backwards': { en: '`{ref}` runs backwards', ar: 'الإحالة `{ref}` معكوسة: نهايتها قبل بدايتها' },
  'refs.write': { en: 'write {ref}', ar: 'اكتب {ref}' },
  'refs.article-has-one': { en: 'the article has 1 paragraph', ar: 'في المقالة فقرة واحدة' },
  'refs.article-has': { en: 'the article has {n} paragraphs', ar: 'عدد فقرات المقالة {n}' },
  'refs.last-paragraph': { en: 'the last paragraph is {ref}: «{text}»', ar: 'الفقرة الأخيرة هي {ref}: «{text}»' },
  'refs.no-paragraph': { en: 'paragraph {n} does not exist: {has}', ar: 'لا توجد فقرة رقمها {n}: {has}' },
  'refs.no-sentence-of-one': {
    en: 'sentence {n} of paragraph {p} does not exist: paragraph {p} has 1 sentence',
    ar: 'لا توجد جملة رقمها {n} في الفقرة {p}: في الفقرة {p} جملة واحدة',
  },
  'refs.no-sentence': {
    en: 'sentence {n} of paragraph {p} does not exist: paragraph {p} has {k} sentences',
    ar: 'لا توجد جملة رقمها {n} في الفقرة {p}: عدد جمل الفقرة {p} هو {k}',
  },
  'refs.sentences-are': { en: '{list}', ar: 'جمل الفقرة: {list}' },
  'refs.anchor-empty': { en: '`{field}` is empty', ar: '`{field}` فارغ' },
  'refs.anchor-not-found': { en: '`{field}` text «{text}» is not in the article', ar: 'نص `{field}` «{text}» غير موجود في المقالة' },
  'refs.anchor-backwards': {
    en: '`to` text «{text}» comes before the `from` text in the article',
    ar: 'نص `to` «{text}» يأتي في المقالة قبل نص `from`',
    hint: { en: 'swap `from` and `to`, or quote a later place', ar: 'بدّل بين `from` و`to`، أو اقتبس موضعًا لاحقًا' },
  },
  'refs.nothing-near': {
    en: 'no sentence of the article comes close; `hiwar passages ARTICLE` lists them all',
    ar: 'لا توجد في المقالة جملة قريبة منه؛ والأمر `hiwar passages ARTICLE` يعرض الجمل كلها',
  },
  'refs.nearest': {
    en: 'nearest text is «{near}» in {ref}: «{sentence}»',
    ar: 'أقرب نص هو «{near}» في {ref}: «{sentence}»',
  },
});
