// Lessons and courses -> the output-neutral Document every format draws
// (src/formats/<name>/). Templates and markup decide what the handout says;
// nothing here knows about pages, fonts or glyphs.
import type { Edition, ResolvedCourse, ResolvedLesson } from '../workspace/model.js';
import type { ContentsEntry, Document } from '../document/model.js';
import { countOf, EDITION_LABELS, LABELS, lessonLabelFor, lessonNumberLabel, NOUNS } from './labels.js';
import { lessonPart } from './lesson.js';
import { formatNumber, withDigits } from '../text/digits.js';
import { sourceLine } from './sources.js';
import type { TemplateSet } from './templates.js';

const PAGE_LABELS = { page: LABELS.page, of: LABELS.of };

export function lessonDocument(lesson: ResolvedLesson, edition: Edition, templates: TemplateSet): Document {
  return {
    meta: { title: lesson.title, subject: lesson.article.title, lang: 'ar' },
    paper: lesson.options.paper,
    digits: lesson.options.digits,
    justify: lesson.options.justify,
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

/** A pack's answer key: each lesson's key, one after another, no cover or contents. */
function courseKeyDocument(course: ResolvedCourse, templates: TemplateSet): Document {
  return {
    meta: { title: `${EDITION_LABELS.key}: ${course.title}`, subject: course.subtitle, author: course.author, lang: 'ar' },
    paper: course.options.paper,
    digits: course.options.digits,
    justify: course.options.justify,
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
  const summary = countOf(course.lessons.length, NOUNS.lesson, digits) + (minutes ? `، ${countOf(minutes, NOUNS.minute, digits)}` : '');
  // an em dash, not a middle dot: beside Arabic-Indic digits "·" reads as the zero "٠"
  const packHead = `${course.title} — ${EDITION_LABELS[edition]}`;
  const entries: ContentsEntry[] = course.lessons.map((l, i) => ({ title: l.title, label: lessonLabelFor(l.title, i + 1, digits), page: '', sections: [] }));
  entries.push({ title: LABELS.sources, page: '', sections: [] });
  return {
    meta: { title: course.title, subject: course.subtitle, author: course.author, lang: 'ar' },
    paper: course.options.paper,
    digits,
    justify: course.options.justify,
    pageLabels: PAGE_LABELS,
    parts: [
      {
        kind: 'cover',
        // the subtitle is the pack's own meta text («للمرحلة الثانوية (16–18 سنة)»): its digits are the pack's, as in the summary under it
        blocks: templates.blocks('cover', { title: course.title, subtitle: course.subtitle && withDigits(course.subtitle, digits), author: course.author, summary, editionLabel: EDITION_LABELS[edition], labels: LABELS }),
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
      // each lesson on a right-hand page: printed double-sided, it begins a sheet of its own
      ...course.lessons.map((lesson, i) => ({
        ...lessonPart(lesson, edition, { templates, number: i + 1, headingLevel: 2, head: { start: lesson.title, end: packHead }, lessonBookmark: { title: lesson.title, level: 1 } }),
        recto: true,
      })),
      // the sources page closes the pack: every article quoted, with its URL
      { kind: 'sources', blocks: templates.blocks('sources', sourcesView(course)), head: { start: LABELS.sources, end: packHead }, newPage: true, headingLevel: 1 },
    ],
  };
}
