// One unit of build work: one PDF (a lesson or a course pack, in one edition)
// from an already resolved model. Jobs are plain data so they cross into a
// worker thread by structured clone. This module only describes jobs; running
// them (which loads the whole typesetting stack) is run-job.ts.
import type { Diagnostic } from '../workspace/diagnostics.js';
import type { Edition, OutputFormat, ResolvedCourse, ResolvedLesson } from '../workspace/model.js';

export type JobTarget = { kind: 'lesson'; lesson: ResolvedLesson } | { kind: 'course'; course: ResolvedCourse };

export interface RenderJob {
  /** output file name, e.g. `virtual-caliphate-intro-student.pdf` (or `.docx`, `.html`) */
  name: string;
  edition: Edition;
  format: OutputFormat;
  target: JobTarget;
  /** absolute templates folder; undefined: the bundled templates */
  templates?: string;
  /** bumped by watch mode when a template file changes, so every thread reloads them */
  templatesVersion: number;
  /** keep laid-out lessons in the thread for the next build of the same file (watch mode) */
  cache?: boolean;
  /** templates may be links to files outside their folder (--allow-outside) */
  allowOutside?: boolean;
}

export interface JobResult {
  bytes: Uint8Array;
  pages: number;
  diagnostics: Diagnostic[];
}

/**
 * A rough cost of a job, to start the longest first and to decide whether
 * worker threads pay off: the amount of text it sets.
 */
export function jobWeight(job: RenderJob): number {
  const lessonWeight = (l: ResolvedLesson) => {
    let n = 0;
    for (const p of l.passages) for (const para of p.paragraphs) n += para.text.length;
    for (const q of l.questions) n += q.text.length + q.options.join('').length + (job.edition === 'teacher' ? (q.guidance?.length ?? 0) : 0);
    if (job.edition === 'teacher') {
      n += l.teacher.facilitation?.length ?? 0;
      for (const p of l.passages) n += p.teacherNote?.length ?? 0;
    }
    return n + 500;
  };
  return job.target.kind === 'lesson' ? lessonWeight(job.target.lesson) : job.target.course.lessons.reduce((s, l) => s + lessonWeight(l), 1000);
}
