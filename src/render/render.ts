// Lessons and courses -> finished PDF bytes (with any problems found on the way).
import type { FontFamily, MissingGlyph } from '../text/types.js';
import { loadFamily } from '../text/index.js';
import type { Digits, Edition, ResolvedCourse, ResolvedLesson } from '../workspace/model.js';
import { warningAt, type Diagnostic } from '../workspace/diagnostics.js';
import { FlowBuilder } from '../layout/flow.js';
import { geometry, paginateSections, type Section } from '../layout/paginate.js';
import type { Page } from '../layout/ops.js';
import { writePdf } from '../pdf/writer.js';
import { EDITION_LABELS, LABELS } from './labels.js';
import { lessonSection, type LessonSectionOptions } from './lesson.js';
import { parseMarkup } from './markup.js';
import { formatNumber } from '../text/digits.js';
import type { TemplateSet } from './templates.js';

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
  diagnostics: Diagnostic[];
  /** for tests and the table of contents: the page (0-based) each lesson starts on */
  lessonStarts?: number[];
}

export interface RenderOptions {
  templates: TemplateSet;
  family?: FontFamily;
  /**
   * Keep each lesson's laid-out section between builds (watch mode): a course
   * rebuilt after one lesson changed lays out only that lesson again.
   */
  cache?: SectionCache;
}

/**
 * Laid-out lessons by (lesson file, edition, place): one entry each, replaced
 * when anything that shapes the layout changes, so the cache never holds more
 * than one build's worth.
 */
export class SectionCache {
  private entries = new Map<string, { key: string; section: Section; missing: Diagnostic[] }>();
  private static templateIds = new WeakMap<TemplateSet, number>();
  private static nextTemplateId = 1;

  /** The section for `key`, or lay it out with `make` (problems it reports are kept and replayed). */
  get(slot: string, key: string, diagnostics: Diagnostic[], make: (report: Diagnostic[]) => Section): Section {
    const hit = this.entries.get(slot);
    if (hit && hit.key === key) {
      diagnostics.push(...hit.missing);
      return hit.section;
    }
    const missing: Diagnostic[] = [];
    const section = make(missing);
    diagnostics.push(...missing);
    this.entries.set(slot, { key, section, missing });
    return section;
  }

  static templatesId(t: TemplateSet): number {
    let id = SectionCache.templateIds.get(t);
    if (!id) SectionCache.templateIds.set(t, (id = SectionCache.nextTemplateId++));
    return id;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Lay out a lesson section, through the cache when there is one. */
function cachedSection(lesson: ResolvedLesson, edition: Edition, opts: RenderOptions, family: FontFamily, place: Omit<LessonSectionOptions, 'templates' | 'family' | 'onMissing'>, diagnostics: Diagnostic[]): Section {
  const make = (report: Diagnostic[]) => lessonSection(lesson, edition, { ...place, templates: opts.templates, family, onMissing: missingReporter(lesson.path, report) });
  // Only lessons inside a course: a lesson built alone is rebuilt because it changed, so its entry would never be reused.
  if (!opts.cache || !place.lessonBookmark) return make(diagnostics);
  const slot = `${lesson.path}\u0000${edition}\u0000${place.head?.end ?? ''}`;
  const key = JSON.stringify([lesson, family.name, SectionCache.templatesId(opts.templates), place]);
  return opts.cache.get(slot, key, diagnostics, make);
}

function missingReporter(file: string, out: Diagnostic[]) {
  return (missing: MissingGlyph[]) => {
    for (const m of missing) {
      const cp = `U+${m.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
      out.push(warningAt(file, 0, 0, 'render.missing-glyph', { char: m.char, cp }));
    }
  };
}

/** "صفحة N من M" on every decorated page, in the document's digits (new page objects: laid-out pages may be cached). */
function withFooters(pages: Page[], digits: Digits): Page[] {
  const total = formatNumber(pages.length, digits);
  return pages.map((p, i) => (p.decorated ? { ...p, foot: `${LABELS.page} ${formatNumber(i + 1, digits)} ${LABELS.of} ${total}` } : p));
}

export async function renderLesson(lesson: ResolvedLesson, edition: Edition, opts: RenderOptions): Promise<RenderedPdf> {
  const family = opts.family ?? loadFamily('amiri');
  const diagnostics: Diagnostic[] = [];
  const section = cachedSection(lesson, edition, opts, family, {}, diagnostics);
  const { pages } = paginateSections([section], lesson.options.paper);
  const bytes = await writePdf(withFooters(pages, lesson.options.digits), { title: lesson.title, subject: lesson.article.title, paper: lesson.options.paper }, family);
  return { bytes, pages: pages.length, diagnostics, lessonStarts: [0] };
}

interface ContentsEntry {
  title: string;
  page: string;
  sections: { title: string; page: string }[];
}

function flowOf(markup: string, family: FontFamily, course: ResolvedCourse, bookmarkLevel: number): FlowBuilder {
  const flow = new FlowBuilder({ family, width: geometry(course.options.paper).contentWidth, digits: course.options.digits, bookmarkLevel });
  flow.blocks(parseMarkup(markup));
  return flow;
}

/** Where each lesson and each of its sections landed, read from the lesson pages' bookmarks; `offset` pages come before them. */
function contentsFrom(pages: Page[], offset: number, course: ResolvedCourse): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  const digits = course.options.digits;
  pages.forEach((page, i) => {
    const number = formatNumber(offset + i + 1, digits);
    for (const b of page.bookmarks) {
      if (b.level === 1 && entries.length < course.lessons.length && b.title === course.lessons[entries.length]?.title) {
        entries.push({ title: b.title, page: number, sections: [] });
      } else if (b.level === 2 && entries.length) {
        entries[entries.length - 1].sections.push({ title: b.title, page: number });
      }
    }
  });
  return entries;
}

/** The forms an Arabic noun takes after a number: one, two, 3–10, 11–99, and 100, 200, … */
interface CountedNoun {
  one: string;
  two: string;
  few: string;
  many: string;
  hundred: string;
}

const LESSON_NOUN: CountedNoun = { one: 'درس واحد', two: 'درسان', few: 'دروس', many: 'درسًا', hundred: 'درس' };
const MINUTE_NOUN: CountedNoun = { one: 'دقيقة واحدة', two: 'دقيقتان', few: 'دقائق', many: 'دقيقة', hundred: 'دقيقة' };

/** "٤ دروس", "١٢ درسًا", "١٨٠ دقيقة", "درسان": the noun agrees with the number, as Arabic grammar asks. */
export function countedNoun(n: number, noun: CountedNoun, digits: Digits): string {
  if (n === 1) return noun.one;
  if (n === 2) return noun.two;
  const lastTwo = n % 100;
  const form = lastTwo >= 3 && lastTwo <= 10 ? noun.few : lastTwo >= 11 ? noun.many : noun.hundred;
  return `${formatNumber(n, digits)} ${form}`;
}

export async function renderCourse(course: ResolvedCourse, edition: Edition, opts: RenderOptions): Promise<RenderedPdf> {
  const family = opts.family ?? loadFamily('amiri');
  const diagnostics: Diagnostic[] = [];
  const digits = course.options.digits;
  const minutes = course.lessons.reduce((s, l) => s + (l.duration ?? 0), 0);
  // an Arabic comma between the counts: a middle dot beside Arabic-Indic digits reads as a zero (٠)
  const summary = countedNoun(course.lessons.length, LESSON_NOUN, digits) + (minutes ? `، ${countedNoun(minutes, MINUTE_NOUN, digits)}` : '');
  const cover = flowOf(
    opts.templates.render('cover', { title: course.title, subtitle: course.subtitle, author: course.author, summary, editionLabel: EDITION_LABELS[edition], labels: LABELS }),
    family,
    course,
    0,
  );
  if (cover.items.length) cover.items[0].bookmark = { title: course.title, level: 0 };

  const lessonSections: Section[] = course.lessons.map((lesson) =>
    cachedSection(
      lesson,
      edition,
      opts,
      family,
      {
        bookmarkLevel: 2,
        // an em dash, not a middle dot: beside Arabic-Indic digits "·" reads as the zero "٠"
        head: { start: lesson.title, end: `${course.title} — ${EDITION_LABELS[edition]}` },
        lessonBookmark: { title: lesson.title, level: 1 },
      },
      diagnostics,
    ),
  );

  // Every lesson starts on a new page, so the lessons paginate the same
  // wherever they start: paginate them once, and only the contents again. The
  // contents' page numbers depend on how many pages the contents take, which
  // the entries fix (one line each, numbers in a column of fixed width): lay
  // them out with placeholder numbers, then with the numbers found, until the
  // contents keep their length (they do after one pass with our templates).
  const paper = course.options.paper;
  const coverPages = paginateSections([{ items: cover.items, newPage: true, decorated: false }], paper).pages;
  const lessons = paginateSections(lessonSections, paper);
  const contentsPages = (entries: ContentsEntry[]) =>
    paginateSections([{ items: flowOf(opts.templates.render('contents', { entries, labels: LABELS }), family, course, 1).items, head: { start: course.title, end: EDITION_LABELS[edition] }, newPage: true }], paper).pages;
  const wide = formatNumber(888, digits);
  let entries: ContentsEntry[] = course.lessons.map((l, i) => ({
    title: l.title,
    page: wide,
    sections: lessonSections[i].items.flatMap((it) => (it.bookmark?.level === 2 ? [{ title: it.bookmark.title, page: wide }] : [])),
  }));
  let contents = contentsPages(entries);
  for (let pass = 0; pass < 4; pass++) {
    const found = contentsFrom(lessons.pages, coverPages.length + contents.length, course);
    if (JSON.stringify(found) === JSON.stringify(entries)) break;
    entries = found;
    contents = contentsPages(entries);
  }
  const offset = coverPages.length + contents.length;
  const result = { pages: [...coverPages, ...contents, ...lessons.pages], starts: lessons.starts.map((s) => s + offset) };
  const bytes = await writePdf(
    withFooters(result.pages, digits),
    { title: course.title, subject: course.subtitle, author: course.author, paper: course.options.paper },
    family,
  );
  return { bytes, pages: result.pages.length, diagnostics, lessonStarts: result.starts };
}
