// The YAML parser's complaints, in words a teacher knows (src/workspace/yaml.ts):
// what is wrong on the line, and how to write it instead.
import { defineMessages } from '../define.js';

export const YAML_MESSAGES = defineMessages({
  'yaml.indent-mismatch': {
    en: 'this line is indented by {got} spaces instead of {want}, like line {other} above it',
    ar: 'في بداية هذا السطر {got} من المسافات بدلًا من {want} كما في السطر {other} فوقه',
    hint: {
      en: 'lines that belong together (the fields of one block, the `- ` items of one list) start in the same column: indent this one by {want} spaces',
      ar: 'الأسطر التي تنتمي إلى مجموعة واحدة (حقول الكتلة الواحدة، وعناصر القائمة الواحدة التي تبدأ بـ `- `) تبدأ من العمود نفسه: اجعل في بداية هذا السطر {want} من المسافات',
    },
  },
  'yaml.bad-indent': {
    en: 'YAML syntax: this line does not line up with the lines it belongs with',
    ar: 'خطأ في كتابة YAML: هذا السطر لا يبدأ من عمود الأسطر التي ينتمي إليها',
    hint: {
      en: 'check the indentation: the items of one list, and the fields of one block, start in the same column',
      ar: 'راجع المسافات في بداية الأسطر: عناصر القائمة الواحدة، وحقول الكتلة الواحدة، تبدأ من العمود نفسه',
    },
  },
  'yaml.tab-indent': {
    en: 'YAML syntax: this line is indented with a tab',
    ar: 'خطأ في كتابة YAML: في بداية هذا السطر حرف جدولة (Tab)',
    hint: {
      en: 'indent with spaces, not tabs',
      ar: 'استعمل المسافات في بداية الأسطر، لا حرف الجدولة (Tab)',
    },
  },
  'yaml.unclosed-double-quote': {
    en: 'YAML syntax: the quote `"` opened here is never closed',
    ar: 'خطأ في كتابة YAML: علامة التنصيص `"` التي فُتحت هنا لم تُغلق',
    hint: {
      en: 'end the text with `"` (a `"` inside the text is written `\\"`)',
      ar: 'أنهِ النص بعلامة `"` (وعلامة `"` داخل النص تُكتب `\\"`)',
    },
  },
  'yaml.unclosed-single-quote': {
    en: "YAML syntax: the quote `'` opened here is never closed",
    ar: "خطأ في كتابة YAML: علامة التنصيص `'` التي فُتحت هنا لم تُغلق",
    hint: {
      en: "end the text with `'` (a `'` inside the text is written `''`)",
      ar: "أنهِ النص بعلامة `'` (وعلامة `'` داخل النص تُكتب `''`)",
    },
  },
  'yaml.missing-colon': {
    en: 'YAML syntax: this line has no `:` after its field name',
    ar: 'خطأ في كتابة YAML: لا توجد نقطتان `:` بعد اسم الحقل في هذا السطر',
    hint: {
      en: 'is a `:` missing after a field name? e.g. `kind: open`',
      ar: 'هل نسيت `:` بعد اسم الحقل؟ مثل `kind: open`',
    },
  },
  'yaml.item-among-fields': {
    en: 'YAML syntax: a list item `- ` stands among the fields of a block',
    ar: 'خطأ في كتابة YAML: عنصر قائمة `- ` يقع بين حقول كتلة',
    hint: {
      en: 'a list belongs to a field: indent it under that field, e.g. `questions:` then `  - text: …`',
      ar: 'القائمة تتبع حقلًا: أزحها تحت ذلك الحقل، مثل `questions:` ثم `  - text: …`',
    },
  },
  'yaml.dash-needs-space': {
    en: 'YAML syntax: a list item needs a space after its `-`',
    ar: 'خطأ في كتابة YAML: يحتاج عنصر القائمة إلى مسافة بعد `-`',
    hint: { en: 'write `- text: …`, not `-text: …`', ar: 'اكتب `- text: …` لا `-text: …`' },
  },
  'yaml.colon-in-text': {
    en: 'YAML syntax: this text contains `: `, so it needs quotes',
    ar: 'خطأ في كتابة YAML: في هذا النص `: `، لذلك يجب وضعه بين علامتي تنصيص',
    hint: {
      en: 'a text that contains `: ` needs quotes, e.g. text: "…: …"; or check the indentation',
      ar: 'النص الذي فيه `: ` يوضع بين علامتي تنصيص، مثل text: "…: …"؛ أو راجع المسافات في بداية السطر',
    },
  },
  'yaml.duplicate-field': {
    en: 'YAML syntax: the field `{field}` appears twice in this block',
    ar: 'خطأ في كتابة YAML: الحقل `{field}` مكتوب مرتين في هذه الكتلة',
    hint: {
      en: 'each field may appear only once here; remove or rename one of them',
      ar: 'يُكتب كل حقل هنا مرة واحدة فقط؛ احذف أحدهما أو غيّر اسمه',
    },
  },
  'yaml.unclosed-bracket': {
    en: 'YAML syntax: a `[` is not closed with `]`',
    ar: 'خطأ في كتابة YAML: القوس `[` لم يُغلق بـ `]`',
    hint: {
      en: 'a `[` was not closed with `]`, or a text starting with `[` needs quotes',
      ar: 'إما أن القوس `[` لم يُغلق بـ `]`، وإما أن نصًا يبدأ بـ `[` يحتاج إلى علامتي تنصيص',
    },
  },
  'yaml.unclosed-brace': {
    en: 'YAML syntax: a `{` is not closed with `}`',
    ar: 'خطأ في كتابة YAML: القوس `{` لم يُغلق بـ `}`',
    hint: {
      en: 'a `{` was not closed with `}`, or a text starting with `{` needs quotes',
      ar: 'إما أن القوس `{` لم يُغلق بـ `}`، وإما أن نصًا يبدأ بـ `{` يحتاج إلى علامتي تنصيص',
    },
  },
  'yaml.reserved-start': {
    en: 'YAML syntax: a text cannot start with `{char}` unless it is in quotes',
    ar: 'خطأ في كتابة YAML: لا يبدأ نص بـ `{char}` إلا إذا كان بين علامتي تنصيص',
    hint: {
      en: 'texts containing `: ` or starting with `[`, `{`, `*`, `&`, `!`, `|`, `>`, `%`, `@` or `#` need quotes',
      ar: 'النصوص التي فيها `: ` أو تبدأ بـ `[` أو `{` أو `*` أو `&` أو `!` أو `|` أو `>` أو `%` أو `@` أو `#` توضع بين علامتي تنصيص',
    },
  },
  'yaml.unexpected-text': {
    en: 'YAML syntax: unexpected text here',
    ar: 'خطأ في كتابة YAML: نص في غير موضعه هنا',
    hint: {
      en: 'a text in quotes ends at its closing quote: put the whole text in quotes; texts containing `: ` or starting with `[`, `{`, `*`, `&`, `!`, `|`, `>`, `%`, `@` or `#` need quotes',
      ar: 'النص المنصَّص ينتهي عند علامة التنصيص الثانية: ضع النص كله بين علامتي التنصيص؛ والنصوص التي فيها `: ` أو تبدأ بـ `[` أو `{` أو `*` أو `&` أو `!` أو `|` أو `>` أو `%` أو `@` أو `#` توضع بين علامتي تنصيص',
    },
  },
  'yaml.comment-needs-space': {
    en: 'YAML syntax: a `#` that starts a comment needs a space before it',
    ar: 'خطأ في كتابة YAML: علامة `#` التي تبدأ تعليقًا تحتاج إلى مسافة قبلها',
    hint: {
      en: 'to use `#` inside a text, put the whole text in quotes',
      ar: 'لاستعمال `#` داخل نص، ضع النص كله بين علامتي تنصيص',
    },
  },
  'yaml.two-documents': {
    en: 'YAML syntax: a second `---` starts another document; a file holds only one',
    ar: 'خطأ في كتابة YAML: سطر `---` الثاني يبدأ مستندًا آخر؛ والملف يحمل مستندًا واحدًا فقط',
    hint: {
      en: 'remove the `---` line, or put the lessons in files of their own',
      ar: 'احذف سطر `---`، أو ضع كل درس في ملف مستقل',
    },
  },
  'yaml.too-deep': {
    en: 'YAML syntax: `[` or `{` nested inside each other too deeply',
    ar: 'خطأ في كتابة YAML: الأقواس `[` أو `{` متداخلة بعضها في بعض إلى عمق كبير جدًا',
  },
  'yaml.syntax': { en: 'YAML syntax: {detail}', ar: 'خطأ في كتابة YAML: {detail}' },
  'yaml.aliases-expand': {
    en: 'YAML aliases (`*name`) expand too much',
    ar: 'الإحالات في YAML (`*name`) تتضاعف أكثر من اللازم',
    hint: {
      en: 'at most {max} expansions are allowed; write the text out instead',
      ar: 'المسموح به {max} إحالة على الأكثر؛ اكتب النص كاملًا بدلًا منها',
    },
  },
  'yaml.value': { en: 'YAML: {detail}', ar: 'خطأ في قيمة YAML: {detail}' },
});
