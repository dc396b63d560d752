// The sample packs (both units, student and teacher editions) rendered as
// `hiwar build` renders them, with the pagination measured (src/layout/stats.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveFile } from '../../src/workspace/resolve.js';
import { courseDocument } from '../../src/render/render.js';
import { loadTemplates } from '../../src/render/templates.js';
import { renderPdf } from '../../src/formats/pdf/render.js';
import { geometry } from '../../src/layout/paginate.js';
import { paginationStats, type PaginationStats } from '../../src/layout/stats.js';
import type { Edition } from '../../src/workspace/model.js';

const LESSONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../lessons');
export const SAMPLE_PACKS = ['course.yaml', 'moderation-unit.yaml'];

export interface SampleRun {
  name: string;
  stats: PaginationStats;
  bytes: Uint8Array;
  /** the page (0-based) each lesson starts on */
  lessonStarts: number[];
}

export async function paginationStatsOf(packs = SAMPLE_PACKS, editions: Edition[] = ['student', 'teacher']): Promise<SampleRun[]> {
  const templates = loadTemplates();
  const out: SampleRun[] = [];
  for (const file of packs) {
    const r = await resolveFile(path.join(LESSONS, file));
    if (!r.ok || r.kind !== 'course') throw new Error(`${file} does not resolve to a course`);
    for (const edition of editions) {
      const doc = courseDocument(r.course, edition, templates);
      let stats: PaginationStats | undefined;
      const g = geometry(doc.paper);
      const pdf = await renderPdf(doc, { onLayout: (laid) => (stats = paginationStats(laid, g)) });
      out.push({ name: `${r.course.id}-${edition}`, stats: stats!, bytes: pdf.bytes, lessonStarts: pdf.lessonStarts ?? [] });
    }
  }
  return out;
}
