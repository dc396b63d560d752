// The intro lesson built for real, then read back as a reader's tools would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFile } from '../../src/cli/build.js';
import { resolveFile } from '../../src/workspace/index.js';
import type { ResolvedLesson } from '../../src/workspace/model.js';
import { bodyText, footerText, headerText, normalizeText, outlineOf, readPages, readPdf, type PageText } from '../helpers/pdf.js';

const ROOT = path.resolve(__dirname, '../..');
const LESSON = path.join(ROOT, 'lessons/virtual-caliphate-intro.yaml');

let out: string;
let lesson: ResolvedLesson;
let student: Buffer;
let teacher: Buffer;
let studentPages: PageText[];
let teacherPages: PageText[];

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-lesson-'));
  const built = await buildFile(LESSON, { out }, ROOT);
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const resolved = await resolveFile(LESSON, {});
  if (!resolved.ok || resolved.kind !== 'lesson') throw new Error('the sample lesson must resolve');
  lesson = resolved.lesson;
  student = fs.readFileSync(path.join(out, `${lesson.id}-student.pdf`));
  teacher = fs.readFileSync(path.join(out, `${lesson.id}-teacher.pdf`));
  studentPages = await readPages(student);
  teacherPages = await readPages(teacher);
});

describe('the intro lesson as PDF', () => {
  it('gives every passage back in logical order (round trip through pdf.js)', () => {
    // the editor's «[كذا]» after each erratum is the handout's, not the article's
    const body = normalizeText(studentPages.map((p) => bodyText(p)).join(' ')).replaceAll(normalizeText(' [كذا]'), '');
    expect(lesson.passages.length).toBeGreaterThan(0);
    for (const passage of lesson.passages) {
      for (const para of passage.paragraphs) {
        expect(body, `paragraph ${para.number} of passage ${passage.ref}`).toContain(normalizeText(para.text));
      }
    }
  });

  it('prints every question in both editions, and guidance only in the teacher edition', () => {
    const s = normalizeText(studentPages.map((p) => bodyText(p)).join(' '));
    // a box continued on the next page repeats its title there with «(تابع)»: the text runs on around it
    const continued = new RegExp(`${normalizeText('توجيه للمعلم')}${normalizeText(' (تابع)').replace(/[()]/g, '\\$&')}`, 'g');
    const t = normalizeText(teacherPages.map((p) => bodyText(p)).join(' ')).replace(continued, '');
    for (const q of lesson.questions) {
      expect(s).toContain(normalizeText(q.text));
      expect(t).toContain(normalizeText(q.text));
      if (q.guidance) {
        expect(t).toContain(normalizeText(q.guidance));
        expect(s).not.toContain(normalizeText(q.guidance).slice(0, 40));
      }
    }
  });

  it('has running headers and "page N of M" footers in Arabic-Indic digits', () => {
    const n = studentPages.length;
    const toArabic = (k: number) => String(k).replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]);
    studentPages.forEach((page, i) => {
      expect(normalizeText(headerText(page))).toContain(normalizeText(lesson.title));
      expect(normalizeText(headerText(page))).toContain(normalizeText('نسخة الطالب'));
      expect(normalizeText(footerText(page))).toBe(normalizeText(`صفحة ${toArabic(i + 1)} من ${toArabic(n)}`));
    });
    expect(normalizeText(headerText(teacherPages[0]))).toContain(normalizeText('نسخة المعلم'));
  });

  it('declares Arabic, the lesson title, right-to-left reading, and embeds subset fonts', async () => {
    const { info } = await readPdf(student, { text: false, metadata: true });
    expect(info!.Title).toBe(lesson.title);
    const raw = student.toString('latin1');
    expect(raw).toMatch(/\/Lang \(ar\)/);
    expect(raw).toMatch(/\/Direction \/R2L/);
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Amiri-Regular/);
    expect(raw).not.toMatch(/Helvetica/);
  });

  it('has bookmarks for the sections', async () => {
    const outline = await outlineOf(student);
    const titles = outline.map((o) => o.title);
    expect(titles).toEqual(expect.arrayContaining(['النص', 'مسرد المصطلحات', 'أسئلة للنقاش']));
  });

  it('is A4', async () => {
    const { pages } = await readPdf(student, { text: false });
    expect(pages[0].view.map(Math.round)).toEqual([0, 0, 595, 842]);
  });

  it('gives byte-equal PDFs for equal input', async () => {
    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-again-'));
    await buildFile(LESSON, { out: again }, ROOT);
    expect(fs.readFileSync(path.join(again, `${lesson.id}-student.pdf`)).equals(student)).toBe(true);
    expect(fs.readFileSync(path.join(again, `${lesson.id}-teacher.pdf`)).equals(teacher)).toBe(true);
  });

  it('prints western digits when asked', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-digits-'));
    await buildFile(LESSON, { out: dir, digits: 'western', edition: 'student' }, ROOT);
    const pages = await readPages(fs.readFileSync(path.join(dir, `${lesson.id}-student.pdf`)));
    expect(normalizeText(footerText(pages[0]))).toBe(normalizeText(`صفحة 1 من ${pages.length}`));
    expect(fs.existsSync(path.join(dir, `${lesson.id}-teacher.pdf`))).toBe(false);
  });
});
