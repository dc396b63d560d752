// `hiwar import RAW --id ID [--out DIR]`: make an article file (SPEC §2) from a text copied from a web page.
//
// Where it writes when --out is not given (first that exists, relative to the current folder):
//   `articles/` (you are in a workspace), then `lessons/articles/` (you are in the hiwar repo),
//   else the current folder. Existing files are never overwritten (pass `force` to replace one).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { message } from '../../i18n/catalogue.js';
import { parseArticle } from '../../workspace/article.js';
import { importRawText, renderArticle } from '../../workspace/import.js';
import { ID_PATTERN, MAX_ID_LENGTH } from '../../workspace/schema.js';
import { readFailure, readSource } from '../../workspace/source.js';
import type { IO } from '../io.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, plural, printDiagnostics, shown, writeAtomic } from '../../workspace/cli-support.js';

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
  if (opts.id && opts.id.length > MAX_ID_LENGTH) {
    io.err(`error: ${message('build.id-too-long', 'en', { what: '--id', length: opts.id.length, max: MAX_ID_LENGTH })}`);
    return EXIT_USAGE;
  }
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
  const imported = importRawText(r.text);
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
    io.err(`error: cannot write ${shown(target, io.cwd)}: ${(e as Error).message}`);
    return EXIT_INVALID;
  }
  const rel = shown(target, io.cwd);
  const dropped = imported.dropped.shortcodeLines ? `; dropped ${plural(imported.dropped.shortcodeLines, 'shortcode line')}` : '';
  io.out(`wrote ${rel}: «${imported.title}», ${plural(imported.paragraphs.length, 'paragraph')}${dropped}`);
  io.out(`next: hiwar passages ${rel}    (see its refs)`);
  io.out(`      hiwar new my-lesson --article ${rel}    (start a lesson)`);
  return EXIT_OK;
}
