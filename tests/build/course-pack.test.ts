// The sample course pack built for real (with --split), then read back the way
// a reader's viewer sees it: contents page numbers against where each lesson
// really starts, the outline, running headers, footers, the cover, split lessons.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFile } from '../../src/cli/build.js';
import { resolveFile } from '../../src/workspace/index.js';
import type { ResolvedCourse } from '../../src/workspace/model.js';
import { bodyText, footerText, headerText, normalizeText, readingOrder, readPages, type PageText } from '../helpers/pdf.js';
import { arabicDigits, LESSONS, outlineOf, parseDigits, type OutlineNode } from './helpers.js';

const COURSE = path.join(LESSONS, 'course.yaml');
const SECTION_TITLES = ['النص', 'مسرد المصطلحات', 'أنشطة', 'أسئلة للنقاش'];
const SOURCES = 'مصادر المقالات';

/** A lesson's first page opens with its title block: (student: the name line,) «الدرس N», the title. */
function opensWithTitle(page: PageText, lesson: { title: string }, edition: 'student' | 'teacher', number?: number): boolean {
  const lines = bodyText(page).split('\n').map(normalizeText);
  const head = edition === 'student' ? lines.slice(1) : lines;
  if (edition === 'student' && !(lines[0].includes('الاسم:') && lines[0].includes('الصف:') && lines[0].includes('التاريخ:'))) return false;
  const rest = number === undefined ? head : head[0] === normalizeText(`الدرس ${arabicDigits(number)}`) ? head.slice(1) : [];
  return rest.join(' ').startsWith(normalizeText(lesson.title));
}

/** 1-based page of the sources page that closes a pack. */
function sourcesPage(pages: PageText[]): number {
  return pages.findIndex((p) => normalizeText(headerText(p)).startsWith(normalizeText(SOURCES))) + 1;
}

let out: string;
let course: ResolvedCourse;
/** a page left blank before a lesson so that it starts on a right-hand page: nothing on it, not even a number */
const isBlank = (page: PageText) => page.items.every((it) => !it.str.trim());

const pdf: Record<'student' | 'teacher', { bytes: Buffer; pages: PageText[]; outline: OutlineNode[] }> = {} as never;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-course-'));
  const built = await buildFile(COURSE, { out, split: true }, LESSONS);
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const resolved = await resolveFile(COURSE, {});
  if (!resolved.ok || resolved.kind !== 'course') throw new Error('the sample course must resolve');
  course = resolved.course;
  for (const edition of ['student', 'teacher'] as const) {
    const bytes = fs.readFileSync(path.join(out, `${course.id}-${edition}.pdf`));
    pdf[edition] = { bytes, pages: await readPages(bytes), outline: await outlineOf(bytes) };
  }
  // a whole pack with --split, read back twice: on two busy cores this takes longer than a hook's default 10 s
}, 60_000);

/** 1-based page of the first page whose running header names the lesson. */
function firstPageOf(pages: PageText[], title: string): number {
  const t = normalizeText(title);
  return pages.findIndex((p) => normalizeText(headerText(p)).startsWith(t)) + 1;
}

/** Contents entries as printed: each line is a title followed by its page number. */
function printedContents(pages: PageText[], lastContentsPage: number): { title: string; page: number }[] {
  const entries: { title: string; page: number }[] = [];
  for (let i = 1; i < lastContentsPage; i++) {
    for (const line of bodyText(pages[i]).split('\n')) {
      const m = /^(.*?)\s*([٠-٩0-9]+)$/.exec(line.trim());
      if (m) entries.push({ title: normalizeText(m[1]), page: parseDigits(m[2]) });
    }
  }
  return entries;
}

describe.each(['student', 'teacher'] as const)('the %s course pack', (edition) => {
  it('prints, on the contents pages, the page where each lesson and section really starts', () => {
    const { pages, outline } = pdf[edition];
    const starts = course.lessons.map((l) => firstPageOf(pages, l.title));
    expect(starts.every((p) => p > 2)).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const printed = printedContents(pages, starts[0]);
    course.lessons.forEach((lesson, i) => {
      // lessons are numbered in the contents: «الدرس ١: …»
      const entry = printed.find((e) => e.title === normalizeText(`الدرس ${arabicDigits(i + 1)}: ${lesson.title}`));
      expect(entry, `contents entry for ${lesson.title}`).toBeDefined();
      expect(entry!.page, lesson.title).toBe(starts[i]);
      // the lesson's first page shows its title block at the top, with its number
      expect(opensWithTitle(pages[starts[i] - 1], lesson, edition, i + 1)).toBe(true);
      // and the outline opens the same page
      const node = outline[0].children.find((c) => c.title === lesson.title);
      expect(node?.page).toBe(starts[i]);
    });
    // every section entry points where the outline (and so the heading) is
    const sectionEntries = outline[0].children.filter((c) => course.lessons.some((l) => l.title === c.title)).flatMap((c) => c.children);
    const printedSections = printed.filter((e) => SECTION_TITLES.some((t) => normalizeText(t) === e.title));
    expect(printedSections.map((e) => e.page)).toEqual(sectionEntries.map((s) => s.page));
    // the sources page closes the pack, and the contents say where
    const sources = sourcesPage(pages);
    expect(sources).toBe(pages.length);
    expect(printed.find((e) => e.title === normalizeText(SOURCES))?.page).toBe(sources);
  });

  it('closes with a sources page naming every article the lessons quote, once, with the lessons that quote it', () => {
    const { pages } = pdf[edition];
    const body = normalizeText(bodyText(pages[sourcesPage(pages) - 1]));
    const articles = [...new Map(course.lessons.map((l) => [l.article.path, l.article])).values()];
    for (const a of articles) expect(body.split(normalizeText(`«${a.title}»`)).length - 1).toBe(1);
    expect(body).toContain(normalizeText(course.lessons.map((_, i) => `الدرس ${arabicDigits(i + 1)}`).join('، ')));
  });

  it('has an outline course → lesson → section', () => {
    const { outline } = pdf[edition];
    expect(outline).toHaveLength(1);
    expect(outline[0].title).toBe(course.title);
    expect(outline[0].page).toBe(1);
    const lessons = outline[0].children.filter((c) => c.title !== 'المحتويات' && c.title !== SOURCES);
    expect(outline[0].children.map((c) => c.title).at(-1)).toBe(SOURCES);
    expect(lessons.map((c) => c.title)).toEqual(course.lessons.map((l) => l.title));
    for (const l of lessons) {
      expect(l.children.length).toBeGreaterThan(0);
      for (const s of l.children) {
        expect(SECTION_TITLES).toContain(s.title);
        expect(s.page).toBeGreaterThanOrEqual(l.page);
        expect(s.children).toEqual([]);
      }
    }
  });

  it('runs headers with the lesson title and the course title, and numbers pages in Arabic-Indic digits', () => {
    const { pages } = pdf[edition];
    const starts = course.lessons.map((l) => firstPageOf(pages, l.title));
    course.lessons.forEach((lesson, i) => {
      const end = i + 1 < starts.length ? starts[i + 1] - 1 : sourcesPage(pages) - 1;
      for (let p = starts[i]; p <= end; p++) {
        if (isBlank(pages[p - 1])) continue;
        const head = normalizeText(headerText(pages[p - 1]));
        expect(head).toContain(normalizeText(lesson.title));
        expect(head).toContain(normalizeText(course.title));
      }
    });
    pages.forEach((page, i) => {
      if (i === 0 || isBlank(page)) expect(footerText(page)).toBe(''); // the cover and a blank page are not numbered
      else expect(normalizeText(footerText(page))).toBe(normalizeText(`صفحة ${arabicDigits(i + 1)} من ${arabicDigits(pages.length)}`));
    });
  });

  it('has a cover with title, subtitle, author, the number of lessons and the total minutes', () => {
    const cover = normalizeText(readingOrder(pdf[edition].pages[0].items));
    expect(cover).toContain(normalizeText(course.title));
    // the subtitle as written, its digits in the pack's (digits: arabic)
    expect(cover).toContain(normalizeText(course.subtitle!.replace(/\d/g, (d) => arabicDigits(Number(d)))));
    expect(cover).toContain(normalizeText(course.author!));
    const minutes = course.lessons.reduce((s, l) => s + (l.duration ?? 0), 0);
    expect(cover).toContain(normalizeText(`${arabicDigits(course.lessons.length)} دروس، ${arabicDigits(minutes)} دقيقة`));
    expect(cover).toContain(normalizeText(edition === 'student' ? 'نسخة الطالب' : 'نسخة المعلم'));
  });
});

describe('--split', () => {
  it('writes each lesson alone, laid out as in the pack, headed with its own title', async () => {
    for (const edition of ['student', 'teacher'] as const) {
      const pack = pdf[edition].pages;
      const starts = [...course.lessons.map((l) => firstPageOf(pack, l.title)), sourcesPage(pack)];
      for (const [i, lesson] of course.lessons.entries()) {
        const file = path.join(out, `${lesson.id}-${edition}.pdf`);
        expect(fs.existsSync(file), file).toBe(true);
        const pages = await readPages(fs.readFileSync(file));
        expect(pages.length).toBe(pack.slice(starts[i] - 1, starts[i + 1] - 1).filter((p) => !isBlank(p)).length);
        expect(opensWithTitle(pages[0], lesson, edition)).toBe(true);
        const head = normalizeText(headerText(pages[0]));
        expect(head).toContain(normalizeText(lesson.title));
        expect(head).not.toContain(normalizeText(course.title));
        const outline = await outlineOf(fs.readFileSync(file));
        expect(outline.map((o) => o.title)).toEqual(SECTION_TITLES.filter((t) => outline.some((o) => o.title === t)));
      }
    }
  });
});

describe('course options', () => {
  it('apply to every lesson in the pack (digits, paper)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-course-opts-'));
    const file = path.join(dir, 'course.yaml');
    const lessons = course.lessons.slice(0, 2).map((l) => path.join(LESSONS, path.basename(l.path)));
    fs.writeFileSync(file, `id: western-pack\ntitle: "وحدة قصيرة"\nlessons: [${lessons.map((l) => JSON.stringify(l)).join(', ')}]\noptions: { digits: western, paper: letter }\n`);
    const built = await buildFile(file, { out: dir, edition: 'student', allowOutside: true }, dir);
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const pages = await readPages(fs.readFileSync(path.join(dir, 'western-pack-student.pdf')));
    expect(Math.round(pages[0].height)).toBe(792); // letter
    expect(normalizeText(footerText(pages[pages.length - 1]))).toBe(normalizeText(`صفحة ${pages.length} من ${pages.length}`));
    const body = pages.map((p) => bodyText(p)).join('\n');
    expect(body).toMatch(/(^|\n)1\)/); // question and list numbers in western digits too
    expect(body).not.toMatch(/[٠-٩]\)/);
  });
});
