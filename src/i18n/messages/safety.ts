// Invisible and reordering characters taken out of a teacher's text (src/safety/text.ts).
// {what} is the character's code and Unicode name, e.g. `U+202E (RIGHT-TO-LEFT OVERRIDE)`.
import { defineMessages } from '../define.js';

export const SAFETY_MESSAGES = defineMessages({
  'safety.more-on-line': { en: ' (and {n} more on this line)', ar: ' (ومعه {n} غيره في هذا السطر)' },
  'safety.bidi-unclosed': {
    en: 'the invisible bidi control {what} is not closed; hiwar closes it at the end of the line',
    ar: 'حرف التحكم الخفي في اتجاه الكتابة {what} غير مغلق؛ يغلقه hiwar في آخر السطر',
    hint: {
      en: 'it reorders the text after it: remove it, or close it with {closer}',
      ar: 'هذا الحرف يغيّر ترتيب النص الذي بعده: احذفه، أو أغلقه بالحرف {closer}',
    },
  },
  'safety.bidi-unmatched': {
    en: 'the invisible bidi control {what} closes nothing; it is left out',
    ar: 'حرف التحكم الخفي في اتجاه الكتابة {what} لا يغلق شيئًا؛ لذلك يُحذف',
    hint: { en: 'remove it from the text', ar: 'احذفه من النص' },
  },
  'safety.invisible-break': {
    en: 'the invisible line break {what}{more} is printed as a space',
    ar: 'فاصل الأسطر الخفي {what}{more} يُطبع مسافةً',
    hint: { en: 'use an ordinary line break or space', ar: 'استعمل سطرًا جديدًا عاديًا أو مسافة عادية' },
  },
  'safety.invisible-bom': {
    en: 'the invisible character {what}{more} is left out',
    ar: 'الحرف الخفي {what}{more} يُحذف',
    hint: {
      en: 'it is usually left over from pasting two files together; delete it',
      ar: 'يبقى عادةً بعد لصق ملفين معًا؛ احذفه',
    },
  },
  'safety.invisible-dropped': {
    en: 'the invisible character {what}{more} is left out',
    ar: 'الحرف الخفي {what}{more} يُحذف',
    hint: {
      en: 'it prints nothing; delete it (it is often pasted in from web pages)',
      ar: 'لا يُطبع منه شيء؛ احذفه (كثيرًا ما يأتي مع النص المنسوخ من صفحات الإنترنت)',
    },
  },
  // files that are not UTF-8 text (src/safety/encoding.ts): {detail} of `source.cannot-read`
  'encoding.kind-pdf': { en: 'a PDF file', ar: 'ملف PDF' },
  'encoding.kind-zip': { en: 'a ZIP archive (a .docx, .odt or .xlsx file is one)', ar: 'ملف مضغوط ZIP (وملفات ‎.docx و‎.odt و‎.xlsx منها)' },
  'encoding.kind-doc': { en: 'an old Microsoft Office file (.doc)', ar: 'ملف Microsoft Office قديم (‎.doc)' },
  'encoding.kind-rtf': { en: 'an RTF document', ar: 'مستند RTF' },
  'encoding.kind-png': { en: 'a PNG image', ar: 'صورة PNG' },
  'encoding.kind-jpeg': { en: 'a JPEG image', ar: 'صورة JPEG' },
  'encoding.kind-gif': { en: 'a GIF image', ar: 'صورة GIF' },
  'encoding.kind-gzip': { en: 'a gzip archive', ar: 'ملف مضغوط gzip' },
  'encoding.looks-like': { en: 'this is not a text file: it looks like {what}', ar: 'هذا ليس ملفًا نصيًا: يبدو أنه {what}' },
  'encoding.give-text-file': {
    en: 'give hiwar the .yaml or .md text file; to bring in an article, copy its text into a plain text file and run `hiwar import`',
    ar: 'أعطِ hiwar الملف النصي ‎.yaml أو ‎.md؛ ولإدخال مقالة انسخ نصها إلى ملف نصي عادي ثم شغّل `hiwar import`',
  },
  'encoding.save-as-utf8': {
    en: 'open it in your editor and save it as "UTF-8" (in Notepad: Save As → Encoding: UTF-8)',
    ar: 'افتحه في محرر النصوص واحفظه بترميز "UTF-8" (في Notepad: حفظ باسم ← الترميز: UTF-8)',
  },
  'encoding.utf16': {
    en: 'this text file is saved as {which} ("Unicode" in Windows), not UTF-8',
    ar: 'هذا الملف النصي محفوظ بترميز {which} (يسميه Windows "Unicode")، لا بترميز UTF-8',
  },
  'encoding.utf16-no-bom': {
    en: 'this text file looks like UTF-16 ("Unicode" in Windows), not UTF-8',
    ar: 'يبدو أن هذا الملف النصي محفوظ بترميز UTF-16 (يسميه Windows "Unicode")، لا بترميز UTF-8',
  },
  'encoding.binary': { en: 'this is not a text file (it holds binary data)', ar: 'هذا ليس ملفًا نصيًا (فيه بيانات ثنائية)' },
  'encoding.give-hiwar-files': {
    en: 'give hiwar a .yaml lesson, course or question bank, or an .md article',
    ar: 'أعطِ hiwar درسًا أو مقررًا أو بنك أسئلة بصيغة ‎.yaml، أو مقالة بصيغة ‎.md',
  },
  'encoding.bad-byte': {
    en: 'byte {byte} on line {line} is not UTF-8: the file mixes UTF-8 with another encoding, or was cut off',
    ar: 'البايت {byte} في السطر {line} ليس من ترميز UTF-8: في الملف خليط من UTF-8 وترميز آخر، أو أنه مقطوع',
  },
  'encoding.bad-byte-hint': {
    en: 'look at line {line}, column {col}; retype what is there, then save the file as UTF-8',
    ar: 'انظر في السطر {line}، العمود {col}؛ أعد كتابة ما فيه، ثم احفظ الملف بترميز UTF-8',
  },
  'encoding.guess-1256': {
    en: 'it looks like Arabic text saved as Windows-1256 (Arabic Windows)',
    ar: 'يبدو أنه نص عربي محفوظ بترميز Windows-1256 (ترميز Windows العربي)',
  },
  'encoding.guess-8859-6': { en: 'it looks like Arabic text saved as ISO-8859-6', ar: 'يبدو أنه نص عربي محفوظ بترميز ISO-8859-6' },
  'encoding.guess-1252': {
    en: 'it may be Windows-1252 or Latin-1 (Western European)',
    ar: 'لعله بترميز Windows-1252 أو Latin-1 (للغات أوروبا الغربية)',
  },
  'encoding.not-utf8': { en: 'this file is not UTF-8: {guess}', ar: 'هذا الملف ليس بترميز UTF-8: {guess}' },
  'encoding.unknown': {
    en: 'this file is not UTF-8 text, and its encoding is unknown',
    ar: 'هذا الملف ليس نصًا بترميز UTF-8، وترميزه غير معروف',
  },
});
