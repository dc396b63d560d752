// Messages of authoring: import of web copy, banks that know their article, refs as typed,
// passage overlays, file and folder inputs (issue 15 §1–5).
import { defineMessages } from '../define.js';

export const AUTHORING_MESSAGES = defineMessages({
  // ---- import: why a line of a web page was dropped
  'authoring.drop-breadcrumb': { en: 'breadcrumb', ar: 'مسار التصفح' },
  'authoring.drop-byline': { en: 'byline (author read into the front matter)', ar: 'سطر الكاتب (قُرئ اسم الكاتب في الترويسة)' },
  'authoring.drop-date': { en: 'date line (read into the front matter)', ar: 'سطر التاريخ (قُرئ التاريخ في الترويسة)' },
  'authoring.drop-share': { en: 'share or social buttons', ar: 'أزرار المشاركة أو المتابعة' },
  'authoring.drop-related': { en: '«اقرأ أيضاً» or a related link', ar: '«اقرأ أيضاً» أو رابط ذو صلة' },
  'authoring.drop-ad': { en: 'ad label', ar: 'لافتة إعلان' },
  'authoring.drop-photo-credit': { en: 'photo credit', ar: 'حقوق الصورة' },
  'authoring.drop-tags': { en: 'tag list', ar: 'قائمة الوسوم' },
  'authoring.drop-source': { en: 'source (read into the front matter)', ar: 'المصدر (قُرئ في الترويسة)' },
  'authoring.drop-url': { en: 'address (read into the front matter)', ar: 'الرابط (قُرئ في الترويسة)' },
  'authoring.drop-author': { en: 'author (read into the front matter)', ar: 'الكاتب (قُرئ في الترويسة)' },
  'authoring.drop-page-title': { en: "the page's title (replaced by --title)", ar: 'عنوان الصفحة (حلّ محله ‎--title)' },
  'authoring.import-dropped': {
    en: 'dropped {count} lines of the web page (not article text):',
    ar: 'حُذف {count} من أسطر صفحة الويب (ليست من نص المقال):',
  },
  'authoring.import-dropped-line': { en: '  line {line}: {reason}: «{text}»', ar: '  السطر {line}: {reason}: «{text}»' },
  'authoring.import-keep-hint': {
    en: 'a line dropped by mistake? run again with --keep-all and delete the leftovers yourself',
    ar: 'هل حُذف سطر من نص المقال خطأً؟ أعد الأمر مع ‎--keep-all واحذف البقايا بنفسك',
  },
  'authoring.import-meta': { en: 'read from the page: {fields}', ar: 'قُرئ من الصفحة: {fields}' },
});
