// The largest inputs hiwar reads. Far above any real lesson (the sample
// lessons are 15–20 KB, the sample article 30 KB), and low enough that a
// wrong file (a video, a database dump, /dev/zero) is refused at once with a
// clear message instead of using gigabytes of memory for minutes: a 50 MB
// lesson used to take 34 s and 1.95 GB. Documented in the README (Limits).
export const LIMITS = {
  /** a lesson or course file */
  lesson: 1024 * 1024,
  /** a question bank */
  bank: 4 * 1024 * 1024,
  /** an article (.md), and the raw text `hiwar import` reads */
  article: 16 * 1024 * 1024,
  /** a figure (PNG or JPEG) */
  figure: 16 * 1024 * 1024,
  /** one template file (.hbs) */
  template: 256 * 1024,
  /** an id names the PDF files; a longer one makes file names some disks refuse (ENAMETOOLONG) */
  idLength: 100,
} as const;

export type LimitKind = 'lesson' | 'bank' | 'article' | 'template';

/** "1 MB", "256 KB" */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
}
