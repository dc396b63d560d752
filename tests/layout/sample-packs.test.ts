// The first sample pack as `hiwar build` makes it, measured: lessons start on
// right-hand pages, a blank page is blank in the PDF, paragraphs rarely end on
// one word, and no page inside a lesson is left mostly empty. The figures for
// both packs: `node scripts/pagination-stats.mjs`.
import { beforeAll, expect, test } from 'vitest';
import { readPages } from '../helpers/pdf.js';
import { paginationStatsOf, type SampleRun } from './sample-stats.js';

let runs: SampleRun[];
beforeAll(async () => {
  runs = await paginationStatsOf(['course.yaml']);
  for (const r of runs) {
    const s = r.stats;
    console.log(`${r.name}: ${s.pages} pages, ${s.oneWordLastLines} one-word last lines, ${s.emptyPages} pages >70% empty (${s.emptyPagesInside} inside a lesson), ${s.lessonsOnEvenPages} lessons on even pages, ${s.blankPages} blank`);
  }
});

test('every lesson starts on an odd page number, in both editions', () => {
  for (const r of runs) {
    expect(r.lessonStarts, r.name).toHaveLength(4);
    expect(r.lessonStarts.map((p) => (p + 1) % 2), r.name).toEqual([1, 1, 1, 1]);
    expect(r.stats.lessonsOnEvenPages).toBe(0);
  }
  // the teacher edition needs a blank page for that (the student edition happens not to)
  expect(runs.map((r) => r.stats.blankPages).reduce((a, b) => a + b)).toBeGreaterThan(0);
});

test('a blank page before a lesson carries nothing: no text, no running head, no page number', async () => {
  // the teacher edition, where the blank page is (reading a PDF back costs a second or two)
  for (const r of runs.filter((x) => x.stats.blankPages > 0)) {
    const pages = await readPages(r.bytes);
    for (const start of r.lessonStarts) {
      const before = pages[start - 1].items.filter((it) => it.str.trim());
      // the page before a lesson is the previous part's last page (with its footer) or blank
      if (before.length === 0) expect(r.stats.blankPages).toBeGreaterThan(0);
      else expect(before.some((it) => it.str.includes('صفحة'))).toBe(true);
    }
    expect(pages.filter((p) => p.items.every((it) => !it.str.trim())).length, r.name).toBe(r.stats.blankPages);
  }
});

test('few paragraphs end on one word, and no page inside a lesson is more than 70% empty', () => {
  for (const r of runs) {
    // greedy breaking alone left 12 (student) and 20 (teacher) here
    expect(r.stats.oneWordLastLines, r.stats.oneWordLines.join(' | ')).toBeLessThanOrEqual(4);
    expect(r.stats.emptyPagesInside).toBe(0);
    // only the sources page, short by nature, may be mostly empty: the last page of a lesson is balanced
    expect(r.stats.emptyPages, `${r.name}: pages ${r.stats.emptyPageNumbers}`).toBeLessThanOrEqual(1);
  }
});
