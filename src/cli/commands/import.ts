// `hiwar import RAW --id ID [--out DIR]`: make an article file (SPEC §2) from a text copied from a web page.
//
// Where it writes when --out is not given (first that exists, relative to the current folder):
//   `articles/` (you are in a workspace), then `lessons/articles/` (you are in the hiwar repo),
//   else the current folder. Existing files are never overwritten (pass `force` to replace one).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../../workspace/article.js';
import { importRawText, renderArticle } from '../../workspace/import.js';
import { ID_PATTERN } from '../../workspace/schema.js';
import { readFailure, readSource } from '../../workspace/source.js';
import { ioText, type IO } from '../io.js';
import { countCode, EXIT_INVALID, EXIT_OK, EXIT_USAGE, printDiagnostics, printError, shown, writeAtomic } from '../../workspace/cli-support.js';
import { errorAt } from '../../workspace/diagnostics.js';
import { msg } from '../../i18n/catalogue.js';

export interface ImportFlags {
  id: string;
  out?: string;
  /** replace an existing article file */
  force?: boolean;
}

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

/** The folder `import` writes into when --out is not given. */
export function defaultArticleDir(cwd: string): string {
  for (const d of ['articles', path.join('lessons', 'articles')]) if (isDir(path.join(cwd, d))) return path.join(cwd, d);
  return cwd;
}

export async function importCommand(raw: string, opts: ImportFlags, io: IO): Promise<number> {
  if (!opts.id || !ID_PATTERN.test(opts.id)) {
    printError(io, 'cli.import-bad-id', { got: opts.id ?? '' });
    return EXIT_USAGE;
  }
  const rawAbs = path.resolve(io.cwd, raw);
  const r = await readSource(rawAbs);
  if (!r.ok) {
    printDiagnostics([readFailure(rawAbs, r)], io);
    return EXIT_INVALID;
  }
  const imported = importRawText(r.text);
  if (!imported.title) {
    printDiagnostics([errorAt(rawAbs, 0, 0, 'import.empty')], io);
    return EXIT_INVALID;
  }
  if (imported.paragraphs.length === 0) {
    printDiagnostics([errorAt(rawAbs, 0, 0, 'import.no-paragraphs')], io);
    return EXIT_INVALID;
  }
  const outDir = opts.out !== undefined ? path.resolve(io.cwd, opts.out) : defaultArticleDir(io.cwd);
  const target = path.join(outDir, `${opts.id}.md`);
  if (existsSync(target) && !opts.force) {
    printError(io, 'cli.exists', { file: shown(target, io.cwd) }, msg('cli.import-exists-hint'));
    return EXIT_INVALID;
  }
  const text = renderArticle({ id: opts.id }, imported);
  // never write a file that `check` would reject
  const parsed = parseArticle(target, text);
  if (!parsed.ok) {
    printDiagnostics(parsed.diagnostics, io);
    return EXIT_INVALID;
  }
  try {
    await writeAtomic(target, text);
  } catch (e) {
    printError(io, 'cli.cannot-write', { file: shown(target, io.cwd), detail: (e as Error).message });
    return EXIT_INVALID;
  }
  const rel = shown(target, io.cwd);
  const n = imported.dropped.shortcodeLines;
  const dropped = n ? msg(countCode(n, 'import.dropped'), { n }) : '';
  io.out(ioText(io, 'import.wrote', { file: rel, title: imported.title, paragraphs: msg(countCode(imported.paragraphs.length, 'cli.n-paragraphs'), { n: imported.paragraphs.length }), dropped }));
  io.out(ioText(io, 'import.next', { file: rel }));
  io.out(ioText(io, 'import.next-lesson', { file: rel }));
  return EXIT_OK;
}
