// The live preview: the PDF `hiwar build` would write for the teacher's
// unsaved text. The draft is resolved by the checker itself (src/workspace)
// with the draft standing in for the file on disk, and rendered by the same
// job runner as `hiwar build --watch`, with its cache of laid-out sections
// kept between edits, so a change re-lays only what it touched.
import path from 'node:path';
import { InProcessExecutor } from '../build/pool.js';
import type { RenderJob } from '../build/job.js';
import { diagnostic, localized, type Diagnostic, type Severity } from '../workspace/diagnostics.js';
import { Ctx } from '../workspace/load.js';
import type { Edition } from '../workspace/model.js';
import { resolveIn } from '../workspace/resolve.js';
import { normalizeSource } from '../workspace/source.js';
import { parseYaml } from '../workspace/yaml.js';
import { pathAt, type YamlPath } from './edit.js';
import { isInside, relToRoot } from './paths.js';

export interface ShownDiagnostic {
  severity: Severity;
  /** workspace-relative file */
  file: string;
  line: number;
  col: number;
  message: string;
  hint?: string;
  /** for a problem in the file being edited: the field it concerns */
  path?: YamlPath;
}

export interface CheckedDraft {
  ok: boolean;
  diagnostics: ShownDiagnostic[];
  /** what to render when ok */
  jobs: RenderJob[];
}

/** Resolve a draft of `abs` (its text not yet saved) exactly as a build would resolve the file. */
export async function checkDraft(root: string, abs: string, text: string): Promise<CheckedDraft> {
  const ctx = new Ctx();
  const source = normalizeSource(text);
  const draft = parseYaml(abs, source);
  ctx.deps.add(abs);
  ctx.add(draft.diagnostics);
  for (const w of draft.warnings) ctx.warn(w);
  ctx.yamlCache.set(abs, draft.diagnostics.length ? null : draft);
  let resolved: Awaited<ReturnType<typeof resolveIn>> = null;
  if (!draft.diagnostics.length) resolved = await resolveIn(ctx, abs, {});
  for (const dep of ctx.deps) if (!isInside(root, dep)) ctx.add(diagnostic('error', abs, 0, 0, 'studio.outside-dep', { file: dep }));
  const ok = !!resolved && !ctx.hasErrors();
  const jobs: RenderJob[] = [];
  if (ok && resolved) {
    for (const edition of ['student', 'teacher'] as Edition[]) {
      const id = resolved.kind === 'lesson' ? resolved.lesson.id : resolved.course.id;
      const target: RenderJob['target'] = resolved.kind === 'lesson' ? { kind: 'lesson', lesson: resolved.lesson } : { kind: 'course', course: resolved.course };
      jobs.push({ name: `${id}-${edition}.pdf`, edition, format: 'pdf', target, templatesVersion: 0, cache: true });
    }
  }
  return { ok, diagnostics: ctx.diagnostics.map((d) => show(root, abs, source, d)), jobs };
}

function show(root: string, abs: string, source: string, d: Diagnostic): ShownDiagnostic {
  const { message, hint } = localized(d, 'ar');
  const file = path.resolve(d.file);
  const out: ShownDiagnostic = { severity: d.severity, file: isInside(root, file) ? relToRoot(root, file) : path.basename(file), line: d.line, col: d.col, message, ...(hint ? { hint } : {}) };
  if (file === abs) out.path = pathAt(source, d.line, d.col);
  return out;
}

export interface PreviewPdf {
  edition: Edition;
  bytes: Uint8Array;
  pages: number;
}

/** Renders drafts one after another in this thread, keeping the watch mode's section cache warm. */
export class PreviewRenderer {
  private readonly executor = new InProcessExecutor();

  async render(jobs: RenderJob[]): Promise<{ pdfs: PreviewPdf[]; diagnostics: Diagnostic[] }> {
    const results = await Promise.all(jobs.map((j) => this.executor.run(j)));
    return {
      pdfs: results.map((r, i) => ({ edition: jobs[i].edition, bytes: r.bytes, pages: r.pages })),
      diagnostics: results.flatMap((r) => r.diagnostics),
    };
  }

  close(): Promise<void> {
    return this.executor.close();
  }
}
