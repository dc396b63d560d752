// UAX #9 for one paragraph: embedding levels come from bidi-js; line-level
// rules L1 (trailing whitespace) and L2 (reordering) live here so they can run
// on any sequence (characters in tests, shaped pieces in the layout), and L4
// (mirroring) is exposed per code point for the shaper.
import bidiImport, { type Bidi } from 'bidi-js';

// bidi-js is a UMD bundle typed as an ES module: depending on the loader the
// default import is the factory itself or a namespace holding it.
type BidiFactory = () => Bidi;
const factoryOrNamespace = bidiImport as unknown as BidiFactory | { default: BidiFactory };
const bidi = (typeof factoryOrNamespace === 'function' ? factoryOrNamespace : factoryOrNamespace.default)();

export type Direction = 'rtl' | 'ltr';

export interface ParagraphLevels {
  /** resolved embedding level per UTF-16 code unit of the text */
  levels: Uint8Array;
  /** paragraph embedding level (1 for RTL) */
  baseLevel: number;
}

export interface ResolveOptions {
  /**
   * Higher-level protocol (UAX #9 HL3: emulated LRI…PDI): set URLs as left-to-right
   * isolates so `?q=1` or `/2014/` inside Arabic does not fall apart.
   * Default true; off for the conformance test.
   */
  isolateUrls?: boolean;
}

const LRI = '\u2066';
const PDI = '\u2069';

// Bidi classes of the right-to-left fast path (below); OTHER sends a text to
// bidi-js. Looked up in bidi-js's own data once per code unit.
const UNSEEN = 0;
const R = 1;
const AL = 2;
const NSM = 3;
const NI = 4; // WS, S, ON: neutrals
const B = 5;
const CS = 6;
const ES = 7;
const ET = 8;
const EN = 9;
const AN = 10;
const OTHER = 11;
const FAST_CLASS: Record<string, number> = { R, AL, NSM, WS: NI, S: NI, ON: NI, B, CS, ES, ET, EN, AN };
const classOf = new Uint8Array(0x10000);
let types = new Uint8Array(256);

function classify(c: number): number {
  // surrogate halves: astral characters take the general path (proxyAstral)
  const k = c >= 0xd800 && c <= 0xdfff ? OTHER : (FAST_CLASS[bidi.getBidiCharTypeName(String.fromCharCode(c))] ?? OTHER);
  classOf[c] = k;
  return k;
}

/**
 * UAX #9 for a right-to-left paragraph with no L, BN, explicit embedding or
 * isolate character (most Arabic text, digits included), or null for anything
 * else. With one isolating run sequence at level 1 and sos = eos = R, and no L
 * anywhere, every neutral resolves to R (N0–N2 see EN and AN as R), so a
 * character ends at level 2 exactly when the weak rules W1–W6 leave it EN or
 * AN, and at level 1 otherwise; L1 has nothing to reset (whitespace is at 1).
 * The weak rules are applied here as bidi-js applies them, in the same order.
 */
function rtlWithoutL(text: string, into: Uint8Array | null): Uint8Array | null {
  const n = text.length;
  if (types.length < n) types = new Uint8Array(Math.max(n, types.length * 2));
  const t = types;
  let afterAL = false; // the last strong type (or sos = R) is AL: W2
  let numbers = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let k = classOf[c];
    if (k === UNSEEN) k = classify(c);
    if (k === OTHER) return null;
    // W1: an NSM takes the type before it (sos = R at a paragraph start);
    // that type has had W2 already, which W2 would give the NSM too
    if (k === NSM) k = i === 0 || t[i - 1] === B ? R : t[i - 1];
    if (k === R || k === B) afterAL = false;
    else if (k === AL) afterAL = true;
    else if (k === EN) {
      if (afterAL) k = AN; // W2
      numbers = true;
    } else if (k === AN) numbers = true;
    t[i] = k;
  }
  const levels = into ?? new Uint8Array(n);
  levels.fill(1, 0, n);
  if (!numbers) return levels;
  // W4: a single separator between two numbers of the same type (ES: EN only)
  for (let i = 1; i < n - 1; i++) {
    const k = t[i];
    if (k !== CS && k !== ES) continue;
    const prev = t[i - 1];
    if (prev === t[i + 1] && (prev === EN || (prev === AN && k === CS))) t[i] = prev;
  }
  // W5: a sequence of ETs next to an EN becomes EN (W6 makes the rest ON)
  for (let i = 0; i < n; ) {
    if (t[i] !== ET) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && t[j] === ET) j++;
    if ((i > 0 && t[i - 1] === EN) || (j < n && t[j] === EN)) t.fill(EN, i, j);
    i = j;
  }
  // I2 at level 1: EN and AN go up one level
  for (let i = 0; i < n; i++) if (t[i] === EN || t[i] === AN) levels[i] = 2;
  return levels;
}

let scratch = new Uint8Array(256);

/**
 * resolveLevels for the layout, which reads a paragraph's levels once, right
 * away: they may be in a buffer that the next call reuses (and longer than
 * the text), which spares most paragraphs an allocation.
 */
export function resolveLevelsTransient(text: string, direction: Direction): ParagraphLevels {
  if (direction === 'rtl' && text.length > 0) {
    if (scratch.length < text.length) scratch = new Uint8Array(Math.max(text.length, scratch.length * 2));
    const simple = rtlWithoutL(text, scratch);
    if (simple) return { levels: simple, baseLevel: 1 };
  }
  return resolveLevels(text, direction);
}

/** Embedding levels for one paragraph with the given base direction. */
export function resolveLevels(text: string, direction: Direction | 'auto', options: ResolveOptions = {}): ParagraphLevels {
  const n = text.length;
  if (n === 0) return { levels: new Uint8Array(0), baseLevel: direction === 'rtl' ? 1 : 0 };
  if (direction === 'rtl') {
    // URLs hold Latin letters (L), so a text the fast path takes has none to isolate
    const simple = rtlWithoutL(text, null);
    if (simple) return { levels: simple, baseLevel: 1 };
  }
  const isolateUrls = options.isolateUrls ?? true;
  const spans = isolateUrls ? findUrls(text) : [];
  // bidi-js classifies UTF-16 code units; give astral characters a BMP stand-in
  // of the same class so an emoji is not mistaken for a strong L character.
  const proxied = hasSurrogates(text) ? proxyAstral(text) : text;

  let levels: Uint8Array;
  let baseLevel: number;
  if (spans.length === 0) {
    const r = bidi.getEmbeddingLevels(proxied, direction);
    levels = r.levels;
    baseLevel = r.paragraphs[0]?.level ?? (direction === 'rtl' ? 1 : 0);
  } else {
    // Insert LRI/PDI around each URL, resolve, then drop the inserted marks.
    let s = '';
    const map = new Int32Array(n);
    let last = 0;
    for (const [a, b] of spans) {
      for (let i = last; i < a; i++) map[i] = s.length + (i - last);
      s += proxied.slice(last, a) + LRI;
      for (let i = a; i < b; i++) map[i] = s.length + (i - a);
      s += proxied.slice(a, b) + PDI;
      last = b;
    }
    for (let i = last; i < n; i++) map[i] = s.length + (i - last);
    s += proxied.slice(last);
    const r = bidi.getEmbeddingLevels(s, direction);
    levels = new Uint8Array(n);
    for (let i = 0; i < n; i++) levels[i] = r.levels[map[i]];
    baseLevel = r.paragraphs[0]?.level ?? (direction === 'rtl' ? 1 : 0);
  }
  return { levels, baseLevel };
}

// Bidi classes that rule L1 resets at the end of a line (whitespace and
// isolate controls, plus the characters X9 removes, per UAX #9 §5.2).
const TRAILING = new Set(['WS', 'FSI', 'LRI', 'RLI', 'PDI', 'BN', 'LRE', 'RLE', 'LRO', 'RLO', 'PDF']);

export function bidiClass(text: string, index: number): string {
  return bidi.getBidiCharTypeName(text[index]);
}

/**
 * Rule L1 on the line text[start, end): segment and paragraph separators, the
 * whitespace before them and the whitespace at the end of the line go back to
 * the paragraph level. Returns the line's levels (a copy, index 0 = start).
 */
export function lineLevels(text: string, levels: ArrayLike<number>, start: number, end: number, baseLevel: number): Uint8Array {
  const out = new Uint8Array(end - start);
  for (let i = start; i < end; i++) out[i - start] = levels[i];
  let trailing = true;
  for (let i = end - 1; i >= start; i--) {
    const t = bidiClass(text, i);
    if (t === 'S' || t === 'B') {
      out[i - start] = baseLevel;
      trailing = true;
    } else if (TRAILING.has(t)) {
      if (trailing) out[i - start] = baseLevel;
    } else {
      trailing = false;
    }
  }
  return out;
}

/**
 * Rule L2: from the highest level down to the lowest odd level, reverse every
 * maximal run at that level or higher. Works on any sequence of elements that
 * each carry one level (characters, or shaped pieces of one level each).
 * Returns the element indices in visual order, left to right.
 */
export function visualOrder(levels: ArrayLike<number>): Int32Array {
  return visualOrderInto(levels, levels.length, new Int32Array(levels.length));
}

/** visualOrder over levels[0, n) into `order` (reused by the layout, one line at a time). */
export function visualOrderInto(levels: ArrayLike<number>, n: number, order: Int32Array): Int32Array {
  let max = 0;
  let min = 255;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    const l = levels[i];
    if (l > max) max = l;
    if (l < min) min = l;
  }
  const lowestOdd = min | 1;
  for (let lvl = max; lvl >= lowestOdd; lvl--) {
    let i = 0;
    while (i < n) {
      if (levels[order[i]] >= lvl) {
        let j = i;
        while (j + 1 < n && levels[order[j + 1]] >= lvl) j++;
        for (let a = i, b = j; a < b; a++, b--) {
          const t = order[a];
          order[a] = order[b];
          order[b] = t;
        }
        i = j + 1;
      } else {
        i++;
      }
    }
  }
  return order;
}

const mirrorCache = new Map<number, number>();

/** Rule L4: the Bidi_Mirroring_Glyph of a code point, or the code point itself. */
export function mirrorCodePoint(cp: number): number {
  const cached = mirrorCache.get(cp);
  if (cached !== undefined) return cached;
  const s = bidi.getMirroredCharacter(String.fromCodePoint(cp));
  const m = s ? s.codePointAt(0)! : cp;
  mirrorCache.set(cp, m);
  return m;
}

/** The line text in visual order with mirroring applied (for tests and debugging). */
export function visualString(text: string, levels: ArrayLike<number>, start: number, end: number, baseLevel: number): string {
  const ll = lineLevels(text, levels, start, end, baseLevel);
  const order = visualOrder(ll);
  let s = '';
  for (const i of order) {
    const cp = text.charCodeAt(start + i);
    s += String.fromCharCode(ll[i] & 1 ? mirrorCodePoint(cp) : cp);
  }
  return s;
}

// URLs: scheme or www., up to whitespace or a quote; trailing sentence
// punctuation (Latin or Arabic) is not part of the address.
const URL_RE = /(?:\b(?:https?|ftp):\/\/|\bwww\.)[^\s<>"«»“”]+/gi;
const URL_TRAILING_PUNCT = new Set([...'.,;:!?\'’،؛؟…']);
const URL_CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

export function findUrls(text: string): Array<[number, number]> {
  if (text.indexOf('://') < 0 && !/www\./i.test(text)) return [];
  const out: Array<[number, number]> = [];
  URL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_RE.exec(text))) {
    const url = m[0];
    let end = url.length;
    while (end > 0) {
      const ch = url[end - 1];
      const opener = URL_CLOSERS[ch];
      if (opener) {
        // keep a bracket that closes one opened inside the URL (wiki-style links)
        const body = url.slice(0, end);
        if (body.split(opener).length - 1 >= body.split(ch).length - 1) break;
        end--;
      } else if (URL_TRAILING_PUNCT.has(ch)) {
        end--;
      } else {
        break;
      }
    }
    if (end > 0) out.push([m.index, m.index + end]);
  }
  return out;
}

function hasSurrogates(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

// A BMP character of (approximately) the same bidi class for each astral
// code point, followed by a boundary neutral (ZWSP is BN, which takes the
// level of the character before it).
function proxyAstral(text: string): string {
  let s = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        s += astralClassProxy(cp) + '\u200b';
        i++;
        continue;
      }
    }
    s += text[i];
  }
  return s;
}

function astralClassProxy(cp: number): string {
  if ((cp >= 0x10d00 && cp <= 0x10d3f) || (cp >= 0x10ec0 && cp <= 0x10eff) || (cp >= 0x10f30 && cp <= 0x10f6f) || (cp >= 0x1ec70 && cp <= 0x1eeff)) return '\u0627'; // AL
  if ((cp >= 0x10800 && cp <= 0x10fff) || (cp >= 0x1e800 && cp <= 0x1efff)) return '\u05d0'; // R
  if ((cp >= 0x1d7ce && cp <= 0x1d7ff) || (cp >= 0x1f100 && cp <= 0x1f10a)) return '0'; // EN
  if ((cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x1f300 && cp <= 0x1fbff)) return '!'; // ON (emoji, symbols)
  if (cp >= 0xe0000 && cp <= 0xe0fff) return '\u200b'; // BN (tags, variation selectors)
  return 'a'; // L
}
