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
  let out = `${terminalSafe(shown)}:${where.slice(shown.length + 1)}: ${d.severity}: ${terminalSafe(d.message)}`;
  if (d.hint) out += `\n  hint: ${terminalSafe(d.hint)}`;
  return out;
}

// Characters a message may quote from a teacher's file but must not send to a
// terminal as they are: line breaks (one problem, one line), control codes,
// and invisible or reordering characters (a quoted U+202E would reverse the
// rest of the line on screen). ZWJ and ZWNJ stay: they only join letters.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]|\udb40[\udc00-\udfff]/g;

/** `text` with invisible and control characters shown as `<U+202E>` (tabs and line breaks as a space). */
export function terminalSafe(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (c) => {
    if (c === '\t' || c === '\n' || c === '\r') return ' ';
    return `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}
