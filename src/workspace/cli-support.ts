// Small helpers shared by the workspace commands (src/cli/commands/{check,passages,questions,import,new}.ts).
import { rename, writeFile, mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from './diagnostics.js';
import type { IO } from '../cli/io.js';

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
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(tmp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}
