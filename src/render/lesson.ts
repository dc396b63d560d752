// One lesson, one edition -> pages: view model -> template -> markup -> flow -> pages.
import type { FontFamily, MissingGlyph } from '../text/types.js';
import type { Edition, ResolvedLesson } from '../workspace/model.js';
import { FlowBuilder } from '../layout/flow.js';
import { geometry, type Section } from '../layout/paginate.js';
import type { TemplateSet } from './templates.js';
import { keyView, lessonView } from './viewModel.js';
import { EDITION_LABELS } from './labels.js';

export interface LessonSectionOptions {
  templates: TemplateSet;
  family: FontFamily;
  /** bookmark level of the lesson's own sections (0 alone, 1 inside a course) */
  bookmarkLevel?: number;
  /** running header; defaults to (lesson title, edition) */
  head?: { start: string; end: string };
  /** a bookmark for the lesson itself (inside a course) */
  lessonBookmark?: { title: string; level: number };
  onMissing?: (missing: MissingGlyph[]) => void;
  /** the lesson's number in a course pack («الدرس ١») */
  number?: number;
}

export function lessonSection(lesson: ResolvedLesson, edition: Edition, opts: LessonSectionOptions): Section {
  if (edition === 'key') return keySection(lesson, opts);
  const view = lessonView(lesson, edition, { number: opts.number });
  const blocks = opts.templates.blocks('lesson', view);
  const g = geometry(lesson.options.paper);
  const flow = new FlowBuilder({
    family: opts.family,
    width: g.contentWidth,
    digits: lesson.options.digits,
    bookmarkLevel: opts.bookmarkLevel ?? 0,
    onMissing: opts.onMissing,
  });
  flow.blocks(blocks);
  if (opts.lessonBookmark && flow.items.length) flow.items[0].bookmark ??= opts.lessonBookmark;
  return { items: flow.items, head: opts.head ?? { start: lesson.title, end: view.editionLabel }, newPage: true };
}

/** A lesson's answer key: one page (a pack's keys follow one another). */
function keySection(lesson: ResolvedLesson, opts: LessonSectionOptions): Section {
  const view = keyView(lesson, { number: opts.number });
  const flow = new FlowBuilder({
    family: opts.family,
    width: geometry(lesson.options.paper).contentWidth,
    digits: lesson.options.digits,
    bookmarkLevel: opts.bookmarkLevel ?? 0,
    onMissing: opts.onMissing,
  });
  flow.blocks(opts.templates.blocks('key', view));
  if (opts.lessonBookmark && flow.items.length) flow.items[0].bookmark ??= opts.lessonBookmark;
  return { items: flow.items, head: opts.head ?? { start: lesson.title, end: EDITION_LABELS.key }, newPage: opts.number === undefined || opts.number === 1 };
}
