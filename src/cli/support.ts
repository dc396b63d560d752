// Small helpers shared by the workspace commands (src/cli/commands/{check,passages,questions,import,new}.ts).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../workspace/diagnostics.js';
import { ioText, type IO } from './io.js';
import { messageHint, say, type MessageCode, type MessageRef, type Params } from '../i18n/catalogue.js';
import { writeFileAtomicSync } from '../pdf/output.js';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

export function printDiagnostics(ds: Diagnostic[], io: IO): void {
  for (const d of ds) io.err(formatDiagnostic(d, io.cwd, io.lang));
}

/**
 * `error: MESSAGE` (and `  hint: …`) for a mistake that is not in a file (a
 * command-line value): catalogue message `code` in the language of `io`.
 */
export function printError(io: IO, code: MessageCode, params?: Params, hint?: MessageRef | string): void {
  const [line, hintLine] = errorLines(io, code, params, hint);
  io.err(line);
  if (hintLine) io.err(hintLine);
}

/** The `error: …` line and the `  hint: …` line (or undefined) of `printError`. */
export function errorLines(io: IO, code: MessageCode, params?: Params, hint?: MessageRef | string): [string, string | undefined] {
  const h = typeof hint === 'string' ? hint : hint ? say(hint, io.lang ?? 'en') : messageHint(code, io.lang ?? 'en', params);
  return [`${ioText(io, 'core.severity-error')}: ${ioText(io, code, params)}`, h ? `  ${ioText(io, 'core.hint')}: ${h}` : undefined];
}

/** A path as the teacher would type it from the current folder (forward slashes). */
export function shown(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return (rel && !rel.startsWith('..') ? rel : abs).split(path.sep).join('/');
}

/** Write a file so that it appears complete or not at all. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // the same writer as the PDFs: temp file, fsync and rename in one synchronous step
  writeFileAtomicSync(file, Buffer.from(text, 'utf8'));
}

/** `code` for one thing, else `code` + `s`: the catalogue has both forms (`cli.files-one`, `cli.files`). */
export function countCode(n: number, code: MessageCode): MessageCode {
  return n === 1 ? (`${code}-one` as MessageCode) : code;
}
