// Messages of reading inputs safely and writing outputs (src/safety, src/build, src/pdf/output.ts).
import { defineMessages } from '../define.js';

const REGULAR_HINT = {
  en: 'hiwar reads only ordinary files: name the text file itself',
  ar: 'يقرأ «حوار» الملفات العادية فقط: اذكر ملف النص نفسه',
};

export const BUILD_MESSAGES = defineMessages({
  'build.fifo': { en: '`{name}` is a named pipe (FIFO), not a regular file', ar: '`{name}` أنبوب مُسمّى (FIFO) وليس ملفًا عاديًا', hint: REGULAR_HINT },
  'build.device': { en: '`{name}` is a device, not a regular file', ar: '`{name}` جهاز وليس ملفًا عاديًا', hint: REGULAR_HINT },
  'build.socket': { en: '`{name}` is a socket, not a regular file', ar: '`{name}` مقبس اتصال (socket) وليس ملفًا عاديًا', hint: REGULAR_HINT },
  'build.special': { en: '`{name}` is a special file, not a regular file', ar: '`{name}` ملف خاص وليس ملفًا عاديًا', hint: REGULAR_HINT },
  'build.too-big': {
    en: '`{name}` is larger than {limit}, the most hiwar reads for this kind of file',
    ar: '`{name}` أكبر من {limit}، وهو أقصى حجم يقرؤه «حوار» لهذا النوع من الملفات',
    hint: {
      en: 'is it the right file? the limits are listed in the README under "Limits"; split a very long lesson or bank into several files',
      ar: 'هل هذا هو الملف الصحيح؟ الحدود مذكورة في ملف README تحت عنوان "Limits"؛ قسّم الدرس أو البنك الطويل جدًا على عدة ملفات',
    },
  },
  'build.too-many-open': {
    en: 'cannot read `{name}`: too many files are open at once ({code})',
    ar: 'تعذّرت قراءة `{name}`: عدد الملفات المفتوحة في وقت واحد تجاوز الحد ({code})',
    hint: { en: 'close other programs, or raise the limit of open files (ulimit -n), then build again', ar: 'أغلق برامج أخرى، أو ارفع حد الملفات المفتوحة (ulimit -n)، ثم أعد البناء' },
  },
  'build.too-many-files': {
    en: 'too many files are open at once ({code}); nothing more was written',
    ar: 'عدد الملفات المفتوحة في وقت واحد تجاوز الحد ({code})؛ لم يُكتب شيء آخر',
    hint: { en: 'close other programs, or raise the limit of open files (ulimit -n), then build again', ar: 'أغلق برامج أخرى، أو ارفع حد الملفات المفتوحة (ulimit -n)، ثم أعد البناء' },
  },
  'build.outside': {
    en: '`{name}` is outside the workspace folder {root}',
    ar: '`{name}` خارج مجلد العمل {root}',
    hint: {
      en: 'hiwar reads only files inside the folder you run it in (or the folder of the file you build, when that is elsewhere), so that a shared lesson cannot pull in other files; move the file into that folder, name a folder that holds both with --root DIR, or allow it with --allow-outside',
      ar: 'يقرأ «حوار» الملفات الموجودة داخل المجلد الذي تشغّله فيه فقط (أو مجلد الملف الذي تبنيه إن كان في مكان آخر)، حتى لا يسحب درسٌ متداوَل ملفاتٍ أخرى من جهازك؛ انقل الملف إلى ذلك المجلد، أو اذكر مجلدًا يضم الاثنين بـ --root DIR، أو اسمح بذلك صراحةً بـ --allow-outside',
    },
  },
  'build.template-outside': {
    en: 'this template is a link to a file outside the templates folder {dir}; it is not read',
    ar: 'هذا القالب رابط إلى ملف خارج مجلد القوالب {dir}؛ لم تتم قراءته',
    hint: { en: 'copy the file itself into the templates folder, or build with --allow-outside', ar: 'انسخ الملف نفسه إلى مجلد القوالب، أو ابنِ مع --allow-outside' },
  },
  'build.out-empty': {
    en: '--out needs a folder name; an empty --out would write the PDFs into the current folder',
    ar: 'يحتاج --out إلى اسم مجلد؛ فـ --out الفارغ سيكتب ملفات PDF في المجلد الحالي',
    hint: { en: 'e.g. --out out, or --out . to write into the current folder on purpose', ar: 'مثلًا --out out، أو --out . للكتابة في المجلد الحالي عن قصد' },
  },
  'build.root-missing': {
    en: '--root {root} is not a folder',
    ar: '--root {root} ليس مجلدًا',
    hint: { en: 'name the folder that holds your lessons, articles and banks', ar: 'اذكر المجلد الذي يضم دروسك ومقالاتك وبنوك أسئلتك' },
  },
  'build.id-too-long': {
    en: '{what} is too long ({length} characters): an id names the files, and may have at most {max} characters',
    ar: '{what} طويل جدًا ({length} حرفًا): المعرّف يسمّي الملفات، وأقصى طوله {max} حرفًا',
  },
  'build.id-too-long-field': {
    en: '{what} is too long: an id names the PDF files, and may have at most {max} characters (a long file name is refused by some disks and hard to read); shorten it',
    ar: '{what} طويل جدًا: المعرّف يسمّي ملفات PDF، وأقصى طوله {max} حرفًا (بعض الأقراص ترفض أسماء الملفات الطويلة، وهي صعبة القراءة)؛ اختصره',
  },
  'build.new-root-note': {
    en: '(the article is outside {dir}: --root names the folder that holds both)',
    ar: '(المقالة خارج {dir}: يذكر --root المجلد الذي يضم الاثنين)',
  },
  'build.locked': {
    en: 'another hiwar (process {pid}) is writing into this folder; waited {seconds} s for it',
    ar: 'نسخة أخرى من «حوار» (العملية {pid}) تكتب في هذا المجلد؛ انتظرناها {seconds} ث',
    hint: { en: 'nothing was written; build again when the other build has finished (if no other hiwar runs, delete {lock})', ar: 'لم يُكتب شيء؛ أعد البناء بعد انتهاء البناء الآخر (وإن لم تكن نسخة أخرى تعمل فاحذف {lock})' },
  },
});
