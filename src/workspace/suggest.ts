// "Did you mean …?" suggestions by edit distance.
import { msg, type MessageRef, type Param } from '../i18n/catalogue.js';

/** Damerau-Levenshtein (optimal string alignment) distance. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => {
    const row = new Array<number>(n + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[m][n];
}

/** The closest candidate if it is close enough to be a plausible typo, else undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    if (cl === w) return c;
    const d = editDistance(w, cl);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.min(3, Math.floor(Math.max(w.length, best.length) / 3)));
  // a prefix/suffix relation (e.g. `question` for `questions`) is also a good guess
  const bl = best.toLowerCase();
  if (bestD <= limit || (w.length >= 3 && (bl.startsWith(w) || w.startsWith(bl)))) return best;
  return undefined;
}

export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const c = closest(word, candidates);
  return c === undefined ? undefined : `did you mean \`${c}\`?`;
}

/** `a`, `b` and `c` */
export function listCode(items: readonly (string | number)[], max = 12): string {
  const shown = items.slice(0, max).map((x) => `\`${x}\``);
  const more = items.length > max ? `, … (${items.length - max} more)` : '';
  return shown.join(', ') + more;
}

/** "did you mean `x`?" as a catalogue message, or undefined when nothing is close. */
export function suggestion(word: string, candidates: readonly string[]): MessageRef | undefined {
  const c = closest(word, candidates);
  return c === undefined ? undefined : msg('core.did-you-mean', { what: `\`${c}\`` });
}

/** "did you mean `x`? " to lead another hint (`{dym}`), or '' when nothing is close. */
export function suggestionLead(word: string, candidates: readonly string[]): Param {
  const c = closest(word, candidates);
  return c === undefined ? '' : msg('core.did-you-mean-lead', { what: `\`${c}\`` });
}

/** `a`, `b`, `c`, … (N more): a list parameter, joined in the language it is shown in. */
export function codes(items: readonly (string | number)[], max = 12): Param {
  const shown: Param[] = items.slice(0, max).map((x) => `\`${x}\``);
  if (items.length > max) shown.push(msg('core.more-items', { n: items.length - max }));
  return shown;
}

/** `a`, `a or b`, `a or b or c` (in the language shown). */
export function orList(items: readonly string[]): Param {
  if (items.length <= 1) return items[0] ?? '';
  return msg('core.or', { first: items[0], rest: orList(items.slice(1)) });
}
