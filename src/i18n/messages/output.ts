// Messages of what the handouts print: sources, answer keys, errata, figures (issue 15 §6–§10).
import { defineMessages } from '../define.js';

export const OUTPUT_MESSAGES = defineMessages({
  // ---- errata (article front matter)
  'output.erratum-not-found': {
    en: 'the erratum text "{text}" does not occur in the article',
    ar: 'نص التصويب «{text}» غير موجود في المقال',
    hint: { en: 'copy the words exactly as the article prints them (spaces and letters included)', ar: 'انسخ الكلمات كما يطبعها المقال تمامًا، بمسافاتها وحروفها' },
  },
  'output.erratum-same': {
    en: 'the erratum corrects "{text}" to the same text',
    ar: 'التصويب يصحح «{text}» إلى النص نفسه',
    hint: { en: 'write the corrected words in `correct`', ar: 'اكتب الكلمات الصحيحة في `correct`' },
  },
  'output.bad-date': {
    en: 'the date `{date}` is not a real date',
    ar: 'التاريخ `{date}` ليس تاريخًا صحيحًا',
    hint: { en: 'write it as year-month-day, e.g. "2017-10-01"', ar: 'اكتبه بالصيغة سنة-شهر-يوم، مثل "2017-10-01"' },
  },
  // ---- answers
  'output.answer-not-used': {
    en: '`answer` is used only by `choice` and `rank` questions, not `{kind}`',
    ar: 'الحقل `answer` يُستعمل في أسئلة `choice` و`rank` فقط، لا في `{kind}`',
  },
  'output.answer-no-option': {
    en: 'the answer {answer} is not among the options of this question',
    ar: 'الإجابة {answer} ليست من خيارات هذا السؤال',
  },
  'output.answer-options': { en: '{dym}the options are: {list}', ar: '{dym}الخيارات هي: {list}' },
  'output.answer-items': { en: '{dym}the items are: {list}', ar: '{dym}العناصر هي: {list}' },
  'output.answer-number-out-of-range': {
    en: 'the answer {answer} names option {answer}, but the question has {count} options',
    ar: 'الإجابة {answer} تشير إلى الخيار رقم {answer}، وللسؤال {count} خيارات فقط',
  },
  'output.answer-repeated': {
    en: 'option {answer} is given twice in `answer`',
    ar: 'الخيار {answer} مذكور مرتين في `answer`',
    hint: { en: 'name each option once', ar: 'اذكر كل خيار مرة واحدة' },
  },
  'output.rank-answer-incomplete': {
    en: 'the expected order of a `rank` question must list every item once: {missing} missing',
    ar: 'الترتيب المتوقع لسؤال `rank` يذكر كل عنصر مرة واحدة: ينقص {missing}',
    hint: { en: 'write all {count} items (or their numbers 1–{count}) in the order you expect', ar: 'اكتب العناصر كلها ({count}) أو أرقامها من 1 إلى {count} بالترتيب المتوقع' },
  },
  // ---- figures
  'output.figure-missing': {
    en: 'cannot find the image `{image}`',
    ar: 'لم يُعثر على الصورة `{image}`',
    hint: { en: 'looked for {abs}; paths are relative to the lesson file', ar: 'بُحث عنها في {abs}؛ المسارات نسبية إلى ملف الدرس' },
  },
  'output.figure-outside': {
    en: 'the image `{image}` is outside the workspace',
    ar: 'الصورة `{image}` خارج مجلد العمل',
    hint: { en: 'copy it into the lesson’s folder (e.g. figures/) and name it from there', ar: 'انسخها إلى مجلد الدرس (مثلًا figures/) واكتب مسارها من هناك' },
  },
  'output.figure-format': {
    en: 'the image `{image}` is not a PNG or JPEG file{found}',
    ar: 'الصورة `{image}` ليست ملف PNG أو JPEG{found}',
    hint: { en: 'save it as PNG (charts, screenshots) or JPEG (photos)', ar: 'احفظها بصيغة PNG (للرسوم ولقطات الشاشة) أو JPEG (للصور)' },
  },
  'output.figure-broken': {
    en: 'the image `{image}` cannot be read: {detail}',
    ar: 'تعذرت قراءة الصورة `{image}`: {detail}',
    hint: { en: 'open it in an image program and save it again as PNG or JPEG', ar: 'افتحها في برنامج صور واحفظها من جديد بصيغة PNG أو JPEG' },
  },
  'output.figure-after': {
    en: '`after: {after}` names no printed passage or question of this lesson',
    ar: '`after: {after}` لا يشير إلى فقرة مطبوعة ولا إلى سؤال في هذا الدرس',
    hint: { en: 'use `pN` for a printed paragraph ({paragraphs}) or a question id ({questions})', ar: 'استعمل `pN` لفقرة مطبوعة ({paragraphs}) أو معرّف سؤال ({questions})' },
  },
  // ---- sources
  'output.qr-no-url': {
    en: '`qr: true` prints a QR code of the article’s `url`, but the article has none',
    ar: 'الخيار `qr: true` يطبع رمز QR لرابط المقال `url`، لكن المقال بلا رابط',
    hint: { en: 'add `url: "https://…"` to the article’s front matter, or remove `qr`', ar: 'أضف `url: "https://…"` إلى مقدمة المقال، أو احذف `qr`' },
  },
});
