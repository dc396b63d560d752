// Build a sample lesson or course into a Document, for the format tests.
import path from 'node:path';
import { resolveFile } from '../../src/workspace/resolve.js';
import { courseDocument, lessonDocument } from '../../src/render/render.js';
import { loadTemplates } from '../../src/render/templates.js';
import type { Edition, ResolvedCourse, ResolvedLesson } from '../../src/workspace/model.js';
import type { Document } from '../../src/document/model.js';
import { REPO } from '../workspace/helpers.js';

export async function sampleLesson(name = 'virtual-caliphate-intro.yaml'): Promise<ResolvedLesson> {
  const r = await resolveFile(path.join(REPO, 'lessons', name));
  if (!r.ok || r.kind !== 'lesson') throw new Error(`${name} did not resolve`);
  return r.lesson;
}

export async function sampleCourse(name = 'course.yaml'): Promise<ResolvedCourse> {
  const r = await resolveFile(path.join(REPO, 'lessons', name));
  if (!r.ok || r.kind !== 'course') throw new Error(`${name} did not resolve`);
  return r.course;
}

export const lessonDoc = (l: ResolvedLesson, e: Edition): Document => lessonDocument(l, e, loadTemplates());
export const courseDoc = (c: ResolvedCourse, e: Edition): Document => courseDocument(c, e, loadTemplates());

/** Collapse runs of white space, so texts compare whatever the format did with line breaks. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
