// Article files: YAML front matter, then paragraphs separated by blank lines, numbered from 1.
import { errorAt, warningAt, type Diagnostic } from './diagnostics.js';
import { issueMessage, sanitizeText, SUSPECT_RE } from '../safety/text.js';
import { splitSentences, type Sentence } from './sentences.js';
import { parseYaml, type YamlFile } from './yaml.js';
import { articleSchema, validate, type ArticleFrontMatter } from './schema.js';

export interface Paragraph {
  /** 1-based */
  number: number;
  text: string;
  /** 1-based line in the article file where it starts */
  line: number;
  sentences: Sentence[];
}

export interface Article {
  /** absolute path */
  path: string;
  id: string;
  title: string;
  language: string;
  source?: string;
  url?: string;
  date?: string;
  author?: string;
  paragraphs: Paragraph[];
  /** the body as read (sanitized), line by line, and the file line of its first line: to point at a character */
  body?: { lines: string[]; firstLine: number };
  /** the front matter as parsed: to point at a character of the title or source */
  frontMatter?: YamlFile;
}

export type ArticleParse = { ok: true; article: Article; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * A paragraph whose sentences are split when first read: most lessons quote
 * whole paragraphs, and splitting every paragraph of every article was a
 * tenth of resolving a course.
 */
function paragraph(number: number, text: string, line: number): Paragraph {
  const p = { number, text, line } as Paragraph;
  Object.defineProperty(p, 'sentences', {
    enumerable: true,
    configurable: true,
    get() {
      const sentences = splitSentences(text);
      Object.defineProperty(p, 'sentences', { value: sentences, enumerable: true, writable: true, configurable: true });
      return sentences;
    },
  });
  return p;
}

/** Split a body into paragraphs (blank-line separated; lines inside one paragraph are joined by a space). */
export function splitParagraphs(body: string, firstLine: number): Paragraph[] {
  const lines = body.split('\n');
  const out: Paragraph[] = [];
  let cur: string[] = [];
  let curLine = 0;
  const flush = () => {
    if (cur.length) {
      const joined = cur.join(' ');
      // the lines are trimmed: runs of white space, or white space other than ' ', are rare (replace only then)
      const text = (/\s\s|[^\S ]/.test(joined) ? joined.replace(/\s+/g, ' ') : joined).trim();
      if (text) out.push(paragraph(out.length + 1, text, curLine));
    }
    cur = [];
  };
  lines.forEach((l, i) => {
    if (l.trim() === '') flush();
    else {
      if (!cur.length) curLine = firstLine + i;
      cur.push(l.trim());
    }
  });
  flush();
  return out;
}

/** Parse an article file's text (already normalized: `\n`, NFC, no BOM). */
export function parseArticle(file: string, text: string): ArticleParse {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') {
    return {
      ok: false,
      diagnostics: [
        errorAt(file, 1, 1, 'article.no-front-matter'),
      ],
    };
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) {
    return { ok: false, diagnostics: [errorAt(file, 1, 1, 'article.front-matter-open')] };
  }
  const fmText = lines.slice(1, close).join('\n');
  const y: YamlFile = parseYaml(file, fmText, 1);
  if (y.diagnostics.length) return { ok: false, diagnostics: y.diagnostics };
  const v = validate(articleSchema, y, 'article');
  if (!v.ok) return { ok: false, diagnostics: v.diagnostics };
  const fm = v.data as ArticleFrontMatter;
  const warnings: Diagnostic[] = [...y.warnings];
  // hostile and invisible characters (src/safety/text.ts), each line on its own
  // (most articles have none: one look at the whole file first)
  const bodyLines = lines.slice(close + 1);
  const suspect = SUSPECT_RE.test(text);
  for (let i = 0; suspect && i < bodyLines.length; i++) {
    const s = sanitizeText(bodyLines[i]);
    if (!s.issues.length) continue;
    for (const issue of s.issues) {
      warnings.push(warningAt(file, close + 2 + i, issue.index + 1, ...issueMessage(issue)));
    }
    bodyLines[i] = s.text;
  }
  const paragraphs = splitParagraphs(bodyLines.join('\n'), close + 2);
  if (paragraphs.length === 0) {
    return { ok: false, diagnostics: [errorAt(file, close + 1, 1, 'article.no-paragraphs')] };
  }
  return {
    ok: true,
    warnings,
    article: {
      path: file,
      id: fm.id,
      title: fm.title,
      language: fm.language ?? 'ar',
      source: fm.source,
      url: fm.url,
      date: fm.date,
      author: fm.author,
      paragraphs,
      body: { lines: bodyLines, firstLine: close + 2 },
      frontMatter: y,
    },
  };
}
