// `hiwar build FILE...`: resolve each lesson or course, render the editions
// asked for, and write each PDF atomically. One bad file never stops the others.
import fs from 'node:fs';
import path from 'node:path';
import type { IO } from './io.js';
import { formatDiagnostic, UserError, type Diagnostic } from '../workspace/diagnostics.js';
import { resolveFile } from '../workspace/index.js';
import type { BuildOptions, Edition } from '../workspace/model.js';
import { renderLesson, renderCourse, type RenderedPdf } from '../render/render.js';
import { loadTemplates } from '../render/templates.js';
import { writeFileAtomic } from '../pdf/output.js';

export interface BuildFlags {
  out?: string;
  edition?: 'student' | 'teacher' | 'both';
  paper?: string;
  digits?: string;
  seed?: number;
  templates?: string;
  split?: boolean;
  json?: boolean;
  quiet?: boolean;
  watch?: boolean;
}

export interface BuiltFile {
  file: string;
  outputs: { path: string; edition: Edition; pages: number; bytes: number }[];
  diagnostics: Diagnostic[];
  deps: string[];
}

function cliOptions(flags: BuildFlags): Partial<BuildOptions> {
  const o: Partial<BuildOptions> = {};
  if (flags.paper) o.paper = flags.paper as BuildOptions['paper'];
  if (flags.digits) o.digits = flags.digits as BuildOptions['digits'];
  if (flags.seed !== undefined) o.seed = flags.seed;
  return o;
}

function editionsOf(flags: BuildFlags): Edition[] {
  return flags.edition === 'student' ? ['student'] : flags.edition === 'teacher' ? ['teacher'] : ['student', 'teacher'];
}

/** Build one lesson or course file. Returns what was written and every problem found. */
export async function buildFile(file: string, flags: BuildFlags, cwd: string): Promise<BuiltFile> {
  const abs = path.resolve(cwd, file);
  const result: BuiltFile = { file: abs, outputs: [], diagnostics: [], deps: [abs] };
  try {
    const resolved = await resolveFile(abs, cliOptions(flags));
    result.deps = resolved.deps.length ? resolved.deps : [abs];
    if (!resolved.ok) {
      result.diagnostics.push(...resolved.diagnostics);
      return result;
    }
    result.diagnostics.push(...resolved.warnings);
    const templates = loadTemplates(flags.templates ? path.resolve(cwd, flags.templates) : undefined);
    const outDir = path.resolve(cwd, flags.out ?? 'out');
    const pdfs: { name: string; edition: Edition; render: () => Promise<RenderedPdf> }[] = [];
    for (const edition of editionsOf(flags)) {
      if (resolved.kind === 'lesson') {
        const lesson = resolved.lesson;
        pdfs.push({ name: `${lesson.id}-${edition}.pdf`, edition, render: () => renderLesson(lesson, edition, { templates }) });
      } else {
        const course = resolved.course;
        pdfs.push({ name: `${course.id}-${edition}.pdf`, edition, render: () => renderCourse(course, edition, { templates }) });
        if (flags.split) {
          for (const lesson of course.lessons) {
            pdfs.push({ name: `${lesson.id}-${edition}.pdf`, edition, render: () => renderLesson(lesson, edition, { templates }) });
          }
        }
      }
    }
    // Render everything first: a problem found while rendering (a character the
    // font lacks, a broken template) must not leave some editions written and others not.
    const rendered: { name: string; edition: Edition; pdf: RenderedPdf }[] = [];
    for (const p of pdfs) rendered.push({ name: p.name, edition: p.edition, pdf: await p.render() });
    const problems = rendered.flatMap((r) => r.pdf.diagnostics);
    const seen = new Set<string>();
    for (const d of problems) {
      const key = formatDiagnostic(d);
      if (!seen.has(key)) {
        seen.add(key);
        result.diagnostics.push(d);
      }
    }
    if (result.diagnostics.some((d) => d.severity === 'error')) return result;
    await fs.promises.mkdir(outDir, { recursive: true });
    for (const r of rendered) {
      const target = path.join(outDir, r.name);
      await writeFileAtomic(target, r.pdf.bytes);
      result.outputs.push({ path: target, edition: r.edition, pages: r.pdf.pages, bytes: r.pdf.bytes.length });
    }
  } catch (err) {
    if (err instanceof UserError) result.diagnostics.push(...err.diagnostics);
    else if ((err as NodeJS.ErrnoException)?.code && typeof (err as NodeJS.ErrnoException).code === 'string') {
      const e = err as NodeJS.ErrnoException;
      result.diagnostics.push({ severity: 'error', file: e.path ?? abs, line: 0, col: 0, message: `cannot write output: ${e.code} (${e.message.split(',')[0]})` });
    } else throw err;
  }
  return result;
}

export async function buildCommand(files: string[], flags: BuildFlags, io: IO): Promise<number> {
  const started = performance.now();
  const results: BuiltFile[] = [];
  for (const file of files) {
    const r = await buildFile(file, flags, io.cwd);
    results.push(r);
    for (const d of r.diagnostics) io.err(formatDiagnostic(d, io.cwd));
    if (!flags.quiet && !flags.json) {
      for (const o of r.outputs) io.err(`wrote ${path.relative(io.cwd, o.path)} (${o.pages} pages)`);
    }
  }
  const failed = results.filter((r) => r.diagnostics.some((d) => d.severity === 'error'));
  if (flags.json) {
    const outputs = results.flatMap((r) => r.outputs);
    io.out(
      JSON.stringify({
        files: results.length,
        editions: outputs.length,
        pages: outputs.reduce((s, o) => s + o.pages, 0),
        bytes: outputs.reduce((s, o) => s + o.bytes, 0),
        seconds: Math.round(performance.now() - started) / 1000,
        errors: results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error')).length,
        outputs: outputs.map((o) => ({ ...o, path: path.relative(io.cwd, o.path) })),
      }),
    );
  }
  return failed.length ? 1 : 0;
}
