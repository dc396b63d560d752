// Passage references: p3, p3-p5, p5.s2, p5.s1-s2, and {from, to} quote anchors.
import type { ResolvedPassage } from './model.js';
import type { Article, Paragraph } from './article.js';
import { fold, foldQuery, unfoldSpan, type Folded } from './arabic.js';
import { message, messageHint, msg, say, type MessageRef, type Params } from '../i18n/catalogue.js';

export type Ref =
  | { type: 'paragraphs'; from: number; to: number }
  | { type: 'sentences'; paragraph: number; from: number; to: number }
  | { type: 'anchor'; from: string; to: string };

/**
 * A problem with a ref: a catalogue message (src/i18n/messages/refs.ts) and,
 * where it helps, a hint saying what exists; `message` and `hint` are its
 * English text.
 */
export interface RefProblem {
  code: string;
  params: Params;
  /** the hint, when the message's entry has none of its own */
  hintRef?: MessageRef;
  message: string;
  hint?: string;
}

function problem(code: string, params: Params = {}, hint?: MessageRef): RefProblem {
  const p: RefProblem = { code, params, message: message(code, 'en', params) };
  const h = hint ? say(hint) : messageHint(code, 'en', params);
  if (hint) p.hintRef = hint;
  if (h !== undefined) p.hint = h;
  return p;
}

export type ParseRefResult = { ok: true; ref: Ref } | ({ ok: false } & RefProblem);

const FORMS = msg('refs.forms');

function toWestern(s: string): string {
  return s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/** Parse a ref string. Lenient about case, spaces and Arabic-Indic digits; `p3-5` means `p3-p5`. */
export function parseRef(input: string): ParseRefResult {
  const s = toWestern(input).trim().toLowerCase().replace(/\s+/g, '');
  let m = /^p(\d+)$/.exec(s);
  if (m) return checkPara(input, +m[1], +m[1]);
  m = /^p(\d+)-p?(\d+)$/.exec(s);
  if (m) return checkPara(input, +m[1], +m[2]);
  m = /^p(\d+)\.s(\d+)$/.exec(s);
  if (m) return checkSent(input, +m[1], +m[2], +m[2]);
  m = /^p(\d+)\.s(\d+)-s?(\d+)$/.exec(s);
  if (m) return checkSent(input, +m[1], +m[2], +m[3]);
  m = /^p(\d+)\.s(\d+)-p(\d+)\.s(\d+)$/.exec(s);
  if (m) {
    if (m[1] === m[3]) return checkSent(input, +m[1], +m[2], +m[4]);
    return { ok: false, ...problem('refs.two-paragraphs', { ref: input }) };
  }
  if (s.length === 0) return { ok: false, ...problem('refs.empty', {}, FORMS) };
  m = /^p(\d+)\.(\d+)(?:-(\d+))?$/.exec(s);
  if (m) return { ok: false, ...problem('refs.not-a-ref', { ref: input }, msg('refs.sentence-needs-s', { ref: `p${m[1]}.s${m[2]}${m[3] ? `-s${m[3]}` : ''}` })) };
  return { ok: false, ...problem('refs.not-a-ref', { ref: input }, FORMS) };
}

function checkPara(input: string, a: number, b: number): ParseRefResult {
  if (a === 0 || b === 0) return { ok: false, ...problem('refs.paragraph-zero', { ref: input }) };
  if (b < a) return { ok: false, ...problem('refs.backwards', { ref: input }, msg('refs.write', { ref: `p${b}-p${a}` })) };
  return { ok: true, ref: { type: 'paragraphs', from: a, to: b } };
}

function checkSent(input: string, p: number, a: number, b: number): ParseRefResult {
  if (p === 0) return { ok: false, ...problem('refs.paragraph-zero', { ref: input }) };
  if (a === 0 || b === 0) return { ok: false, ...problem('refs.sentence-zero', { ref: input }) };
  if (b < a) return { ok: false, ...problem('refs.backwards', { ref: input }, msg('refs.write', { ref: `p${p}.s${b}-s${a}` })) };
  return { ok: true, ref: { type: 'sentences', paragraph: p, from: a, to: b } };
}

/** The canonical spelling of a ref. */
export function formatRef(r: Ref): string {
  switch (r.type) {
    case 'paragraphs':
      return r.from === r.to ? `p${r.from}` : `p${r.from}-p${r.to}`;
    case 'sentences':
      return r.from === r.to ? `p${r.paragraph}.s${r.from}` : `p${r.paragraph}.s${r.from}-s${r.to}`;
    case 'anchor':
      return r.from === r.to ? `«${r.from}»` : `«${r.from}» … «${r.to}»`;
  }
}

export type Resolved = { ok: true; paragraphs: ResolvedPassage['paragraphs'] } | ({ ok: false; field?: 'from' | 'to' } & RefProblem);

function excerpt(s: string, max = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max);
  return t.slice(0, cut > max / 2 ? cut : max) + ' …';
}

function hasParagraphs(a: Article): MessageRef {
  return a.paragraphs.length === 1 ? msg('refs.article-has-one') : msg('refs.article-has', { n: a.paragraphs.length });
}

function lastParagraph(a: Article): MessageRef {
  const n = a.paragraphs.length;
  return msg('refs.last-paragraph', { ref: `p${n}`, text: excerpt(a.paragraphs[n - 1].text) });
}

/** Resolve a ref against an article: the exact text, paragraph by paragraph. */
export function resolveRef(article: Article, ref: Ref): Resolved {
  const n = article.paragraphs.length;
  switch (ref.type) {
    case 'paragraphs': {
      if (ref.to > n) {
        const bad = ref.from > n ? ref.from : ref.to;
        return { ok: false, ...problem('refs.no-paragraph', { n: bad, has: hasParagraphs(article) }, lastParagraph(article)) };
      }
      const out = [];
      for (let i = ref.from; i <= ref.to; i++) out.push({ number: i, text: article.paragraphs[i - 1].text, partial: false });
      return { ok: true, paragraphs: out };
    }
    case 'sentences': {
      if (ref.paragraph > n) return { ok: false, ...problem('refs.no-paragraph', { n: ref.paragraph, has: hasParagraphs(article) }, lastParagraph(article)) };
      const p = article.paragraphs[ref.paragraph - 1];
      const k = p.sentences.length;
      if (ref.to > k) {
        const bad = ref.from > k ? ref.from : ref.to;
        const list = p.sentences.map((s) => `p${p.number}.s${s.number} «${excerpt(s.text, 40)}»`).join('; ');
        return { ok: false, ...problem(k === 1 ? 'refs.no-sentence-of-one' : 'refs.no-sentence', { n: bad, p: p.number, k }, msg('refs.sentences-are', { list })) };
      }
      const a = p.sentences[ref.from - 1];
      const b = p.sentences[ref.to - 1];
      const text = p.text.slice(a.start, b.end);
      return { ok: true, paragraphs: [{ number: p.number, text, partial: a.start > 0 || b.end < p.text.length }] };
    }
    case 'anchor':
      return resolveAnchor(article, ref.from, ref.to);
  }
}

/** The article's paragraphs folded for matching, joined by `\n` (anchors never contain one). */
interface FoldedArticle {
  text: string;
  parts: { paragraph: Paragraph; offset: number; folded: Folded }[];
}

const foldCache = new WeakMap<Article, FoldedArticle>();
function foldArticle(a: Article): FoldedArticle {
  let f = foldCache.get(a);
  if (f) return f;
  const parts: FoldedArticle['parts'] = [];
  let text = '';
  for (const p of a.paragraphs) {
    if (text) text += '\n';
    const folded = fold(p.text);
    parts.push({ paragraph: p, offset: text.length, folded });
    text += folded.text;
  }
  f = { text, parts };
  foldCache.set(a, f);
  return f;
}

function anchorShown(s: string): string {
  return excerpt(s, 50);
}

export function resolveAnchor(article: Article, from: string, to: string): Resolved {
  const fa = foldArticle(article);
  const qf = foldQuery(from);
  const qt = foldQuery(to);
  if (!qf) return { ok: false, field: 'from', ...problem('refs.anchor-empty', { field: 'from' }) };
  if (!qt) return { ok: false, field: 'to', ...problem('refs.anchor-empty', { field: 'to' }) };
  const start = fa.text.indexOf(qf);
  if (start < 0) return { ok: false, field: 'from', ...problem('refs.anchor-not-found', { field: 'from', text: anchorShown(from) }, nearestHint(article, qf)) };
  const fromEnd = start + qf.length;
  let t = fa.text.indexOf(qt, start);
  while (t >= 0 && t + qt.length < fromEnd) t = fa.text.indexOf(qt, t + 1);
  if (t < 0) {
    const before = fa.text.indexOf(qt);
    if (before >= 0) return { ok: false, field: 'to', ...problem('refs.anchor-backwards', { text: anchorShown(to) }) };
    return { ok: false, field: 'to', ...problem('refs.anchor-not-found', { field: 'to', text: anchorShown(to) }, nearestHint(article, qt)) };
  }
  const end = t + qt.length;
  const out: ResolvedPassage['paragraphs'] = [];
  for (const part of fa.parts) {
    const pStart = part.offset;
    const pEnd = part.offset + part.folded.text.length;
    if (pEnd <= start || pStart >= end) continue;
    const a = Math.max(start, pStart) - pStart;
    const b = Math.min(end, pEnd) - pStart;
    const [oa, ob] = unfoldSpan(part.folded, part.paragraph.text, a, b);
    const text = part.paragraph.text.slice(oa, ob).trim();
    out.push({ number: part.paragraph.number, text, partial: text.length < part.paragraph.text.length });
  }
  return { ok: true, paragraphs: out };
}

/**
 * Approximate substring match (Sellers): the least edits to turn `q` into some substring of `s`,
 * with where that substring starts and ends.
 */
export function approxFind(q: string, s: string): { cost: number; start: number; end: number } {
  const m = q.length;
  let prev = new Array<number>(m + 1);
  let prevStart = new Array<number>(m + 1);
  for (let i = 0; i <= m; i++) {
    prev[i] = i;
    prevStart[i] = 0;
  }
  let best = { cost: prev[m], start: 0, end: 0 };
  for (let j = 1; j <= s.length; j++) {
    const cur = new Array<number>(m + 1);
    const curStart = new Array<number>(m + 1);
    cur[0] = 0;
    curStart[0] = j;
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1] + (q[i - 1] === s[j - 1] ? 0 : 1);
      const del = prev[i] + 1; // s char unmatched
      const ins = cur[i - 1] + 1; // q char unmatched
      if (sub <= del && sub <= ins) {
        cur[i] = sub;
        curStart[i] = prevStart[i - 1];
      } else if (del <= ins) {
        cur[i] = del;
        curStart[i] = prevStart[i];
      } else {
        cur[i] = ins;
        curStart[i] = curStart[i - 1];
      }
    }
    if (cur[m] < best.cost) best = { cost: cur[m], start: curStart[m], end: j };
    prev = cur;
    prevStart = curStart;
  }
  return best;
}

/** "nearest: p5.s1 «…»" for a quote that does not match. */
export function nearestHint(article: Article, foldedQuery: string): MessageRef | undefined {
  let best: { cost: number; p: Paragraph; sIdx: number; start: number; end: number } | undefined;
  for (const p of article.paragraphs) {
    p.sentences.forEach((s, sIdx) => {
      const f = fold(s.text);
      const r = approxFind(foldedQuery, f.text);
      if (!best || r.cost < best.cost) {
        const [a, b] = unfoldSpan(f, s.text, r.start, Math.max(r.start, r.end));
        best = { cost: r.cost, p, sIdx, start: a, end: b };
      }
    });
  }
  if (!best) return undefined;
  // too far off to be the same text: say so instead of guessing
  if (best.cost > Math.max(3, foldedQuery.length * 0.5)) return msg('refs.nothing-near');
  const s = best.p.sentences[best.sIdx];
  const near = s.text.slice(best.start, best.end).trim();
  const sentence = s.text.length <= 120 ? s.text : excerpt(s.text.slice(Math.max(0, best.start - 30)), 110);
  return msg('refs.nearest', { near, ref: `p${best.p.number}.s${s.number}`, sentence });
}
