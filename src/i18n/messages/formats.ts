// What `hiwar build --format` and the Word and web formats say
// (src/cli/main.ts, src/build/progress.ts, src/formats/).
import { defineMessages } from '../define.js';

export const FORMATS_MESSAGES = defineMessages({
  'formats.help-format': {
    en: 'file formats to write, separated by commas: pdf, docx (Word), html (a web page) (default: the `formats:` option, else pdf)',
    ar: 'صيغ الملفات المطلوبة مفصولًا بينها بفواصل: pdf وdocx (ملف Word) وhtml (صفحة ويب)؛ الافتراضي خيار `formats:` وإلا pdf',
  },
  'formats.unknown': {
    en: '--format does not know "{got}"; it takes {formats}',
    ar: 'لا تعرف --format الصيغة "{got}"؛ الصيغ الممكنة: {formats}',
    hint: { en: 'for example: --format pdf,docx', ar: 'مثال: --format pdf,docx' },
  },
  'formats.wrote': { en: 'wrote {file}', ar: 'كُتب الملف {file}' },
  // the web page's own labels for screen readers (the page is in Arabic)
  'formats.html-answer': { en: 'Your answer', ar: 'إجابتك' },
  'formats.html-rank': { en: 'Rank', ar: 'الترتيب' },
  'formats.html-contents': { en: 'Contents', ar: 'المحتويات' },
});
