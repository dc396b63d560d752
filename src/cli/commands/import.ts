// `hiwar import RAW --id ID [--out DIR] [--title T] [--keep-all]`: make an article file (SPEC §2)
// from a text copied from a web page. The page's leftovers it drops are listed, line by line, with why
// (src/workspace/import.ts says exactly what is recognized and what is normalized).
//
// Where it writes when --out is not given (first that exists, relative to the current folder):
//   `articles/` (you are in a workspace), then `lessons/articles/` (you are in the hiwar repo),
//   else the current folder. Existing files are never overwritten (pass `force` to replace one).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../../workspace/article.js';
import { analyzeRaw, renderArticle } from '../../workspace/import.js';
import { ID_PATTERN, MAX_ID_LENGTH } from '../../workspace/schema.js';
import { readFailure, readSource } from '../../workspace/source.js';
import { ioText, type IO } from '../io.js';
import { countCode, EXIT_INVALID, EXIT_OK, EXIT_USAGE, printDiagnostics, printError, shown, writeAtomic } from '../support.js';
import { errorAt } from '../../workspace/diagnostics.js';
import { msg } from '../../i18n/catalogue.js';

export interface ImportFlags {
  id: string;
  out?: string;
  /** replace an existing article file */
  force?: boolean;
  /** the article's title (the page's own title line is dropped) */
  title?: string;
  /** keep every line: no page leftovers are dropped */
  keepAll?: boolean;
}

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

/** The folder `import` writes into when --out is not given. */
export function defaultArticleDir(cwd: string): string {
  for (const d of ['articles', path.join('lessons', 'articles')]) if (isDir(path.join(cwd, d))) return path.join(cwd, d);
  return cwd;
}

export async function importCommand(raw: string, opts: ImportFlags, io: IO): Promise<number> {
  if (opts.id && opts.id.length > MAX_ID_LENGTH) {
    printError(io, 'build.id-too-long', { what: '--id', length: opts.id.length, max: MAX_ID_LENGTH });
    return EXIT_USAGE;
  }
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
  if (opts.title !== undefined && opts.title.trim() === '') {
    printError(io, 'authoring.import-title-empty');
    return EXIT_USAGE;
  }
  const imported = analyzeRaw(r.text, { keepAll: opts.keepAll, title: opts.title });
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
  const text = renderArticle({ id: opts.id, ...imported.meta }, imported);
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
  const n = imported.shortcodeLines;
  const dropped = n ? msg(countCode(n, 'import.dropped'), { n }) : '';
  io.out(ioText(io, 'import.wrote', { file: rel, title: imported.title, paragraphs: msg(countCode(imported.paragraphs.length, 'cli.n-paragraphs'), { n: imported.paragraphs.length }), dropped }));
  // nothing vanishes silently: every dropped line of the page, with its line and why
  if (imported.dropped.length) {
    io.out(ioText(io, 'authoring.import-dropped', { count: imported.dropped.length }));
    for (const d of imported.dropped) {
      const text = d.text.length > 70 ? d.text.slice(0, 70) + ' …' : d.text;
      io.out(ioText(io, 'authoring.import-dropped-line', { line: d.line, reason: msg(`authoring.drop-${d.reason}`), text }));
    }
    io.out(`  ${ioText(io, 'core.hint')}: ${ioText(io, 'authoring.import-keep-hint')}`);
  }
  const fields = (['source', 'url', 'date', 'author'] as const).filter((k) => imported.meta[k]).map((k) => `${k}: ${imported.meta[k]}`);
  if (fields.length) io.out(ioText(io, 'authoring.import-meta', { fields: fields.join('; ') }));
  io.out(ioText(io, 'import.next', { file: rel }));
  io.out(ioText(io, 'import.next-lesson', { file: rel }));
  return EXIT_OK;
}
