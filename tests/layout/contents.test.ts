// The contents of a course pack long enough to take several pages, read back
// from the PDF with pdf.js: every lesson's number is the page where its title
// block really is, and every section's number the page where its heading is.
// Several contents pages make the page numbers depend on the contents' own
// length (the one-page contents of the sample course cannot show that).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { buildFile } from '../../src/cli/build.js';
import { TYPE } from '../../src/layout/style.js';
import { arabicDigits, parseDigits } from '../build/helpers.js';
import { bodyText, normalizeText, readingOrder, readPages, type PageText } from '../helpers/pdf.js';
import { SEED_ARTICLE, workspace } from '../workspace/helpers.js';

const TOPICS = ['الحذف والتوعية', 'من يتكلم في النص؟', 'الادعاء والدليل', 'المنصات والإشراف', 'القراءة الناقدة', 'الحوار الآمن'];
const LESSONS = 16;
const titleOf = (i: number) => `الدرس ${arabicDigits(i + 1)}: ${TOPICS[i % TOPICS.length]}`;

/** A short lesson: a few passages of the seed article and one or two questions (lengths vary, so starts do too). */
function lesson(i: number): string {
  const questions = [`  - text: "ما الفكرة الرئيسة في الفقرة ${i + 1}؟"\n    lines: ${2 + (i % 5)}\n`];
  if (i % 2) questions.push(`  - text: "ما رأيك في ما يقوله الكاتب؟"\n    lines: 4\n`);
  return `id: lesson-${i + 1}\ntitle: "${titleOf(i)}"\narticle: articles/seed.md\nobjectives: ["أن يقرأ الطالب النص قراءة ناقدة."]\npassages:\n  - ref: p1-p${1 + (i % 4)}\nquestions:\n${questions.join('')}`;
}

let pages: PageText[];

beforeAll(async () => {
  const files: Record<string, string> = { 'articles/seed.md': fs.readFileSync(SEED_ARTICLE, 'utf8') };
  for (let i = 0; i < LESSONS; i++) files[`l${i + 1}.yaml`] = lesson(i);
  files['course.yaml'] = `id: long-pack\ntitle: "وحدة طويلة"\nlessons:\n${Array.from({ length: LESSONS }, (_, i) => `  - l${i + 1}.yaml\n`).join('')}options: { digits: arabic }\n`;
  const dir = workspace(files);
  const built = await buildFile(path.join(dir, 'course.yaml'), { out: path.join(dir, 'out'), edition: 'student' }, dir);
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  pages = await readPages(fs.readFileSync(path.join(dir, 'out/long-pack-student.pdf')));
});

/** Lines set at a given type size on a page (a lesson's title block, a section heading). */
const linesAt = (p: PageText, size: number) => readingOrder(p.items.filter((it) => Math.abs(it.fontSize - size) < 0.05)).split('\n').map(normalizeText);

/** 1-based page where the lesson's title block is. */
const startOf = (title: string) => pages.findIndex((p) => linesAt(p, TYPE.title).includes(normalizeText(title))) + 1;

test('a contents of several pages gives, for every lesson and section, the page it is really on', () => {
  const starts = Array.from({ length: LESSONS }, (_, i) => startOf(titleOf(i)));
  expect(starts.every((s) => s > 0)).toBe(true);
  expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  const contentsPages = pages.slice(1, starts[0] - 1);
  expect(contentsPages.length).toBeGreaterThanOrEqual(2);

  // each contents line: a title, then its page number (at the left, so last in reading order)
  const printed = contentsPages.flatMap((p) =>
    bodyText(p)
      .split('\n')
      .flatMap((line) => {
        const m = /^(.*?)\s*([٠-٩]+)$/.exec(line.trim());
        return m ? [{ title: normalizeText(m[1]), page: parseDigits(m[2]) }] : [];
      }),
  );
  let checkedSections = 0;
  for (let i = 0; i < LESSONS; i++) {
    const at = printed.findIndex((e) => e.title === normalizeText(titleOf(i)));
    expect(at, titleOf(i)).toBeGreaterThanOrEqual(0);
    expect(printed[at].page, titleOf(i)).toBe(starts[i]);
    // the lesson's sections follow its entry, up to the next lesson's
    const end = i + 1 < LESSONS ? starts[i + 1] : pages.length + 1;
    for (const section of printed.slice(at + 1).filter((_, k, rest) => !rest.slice(0, k + 1).some((e) => /^الدرس/.test(e.title)))) {
      const page = pages.findIndex((p, k) => k + 1 >= starts[i] && k + 1 < end && linesAt(p, TYPE.h1).includes(section.title)) + 1;
      expect(section.page, `${titleOf(i)} / ${section.title}`).toBe(page);
      checkedSections++;
    }
  }
  expect(checkedSections).toBeGreaterThanOrEqual(LESSONS);
});
