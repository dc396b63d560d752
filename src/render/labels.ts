// Every fixed word the handouts print, in one place.
import type { BloomLevel, Edition } from '../workspace/model.js';

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
} as const;
