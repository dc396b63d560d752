// Questions: inline, `use: bank#id`, seeded `pick`, and overlay edits (drop/add/order/limit).
import path from 'node:path';
import type { Article } from './article.js';
import type { ResolvedQuestion } from './model.js';
import { Ctx, loadArticle, loadBank, missingBankId, resolvePath, type Bank, type RefFrom } from './load.js';
import { hashString, mulberry32, sampleIndices } from './random.js';
import { formatRef, parseRef, resolveRef, splitRefList } from './refs.js';
import { diagnostic, type Diagnostic } from './diagnostics.js';
import { isBad, isBroken, type BankQuestionSpec, type InlineQuestionSpec, type PickQuestionSpec, type UseQuestionSpec } from './schema.js';
import { codes, orList, suggestionLead } from './suggest.js';
import { CATALOGUE, msg } from '../i18n/catalogue.js';
import { diagAt, positionOf, type Path, type YamlFile } from './yaml.js';
import type { Layer } from './resolve.js';
import { resolveAnswer } from './answers.js';

/** The default labels of a `scale` question: a 5-point disagree–agree row. */
export const DEFAULT_SCALE = ['لا أوافق بشدة', 'لا أوافق', 'محايد', 'أوافق', 'أوافق بشدة'];
export const DEFAULT_LINES = 4;

/** A question with where it was written, for duplicate-id and overlay messages. */
export interface QEntry {
  q: ResolvedQuestion;
  file: YamlFile;
  path: Path;
  /** `ABSOLUTE-BANK-PATH#id` for bank questions (so `pick` does not repeat a `use`) */
  bankKey?: string;
  /** where the refs were written in `file`, when they were (not for refs taken from a bank) */
  refsPath?: Path;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type QuestionBody = Pick<InlineQuestionSpec, 'text' | 'kind' | 'level' | 'lines' | 'options' | 'guidance' | 'answer'>;

/** Check kind/options/lines of a question body and build the resolved question (refs added by the caller). */
function makeQuestion(ctx: Ctx, file: YamlFile, path: Path, body: QuestionBody, id: string, origin?: string): ResolvedQuestion | null {
  const kind = body.kind ?? 'open';
  let ok = true;
  let options = body.options ?? [];
  if (kind === 'choice' || kind === 'rank') {
    if (body.options === undefined) {
      ctx.add(diagAt(file, [...path, 'kind'], kind === 'choice' ? 'questions.choice-needs-options' : 'questions.rank-needs-options'));
      ok = false;
    } else if (body.options.length < 2) {
      ctx.add(diagAt(file, [...path, 'options'], 'questions.too-few-options', { kind, n: body.options.length }));
      ok = false;
    }
  } else if (kind === 'scale') {
    if (body.options === undefined) options = [...DEFAULT_SCALE];
    else if (body.options.length < 2) {
      ctx.add(diagAt(file, [...path, 'options'], 'questions.too-few-labels', { n: body.options.length }));
      ok = false;
    }
  } else if (body.options !== undefined) {
    ctx.warn(diagAt(file, [...path, 'options'], 'questions.options-unused'));
    options = [];
  }
  if (body.lines !== undefined && kind !== 'open') {
    ctx.warn(diagAt(file, [...path, 'lines'], 'questions.lines-unused', { kind }));
  }
  // the right answer (choice, rank), checked against the options
  const answer = ok && body.answer !== undefined ? resolveAnswer(file, path, kind, options, body.answer) : undefined;
  if (answer) for (const d of answer.diagnostics) ctx.add(d);
  if (!ok || (answer && !answer.answer && answer.diagnostics.some((d) => d.severity === 'error'))) return null;
  const q: ResolvedQuestion = { id, text: body.text, kind, refs: [], lines: body.lines ?? DEFAULT_LINES, options };
  if (answer?.answer) q.answer = answer.answer;
  if (body.level) q.level = body.level;
  if (body.guidance) q.guidance = body.guidance;
  if (origin) q.origin = origin;
  return q;
}

/** Check refs written on a question; returns them in canonical spelling. */
export function checkRefs(ctx: Ctx, file: YamlFile, path: Path, refs: readonly string[] | undefined, article: Article | null): string[] {
  const out: string[] = [];
  splitRefList(refs ?? []).forEach(({ ref: r, index: k }) => {
    const p = parseRef(r);
    if (!p.ok) {
      ctx.add(diagAt(file, [...path, k], p.code, p.params, p.hintRef));
      return;
    }
    if (article) {
      const res = resolveRef(article, p.ref);
      if (!res.ok) {
        ctx.add(diagAt(file, [...path, k], res.code, res.params, res.hintRef));
        return;
      }
    }
    out.push(formatRef(p.ref));
  });
  return out;
}

interface ListCtx {
  ctx: Ctx;
  article: Article | null;
  seed: number;
  /** bank questions whose refs were left out (written for another article), by bank: one note per bank */
  dropped?: Map<string, { bank: Bank; written: string; count: number; file: YamlFile; path: Path }>;
}

/** One note per bank whose questions lost their refs in this lesson (at the first entry that used it). */
export function reportDroppedRefs(lc: ListCtx): void {
  for (const d of lc.dropped?.values() ?? []) {
    const pos = positionOf(d.file, d.path);
    const bankArticle = path.relative(path.dirname(d.file.path), d.bank.articlePath!).split(path.sep).join('/');
    lc.ctx.note(
      diagnostic('note', d.file.path, pos.line, pos.col, 'authoring.bank-refs-dropped', {
        count: d.count,
        bank: d.written,
        bankArticle,
      }),
    );
  }
}

/** Questions of one written list (a lesson's `questions:` or an overlay's `add:`). */
async function listEntries(lc: ListCtx, layer: Layer, base: Path, items: unknown[], autoStart: number): Promise<QEntry[]> {
  const { ctx, article } = lc;
  const file = layer.file;
  const slots: QEntry[][] = items.map(() => []);
  const used = new Set<string>();
  const picks: { i: number; item: PickQuestionSpec }[] = [];
  for (let i = 0; i < items.length; i++) {
    const path = [...base, i];
    const item = items[i];
    if (!isObj(item)) continue;
    if (isBad(layer.v.bad, path)) {
      // the entry has a problem elsewhere; its refs can still be checked, so all problems show at once
      const refs = item.refs;
      if (Array.isArray(refs) && !isBad(layer.v.bad, [...path, 'refs'])) checkRefs(ctx, file, [...path, 'refs'], refs as string[], article);
      continue;
    }
    if ('pick' in item) {
      picks.push({ i, item: item as PickQuestionSpec });
      continue;
    }
    if ('use' in item) {
      const u = item as UseQuestionSpec;
      const e = await useEntry(lc, layer, path, u);
      if (e) {
        slots[i].push(e);
        if (e.bankKey) used.add(e.bankKey);
      }
      continue;
    }
    const it = item as InlineQuestionSpec;
    const id = it.id ?? `q${autoStart + i}`;
    const refs = checkRefs(ctx, file, [...path, 'refs'], it.refs, article);
    const q = makeQuestion(ctx, file, path, it, id);
    if (!q) continue;
    q.refs = refs;
    slots[i].push({ q, file, path, refsPath: it.refs !== undefined ? [...path, 'refs'] : undefined });
  }
  for (const { i, item } of picks) {
    const got = await pickEntries(lc, layer, [...base, i], item, used);
    for (const e of got) if (e.bankKey) used.add(e.bankKey);
    slots[i].push(...got);
  }
  return slots.flat();
}

function splitUse(s: string): { file: string; id: string } | null {
  const at = s.lastIndexOf('#');
  if (at <= 0 || at === s.length - 1) return null;
  return { file: s.slice(0, at).trim(), id: s.slice(at + 1).trim() };
}

async function useEntry(lc: ListCtx, layer: Layer, path: Path, u: UseQuestionSpec): Promise<QEntry | null> {
  const { ctx, article } = lc;
  const file = layer.file;
  const ownRefs = u.refs !== undefined ? checkRefs(ctx, file, [...path, 'refs'], u.refs, article) : undefined;
  const parts = splitUse(u.use);
  if (!parts) {
    ctx.add(diagAt(file, [...path, 'use'], 'questions.use-form', { use: u.use }));
    return null;
  }
  const abs = resolvePath(file.path, parts.file);
  const bank = await loadCheckedBank(ctx, abs, { file, path: [...path, 'use'], written: parts.file });
  if (!bank) return null;
  const found = bank.byId.get(parts.id);
  if (!found) {
    if (!bank.ids.includes(parts.id)) {
      ctx.add(diagAt(file, [...path, 'use'], ...missingBankId(bank, parts.file, parts.id)));
    }
    return null;
  }
  const q = bankQuestion(ctx, bank, found, u.id ?? parts.id, parts.file, { file, path: [...path, 'use'] });
  if (!q) return null;
  if (u.lines !== undefined) q.lines = u.lines;
  q.refs = ownRefs ?? bankRefs(lc, bank, parts.file, found, { file, path: [...path, 'use'] });
  return { q, file, path, bankKey: `${abs}#${parts.id}`, refsPath: ownRefs ? [...path, 'refs'] : undefined };
}

/** Where a lesson takes a bank question (its `use:` or `pick:`): problems of the question are reported there. */
interface UsedAt {
  file: YamlFile;
  path: Path;
}

/** Problems found in a bank question, reported at the lesson's `use`/`pick` line, with the bank position on a second line. */
function reportAtUse(ctx: Ctx, at: UsedAt, bankWritten: string, id: string, found: Diagnostic[]): void {
  // a position needs the lesson's full YAML parse (yaml.ts parses it lazily): only when there is a problem
  if (found.length === 0) return;
  const pos = positionOf(at.file, at.path);
  for (const d of found) {
    // the problem as a catalogue message, so it reads in the reader's language too
    const moved = diagnostic(d.severity, at.file.path, pos.line, pos.col, 'authoring.used-question-problem', { id, bank: bankWritten, problem: msg(d.code, d.params) }, d.hintRef ?? d.hint);
    // a hint that belongs to the moved message stays that message's hint, in every language
    if (!d.hintRef && d.hint !== undefined && CATALOGUE[d.code]?.hint) moved.hintFrom = msg(d.code, d.params);
    moved.related = { file: d.file, line: d.line, col: d.col, message: `the question \`${id}\` is written here`, code: 'authoring.bank-question-here', params: { id } };
    ctx.add(moved);
  }
}

function isGeneral(bank: Bank, q: BankQuestionSpec): boolean {
  return q.general ?? bank.general;
}

function bankQuestion(ctx: Ctx, bank: Bank, found: { q: BankQuestionSpec; index: number }, id: string, bankWritten: string, at: UsedAt): ResolvedQuestion | null {
  const path: Path = ['questions', found.index];
  if (isBad(bank.v.bad, path)) return null;
  const tmp = new Ctx();
  const q = makeQuestion(tmp, bank.file, path, found.q, id, `${bankWritten}#${found.q.id}`);
  reportAtUse(ctx, at, bankWritten, found.q.id, tmp.diagnostics);
  return q;
}

/**
 * A bank question's own refs, for the lesson that uses it: checked against the lesson's article when
 * the bank was written for it (or does not say); left out, with one note per bank, when the bank names
 * another article; none for a general question.
 */
function bankRefs(lc: ListCtx, bank: Bank, bankWritten: string, found: { q: BankQuestionSpec; index: number }, at: UsedAt): string[] {
  const { ctx, article } = lc;
  const path: Path = ['questions', found.index, 'refs'];
  if (!found.q.refs || isBad(bank.v.bad, path) || isGeneral(bank, found.q)) return [];
  if (bank.articlePath && article && bank.articlePath !== article.path) {
    lc.dropped ??= new Map();
    const key = bank.file.path;
    const d = lc.dropped.get(key);
    if (d) d.count++;
    else lc.dropped.set(key, { bank, written: bankWritten, count: 1, file: at.file, path: at.path });
    return [];
  }
  const tmp = new Ctx();
  const out = checkRefs(tmp, bank.file, path, found.q.refs, article);
  reportAtUse(ctx, at, bankWritten, found.q.id, tmp.diagnostics);
  return tmp.hasErrors() ? [] : out;
}

/**
 * A bank, loaded once. Checked as a file of its own (`hiwar check BANK`, no `from`), every question's
 * kind, options and refs are checked there (refs against the bank's `article`, when it names one);
 * taken by a lesson, only the questions it uses are, at the lesson's `use`/`pick` line.
 */
export async function loadCheckedBank(ctx: Ctx, abs: string, from?: RefFrom): Promise<Bank | null> {
  const bank = await loadBank(ctx, abs, from);
  if (bank && !from && !checkedBanks.has(bank)) {
    checkedBanks.add(bank);
    const data = bank.v.data as Record<string, unknown>;
    let article: Article | null = null;
    if (bank.articlePath) article = await loadArticle(ctx, bank.articlePath, { file: bank.file, path: ['article'], written: String(data.article) });
    let refsWithoutArticle = false;
    for (const id of bank.ids) {
      const c = bank.byId.get(id);
      if (!c) continue;
      const path: Path = ['questions', c.index];
      if (isBad(bank.v.bad, path)) continue;
      makeQuestion(ctx, bank.file, path, c.q, id);
      if (c.q.refs && !isBad(bank.v.bad, [...path, 'refs'])) {
        if (isGeneral(bank, c.q)) {
          const pos = positionOf(bank.file, [...path, 'refs'], 'key');
          ctx.add(diagnostic('error', bank.file.path, pos.line, pos.col, 'authoring.general-with-refs', { id }));
        } else {
          checkRefs(ctx, bank.file, [...path, 'refs'], c.q.refs, article);
          if (!bank.articlePath) refsWithoutArticle = true;
        }
      }
    }
    if (refsWithoutArticle) {
      const pos = positionOf(bank.file, []);
      ctx.warn(diagnostic('warning', bank.file.path, pos.line, pos.col, 'authoring.bank-no-article', { bank: path.basename(abs) }));
    }
  }
  return bank;
}
const checkedBanks = new WeakSet<Bank>();

async function pickEntries(lc: ListCtx, layer: Layer, path: Path, item: PickQuestionSpec, used: Set<string>): Promise<QEntry[]> {
  const { ctx } = lc;
  const file = layer.file;
  const spec = item.pick;
  const abs = resolvePath(file.path, spec.from);
  const bank = await loadCheckedBank(ctx, abs, { file, path: [...path, 'pick', 'from'], written: spec.from });
  if (!bank) return [];
  const tags = spec.tags ?? [];
  const levels = spec.level === undefined ? [] : Array.isArray(spec.level) ? spec.level : [spec.level];
  const general = spec.general === true;
  // the lesson's own refs, for every picked question
  let ownRefs: string[] | undefined;
  if (item.refs !== undefined) {
    if (general) {
      const pos = positionOf(file, [...path, 'refs'], 'key');
      ctx.add(diagnostic('error', file.path, pos.line, pos.col, 'authoring.pick-refs-and-general'));
    } else ownRefs = checkRefs(ctx, file, [...path, 'refs'], item.refs, lc.article);
  }
  const candidates: { q: BankQuestionSpec; index: number }[] = [];
  for (const id of bank.ids) {
    const c = bank.byId.get(id)!;
    if (general && !isGeneral(bank, c.q)) continue;
    if (tags.length && !tags.some((t) => (c.q.tags ?? []).includes(t))) continue;
    if (levels.length && !(c.q.level && levels.includes(c.q.level))) continue;
    candidates.push(c);
  }
  const fresh = candidates.filter((c) => !used.has(`${abs}#${c.q.id}`));
  const count = spec.count ?? 1;
  if (general && count > fresh.length && !bank.ids.some((id) => isGeneral(bank, bank.byId.get(id)!.q))) {
    const pos = positionOf(file, [...path, 'pick', 'general']);
    ctx.add(diagnostic('error', file.path, pos.line, pos.col, 'authoring.pick-no-general', { count, bank: spec.from, have: 'none' }));
    return [];
  }
  if (count > fresh.length) {
    const taken = candidates.length - fresh.length;
    const params = {
      count,
      bank: spec.from,
      has: fresh.length === 0 ? msg('questions.pick-none') : msg('questions.pick-only', { n: fresh.length }),
      tags: tags.length ? msg('questions.pick-tagged', { tags: orList(tags.map((t) => `\`${t}\``)) }) : '',
      levels: levels.length ? msg('questions.pick-level', { levels: orList(levels.map((l) => `\`${l}\``)) }) : '',
      taken: taken ? msg('questions.pick-taken', { n: taken }) : '',
    };
    let hint;
    if (fresh.length) hint = msg('questions.pick-matching', { list: codes(fresh.map((c) => c.q.id)) });
    else {
      const allTags = [...new Set(bank.ids.flatMap((id) => bank.byId.get(id)!.q.tags ?? []))].sort();
      const unknown = tags.filter((t) => !allTags.includes(t));
      const dym = unknown.length ? suggestionLead(unknown[0], allTags) : '';
      hint = allTags.length ? msg('questions.bank-tags', { dym, list: codes(allTags, 30) }) : msg('questions.bank-no-tags', { dym });
    }
    ctx.add(diagAt(file, [...path, 'pick', spec.count !== undefined ? 'count' : 'from'], count === 1 ? 'questions.pick-short-one' : 'questions.pick-short', params, hint));
    return [];
  }
  // (`general` joins the key only when set, so picks written before it choose the same questions)
  const key = ['pick', lc.seed, spec.from, [...tags].sort().join(','), [...levels].sort().join(','), count, ...(general ? ['general'] : [])].join('|');
  const rand = mulberry32(hashString(key) ^ lc.seed);
  const chosen = sampleIndices(fresh.length, count, rand).map((k) => fresh[k]);
  const out: QEntry[] = [];
  const at: UsedAt = { file, path: [...path, 'pick'] };
  for (const c of chosen) {
    const q = bankQuestion(ctx, bank, c, c.q.id, spec.from, at);
    if (!q) continue;
    q.refs = ownRefs ?? bankRefs(lc, bank, spec.from, c, at);
    out.push({ q, file, path, bankKey: `${abs}#${c.q.id}`, refsPath: ownRefs ? [...path, 'refs'] : undefined });
  }
  return out;
}

/** Highest N of any `qN` id, so questions added by an overlay continue the numbering. */
function nextAuto(entries: QEntry[]): number {
  let n = entries.length;
  for (const e of entries) {
    const m = /^q(\d+)$/.exec(e.q.id);
    if (m) n = Math.max(n, +m[1]);
  }
  return n + 1;
}

/** The questions of a lesson layer, its overlays' edits applied. */
export async function layerQuestions(lc: ListCtx, layer: Layer): Promise<QEntry[]> {
  const { ctx } = lc;
  const file = layer.file;
  const data = layer.v.data as Record<string, unknown>;
  const value = isObj(data) ? data.questions : undefined;
  if (value === undefined) return layer.parent ? layerQuestions(lc, layer.parent) : [];
  if (isBroken(layer.v.bad, ['questions'])) return [];
  if (Array.isArray(value)) return listEntries(lc, layer, ['questions'], value, 1);
  if (!isObj(value)) return [];
  // an edit of the inherited questions
  if (!layer.parent) {
    if (!layer.hasExtends) {
      ctx.add(diagAt(file, ['questions'], 'questions.edit-needs-extends'));
    }
    return [];
  }
  let list = await layerQuestions(lc, layer.parent);
  const inheritedIds = list.map((e) => e.q.id);
  const edit = value as { drop?: string[]; add?: unknown[]; order?: string[]; limit?: number };
  const auto = nextAuto(list);
  if (edit.drop && !isBroken(layer.v.bad, ['questions', 'drop'])) {
    edit.drop.forEach((id, k) => {
      if (!list.some((e) => e.q.id === id)) {
        ctx.add(diagAt(file, ['questions', 'drop', k], 'questions.no-drop', { id }, msg('questions.inherited-are', { dym: suggestionLead(id, inheritedIds), list: codes(inheritedIds, 30) })));
      }
    });
    const drop = new Set(edit.drop);
    list = list.filter((e) => !drop.has(e.q.id));
  }
  if (edit.add && !isBroken(layer.v.bad, ['questions', 'add'])) {
    list = [...list, ...(await listEntries(lc, layer, ['questions', 'add'], edit.add, auto))];
  }
  if (edit.order && !isBroken(layer.v.bad, ['questions', 'order'])) {
    const ids = list.map((e) => e.q.id);
    const first: QEntry[] = [];
    edit.order.forEach((id, k) => {
      const e = list.find((x) => x.q.id === id);
      if (!e) {
        ctx.add(diagAt(file, ['questions', 'order', k], 'questions.no-order', { id }, msg('questions.questions-are', { dym: suggestionLead(id, ids), list: codes(ids, 30) })));
      } else if (!first.includes(e)) first.push(e);
    });
    list = [...first, ...list.filter((e) => !first.includes(e))];
  }
  if (edit.limit !== undefined && !isBroken(layer.v.bad, ['questions', 'limit'])) list = list.slice(0, edit.limit);
  return list;
}

/** Two questions with one id: an error at the later one, naming where the first is. */
export function checkDuplicateIds(ctx: Ctx, list: QEntry[]): void {
  const first = new Map<string, QEntry>();
  for (const e of list) {
    const prev = first.get(e.q.id);
    if (!prev) {
      first.set(e.q.id, e);
      continue;
    }
    const at = (x: QEntry) => {
      const hasId = idWritten(x);
      return hasId ? [...x.path, 'id'] : x.path;
    };
    const p = positionOf(prev.file, at(prev));
    const where = prev.file === e.file ? msg('questions.at-line', { line: p.line }) : `${prev.file.path}:${p.line}`;
    const auto = /^q\d+$/.test(e.q.id) && !idWritten(e);
    ctx.add(diagAt(e.file, at(e), 'questions.duplicate-id', { id: e.q.id, where }, msg(auto ? 'questions.hint-auto-ids' : 'questions.hint-own-id')));
  }
}

function idWritten(e: QEntry): boolean {
  let v: unknown = e.file.value;
  for (const seg of e.path) v = Array.isArray(v) ? v[seg as number] : isObj(v) ? v[String(seg)] : undefined;
  return isObj(v) && typeof v.id === 'string';
}

export type { ListCtx };
