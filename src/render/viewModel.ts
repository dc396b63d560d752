// Lesson + edition -> the plain data a template prints. All formatting choices
// that depend on the teacher's options (digits, labels) are made here, so
// templates stay free of logic.
import type { Digits, Edition, ResolvedLesson, ResolvedPassage, ResolvedQuestion } from '../workspace/model.js';
import { BLOOM_LABELS, EDITION_LABELS, LABELS } from './labels.js';
import { formatNumber, OPTION_LETTERS } from '../text/digits.js';

/** Separates facts on one line. Not a middle dot: beside Arabic-Indic digits "·" reads as the zero "٠". */
const SEPARATOR = ' — ';

/** A paragraph of teacher prose; `lead` is a short label before a colon ("السياق: …"), printed in bold. */
export interface ProseParagraph {
  lead?: string;
  text: string;
}

/** Split prose at line breaks into paragraphs, lifting a short leading label. */
export function prose(text: string | undefined): ProseParagraph[] {
  if (!text) return [];
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const m = /^([^:()«»\n]{2,30}):\s+(.+)$/su.exec(p);
      return m ? { lead: m[1], text: m[2] } : { text: p };
    });
}

export interface QuestionView {
  number: string;
  text: string;
  meta: string;
  open: boolean;
  choice: boolean;
  scale: boolean;
  rank: boolean;
  lines: number;
  options: { letter: string; text: string }[];
  labels: string[];
  items: string[];
  guidance: ProseParagraph[];
}

export interface LessonView {
  edition: Edition;
  teacher: boolean;
  editionLabel: string;
  labels: typeof LABELS;
  id: string;
  title: string;
  meta: string;
  objectives: string[];
  contentNote?: string;
  passages: {
    heading?: string;
    citation: string;
    teacherNote: ProseParagraph[];
    paragraphs: { number: string; text: string }[];
  }[];
  glossary: { term: string; definition: string }[];
  questions: QuestionView[];
  activities: { title: string; minutes?: string; steps: string[] }[];
  timing?: string;
  facilitation: ProseParagraph[];
  groundRules: string[];
}

/** "p5" -> "ف٥", "p1-p3" -> "ف١–٣", "p5.s2" -> "ف٥ ج٢", "p5.s1-s2" -> "ف٥ ج١–٢"; other refs as written. */
export function formatRef(ref: string, digits: Digits): string {
  const n = (s: string) => formatNumber(s, digits);
  let m = /^p(\d+)$/.exec(ref);
  if (m) return `ف${n(m[1])}`;
  m = /^p(\d+)-p?(\d+)$/.exec(ref);
  if (m) return `ف${n(m[1])}–${n(m[2])}`;
  m = /^p(\d+)\.s(\d+)$/.exec(ref);
  if (m) return `ف${n(m[1])} ج${n(m[2])}`;
  m = /^p(\d+)\.s(\d+)-s?(\d+)$/.exec(ref);
  if (m) return `ف${n(m[1])} ج${n(m[2])}–${n(m[3])}`;
  return ref;
}

function citation(p: ResolvedPassage, articleTitle: string, digits: Digits): string {
  const nums = p.paragraphs.map((x) => x.number);
  const first = Math.min(...nums);
  const last = Math.max(...nums);
  const partial = p.paragraphs.some((x) => x.partial);
  const where =
    first === last
      ? `${LABELS.paragraph} ${formatNumber(first, digits)}`
      : `${LABELS.paragraphs} ${formatNumber(first, digits)}–${formatNumber(last, digits)}`;
  // no closing full stop: after Arabic-Indic digits it reads as a zero (١٢. ≈ ١٢٠)
  return `${LABELS.source}: «${articleTitle}»، ${where}${partial ? ' (مقتطف)' : ''}`;
}

function questionView(q: ResolvedQuestion, index: number, digits: Digits, teacher: boolean): QuestionView {
  const meta = [q.level ? BLOOM_LABELS[q.level] : '', q.refs.map((r) => formatRef(r, digits)).join('، ')]
    .filter(Boolean)
    .join(SEPARATOR);
  return {
    number: `${formatNumber(index + 1, digits)})`,
    text: q.text,
    meta,
    open: q.kind === 'open',
    choice: q.kind === 'choice',
    scale: q.kind === 'scale',
    rank: q.kind === 'rank',
    // the teacher edition prints guidance where the student writes
    lines: teacher ? 0 : q.kind === 'open' ? q.lines : q.kind === 'scale' ? 2 : 0,
    options: q.kind === 'choice' ? q.options.map((text, i) => ({ letter: OPTION_LETTERS[i] ?? formatNumber(i + 1, digits), text })) : [],
    labels: q.kind === 'scale' ? q.options : [],
    items: q.kind === 'rank' ? q.options : [],
    guidance: teacher ? prose(q.guidance) : [],
  };
}

export function lessonView(lesson: ResolvedLesson, edition: Edition): LessonView {
  const digits = lesson.options.digits;
  const teacher = edition === 'teacher';
  const meta = [
    lesson.audience,
    lesson.duration ? `${formatNumber(lesson.duration, digits)} ${LABELS.minutes}` : undefined,
    `${LABELS.article}: «${lesson.article.title}»`,
  ]
    .filter(Boolean)
    .join(SEPARATOR);
  const activityMinutes = lesson.activities.reduce((sum, a) => sum + (a.minutes ?? 0), 0);
  const timing =
    teacher && lesson.duration
      ? `مدة الدرس ${formatNumber(lesson.duration, digits)} ${LABELS.minutes}` +
        (activityMinutes ? `، منها ${formatNumber(activityMinutes, digits)} ${LABELS.minutes} للأنشطة` : '') +
        '.'
      : undefined;
  return {
    edition,
    teacher,
    editionLabel: EDITION_LABELS[edition],
    labels: LABELS,
    id: lesson.id,
    title: lesson.title,
    meta,
    objectives: lesson.objectives,
    contentNote: lesson.contentNote,
    passages: lesson.passages.map((p) => ({
      heading: p.heading,
      citation: citation(p, lesson.article.title, digits),
      teacherNote: teacher ? prose(p.teacherNote) : [],
      paragraphs: p.paragraphs.map((x) => ({ number: formatNumber(x.number, digits), text: x.text })),
    })),
    glossary: lesson.glossary,
    questions: lesson.questions.map((q, i) => questionView(q, i, digits, teacher)),
    activities: lesson.activities.map((a) => ({
      title: a.title,
      minutes: a.minutes ? `${formatNumber(a.minutes, digits)} ${LABELS.minutes}` : undefined,
      steps: a.steps,
    })),
    timing,
    facilitation: teacher ? prose(lesson.teacher.facilitation) : [],
    groundRules: teacher ? lesson.teacher.groundRules : [],
  };
}
