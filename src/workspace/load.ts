// Loading the files a build reads, once each, recording every problem and every file read.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, type Severity } from './diagnostics.js';
import { parseArticle, type Article } from './article.js';
import { readFailure, readSource, type ReadResult } from './source.js';
import { bankSchema, validate, type BankQuestionSpec, type BankSpec, type Validation } from './schema.js';
import { diagAt, parseYaml, type Path, type YamlFile } from './yaml.js';
import { codes, suggestionLead } from './suggest.js';
import { msg, type MessageRef, type Param, type Params } from '../i18n/catalogue.js';

/** What a file is, as the messages name it ("cannot find the lesson `x`"). */
export type FileWhat = 'file' | 'lesson' | 'article' | 'question bank' | 'course';

const WHAT_CODES: Record<FileWhat, string> = {
  file: 'load.what-file',
  lesson: 'load.what-lesson',
  article: 'load.what-article',
  'question bank': 'load.what-bank',
  course: 'load.what-course',
};

function whatParam(what: FileWhat): Param {
  return WHAT_CODES[what] ? msg(WHAT_CODES[what]) : what;
}

/** Where a file was named: the node that refers to it, for "cannot find …" messages. */
export interface RefFrom {
  file: YamlFile;
  path: Path;
  /** the path as the teacher wrote it */
  written: string;
}

export type YamlKind = 'lesson' | 'course' | 'bank';

export class Ctx {
  readonly deps = new Set<string>();
  private readonly diags: Diagnostic[] = [];
  private readonly seen = new Set<string>();
  readonly yamlCache = new Map<string, YamlFile | null>();
  readonly articleCache = new Map<string, Article | null>();
  readonly bankCache = new Map<string, Bank | null>();

  add(d: Diagnostic | Diagnostic[]): void {
    for (const x of Array.isArray(d) ? d : [d]) {
      const k = `${x.severity}|${x.file}|${x.line}|${x.col}|${x.message}`;
      if (this.seen.has(k)) continue;
      this.seen.add(k);
      this.diags.push(x);
    }
  }

  warn(d: Diagnostic): void {
    this.add({ ...d, severity: 'warning' as Severity });
  }

  get diagnostics(): Diagnostic[] {
    // grouped by file in the order files were met, each file's problems by position
    const order = new Map<string, number>();
    this.diags.forEach((d) => {
      if (!order.has(d.file)) order.set(d.file, order.size);
    });
    return [...this.diags].sort((a, b) => order.get(a.file)! - order.get(b.file)! || a.line - b.line || a.col - b.col);
  }

  get errors(): Diagnostic[] {
    return this.diagnostics.filter((d) => d.severity === 'error');
  }

  get warnings(): Diagnostic[] {
    return this.diagnostics.filter((d) => d.severity === 'warning');
  }

  hasErrors(): boolean {
    return this.diags.some((d) => d.severity === 'error');
  }
}

/**
 * A likely fix for a path that does not exist: the same path from a folder
 * above the referring file (written relative to the workspace instead of to
 * the file), or the same name in another case.
 */
function nearMiss(fromFile: string, written: string): MessageRef | undefined {
  const base = path.dirname(fromFile);
  const rel = (p: string) => path.relative(base, p).split(path.sep).join('/');
  const [file, anchor] = written.split('#');
  for (let dir = path.dirname(base), up = 0; up < 3 && dir !== path.dirname(dir); dir = path.dirname(dir), up++) {
    const candidate = path.resolve(dir, file);
    if (existsSync(candidate)) {
      return msg('load.near-relative', { file: path.basename(fromFile), path: `${rel(candidate)}${anchor !== undefined ? `#${anchor}` : ''}` });
    }
  }
  const target = path.resolve(base, file);
  try {
    const same = readdirSync(path.dirname(target)).find((n) => n.toLowerCase() === path.basename(target).toLowerCase());
    if (same) return msg('load.near-case', { path: rel(path.join(path.dirname(target), same)) });
  } catch {
    // the folder itself is missing
  }
  return undefined;
}

function notFound(ctx: Ctx, abs: string, what: FileWhat, from: RefFrom | undefined, r: Exclude<ReadResult, { ok: true }>): void {
  if (from && r.reason === 'missing') {
    const near = nearMiss(from.file.path, from.written);
    ctx.add(diagAt(from.file, from.path, 'load.cannot-find', { what: whatParam(what), path: from.written, detail: r.detail }, msg(near ? 'load.looked-for-near' : 'load.looked-for', { abs, near: near ?? '' })));
  } else if (from && r.reason === 'directory') {
    ctx.add(diagAt(from.file, from.path, 'load.is-folder', { what: whatParam(what), path: from.written, abs }));
  } else {
    // the file is there but cannot be used: the problem is in the file itself
    ctx.add(readFailure(abs, r));
  }
}

/** Read and parse a YAML file (once per context). Syntax problems are recorded; null when unusable. */
export async function loadYaml(ctx: Ctx, abs: string, what: FileWhat, from?: RefFrom): Promise<YamlFile | null> {
  if (ctx.yamlCache.has(abs)) return ctx.yamlCache.get(abs)!;
  const r = await readSource(abs);
  if (!r.ok) {
    notFound(ctx, abs, what, from, r);
    ctx.yamlCache.set(abs, null);
    return null;
  }
  ctx.deps.add(abs);
  const f = parseYaml(abs, r.text);
  ctx.add(f.diagnostics);
  for (const w of f.warnings) ctx.warn(w);
  const usable = f.diagnostics.length === 0 ? f : null;
  ctx.yamlCache.set(abs, usable);
  return usable;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Lesson, course or question bank, told apart by content. */
export function detectKind(value: unknown): YamlKind {
  if (!isObj(value)) return 'lesson';
  if ('lessons' in value) return 'course';
  const lessonish = ['article', 'extends', 'passages', 'objectives', 'glossary', 'content_note', 'teacher', 'activities'];
  if (lessonish.some((k) => k in value) || !Array.isArray(value.questions)) return 'lesson';
  // a bank's questions all have an `id` and none is a `use:`/`pick:`
  const qs = value.questions as unknown[];
  return qs.every((q) => isObj(q) && 'id' in q && !('use' in q) && !('pick' in q)) ? 'bank' : 'lesson';
}

export async function loadArticle(ctx: Ctx, abs: string, from?: RefFrom): Promise<Article | null> {
  if (ctx.articleCache.has(abs)) return ctx.articleCache.get(abs)!;
  const r = await readSource(abs);
  if (!r.ok) {
    notFound(ctx, abs, 'article', from, r);
    ctx.articleCache.set(abs, null);
    return null;
  }
  ctx.deps.add(abs);
  const p = parseArticle(abs, r.text);
  let a: Article | null = null;
  if (p.ok) {
    a = p.article;
    for (const w of p.warnings) ctx.warn(w);
  } else ctx.add(p.diagnostics);
  ctx.articleCache.set(abs, a);
  return a;
}

export interface Bank {
  file: YamlFile;
  v: Validation<BankSpec>;
  /** usable questions by id */
  byId: Map<string, { q: BankQuestionSpec; index: number }>;
  /** every id written in the bank, usable or not */
  ids: string[];
}

export async function loadBank(ctx: Ctx, abs: string, from?: RefFrom): Promise<Bank | null> {
  if (ctx.bankCache.has(abs)) return ctx.bankCache.get(abs)!;
  ctx.bankCache.set(abs, null);
  const f = await loadYaml(ctx, abs, 'question bank', from);
  if (!f) return null;
  const kind = detectKind(f.value);
  if (from && isObj(f.value) && (kind === 'course' || 'article' in f.value || 'extends' in f.value)) {
    ctx.add(diagAt(from.file, from.path, 'load.not-a-bank', { path: from.written, kind: whatParam(kind === 'bank' ? 'question bank' : kind) }));
    return null;
  }
  const v = validate(bankSchema, f, 'bank');
  ctx.add(v.diagnostics);
  const byId = new Map<string, { q: BankQuestionSpec; index: number }>();
  const ids: string[] = [];
  const qs = Array.isArray(v.data?.questions) ? v.data.questions : [];
  qs.forEach((q, i) => {
    const id = isObj(q) && typeof q.id === 'string' ? q.id : undefined;
    if (id === undefined) return;
    if (ids.includes(id)) {
      ctx.add(diagAt(f, ['questions', i, 'id'], 'load.bank-duplicate-id', { id }));
      return;
    }
    ids.push(id);
    byId.set(id, { q, index: i });
  });
  const bank: Bank = { file: f, v, byId, ids };
  ctx.bankCache.set(abs, bank);
  return bank;
}

/** "no question `x` in bank; did you mean `y`?" */
export function missingBankId(bank: Bank, written: string, id: string): [code: string, params: Params, hint: MessageRef] {
  const dym = suggestionLead(id, bank.ids);
  const hint = bank.ids.length ? msg('load.bank-questions-are', { dym, list: codes(bank.ids, 30) }) : msg('load.bank-has-none', { dym });
  return ['load.bank-no-question', { bank: written, id }, hint];
}

/** `rel` resolved against the folder of `fromFile`. */
export function resolvePath(fromFile: string, rel: string): string {
  return path.resolve(path.dirname(fromFile), rel);
}
