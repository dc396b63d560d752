// Messages for mistakes that used to crash, blow up or be reported wrongly
// (issue 11): markup a teacher's template produces, template output that grows
// without end, YAML hiwar does not read, files that are not text, and watch mode.
import { defineMessages } from '../define.js';

const MARKUP_HINT = {
  en: 'a template may print only these tags: {tags}',
  ar: 'لا يطبع القالب إلا هذه الوسوم: {tags}',
};

export const ERROR_MESSAGES = defineMessages({
  // markup a template printed (src/render/markup.ts), reported at the template's line
  'errors.markup-unknown-tag': {
    en: 'template error: unknown tag <{tag}>',
    ar: 'خطأ في القالب: الوسم <{tag}> غير معروف',
    hint: MARKUP_HINT,
  },
  'errors.markup-not-inline': {
    en: 'template error: <{tag}> cannot stand inside a line of text',
    ar: 'خطأ في القالب: لا يصح أن يقع <{tag}> داخل سطر من النص',
    hint: {
      en: 'inside <p>, <h1>, <h2>, <li> and the other lines of text only <b>, <muted> and <br> may stand; close the line before <{tag}>',
      ar: 'لا يقع داخل <p> و<h1> و<h2> و<li> وسائر أسطر النص إلا <b> و<muted> و<br>؛ أغلق السطر قبل <{tag}>',
    },
  },
  'errors.markup-needs-attribute': {
    en: 'template error: <{tag}> needs a {attribute}="…" attribute',
    ar: 'خطأ في القالب: يحتاج <{tag}> إلى الخاصية {attribute}="…"',
  },
  'errors.markup-only-children': {
    en: 'template error: <{tag}> may only contain <{allowed}>, not <{child}>',
    ar: 'خطأ في القالب: لا يحوي <{tag}> إلا <{allowed}>، لا <{child}>',
  },
  'errors.markup-loose-text-in': {
    en: 'template error: <{tag}> may only contain <{allowed}> elements, not loose text',
    ar: 'خطأ في القالب: لا يحوي <{tag}> إلا عناصر <{allowed}>، لا نصًّا طليقًا',
  },
  'errors.markup-loose-text': {
    en: 'template error: loose text "{text}" outside a block',
    ar: 'خطأ في القالب: نص طليق «{text}» خارج أي كتلة',
    hint: { en: 'wrap it in <p>…</p>', ar: 'ضعه بين <p> و</p>' },
  },
  'errors.markup-spacer-height': {
    en: 'template error: <spacer h="{value}"> needs a height in points from 0 to 600',
    ar: 'خطأ في القالب: يحتاج <spacer h="{value}"> إلى ارتفاع بالنقاط من 0 إلى 600',
  },
  'errors.markup-box-variant': {
    en: 'template error: <box variant="{variant}"> is not one of {variants}',
    ar: 'خطأ في القالب: <box variant="{variant}"> ليس واحدًا من {variants}',
  },
  'errors.markup-question-order': {
    en: 'template error: the text of a <question> must come before its answer parts',
    ar: 'خطأ في القالب: يأتي نص <question> قبل أجزاء إجابته',
  },
  'errors.markup-positive': {
    en: 'template error: <{tag}> needs {attribute}="…", a number above 0, not "{value}"',
    ar: 'خطأ في القالب: يحتاج <{tag}> إلى {attribute}="…"، عددًا أكبر من صفر، لا "{value}"',
  },
  'errors.markup-lines-count': {
    en: 'template error: <lines n="{value}"> needs a whole number from 0 to 60',
    ar: 'خطأ في القالب: يحتاج <lines n="{value}"> إلى عدد صحيح من 0 إلى 60',
  },
  // Handlebars while rendering (src/render/templates.ts)
  'errors.template-too-large': {
    en: 'template error: this template printed more than {limit} MB of markup',
    ar: 'خطأ في القالب: طبع هذا القالب أكثر من {limit} ميغابايت من الوسوم',
    hint: {
      en: 'a partial that includes others several times, each including others several times, grows without end; include each partial once where it is needed',
      ar: 'القالب الجزئي الذي يضم غيره مرات، وكلٌّ منها يضم غيره مرات، يتضاعف بلا نهاية؛ ضمّ كل قالب جزئي مرة واحدة حيث يلزم',
    },
  },
  // files that are not text (src/safety/encoding.ts)
  'errors.binary-nul': {
    en: 'it is not a text file (a NUL byte at byte {offset})',
    ar: 'ليس ملفًّا نصيًّا (بايت NUL عند البايت {offset})',
  },
  'errors.binary-nul-hint': {
    en: 'give hiwar a .yaml lesson, course or question bank, or an .md article; if this is your text, retype what is at this place and save it as UTF-8',
    ar: 'أعطِ «حوار» درسًا أو مقررًا أو بنك أسئلة بصيغة ‎.yaml أو مقالًا بصيغة ‎.md؛ وإن كان هذا نصك فأعد كتابة ما في هذا الموضع واحفظه بترميز UTF-8',
  },
  // YAML hiwar does not read (src/workspace/yaml.ts)
  'errors.yaml-tag': {
    en: 'YAML tags such as `{tag}` are not supported',
    ar: 'وسوم YAML مثل `{tag}` غير مدعومة',
    hint: {
      en: 'write the value as plain text, without the tag; a text that starts with `!` needs quotes',
      ar: 'اكتب القيمة نصًّا عاديًّا بلا وسم؛ والنص الذي يبدأ بـ`!` يوضع بين علامتي تنصيص',
    },
  },
  'errors.yaml-collection-key': {
    en: 'a field name here is a list or a block of fields (`{key}`), not a name',
    ar: 'اسم الحقل هنا قائمة أو كتلة حقول (`{key}`)، لا اسم',
    hint: {
      en: 'a field name is a word followed by `:`; a line that starts with `{` or `[` and has a `:` after it reads as a field name. Is it a comment? Start it with `#`',
      ar: 'اسم الحقل كلمة تتبعها `:`؛ والسطر الذي يبدأ بـ`{` أو `[` وتليه `:` يُقرأ اسمَ حقل. أهو تعليق؟ ابدأه بـ`#`',
    },
  },
  // courses (src/workspace/resolve.ts)
  'errors.course-lesson-same-id': {
    en: 'this lesson has the id `{id}`, the same as its course: their PDFs would have the same names',
    ar: 'لهذا الدرس المعرّف `{id}`، وهو معرّف المقرر نفسه: ستحمل ملفات PDF لكليهما الأسماء نفسها',
    hint: { en: 'give the lesson or the course another id', ar: 'أعطِ الدرس أو المقرر معرّفًا آخر' },
  },
  // the command line (src/cli/main.ts)
  'errors.no-command': {
    en: 'hiwar needs a command, e.g. `hiwar build lesson.yaml`',
    ar: 'يحتاج «حوار» إلى أمر، مثل `hiwar build lesson.yaml`',
  },
  // watch mode (src/build/watch.ts)
  'errors.watch-rebuild-failed': {
    en: 'rebuilding {files} failed; its last good PDFs are kept',
    ar: 'تعذّرت إعادة بناء {files}؛ بقيت آخر ملفات PDF سليمة منه',
  },
  'errors.watch-stopped': {
    en: 'stopped watching',
    ar: 'توقفت المراقبة',
  },
});
