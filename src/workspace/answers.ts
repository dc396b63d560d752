// `answer:` of choice and rank questions: an option's number, letter or text
// (or several), checked against the options, as 0-based option indices.
import { diagnostic, type Diagnostic } from './diagnostics.js';
import type { QuestionKind } from './model.js';
import type { AnswerSpec } from './schema.js';
import { OPTION_LETTERS } from '../text/digits.js';
import { suggestionLead } from './suggest.js';
import { msg, type MessageCode, type MessageRef, type Param } from '../i18n/catalogue.js';
import { positionOf, type Path, type YamlFile } from './yaml.js';

const ARABIC_INDIC = /[٠-٩]/g;
const westernDigits = (s: string) => s.replace(ARABIC_INDIC, (d) => String(d.charCodeAt(0) - 0x0660));
/** Compare option texts as a teacher types them: spaces folded, a trailing full stop or bracket ignored. */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const letterOf = (s: string) => norm(s).replace(/[).\-:]$/, '').trim();

/** The 0-based option an answer names, or undefined. */
function optionIndex(a: number | string, options: readonly string[]): number | undefined {
  if (typeof a === 'number') return a >= 1 && a <= options.length ? a - 1 : undefined;
  const t = norm(a);
  const exact = options.findIndex((o) => norm(o) === t);
  if (exact >= 0) return exact;
  const digits = westernDigits(letterOf(t));
  if (/^\d+$/.test(digits)) {
    const n = Number(digits);
    return n >= 1 && n <= options.length ? n - 1 : undefined;
  }
  // letters: أ ب ج د هـ (also written ه, and ا for أ)
  const letter = letterOf(t).replace(/^ا$/, 'أ').replace(/^ه$/, 'هـ');
  const li = OPTION_LETTERS.indexOf(letter);
  return li >= 0 && li < options.length ? li : undefined;
}

function shown(a: number | string): string {
  return typeof a === 'number' ? String(a) : `"${a}"`;
}

/** The options as a hint lists them: «1 (أ) …», led by a did-you-mean when one is close. */
function optionsHint(kind: QuestionKind, options: readonly string[], near: Param = ''): MessageRef {
  const list = options.map((o, i) => (kind === 'choice' ? `${i + 1} (${OPTION_LETTERS[i] ?? i + 1}) «${o}»` : `${i + 1} «${o}»`));
  return msg(kind === 'choice' ? 'output.answer-options' : 'output.answer-items', { dym: near, list });
}

/**
 * Resolve `answer` for a question of `kind` with `options`. Problems are
 * errors at the answer (or the entry of it that is wrong); an answer on an
 * open or scale question is a warning and is dropped.
 */
export function resolveAnswer(file: YamlFile, path: Path, kind: QuestionKind, options: readonly string[], answer: AnswerSpec): { answer?: number[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (p: Path, severity: 'error' | 'warning', code: MessageCode, params: Record<string, string | number>, hint?: MessageRef) => {
    const pos = positionOf(file, p);
    diagnostics.push(diagnostic(severity, file.path, pos.line, pos.col, code, params, hint));
  };
  const where = [...path, 'answer'];
  if (kind !== 'choice' && kind !== 'rank') {
    at(where, 'warning', 'output.answer-not-used', { kind });
    return { diagnostics };
  }
  const list = Array.isArray(answer) ? answer : [answer];
  const indices: number[] = [];
  list.forEach((a, k) => {
    const p = Array.isArray(answer) ? [...where, k] : where;
    const i = optionIndex(a, options);
    if (i === undefined) {
      if (typeof a === 'number' || /^\d+$/.test(westernDigits(letterOf(String(a))))) {
        at(p, 'error', 'output.answer-number-out-of-range', { answer: shown(a), count: options.length }, optionsHint(kind, options));
      } else {
        at(p, 'error', 'output.answer-no-option', { answer: shown(a) }, optionsHint(kind, options, suggestionLead(String(a), [...options])));
      }
      return;
    }
    if (indices.includes(i)) {
      at(p, 'error', 'output.answer-repeated', { answer: shown(a) });
      return;
    }
    indices.push(i);
  });
  if (diagnostics.length) return { diagnostics };
  if (kind === 'rank' && indices.length !== options.length) {
    const missing = options.filter((_, i) => !indices.includes(i)).map((o) => `«${o}»`).join('، ');
    at(where, 'error', 'output.rank-answer-incomplete', { missing, count: options.length });
    return { diagnostics };
  }
  return { answer: kind === 'choice' ? [...indices].sort((x, y) => x - y) : indices, diagnostics };
}
