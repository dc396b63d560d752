// Small helpers shared by the workspace commands (src/cli/commands/{check,passages,questions,import,new}.ts).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from './diagnostics.js';
import type { IO } from '../cli/io.js';
import { writeFileAtomicSync } from '../pdf/output.js';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

export function printDiagnostics(ds: Diagnostic[], io: IO): void {
  for (const d of ds) io.err(formatDiagnostic(d, io.cwd));
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

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}
