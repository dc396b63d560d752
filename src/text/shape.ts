// Shaping with HarfBuzz (harfbuzzjs's WebAssembly build, called through
// harfbuzz.ts). One call shapes one piece of text (a word or a run of spaces)
// in one face, direction and script; results are cached in font units so the
// same word costs one Map lookup anywhere in a course.
//
// Why HarfBuzz and not fontkit's own layout(): fontkit agrees with HarfBuzz on
// every word of the seed article, but it does not mirror brackets in RTL
// runs, does not reorder Arabic marks (shadda + haraka), ignores lookup mark
// filtering sets (mark stacking), resumes after a chained-context match one
// glyph too early (Noto Naskh's stacked marks), has no cluster information,
// and is about 5x slower on Arabic (linear coverage scans in Amiri's large
// contextual lookups). fontkit still opens the fonts, answers metrics and cmap
// questions, and is what pdfkit embeds; glyph ids are the same by construction.
import { hbFont, hbShape } from './harfbuzz.js';
import { hasGlyph } from './fonts.js';
import type { FontFace, GlyphSegment } from './types.js';
import type { Direction } from './bidi.js';

/** A shaped piece in font units; glyphs in visual (left-to-right) order. */
export interface Shaped {
  ids: number[];
  advances: number[];
  xOffsets: number[];
  /** font units, positive up (as in the font) */
  yOffsets: number[];
  /**
   * logical text each glyph stands for: its own characters (a base letter
   * and each mark separately, a ligature its components); "" for the 2nd+
   * glyph one character was split into
   */
  texts: string[];
  /** sum of advances */
  width: number;
  /** characters the face cannot draw: offset in the piece (UTF-16) and code point */
  missing: Array<{ offset: number; codePoint: number }>;
  /** the layout's unstretched segment of this shape at one scale, shared by the lines that use it */
  plain: GlyphSegment | undefined;
}

export interface ShapeStats {
  calls: number;
  hits: number;
  /** glyphs produced by HarfBuzz (cache misses only) */
  shapedGlyphs: number;
  /** milliseconds spent shaping (cache misses only) */
  shapeMs: number;
}

const stats: ShapeStats = { calls: 0, hits: 0, shapedGlyphs: 0, shapeMs: 0 };
// face key -> direction -> script -> text: nested maps, so a lookup hashes
// the word itself and never a key built from it
type TextCache = Map<string, Shaped>;
const cache = new Map<string, Map<Direction, Map<string, TextCache>>>();
// the text cache of the last (face, direction, script): nearly every lookup
let last: { face: string; direction: Direction; script: string; texts: TextCache } | null = null;

function textCache(face: string, direction: Direction, script: string): TextCache {
  if (last !== null && last.face === face && last.direction === direction && last.script === script) return last.texts;
  let perFace = cache.get(face);
  if (!perFace) cache.set(face, (perFace = new Map()));
  let perDirection = perFace.get(direction);
  if (!perDirection) perFace.set(direction, (perDirection = new Map()));
  let texts = perDirection.get(script);
  if (!texts) perDirection.set(script, (texts = new Map()));
  last = { face, direction, script, texts };
  return texts;
}

export function shapeStats(): ShapeStats {
  return { ...stats };
}

let entries = 0;
/**
 * The cache starts over past this many shapes. The 50-lesson bench course has
 * about 2,200 (words and spaces, per face); a watch session that runs for a
 * day keeps adding the words typed, so without a bound it would only grow.
 */
const DEFAULT_LIMIT = 200_000;
let limit = DEFAULT_LIMIT;

const forgetters: Array<() => void> = [];
/**
 * Call `drop` whenever the shape cache is cleared: a cache of layouts made
 * from shapes drops its entries then and there, so no memory (and nothing in
 * the start-up snapshot, which is taken after a warm-up build) keeps them.
 */
export function onShapesForgotten(drop: () => void): void {
  forgetters.push(drop);
}

function forget(): void {
  cache.clear();
  last = null;
  entries = 0;
  for (const drop of forgetters) drop();
}

/** Forget all cached shapes (tests and benchmarks), and so all cached layouts. */
export function clearShapeCache(): void {
  forget();
  stats.calls = stats.hits = stats.shapedGlyphs = stats.shapeMs = 0;
}

/** Set how many shapes the cache keeps before it starts over (tests); no argument: the default. */
export function setShapeCacheLimit(n: number = DEFAULT_LIMIT): void {
  limit = n;
}

/**
 * Shape `text` with `face`. For 'rtl' HarfBuzz applies rule L4 itself: every
 * mirrorable character shows its mirror image (the glyph text keeps the
 * original character for copy and search).
 */
export function shapeText(face: FontFace, text: string, script: string, direction: Direction): Shaped {
  stats.calls++;
  const texts = textCache(face.key, direction, script);
  const hit = texts.get(text);
  if (hit) {
    stats.hits++;
    return hit;
  }
  const t0 = performance.now();
  const shaped = shapeUncached(face, text, script, direction);
  stats.shapeMs += performance.now() - t0;
  stats.shapedGlyphs += shaped.ids.length;
  if (++entries > limit) {
    forget();
    entries = 1;
    textCache(face.key, direction, script).set(text, shaped);
  } else texts.set(text, shaped);
  return shaped;
}

/**
 * Take these shapes as HarfBuzz's (they must be what it gave for this face,
 * direction, script and text): the start-up snapshot's warm-up build runs
 * where HarfBuzz cannot (src/cli/snapshot.ts).
 */
export function primeShapes(shapes: ReturnType<typeof cachedShapes>): void {
  for (const { faceKey, direction, script, text, shaped } of shapes) {
    textCache(faceKey, direction, script).set(text, { ...shaped, plain: undefined });
    entries++;
  }
}

/** Every cached shape, e.g. to check what a layout actually shaped. */
export function cachedShapes(): Array<{ faceKey: string; direction: Direction; script: string; text: string; shaped: Shaped }> {
  const out: Array<{ faceKey: string; direction: Direction; script: string; text: string; shaped: Shaped }> = [];
  for (const [faceKey, perFace] of cache) {
    for (const [direction, perDirection] of perFace) {
      for (const [script, texts] of perDirection) {
        for (const [text, shaped] of texts) out.push({ faceKey, direction, script, text, shaped });
      }
    }
  }
  return out;
}

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
function hasIgnorables(s: string): boolean {
  IGNORABLE.lastIndex = 0;
  return IGNORABLE.test(s);
}
function withoutIgnorables(s: string): string {
  return hasIgnorables(s) ? s.replace(IGNORABLE, '') : s;
}

function shapeUncached(face: FontFace, text: string, script: string, direction: Direction): Shaped {
  // Characters cluster level: a base and its marks keep their own clusters,
  // so each glyph can name just its own characters (what a PDF ToUnicode map
  // needs); invisible controls (ZWJ, bidi marks) leave no glyph behind.
  const { count: n, info, infoAt, pos, posAt } = hbShape(hbFont(face.path), text, direction === 'rtl', script);
  // glyph j: id info[infoAt + 5j], cluster info[infoAt + 5j + 2]; advance, x and y offsets pos[posAt + 5j] (+2, +3)
  const clusters = new Int32Array(n);
  for (let j = 0; j < n; j++) clusters[j] = info[infoAt + 5 * j + 2];

  // A glyph's characters run from its cluster to the next larger cluster.
  const sorted = clusters.slice();
  sorted.sort();
  const endOf = new Int32Array(text.length); // by cluster start
  for (let k = n - 1, next = text.length; k >= 0; k--) {
    const c = sorted[k];
    if (c < next) {
      endOf[c] = next;
      next = c;
    }
  }

  const ids: number[] = [];
  const advances: number[] = [];
  const xOffsets: number[] = [];
  const yOffsets: number[] = [];
  const texts: string[] = [];
  const missing: Array<{ offset: number; codePoint: number }> = [];
  const seen = new Uint8Array(text.length);
  const ignorables = hasIgnorables(text);
  let width = 0;
  const rtl = direction === 'rtl';
  // walk in logical order so the first glyph of a cluster carries its text
  const glyphTexts: string[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const j = rtl ? n - 1 - k : k;
    const c = clusters[j];
    // invisible controls (bidi isolates, ZWNJ) travel with a neighbour's
    // cluster; they are not what the glyph shows, and the PDF's ToUnicode map
    // keeps a glyph's first text for every later use, so leave them out
    if (seen[c]) glyphTexts[j] = '';
    else {
      const chars = text.slice(c, endOf[c]);
      glyphTexts[j] = ignorables ? withoutIgnorables(chars) : chars;
      seen[c] = 1;
    }
  }
  for (let j = 0; j < n; j++) {
    const id = info[infoAt + 5 * j];
    if (id === 0) {
      // .notdef is never drawn: report the characters of its cluster the font lacks
      const c = clusters[j];
      const end = endOf[c];
      let reported = false;
      for (let i = c; i < end; i++) {
        const cp = text.codePointAt(i)!;
        if (!hasGlyph(face, cp)) {
          if (!missing.some((m) => m.offset === i)) missing.push({ offset: i, codePoint: cp });
          reported = true;
        }
        if (cp > 0xffff) i++;
      }
      if (!reported && glyphTexts[j]) missing.push({ offset: c, codePoint: text.codePointAt(c)! });
      continue;
    }
    const p = posAt + 5 * j;
    ids.push(id);
    advances.push(pos[p]);
    xOffsets.push(pos[p + 2]);
    yOffsets.push(pos[p + 3]);
    texts.push(glyphTexts[j]);
    width += pos[p];
  }
  missing.sort((a, b) => a.offset - b.offset);
  return { ids, advances, xOffsets, yOffsets, texts, width, missing, plain: undefined };
}
