// Errata in an article's front matter: each `text` must occur in the body as
// printed (the body is never rewritten; the handouts mark it, see render/).
import { diagnostic, type Diagnostic } from './diagnostics.js';
import type { Paragraph } from './article.js';
import type { Erratum } from './model.js';
import { positionOf, type YamlFile } from './yaml.js';

type ErratumSpec = { text: string; correct: string; note?: string };

/** Whitespace as the body's paragraphs have it: any run folded to one space. */
const foldSpace = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The errata that occur in the body; an error at the erratum's line for each that does not. */
export function checkErrata(fm: YamlFile, errata: readonly ErratumSpec[] | undefined, paragraphs: readonly Paragraph[]): { errata: Erratum[]; diagnostics: Diagnostic[] } {
  const out: Erratum[] = [];
  const diagnostics: Diagnostic[] = [];
  (errata ?? []).forEach((e, i) => {
    const text = foldSpace(e.text);
    const at = (field: string) => positionOf(fm, ['errata', i, field]);
    if (!paragraphs.some((p) => p.text.includes(text))) {
      const p = at('text');
      diagnostics.push(diagnostic('error', fm.path, p.line, p.col, 'output.erratum-not-found', { text }));
      return;
    }
    if (foldSpace(e.correct) === text) {
      const p = at('correct');
      diagnostics.push(diagnostic('error', fm.path, p.line, p.col, 'output.erratum-same', { text }));
      return;
    }
    out.push({ text, correct: foldSpace(e.correct), ...(e.note ? { note: e.note } : {}) });
  });
  return { errata: out, diagnostics };
}

/** A real calendar date written as YYYY-MM-DD (or YYYY-MM, YYYY); undefined for any other text. */
export function isoDate(date: string): { year: number; month?: number; day?: number; valid: boolean } | undefined {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(date.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  let valid = month === undefined || (month >= 1 && month <= 12);
  if (valid && month !== undefined && day !== undefined) {
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    valid = day >= 1 && day <= days;
  }
  return { year, month, day, valid };
}

/** An error at `date:` when it is written as year-month-day but is no real date (2017-13-01, 2017-02-30). */
export function checkDate(fm: YamlFile, date: string | undefined): Diagnostic[] {
  if (!date) return [];
  const d = isoDate(date);
  if (!d || d.valid) return [];
  const p = positionOf(fm, ['date']);
  return [diagnostic('error', fm.path, p.line, p.col, 'output.bad-date', { date })];
}
