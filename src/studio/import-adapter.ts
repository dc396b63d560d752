// The one place the studio calls the importer (src/workspace/import.ts), so
// that its rules (which lines are web-page leftovers, how whitespace is
// cleaned) stay in one module: the studio shows every line of the pasted text
// in its order, the leftovers the importer found already unticked with the
// reason, and the source, date and address it read from the page filled in.
import { analyzeRaw, isShortcodeLine, normalizeWhitespace, renderArticle, type DropReason, type RawMeta } from '../workspace/import.js';
import { normalizeSource } from '../workspace/source.js';

export interface FoundLine {
  text: string;
  /** ticked: part of the article (the importer's guess; the teacher decides) */
  keep: boolean;
  /** why the importer left it out */
  reason?: DropReason;
}

export interface FoundLines {
  lines: FoundLine[];
  /** index in `lines` of the importer's title */
  title: number;
  /** what the importer read from the page: source, date, address, author */
  meta: RawMeta;
}

export function findLines(raw: string): FoundLines {
  const a = analyzeRaw(raw);
  const dropped = new Map(a.dropped.map((d) => [d.line, d.reason]));
  const lines: FoundLine[] = [];
  let title = 0;
  normalizeSource(raw)
    .split('\n')
    .forEach((line, i) => {
      const text = normalizeWhitespace(line);
      if (text === '' || isShortcodeLine(line)) return;
      const reason = dropped.get(i + 1);
      if (i + 1 === a.titleLine) title = lines.length;
      lines.push(reason ? { text, keep: false, reason } : { text, keep: true });
    });
  return { lines, title, meta: a.meta };
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
    { title: c.title.trim(), paragraphs: c.paragraphs.map((p) => p.trim()).filter(Boolean) },
  );
}
