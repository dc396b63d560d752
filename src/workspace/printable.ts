// What a resolved lesson prints, checked against its font before anything is
// rendered: a character the font cannot draw is an error at the FILE:LINE:COL
// where it was typed (the lesson, a bank, the article), with its code point.
// hiwar never prints a blank box, and never leaves a character out silently.
// Then every printed field is made its own bidi-isolated paragraph.
import type { Article } from './article.js';
import { errorAt } from './diagnostics.js';
import { msg } from '../i18n/catalogue.js';
import type { Ctx } from './load.js';
import type { FontName, ResolvedCourse, ResolvedLesson } from './model.js';
import { positionInString, type YamlFile } from './yaml.js';
import { unprintable, type Unprintable } from '../safety/coverage.js';
import { loadFamily, type BundledFamily } from '../text/fonts.js';
import { describeChar, isolateStrings } from '../safety/text.js';

/** Keys of the resolved model that are not printed as text (or are ours, and plain ASCII). */
const NOT_TEXT = new Set(['id', 'path', 'ref', 'refs', 'origin', 'kind', 'level', 'options', 'number', 'partial', 'lines', 'duration', 'minutes', 'url', 'date']);

const FONT_NAMES: Record<string, string> = { amiri: 'Amiri', 'noto-naskh': 'Noto Naskh Arabic' };

interface Where {
  file: string;
  line: number;
  col: number;
}

function report(ctx: Ctx, font: FontName, u: Unprintable, where: Where): void {
  const name = FONT_NAMES[font] ?? font;
  const other = Object.keys(FONT_NAMES).find((f) => f !== font && unprintable(u.char, f).length === 0);
  const shown = /\p{L}|\p{N}|\p{P}|\p{S}/u.test(u.char) ? `"${u.char}" ` : '';
  const hint =
    u.codePoint === 0xfffd
      ? msg('printable.lost-text')
      : msg('printable.replace-char', { other: other ? msg('printable.other-font-has-it', { font: other }) : '' });
  const described = describeChar(u.codePoint);
  const what = shown ? `${shown}${described.includes('(') ? described : `(${described})`}` : described;
  ctx.add(errorAt(where.file, where.line, where.col, 'printable.cannot-draw', { font: name, what }, hint));
}

/** The font must open before its characters can be checked (a broken install is said so, not a crash). */
function fontLoads(ctx: Ctx, font: FontName, file: string): boolean {
  try {
    loadFamily(font as BundledFamily);
    return true;
  } catch (err) {
    const detail = ((err as Error)?.message ?? String(err)).split('\n')[0];
    ctx.add(errorAt(file, 0, 0, 'printable.font-not-loaded', { font: FONT_NAMES[font] ?? font, detail }));
    return false;
  }
}

/** Where character `index` of paragraph `number` was typed in the article file. */
function inArticle(article: Article, number: number, text: string, index: number): Where {
  const para = article.paragraphs[number - 1];
  const ch = String.fromCodePoint(text.codePointAt(index)!);
  if (para && article.body) {
    // the same occurrence of the character, counted from the paragraph's start
    const at = para.text.indexOf(text) >= 0 ? para.text.indexOf(text) + index : index;
    let k = 0;
    for (let i = para.text.indexOf(ch); i >= 0 && i < at; i = para.text.indexOf(ch, i + ch.length)) k++;
    const { lines, firstLine } = article.body;
    for (let li = para.line - firstLine; li < lines.length; li++) {
      let c = lines[li].indexOf(ch);
      while (c >= 0) {
        if (k === 0) return { file: article.path, line: firstLine + li, col: c + 1 };
        k--;
        c = lines[li].indexOf(ch, c + ch.length);
      }
      if (li > para.line - firstLine && lines[li].trim() === '') break;
    }
    return { file: article.path, line: para.line, col: 1 };
  }
  return { file: article.path, line: 0, col: 0 };
}

/** Where a string value was typed, among the YAML files this context read. */
function inYaml(files: YamlFile[], value: string, index: number): Where | undefined {
  for (const f of files) {
    const p = positionInString(f, value, index);
    if (p) return { file: f.path, ...p };
  }
  return undefined;
}

function yamlFiles(ctx: Ctx, article: Article | null, first: string): YamlFile[] {
  const files: YamlFile[] = [];
  for (const f of ctx.yamlCache.values()) if (f) files.push(f);
  if (article?.frontMatter) files.push(article.frontMatter);
  // the lesson's own file first: a string written in several files is reported where this lesson writes it
  files.sort((a, b) => Number(b.path === first) - Number(a.path === first));
  return files;
}

function checkStrings(ctx: Ctx, font: FontName, value: unknown, files: YamlFile[], fallback: string): void {
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const u of unprintable(v, font)) report(ctx, font, u, inYaml(files, v, u.index) ?? { file: fallback, line: 0, col: 0 });
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (!NOT_TEXT.has(k)) walk(x);
  };
  walk(value);
}

/**
 * Check everything `lesson` prints against its font (errors go to `ctx`) and
 * return the lesson with every printed field bidi-isolated. Returns null when
 * a character cannot be drawn.
 */
export function printableLesson(ctx: Ctx, lesson: ResolvedLesson, article: Article | null): ResolvedLesson | null {
  const before = ctx.errors.length;
  const font = lesson.options.font;
  if (!fontLoads(ctx, font, lesson.path)) return null;
  const files = yamlFiles(ctx, article, lesson.path);
  const { passages, article: articleInfo, ...rest } = lesson;
  checkStrings(ctx, font, rest, files, lesson.path);
  checkStrings(ctx, font, { title: articleInfo.title, source: articleInfo.source }, files, articleInfo.path);
  for (const p of passages) {
    checkStrings(ctx, font, { heading: p.heading, teacherNote: p.teacherNote }, files, lesson.path);
    for (const para of p.paragraphs) {
      for (const u of unprintable(para.text, font)) report(ctx, font, u, article ? inArticle(article, para.number, para.text, u.index) : { file: articleInfo.path, line: 0, col: 0 });
    }
  }
  if (ctx.errors.length > before) return null;
  return isolateStrings(lesson, NOT_TEXT);
}

/** The same for a course's own fields (its lessons are checked on their own). */
export function printableCourse(ctx: Ctx, course: ResolvedCourse, courseFile: YamlFile): ResolvedCourse | null {
  const before = ctx.errors.length;
  if (!fontLoads(ctx, course.options.font, course.path)) return null;
  checkStrings(ctx, course.options.font, { title: course.title, subtitle: course.subtitle, author: course.author }, [courseFile], course.path);
  if (ctx.errors.length > before) return null;
  const { lessons, ...rest } = course;
  return { ...isolateStrings(rest, NOT_TEXT), lessons };
}
