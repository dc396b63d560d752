// Problems in a teacher's files, reported as `FILE:LINE:COL: error: MESSAGE`
// with an optional hint line. Never a stack trace for a user mistake.
import path from 'node:path';
import { CATALOGUE, fill, message as catalogueMessage, say, type Lang, type MessageRef, type Params } from '../i18n/catalogue.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** absolute or cwd-relative path of the file the problem is in */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file */
  line: number;
  col: number;
  /** the English text (what tests, --json and --lang en show) */
  message: string;
  hint?: string;
  /** the message's code in the catalogue (src/i18n): every diagnostic has one, so it prints in every language */
  code: string;
  params?: Params;
  /** the hint as a catalogue message, when the entry has no hint of its own */
  hintRef?: MessageRef;
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

/**
 * A diagnostic from the catalogue: `code` names a message of src/i18n, whose
 * English text (and hint, if the entry has one) is filled in here. `hint`
 * given here is used when the entry has none: a catalogue message (`msg()`,
 * shown in the reader's language) or, rarely, a text that reads the same in
 * every language (a list of ids).
 */
export function diagnostic(severity: Severity, file: string, line: number, col: number, code: string, params: Params = {}, hint?: string | MessageRef): Diagnostic {
  const entry = CATALOGUE[code];
  const hintRef = typeof hint === 'object' ? hint : undefined;
  const d: Diagnostic = {
    severity,
    file,
    line,
    col,
    message: catalogueMessage(code, 'en', params),
    hint: entry?.hint ? fill(entry.hint.en, params) : hintRef ? say(hintRef) : (hint as string | undefined),
    code,
    params,
  };
  if (hintRef && !entry?.hint) d.hintRef = hintRef;
  if (d.hint === undefined) delete d.hint;
  return d;
}

/** `diagnostic('error', …)` */
export function errorAt(file: string, line: number, col: number, code: string, params?: Params, hint?: string | MessageRef): Diagnostic {
  return diagnostic('error', file, line, col, code, params, hint);
}

/** `diagnostic('warning', …)` */
export function warningAt(file: string, line: number, col: number, code: string, params?: Params, hint?: string | MessageRef): Diagnostic {
  return diagnostic('warning', file, line, col, code, params, hint);
}

/** The message and hint of a diagnostic in a language. */
export function localized(d: Diagnostic, lang: Lang): { message: string; hint?: string } {
  const entry = CATALOGUE[d.code];
  if (lang === 'en' || !entry) return { message: d.message, hint: d.hint };
  const hint = entry.hint ? fill(entry.hint[lang], d.params, lang) : d.hintRef ? say(d.hintRef, lang) : d.hint;
  return { message: fill(entry[lang], d.params, lang), hint };
}

/**
 * `FILE:LINE:COL: error: MESSAGE` (+ `  hint: …` on the next line). Paths are
 * shown relative to cwd. In Arabic the place stays first and in Latin order
 * (editors and terminals jump to it); the words after it are Arabic.
 */
export function formatDiagnostic(d: Diagnostic, cwd = process.cwd(), lang: Lang = 'en'): string {
  const rel = path.isAbsolute(d.file) ? path.relative(cwd, d.file) || d.file : d.file;
  const shown = rel.startsWith('..') && path.isAbsolute(d.file) ? d.file : rel;
  const where = d.line > 0 ? `${shown}:${d.line}:${d.col || 1}` : `${shown}:1:1`;
  const { message, hint } = localized(d, lang);
  const severity = lang === 'en' ? d.severity : catalogueMessage(`core.severity-${d.severity}`, lang);
  let out = `${terminalSafe(shown)}:${where.slice(shown.length + 1)}: ${severity}: ${terminalSafe(message)}`;
  if (hint) out += `\n  ${lang === 'en' ? 'hint' : catalogueMessage('core.hint', lang)}: ${terminalSafe(hint)}`;
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
