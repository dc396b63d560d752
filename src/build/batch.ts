// A batch build: resolve every file given (in this thread: it is quick and
// reports input mistakes at once), turn each into render jobs (one per PDF),
// run the jobs on an executor (worker threads or this thread), and write each
// file's PDFs once all of them rendered without error. One failing file never
// stops the others; nothing is written for it.
import fs from 'node:fs';
import path from 'node:path';
import { errorAt, formatDiagnostic, localized, UserError, warningAt, type Diagnostic } from '../workspace/diagnostics.js';
import { resolveFile } from '../workspace/index.js';
import type { BuildOptions, Edition, OutputFormat, ResolvedCourse, ResolvedLesson } from '../workspace/model.js';
import { lessonVersion, VERSIONS, type Version } from '../workspace/shuffle.js';
import { commitGroup } from '../pdf/output.js';
import { LockError } from '../pdf/lock.js';
import { scopeOf } from '../workspace/load.js';
import { jobWeight, type RenderJob } from './job.js';
import type { Executor } from './pool.js';
import type { Progress } from './progress.js';

export interface BuildFlags {
  out?: string;
  /** undefined: the `editions:` option (default student and teacher) */
  edition?: 'student' | 'teacher' | 'both' | 'key' | 'all';
  /** undefined: the `formats:` option (default pdf) */
  format?: OutputFormat[];
  paper?: string;
  digits?: string;
  font?: string;
  seed?: number;
  templates?: string;
  split?: boolean;
  json?: boolean;
  quiet?: boolean;
  watch?: boolean;
  /** the folder every file read must lie in (default: the current folder, or the folder of a file built from elsewhere) */
  root?: string;
  /** read files outside the root too */
  allowOutside?: boolean;
}

export interface BuiltOutput {
  path: string;
  edition: Edition;
  pages: number;
  bytes: number;
}

export interface BuiltFile {
  /** absolute path of the lesson or course file */
  file: string;
  outputs: BuiltOutput[];
  diagnostics: Diagnostic[];
  /** every file the build read (the file itself, its article, banks, parents, lessons) */
  deps: string[];
  /** a bug in hiwar (not the user's mistake) stopped this file */
  internal?: boolean;
}

export function cliOptions(flags: BuildFlags): Partial<BuildOptions> {
  const o: Partial<BuildOptions> = {};
  if (flags.paper) o.paper = flags.paper as BuildOptions['paper'];
  if (flags.digits) o.digits = flags.digits as BuildOptions['digits'];
  if (flags.font) o.font = flags.font as BuildOptions['font'];
  if (flags.seed !== undefined) o.seed = flags.seed;
  if (flags.format?.length) o.formats = [...new Set(flags.format)];
  return o;
}

/** The editions to build: --edition, else the file's `editions:` option, else student and teacher. */
export function editionsOf(flags: BuildFlags, fromOptions: readonly Edition[] = ['student', 'teacher']): Edition[] {
  switch (flags.edition) {
    case 'student':
    case 'teacher':
    case 'key':
      return [flags.edition];
    case 'both':
      return ['student', 'teacher'];
    case 'all':
      return ['student', 'teacher', 'key'];
    default:
      return [...new Set(fromOptions)];
  }
}

/**
 * The outputs of one lesson or course in one edition, as names without the
 * format's extension: with `shuffle`, the student edition and the key come as
 * versions A and B (`<id>-student-A`, `<id>-key-B`); the teacher edition
 * prints the options as written.
 */
function versionsOf<T>(id: string, edition: Edition, shuffle: boolean, target: T, version: (t: T, v: Version) => T): { name: string; target: T }[] {
  if (!shuffle || edition === 'teacher') return [{ name: `${id}-${edition}`, target }];
  return VERSIONS.map((v) => ({ name: `${id}-${edition}-${v}`, target: version(target, v) }));
}

const courseVersion = (c: ResolvedCourse, v: Version): ResolvedCourse => ({ ...c, lessons: c.lessons.map((l) => lessonVersion(l, v)) });

export function templatesDirOf(flags: BuildFlags, cwd: string): string | undefined {
  return flags.templates ? path.resolve(cwd, flags.templates) : undefined;
}

/** A file resolved and turned into jobs (or into the problems that stop it). */
export interface PlannedFile {
  result: BuiltFile;
  jobs: { job: RenderJob; target: string }[];
}

/** Resolve one file and list the PDFs it makes. */
export async function planFile(file: string, flags: BuildFlags, cwd: string, { templatesVersion = 0, cache = false } = {}): Promise<PlannedFile> {
  const abs = path.resolve(cwd, file);
  const result: BuiltFile = { file: abs, outputs: [], diagnostics: [], deps: [abs] };
  const jobs: PlannedFile['jobs'] = [];
  let resolved;
  try {
    resolved = await resolveFile(abs, cliOptions(flags), scopeOf(abs, flags, cwd));
  } catch (err) {
    if (err instanceof UserError) {
      result.diagnostics.push(...err.diagnostics);
      return { result, jobs };
    }
    throw err;
  }
  if (resolved.deps.length) result.deps = [...new Set([abs, ...resolved.deps])];
  if (!resolved.ok) {
    result.diagnostics.push(...resolved.diagnostics);
    return { result, jobs };
  }
  result.diagnostics.push(...resolved.warnings);
  const outDir = path.resolve(cwd, flags.out ?? 'out');
  const templates = templatesDirOf(flags, cwd);
  const options = resolved.kind === 'lesson' ? resolved.lesson.options : resolved.course.options;
  // one output per format: `<id>-<edition>.pdf`, `.docx`, `.html`
  const add = (base: string, edition: Edition, target: RenderJob['target']) => {
    for (const format of options.formats) {
      const name = `${base}.${format}`;
      jobs.push({ job: { name, edition, format, target, templates, templatesVersion, ...(cache ? { cache } : {}), ...(flags.allowOutside ? { allowOutside: true } : {}) }, target: path.join(outDir, name) });
    }
  };
  const addLesson = (lesson: ResolvedLesson, edition: Edition) => {
    for (const v of versionsOf(lesson.id, edition, lesson.options.shuffle, lesson, lessonVersion)) add(v.name, edition, { kind: 'lesson', lesson: v.target });
  };
  for (const edition of editionsOf(flags, options.editions)) {
    if (resolved.kind === 'lesson') {
      addLesson(resolved.lesson, edition);
    } else {
      const course = resolved.course;
      for (const v of versionsOf(course.id, edition, course.options.shuffle, course, courseVersion)) add(v.name, edition, { kind: 'course', course: v.target });
      if (flags.split) for (const lesson of course.lessons) addLesson(lesson, edition);
    }
  }
  return { result, jobs };
}

/**
 * Two files of one batch may name the same PDF (a lesson given on its own and
 * again inside a course built with --split). Build it once: equal jobs are
 * merged; if they differ (the course's options differ from the lesson's), the
 * lesson's own build wins and the course gets a warning.
 */
function dedupe(planned: PlannedFile[], cwd: string): void {
  const owner = new Map<string, { file: number; job: RenderJob; key: string }>();
  const sourceOf = (t: RenderJob['target']) => (t.kind === 'lesson' ? t.lesson.path : t.course.path);
  planned.forEach((p, i) => {
    p.jobs = p.jobs.filter(({ job, target }) => {
      const key = JSON.stringify([job.edition, job.format, job.target]);
      const prev = owner.get(target);
      if (!prev) {
        owner.set(target, { file: i, job, key });
        return true;
      }
      if (prev.key === key) return false;
      // two different lessons (or a course and a lesson) with one id: neither may overwrite the other's PDF
      if (sourceOf(prev.job.target) !== sourceOf(job.target)) {
        const rel = (f: string) => path.relative(cwd, f) || f;
        p.result.diagnostics.push(
          errorAt(p.result.file, 0, 0, 'batch.same-output', { pdf: path.basename(target), first: rel(sourceOf(prev.job.target)), second: rel(sourceOf(job.target)) }),
        );
        return false;
      }
      const prevIsSplit = prev.job.target.kind === 'lesson' && planned[prev.file].jobs.some((j) => j.job.target.kind === 'course');
      const thisIsSplit = job.target.kind === 'lesson' && p.jobs.some((j) => j.job.target.kind === 'course');
      if (prevIsSplit && !thisIsSplit) {
        planned[prev.file].jobs = planned[prev.file].jobs.filter((j) => j.target !== target);
        planned[prev.file].result.diagnostics.push(
          warningAt(planned[prev.file].result.file, 0, 0, 'batch.split-overridden', { pdf: path.basename(target), other: p.result.file }),
        );
        owner.set(target, { file: i, job, key });
        return true;
      }
      p.result.diagnostics.push(
        warningAt(p.result.file, 0, 0, 'batch.built-elsewhere', { pdf: path.basename(target), other: planned[prev.file].result.file }),
      );
      return false;
    });
  });
}

export interface BatchOptions {
  flags: BuildFlags;
  cwd: string;
  executor: Executor;
  progress?: Progress;
  templatesVersion?: number;
  /** keep laid-out lessons in each thread for the next build (watch mode) */
  cache?: boolean;
  /** called when a file is resolved and its jobs are known (before they run) */
  onPlanned?: (planned: PlannedFile[]) => void;
  /** aborted: nothing more is written (a file whose PDFs are already in place stays built) */
  signal?: AbortSignal;
}

function dedupeDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = formatDiagnostic(d, '/');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Resolve, render and write `files`; one result per file, in the order given. */
export async function buildBatch(files: string[], opts: BatchOptions): Promise<BuiltFile[]> {
  const { flags, cwd, executor, progress } = opts;
  progress?.start(files.length);
  // Resolve everything first (this thread; the workers start meanwhile), then
  // start the heaviest jobs first so the batch ends as early as it can.
  const planned: PlannedFile[] = [];
  for (const f of files) planned.push(await planFile(f, flags, cwd, { templatesVersion: opts.templatesVersion, cache: opts.cache }));
  dedupe(planned, cwd);
  opts.onPlanned?.(planned);
  progress?.addJobs(planned.reduce((s, p) => s + p.jobs.length, 0));
  executor.plan?.(planned.flatMap((p) => p.jobs.map((j) => j.job)));

  const order = planned
    .flatMap((p, fi) => p.jobs.map((j, ji) => ({ fi, ji, weight: jobWeight(j.job) })))
    .sort((a, b) => b.weight - a.weight || a.fi - b.fi || a.ji - b.ji);
  const pending = planned.map((p) => p.jobs.map(() => undefined as undefined | ReturnType<Executor['run']>));
  for (const { fi, ji } of order) {
    pending[fi][ji] = executor.run(planned[fi].jobs[ji].job).then((r) => {
      progress?.jobDone(r.pages);
      return r;
    });
  }

  const finishFile = async (p: PlannedFile, fi: number): Promise<BuiltFile> => {
    const result = p.result;
    const settled = await Promise.allSettled(pending[fi].map((x) => x!));
    const rendered: { target: string; edition: Edition; bytes: Uint8Array; pages: number }[] = [];
    settled.forEach((s, ji) => {
      const { job, target } = p.jobs[ji];
      if (s.status === 'fulfilled') {
        result.diagnostics.push(...s.value.diagnostics);
        rendered.push({ target, edition: job.edition, bytes: s.value.bytes, pages: s.value.pages });
      } else {
        result.internal = true;
        const reason = s.reason as Error;
        result.diagnostics.push(errorAt(result.file, 0, 0, 'batch.internal-render', { name: job.name, detail: reason?.message ?? String(reason) }));
        if (process.env.HIWAR_DEBUG && reason?.stack) result.diagnostics.push(errorAt(result.file, 0, 0, 'core.debug-stack', { stack: reason.stack }));
      }
    });
    result.diagnostics = dedupeDiagnostics(result.diagnostics);
    if (!result.diagnostics.some((d) => d.severity === 'error') && rendered.length) {
      try {
        await fs.promises.mkdir(path.dirname(rendered[0].target), { recursive: true });
        // Every PDF of the file rendered: only now is anything written, and all of them or none.
        const committed = await commitGroup(
          rendered.map((r) => ({ target: r.target, data: r.bytes })),
          { signal: opts.signal },
        );
        if (committed) for (const r of rendered) result.outputs.push({ path: r.target, edition: r.edition, pages: r.pages, bytes: r.bytes.byteLength });
      } catch (err) {
        if (err instanceof LockError) {
          result.diagnostics.push(errorAt(err.dir, 0, 0, 'build.locked', { pid: err.pid, seconds: Math.round(err.waitedMs / 100) / 10, lock: err.lock }));
        } else {
          const e = err as NodeJS.ErrnoException;
          if (typeof e?.code !== 'string') throw err;
          result.diagnostics.push(errorAt(e.path ?? result.file, 0, 0, 'batch.cannot-write', { code: e.code, detail: e.message.split(',')[0] }));
        }
      }
    }
    if (progress) {
      progress.problems(result.diagnostics, Boolean(flags.quiet));
      for (const o of result.outputs) progress.wrote(o.path, o.pages);
      progress.fileDone();
    }
    return result;
  };

  const results = await Promise.all(planned.map((p, fi) => finishFile(p, fi)));
  progress?.finish();
  return results;
}

export interface Summary {
  files: number;
  editions: number;
  pages: number;
  bytes: number;
  seconds: number;
  errors: number;
  warnings: number;
  /** worker threads used (0: built in this thread) */
  workers: number;
  outputs: { path: string; edition: string; pages: number; bytes: number }[];
  failed: string[];
  /** each problem with its catalogue code, its English text, and its Arabic twin (`message_ar`, `hint_ar`) */
  diagnostics: { file: string; line: number; col: number; severity: string; code: string; message: string; hint?: string; message_ar: string; hint_ar?: string }[];
}

export function summarize(results: BuiltFile[], seconds: number, executor: Executor, cwd: string): Summary {
  const rel = (p: string) => path.relative(cwd, p) || p;
  const outputs = results.flatMap((r) => r.outputs);
  const diags = results.flatMap((r) => r.diagnostics);
  return {
    files: results.length,
    // editions, not files: a lesson's student edition as PDF and Word is one edition
    editions: results.reduce((n, r) => n + new Set(r.outputs.map((o) => o.edition)).size, 0),
    pages: outputs.reduce((s, o) => s + o.pages, 0),
    bytes: outputs.reduce((s, o) => s + o.bytes, 0),
    seconds: Math.round(seconds * 1000) / 1000,
    errors: diags.filter((d) => d.severity === 'error').length,
    warnings: diags.filter((d) => d.severity === 'warning').length,
    workers: executor.kind === 'workers' ? executor.size : 0,
    outputs: outputs.map((o) => ({ ...o, path: rel(o.path) })),
    failed: results.filter((r) => r.diagnostics.some((d) => d.severity === 'error')).map((r) => rel(r.file)),
    diagnostics: diags.map((d) => {
      const ar = localized(d, 'ar');
      return { file: rel(d.file), line: d.line, col: d.col, severity: d.severity, code: d.code, message: d.message, ...(d.hint ? { hint: d.hint } : {}), message_ar: ar.message, ...(ar.hint ? { hint_ar: ar.hint } : {}) };
    }),
  };
}

/** Exit code of a batch: 0 all good, 1 a problem in the user's files, 3 a bug of ours. */
export function exitCodeOf(results: BuiltFile[]): number {
  if (results.some((r) => r.internal)) return 3;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
