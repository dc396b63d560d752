// Lesson + edition -> the plain data a template prints. All formatting choices
// that depend on the teacher's options (digits, labels) are made here, so
// templates stay free of logic.
import type { ArticleInfo, Digits, Edition, Erratum, ResolvedFigure, ResolvedLesson, ResolvedPassage, ResolvedQuestion } from '../workspace/model.js';
import { BLOOM_LABELS, countOf, EDITION_LABELS, LABELS, lessonLabelFor, NOUNS } from './labels.js';
import { formatNumber, OPTION_LETTERS, withDigits } from '../text/digits.js';
import { sourceFacts, sourceLine } from './sources.js';

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

/** A figure as printed: the picture, its numbered caption, and its alt text (for accessible formats too). */
export interface FigureView {
  path: string;
  width: number;
  height: number;
  /** «شكل ١: …» */
  caption: string;
  alt: string;
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
  /** `mark`: the teacher edition marks the right option(s) («صحيح») */
  options: { letter: string; text: string; mark?: string }[];
  labels: string[];
  /** scale: «الإجابة: ضع دائرة … من «…» إلى «…»» above the row (student edition) */
  stem?: string;
  /** scale: «علّل إجابتك:» above the answer lines */
  justify?: string;
  items: string[];
  /** teacher edition: «الإجابة الصحيحة: ب) …» or the expected order, first in the guidance */
  answer?: string;
  guidance: ProseParagraph[];
  figures: FigureView[];
}

/** A passage's text in pieces: an erratum is followed by «[كذا]» (`sic`). */
export interface TextSegment {
  text: string;
  sic: boolean;
}

export interface LessonView {
  edition: Edition;
  teacher: boolean;
  editionLabel: string;
  labels: typeof LABELS;
  id: string;
  title: string;
  /** «الدرس ١» inside a course pack */
  lessonLabel?: string;
  meta: string;
  /** «المقال: «…»، صحيفة …، ١ أكتوبر ٢٠١٧، بقلم …» */
  source: string;
  /** the article's URL (printed as a link) and whether to print its QR code */
  url?: string;
  qr: boolean;
  /** the student handout's name / class / date line */
  nameLine?: { label: string; weight: number }[];
  objectives: string[];
  contentNote?: string;
  passages: {
    heading?: string;
    citation: string;
    teacherNote: ProseParagraph[];
    paragraphs: { number: string; text: string; segments: TextSegment[] }[];
    /** teacher edition: corrections of the errata this passage prints */
    errata: ProseParagraph[];
    figures: FigureView[];
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

function citation(p: ResolvedPassage, article: ArticleInfo, digits: Digits): string {
  const articleTitle = article.title;
  const facts = sourceFacts(article, digits);
  const nums = p.paragraphs.map((x) => x.number);
  const first = Math.min(...nums);
  const last = Math.max(...nums);
  const partial = p.paragraphs.some((x) => x.partial);
  const where =
    first === last
      ? `${LABELS.paragraph} ${formatNumber(first, digits)}`
      : `${LABELS.paragraphs} ${formatNumber(first, digits)}–${formatNumber(last, digits)}`;
  // no closing full stop: after Arabic-Indic digits it reads as a zero (١٢. ≈ ١٢٠)
  return `${LABELS.source}: «${articleTitle}»، ${facts ? `${facts}، ` : ''}${where}${partial ? ' (مقتطف)' : ''}`;
}

/** The right answer in words: «ب) النص» (choice), «١) … ٢) …» (rank). */
export function answerText(q: ResolvedQuestion, digits: Digits): string | undefined {
  if (!q.answer) return undefined;
  if (q.kind === 'choice') return q.answer.map((i) => `${OPTION_LETTERS[i] ?? formatNumber(i + 1, digits)}) ${q.options[i]}`).join('؛ ');
  return q.answer.map((i, k) => `${formatNumber(k + 1, digits)}) ${q.options[i]}`).join('، ');
}

function questionView(q: ResolvedQuestion, index: number, digits: Digits, teacher: boolean, figures: FigureView[] = []): QuestionView {
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
    options: q.kind === 'choice' ? q.options.map((text, i) => ({ letter: OPTION_LETTERS[i] ?? formatNumber(i + 1, digits), text, ...(teacher && q.answer?.includes(i) ? { mark: LABELS.right } : {}) })) : [],
    labels: q.kind === 'scale' ? q.options : [],
    ...(q.kind === 'scale' && !teacher
      ? { stem: `${LABELS.scaleStem} «${q.options[0]}» ${LABELS.scaleTo} «${q.options[q.options.length - 1]}»`, justify: LABELS.justify }
      : {}),
    items: q.kind === 'rank' ? q.options : [],
    ...(teacher && q.answer ? { answer: `${q.kind === 'rank' ? LABELS.expectedOrder : q.answer.length > 1 ? LABELS.answers : LABELS.answer}: ${answerText(q, digits)}` } : {}),
    guidance: teacher ? prose(q.guidance) : [],
    figures,
  };
}

/** Every occurrence of an erratum's text in `text`, marked, in order. */
export function markErrata(text: string, errata: readonly Erratum[]): TextSegment[] {
  const hits: { start: number; end: number }[] = [];
  for (const e of errata) {
    for (let i = text.indexOf(e.text); i >= 0; i = text.indexOf(e.text, i + e.text.length)) hits.push({ start: i, end: i + e.text.length });
  }
  hits.sort((a, b) => a.start - b.start);
  const out: TextSegment[] = [];
  let at = 0;
  for (const h of hits) {
    if (h.start < at) continue; // overlapping errata: the first one marks
    out.push({ text: text.slice(at, h.end), sic: true });
    at = h.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), sic: false });
  return out;
}

function figureViews(figures: readonly ResolvedFigure[], digits: Digits): FigureView[] {
  return figures.map((f, i) => ({ path: f.path, width: f.width, height: f.height, alt: f.alt, caption: `${LABELS.figure} ${formatNumber(i + 1, digits)}: ${f.caption}` }));
}

/** «النموذج أ» / «النموذج ب» on a shuffled version (versions are lettered as options are: أ ب). */
function versionLabel(lesson: ResolvedLesson): string | undefined {
  return lesson.version ? `${LABELS.version} ${lesson.version === 'A' ? OPTION_LETTERS[0] : OPTION_LETTERS[1]}` : undefined;
}

/** Options of the view that depend on where the lesson is printed. */
export interface ViewPlace {
  /** the lesson's number in a course pack (1-based) */
  number?: number;
}

export function lessonView(lesson: ResolvedLesson, edition: Edition, place: ViewPlace = {}): LessonView {
  const digits = lesson.options.digits;
  const teacher = edition === 'teacher';
  const meta = [
    lesson.audience ? withDigits(lesson.audience, digits) : undefined,
    lesson.duration ? countOf(lesson.duration, NOUNS.minute, digits) : undefined,
    versionLabel(lesson),
  ]
    .filter(Boolean)
    .join(SEPARATOR);
  const activityMinutes = lesson.activities.reduce((sum, a) => sum + (a.minutes ?? 0), 0);
  const timing =
    teacher && lesson.duration
      ? `مدة الدرس ${countOf(lesson.duration, NOUNS.minute, digits)}` +
        (activityMinutes ? `، منها ${countOf(activityMinutes, NOUNS.minute, digits)} للأنشطة` : '') +
        '.'
      : undefined;
  const figures = figureViews(lesson.figures, digits);
  const figuresAfter = (pred: (f: ResolvedFigure) => boolean) => figures.filter((_, i) => pred(lesson.figures[i]));
  const errata = lesson.article.errata;
  return {
    edition,
    teacher,
    editionLabel: EDITION_LABELS[edition],
    labels: LABELS,
    id: lesson.id,
    title: lesson.title,
    ...labelOf(lesson.title, place.number, digits),
    meta,
    source: sourceLine(lesson.article, digits),
    ...(lesson.article.url ? { url: lesson.article.url } : {}),
    qr: Boolean(lesson.options.qr && lesson.article.url),
    ...(!teacher && lesson.options.nameLine
      ? { nameLine: [{ label: LABELS.name, weight: 2 }, { label: LABELS.class, weight: 1 }, { label: LABELS.date, weight: 1 }] }
      : {}),
    objectives: lesson.objectives,
    contentNote: lesson.contentNote,
    passages: lesson.passages.map((p, pi) => {
      const printed = errata.filter((e) => p.paragraphs.some((x) => x.text.includes(e.text)));
      return {
        heading: p.heading,
        citation: citation(p, lesson.article, digits),
        teacherNote: teacher ? prose(p.teacherNote) : [],
        paragraphs: p.paragraphs.map((x) => ({ number: formatNumber(x.number, digits), text: x.text, segments: markErrata(x.text, printed) })),
        errata: teacher ? printed.map((e) => ({ lead: `«${e.text}»`, text: `${LABELS.erratumCorrect} «${e.correct}»${e.note ? `. ${e.note}` : ''}` })) : [],
        figures: figuresAfter((f) => 'passage' in f.after && f.after.passage === pi),
      };
    }),
    glossary: lesson.glossary,
    questions: lesson.questions.map((q, i) => questionView(q, i, digits, teacher, figuresAfter((f) => 'question' in f.after && f.after.question === i))),
    activities: lesson.activities.map((a) => ({
      title: a.title,
      minutes: a.minutes ? countOf(a.minutes, NOUNS.minute, digits) : undefined,
      steps: a.steps,
    })),
    timing,
    facilitation: teacher ? prose(lesson.teacher.facilitation) : [],
    groundRules: teacher ? lesson.teacher.groundRules : [],
  };
}

/** One lesson's answer key: every question, with its right answer or why it has none. */
export interface KeyView {
  labels: typeof LABELS;
  title: string;
  lessonLabel?: string;
  meta: string;
  items: { number: string; text: string; meta: string; answer?: string; note?: string }[];
}

export function keyView(lesson: ResolvedLesson, place: ViewPlace = {}): KeyView {
  const digits = lesson.options.digits;
  return {
    labels: LABELS,
    title: lesson.title,
    ...labelOf(lesson.title, place.number, digits),
    meta: [versionLabel(lesson), sourceLine(lesson.article, digits)].filter(Boolean).join(SEPARATOR),
    items: lesson.questions.map((q, i) => {
      const answer = answerText(q, digits);
      return {
        number: `${formatNumber(i + 1, digits)})`,
        text: q.text,
        meta: q.level ? BLOOM_LABELS[q.level] : '',
        ...(answer
          ? { answer: `${q.kind === 'rank' ? LABELS.expectedOrder : q.answer!.length > 1 ? LABELS.answers : LABELS.answer}: ${answer}` }
          : { note: q.kind === 'scale' ? LABELS.scaleAnswer : q.kind === 'open' ? LABELS.openAnswer : LABELS.noAnswer }),
      };
    }),
  };
}

/** `{ lessonLabel }` for a lesson numbered in a pack, unless its title numbers it already. */
function labelOf(title: string, n: number | undefined, digits: Digits): { lessonLabel?: string } {
  const lessonLabel = n === undefined ? undefined : lessonLabelFor(title, n, digits);
  return lessonLabel ? { lessonLabel } : {};
}
