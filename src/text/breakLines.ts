// Line breaking: UAX #14 says where a line may end (the linebreak package),
// less a few book rules (no break inside a number range or after a short
// label); shaped widths say where it must. Greedy first-fit, which is what
// readers of justified Arabic expect, and linear in the number of pieces; then
// one Knuth–Plass-style choice at the end of the paragraph, so that it does
// not end on one word alone (a runt) when a slightly looser line above avoids
// it, nor keep a very loose line there when the lines above can share its space.
import LineBreaker from 'linebreak';

export interface BreakOpportunity {
  /** UTF-16 index where a new line may start */
  position: number;
  /** true after a newline: the line must end here */
  required: boolean;
}

/** UAX #14 break opportunities, excluding the trivial one at the end of the text. */
export function breakOpportunities(text: string): BreakOpportunity[] {
  const out: BreakOpportunity[] = [];
  const breaker = new LineBreaker(text);
  let bk;
  while ((bk = breaker.nextBreak())) {
    if (bk.position >= text.length && !bk.required) continue;
    out.push({ position: bk.position, required: bk.required });
  }
  return out;
}

/**
 * The same opportunities as flags per UTF-16 position (text.length + 1 of
 * them): 1 = a line may start here, 2 = a line must start here. Written into
 * `into` when given (reused by the layout; it may be longer). Book rules
 * (`glued`) then take away the breaks UAX #14 allows but a typesetter would not.
 */
export function breakFlags(text: string, into?: Uint8Array): Uint8Array {
  const flags = into ?? new Uint8Array(text.length + 1);
  if (into) flags.fill(0, 0, text.length + 1);
  const breaker = new LineBreaker(text);
  let bk;
  while ((bk = breaker.nextBreak())) {
    if (bk.required) flags[bk.position] = 2;
    else if (bk.position < text.length) flags[bk.position] = 1;
  }
  for (const at of glued(text)) if (flags[at] === 1) flags[at] = 0;
  return flags;
}

// The book rules, as patterns (what `glued` finds, scanning by hand):
//   a number range   /\p{Nd}[-\u2010-\u2014]\p{L}?\p{Nd}/gu, breaks kept out 2 after its start:
//                    «١٧–١٨», «ف١٧–ف١٨», «16-18»;
//   a short label    /(?<![\p{L}\p{M}\p{Nd}])\(?(?:\p{Nd}{1,3}|\p{L}{1,2})\)[ \t]+(?=\S)/gu,
//                    and the space after it: «٢) », «أ) », «(ب) »;
//   a ref pair       /(?<![\p{L}\p{M}])ف\p{Nd}+[ \t]+(?=ج\p{Nd})/gu: «ف٦ ج١».
// As regular expressions they cost a cold run ~13 ms (the start-up snapshot
// keeps no compiled regular expression, and the look-behind's letter classes
// run at every position of a paragraph until V8 compiles them); by hand they
// look only around the one character each needs. tests/text/glued.test.ts
// checks both give the same positions.

const LETTER = 1;
const MARK = 2;
const DIGIT = 4;
const KNOWN = 8;
// the general category (L, M or Nd) of each BMP code unit met so far: a
// character is asked about once per process (the warm-up build of the
// start-up snapshot fills in the Arabic ones)
const categories = new Uint8Array(0x10000);

function categoryOf(cp: number): number {
  if (cp < 0x10000 && categories[cp] !== 0) return categories[cp];
  const c = String.fromCodePoint(cp);
  const cat = (/\p{L}/u.test(c) ? LETTER : 0) | (/\p{M}/u.test(c) ? MARK : 0) | (/\p{Nd}/u.test(c) ? DIGIT : 0) | KNOWN;
  if (cp < 0x10000) categories[cp] = cat;
  return cat;
}

/** The code point that ends just before `i` (a surrogate pair read as one), or -1 at the start. */
function codePointBefore(text: string, i: number): number {
  if (i <= 0) return -1;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

const width = (cp: number) => (cp > 0xffff ? 2 : 1);
const isDash = (c: number) => c === 0x2d || (c >= 0x2010 && c <= 0x2014);
const isBlank = (c: number) => c === 0x20 || c === 0x09;
/** \s of a regular expression (every such character is in the BMP) */
const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const JEEM = 0x062c;

/**
 * Positions where a line must not start although UAX #14 allows it: inside a
 * number range or a reference tag («ف١٧–١٨» breaks after the dash), and after
 * a short label («٢)» would end a line alone). The patterns are above.
 */
export function glued(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  // a number range: the digit before each dash, then an optional letter and a digit
  for (let d = 1, taken = 0; d < n; d++) {
    if (!isDash(text.charCodeAt(d))) continue;
    const first = codePointBefore(text, d);
    const start = d - width(first);
    if (start < taken || !(categoryOf(first) & DIGIT)) continue;
    let at = d + 1;
    if (at >= n) continue;
    let cp = text.codePointAt(at)!;
    if (categoryOf(cp) & LETTER) {
      at += width(cp);
      if (at >= n) continue;
      cp = text.codePointAt(at)!;
    }
    if (!(categoryOf(cp) & DIGIT)) continue;
    out.push(start + 2);
    taken = at + width(cp);
  }
  // a short label: one to three digits or one or two letters before each closing bracket
  for (let q = text.indexOf(')'); q >= 0; q = text.indexOf(')', q + 1)) {
    let end = q + 1;
    while (end < n && isBlank(text.charCodeAt(end))) end++;
    if (end === q + 1 || end >= n || isSpace(text.charCodeAt(end))) continue;
    const last = codePointBefore(text, q);
    if (last < 0) continue;
    const kind = categoryOf(last) & DIGIT ? DIGIT : categoryOf(last) & LETTER ? LETTER : 0;
    if (kind === 0) continue;
    const most = kind === DIGIT ? 3 : 2;
    let from = q;
    let count = 0;
    for (let cp = last; cp >= 0 && categoryOf(cp) & kind && count <= most; cp = codePointBefore(text, from)) {
      from -= width(cp);
      count++;
    }
    if (count > most) continue;
    // not the end of a word (an opening bracket before it is no part of one)
    const before = codePointBefore(text, from);
    if (before >= 0 && categoryOf(before) & (LETTER | MARK | DIGIT)) continue;
    out.push(end);
  }
  // a ref pair: «ف» and digits, spaces, then «ج» and a digit
  for (let f = text.indexOf('ف'); f >= 0; f = text.indexOf('ف', f + 1)) {
    const before = codePointBefore(text, f);
    if (before >= 0 && categoryOf(before) & (LETTER | MARK)) continue;
    let at = f + 1;
    while (at < n && categoryOf(text.codePointAt(at)!) & DIGIT) at += width(text.codePointAt(at)!);
    if (at === f + 1) continue;
    const blanks = at;
    while (at < n && isBlank(text.charCodeAt(at))) at++;
    if (at === blanks || text.charCodeAt(at) !== JEEM || at + 1 >= n || !(categoryOf(text.codePointAt(at + 1)!) & DIGIT)) continue;
    out.push(at);
  }
  return out;
}

/** What the breaker needs to know about one unbreakable piece of a paragraph. */
export interface BreakPiece {
  /** advance width in points */
  width: number;
  /** a space: collapses at the end of a line and never starts one */
  space: boolean;
  /** a line may end after this piece */
  breakAfter: boolean;
  /** the line must end after this piece (newline) */
  forcedAfter: boolean;
  /** words joined by no-break spaces in this piece, when more than one («(تحليل — ف١)») */
  words?: number;
}

/**
 * Replace piece `index` by smaller pieces whose first one fits in `available`
 * points when possible (at least one grapheme), or return null if the piece
 * cannot be split. Used for words longer than a whole line.
 */
export type SplitPiece<P extends BreakPiece> = (index: number, available: number) => P[] | null;

/**
 * Greedy line breaking. Returns the exclusive end index of each line in
 * `pieces` (which may have grown: over-long words are split in place).
 */
export function breakLines<P extends BreakPiece>(pieces: P[], width: number, split?: SplitPiece<P>): number[] {
  const ends: number[] = [];
  const eps = 1e-6;
  let start = 0;
  while (start < pieces.length) {
    // spaces at the start of a line (after a break) stay on the previous line
    let lineWidth = 0; // up to the end of the last content piece
    let pending = 0; // spaces after the last content piece
    let hasContent = false;
    let lastBreak = -1; // index of a piece after which we may break
    let end = -1;
    let i = start;
    for (; i < pieces.length; i++) {
      const p = pieces[i];
      if (p.space) {
        pending += p.width;
      } else {
        const w = lineWidth + pending + p.width;
        if (w > width + eps && (hasContent || p.width > width + eps)) {
          if (hasContent && lastBreak >= start) {
            end = lastBreak + 1;
            break;
          }
          if (hasContent) {
            // no opportunity on the line at all: break between pieces
            end = i;
            break;
          }
          // the first piece of the line is wider than the line: split it
          const parts = split ? split(i, Math.max(0, width - pending)) : null;
          if (parts && parts.length > 1) {
            pieces.splice(i, 1, ...parts);
            i--; // look at the first part again
            continue;
          }
          // cannot split (one grapheme): let it overflow alone
        }
        lineWidth = w;
        pending = 0;
        hasContent = true;
      }
      if (p.forcedAfter) {
        end = i + 1;
        break;
      }
      if (p.breakAfter) lastBreak = i;
    }
    if (end < 0) end = pieces.length;
    ends.push(end);
    start = end;
  }
  avoidRunt(pieces, ends, width);
  return ends;
}

/**
 * Cost of a one-word last line, in the units of `looseness` (Typst's
 * linebreak.rs likewise adds a runt cost to a paragraph's last line): worth
 * a line above whose spaces stretch to about 1.8 times their width.
 */
const RUNT_COST = 50;
/** a line whose spaces stretch past twice their width is too loose: the lines around it share its space */
const MAX_RATIO = 1;

/** How far a line's spaces must stretch to fill it: 100·r³ for a stretch ratio r (TeX's badness); Infinity when it cannot. */
function looseness(pieces: BreakPiece[], start: number, end: number, width: number): number {
  let last = end - 1;
  while (last >= start && pieces[last].space) last--;
  let natural = 0;
  let spaces = 0;
  for (let k = start; k <= last; k++) {
    natural += pieces[k].width;
    if (pieces[k].space) spaces += pieces[k].width;
  }
  if (natural > width + 1e-6) return Infinity;
  if (spaces === 0) return natural < width - 1e-6 ? Infinity : 0;
  const r = (width - natural) / spaces;
  return 100 * r * r * r;
}

/** Content pieces of [start, end) separated by a space, trailing spaces aside: a line of one word has one group. */
function words(pieces: BreakPiece[], start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let k = start; k < end; k++) {
    if (pieces[k].space) inWord = false;
    else {
      if (!inWord) n++;
      inWord = true;
      n += (pieces[k].words ?? 1) - 1;
    }
  }
  return n;
}

/** How many lines above the last one may be broken again. */
const WINDOW = 3;

/**
 * The end of a paragraph, Knuth–Plass style: when its last line holds one
 * word, or a line near the end is too loose (a long unbreakable piece such as
 * a question's «(تحليل — ف١١، ف١٧–١٨)» could not join it), break the few lines
 * above the last one again for the least total looseness, plus the runt's cost
 * if one is left, over the same number of lines. Words moved down keep a lone
 * last word company; a loose line shares its space with the lines above it.
 * Changes `ends` in place.
 */
function avoidRunt(pieces: BreakPiece[], ends: number[], width: number): void {
  const n = ends.length;
  if (n < 2) return;
  const end = ends[n - 1];
  if (pieces[ends[n - 2] - 1].forcedAfter) return;
  // the window: lines from the last forced break (or WINDOW lines up) to the end
  let first = Math.max(0, n - 1 - WINDOW);
  for (let l = n - 2; l > first; l--) if (pieces[ends[l - 1] - 1].forcedAfter) first = l;
  const start = first > 0 ? ends[first - 1] : 0;
  const lines = n - 1 - first; // lines above the last one, in the window
  const runtCost = (k: number) => (words(pieces, k, end) === 1 ? RUNT_COST : 0);
  let greedy = runtCost(ends[n - 2]);
  let tooLoose = false;
  for (let l = first; l < n - 1; l++) {
    const cost = looseness(pieces, l > 0 ? ends[l - 1] : 0, ends[l], width);
    greedy += cost;
    if (cost > 100 * MAX_RATIO ** 3) tooLoose = true;
  }
  if (runtCost(ends[n - 2]) === 0 && !tooLoose) return;
  // where a line may start inside the window
  const cand: number[] = [];
  for (let k = start + 1; k < end; k++) if (pieces[k - 1].breakAfter && !pieces[k].space) cand.push(k);
  // best[m][c]: least cost of m lines from `start` ending at cand[c]
  const best: number[][] = [];
  const from: number[][] = [];
  for (let m = 1; m <= lines; m++) {
    best.push(cand.map(() => Infinity));
    from.push(cand.map(() => -1));
    cand.forEach((k, c) => {
      if (m === 1) {
        best[0][c] = looseness(pieces, start, k, width);
        return;
      }
      for (let b = 0; b < c; b++) {
        const before = best[m - 2][b];
        if (before === Infinity) continue;
        const cost = before + looseness(pieces, cand[b], k, width);
        if (cost < best[m - 1][c]) {
          best[m - 1][c] = cost;
          from[m - 1][c] = b;
        }
      }
    });
  }
  let pick = -1;
  let pickCost = greedy - 1e-9; // the greedy lines stay unless something is better
  cand.forEach((k, c) => {
    const above = best[lines - 1][c];
    if (above === Infinity || !fitsLast(pieces, k, end, width)) return;
    const cost = above + runtCost(k);
    if (cost < pickCost) {
      pick = c;
      pickCost = cost;
    }
  });
  if (pick < 0) return;
  for (let m = lines; m >= 1; m--) {
    ends[first + m - 1] = cand[pick];
    pick = from[m - 1][pick];
  }
}

/** The last line [start, end) fits in the width (it is never stretched). */
function fitsLast(pieces: BreakPiece[], start: number, end: number, width: number): boolean {
  let w = 0;
  let last = end - 1;
  while (last >= start && pieces[last].space) last--;
  for (let k = start; k <= last; k++) w += pieces[k].width;
  return w <= width + 1e-6;
}
