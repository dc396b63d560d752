// The command line's own messages: usage mistakes, what a command did, what to
// run next (src/cli). Commands, flags and file names stay as typed.
import { defineMessages } from '../define.js';

const ID_RULE_EN = 'must use only lowercase Latin letters, digits and single `-`';
const ID_RULE_AR = 'يُكتب بحروف لاتينية صغيرة وأرقام فقط، وبينها `-` واحدة';

export const CLI_MESSAGES = defineMessages({
  // ------------------------------------------------------------ usage (src/cli/main.ts, usage.ts)
  'cli.bad-lang': { en: '--lang must be ar or en, not "{got}"', ar: 'يجب أن تكون قيمة --lang إما ar وإما en، لا "{got}"' },
  'cli.run-help': { en: '(run "hiwar --help" for usage)', ar: '(شغّل "hiwar --help" لمعرفة طريقة الاستعمال)' },
  'cli.unknown-option': { en: "unknown option '{option}'{dym}", ar: "خيار غير معروف '{option}'{dym}" },
  'cli.unknown-command': { en: "unknown command '{command}'{dym}", ar: "أمر غير معروف '{command}'{dym}" },
  'cli.commander-dym': { en: '\n(Did you mean {what}?)', ar: '\n(هل تقصد {what}؟)' },
  'cli.missing-argument': { en: "missing required argument '{name}'", ar: "ينقص معطًى مطلوب '{name}'" },
  'cli.option-needs-value': { en: "option '{option}' argument missing", ar: "الخيار '{option}' يحتاج إلى قيمة بعده" },
  'cli.required-option': { en: "required option '{option}' not specified", ar: "الخيار المطلوب '{option}' غير مذكور" },
  'cli.too-many-arguments-one': {
    en: "too many arguments{forCommand}. Expected 1 argument but got {got}.",
    ar: "معطيات أكثر من اللازم{forCommand}: المتوقع معطًى واحد، والمكتوب {got}.",
  },
  'cli.too-many-arguments': {
    en: "too many arguments{forCommand}. Expected {expected} arguments but got {got}.",
    ar: "معطيات أكثر من اللازم{forCommand}: المتوقع {expected}، والمكتوب {got}.",
  },
  'cli.for-command': { en: " for '{command}'", ar: " للأمر '{command}'" },
  'cli.bad-option-value': {
    en: "option '{option}' argument '{got}' is invalid. Allowed choices are {choices}.",
    ar: "القيمة '{got}' للخيار '{option}' غير صحيحة. القيم المسموح بها: {choices}.",
  },
  'cli.seed-got': { en: '--seed must be a whole number, got "{got}"', ar: 'يجب أن تكون قيمة --seed عددًا صحيحًا، والمكتوب "{got}"' },
  'cli.seed-not-whole': { en: '--seed must be a whole number, not "{got}"', ar: 'يجب أن تكون قيمة --seed عددًا صحيحًا، لا "{got}"' },
  'cli.bad-choice': { en: '{flag} must be {choices}, not "{got}"{dym}', ar: 'يجب أن تكون قيمة {flag} {choices}، لا "{got}"{dym}' },
  'cli.bad-level': { en: '--level must be one of {choices}, not "{got}"{dym}', ar: 'يجب أن تكون قيمة --level واحدة من {choices}، لا "{got}"{dym}' },
  'cli.dym-suffix': { en: ' (did you mean {what}?)', ar: ' (هل تقصد {what}؟)' },
  'cli.out-is-file': {
    en: '--out {out} is a file, not a folder; PDFs go into a folder (e.g. --out out)',
    ar: '--out {out} ملف، لا مجلد؛ ملفات PDF تُكتب في مجلد (مثل --out out)',
  },
  'cli.out-cannot-be-made': {
    en: '--out {out} cannot be made: {file} is a file, not a folder',
    ar: 'تعذّر إنشاء --out {out}: {file} ملف، لا مجلد',
  },
  'cli.internal-error': { en: 'hiwar: internal error: {detail}', ar: 'hiwar: خطأ داخلي: {detail}' },
  'cli.internal-error-hint': {
    en: '  this is a bug in hiwar, not in your files; please report it with the command you ran',
    ar: '  هذا خلل في hiwar لا في ملفاتك؛ أبلغ عنه من فضلك مع الأمر الذي شغّلته',
  },

  // ------------------------------------------------------------ counts
  'cli.n-files-one': { en: '1 file', ar: 'ملف واحد' },
  'cli.n-files': { en: '{n} files', ar: 'عدد الملفات {n}' },
  'cli.n-errors-one': { en: '1 error', ar: 'خطأ واحد' },
  'cli.n-errors': { en: '{n} errors', ar: 'عدد الأخطاء {n}' },
  'cli.n-paragraphs-one': { en: '1 paragraph', ar: 'فقرة واحدة' },
  'cli.n-paragraphs': { en: '{n} paragraphs', ar: 'عدد الفقرات {n}' },
  'cli.n-sentences-one': { en: '1 sentence', ar: 'جملة واحدة' },
  'cli.n-sentences': { en: '{n} sentences', ar: 'عدد الجمل {n}' },
  'cli.n-questions-one': { en: '1 question', ar: 'سؤال واحد' },
  'cli.n-questions': { en: '{n} questions', ar: 'عدد الأسئلة {n}' },

  // ------------------------------------------------------------ hiwar check
  'cli.check-nothing': {
    en: 'name at least one lesson, course, question bank or article to check',
    ar: 'اذكر درسًا أو مقررًا أو بنك أسئلة أو مقالة واحدة على الأقل للتحقق منها',
  },
  'cli.ok-files-one': { en: 'ok: 1 file', ar: 'سليم: ملف واحد' },
  'cli.ok-files': { en: 'ok: {n} files', ar: 'سليم: عدد الملفات {n}' },
  'cli.errors-in-files': { en: '{errors} in {files}', ar: '{errors}، في: {files}' },

  // ------------------------------------------------------------ writing files (import, new)
  'cli.exists': { en: '{file} already exists; it is not overwritten', ar: 'الملف {file} موجود من قبل؛ ولن يُكتب فوقه' },
  'cli.cannot-write': { en: 'cannot write {file}: {detail}', ar: 'تعذّرت كتابة {file}: {detail}' },

  // ------------------------------------------------------------ hiwar import
  'cli.import-bad-id': {
    en: `--id ${ID_RULE_EN} (it names the file), e.g. --id virtual-caliphate; got "{got}"`,
    ar: `--id ${ID_RULE_AR} (فمنه يُسمّى الملف)، مثل --id virtual-caliphate؛ والمكتوب "{got}"`,
  },
  'cli.import-exists-hint': { en: 'choose another --id, or delete the old file first', ar: 'اختر --id آخر، أو احذف الملف القديم أولًا' },
  'import.empty': {
    en: 'the text is empty: the first non-empty line becomes the title, the others the paragraphs',
    ar: 'النص فارغ: أول سطر غير فارغ يصير العنوان، والأسطر الأخرى تصير الفقرات',
  },
  'import.no-paragraphs': { en: 'the text has a title but no paragraphs after it', ar: 'في النص عنوان، لكن لا فقرات بعده' },
  'import.dropped-one': { en: '; dropped 1 shortcode line', ar: '؛ وحُذف سطر رمز قصير (shortcode) واحد' },
  'import.dropped': { en: '; dropped {n} shortcode lines', ar: '؛ وحُذفت أسطر الرموز القصيرة (shortcode)، وعددها {n}' },
  'import.wrote': { en: 'wrote {file}: «{title}», {paragraphs}{dropped}', ar: 'كُتب الملف {file}: «{title}»، {paragraphs}{dropped}' },
  'import.next': { en: 'next: hiwar passages {file}    (see its refs)', ar: 'الخطوة التالية: hiwar passages {file}    (لعرض إحالاتها)' },
  'import.next-lesson': {
    en: '      hiwar new my-lesson --article {file}    (start a lesson)',
    ar: '      hiwar new my-lesson --article {file}    (لبدء درس)',
  },

  // ------------------------------------------------------------ hiwar new
  'cli.new-bad-id': {
    en: `the lesson id ${ID_RULE_EN} (it names the PDF files), e.g. virtual-caliphate-grade10; got "{got}"`,
    ar: `معرّف الدرس ${ID_RULE_AR} (فمنه تُسمّى ملفات PDF)، مثل virtual-caliphate-grade10؛ والمكتوب "{got}"`,
  },
  'cli.new-no-article': {
    en: 'name the article the lesson quotes: --article articles/NAME.md',
    ar: 'اذكر المقالة التي يقتبس منها الدرس: --article articles/NAME.md',
  },
  'cli.new-exists-hint': { en: 'choose another id, or edit the existing lesson', ar: 'اختر معرّفًا آخر، أو عدّل الدرس الموجود' },
  'new.wrote': {
    en: 'wrote {file}: a lesson on «{title}» ({n} paragraphs listed in it)',
    ar: 'كُتب الملف {file}: درس عن «{title}» (وفيه قائمة فقرات المقالة، وعددها {n})',
  },
  'new.next': {
    en: 'next: edit it, then   hiwar check {file}   and   hiwar build {file}',
    ar: 'الخطوة التالية: عدّله، ثم   hiwar check {file}   ثم   hiwar build {file}',
  },

  // ------------------------------------------------------------ hiwar passages
  'passages.title': { en: '«{title}» — {paragraphs}, {sentences}', ar: '«{title}» — {paragraphs}، {sentences}' },
  'passages.forms': {
    en: 'refs: p3 (a paragraph) · p3-p5 (paragraphs) · p5.s2 (a sentence) · p5.s1-s2 (sentences) · {from: "…", to: "…"} (a quote)',
    ar: 'الإحالات: p3 (فقرة) · p3-p5 (فقرات) · p5.s2 (جملة) · p5.s1-s2 (جمل) · {from: "…", to: "…"} (اقتباس)',
  },
  'passages.paragraph': { en: '{ref}  ({sentences})', ar: 'الفقرة {ref}  ({sentences})' },
  'passages.ref-problem': { en: '{ref}: {problem}', ar: 'الإحالة {ref}: {problem}' },
  'passages.span-one': { en: 'paragraph {n}', ar: 'الفقرة {n}' },
  'passages.span': { en: 'paragraphs {from}–{to}', ar: 'الفقرات {from}–{to}' },
  'passages.part': { en: ', part', ar: '، جزء منها' },

  // ------------------------------------------------------------ hiwar questions
  'cli.questions-nothing': {
    en: 'name at least one question bank, e.g. questions/moderation.yaml',
    ar: 'اذكر بنك أسئلة واحدًا على الأقل، مثل questions/moderation.yaml',
  },
  'bankcmd.shown': { en: ', {n} shown', ar: '، المعروض منها {n}' },
  'bankcmd.no-tag': {
    en: 'no question has the tag {tags}{dym}; the tags are {list}',
    ar: 'لا يوجد سؤال موسوم بـ {tags}{dym}؛ والوسوم هي {list}',
  },
  'bankcmd.no-tags': {
    en: 'no question has the tags {tags}{dym}; the tags are {list}',
    ar: 'لا يوجد سؤال موسوم بأيٍّ من {tags}{dym}؛ والوسوم هي {list}',
  },
});
