// `hiwar check FILE...`: validates everything a build would read; writes nothing.
import { checkFiles } from '../../workspace/check.js';
import type { BuildOptions } from '../../workspace/model.js';
import { DIGITS, PAPERS } from '../../workspace/schema.js';
import { closest } from '../../workspace/suggest.js';
import { ioText, type IO } from '../io.js';
import { countCode, EXIT_INVALID, EXIT_OK, EXIT_USAGE, printDiagnostics, printError } from '../support.js';
import { message, msg, type MessageRef } from '../../i18n/catalogue.js';

export interface CheckFlags {
  paper?: string;
  digits?: string;
  seed?: number;
  root?: string;
  allowOutside?: boolean;
}

/** Parse --paper/--digits/--seed; an error message (`message`: its English text) for a usage mistake. */
export function cliOptions(opts: CheckFlags): { ok: true; options: Partial<BuildOptions> } | { ok: false; message: string; problem: MessageRef } {
  const options: Partial<BuildOptions> = {};
  if (opts.paper !== undefined) {
    const p = PAPERS.find((x) => x.toLowerCase() === opts.paper!.toLowerCase());
    if (!p) return usage(msg('cli.bad-choice', { flag: '--paper', choices: orWords(PAPERS), got: opts.paper, dym: dymSuffix(opts.paper, PAPERS) }));
    options.paper = p;
  }
  if (opts.digits !== undefined) {
    const d = DIGITS.find((x) => x === opts.digits!.toLowerCase());
    if (!d) return usage(msg('cli.bad-choice', { flag: '--digits', choices: orWords(DIGITS), got: opts.digits, dym: dymSuffix(opts.digits, DIGITS) }));
    options.digits = d;
  }
  if (opts.seed !== undefined) {
    if (!Number.isSafeInteger(opts.seed)) return usage(msg('cli.seed-not-whole', { got: String(opts.seed) }));
    options.seed = opts.seed;
  }
  return { ok: true, options };
}

function usage(problem: MessageRef): { ok: false; message: string; problem: MessageRef } {
  return { ok: false, message: message(problem.code, 'en', problem.params), problem };
}

/** ` (did you mean `x`?)` after a wrong value, or ''. */
export function dymSuffix(v: string, all: readonly string[]): MessageRef | '' {
  const c = closest(v, all);
  return c === undefined ? '' : msg('cli.dym-suffix', { what: `\`${c}\`` });
}

/** `a or b` */
function orWords(all: readonly string[]): MessageRef | string {
  return all.length === 2 ? msg('core.or', { first: all[0], rest: all[1] }) : all.join(', ');
}

export async function checkCommand(files: string[], opts: CheckFlags, io: IO): Promise<number> {
  if (files.length === 0) {
    printError(io, 'cli.check-nothing');
    return EXIT_USAGE;
  }
  const o = cliOptions(opts);
  if (!o.ok) {
    printError(io, o.problem.code, o.problem.params);
    return EXIT_USAGE;
  }
  const r = await checkFiles(files, o.options, io.cwd, { root: opts.root, allowOutside: opts.allowOutside });
  printDiagnostics(r.diagnostics, io);
  if (r.ok) {
    io.out(ioText(io, countCode(r.files.length, 'cli.ok-files'), { n: r.files.length }));
    return EXIT_OK;
  }
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  const inFiles = new Set(errors.map((d) => d.file)).size;
  io.err(ioText(io, 'cli.errors-in-files', { errors: msg(countCode(errors.length, 'cli.n-errors'), { n: errors.length }), files: msg(countCode(inFiles, 'cli.n-files'), { n: inFiles }) }));
  return EXIT_INVALID;
}
