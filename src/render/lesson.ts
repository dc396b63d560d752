// One lesson, one edition -> a document part: view model -> template -> markup -> blocks.
import type { Edition, ResolvedLesson } from '../workspace/model.js';
import type { Part, RunningHead } from '../document/model.js';
import type { TemplateSet } from './templates.js';
import { keyView, lessonView } from './viewModel.js';
import { EDITION_LABELS } from './labels.js';

export interface LessonPartOptions {
  templates: TemplateSet;
  /** outline level of the lesson's own sections (0 alone, 1 or 2 inside a course) */
  headingLevel?: number;
  /** running header; defaults to (lesson title, edition) */
  head?: RunningHead;
  /** an outline entry for the lesson itself (inside a course) */
  lessonBookmark?: { title: string; level: number };
  /** the lesson's number in a course pack («الدرس ١») */
  number?: number;
}

export function lessonPart(lesson: ResolvedLesson, edition: Edition, opts: LessonPartOptions): Part {
  const common = { file: lesson.path, headingLevel: opts.headingLevel ?? 0, bookmark: opts.lessonBookmark, lessonNumber: opts.number };
  if (edition === 'key') {
    // a pack's keys follow one another on the same pages
    const blocks = opts.templates.blocks('key', keyView(lesson, { number: opts.number }));
    return { kind: 'key', blocks, ...common, head: opts.head ?? { start: lesson.title, end: EDITION_LABELS.key }, newPage: opts.number === undefined || opts.number === 1 };
  }
  const view = lessonView(lesson, edition, { number: opts.number });
  const blocks = opts.templates.blocks('lesson', view);
  return { kind: 'lesson', blocks, ...common, head: opts.head ?? { start: lesson.title, end: view.editionLabel }, newPage: true };
}
