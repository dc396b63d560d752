// The one place the studio calls the importer (src/workspace/import.ts), so
// that its rules (which lines are kept, how whitespace is cleaned) stay in
// one module: the studio shows the lines the importer found, lets the teacher
// pick the title and drop lines, and writes the article with its renderer.
import { importRawText, renderArticle } from '../workspace/import.js';

export interface FoundLines {
  /** the importer's title first, then its paragraphs: each a line the teacher may keep or drop */
  lines: string[];
  /** index in `lines` of the importer's title */
  title: number;
}

export function findLines(raw: string): FoundLines {
  const a = importRawText(raw);
  const lines = a.title ? [a.title, ...a.paragraphs] : a.paragraphs;
  return { lines, title: 0 };
}

export interface ArticleChoice {
  id: string;
  title: string;
  paragraphs: string[];
  source?: string;
  date?: string;
  url?: string;
}

export function articleText(c: ArticleChoice): string {
  const clean = (s?: string) => (s && s.trim() ? s.trim() : undefined);
  return renderArticle(
    { id: c.id, source: clean(c.source), date: clean(c.date), url: clean(c.url) },
    { title: c.title.trim(), paragraphs: c.paragraphs.map((p) => p.trim()).filter(Boolean), dropped: { shortcodeLines: 0, blankLines: 0 } },
  );
}
