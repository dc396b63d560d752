// Shaping with fontkit. One call shapes one piece of text (a word or a run of
// spaces) in one face, direction and script; results are cached in font
// units so the same word costs one lookup anywhere in a course.
import type { Font, Glyph, GlyphRun as FkGlyphRun } from 'fontkit';
import type { FontFace } from './types.js';
import { mirrorCodePoint, type Direction } from './bidi.js';

/** A shaped piece in font units; glyphs in visual (left-to-right) order. */
export interface Shaped {
  ids: number[];
  advances: number[];
  xOffsets: number[];
  yOffsets: number[];
  /** logical text each glyph stands for ("" for the 2nd+ glyph of one character) */
  texts: string[];
  /** sum of advances */
  width: number;
  /** characters the face cannot draw: offset in the piece (UTF-16) and code point */
  missing: Array<{ offset: number; codePoint: number }>;
}

export interface ShapeStats {
  calls: number;
  hits: number;
  /** shaped glyphs produced by fontkit (cache misses only) */
  shapedGlyphs: number;
  /** milliseconds spent inside fontkit */
  shapeMs: number;
}

const stats: ShapeStats = { calls: 0, hits: 0, shapedGlyphs: 0, shapeMs: 0 };
const cache = new Map<string, Map<string, Shaped>>();

export function shapeStats(): ShapeStats {
  return { ...stats };
}

/** Forget all cached shapes (tests and benchmarks). */
export function clearShapeCache(): void {
  cache.clear();
  stats.calls = stats.hits = stats.shapedGlyphs = stats.shapeMs = 0;
}

/**
 * Shape `text` with `face`. For 'rtl' the text is mirrored first (rule L4:
 * every mirrorable character in a right-to-left run shows its mirror image,
 * as HarfBuzz does for RTL buffers; fontkit does not), while the per-glyph
 * text keeps the original characters for copy and search.
 */
export function shapeText(face: FontFace, text: string, script: string, direction: Direction): Shaped {
  stats.calls++;
  let perFace = cache.get(face.key);
  if (!perFace) cache.set(face.key, (perFace = new Map()));
  const key = direction + '\u0000' + script + '\u0000' + text;
  const hit = perFace.get(key);
  if (hit) {
    stats.hits++;
    return hit;
  }
  const t0 = performance.now();
  const shaped = shapeUncached(face.font, text, script, direction);
  stats.shapeMs += performance.now() - t0;
  stats.shapedGlyphs += shaped.ids.length;
  perFace.set(key, shaped);
  return shaped;
}

const DEFAULT_IGNORABLE = /^\p{Default_Ignorable_Code_Point}+$/u;
const VARIATION_SELECTOR = /[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/;

// fontkit keeps the code points each output glyph stands for (ligature
// components, multiplied glyphs) in its private GlyphInfo list, which it drops
// at the end of layout(). We read that list just before it is dropped, so each
// glyph gets its own text (what a PDF ToUnicode map needs).
interface FkGlyphInfo {
  id: number;
  codePoints: number[];
}
interface FkEngine {
  glyphInfos: FkGlyphInfo[] | null;
  cleanup(): void;
}
interface Capture {
  infos: FkGlyphInfo[] | null;
}
const CAPTURE = Symbol('hiwar.glyphInfos');

function captureFor(font: Font): Capture | null {
  const engine = (font as unknown as { _layoutEngine?: { engine?: FkEngine & { [CAPTURE]?: Capture } } })._layoutEngine?.engine;
  if (!engine || typeof engine.cleanup !== 'function') return null;
  let cap = engine[CAPTURE];
  if (!cap) {
    const box: Capture = { infos: null };
    const cleanup = engine.cleanup;
    engine.cleanup = function (this: FkEngine) {
      box.infos = this.glyphInfos;
      cleanup.call(this);
    };
    engine[CAPTURE] = cap = box;
  }
  return cap;
}

// fontkit parses a lookup's mark filtering set (OpenType 1.6 UseMarkFilteringSet)
// but its glyph iterator ignores it, so a mark-to-mark lookup meant for marks
// above also "sees" marks below: in "مًِْ" the sukun then fails to stack on
// the tanween (HarfBuzz and the font's designer expect it to). We attach each
// lookup's filtering set to the flags object fontkit hands its iterator, and
// teach the iterator to skip marks outside the set, as HarfBuzz does.
interface FkLookup {
  flags: { flags: { useMarkFilteringSet?: boolean }; markFilteringSet?: number };
  markFilteringSet?: number;
}
interface FkCoverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: Array<{ start: number; end: number }>;
}
interface FkIterator {
  options?: { markFilteringSet?: number };
}
interface FkGlyphInfoProps {
  isMark?: boolean;
  id: number;
  _font?: Font;
}
const markSets = new WeakMap<object, Array<Set<number>>>();
const preparedFonts = new WeakSet<object>();
let iteratorPatched = false;

function coverageSet(cov: FkCoverage): Set<number> {
  const set = new Set<number>();
  if (cov.version === 1) for (const g of cov.glyphs ?? []) set.add(g);
  else for (const r of cov.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) set.add(g);
  return set;
}

function prepareFont(font: Font): void {
  if (preparedFonts.has(font)) return;
  preparedFonts.add(font);
  const f = font as unknown as {
    GDEF?: { markGlyphSetsDef?: { coverage: FkCoverage[] } };
    GSUB?: { lookupList?: { length: number; get(i: number): FkLookup } };
    GPOS?: { lookupList?: { length: number; get(i: number): FkLookup } };
  };
  const sets = f.GDEF?.markGlyphSetsDef?.coverage;
  if (!sets || sets.length === 0) return;
  markSets.set(font, sets.map(coverageSet));
  for (const table of [f.GSUB, f.GPOS]) {
    const list = table?.lookupList;
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      const lookup = list.get(i);
      if (lookup?.flags?.flags?.useMarkFilteringSet && lookup.markFilteringSet !== undefined) lookup.flags.markFilteringSet = lookup.markFilteringSet;
    }
  }
  // The iterator class is private to fontkit: reach it through a processor
  // after one layout, and patch its prototype once.
  if (!iteratorPatched) {
    font.layout('a');
    const engine = (font as unknown as { _layoutEngine?: { engine?: { GSUBProcessor?: { glyphIterator?: object }; GPOSProcessor?: { glyphIterator?: object } } } })._layoutEngine?.engine;
    const it = engine?.GPOSProcessor?.glyphIterator ?? engine?.GSUBProcessor?.glyphIterator;
    const proto = it ? (Object.getPrototypeOf(it) as { shouldIgnore?: (g: FkGlyphInfoProps) => boolean }) : null;
    if (proto && typeof proto.shouldIgnore === 'function') {
      const original = proto.shouldIgnore;
      proto.shouldIgnore = function (this: FkIterator, glyph: FkGlyphInfoProps): boolean {
        if (original.call(this, glyph)) return true;
        const set = this.options?.markFilteringSet;
        if (set === undefined || !glyph.isMark || !glyph._font) return false;
        const filter = markSets.get(glyph._font)?.[set];
        return !!filter && !filter.has(glyph.id);
      };
      iteratorPatched = true;
    }
  }
}

function shapeUncached(font: Font, text: string, script: string, direction: Direction): Shaped {
  prepareFont(font);
  const rtl = direction === 'rtl';
  // Code points (mirrored for RTL) and their UTF-16 offsets.
  const cps: number[] = [];
  const offsets: number[] = [];
  const mirroredFrom = new Map<number, number>();
  const missing: Array<{ offset: number; codePoint: number }> = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    let use = cp;
    if (rtl) {
      const m = mirrorCodePoint(cp);
      // like HarfBuzz: mirror only when the face has the mirrored glyph
      if (m !== cp && font.hasGlyphForCodePoint(m)) {
        use = m;
        mirroredFrom.set(m, cp);
      }
    }
    if (!font.hasGlyphForCodePoint(use) && !DEFAULT_IGNORABLE.test(String.fromCodePoint(cp))) {
      missing.push({ offset: i, codePoint: cp });
    }
    cps.push(use);
    offsets.push(i);
    if (cp > 0xffff) i++;
  }

  reorderMarks(cps);

  const cap = captureFor(font);
  if (cap) cap.infos = null;
  let run: FkGlyphRun;
  if (VARIATION_SELECTOR.test(text)) {
    // let fontkit pair base + selector through the cmap itself
    run = font.layout(mirroredFrom.size ? String.fromCodePoint(...cps) : text, undefined, script, undefined, direction);
  } else {
    // Build the input glyphs ourselves: fontkit's cached Glyph objects remember
    // the first code point that reached them, so a glyph shared by two
    // characters (space and no-break space) would report the wrong one.
    const glyphs: Glyph[] = new Array(cps.length);
    for (let k = 0; k < cps.length; k++) {
      const g = font.glyphForCodePoint(cps[k]);
      glyphs[k] = g.codePoints.length === 1 && g.codePoints[0] === cps[k] ? g : (Object.create(g, { codePoints: { value: [cps[k]] } }) as Glyph);
    }
    run = font.layout(glyphs as unknown as string, undefined, script, undefined, direction);
  }
  const infos = cap?.infos ?? null;
  if (cap) cap.infos = null;

  const n = run.glyphs.length;
  // Per-glyph logical text, in output (visual) order.
  const texts: string[] = new Array(n);
  if (infos && infos.length === n) {
    for (let j = 0; j < n; j++) {
      const info = infos[rtl ? n - 1 - j : j];
      let s = '';
      for (const cp of info.codePoints) s += String.fromCodePoint(mirroredFrom.get(cp) ?? cp);
      texts[j] = s;
    }
  } else if (n === cps.length) {
    // no ligatures or decompositions: one glyph per character, in order
    for (let j = 0; j < n; j++) {
      const cp = cps[rtl ? n - 1 - j : j];
      texts[j] = String.fromCodePoint(mirroredFrom.get(cp) ?? cp);
    }
  } else {
    // unknown mapping: the first logical glyph carries the whole text
    for (let j = 0; j < n; j++) texts[j] = '';
    if (n) texts[rtl ? n - 1 : 0] = text;
  }

  const ids: number[] = [];
  const advances: number[] = [];
  const xOffsets: number[] = [];
  const yOffsets: number[] = [];
  const outTexts: string[] = [];
  let width = 0;
  for (let j = 0; j < n; j++) {
    const id = run.glyphs[j].id;
    const p = run.positions[j];
    // .notdef is never drawn (reported above), and default ignorables
    // (ZWJ, bidi marks) that fontkit turned into zero-width spaces carry no ink.
    if (id === 0) continue;
    if (p.xAdvance === 0 && texts[j] !== '' && DEFAULT_IGNORABLE.test(texts[j])) continue;
    ids.push(id);
    advances.push(p.xAdvance);
    xOffsets.push(p.xOffset);
    yOffsets.push(p.yOffset);
    outTexts.push(texts[j]);
    width += p.xAdvance;
  }
  return { ids, advances, xOffsets, yOffsets, texts: outTexts, width, missing };
}

// Canonical ordering of Arabic marks as HarfBuzz's normalizer does it: a
// sequence of marks is stably sorted by combining class, with shadda moved
// before the other harakat (HarfBuzz's "modified combining class", after the
// Unicode normalization FAQ #8/#9), then hamza/madda-style "modifier
// combining marks" move to the front of their class (HarfBuzz's Arabic
// reorder_marks). fontkit does neither, and Amiri's shadda+haraka forms rely
// on this order. Only Arabic marks are reordered; other marks are left as typed.
function arabicMarkClass(cp: number): number {
  if (cp >= 0x064b && cp <= 0x0652) return [28, 29, 30, 31, 32, 33, 27, 34][cp - 0x064b];
  if (cp >= 0x0618 && cp <= 0x061a) return cp - 0x0618 + 31; // small fatha, damma, kasra
  if (cp >= 0x08f0 && cp <= 0x08f2) return cp - 0x08f0 + 28; // open tanween
  if (cp === 0x0670) return 35;
  if ((cp >= 0x0610 && cp <= 0x0617) || cp === 0x0653 || cp === 0x0654 || cp === 0x0657 || cp === 0x0658 || (cp >= 0x0659 && cp <= 0x065b) || cp === 0x065d || cp === 0x065e) return 230;
  if (cp === 0x0655 || cp === 0x0656 || cp === 0x065c || cp === 0x065f) return 220;
  if ((cp >= 0x06d6 && cp <= 0x06dc) || (cp >= 0x06df && cp <= 0x06e2) || cp === 0x06e4 || cp === 0x06e7 || cp === 0x06e8 || cp === 0x06eb || cp === 0x06ec) return 230;
  if (cp === 0x06e3 || cp === 0x06ea || cp === 0x06ed) return 220;
  if (cp >= 0x08d3 && cp <= 0x08ff && cp !== 0x08e2) {
    if (cp === 0x08d3 || cp === 0x08e3 || cp === 0x08e6 || cp === 0x08e9 || (cp >= 0x08ed && cp <= 0x08ef) || cp === 0x08f6 || cp === 0x08f9 || cp === 0x08fa) return 220;
    return 230;
  }
  return 0;
}

const MCM = new Set([0x0654, 0x0655, 0x0658, 0x06dc, 0x06e3, 0x06e7, 0x06e8, 0x08ca, 0x08cb, 0x08cd, 0x08ce, 0x08d3, 0x08f3]);

function reorderMarks(cps: number[]): void {
  for (let i = 0; i < cps.length; i++) {
    if (arabicMarkClass(cps[i]) === 0) continue;
    let j = i + 1;
    while (j < cps.length && arabicMarkClass(cps[j]) !== 0) j++;
    if (j - i > 1) {
      const sorted = cps
        .slice(i, j)
        .map((cp, k) => ({ cp, k, c: arabicMarkClass(cp) }))
        .sort((x, y) => x.c - y.c || x.k - y.k);
      let front = 0;
      for (const klass of [220, 230]) {
        let k = 0;
        while (k < sorted.length && sorted[k].c < klass) k++;
        let e = k;
        while (e < sorted.length && sorted[e].c === klass && MCM.has(sorted[e].cp)) e++;
        if (e > k) {
          const moved = sorted.splice(k, e - k);
          sorted.splice(front, 0, ...moved);
          front += moved.length;
        }
      }
      for (let k = 0; k < sorted.length; k++) cps[i + k] = sorted[k].cp;
    }
    i = j - 1;
  }
}

/** Every cached shape, e.g. to check what a layout actually shaped. */
export function cachedShapes(): Array<{ faceKey: string; direction: Direction; script: string; text: string; shaped: Shaped }> {
  const out: Array<{ faceKey: string; direction: Direction; script: string; text: string; shaped: Shaped }> = [];
  for (const [faceKey, perFace] of cache) {
    for (const [key, shaped] of perFace) {
      const [direction, script, text] = key.split('\u0000');
      out.push({ faceKey, direction: direction as Direction, script, text, shaped });
    }
  }
  return out;
}
