// `hiwar check FILE...`: validates everything a build would read; writes nothing.
import { checkFiles } from '../../workspace/check.js';
import type { BuildOptions } from '../../workspace/model.js';
import { DIGITS, PAPERS } from '../../workspace/schema.js';
import { didYouMean } from '../../workspace/suggest.js';
import type { IO } from '../io.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, plural, printDiagnostics } from '../../workspace/cli-support.js';

export interface CheckFlags {
  paper?: string;
  digits?: string;
  seed?: number;
  root?: string;
  allowOutside?: boolean;
}

/** Parse --paper/--digits/--seed; an error message for a usage mistake. */
export function cliOptions(opts: CheckFlags): { ok: true; options: Partial<BuildOptions> } | { ok: false; message: string } {
  const options: Partial<BuildOptions> = {};
  if (opts.paper !== undefined) {
    const p = PAPERS.find((x) => x.toLowerCase() === opts.paper!.toLowerCase());
    if (!p) return { ok: false, message: `--paper must be ${PAPERS.join(' or ')}, not "${opts.paper}"${hintSuffix(opts.paper, PAPERS)}` };
    options.paper = p;
  }
  if (opts.digits !== undefined) {
    const d = DIGITS.find((x) => x === opts.digits!.toLowerCase());
    if (!d) return { ok: false, message: `--digits must be ${DIGITS.join(' or ')}, not "${opts.digits}"${hintSuffix(opts.digits, DIGITS)}` };
    options.digits = d;
  }
  if (opts.seed !== undefined) {
    if (!Number.isSafeInteger(opts.seed)) return { ok: false, message: `--seed must be a whole number, not "${opts.seed}"` };
    options.seed = opts.seed;
  }
  return { ok: true, options };
}

function hintSuffix(v: string, all: readonly string[]): string {
  const d = didYouMean(v, all);
  return d ? ` (${d})` : '';
}

export async function checkCommand(files: string[], opts: CheckFlags, io: IO): Promise<number> {
  if (files.length === 0) {
    io.err('error: name at least one lesson, course, question bank or article to check');
    return EXIT_USAGE;
  }
  const o = cliOptions(opts);
  if (!o.ok) {
    io.err(`error: ${o.message}`);
    return EXIT_USAGE;
  }
  const r = await checkFiles(files, o.options, io.cwd, { root: opts.root, allowOutside: opts.allowOutside });
  printDiagnostics(r.diagnostics, io);
  if (r.ok) {
    io.out(`ok: ${plural(r.files.length, 'file')}`);
    return EXIT_OK;
  }
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  const inFiles = new Set(errors.map((d) => d.file)).size;
  io.err(`${plural(errors.length, 'error')} in ${plural(inFiles, 'file')}`);
  return EXIT_INVALID;
}
