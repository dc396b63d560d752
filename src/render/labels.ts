// Every fixed word the handouts print, in one place.
import type { BloomLevel, Digits, Edition } from '../workspace/model.js';
import { formatNumber } from '../text/digits.js';

export const BLOOM_LABELS: Record<BloomLevel, string> = {
  remember: 'تذكُّر',
  understand: 'فهم',
  apply: 'تطبيق',
  analyze: 'تحليل',
  evaluate: 'تقويم',
  create: 'إبداع',
};

export const EDITION_LABELS: Record<Edition, string> = {
  student: 'نسخة الطالب',
  teacher: 'نسخة المعلم',
  key: 'مفتاح الإجابات',
};

export const LABELS = {
  objectives: 'أهداف الدرس',
  objectivesLead: 'في نهاية الدرس يستطيع الطالب أن:',
  contentNote: 'تنبيه',
  text: 'النص',
  glossary: 'مسرد المصطلحات',
  questions: 'أسئلة للنقاش',
  activities: 'أنشطة',
  teacherGuide: 'دليل المعلم',
  timing: 'توزيع الوقت',
  facilitation: 'إدارة النقاش',
  groundRules: 'قواعد النقاش',
  teacherNote: 'ملاحظة للمعلم',
  guidance: 'توجيه للمعلم',
  source: 'المصدر',
  /** kept for teachers' own templates; hiwar prints counts with countOf() */
  minutes: 'دقيقة',
  article: 'المقال',
  paragraph: 'الفقرة',
  paragraphs: 'الفقرات',
  page: 'صفحة',
  of: 'من',
  contents: 'المحتويات',
  // sources (§6)
  by: 'بقلم',
  link: 'الرابط',
  sources: 'مصادر المقالات',
  sourcesLead: 'المقالات التي تقتبس منها دروس هذه الحقيبة:',
  // answers (§7)
  key: 'مفتاح الإجابات',
  answer: 'الإجابة الصحيحة',
  right: 'صحيح',
  answers: 'الإجابات الصحيحة',
  expectedOrder: 'الترتيب المتوقع',
  openAnswer: 'سؤال مفتوح للنقاش: لا إجابة واحدة، انظر نسخة المعلم',
  scaleAnswer: 'سؤال رأي: تُقبل كل إجابة معلَّلة',
  noAnswer: 'لم يحدد الدرس إجابة لهذا السؤال',
  version: 'النموذج',
  // errata (§8)
  sic: 'كذا',
  errata: 'تصويبات',
  erratumCorrect: 'الصواب',
  // figures (§9)
  figure: 'شكل',
  // student handout (§10)
  name: 'الاسم',
  class: 'الصف',
  date: 'التاريخ',
  scaleStem: 'الإجابة: ضع دائرة حول ما يعبّر عن رأيك، من',
  scaleTo: 'إلى',
  justify: 'علّل إجابتك:',
  lesson: 'الدرس',
} as const;

/**
 * The forms an Arabic noun takes after a number. Given per noun, because the
 * plural (دقائق، دروس، أسئلة) cannot be derived, nor the spelling of the
 * accusative (درسًا but دقيقة).
 */
export interface CountedNoun {
  /** دقيقة: alone after 1, and after 100, 101, 102, 200, 1000 … (the genitive singular) */
  singular: string;
  /** دقيقتان: for 2, said without the number */
  dual: string;
  /** دقائق: after 3–10 (the genitive plural) */
  plural: string;
  /**
   * after 11–99 (the accusative singular, تمييز منصوب): درسًا, سؤالًا, but
   * دقيقة, صفحة. The tanween alif is printed where spelling writes it, with
   * its fathatan as hiwar's own texts write «أولًا»; a noun ending in ta
   * marbuta keeps its bare spelling (دقيقة, not دقيقةً): the handouts are
   * unvocalized, a lone mark would be the only one on the line, and a
   * search for «دقيقة» in the PDF would miss it.
   */
  accusative: string;
  /** agrees with واحد / واحدة after the noun for 1 */
  gender: 'm' | 'f';
}

/** Every noun hiwar counts in print. */
export const NOUNS = {
  minute: { singular: 'دقيقة', dual: 'دقيقتان', plural: 'دقائق', accusative: 'دقيقة', gender: 'f' },
  lesson: { singular: 'درس', dual: 'درسان', plural: 'دروس', accusative: 'درسًا', gender: 'm' },
  page: { singular: 'صفحة', dual: 'صفحتان', plural: 'صفحات', accusative: 'صفحة', gender: 'f' },
  question: { singular: 'سؤال', dual: 'سؤالان', plural: 'أسئلة', accusative: 'سؤالًا', gender: 'm' },
  passage: { singular: 'مقطع', dual: 'مقطعان', plural: 'مقاطع', accusative: 'مقطعًا', gender: 'm' },
  paragraph: { singular: 'فقرة', dual: 'فقرتان', plural: 'فقرات', accusative: 'فقرة', gender: 'f' },
  article: { singular: 'مقالة', dual: 'مقالتان', plural: 'مقالات', accusative: 'مقالة', gender: 'f' },
  activity: { singular: 'نشاط', dual: 'نشاطان', plural: 'أنشطة', accusative: 'نشاطًا', gender: 'm' },
} as const satisfies Record<string, CountedNoun>;

/**
 * «دقيقة واحدة», «دقيقتان», «٥ دقائق», «١٥ دقيقة», «١٢ درسًا», «١٠٠ دقيقة»,
 * «١٠٣ دقائق»: a number and its noun as Arabic grammar joins them. Past 100
 * the noun follows the last two digits (١٠٣ as ٣, ١١٥ as ١٥); when those are
 * 00, 01 or 02 it is the singular (١٠٠ / ١٠١ / ١٠٢ دقيقة), as after مئة and ألف.
 */
export function countOf(n: number, noun: CountedNoun, digits: Digits): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`countOf: ${n} is not a count`);
  if (n === 1) return `${noun.singular} ${noun.gender === 'f' ? 'واحدة' : 'واحد'}`;
  if (n === 2) return noun.dual;
  const lastTwo = n % 100;
  const form = lastTwo >= 3 && lastTwo <= 10 ? noun.plural : lastTwo >= 11 ? noun.accusative : noun.singular;
  return `${formatNumber(n, digits)} ${form}`;
}

/** Month names as Arabic newspapers of the Arab East and Egypt print them. */
export const MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];

/** a title that begins by numbering its lesson: «الدرس ٣», «درس 3», «الدرس الأول», «الدرس رقم ٢» */
const NAMES_LESSON = /^\s*(?:ال)?درس\s+(?:رقم\s*)?(?:[0-9٠-٩]|ال(?:أول|اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|حادي))/;

/**
 * «الدرس ٣» for the lesson numbered `n` in a pack, or nothing when the teacher's
 * title already names the lesson («الدرس الأول: …», «درس ٣ – …»): never «الدرس ١: الدرس ١: …».
 */
export function lessonLabelFor(title: string, n: number, digits: Digits): string | undefined {
  return NAMES_LESSON.test(title) ? undefined : lessonNumberLabel(n, digits);
}

/** «الدرس ٣» */
export function lessonNumberLabel(n: number, digits: Digits): string {
  return `${LABELS.lesson} ${formatNumber(n, digits)}`;
}
