// Arabic sentence splitting. A sentence ends at `.` `؟` `?` `!` `…` (or a run of them, e.g. `؟!`, `..`)
// followed by whitespace or the end of the paragraph, except:
//   - inside quotes «…» “…” "…" or brackets (…) […] (balanced ones; a stray mark is ignored),
//   - decimals and dotted names (3.5, example.com: no space after the dot),
//   - abbreviations (a single letter, e.g. `د.`, `م.`, `U.S.`, or a known one such as `Dr.`).

export interface Sentence {
  /** 1-based number within the paragraph */
  number: number;
  /** offsets into the paragraph text: [start, end) */
  start: number;
  end: number;
  text: string;
}

const TERMINATORS = new Set(['.', '؟', '?', '!', '…', '‼', '⁇', '⁈', '⁉']);
const CLOSERS_AFTER = new Set(['»', '”', '"', '’', "'", ')', ']', '›', '}']);

/** Quote/bracket pairs. `sym` marks are their own closer: an occurrence closes when one is open. */
type Kind = 'guil' | 'curly' | 'straight' | 'paren' | 'bracket' | 'single-guil';
const OPEN: Record<string, Kind> = { '«': 'guil', '(': 'paren', '[': 'bracket', '‹': 'single-guil' };
const CLOSE: Record<string, Kind> = { '»': 'guil', ')': 'paren', ']': 'bracket', '›': 'single-guil' };
const SYM: Record<string, Kind> = { '“': 'curly', '”': 'curly', '„': 'curly', '‟': 'curly', '"': 'straight' };

const IS_TERMINATOR = new Uint8Array(0x10000);
for (const ch of TERMINATORS) IS_TERMINATOR[ch.charCodeAt(0)] = 1;
const IS_MARK = new Uint8Array(0x10000);
for (const ch of [...Object.keys(OPEN), ...Object.keys(CLOSE), ...Object.keys(SYM)]) IS_MARK[ch.charCodeAt(0)] = 1;

const ABBREVIATIONS = new Set([
  // Arabic
  'د', 'أ', 'م', 'ص', 'ج', 'ت', 'ق', 'هـ', 'ه', 'ش', 'ط', 'ع', 'أد', 'إلخ', 'الخ', 'ت.م',
  // Latin
  'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'jr', 'sr', 'vs', 'no', 'inc', 'ltd', 'co', 'corp', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep', 'fig', 'vol', 'pp', 'ed', 'eds', 'approx', 'dept', 'univ', 'e.g', 'i.e', 'cf', 'al',
]);

/**
 * Find the quote/bracket marks that pair up. Returns, per offset, +1 (opens), -1 (closes) or 0 (ignored).
 * Unbalanced marks are ignored so one stray quote does not swallow the rest of a paragraph.
 */
function pairMarks(text: string): Int8Array {
  const role = new Int8Array(text.length);
  const stack: { kind: Kind; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    // nearly every character is no mark: skip it without making a string of it (a 10 MB article)
    if (!IS_MARK[text.charCodeAt(i)]) continue;
    const ch = text[i];
    const top = stack[stack.length - 1];
    if (ch in SYM) {
      const kind = SYM[ch];
      if (top && top.kind === kind) {
        stack.pop();
        role[top.at] = 1;
        role[i] = -1;
      } else if (stack.some((s) => s.kind === kind)) {
        // closes an outer one of the same kind: drop what was opened inside it
        while (stack.length && stack[stack.length - 1].kind !== kind) stack.pop();
        const o = stack.pop()!;
        role[o.at] = 1;
        role[i] = -1;
      } else stack.push({ kind, at: i });
    } else if (ch in OPEN) {
      stack.push({ kind: OPEN[ch], at: i });
    } else if (ch in CLOSE) {
      const kind = CLOSE[ch];
      const idx = findLastIndex(stack, (s) => s.kind === kind);
      if (idx >= 0) {
        const o = stack[idx];
        stack.length = idx;
        role[o.at] = 1;
        role[i] = -1;
      }
    }
  }
  return role;
}

function findLastIndex<T>(a: T[], f: (x: T) => boolean): number {
  for (let i = a.length - 1; i >= 0; i--) if (f(a[i])) return i;
  return -1;
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/** The word just before offset `dotAt` (back to whitespace or an opening mark). */
function wordBefore(text: string, dotAt: number): string {
  let s = dotAt;
  while (s > 0 && !isSpace(text[s - 1]) && !(text[s - 1] in OPEN) && !(text[s - 1] in SYM)) s--;
  return text.slice(s, dotAt);
}

function isAbbreviation(word: string): boolean {
  if (word.length === 0) return false;
  const w = word.toLowerCase();
  if (ABBREVIATIONS.has(w)) return true;
  // a single letter (Arabic or Latin): initials, `م.` (year), `د.` (doctor)
  if (/^\p{L}$/u.test(w)) return true;
  // dotted initials: U.S, e.g, أ.د
  if (/^(\p{L}\.)+\p{L}$/u.test(w)) return true;
  return false;
}

export function splitSentences(text: string): Sentence[] {
  const role = pairMarks(text);
  const cuts: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (role[i] === 1) depth++;
    else if (role[i] === -1) depth = Math.max(0, depth - 1);
    if (depth > 0 || !IS_TERMINATOR[text.charCodeAt(i)]) continue;
    let j = i;
    while (j < text.length && TERMINATORS.has(text[j])) j++;
    // closing marks right after the terminator belong to this sentence
    let k = j;
    while (k < text.length && CLOSERS_AFTER.has(text[k]) && role[k] !== 1) k++;
    if (k < text.length && !isSpace(text[k])) {
      i = j - 1;
      continue; // 3.5, example.com, «…؟»و
    }
    if (j - i === 1 && text[i] === '.' && isAbbreviation(wordBefore(text, i))) {
      i = j - 1;
      continue;
    }
    cuts.push(k);
    // account for closers we skipped over
    for (let m = j; m < k; m++) if (role[m] === -1) depth = Math.max(0, depth - 1);
    i = k - 1;
  }
  const out: Sentence[] = [];
  let start = 0;
  const bounds = [...cuts, text.length];
  for (const end of bounds) {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) out.push({ number: out.length + 1, start: s, end: e, text: text.slice(s, e) });
    start = end;
  }
  return out;
}
