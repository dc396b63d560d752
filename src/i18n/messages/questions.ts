// Questions of lessons and banks: kinds, `use`, `pick`, edits of inherited
// questions, ids (src/workspace/questions.ts).
import { defineMessages } from '../define.js';

const ADD_OPTIONS = {
  en: 'add e.g. `options: ["…", "…", "…"]` under it',
  ar: 'أضف تحته مثلًا `options: ["…", "…", "…"]`',
};

export const QUESTIONS_MESSAGES = defineMessages({
  'questions.choice-needs-options': {
    en: 'a `choice` question needs `options`: the answers to choose from',
    ar: 'سؤال الاختيار `choice` يحتاج إلى `options`: الإجابات التي يُختار منها',
    hint: ADD_OPTIONS,
  },
  'questions.rank-needs-options': {
    en: 'a `rank` question needs `options`: the items to put in order',
    ar: 'سؤال الترتيب `rank` يحتاج إلى `options`: العناصر التي تُرتَّب',
    hint: ADD_OPTIONS,
  },
  'questions.too-few-options': {
    en: 'a `{kind}` question needs at least 2 options, not {n}',
    ar: 'سؤال `{kind}` يحتاج إلى خيارين على الأقل، والمكتوب {n}',
  },
  'questions.too-few-labels': {
    en: 'a `scale` needs at least 2 labels, not {n}',
    ar: 'سؤال المقياس `scale` يحتاج إلى تسميتين على الأقل، والمكتوب {n}',
    hint: {
      en: 'leave `options` out for the usual 5-point row «لا أوافق بشدة … أوافق بشدة»',
      ar: 'احذف `options` ليظهر الصف المعتاد ذو الدرجات الخمس «لا أوافق بشدة … أوافق بشدة»',
    },
  },
  'questions.options-unused': {
    en: '`options` are not used by an `open` question',
    ar: 'السؤال المفتوح `open` لا يستعمل `options`',
    hint: { en: 'did you mean `kind: choice`?', ar: 'هل تقصد `kind: choice`؟' },
  },
  'questions.lines-unused': {
    en: '`lines` are used only by `open` questions, not `{kind}`',
    ar: 'لا تستعمل `lines` إلا الأسئلةُ المفتوحة `open`، لا `{kind}`',
  },
  'questions.use-form': {
    en: '`use` names a bank file and a question id joined by `#`, not `{use}`',
    ar: 'يُكتب `use` اسمَ ملف بنك ومعرّفَ سؤال بينهما `#`، لا `{use}`',
    hint: {
      en: 'e.g. `use: questions/moderation.yaml#deletion-displacement`; `hiwar questions BANK` lists the ids',
      ar: 'مثل `use: questions/moderation.yaml#deletion-displacement`؛ والأمر `hiwar questions BANK` يعرض المعرّفات',
    },
  },
  'questions.bank-ref-misfits': {
    en: '{problem} (the article of a lesson that uses `{id}`: {article})',
    ar: '{problem} (مقالة درس يستعمل `{id}`: {article})',
    hint: {
      en: 'a `use` entry can replace the refs for its lesson: `refs: [p2]`',
      ar: 'يمكن لعنصر `use` أن يضع إحالات خاصة بدرسه: `refs: [p2]`',
    },
  },
  'questions.pick-short-one': {
    en: '`pick` asks for 1 question, but `{bank}` has {has}{tags}{levels}{taken}',
    ar: 'يطلب `pick` سؤالًا واحدًا، لكن في `{bank}` {has}{tags}{levels}{taken}',
  },
  'questions.pick-short': {
    en: '`pick` asks for {count} questions, but `{bank}` has {has}{tags}{levels}{taken}',
    ar: 'يطلب `pick` {count} من الأسئلة، لكن في `{bank}` {has}{tags}{levels}{taken}',
  },
  'questions.pick-none': { en: 'none', ar: 'لا يوجد أي سؤال' },
  'questions.pick-only': { en: 'only {n}', ar: 'لا يوجد إلا {n}' },
  'questions.pick-tagged': { en: ' tagged {tags}', ar: ' من الموسومة بـ {tags}' },
  'questions.pick-level': { en: ' at level {levels}', ar: ' من المستوى {levels}' },
  'questions.pick-taken': { en: ' (not counting {n} this list already uses)', ar: ' (دون حساب {n} تستعملها هذه القائمة من قبل)' },
  'questions.pick-matching': {
    en: 'the matching questions are {list}; lower `count` or widen `tags`',
    ar: 'الأسئلة المطابقة هي {list}؛ قلّل `count` أو وسّع `tags`',
  },
  'questions.bank-tags': { en: "{dym}the bank's tags are {list}", ar: '{dym}وسوم البنك هي {list}' },
  'questions.bank-no-tags': { en: '{dym}the bank has no tagged questions', ar: '{dym}لا توجد في البنك أسئلة موسومة' },
  'questions.edit-needs-extends': {
    en: '`questions` with `drop`/`add`/`order`/`limit` edits inherited questions, so the lesson needs `extends:`',
    ar: '`questions` مع `drop`/`add`/`order`/`limit` يعدّل أسئلة موروثة، لذلك يحتاج الدرس إلى `extends:`',
    hint: { en: 'without `extends`, write `questions:` as a list', ar: 'من دون `extends` اكتب `questions:` قائمةً' },
  },
  'questions.no-drop': { en: 'there is no inherited question `{id}` to drop', ar: 'لا يوجد سؤال موروث `{id}` لحذفه' },
  'questions.inherited-are': { en: '{dym}the inherited questions are {list}', ar: '{dym}الأسئلة الموروثة هي {list}' },
  'questions.no-order': { en: 'there is no question `{id}` to put in order', ar: 'لا يوجد سؤال `{id}` لترتيبه' },
  'questions.questions-are': { en: '{dym}the questions are {list}', ar: '{dym}الأسئلة هي {list}' },
  'questions.at-line': { en: 'line {line}', ar: 'السطر {line}' },
  'questions.duplicate-id': {
    en: 'two questions have the id `{id}` (the other is at {where})',
    ar: 'لسؤالين المعرّف نفسه `{id}` (الآخر في {where})',
  },
  'questions.hint-auto-ids': {
    en: 'questions without an `id` are numbered q1, q2, … by their place in the list; give this one its own `id`',
    ar: 'الأسئلة التي ليس لها `id` تُرقَّم q1 وq2 و… بحسب موضعها في القائمة؛ أعطِ هذا السؤال `id` خاصًا به',
  },
  'questions.hint-own-id': { en: 'give each question its own `id`', ar: 'أعطِ كل سؤال `id` خاصًا به' },
});
