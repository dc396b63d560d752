// Messages about a teacher's files as hiwar reads them: reading, article
// files, the fields of lessons, banks and courses (src/workspace).
import { defineMessages } from '../define.js';

export const WORKSPACE_MESSAGES = defineMessages({
  // ------------------------------------------------------------ reading files (source.ts)
  'source.cannot-read': { en: 'cannot read this file: {detail}', ar: 'تعذّرت قراءة هذا الملف: {detail}' },
  'source.is-folder': { en: 'this is a folder, not a file', ar: 'هذا مجلد، لا ملف' },
  'source.not-found': { en: 'file not found', ar: 'الملف غير موجود' },
  'source.too-big': {
    en: 'this file is {mb} MB; hiwar reads files of up to {max} MB',
    ar: 'حجم هذا الملف {mb} ميغابايت؛ وأقصى ما يقرؤه hiwar {max} ميغابايت',
  },
  'source.too-big-hint': {
    en: 'is it the right file? an article of a few hundred pages is still far below this',
    ar: 'هل هذا هو الملف المقصود؟ مقالة من بضع مئات من الصفحات تبقى أصغر من ذلك بكثير',
  },
  'source.permission': { en: 'permission denied', ar: 'لا إذن بقراءته' },
  'source.permission-hint': {
    en: 'you may not read this file; check its permissions',
    ar: 'ليس لديك إذن بقراءة هذا الملف؛ راجع أذوناته',
  },
  'source.system-error': { en: '{code}: {detail}', ar: 'خطأ من النظام {code}: {detail}' },

  // ------------------------------------------------------------ article files (article.ts)
  'article.no-front-matter': {
    en: 'an article starts with front matter: a line `---`, then `id:` and `title:`, then `---`',
    ar: 'تبدأ المقالة بمقدّمة البيانات: سطر `---`، ثم `id:` و`title:`، ثم سطر `---`',
    hint: {
      en: 'run `hiwar import RAW.txt --id ID` to make an article from a copied text',
      ar: 'شغّل `hiwar import RAW.txt --id ID` لصنع مقالة من نص منسوخ',
    },
  },
  'article.front-matter-open': {
    en: 'the front matter is not closed: add a line `---` after it, before the first paragraph',
    ar: 'مقدّمة البيانات غير مغلقة: أضف سطر `---` بعدها، قبل الفقرة الأولى',
  },
  'article.no-paragraphs': {
    en: 'the article has no paragraphs after its front matter',
    ar: 'لا توجد في المقالة فقرات بعد مقدّمة البيانات',
  },

  // ------------------------------------------------------------ what a handout prints (printable.ts)
  'printable.cannot-draw': {
    en: 'the font {font} cannot draw the character {what}',
    ar: 'الخط {font} لا يستطيع رسم الحرف {what}',
  },
  'printable.lost-text': {
    en: 'this character marks text that was lost before hiwar read the file (a wrong encoding when it was copied or saved); type the original text again',
    ar: 'هذا الحرف علامة على نص ضاع قبل أن يقرأ hiwar الملف (ترميز خاطئ عند النسخ أو الحفظ)؛ اكتب النص الأصلي من جديد',
  },
  'printable.replace-char': {
    en: 'replace it or remove it: hiwar does not print a blank box in its place{other}',
    ar: 'استبدله أو احذفه: لا يطبع hiwar مربعًا فارغًا مكانه{other}',
  },
  'printable.other-font-has-it': {
    en: ' (the {font} font has it: `options: { font: {font} }`)',
    ar: ' (الخط {font} فيه هذا الحرف: `options: { font: {font} }`)',
  },
  'printable.font-not-loaded': {
    en: 'the font {font} cannot be loaded: {detail}',
    ar: 'تعذّر تحميل الخط {font}: {detail}',
    hint: {
      en: "hiwar's fonts come with it: run `npm install` again in hiwar's folder",
      ar: 'خطوط hiwar تأتي معه: شغّل `npm install` مرة أخرى في مجلد hiwar',
    },
  },
  // ------------------------------------------------------------ fields of a file (schema.ts)
  // {what} names the place: "`kind`", "entry 2 of `objectives`"; {got} what was written there
  'schema.this-file': { en: 'this file', ar: 'هذا الملف' },
  'schema.the-list': { en: 'the list', ar: 'القائمة' },
  'schema.entry-of': { en: 'entry {n} of {parent}', ar: 'العنصر {n} من {parent}' },
  'schema.got-nothing': { en: 'nothing', ar: 'قيمة فارغة' },
  'schema.got-list': { en: 'a list', ar: 'قائمة' },
  'schema.got-text': { en: 'the text "{text}"', ar: 'النص "{text}"' },
  'schema.got-number': { en: 'the number {n}', ar: 'العدد {n}' },
  'schema.got-block': { en: 'a block of fields', ar: 'كتلة حقول' },
  'schema.got-code': { en: '; got `{value}`', ar: '؛ والمكتوب `{value}`' },
  'schema.expect-text': { en: 'a text', ar: 'نصًّا' },
  'schema.expect-number': { en: 'a number', ar: 'عددًا' },
  'schema.expect-int': { en: 'a whole number', ar: 'عددًا صحيحًا' },
  'schema.expect-list': { en: 'a list (`[a, b]`, or lines starting with `- `)', ar: 'قائمةً (`[a, b]`، أو أسطرًا تبدأ بـ `- `)' },
  'schema.expect-block': { en: 'a block of `field: value` lines', ar: 'كتلةً من أسطر `field: value`' },
  'schema.expect-boolean': { en: '`true` or `false`', ar: '`true` أو `false`' },
  'schema.expect-ref': {
    en: 'a passage ref such as `p3` or `p5.s2`, or `{from: "…", to: "…"}`',
    ar: 'إحالةً إلى مقطع مثل `p3` أو `p5.s2`، أو `{from: "…", to: "…"}`',
  },
  'schema.expect-question': {
    en: 'a question (`text: …`), a bank question (`use: FILE#ID`) or a pick (`pick: {from: FILE, count: N}`)',
    ar: 'سؤالًا (`text: …`)، أو سؤالًا من بنك (`use: FILE#ID`)، أو أسئلة مختارة من بنك (`pick: {from: FILE, count: N}`)',
  },
  'schema.expect-questions': {
    en: 'a list of questions, or (with `extends`) an edit `{drop, add, order, limit}`',
    ar: 'قائمةَ أسئلة، أو (مع `extends`) تعديلًا `{drop, add, order, limit}`',
  },
  'schema.expect-other': { en: 'a different kind of value', ar: 'نوعًا آخر من القيم' },
  'schema.what-article': { en: 'the front matter', ar: 'مقدّمة البيانات' },
  'schema.what-lesson': { en: 'a lesson file', ar: 'ملف الدرس' },
  'schema.what-bank': { en: 'a question bank file', ar: 'ملف بنك الأسئلة' },
  'schema.what-course': { en: 'a course file', ar: 'ملف المقرر' },
  'schema.file-empty': { en: 'this file is empty', ar: 'هذا الملف فارغ' },
  'schema.front-matter-empty': { en: 'the front matter is empty', ar: 'مقدّمة البيانات فارغة' },
  'schema.file-not-block': {
    en: '{what} must be a block of `field: value` lines, not {got}',
    ar: 'يجب أن يكون {what} كتلةً من أسطر `field: value`، لا {got}',
  },
  'schema.hint-new-lesson': {
    en: 'run `hiwar new ID --article PATH` for a lesson to start from',
    ar: 'شغّل `hiwar new ID --article PATH` لتحصل على درس تبدأ منه',
  },
  'schema.questions-not-list': {
    en: '`questions` must be a list: each question starts with `- `',
    ar: 'يجب أن يكون `questions` قائمة: يبدأ كل سؤال بـ `- `',
    hint: {
      en: 'put each question on its own line starting with `  - `, e.g. `  - text: "…"`',
      ar: 'اكتب كل سؤال في سطر مستقل يبدأ بـ `  - `، مثل `  - text: "…"`',
    },
  },
  'schema.more-problems': {
    en: '… and about {n} more problems from here on',
    ar: '… ونحو {n} مشكلة أخرى من هنا فصاعدًا',
    hint: { en: 'fix the ones above first (is this the right file?)', ar: 'أصلح المشكلات السابقة أولًا (هل هذا هو الملف المقصود؟)' },
  },
  'schema.wrong-value': { en: '{what} must be {expected}, not {got}', ar: 'يجب أن تكون قيمة {what} {expected}، لا {got}' },
  'schema.hint-dash-question': {
    en: 'start each question with `- ` on its own line, e.g. `  - text: "…"`',
    ar: 'ابدأ كل سؤال بـ `- ` في سطر مستقل، مثل `  - text: "…"`',
  },
  'schema.unknown-field': { en: 'unknown field `{field}`', ar: 'حقل غير معروف `{field}`' },
  'schema.fields-allowed': { en: 'fields allowed here: {list}', ar: 'الحقول المسموح بها هنا: {list}' },
  'schema.in': { en: ' in {what}', ar: ' في {what}' },
  'schema.missing-field': { en: 'missing required field `{field}`{where}', ar: 'الحقل المطلوب `{field}` غير موجود{where}' },
  'schema.hint-add-field': { en: 'add `{field}: …`', ar: 'أضف `{field}: …`' },
  'schema.hint-add-field-about': { en: 'add `{field}: …` ({desc})', ar: 'أضف `{field}: …` ({desc})' },
  'schema.empty': { en: '{what} is empty', ar: 'قيمة {what} فارغة' },
  'schema.hint-write-after-colon': { en: 'write {expected} after the `:`', ar: 'اكتب {expected} بعد `:`' },
  'schema.hint-quote-it': { en: 'put it in quotes: "{value}"', ar: 'ضعه بين علامتي تنصيص: "{value}"' },
  'schema.hint-colon-needs-quotes': {
    en: 'a text that contains `: ` needs quotes around it',
    ar: 'النص الذي فيه `: ` يوضع بين علامتي تنصيص',
  },
  'schema.hint-write-list': { en: 'write a list: [{value}]', ar: 'اكتب قائمة: [{value}]' },
  'schema.hint-dash-entries': { en: 'start each entry of the list with `- `', ar: 'ابدأ كل عنصر من القائمة بـ `- `' },
  'schema.hint-just-number': { en: 'write just the number, e.g. {n}', ar: 'اكتب العدد وحده، مثل {n}' },
  'schema.not-one-of': { en: '{what} must be one of {list}, not {got}', ar: 'يجب أن تكون قيمة {what} واحدةً من {list}، لا {got}' },
  'schema.needs-one-entry': { en: '{what} needs at least 1 entry', ar: 'يحتاج {what} إلى عنصر واحد على الأقل' },
  'schema.needs-entries': { en: '{what} needs at least {min} entries', ar: 'يحتاج {what} إلى {min} من العناصر على الأقل' },
  'schema.at-least': { en: '{what} must be at least {min}, not {got}', ar: 'يجب ألّا تقل قيمة {what} عن {min}، والمكتوب {got}' },
  'schema.at-most': { en: '{what} must be at most {max}, not {got}', ar: 'يجب ألّا تزيد قيمة {what} على {max}، والمكتوب {got}' },
  'schema.too-many-entries': { en: '{what} has more than {max} entries', ar: 'في {what} أكثر من {max} من العناصر' },
  'schema.too-long': { en: '{what} is longer than {max} characters', ar: 'طول {what} أكثر من {max} حرفًا' },
  'schema.bad-id': {
    en: '{what} may use only lowercase Latin letters, digits and single `-` between them (it names the output files), e.g. `virtual-caliphate-intro`{got}',
    ar: 'يُكتب {what} بحروف لاتينية صغيرة وأرقام فقط، وبينها `-` واحدة (فمنه تُسمّى ملفات الناتج)، مثل `virtual-caliphate-intro`{got}',
  },
  'schema.bad-format': { en: '{what} {detail}{got}', ar: 'صيغة {what} غير صحيحة: {detail}{got}' },
  'schema.other': { en: '{what}: {detail}', ar: 'مشكلة في {what}: {detail}' },

  // ------------------------------------------------------------ files named by other files (load.ts)
  'load.what-file': { en: 'file', ar: 'الملف' },
  'load.what-lesson': { en: 'lesson', ar: 'الدرس' },
  'load.what-article': { en: 'article', ar: 'المقالة' },
  'load.what-bank': { en: 'question bank', ar: 'بنك الأسئلة' },
  'load.what-course': { en: 'course', ar: 'المقرر' },
  'load.cannot-find': { en: 'cannot find the {what} `{path}`: {detail}', ar: 'تعذّر العثور على {what} `{path}`: {detail}' },
  'load.looked-for': { en: 'looked for {abs}', ar: 'بحث hiwar عن {abs}' },
  'load.looked-for-near': { en: 'looked for {abs}; {near}', ar: 'بحث hiwar عن {abs}؛ {near}' },
  'load.near-relative': {
    en: 'paths are relative to the file that writes them ({file}): did you mean `{path}`?',
    ar: 'المسارات تُحسب من موضع الملف الذي كُتبت فيه ({file}): هل تقصد `{path}`؟',
  },
  'load.near-case': {
    en: 'did you mean `{path}`? (names must match in upper and lower case)',
    ar: 'هل تقصد `{path}`؟ (يجب أن تطابق الأسماء في الحروف الكبيرة والصغيرة)',
  },
  'load.is-folder': {
    en: 'the {what} `{path}` is a folder, not a file',
    ar: '{what} `{path}` مجلد، لا ملف',
    hint: { en: 'name a file inside {abs}', ar: 'اكتب اسم ملف داخل {abs}' },
  },
  'load.not-a-bank': {
    en: '`{path}` is a {kind}, not a question bank',
    ar: '`{path}` ليس بنك أسئلة، بل ملف من نوع {kind}',
    hint: {
      en: 'a question bank has `id`, `title` and `questions`, each with its own `id`',
      ar: 'في بنك الأسئلة `id` و`title` و`questions`، ولكل سؤال `id` خاص به',
    },
  },
  'load.bank-duplicate-id': {
    en: 'two questions in this bank have the id `{id}`',
    ar: 'لسؤالين في هذا البنك المعرّف نفسه `{id}`',
    hint: {
      en: 'ids must be unique in a bank: lessons refer to questions by them',
      ar: 'يجب ألّا يتكرر المعرّف في البنك: فالدروس تشير إلى الأسئلة به',
    },
  },
  'load.bank-no-question': {
    en: 'the question bank `{bank}` has no question `{id}`',
    ar: 'لا يوجد في بنك الأسئلة `{bank}` سؤال `{id}`',
  },
  'load.bank-questions-are': { en: '{dym}its questions are {list}', ar: '{dym}أسئلته هي {list}' },
  'load.bank-has-none': { en: '{dym}it has no questions', ar: '{dym}لا أسئلة فيه' },

  // ------------------------------------------------------------ lessons and courses put together (resolve.ts)
  'resolve.unresolved': { en: 'this file could not be resolved', ar: 'تعذّر تجميع هذا الملف' },
  'resolve.is-article': {
    en: 'this is an article: build a lesson that quotes it',
    ar: 'هذا ملف مقالة: ابنِ درسًا يقتبس منها',
    hint: { en: '`hiwar new ID --article {file}` makes one', ar: 'الأمر `hiwar new ID --article {file}` يصنع درسًا' },
  },
  'resolve.is-bank': {
    en: 'this is a question bank: build a lesson that uses it',
    ar: 'هذا بنك أسئلة: ابنِ درسًا يستعمله',
    hint: {
      en: 'in a lesson, `use: FILE#ID` takes one question and `pick: {from: FILE, count: N}` takes several',
      ar: 'في الدرس، `use: FILE#ID` يأخذ سؤالًا واحدًا، و`pick: {from: FILE, count: N}` يأخذ عدة أسئلة',
    },
  },
  'resolve.bank-not-lesson': { en: '`{path}` is a question bank, not a lesson', ar: '`{path}` بنك أسئلة، لا درس' },
  'resolve.course-not-lesson': { en: '`{path}` is a course, not a lesson', ar: '`{path}` مقرر، لا درس' },
  'resolve.extends-cycle': {
    en: '`extends` makes a cycle: {cycle}',
    ar: '`extends` يصنع حلقة مغلقة: {cycle}',
    hint: {
      en: 'a lesson cannot extend itself, directly or through others; remove one `extends`',
      ar: 'لا يمكن لدرس أن يبني على نفسه، مباشرة أو عبر دروس أخرى؛ احذف أحد حقول `extends`',
    },
  },
  'resolve.not-inherited': { en: ' (neither here nor in the lessons it extends)', ar: ' (لا هنا ولا في الدروس التي يبني عليها)' },
  'resolve.lesson-lacks': { en: 'the lesson has no `{field}`{inherited}', ar: 'لا يوجد في الدرس حقل `{field}`{inherited}' },
  'resolve.add-title': {
    en: 'add e.g. `title: "…"`: the lesson title printed on the handout',
    ar: 'أضف مثلًا `title: "…"`: عنوان الدرس الذي يُطبع على الورقة',
  },
  'resolve.add-article': {
    en: 'add e.g. `article: articles/virtual-caliphate.md`: the article the passages come from',
    ar: 'أضف مثلًا `article: articles/virtual-caliphate.md`: المقالة التي تؤخذ منها المقاطع',
  },
  'resolve.add-objectives': {
    en: 'add `objectives:` with a list of what students will be able to do',
    ar: 'أضف `objectives:` مع قائمة بما سيقدر الطلاب على فعله',
  },
  'resolve.add-passages': {
    en: 'add `passages:` with a list of `- ref: p1-p2` entries; `hiwar passages ARTICLE` lists the refs',
    ar: 'أضف `passages:` مع قائمة عناصر مثل `- ref: p1-p2`؛ والأمر `hiwar passages ARTICLE` يعرض الإحالات',
  },
  'resolve.add-questions': {
    en: 'add `questions:` with a list of `- text: "…"` entries',
    ar: 'أضف `questions:` مع قائمة عناصر مثل `- text: "…"`',
  },
  'resolve.lesson-twice': {
    en: '`{path}` is listed twice (also entry {n}); the pack prints it once, at its first place',
    ar: '`{path}` مذكور مرتين (وهو أيضًا العنصر {n})؛ ويُطبع في المقرر مرة واحدة في موضعه الأول',
    hint: { en: 'remove one of the two entries', ar: 'احذف أحد العنصرين' },
  },
  'resolve.lesson-ids-clash': {
    en: 'two lessons of this course have the id `{id}`: `{path}` and entry {n} (`{other}`)',
    ar: 'لدرسين في هذا المقرر المعرّف نفسه `{id}`: `{path}` والعنصر {n} (`{other}`)',
    hint: {
      en: "a lesson's id names its PDFs ({id}-student.pdf); give one of them another `id`",
      ar: 'من معرّف الدرس تُسمّى ملفات PDF الخاصة به ({id}-student.pdf)؛ أعطِ أحدهما `id` آخر',
    },
  },
});
