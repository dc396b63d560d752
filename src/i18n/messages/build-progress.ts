// What a build says while it runs and when it stops (src/build/progress.ts,
// watch.ts, batch.ts; src/safety/interrupt.ts). File names stay as they are.
import { defineMessages } from '../define.js';

export const BUILD_PROGRESS_MESSAGES = defineMessages({
  'progress.wrote-one': { en: 'wrote {file} (1 page)', ar: 'كُتب الملف {file} (صفحة واحدة)' },
  'progress.wrote': { en: 'wrote {file} ({pages} pages)', ar: 'كُتب الملف {file} (عدد الصفحات: {pages})' },
  'progress.bar': {
    en: 'building {bar} {filesDone}/{files} files · {jobsDone}/{jobs} PDFs · {pages} pages',
    ar: 'جارٍ البناء {bar} الملفات {filesDone}/{files} · ملفات PDF {jobsDone}/{jobs} · الصفحات {pages}',
  },
  'watch.rebuilt': { en: 'rebuilt {files} in {ms} ms', ar: 'أُعيد بناء {files} في {ms} ملّي ثانية' },
  'watch.watching-one': {
    en: 'watching 1 file and {more} more they read; press Ctrl-C to stop',
    ar: 'يراقب hiwar ملفًا واحدًا و{more} ملفًا آخر يقرؤها؛ اضغط Ctrl-C للإيقاف',
  },
  'watch.watching': {
    en: 'watching {n} files and {more} more they read; press Ctrl-C to stop',
    ar: 'يراقب hiwar {n} من الملفات و{more} ملفًا آخر تقرؤها؛ اضغط Ctrl-C للإيقاف',
  },
  'watch.internal-error': {
    en: 'hiwar: internal error while rebuilding: {detail}',
    ar: 'hiwar: خطأ داخلي أثناء إعادة البناء: {detail}',
  },
  'batch.same-output': {
    en: '{pdf} would be written by both {first} and {second}; it is built from the first only',
    ar: 'الملف {pdf} سيكتبه كلٌّ من {first} و{second}؛ لذلك يُبنى من الأول فقط',
    hint: {
      en: 'the `id` names the PDFs: give each lesson and course its own id',
      ar: 'من `id` تُسمّى ملفات PDF: أعطِ كل درس وكل مقرر معرّفًا خاصًا به',
    },
  },
  'batch.split-overridden': {
    en: '{pdf} is also built from {other}; that build is kept',
    ar: 'الملف {pdf} يُبنى أيضًا من {other}؛ ويُبقى ذلك البناء',
    hint: {
      en: 'build the course without --split, or leave the lesson out of the command',
      ar: 'ابنِ المقرر من دون --split، أو احذف الدرس من الأمر',
    },
  },
  'batch.built-elsewhere': {
    en: '{pdf} is also built from {other}; that build is kept',
    ar: 'الملف {pdf} يُبنى أيضًا من {other}؛ ويُبقى ذلك البناء',
    hint: {
      en: 'give each lesson its own id, or build the files separately',
      ar: 'أعطِ كل درس معرّفًا خاصًا به، أو ابنِ الملفات كلًّا على حدة',
    },
  },
  'batch.internal-render': {
    en: 'internal error while rendering {name}: {detail}',
    ar: 'خطأ داخلي أثناء إخراج {name}: {detail}',
    hint: {
      en: 'this is a bug in hiwar, not in your files; please report it with the command you ran',
      ar: 'هذا خلل في hiwar لا في ملفاتك؛ أبلغ عنه من فضلك مع الأمر الذي شغّلته',
    },
  },
  'batch.cannot-write': {
    en: 'cannot write output: {code} ({detail})',
    ar: 'تعذّرت كتابة الناتج: {code} ({detail})',
    hint: { en: 'check that the --out folder can be written', ar: 'تحقّق من أن الكتابة في مجلد --out مسموحة' },
  },
  'interrupt.stopped': { en: 'hiwar: stopped by {how} before the build finished', ar: 'hiwar: أُوقف بـ {how} قبل انتهاء البناء' },
  'interrupt.built': { en: '  built: {files}', ar: '  ما بُني: {files}' },
  'interrupt.built-nothing': { en: '  built: nothing', ar: '  ما بُني: لا شيء' },
  'interrupt.not-built': { en: '  not built: {files}', ar: '  ما لم يُبنَ: {files}' },
  'interrupt.nothing-partial': {
    en: '  no partial or temporary PDF was left; a PDF that was not rebuilt is as it was before',
    ar: '  لم يبقَ ملف PDF ناقص أو مؤقت؛ وملف PDF الذي لم يُعد بناؤه باقٍ كما كان',
  },
});
