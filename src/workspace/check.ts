// `hiwar check`: validate every file a build would read (lessons, courses, banks, articles), write nothing.
import path from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import { Ctx, detectKind, loadArticle, loadYaml, scopeOf } from './load.js';
import type { BuildOptions } from './model.js';
import { loadCheckedBank } from './questions.js';
import { resolveIn } from './resolve.js';

export interface CheckResult {
  ok: boolean;
  /** errors and warnings, grouped by file */
  diagnostics: Diagnostic[];
  /** every file read, absolute */
  files: string[];
}

/** Check lessons, courses, question banks and articles (each told apart by content / extension). */
export async function checkFiles(files: string[], cli: Partial<BuildOptions> = {}, cwd = process.cwd(), scope: { root?: string; allowOutside?: boolean } = {}): Promise<CheckResult> {
  const ctx = new Ctx();
  for (const f of files) {
    const abs = path.resolve(cwd, f);
    // each file reads inside its own folder (or --root), as a build of it would
    ctx.scope = scopeOf(abs, scope, cwd);
    if (abs.toLowerCase().endsWith('.md')) {
      await loadArticle(ctx, abs);
      continue;
    }
    const y = await loadYaml(ctx, abs, 'file');
    if (!y) continue;
    if (detectKind(y.value) === 'bank') await loadCheckedBank(ctx, abs);
    else await resolveIn(ctx, abs, cli);
  }
  return { ok: !ctx.hasErrors(), diagnostics: ctx.diagnostics, files: [...ctx.deps] };
}
