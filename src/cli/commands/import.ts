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
import { message } from '../../i18n/catalogue.js';
import { ID_PATTERN } from '../../workspace/schema.js';
import { readFailure, readSource } from '../../workspace/source.js';
import type { IO } from '../io.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, plural, printDiagnostics, shown, writeAtomic } from '../../workspace/cli-support.js';

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
  if (!opts.id || !ID_PATTERN.test(opts.id)) {
    io.err(`error: --id must use only lowercase Latin letters, digits and single \`-\` (it names the file), e.g. --id virtual-caliphate; got "${opts.id ?? ''}"`);
    return EXIT_USAGE;
  }
  const rawAbs = path.resolve(io.cwd, raw);
  const r = await readSource(rawAbs);
  if (!r.ok) {
    printDiagnostics([readFailure(rawAbs, r)], io);
    return EXIT_INVALID;
  }
  if (opts.title !== undefined && opts.title.trim() === '') {
    io.err('error: --title is empty; give the title in quotes, e.g. --title "عنوان المقال"');
    return EXIT_USAGE;
  }
  const imported = analyzeRaw(r.text, { keepAll: opts.keepAll, title: opts.title });
  if (!imported.title) {
    printDiagnostics([{ severity: 'error', file: rawAbs, line: 0, col: 0, message: 'the text is empty: the first non-empty line becomes the title, the others the paragraphs' }], io);
    return EXIT_INVALID;
  }
  if (imported.paragraphs.length === 0) {
    printDiagnostics([{ severity: 'error', file: rawAbs, line: 0, col: 0, message: 'the text has a title but no paragraphs after it' }], io);
    return EXIT_INVALID;
  }
  const outDir = opts.out !== undefined ? path.resolve(io.cwd, opts.out) : defaultArticleDir(io.cwd);
  const target = path.join(outDir, `${opts.id}.md`);
  if (existsSync(target) && !opts.force) {
    io.err(`error: ${shown(target, io.cwd)} already exists; it is not overwritten`);
    io.err('  hint: choose another --id, or delete the old file first');
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
    io.err(`error: cannot write ${shown(target, io.cwd)}: ${(e as Error).message}`);
    return EXIT_INVALID;
  }
  const rel = shown(target, io.cwd);
  const dropped = imported.shortcodeLines ? `; dropped ${plural(imported.shortcodeLines, 'shortcode line')}` : '';
  io.out(`wrote ${rel}: «${imported.title}», ${plural(imported.paragraphs.length, 'paragraph')}${dropped}`);
  // nothing vanishes silently: every dropped line of the page, with its line and why
  if (imported.dropped.length) {
    io.out(message('authoring.import-dropped', 'en', { count: imported.dropped.length }));
    for (const d of imported.dropped) {
      const reason = message(`authoring.drop-${d.reason}`, 'en');
      io.out(message('authoring.import-dropped-line', 'en', { line: d.line, reason, text: d.text.length > 70 ? d.text.slice(0, 70) + ' …' : d.text }));
    }
    io.out(`  hint: ${message('authoring.import-keep-hint', 'en')}`);
  }
  const fields = (['source', 'url', 'date', 'author'] as const).filter((k) => imported.meta[k]).map((k) => `${k}: ${imported.meta[k]}`);
  if (fields.length) io.out(message('authoring.import-meta', 'en', { fields: fields.join('; ') }));
  io.out(`next: hiwar passages ${rel}    (see its refs)`);
  io.out(`      hiwar new my-lesson --article ${rel}    (start a lesson)`);
  return EXIT_OK;
}
