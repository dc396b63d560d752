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
