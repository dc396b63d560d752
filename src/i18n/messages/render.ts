// Rendering: the teacher's own Handlebars templates (--templates, src/render/templates.ts)
// and characters left out of a PDF (src/formats/pdf/render.ts). `{{…}}` is template syntax, kept as written.
import { defineMessages } from '../define.js';

export const RENDER_MESSAGES = defineMessages({
  'template.recursive': {
    en: 'template error: the template never ends: a partial includes itself, directly or through others',
    ar: 'خطأ في القالب: القالب لا ينتهي: قالب جزئي يُدرج نفسه، مباشرة أو عبر قوالب أخرى',
    hint: {
      en: 'remove the `{{> …}}` that leads back to the partial it is in',
      ar: 'احذف `{{> …}}` الذي يعود إلى القالب الجزئي الموجود فيه',
    },
  },
  'template.wrong-close': {
    en: 'template error: `{{/{close}}}` closes the `{{#{open}}}` block',
    ar: 'خطأ في القالب: `{{/{close}}}` يغلق الكتلة `{{#{open}}}`',
    hint: {
      en: 'close `{{#{open}}}` with `{{/{open}}}` first; blocks close in the reverse order they open',
      ar: 'أغلق `{{#{open}}}` بـ `{{/{open}}}` أولًا؛ تُغلق الكتل بعكس ترتيب فتحها',
    },
  },
  'template.unclosed-block': {
    en: 'template error: the block `{{#{name}}}` is never closed',
    ar: 'خطأ في القالب: الكتلة `{{#{name}}}` لم تُغلق',
    hint: { en: 'add `{{/{name}}}` where it should end', ar: 'أضف `{{/{name}}}` حيث يجب أن تنتهي' },
  },
  'template.ends-early': { en: 'template error: the template ends too early', ar: 'خطأ في القالب: القالب ينتهي قبل أوانه' },
  'template.unclosed-mustache': {
    en: 'template error: a `{{` is not closed with `}}`, or holds something Handlebars cannot read',
    ar: 'خطأ في القالب: `{{` لم يُغلق بـ `}}`، أو فيه ما لا يستطيع Handlebars قراءته',
  },
  'template.cannot-read': {
    en: 'template error: Handlebars cannot read this line (found {got})',
    ar: 'خطأ في القالب: لا يستطيع Handlebars قراءة هذا السطر (وجد {got})',
  },
  'template.cannot-read-unknown': {
    en: 'template error: Handlebars cannot read this line (found something unexpected)',
    ar: 'خطأ في القالب: لا يستطيع Handlebars قراءة هذا السطر (وجد شيئًا غير متوقع)',
  },
  'template.near': { en: 'near: {text}', ar: 'قرب: {text}' },
  'template.details': { en: '{text}', ar: 'التفاصيل: {text}' },
  'template.other': { en: 'template error: {detail}', ar: 'خطأ في القالب: {detail}' },
  'template.unknown': { en: 'template error: unknown problem', ar: 'خطأ في القالب: مشكلة غير معروفة' },
  'template.no-helper': {
    en: 'template error: there is no helper `{helper}`',
    ar: 'خطأ في القالب: لا توجد دالة مساعدة باسم `{helper}`',
    hint: {
      en: "templates may use only Handlebars' own helpers (if, unless, each, with, lookup); none of them reads files",
      ar: 'لا تستعمل القوالب إلا الدوال المساعدة المدمجة في Handlebars (if وunless وeach وwith وlookup)؛ ولا يقرأ أيٌّ منها الملفات',
    },
  },
  'template.no-folder': {
    en: 'the templates folder does not exist',
    ar: 'مجلد القوالب غير موجود',
    hint: {
      en: "give --templates a folder holding lesson.hbs (copy hiwar's templates/ folder to start)",
      ar: 'أعطِ --templates مجلدًا فيه lesson.hbs (انسخ مجلد templates/ الخاص بـ hiwar لتبدأ منه)',
    },
  },
  'template.is-folder': { en: 'template error: this is a folder, not a template file', ar: 'خطأ في القالب: هذا مجلد، لا ملف قالب' },
  'template.permission': { en: 'template error: permission denied', ar: 'خطأ في القالب: لا إذن بقراءة هذا الملف' },
  'template.unreadable': { en: 'template error: cannot read this template ({detail})', ar: 'خطأ في القالب: تعذّرت قراءة هذا القالب ({detail})' },
  'template.not-utf8': {
    en: 'template error: this template is not UTF-8 text; save it as UTF-8',
    ar: 'خطأ في القالب: هذا القالب ليس نصًا بترميز UTF-8؛ احفظه بترميز UTF-8',
  },
  'template.not-found': { en: 'template {name}.hbs not found', ar: 'القالب {name}.hbs غير موجود' },
  'render.missing-glyph': {
    en: 'the font cannot draw the character "{char}" ({cp}); it is left out of the PDF',
    ar: 'الخط لا يستطيع رسم الحرف "{char}" ({cp})؛ لذلك لن يظهر في ملف PDF',
    hint: {
      en: 'replace it with a character the font has, or remove it',
      ar: 'استبدله بحرف موجود في الخط، أو احذفه',
    },
  },
});
