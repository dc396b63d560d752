// `hiwar import`: a raw text as copied from a web page -> an article file (SPEC §2).
//   - the first non-empty line is the title; every other non-empty line is a paragraph
//     (a web page copies one paragraph per line);
//   - lines that are only WordPress-style shortcodes (`[name attr="…"]`, `[/name]`) are dropped;
//   - lines of only whitespace (no-break spaces included) and repeated blank lines are dropped;
//   - whitespace inside a line is normalized: every run of spaces (no-break, thin, tabs…) becomes
//     one space, zero-width spaces are removed, the line is trimmed;
//   - nothing else in the text is changed (punctuation, spelling, digits and quote marks stay as they are).
import { normalizeSource } from './source.js';

export interface ImportedArticle {
  title: string;
  paragraphs: string[];
  /** what was dropped, for the summary printed to the teacher */
  dropped: { shortcodeLines: number; blankLines: number };
}

/** A shortcode: `[name …]` or `[/name]` with a Latin name (Arabic text in brackets is kept). */
const SHORTCODE = /\[\/?[A-Za-z][\w-]*(?:\s[^\]]*)?\/?\]/g;

export function isShortcodeLine(line: string): boolean {
  const t = line.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return false;
  return t.replace(SHORTCODE, '').trim() === '';
}

/** Whitespace normalization: runs of any Unicode space -> one space; zero-width spaces removed; trimmed. */
export function normalizeWhitespace(line: string): string {
  return line
    .replace(/[\u200B\uFEFF]/g, '')
    .replace(/[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g, ' ')
    .trim();
}

export function importRawText(raw: string): ImportedArticle {
  const lines = normalizeSource(raw).split('\n');
  let title: string | undefined;
  const paragraphs: string[] = [];
  let shortcodeLines = 0;
  let blankLines = 0;
  for (const line of lines) {
    if (isShortcodeLine(line)) {
      shortcodeLines++;
      continue;
    }
    const t = normalizeWhitespace(line);
    if (t === '') {
      blankLines++;
      continue;
    }
    if (title === undefined) title = t;
    else paragraphs.push(t);
  }
  return { title: title ?? '', paragraphs, dropped: { shortcodeLines, blankLines } };
}

export interface ArticleMeta {
  id: string;
  language?: string;
  source?: string;
  url?: string;
  date?: string;
}

/** The article file's text: front matter, then paragraphs separated by blank lines. */
export function renderArticle(meta: ArticleMeta, a: ImportedArticle): string {
  // JSON strings are valid YAML double-quoted scalars
  const q = (s: string) => JSON.stringify(s);
  const fm = ['---', `id: ${meta.id}`, `title: ${q(a.title)}`, `language: ${meta.language ?? 'ar'}`];
  if (meta.source) fm.push(`source: ${q(meta.source)}`);
  if (meta.url) fm.push(`url: ${q(meta.url)}`);
  if (meta.date) fm.push(`date: ${q(meta.date)}`);
  fm.push('---');
  return fm.join('\n') + '\n' + a.paragraphs.join('\n\n') + '\n';
}
