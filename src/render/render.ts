// Lessons and courses -> the output-neutral Document every format draws
// (src/formats/<name>/). Templates and markup decide what the handout says;
// nothing here knows about pages, fonts or glyphs.
import type { Digits, Edition, ResolvedCourse, ResolvedLesson } from '../workspace/model.js';
import type { ContentsEntry, Document } from '../document/model.js';
import { EDITION_LABELS, LABELS, lessonLabelFor, lessonNumberLabel } from './labels.js';
import { lessonPart } from './lesson.js';
import { formatNumber } from '../text/digits.js';
import { sourceLine } from './sources.js';
import type { TemplateSet } from './templates.js';

const PAGE_LABELS = { page: LABELS.page, of: LABELS.of };

export function lessonDocument(lesson: ResolvedLesson, edition: Edition, templates: TemplateSet): Document {
  return {
    meta: { title: lesson.title, subject: lesson.article.title, lang: 'ar' },
    paper: lesson.options.paper,
    digits: lesson.options.digits,
    pageLabels: PAGE_LABELS,
    parts: [lessonPart(lesson, edition, { templates })],
  };
}

/** The sources page's view: every article the pack quotes, once, with the lessons that quote it. */
function sourcesView(course: ResolvedCourse) {
  const digits = course.options.digits;
  const byPath = new Map<string, { article: ResolvedCourse['lessons'][number]['article']; lessons: number[] }>();
  course.lessons.forEach((l, i) => {
    const e = byPath.get(l.article.path);
    if (e) e.lessons.push(i);
    else byPath.set(l.article.path, { article: l.article, lessons: [i] });
  });
  return {
    labels: LABELS,
    articles: [...byPath.values()].map((e, k) => ({
      number: `${formatNumber(k + 1, digits)})`,
      line: sourceLine(e.article, digits),
      url: e.article.url,
      lessons: e.lessons.map((i) => lessonNumberLabel(i + 1, digits)).join('، '),
    })),
  };
}

/** The forms an Arabic noun takes after a number: one, two, 3–10, 11–99, and 100, 200, … */
interface CountedNoun {
  one: string;
  two: string;
  few: string;
  many: string;
  hundred: string;
}

const LESSON_NOUN: CountedNoun = { one: 'درس واحد', two: 'درسان', few: 'دروس', many: 'درسًا', hundred: 'درس' };
const MINUTE_NOUN: CountedNoun = { one: 'دقيقة واحدة', two: 'دقيقتان', few: 'دقائق', many: 'دقيقة', hundred: 'دقيقة' };

/** "٤ دروس", "١٢ درسًا", "١٨٠ دقيقة", "درسان": the noun agrees with the number, as Arabic grammar asks. */
export function countedNoun(n: number, noun: CountedNoun, digits: Digits): string {
  if (n === 1) return noun.one;
  if (n === 2) return noun.two;
  const lastTwo = n % 100;
  const form = lastTwo >= 3 && lastTwo <= 10 ? noun.few : lastTwo >= 11 ? noun.many : noun.hundred;
  return `${formatNumber(n, digits)} ${form}`;
}

/** A pack's answer key: each lesson's key, one after another, no cover or contents. */
function courseKeyDocument(course: ResolvedCourse, templates: TemplateSet): Document {
  return {
    meta: { title: `${EDITION_LABELS.key}: ${course.title}`, subject: course.subtitle, author: course.author, lang: 'ar' },
    paper: course.options.paper,
    digits: course.options.digits,
    pageLabels: PAGE_LABELS,
    parts: course.lessons.map((lesson, i) => lessonPart(lesson, 'key', { templates, number: i + 1, head: { start: course.title, end: EDITION_LABELS.key } })),
  };
}

/** A course pack: cover, contents, every lesson on its own pages, and the sources page. */
export function courseDocument(course: ResolvedCourse, edition: Edition, templates: TemplateSet): Document {
  if (edition === 'key') return courseKeyDocument(course, templates);
  const digits = course.options.digits;
  const minutes = course.lessons.reduce((s, l) => s + (l.duration ?? 0), 0);
  // an Arabic comma between the counts: a middle dot beside Arabic-Indic digits reads as a zero (٠)
  const summary = countedNoun(course.lessons.length, LESSON_NOUN, digits) + (minutes ? `، ${countedNoun(minutes, MINUTE_NOUN, digits)}` : '');
  // an em dash, not a middle dot: beside Arabic-Indic digits "·" reads as the zero "٠"
  const packHead = `${course.title} — ${EDITION_LABELS[edition]}`;
  const entries: ContentsEntry[] = course.lessons.map((l, i) => ({ title: l.title, label: lessonLabelFor(l.title, i + 1, digits), page: '', sections: [] }));
  entries.push({ title: LABELS.sources, page: '', sections: [] });
  return {
    meta: { title: course.title, subject: course.subtitle, author: course.author, lang: 'ar' },
    paper: course.options.paper,
    digits,
    pageLabels: PAGE_LABELS,
    parts: [
      {
        kind: 'cover',
        blocks: templates.blocks('cover', { title: course.title, subtitle: course.subtitle, author: course.author, summary, editionLabel: EDITION_LABELS[edition], labels: LABELS }),
        newPage: true,
        decorated: false,
        headingLevel: 0,
        bookmark: { title: course.title, level: 0 },
      },
      {
        kind: 'contents',
        entries,
        blocksFor: (filled) => templates.blocks('contents', { entries: filled, labels: LABELS }),
        head: { start: course.title, end: EDITION_LABELS[edition] },
        newPage: true,
        headingLevel: 1,
      },
      ...course.lessons.map((lesson, i) =>
        lessonPart(lesson, edition, { templates, number: i + 1, headingLevel: 2, head: { start: lesson.title, end: packHead }, lessonBookmark: { title: lesson.title, level: 1 } }),
      ),
      // the sources page closes the pack: every article quoted, with its URL
      { kind: 'sources', blocks: templates.blocks('sources', sourcesView(course)), head: { start: LABELS.sources, end: packHead }, newPage: true, headingLevel: 1 },
    ],
  };
}
