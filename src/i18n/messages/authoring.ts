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

  // ---- overlays of passages
  'authoring.passage-edit-needs-extends': {
    en: '`passages` with `drop`/`add`/`order` edits inherited passages, so the lesson needs `extends:`',
    ar: '`passages` مع `drop` أو `add` أو `order` تعدّل مقاطع موروثة، فيحتاج الدرس إلى `extends:`',
    hint: { en: 'without `extends`, write `passages:` as a list of `- ref: …` entries', ar: 'من دون `extends` اكتب `passages:` قائمةً من `- ref: …`' },
  },
  'authoring.passage-drop-unknown': {
    en: 'there is no inherited passage `{ref}` to drop; the inherited passages are {list}',
    ar: 'لا يوجد مقطع موروث `{ref}` لحذفه؛ المقاطع الموروثة: {list}',
  },
  'authoring.passage-order-unknown': {
    en: 'there is no passage `{ref}` to put in order; the passages are {list}',
    ar: 'لا يوجد مقطع `{ref}` لترتيبه؛ المقاطع: {list}',
  },

  // ---- questions that know their article
  'authoring.bank-refs-dropped': {
    en: 'questions from `{bank}` were written for `{bankArticle}`, not for this lesson\'s article: their text is kept, their refs are left out ({count} here)',
    ar: 'أسئلة `{bank}` كُتبت لمقال `{bankArticle}` لا لمقال هذا الدرس: أُبقي نصها وحُذفت مراجعها (عددها هنا {count})',
    hint: {
      en: 'give this lesson\'s own refs: `refs: [p2]` beside `use:`, or beside `pick:` (for every picked question); or `general: true` in `pick:` to take only questions that need no article',
      ar: 'أعطِ مراجع من مقال هذا الدرس: `refs: [p2]` بجانب `use:`، أو بجانب `pick:` (لكل سؤال مختار)؛ أو `general: true` داخل `pick:` لاختيار الأسئلة التي لا تحتاج إلى مقال',
    },
  },
  'authoring.bank-no-article': {
    en: 'the questions of `{bank}` have refs, but the bank does not say which article they point into',
    ar: 'لأسئلة `{bank}` مراجع، لكن البنك لا يذكر المقال الذي تشير إليه',
    hint: {
      en: 'add `article: ../articles/ARTICLE.md` to the bank (relative to the bank file); lessons on another article then leave its refs out',
      ar: 'أضف `article: ../articles/ARTICLE.md` إلى البنك (بالنسبة إلى ملف البنك)؛ عندها لا تُنقل مراجعه إلى دروس مقال آخر',
    },
  },
  'authoring.used-question-problem': {
    en: 'question `{id}` of `{bank}`: {problem}',
    ar: 'السؤال `{id}` من `{bank}`: {problem}',
  },
  'authoring.bank-question-here': { en: 'the question `{id}` is written here', ar: 'السؤال `{id}` مكتوب هنا' },
  'authoring.general-with-refs': {
    en: 'question `{id}` is `general` (it needs no article) but has `refs`',
    ar: 'السؤال `{id}` عام (`general`) لا يحتاج إلى مقال، لكن له مراجع `refs`',
    hint: { en: 'remove `refs`, or remove `general: true`', ar: 'احذف `refs` أو احذف `general: true`' },
  },
  'authoring.pick-refs-and-general': {
    en: '`pick` with `general: true` takes questions that need no article, so `refs` here would be given to questions that do not use them',
    ar: '`pick` مع `general: true` يختار أسئلة لا تحتاج إلى مقال، فلا معنى لإعطائها مراجع `refs` هنا',
    hint: { en: 'remove `refs`, or remove `general: true`', ar: 'احذف `refs` أو احذف `general: true`' },
  },
  'authoring.pick-no-general': {
    en: '`pick` asks for {count} general questions, but `{bank}` has {have}',
    ar: '`pick` يطلب {count} من الأسئلة العامة، لكن في `{bank}` {have}',
    hint: {
      en: 'mark questions that need no article with `general: true` in the bank, or give this lesson\'s refs with `refs:` instead of `general: true`',
      ar: 'علّم في البنك الأسئلة التي لا تحتاج إلى مقال بـ`general: true`، أو أعطِ مراجع هذا الدرس بـ`refs:` بدل `general: true`',
    },
  },
  'authoring.ref-not-printed': {
    en: 'question `{id}` refers to {refs}, which the handout does not print (it prints {printed})',
    ar: 'السؤال `{id}` يشير إلى {refs}، والورقة لا تطبعها (تطبع {printed})',
    hint: {
      en: 'add a passage for it (`- ref: …` under `passages:`), or give the question refs the handout prints',
      ar: 'أضف مقطعًا لها (`- ref: …` تحت `passages:`)، أو اجعل مراجع السؤال مما تطبعه الورقة',
    },
  },

  // ---- file arguments of build and check
  'authoring.input-missing': {
    en: 'cannot find `{arg}`',
    ar: 'لم يُعثر على `{arg}`',
  },
  'authoring.input-no-match': {
    en: 'no file matches `{arg}`',
    ar: 'لا يطابق `{arg}` أي ملف',
    hint: { en: 'check the folder and the pattern, e.g. lessons/*.yaml', ar: 'تحقق من المجلد ومن النمط، مثل lessons/*.yaml' },
  },
  'authoring.input-empty-folder': {
    en: 'the folder `{arg}` has no lessons or courses',
    ar: 'لا يحوي المجلد `{arg}` دروسًا ولا مقررات',
    hint: { en: 'lessons and courses are the .yaml files directly in the folder', ar: 'الدروس والمقررات هي ملفات ‎.yaml الموجودة في المجلد نفسه مباشرة' },
  },

  // ---- refs as typed
  'authoring.refs-several': {
    en: '`{ref}` is several refs in one',
    ar: '`{ref}` عدة إحالات في إحالة واحدة',
    hint: {
      en: 'a passage is one ref; in a `refs:` list separate them: [p6, p5] or [p6، p5]',
      ar: 'المقطع إحالة واحدة؛ وفي قائمة `refs:` افصل بينها: [p6, p5] أو [p6، p5]',
    },
  },
  'authoring.refs-two-in-one': {
    en: 'two refs in one? for paragraphs {a} to {b} write p{a}-p{b} (ف{aa}-ف{ab}); in a `refs:` list separate refs with a comma: [p{a}, p{b}] or [ف{aa}، ف{ab}]',
    ar: 'إحالتان في واحدة؟ للفقرات من {a} إلى {b} اكتب p{a}-p{b} (ف{aa}-ف{ab})؛ وفي قائمة `refs:` افصل بينها بفاصلة: [p{a}, p{b}] أو [ف{aa}، ف{ab}]',
  },
  'authoring.near-name': { en: 'did you mean `{path}`?', ar: 'هل تقصد `{path}`؟' },

  // ---- schema
  'authoring.fields-allowed-misplaced': { en: 'fields allowed here: {list}; {where}', ar: 'الحقول المسموح بها هنا: {list}؛ {where}' },
  'authoring.misplaced-pick-refs': {
    en: '`refs` goes beside `pick:`, on the next line: `    refs: [p1]`',
    ar: 'يُكتب `refs` بجانب `pick:` في السطر التالي: `    refs: [p1]`',
  },
  'authoring.expect-passages': {
    en: 'a list of passages (`- ref: p1`), or (with `extends`) an edit `{drop, add, order}`',
    ar: 'قائمة مقاطع (`- ref: p1`)، أو (مع `extends`) تعديلًا `{drop, add, order}`',
  },
  'authoring.import-title-empty': {
    en: '--title is empty; give the title in quotes, e.g. --title "عنوان المقال"',
    ar: '‎--title فارغ؛ اكتب العنوان بين علامتي تنصيص، مثل ‎--title "عنوان المقال"',
  },
});
