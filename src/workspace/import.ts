// `hiwar import`: a raw text as copied from a web page -> an article file (SPEC §2).
//
// What changes, exactly:
//   - line ends become `\n`, a byte order mark is dropped, the text is put in Unicode NFC;
//   - in each line, every run of white space (spaces, tabs, no-break and thin spaces…) becomes
//     one space, zero-width spaces are removed, and the line is trimmed (an article file folds
//     white space inside a paragraph the same way when it is read, so nothing else would survive);
//   - lines that are only WordPress-style shortcodes (`[name attr="…"]`, `[/name]`) and empty lines
//     are dropped;
//   - the leftovers of a news page are dropped, each one listed with its line and the reason
//     (`analyzeRaw(...).dropped`): breadcrumbs, bylines, date lines, share and social buttons,
//     «اقرأ أيضاً» and the related links under it, ad labels, photo credits, tag lists, and the
//     `source`/`url`/`date`/`author` lines (read into the front matter). `keepAll` keeps them.
//   - the first line left is the title, every other line a paragraph (a web page copies one
//     paragraph per line).
// Nothing else in the text is changed: letters, diacritics, punctuation, digits and quote marks stay.
import { normalizeSource } from './source.js';

export type DropReason = 'breadcrumb' | 'byline' | 'date' | 'share' | 'related' | 'ad' | 'photo-credit' | 'tags' | 'source' | 'url' | 'author' | 'page-title';

export interface DroppedLine {
  /** 1-based line of the raw text */
  line: number;
  text: string;
  reason: DropReason;
}

export interface RawMeta {
  source?: string;
  url?: string;
  /** ISO `YYYY-MM-DD` when the date could be read, else as written */
  date?: string;
  author?: string;
}

export interface RawAnalysis {
  title: string;
  /** 1-based line of the title in the raw text (0 when given by `title`) */
  titleLine: number;
  paragraphs: string[];
  /** the web page's leftovers that were dropped, in line order */
  dropped: DroppedLine[];
  meta: RawMeta;
  /** shortcode lines and empty lines, dropped without a list (SPEC §2) */
  shortcodeLines: number;
  blankLines: number;
}

export interface AnalyzeOptions {
  /** keep every line (only shortcodes and empty lines go) */
  keepAll?: boolean;
  /** the article's title; the page's own title line, if it looks like one, is dropped */
  title?: string;
}

/** A shortcode: `[name …]` or `[/name]` with a Latin name (Arabic text in brackets is kept). */
const SHORTCODE = /\[\/?[A-Za-z][\w-]*(?:\s[^\]]*)?\/?\]/g;

export function isShortcodeLine(line: string): boolean {
  const t = line.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return false;
  return t.replace(SHORTCODE, '').trim() === '';
}

/** Whitespace normalization: runs of any Unicode space -> one space; zero-width spaces removed; trimmed. */
export function normalizeWhitespace(line: string): string {
  return line
    .replace(/[\u200B\uFEFF]/g, '')
    .replace(/[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------- recognizing a page's leftovers

const toWestern = (s: string) => s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
const words = (s: string) => s.split(' ').filter(Boolean).length;
/** A line that ends a sentence is text, not a label. */
const endsSentence = (s: string) => /[.!…]["»”’)]?$/.test(s);

const MONTHS: [RegExp, number][] = [
  [/كانون الثاني|يناير|جانفي/, 1],
  [/شباط|فبراير|فيفري/, 2],
  [/آذار|اذار|مارس/, 3],
  [/نيسان|أبريل|ابريل|إبريل|أفريل/, 4],
  [/أيار|ايار|مايو|ماي/, 5],
  [/حزيران|يونيو|يونيه|جوان/, 6],
  [/تموز|يوليو|يوليه|جويلية/, 7],
  [/آب|اب|أغسطس|اغسطس|أوت/, 8],
  [/أيلول|ايلول|سبتمبر/, 9],
  [/تشرين الأول|تشرين الاول|أكتوبر|اكتوبر/, 10],
  [/تشرين الثاني|نوفمبر/, 11],
  [/كانون الأول|كانون الاول|ديسمبر/, 12],
];
const MONTH_NAMES = MONTHS.map(([r]) => r.source).join('|');
const DATE_WORDS = new RegExp(`(\\d{1,2})\\s*(?:من\\s*)?(${MONTH_NAMES})\\s*[،,]?\\s*(\\d{4})`);
const DATE_ISO = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/;
const DATE_DMY = /(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})/;

/** The date in a line as `YYYY-MM-DD`, if it has one. */
export function readDate(line: string): string | undefined {
  const s = toWestern(line);
  const iso = (y: number, m: number, d: number) => (m >= 1 && m <= 12 && d >= 1 && d <= 31 ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : undefined);
  let m = DATE_WORDS.exec(s);
  if (m) {
    const month = MONTHS.find(([r]) => new RegExp(`^(?:${r.source})$`).test(m![2]))![1];
    return iso(+m[3], month, +m[1]);
  }
  m = DATE_ISO.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = DATE_DMY.exec(s);
  if (m) return iso(+m[3], +m[2], +m[1]);
  return undefined;
}

const DATE_PREFIX = /^(?:نُ?شر(?: في| بتاريخ)?|تاريخ النشر|آخر تحديث|اخر تحديث|تم التحديث|محدث|بتاريخ|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت)/;

function isDateLine(s: string): boolean {
  if (words(s) > 12 || endsSentence(s)) return false;
  if (!readDate(s) && !/\d{4}\s*(?:هـ|م)\b/.test(toWestern(s))) return false;
  // what is left once the date, times and the usual words are taken out is short
  const rest = toWestern(s)
    .replace(DATE_WORDS, '')
    .replace(DATE_ISO, '')
    .replace(DATE_DMY, '')
    .replace(/\d{1,2}:\d{2}(?:\s*(?:ص|م|am|pm))?/gi, '')
    .replace(DATE_PREFIX, '')
    .replace(/[\s|:،,\-–—/()]+/g, ' ')
    .trim();
  return words(rest) <= 3;
}

const BYLINE = /^(?:كتبت|كتب|بقلم|إعداد|اعداد|تحرير|بواسطة|الكاتبة|الكاتب|المحررة|المحرر|تقرير|By)(?:\s*[:：\-–—]\s*|\s+)(.+)$/i;

/** The author's name in a byline («كتبت: سلمى الحداد | 12 مارس 2024»), or undefined. */
function readByline(s: string): string | undefined {
  const m = BYLINE.exec(s);
  if (!m || words(s) > 10 || endsSentence(s)) return undefined;
  // a date after the name, separated by | or - or ،
  const name = m[1].split(/\s*[|،,–—]\s*|\s+-\s+/)[0].trim();
  return name && words(name) <= 5 ? name : undefined;
}

function isBreadcrumb(s: string): boolean {
  // separators with a space on each side (» and « are also Arabic quote marks: a line that quotes is not a trail)
  if (s.includes('«')) return false;
  const parts = s.split(/\s+(?:»|›|>|\/|\||←)\s+/).filter(Boolean);
  if (parts.length < 2 || parts.some((p) => words(p) > 4)) return false;
  return parts.length >= 3 || /^(?:الرئيسية|الصفحة الرئيسية|الرئيسيه|Home)$/i.test(parts[0]);
}

// buttons and labels of share and follow bars, longest first (multi-word ones before their parts)
const SHARE_TOKENS = [
  'شارك المقال', 'شارك الخبر', 'نسخ الرابط', 'انسخ الرابط', 'البريد الإلكتروني', 'البريد الالكتروني', 'واتس آب', 'فيس بوك', 'لينكد إن', 'تيك توك', 'سناب شات', 'حجم الخط',
  'مشاركة', 'شارك', 'شاركها', 'انشر', 'أرسل', 'طباعة', 'اطبع', 'حفظ', 'إيميل', 'فيسبوك', 'تويتر', 'إكس', 'واتساب', 'تيليغرام', 'تلغرام', 'تليجرام', 'تيليجرام',
  'لينكدإن', 'ماسنجر', 'يوتيوب', 'إنستغرام', 'انستغرام', 'انستجرام', 'ريديت', 'تيكتوك', 'الرابط',
  // the font size buttons (A A, A+ A-)
  'a',
  'facebook', 'twitter', 'x', 'whatsapp', 'telegram', 'linkedin', 'email', 'e-mail', 'print', 'copy', 'link', 'share', 'messenger', 'youtube', 'instagram', 'tiktok', 'reddit',
];

function isShareLine(s: string): boolean {
  if (words(s) > 14) return false;
  if (/^(?:تابعونا|تابعنا|تابعوا|تابع)\s+(?:على|عبر|في)(?:\s|:|$)/.test(s) && !endsSentence(s)) return true;
  let rest = ` ${s.toLowerCase()} `.replace(/[|•·,،/\-–—:()+]/g, ' ');
  for (const t of SHARE_TOKENS) rest = rest.split(` ${t} `).join('  ').split(` ${t} `).join('  ');
  return rest.trim() === '';
}

const AD = /^[-–—\s(]*(?:إعلان|اعلان|إعلانات|اعلانات|مساحة إعلانية|مساحة اعلانية|محتوى مدعوم|محتوى ممول|advertisement|advertising|ad|sponsored)[-–—\s)]*$/i;

const RELATED_HEAD = /^(?:اقرأ|إقرأ|اقرا|إقرا)\s*(?:أيضًا|أيضاً|أيضا|ايضا|ايضاً|المزيد)|^(?:مواضيع|أخبار|اخبار|مقالات|تقارير)\s+(?:ذات صلة|متعلقة|مشابهة)|^(?:قد يهمك|قد يعجبك|الأكثر قراءة|الاكثر قراءة|الأكثر مشاهدة|اخترنا لك|شاهد أيضًا|شاهد أيضاً|شاهد أيضا|Read also|Related)/i;

/** A related link: a headline, not a paragraph. */
const isHeadline = (s: string) => words(s) <= 16 && !endsSentence(s);

const PHOTO = /^[(\[]?\s*(?:صورة|الصورة|صور|تصوير|مصدر الصورة|حقوق الصورة|صورة أرشيفية|صورة تعبيرية|أرشيفية|ارشيفية|تعبيرية|photo|image|credit|©)(?=[\s:：)\]]|$)/i;
const PHOTO_AGENCY = /غيتي|جيتي|رويترز|فرانس برس|أسوشيتد|الأناضول|أرشيف|ارشيف|\b(?:AFP|Reuters|AP|Getty|EPA)\b/i;

function isPhotoCredit(s: string): boolean {
  if (words(s) > 14 || endsSentence(s)) return false;
  if (PHOTO.test(s)) return true;
  // a caption in parentheses naming an agency or the archive
  return /^[(\[].*[)\]]$/.test(s) && words(s) <= 10 && PHOTO_AGENCY.test(s);
}

const TAGS = /^(?:الوسوم|وسوم|الكلمات المفتاحية|كلمات مفتاحية|كلمات دلالية|كلمات البحث|تاغ|Tags)\s*[:：]/i;
const META_LINE = /^(source|url|date|author|المصدر|الرابط|رابط المقال|التاريخ|تاريخ النشر|الكاتب|الكاتبة)\s*[:：]\s*(.+)$/i;
const URL_LINE = /^(?:(?:الرابط|رابط المقال|url|link)\s*[:：]?\s*)?(https?:\/\/\S+)$/i;

const META_KEYS: Record<string, keyof RawMeta> = {
  source: 'source', url: 'url', date: 'date', author: 'author',
  'المصدر': 'source', 'الرابط': 'url', 'رابط المقال': 'url', 'التاريخ': 'date', 'تاريخ النشر': 'date', 'الكاتب': 'author', 'الكاتبة': 'author',
};

/** The reason to drop a line of a page (and what it tells about the article), or undefined to keep it. */
function classify(s: string, meta: RawMeta): DropReason | undefined {
  const url = URL_LINE.exec(s);
  if (url) {
    meta.url ??= url[1];
    return 'url';
  }
  const m = META_LINE.exec(s);
  if (m && words(s) <= 12 && !endsSentence(s)) {
    const key = META_KEYS[m[1].toLowerCase()] ?? META_KEYS[m[1]];
    const value = m[2].trim();
    if (key === 'date') meta.date ??= readDate(value) ?? value;
    else meta[key] ??= value;
    return key === 'url' ? 'url' : key;
  }
  if (TAGS.test(s)) return 'tags';
  if (AD.test(s)) return 'ad';
  if (isShareLine(s)) return 'share';
  if (isBreadcrumb(s)) return 'breadcrumb';
  const author = readByline(s);
  if (author) {
    meta.author ??= author;
    const d = readDate(s);
    if (d) meta.date ??= d;
    return 'byline';
  }
  if (isDateLine(s)) {
    meta.date ??= readDate(s);
    return 'date';
  }
  if (isPhotoCredit(s)) return 'photo-credit';
  return undefined;
}

/**
 * Read a raw text copied from a web page: its title, paragraphs, what was dropped and why,
 * and the source, url, date and author it names. Used by `hiwar import` and the studio.
 */
export function analyzeRaw(raw: string, opts: AnalyzeOptions = {}): RawAnalysis {
  const lines = normalizeSource(raw).split('\n');
  const out: RawAnalysis = { title: '', titleLine: 0, paragraphs: [], dropped: [], meta: {}, shortcodeLines: 0, blankLines: 0 };
  let inRelated = false;
  let title = opts.title !== undefined ? normalizeWhitespace(opts.title) : undefined;
  let pageTitleSeen = title === undefined;
  lines.forEach((line, i) => {
    const n = i + 1;
    if (isShortcodeLine(line)) {
      out.shortcodeLines++;
      return;
    }
    const t = normalizeWhitespace(line);
    if (t === '') {
      out.blankLines++;
      return;
    }
    if (!opts.keepAll) {
      if (RELATED_HEAD.test(t) && words(t) <= 16 && !endsSentence(t)) {
        inRelated = true;
        out.dropped.push({ line: n, text: t, reason: 'related' });
        return;
      }
      if (inRelated && isHeadline(t)) {
        out.dropped.push({ line: n, text: t, reason: 'related' });
        return;
      }
      inRelated = false;
      const reason = classify(t, out.meta);
      if (reason) {
        out.dropped.push({ line: n, text: t, reason });
        return;
      }
    }
    if (!pageTitleSeen) {
      // --title given: the page's own title line goes, if it looks like a title
      pageTitleSeen = true;
      if (isHeadline(t) && words(t) <= 25) {
        out.dropped.push({ line: n, text: t, reason: 'page-title' });
        return;
      }
    }
    if (title === undefined) {
      title = t;
      out.titleLine = n;
    } else out.paragraphs.push(t);
  });
  out.title = title ?? '';
  return out;
}

/** What `hiwar import` made before it cleaned web copy (kept for callers that want just text). */
export interface ImportedArticle {
  title: string;
  paragraphs: string[];
  dropped: { shortcodeLines: number; blankLines: number };
}

export function importRawText(raw: string, opts: AnalyzeOptions = {}): ImportedArticle {
  const a = analyzeRaw(raw, opts);
  return { title: a.title, paragraphs: a.paragraphs, dropped: { shortcodeLines: a.shortcodeLines, blankLines: a.blankLines } };
}

export interface ArticleMeta {
  id: string;
  language?: string;
  source?: string;
  url?: string;
  date?: string;
  author?: string;
}

/** The article file's text: front matter, then paragraphs separated by blank lines. */
export function renderArticle(meta: ArticleMeta, a: { title: string; paragraphs: string[] }): string {
  // JSON strings are valid YAML double-quoted scalars
  const q = (s: string) => JSON.stringify(s);
  const fm = ['---', `id: ${meta.id}`, `title: ${q(a.title)}`, `language: ${meta.language ?? 'ar'}`];
  if (meta.source) fm.push(`source: ${q(meta.source)}`);
  if (meta.url) fm.push(`url: ${q(meta.url)}`);
  if (meta.date) fm.push(`date: ${q(meta.date)}`);
  if (meta.author) fm.push(`author: ${q(meta.author)}`);
  fm.push('---');
  return fm.join('\n') + '\n' + a.paragraphs.join('\n\n') + '\n';
}
