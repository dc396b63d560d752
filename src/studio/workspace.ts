// What the studio shows of a workspace: its files sorted by kind, an
// article's numbered paragraphs and sentences, and the questions of every
// bank. All of it comes from the same readers the command line uses.
import fs from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../workspace/article.js';
import { Ctx, detectKind, loadBank } from '../workspace/load.js';
import { parseRef, resolveRef } from '../workspace/refs.js';
import { normalizeSource } from '../workspace/source.js';
import { parseYaml } from '../workspace/yaml.js';
import { relToRoot } from './paths.js';

export interface FileEntry {
  path: string;
  id?: string;
  title?: string;
  /** for an overlay: the lesson it adapts */
  extends?: string;
  /** for a lesson: its article */
  article?: string;
}

export interface WorkspaceListing {
  root: string;
  lessons: FileEntry[];
  overlays: FileEntry[];
  courses: FileEntry[];
  banks: FileEntry[];
  articles: FileEntry[];
}

const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'schema', 'templates']);
const MAX_FILES = 2000;

/** Every .yaml/.yml/.md file under `root` (not in hidden or output folders, links not followed). */
function walk(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number) => {
    if (depth > 6 || found.length >= MAX_FILES) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) visit(full, depth + 1);
      } else if (e.isFile() && /\.(ya?ml|md)$/i.test(e.name)) found.push(full);
    }
  };
  visit(root, 0);
  return found;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function listWorkspace(root: string): WorkspaceListing {
  const out: WorkspaceListing = { root, lessons: [], overlays: [], courses: [], banks: [], articles: [] };
  for (const abs of walk(root)) {
    let text: string;
    try {
      text = normalizeSource(fs.readFileSync(abs, 'utf8'));
    } catch {
      continue;
    }
    const rel = relToRoot(root, abs);
    if (abs.toLowerCase().endsWith('.md')) {
      if (!text.startsWith('---')) continue;
      const p = parseArticle(abs, text);
      out.articles.push({ path: rel, id: p.ok ? p.article.id : undefined, title: p.ok ? p.article.title : undefined });
      continue;
    }
    const y = parseYaml(abs, text);
    const v = y.value as Record<string, unknown> | undefined;
    const entry: FileEntry = { path: rel, id: str(v?.id), title: str(v?.title) };
    if (y.diagnostics.length || !v || typeof v !== 'object') {
      out.lessons.push(entry);
      continue;
    }
    const kind = detectKind(v);
    if (kind === 'course') out.courses.push(entry);
    else if (kind === 'bank') out.banks.push(entry);
    else if (typeof v.extends === 'string') out.overlays.push({ ...entry, extends: v.extends });
    else out.lessons.push({ ...entry, article: str(v.article) });
  }
  return out;
}

export interface ArticleView {
  path: string;
  id: string;
  title: string;
  source?: string;
  date?: string;
  url?: string;
  paragraphs: { number: number; text: string; sentences: { number: number; start: number; end: number }[] }[];
}

export function articleView(root: string, abs: string): ArticleView | { problems: string[] } {
  const p = parseArticle(abs, normalizeSource(fs.readFileSync(abs, 'utf8')));
  if (!p.ok) return { problems: p.diagnostics.map((d) => d.message) };
  const a = p.article;
  return {
    path: relToRoot(root, abs),
    id: a.id,
    title: a.title,
    source: a.source,
    date: a.date,
    url: a.url,
    paragraphs: a.paragraphs.map((para) => ({ number: para.number, text: para.text, sentences: para.sentences.map((s) => ({ number: s.number, start: s.start, end: s.end })) })),
  };
}

/** Refs (as written) that do not resolve in the article at `abs`. */
export function refsThatDoNotFit(abs: string, refs: string[]): string[] {
  const p = parseArticle(abs, normalizeSource(fs.readFileSync(abs, 'utf8')));
  if (!p.ok) return refs;
  return refs.filter((r) => {
    const parsed = parseRef(r);
    return !parsed.ok || !resolveRef(p.article, parsed.ref).ok;
  });
}

export interface BankQuestionView {
  bank: string;
  bankTitle?: string;
  id: string;
  text: string;
  kind: string;
  level?: string;
  tags: string[];
  refs: string[];
  options: string[];
  guidance?: string;
}

/** Every usable question of every bank in the workspace, read by the checker's own bank loader. */
export async function bankQuestions(root: string, banks: FileEntry[]): Promise<BankQuestionView[]> {
  const ctx = new Ctx();
  const all: BankQuestionView[] = [];
  for (const b of banks) {
    const abs = path.join(root, b.path);
    const bank = await loadBank(ctx, abs);
    if (!bank) continue;
    for (const id of bank.ids) {
      const q = bank.byId.get(id)?.q;
      if (!q) continue;
      all.push({ bank: b.path, bankTitle: b.title, id, text: q.text, kind: q.kind ?? 'open', level: q.level, tags: q.tags ?? [], refs: q.refs ?? [], options: q.options ?? [], guidance: q.guidance });
    }
  }
  return all;
}

/** The plain value of a YAML file, for the page's forms (null when it cannot be read as YAML). */
export function plainValue(abs: string, text: string): unknown {
  const y = parseYaml(abs, normalizeSource(text));
  return y.diagnostics.length ? null : y.value;
}
