// Resolve a lesson or course file into the model the renderer reads: articles loaded, refs
// resolved, bank questions fetched, picks made, overlays applied, options settled.
import path from 'node:path';
import { diagnostic, errorAt, UserError, type Diagnostic } from './diagnostics.js';
import { msg } from '../i18n/catalogue.js';
import type { Article } from './article.js';
import { Ctx, detectKind, loadArticle, loadYaml, resolvePath, scopeOf, type ReadScope, type RefFrom } from './load.js';
import type { BuildOptions, Justify, ResolvedCourse, ResolvedLesson, ResolvedPassage } from './model.js';
import { checkDuplicateIds, layerQuestions, reportDroppedRefs, type QEntry } from './questions.js';
import { formatRef, parseRef, resolveAnchor, resolveRef } from './refs.js';
import { courseSchema, isBad, isBroken, LESSON_REQUIRED, lessonSchema, validate, type CourseSpec, type LessonSpec, type OptionsSpec, type PassageEditSpec, type PassageSpec, type Validation } from './schema.js';
import { diagAt, positionOf, type Path, type YamlFile } from './yaml.js';
import { codes, didYouMean, suggestion } from './suggest.js';
import { foldQuery } from './arabic.js';
import { printableCourse, printableLesson } from './printable.js';
import { checkQr, resolveFigures } from './figures.js';

export const DEFAULT_OPTIONS: BuildOptions = { paper: 'A4', digits: 'arabic', seed: 1, font: 'amiri', justify: 'kashida', editions: ['student', 'teacher'], formats: ['pdf'], nameLine: true, qr: false, shuffle: false };

export type ResolveResult =
  | { ok: true; kind: 'lesson'; lesson: ResolvedLesson; deps: string[]; warnings: Diagnostic[] }
  | { ok: true; kind: 'course'; course: ResolvedCourse; deps: string[]; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[]; deps: string[] };

/** One file of an `extends` chain. */
export interface Layer {
  file: YamlFile;
  v: Validation<LessonSpec>;
  parent: Layer | null;
  /** `extends:` is written (even if the parent could not be loaded) */
  hasExtends: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Resolve a lesson or course (told apart by content: a course has `lessons:`).
 * `cli` options override the course's, which override the lesson's, which override the defaults.
 * Never throws for a user mistake: problems come back as diagnostics.
 */
export async function resolveFile(file: string, cli: Partial<BuildOptions> = {}, scope?: ReadScope): Promise<ResolveResult> {
  const ctx = new Ctx();
  const abs = path.resolve(file);
  // reads stay inside the file's own folder unless the caller says otherwise
  ctx.scope = scope ?? scopeOf(abs);
  try {
    const r = await resolveIn(ctx, abs, cli);
    if (r && !ctx.hasErrors()) {
      const deps = [...ctx.deps];
      return r.kind === 'lesson' ? { ok: true, kind: 'lesson', lesson: r.lesson, deps, warnings: ctx.warnings } : { ok: true, kind: 'course', course: r.course, deps, warnings: ctx.warnings };
    }
  } catch (e) {
    if (e instanceof UserError) ctx.add(e.diagnostics);
    else throw e;
  }
  if (!ctx.hasErrors()) ctx.add(errorAt(abs, 0, 0, 'resolve.unresolved'));
  return { ok: false, diagnostics: ctx.diagnostics, deps: [...ctx.deps] };
}

type Inner = { kind: 'lesson'; lesson: ResolvedLesson } | { kind: 'course'; course: ResolvedCourse } | null;

/** Resolve in an existing context (used by `check`, which shares one context across files). */
export async function resolveIn(ctx: Ctx, abs: string, cli: Partial<BuildOptions>): Promise<Inner> {
  if (abs.toLowerCase().endsWith('.md')) {
    const a = await loadArticle(ctx, abs);
    if (a) ctx.add(errorAt(abs, 0, 0, 'resolve.is-article', { file: path.basename(abs) }));
    return null;
  }
  const f = await loadYaml(ctx, abs, 'file');
  if (!f) return null;
  const kind = detectKind(f.value);
  if (kind === 'bank') {
    ctx.add(errorAt(abs, 0, 0, 'resolve.is-bank'));
    return null;
  }
  if (kind === 'course') {
    const course = await resolveCourse(ctx, f, cli);
    return course ? { kind: 'course', course } : null;
  }
  const lesson = await resolveLesson(ctx, abs, {}, cli);
  return lesson ? { kind: 'lesson', lesson } : null;
}

// ---------------------------------------------------------------- lessons and overlays

async function loadLayer(ctx: Ctx, abs: string, chain: string[], from?: RefFrom): Promise<Layer | null> {
  const f = await loadYaml(ctx, abs, 'lesson', from);
  if (!f) return null;
  const kind = detectKind(f.value);
  if (kind !== 'lesson' && from) {
    ctx.add(diagAt(from.file, from.path, kind === 'bank' ? 'resolve.bank-not-lesson' : 'resolve.course-not-lesson', { path: from.written }));
    return null;
  }
  const v = validate(lessonSchema, f, 'lesson');
  ctx.add(v.diagnostics);
  const data = v.data as LessonSpec;
  const ext = isObj(data) ? data.extends : undefined;
  const layer: Layer = { file: f, v, parent: null, hasExtends: ext !== undefined };
  if (typeof ext === 'string' && !isBroken(v.bad, ['extends'])) {
    const parentAbs = resolvePath(abs, ext);
    const loop = [...chain, abs];
    if (loop.includes(parentAbs)) {
      const start = loop.indexOf(parentAbs);
      const base = path.dirname(loop[0]);
      const names = [...loop.slice(start), parentAbs].map((p) => path.relative(base, p) || path.basename(p));
      ctx.add(diagAt(f, ['extends'], 'resolve.extends-cycle', { cycle: names.join(' → ') }));
    } else {
      layer.parent = await loadLayer(ctx, parentAbs, loop, { file: f, path: ['extends'], written: ext });
    }
  }
  return layer;
}

/** The nearest layer that writes `key`, or 'bad' when that value failed validation. */
function field<K extends keyof LessonSpec>(layer: Layer | null, key: K): { layer: Layer; value: NonNullable<LessonSpec[K]> } | 'bad' | undefined {
  for (let l = layer; l; l = l.parent) {
    const d = l.v.data as Record<string, unknown>;
    if (!isObj(d) || !(key in d)) continue;
    if (isBroken(l.v.bad, [key as string])) return 'bad';
    return { layer: l, value: d[key as string] as NonNullable<LessonSpec[K]> };
  }
  return undefined;
}

/** Some file of the chain writes `extends:` but its parent could not be loaded (or loops). */
function chainBroken(layer: Layer | null): boolean {
  for (let l = layer; l; l = l.parent) if (l.hasExtends && !l.parent) return true;
  return false;
}

/** Maps (`options`, `teacher`) merge key by key down the chain; the child's keys win. */
function mergedMap<K extends 'options' | 'teacher'>(layer: Layer | null, key: K): Partial<NonNullable<LessonSpec[K]>> {
  const chain: Layer[] = [];
  for (let l = layer; l; l = l.parent) chain.unshift(l);
  const out: Record<string, unknown> = {};
  for (const l of chain) {
    const d = l.v.data as Record<string, unknown>;
    const m = isObj(d) ? d[key] : undefined;
    if (!isObj(m)) continue;
    for (const [k, v] of Object.entries(m)) if (!isBad(l.v.bad, [key, k])) out[k] = v;
  }
  return out as Partial<NonNullable<LessonSpec[K]>>;
}

/** Option names as written in files (`name_line`) for the model's names (`nameLine`). */
const WRITTEN: { [K in keyof BuildOptions]: keyof OptionsSpec } = { paper: 'paper', digits: 'digits', seed: 'seed', font: 'font', justify: 'justify', editions: 'editions', formats: 'formats', nameLine: 'name_line', qr: 'qr', shuffle: 'shuffle' };

function settleOptions(lesson: Partial<OptionsSpec>, course: Partial<OptionsSpec>, cli: Partial<BuildOptions>): BuildOptions {
  const pick = <K extends keyof BuildOptions>(k: K): BuildOptions[K] => (cli[k] ?? course[WRITTEN[k]] ?? lesson[WRITTEN[k]] ?? DEFAULT_OPTIONS[k]) as BuildOptions[K];
  return {
    paper: pick('paper'),
    digits: pick('digits'),
    seed: pick('seed'),
    font: pick('font'),
    // kashida suits Amiri, whose tatweel joins every letter cleanly; other fonts justify with spaces unless asked
    justify: (cli.justify ?? course.justify ?? lesson.justify ?? (pick('font') === 'amiri' ? 'kashida' : 'spaces')) as Justify,
    editions: pick('editions'),
    formats: pick('formats'),
    nameLine: pick('nameLine'),
    qr: pick('qr'),
    shuffle: pick('shuffle'),
  };
}

/** Resolve one lesson; `courseOptions` are the course's (when built inside one). */
export async function resolveLesson(ctx: Ctx, abs: string, courseOptions: Partial<OptionsSpec>, cli: Partial<BuildOptions>, from?: RefFrom): Promise<ResolvedLesson | null> {
  const errorsBefore = ctx.errors.length;
  const root = await loadLayer(ctx, abs, [], from);
  if (!root) return null;
  const rootData = root.v.data as Record<string, unknown>;
  if (!isObj(rootData)) return null;

  // required fields, directly or inherited (unless the chain is broken: they may be in the missing parent,
  // or the field is there under a misspelt name that was already reported)
  const broken = chainBroken(root);
  const rootKeys = Object.keys(rootData);
  for (const key of LESSON_REQUIRED) {
    if (broken || rootKeys.some((k) => k !== key && !(k in lessonSchema.shape) && didYouMean(k, [key]))) continue;
    if (field(root, key) === undefined) {
      const inherited = root.hasExtends ? msg('resolve.not-inherited') : '';
      ctx.add(diagAt(root.file, [], 'resolve.lesson-lacks', { field: key, inherited }, msg(`resolve.add-${key}`)));
    }
  }
  const options = settleOptions(mergedMap(root, 'options') as Partial<OptionsSpec>, courseOptions, cli);

  // the article
  let article: Article | null = null;
  const art = field(root, 'article');
  if (art && art !== 'bad') {
    article = await loadArticle(ctx, resolvePath(art.layer.file.path, art.value), { file: art.layer.file, path: ['article'], written: art.value });
  }

  // passages (a list, or an overlay's edit of the inherited ones)
  const passages = layerPassages(ctx, root, article).map((e) => e.passage);

  // questions
  const lc = { ctx, article, seed: options.seed };
  const qlist = await layerQuestions(lc, root);
  checkDuplicateIds(ctx, qlist);
  reportDroppedRefs(lc);
  warnUnprintedRefs(ctx, qlist, passages);

  // figures, placed after a printed passage or a question
  const fs = field(root, 'figures');
  const figs = fs && fs !== 'bad' ? resolveFigures(ctx, fs.layer.file, fs.value, passages, qlist.map((e) => e.q)) : [];
  if (options.qr && article) checkQr(ctx, root, article);

  // no article and no new error: it could not be read, which was said where a lesson before this one named it
  if (ctx.errors.length > errorsBefore || !article) return null;
  const get = <K extends keyof LessonSpec>(k: K): NonNullable<LessonSpec[K]> | undefined => {
    const r = field(root, k);
    return r && r !== 'bad' ? r.value : undefined;
  };
  const teacher = mergedMap(root, 'teacher');
  const lesson: ResolvedLesson = {
    id: rootData.id as string,
    title: get('title')!,
    path: abs,
    article: {
      id: article.id,
      title: article.title,
      path: article.path,
      ...(article.source ? { source: article.source } : {}),
      ...(article.url ? { url: article.url } : {}),
      ...(article.date ? { date: article.date } : {}),
      ...(article.author ? { author: article.author } : {}),
      errata: article.errata,
    },
    objectives: get('objectives') ?? [],
    passages,
    glossary: (get('glossary') ?? []).map((g) => ({ term: g.term, definition: g.definition })),
    questions: qlist.map((e) => e.q),
    figures: figs,
    activities: (get('activities') ?? []).map((a) => ({ title: a.title, ...(a.minutes !== undefined ? { minutes: a.minutes } : {}), steps: a.steps ?? [] })),
    teacher: { ...(teacher.facilitation ? { facilitation: teacher.facilitation } : {}), groundRules: teacher.ground_rules ?? [] },
    options,
  };
  const audience = get('audience');
  if (audience) lesson.audience = audience;
  const duration = get('duration');
  if (duration !== undefined) lesson.duration = duration;
  const note = get('content_note');
  if (note) lesson.contentNote = note;
  // every printed character drawable by the font, every field bidi-isolated (src/workspace/printable.ts)
  return printableLesson(ctx, lesson, article);
}


function resolvePassage(ctx: Ctx, file: YamlFile, entry: Path, p: PassageSpec, article: Article | null): ResolvedPassage | null {
  const at = [...entry, 'ref'];
  let paragraphs: ResolvedPassage['paragraphs'] | null = null;
  let ref: string;
  if (typeof p.ref === 'string') {
    const pr = parseRef(p.ref);
    if (!pr.ok) {
      ctx.add(diagAt(file, at, pr.code, pr.params, pr.hintRef));
      return null;
    }
    ref = formatRef(pr.ref);
    if (!article) return null;
    const r = resolveRef(article, pr.ref);
    if (!r.ok) {
      ctx.add(diagAt(file, at, r.code, r.params, r.hintRef));
      return null;
    }
    paragraphs = r.paragraphs;
  } else {
    ref = formatRef({ type: 'anchor', from: p.ref.from, to: p.ref.to });
    if (!article) return null;
    const r = resolveAnchor(article, p.ref.from, p.ref.to);
    if (!r.ok) {
      ctx.add(diagAt(file, r.field ? [...at, r.field] : at, r.code, r.params, r.hintRef));
      return null;
    }
    paragraphs = r.paragraphs;
  }
  const out: ResolvedPassage = { ref, paragraphs };
  if (p.heading) out.heading = p.heading;
  if (p.teacher_note) out.teacherNote = p.teacher_note;
  return out;
}

/** A question that refers to a paragraph the handout does not print: a warning (students cannot read it). */
function warnUnprintedRefs(ctx: Ctx, qlist: QEntry[], passages: ResolvedPassage[]): void {
  if (passages.length === 0) return;
  const printed = new Set(passages.flatMap((p) => p.paragraphs.map((x) => x.number)));
  const shownPrinted = ranges([...printed].sort((a, b) => a - b));
  for (const e of qlist) {
    const missing: string[] = [];
    for (const r of e.q.refs) {
      const p = parseRef(r);
      if (!p.ok || p.ref.type === 'anchor') continue;
      const [a, b] = p.ref.type === 'paragraphs' ? [p.ref.from, p.ref.to] : [p.ref.paragraph, p.ref.paragraph];
      for (let n = a; n <= b; n++) if (!printed.has(n)) {
        missing.push(r);
        break;
      }
    }
    if (!missing.length) continue;
    const pos = positionOf(e.file, e.refsPath ?? e.path);
    ctx.warn(diagnostic('warning', e.file.path, pos.line, pos.col, 'authoring.ref-not-printed', { id: e.q.id, refs: missing.join(', '), printed: shownPrinted }));
  }
}

/** [1,2,3,5] -> "p1-p3, p5" */
function ranges(ns: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j] + 1) j++;
    out.push(i === j ? `p${ns[i]}` : `p${ns[i]}-p${ns[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/** A resolved passage with where it was written (for overlay edits). */
interface PEntry {
  passage: ResolvedPassage;
  spec: PassageSpec;
}

/** Does a `drop`/`order` entry name this passage? By its ref (any spelling), its `from` words, or its heading. */
function namesPassage(written: string, e: PEntry): boolean {
  const w = parseRef(written);
  if (typeof e.spec.ref === 'string') {
    const own = parseRef(e.spec.ref);
    if (w.ok && own.ok) return formatRef(w.ref) === formatRef(own.ref);
    return written.trim() === e.spec.ref.trim();
  }
  const t = foldQuery(written);
  return t !== '' && (t === foldQuery(e.spec.ref.from) || (e.spec.heading !== undefined && t === foldQuery(e.spec.heading)));
}

function passageName(e: PEntry): string {
  return typeof e.spec.ref === 'string' ? e.spec.ref : e.passage.ref;
}

/** The passages of a lesson layer, its overlays' `drop`/`add`/`order` applied (teacher notes travel with them). */
export function layerPassages(ctx: Ctx, layer: Layer, article: Article | null): PEntry[] {
  const data = layer.v.data as Record<string, unknown>;
  const value = isObj(data) ? data.passages : undefined;
  if (value === undefined) return layer.parent ? layerPassages(ctx, layer.parent, article) : [];
  if (isBroken(layer.v.bad, ['passages'])) return [];
  const file = layer.file;
  const list = (items: PassageSpec[], base: Path): PEntry[] => {
    const out: PEntry[] = [];
    items.forEach((p, i) => {
      if (isBad(layer.v.bad, [...base, i, 'ref'])) return;
      const rp = resolvePassage(ctx, file, [...base, i], p, article);
      if (rp) out.push({ passage: rp, spec: p });
    });
    return out;
  };
  if (Array.isArray(value)) return list(value as PassageSpec[], ['passages']);
  if (!isObj(value)) return [];
  if (!layer.parent) {
    if (!layer.hasExtends) ctx.add(diagnostic('error', file.path, ...at(file, ['passages']), 'authoring.passage-edit-needs-extends'));
    return [];
  }
  const edit = value as PassageEditSpec;
  let out = layerPassages(ctx, layer.parent, article);
  const inherited = out.map(passageName);
  if (edit.drop && !isBroken(layer.v.bad, ['passages', 'drop'])) {
    const dropped = new Set<PEntry>();
    edit.drop.forEach((w, k) => {
      const hit = out.filter((e) => namesPassage(w, e));
      if (hit.length === 0) {
        const dym = suggestion(w, inherited);
        ctx.add(diagnostic('error', file.path, ...at(file, ['passages', 'drop', k]), 'authoring.passage-drop-unknown', { ref: w, list: codes(inherited, 30) }, dym));
      }
      for (const e of hit) dropped.add(e);
    });
    out = out.filter((e) => !dropped.has(e));
  }
  if (edit.add && !isBroken(layer.v.bad, ['passages', 'add'])) out = [...out, ...list(edit.add, ['passages', 'add'])];
  if (edit.order && !isBroken(layer.v.bad, ['passages', 'order'])) {
    const first: PEntry[] = [];
    const names = out.map(passageName);
    edit.order.forEach((w, k) => {
      const hit = out.filter((e) => namesPassage(w, e) && !first.includes(e));
      if (hit.length === 0 && !first.some((e) => namesPassage(w, e))) {
        const dym = suggestion(w, names);
        ctx.add(diagnostic('error', file.path, ...at(file, ['passages', 'order', k]), 'authoring.passage-order-unknown', { ref: w, list: codes(names, 30) }, dym));
      }
      first.push(...hit);
    });
    out = [...first, ...out.filter((e) => !first.includes(e))];
  }
  return out;
}

/** LINE and COL of a node, for `diagnostic()`. */
function at(file: YamlFile, p: Path): [number, number] {
  const pos = positionOf(file, p);
  return [pos.line, pos.col];
}

// ---------------------------------------------------------------- courses

/** At the lesson's `id:` line (every lesson states its own id), else at the course's entry. */
function sameIdAsCourse(ctx: Ctx, lesson: ResolvedLesson, course: YamlFile, entry: Path): Diagnostic {
  const file = ctx.yamlCache.get(lesson.path);
  const [f, at] = file && isObj(file.value) && file.value.id === lesson.id ? [file, ['id']] : [course, entry];
  const p = positionOf(f, at);
  return errorAt(f.path, p.line, p.col, 'errors.course-lesson-same-id', { id: lesson.id });
}

async function resolveCourse(ctx: Ctx, f: YamlFile, cli: Partial<BuildOptions>): Promise<ResolvedCourse | null> {
  const v = validate(courseSchema, f, 'course');
  ctx.add(v.diagnostics);
  const data = v.data as CourseSpec;
  if (!isObj(data)) return null;
  const courseOptions: Partial<OptionsSpec> = {};
  if (isObj(data.options)) for (const [k, val] of Object.entries(data.options)) if (!isBad(v.bad, ['options', k])) (courseOptions as Record<string, unknown>)[k] = val;
  const lessons: ResolvedLesson[] = [];
  const seenIds = new Map<string, { index: number; path: string }>();
  if (Array.isArray(data.lessons) && !isBroken(v.bad, ['lessons'])) {
    for (let i = 0; i < data.lessons.length; i++) {
      if (isBad(v.bad, ['lessons', i])) continue;
      const written = data.lessons[i];
      const abs = resolvePath(f.path, written);
      const l = await resolveLesson(ctx, abs, courseOptions, cli, { file: f, path: ['lessons', i], written });
      if (!l) continue;
      if (l.id === data.id) {
        // the course's PDFs and the lesson's (--split) would have the same names
        ctx.add(sameIdAsCourse(ctx, l, f, ['lessons', i]));
        continue;
      }
      const prev = seenIds.get(l.id);
      if (prev && prev.path === l.path) {
        // the same file twice: almost surely a slip; the pack prints it once
        ctx.warn(diagAt(f, ['lessons', i], 'resolve.lesson-twice', { path: written, n: prev.index + 1 }));
        continue;
      }
      if (prev) {
        // two files, one id: their PDFs would have the same name
        ctx.add(diagAt(f, ['lessons', i], 'resolve.lesson-ids-clash', { id: l.id, path: written, n: prev.index + 1, other: path.relative(path.dirname(f.path), prev.path) }));
        continue;
      }
      seenIds.set(l.id, { index: i, path: l.path });
      lessons.push(l);
    }
  }
  if (ctx.hasErrors()) return null;
  const course: ResolvedCourse = {
    id: data.id,
    title: data.title,
    path: f.path,
    lessons,
    options: settleOptions({}, courseOptions, cli),
  };
  if (data.subtitle) course.subtitle = data.subtitle;
  if (data.author) course.author = data.author;
  return printableCourse(ctx, course, f);
}
