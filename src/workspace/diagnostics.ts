// Problems in a teacher's files, reported as `FILE:LINE:COL: error: MESSAGE`
// with an optional hint line. Never a stack trace for a user mistake.
import path from 'node:path';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** absolute or cwd-relative path of the file the problem is in */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file */
  line: number;
  col: number;
  message: string;
  hint?: string;
}

/** Thrown for anything that is the user's mistake; carries every problem found. */
export class UserError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[] | Diagnostic) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map((d) => d.message).join('; '));
    this.name = 'UserError';
    this.diagnostics = list;
  }
}

export function error(file: string, line: number, col: number, message: string, hint?: string): Diagnostic {
  return { severity: 'error', file, line, col, message, hint };
}

export function warning(file: string, line: number, col: number, message: string, hint?: string): Diagnostic {
  return { severity: 'warning', file, line, col, message, hint };
}

/** `FILE:LINE:COL: error: MESSAGE` (+ `  hint: …` on the next line). Paths are shown relative to cwd. */
export function formatDiagnostic(d: Diagnostic, cwd = process.cwd()): string {
  const rel = path.isAbsolute(d.file) ? path.relative(cwd, d.file) || d.file : d.file;
  const shown = rel.startsWith('..') && path.isAbsolute(d.file) ? d.file : rel;
  const where = d.line > 0 ? `${shown}:${d.line}:${d.col || 1}` : `${shown}:1:1`;
  let out = `${where}: ${d.severity}: ${d.message}`;
  if (d.hint) out += `\n  hint: ${d.hint}`;
  return out;
}
