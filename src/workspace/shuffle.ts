// Versions A and B of a lesson (`shuffle: true`): the options of every choice
// and rank question reordered, deterministically from the seed, the answers
// moved with them, as R/exams makes exam versions.
import type { ResolvedLesson, ResolvedQuestion } from './model.js';
import { hashString, mulberry32 } from './random.js';

export const VERSIONS = ['A', 'B'] as const;
export type Version = (typeof VERSIONS)[number];

function permutation(n: number, rand: () => number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

const same = (a: number[], b: number[]) => a.every((x, i) => x === b[i]);

/** The order of a question's options in each version: A and B differ (and differ from the written order) where n > 2 allows. */
export function versionOrders(seed: number, lessonId: string, questionId: string, n: number): Record<Version, number[]> {
  const identity = Array.from({ length: n }, (_, i) => i);
  const rand = mulberry32(hashString(`${seed}:${lessonId}:${questionId}`));
  let a = permutation(n, rand);
  for (let k = 0; k < 20 && n > 1 && same(a, identity); k++) a = permutation(n, rand);
  let b = permutation(n, rand);
  for (let k = 0; k < 20 && n > 2 && (same(b, a) || same(b, identity)); k++) b = permutation(n, rand);
  if (n === 2) b = identity; // two options: one version swaps them, the other keeps them
  return { A: a, B: b };
}

function shuffled(q: ResolvedQuestion, order: number[]): ResolvedQuestion {
  // order[k] = which written option is printed k-th
  const at = new Map(order.map((written, k) => [written, k]));
  const out: ResolvedQuestion = { ...q, options: order.map((i) => q.options[i]) };
  if (q.answer) out.answer = q.kind === 'choice' ? q.answer.map((i) => at.get(i)!).sort((x, y) => x - y) : q.answer.map((i) => at.get(i)!);
  return out;
}

/** The lesson as version A or B prints it. */
export function lessonVersion(lesson: ResolvedLesson, version: Version): ResolvedLesson {
  return {
    ...lesson,
    version,
    questions: lesson.questions.map((q) =>
      q.kind === 'choice' || q.kind === 'rank' ? shuffled(q, versionOrders(lesson.options.seed, lesson.id, q.id, q.options.length)[version]) : q,
    ),
  };
}
