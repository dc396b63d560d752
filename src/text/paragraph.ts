// The paragraph pipeline: levels -> items -> pieces (shaped words and spaces)
// -> lines -> per line: L1, L2 over pieces, runs, alignment. Everything a
// line needs is computed once per piece; the per-glyph objects the boundary
// asks for are made only when a line is assembled.
import type { Align, FontFace, FontFamily, GlyphRun, GlyphSegment, LaidLine, MissingGlyph, ParagraphLayout, ParagraphSpec, PlacedGlyph, StyledText, TextStyle } from './types.js';
import { resolveLevelsTransient, visualOrderInto, type Direction } from './bidi.js';
import { itemize, type Item } from './itemize.js';
import { shapeText, type Shaped } from './shape.js';
import { breakFlags, breakLines, type BreakPiece } from './breakLines.js';
import { LayoutCache } from './layoutCache.js';
import { drawnOut, KASHIDA, kashidaHope, kashidaWord, shareKashidaLazily, type KashidaCandidate, type KashidaWord } from './kashida.js';

const WORD = 0;
const SPACE = 1;
const NEWLINE = 2;

interface Piece extends BreakPiece {
  /** UTF-16 range in the paragraph text */
  start: number;
  end: number;
  item: Item;
  kind: number;
  shaped: Shaped;
  /** points per font unit */
  scale: number;
}

interface Prepared {
  text: string;
  baseLevel: number;
  pieces: Piece[];
}

/** Characters a line may end with and that vanish there (CSS white-space: normal). */
function kindOf(c: number): number {
  if (c === 0x20 || c === 0x09) return SPACE;
  if (c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029) return NEWLINE;
  return WORD;
}

function shapePiece(text: string, item: Item, start: number, end: number, kind: number): Shaped {
  const dir: Direction = item.level & 1 ? 'rtl' : 'ltr';
  if (kind === NEWLINE) return shapeText(item.face, '', item.script, dir);
  let s = text.slice(start, end);
  if (kind === SPACE && s.indexOf('\t') >= 0) s = s.replace(/\t/g, ' '); // a tab sets as a space
  return shapeText(item.face, s, item.script, dir);
}

function makePiece(text: string, item: Item, start: number, end: number, kind: number, breakAt: Uint8Array): Piece {
  const shaped = shapePiece(text, item, start, end, kind);
  const scale = item.style.size / item.face.unitsPerEm;
  return {
    start,
    end,
    item,
    kind,
    shaped,
    scale,
    width: shaped.width * scale,
    space: kind !== WORD,
    breakAfter: breakAt[end] !== 0,
    forcedAfter: breakAt[end] === 2,
    words: kind === WORD ? wordsIn(text, start, end) : undefined,
  };
}

/** Words in a piece: more than one when no-break spaces join them (a paragraph's last line of them is no runt). */
function wordsIn(text: string, start: number, end: number): number {
  let n = 1;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0xa0 || text.charCodeAt(i) === 0x202f) n++;
  return n;
}

// prepare() reads a paragraph's break flags only while it cuts pieces: one buffer serves all
let breakScratch = new Uint8Array(256);

function prepare(runs: StyledText[], direction: Direction, family: FontFamily): Prepared {
  let text = '';
  for (const r of runs) text += r.text;
  const { levels, baseLevel } = resolveLevelsTransient(text, direction);
  const items = itemize(text, levels, runs, family, direction === 'rtl' ? 'arab' : 'latn');
  // breakAt[i]: 1 = a line may start at i, 2 = a line must start at i
  if (breakScratch.length <= text.length) breakScratch = new Uint8Array(Math.max(text.length + 1, breakScratch.length * 2));
  const breakAt = breakFlags(text, breakScratch);
  const pieces: Piece[] = [];
  for (const item of items) {
    let start = item.start;
    let kind = kindOf(text.charCodeAt(start));
    for (let i = start + 1; i < item.end; i++) {
      const k = kindOf(text.charCodeAt(i));
      if (k !== kind || breakAt[i] !== 0 || k === NEWLINE) {
        pieces.push(makePiece(text, item, start, i, kind, breakAt));
        start = i;
        kind = k;
      }
    }
    pieces.push(makePiece(text, item, start, item.end, kind, breakAt));
  }
  return { text, baseLevel, pieces };
}

// made on first use: building a segmenter loads ICU data (10-20 ms), and
// only a word wider than a whole line needs one
let graphemes: Intl.Segmenter | undefined;

/**
 * Split an over-long word into pieces that fit: the first in `available`
 * points, the others in `lineWidth`. Where to cut is read off the whole word's
 * shaping (cumulative advances at grapheme boundaries), and each piece is then
 * shaped once, so a word of any length costs time in proportion to its length.
 */
function splitPiece(prep: Prepared, index: number, available: number, lineWidth: number): Piece[] | null {
  const p = prep.pieces[index];
  if (p.kind !== WORD) return null;
  const bounds: number[] = [];
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const g of graphemes.segment(prep.text.slice(p.start, p.end))) if (g.index > 0) bounds.push(p.start + g.index);
  if (bounds.length === 0) return null;
  const widthAt = prefixWidths(p);
  const cuts: number[] = [];
  let from = p.start;
  let limit = available;
  let prev = -1; // the last boundary that still fits in the current piece
  for (const b of bounds) {
    if (widthAt(b) - widthAt(from) > limit && prev > from) {
      cuts.push(prev);
      from = prev;
      limit = lineWidth;
    }
    prev = b;
  }
  if (cuts.length === 0) cuts.push(bounds[0]); // not even one grapheme fits: give it a line of its own
  const noBreak = new Uint8Array(0);
  const edges = [p.start, ...cuts, p.end];
  const parts: Piece[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const part = makePiece(prep.text, p.item, edges[k], edges[k + 1], WORD, noBreak);
    const last = k + 2 === edges.length;
    part.breakAfter = last ? p.breakAfter : true; // emergency breaks inside the word
    part.forcedAfter = last ? p.forcedAfter : false;
    parts.push(part);
  }
  return parts;
}

/** Width in points of the word's text from its start up to a character offset, from its shaping. */
function prefixWidths(p: Piece): (offset: number) => number {
  const sh = p.shaped;
  const n = sh.ids.length;
  const rtl = (p.item.level & 1) === 1;
  // cumulative advance after each character, walking the glyphs in logical order
  const after = new Float64Array(p.end - p.start + 1);
  let chars = 0;
  let width = 0;
  for (let k = 0; k < n; k++) {
    const j = rtl ? n - 1 - k : k;
    width += sh.advances[j] * p.scale;
    chars += sh.texts[j].length;
    if (chars <= p.end - p.start) after[chars] = width;
  }
  // characters that own no glyph (marks merged into a cluster) take the width before them
  for (let i = 1; i < after.length; i++) if (after[i] < after[i - 1]) after[i] = after[i - 1];
  return (offset) => after[Math.min(Math.max(offset - p.start, 0), after.length - 1)];
}

function collectMissing(pieces: Piece[]): MissingGlyph[] {
  const out: MissingGlyph[] = [];
  for (const p of pieces) {
    for (const m of p.shaped.missing) {
      out.push({ char: String.fromCodePoint(m.codePoint), codePoint: m.codePoint, index: p.start + m.offset, font: p.item.face.key });
    }
  }
  return out;
}

interface LineOptions {
  width: number;
  align: Align;
  direction: Direction;
  lineHeight: number;
  /** stretch spaces to fill the width (justified, not the last line) */
  justify: boolean;
  /** justify Arabic with kashida beyond a capped space stretch (src/text/kashida.ts) */
  kashida?: boolean;
}

/** A word drawn out on a kashida-justified line, and by how many points. */
interface Elongation {
  word: KashidaWord;
  grow: number;
}

/**
 * How a justified line fills `need` points: spaces grow up to KASHIDA.spaceCap
 * times their natural width, kashidas take the rest (one per word, a few per
 * line); what neither can take goes to the spaces after all. Returns the extra
 * points per space character and the words drawn out, by piece index.
 */
function kashidaPlan(prep: Prepared, a: number, count: number, need: number, spaces: number): { extra: number; drawn: Map<number, Elongation> } {
  const { pieces, text } = prep;
  let spaceWidth = 0;
  for (let k = a; k < a + count; k++) if (pieces[k].kind === SPACE) spaceWidth += pieces[k].width;
  const room = (KASHIDA.spaceCap - 1) * spaceWidth;
  const drawn = new Map<number, Elongation>();
  if (need <= room) return { extra: need / spaces, drawn };
  const at: number[] = [];
  const candidates: KashidaCandidate[] = [];
  for (let k = a; k < a + count; k++) {
    const p = pieces[k];
    // Arabic words only: never Latin, digits or a left-to-right embedding
    if (p.kind !== WORD || (p.item.level & 1) === 0 || p.item.script !== 'arab') continue;
    const word = text.slice(p.start, p.end);
    const hope = kashidaHope(word, p.shaped);
    if (hope === null) continue;
    at.push(k);
    candidates.push({ hope, trial: () => kashidaWord(p.item.face, word, p.shaped, p.item.script) });
  }
  // lengths are counted in natural tatweels of the line's first candidate
  const { chosen, each } = shareKashidaLazily(candidates, need - room, (w, i) => w.shaped.advances[w.glyph] * pieces[at[i]].scale);
  if (chosen.length === 0) return { extra: need / spaces, drawn };
  const total = each * chosen.length;
  if (total > need) return { extra: need / spaces, drawn };
  for (const c of chosen) drawn.set(at[c.index], { word: c.word, grow: each });
  return { extra: (need - total) / spaces, drawn };
}

/** A run whose glyphs live in segments; `glyphs` is made from them on first use. */
class SegmentedRun implements GlyphRun {
  width = 0;
  text = '';
  readonly segments: GlyphSegment[] = [];
  private placed: PlacedGlyph[] | undefined = undefined;

  constructor(
    readonly face: FontFace,
    readonly size: number,
    readonly color: string,
    public x: number,
    readonly level: number,
  ) {}

  get glyphs(): PlacedGlyph[] {
    if (!this.placed) {
      const glyphs: PlacedGlyph[] = [];
      for (const s of this.segments) {
        for (let j = 0; j < s.ids.length; j++) {
          glyphs.push({ id: s.ids[j], xAdvance: s.advances[j] * s.scale + s.stretch, xOffset: s.xOffsets[j] * s.scale, yOffset: s.yOffsets[j] * s.scale, text: s.texts[j] });
        }
      }
      this.placed = glyphs;
    }
    return this.placed;
  }
}

/**
 * The segment that sets a shape at `scale` with `stretch`. Segments are read,
 * never changed, so an unstretched one is kept on the (cached) shape and shared
 * by every line that sets it at that scale: words are most of a course's
 * segments, and each would otherwise live as long as the laid-out pages.
 */
function segmentOf(sh: Shaped, scale: number, stretch: number): GlyphSegment {
  if (stretch === 0 && sh.plain !== undefined && sh.plain.scale === scale) return sh.plain;
  const seg: GlyphSegment = { ids: sh.ids, advances: sh.advances, xOffsets: sh.xOffsets, yOffsets: sh.yOffsets, texts: sh.texts, scale, stretch };
  if (stretch === 0 && sh.plain === undefined) sh.plain = seg;
  return seg;
}

// Per-line scratch (lines are built one at a time): piece levels and their visual order.
let lineLevelsBuf = new Uint8Array(256);
let lineOrderBuf = new Int32Array(256);

/** Assemble one line from pieces [a, b): L1, L2, runs, alignment, metrics. */
function buildLine(prep: Prepared, a: number, b: number, opts: LineOptions): LaidLine {
  const { pieces, text } = prep;
  // L1: trailing whitespace (and newlines) go to the paragraph level; at the
  // end of a line they collapse, so they are not drawn at all.
  let last = b - 1;
  while (last >= a && pieces[last].space) last--;
  const count = last + 1 - a; // pieces drawn: [a, a + count)
  if (lineLevelsBuf.length < count) {
    lineLevelsBuf = new Uint8Array(count * 2);
    lineOrderBuf = new Int32Array(count * 2);
  }
  const levels = lineLevelsBuf;
  let natural = 0;
  let spaces = 0;
  for (let k = 0; k < count; k++) {
    const p = pieces[a + k];
    levels[k] = p.kind === NEWLINE ? prep.baseLevel : p.item.level;
    natural += p.width;
    if (p.kind === SPACE) spaces += p.end - p.start;
  }
  let extra = 0;
  let drawn: Map<number, Elongation> | null = null;
  if (opts.justify && spaces > 0 && natural < opts.width) {
    if (opts.kashida) ({ extra, drawn } = kashidaPlan(prep, a, count, opts.width - natural, spaces));
    else extra = (opts.width - natural) / spaces;
  }

  // L2 over pieces: each piece has one level, and its glyphs are already in
  // visual order for its direction.
  const order = visualOrderInto(levels, count, lineOrderBuf);
  const runs: GlyphRun[] = [];
  let run: SegmentedRun | null = null;
  let runStart = 0;
  let runEnd = 0;
  let x = 0;
  let stretched: GlyphSegment | null = null;
  for (let k = 0; k < count; k++) {
    const p = pieces[a + order[k]];
    if (p.kind === NEWLINE) continue;
    const face = p.item.face;
    const style = p.item.style;
    const level = levels[order[k]];
    const contiguous = run !== null && (level & 1 ? p.end === runStart : p.start === runEnd);
    if (!run || !contiguous || run.face !== face || run.size !== style.size || run.color !== style.color || run.level !== level) {
      if (run) {
        run.text = text.slice(runStart, runEnd);
        runs.push(run);
      }
      run = new SegmentedRun(face, style.size, style.color, x, level);
      runStart = p.start;
      runEnd = p.end;
    } else {
      if (p.start < runStart) runStart = p.start;
      if (p.end > runEnd) runEnd = p.end;
    }
    const sh = p.shaped;
    const stretch = p.kind === SPACE ? extra : 0;
    const long = drawn?.get(a + order[k]);
    if (long) {
      // a word drawn out by its kashida: its own glyphs, made for this line
      const d = drawnOut(long.word, long.grow / p.scale);
      run.segments.push({ ids: d.ids, advances: d.advances, xOffsets: d.xOffsets, yOffsets: d.yOffsets, texts: d.texts, scale: p.scale, stretch: 0, kashida: { from: long.word.glyph, count: d.count } });
      const adv = d.width * p.scale;
      run.width += adv;
      x += adv;
    } else if (sh.ids.length) {
      // a justified line stretches all its spaces alike: they share one segment
      let seg: GlyphSegment;
      if (stretch !== 0 && stretched !== null && stretched.ids === sh.ids && stretched.scale === p.scale) seg = stretched;
      else {
        seg = segmentOf(sh, p.scale, stretch);
        if (stretch !== 0) stretched = seg;
      }
      run.segments.push(seg);
      const adv = sh.width * p.scale + stretch * sh.ids.length;
      run.width += adv;
      x += adv;
    }
  }
  if (run) {
    run.text = text.slice(runStart, runEnd);
    runs.push(run);
  }

  // alignment: the start side is the right for RTL
  const contentWidth = x;
  const free = opts.width - contentWidth;
  const rtl = opts.direction === 'rtl';
  let shift = 0;
  if (extra === 0) {
    const align = opts.align === 'justify' ? 'start' : opts.align;
    if (align === 'center') shift = free / 2;
    else if ((align === 'start') === rtl) shift = free;
  }
  if (shift !== 0) for (const r of runs) r.x += shift;

  // metrics: CSS-style half-leading around the largest ascent and descent
  // (of the drawn pieces, or of all pieces on a line of only spaces)
  let asc = 0;
  let desc = 0;
  let maxSize = 0;
  const measuredEnd = count > 0 ? a + count : b;
  for (let k = a; k < measuredEnd; k++) {
    const item = pieces[k].item;
    const f: FontFace = item.face;
    const size = item.style.size;
    asc = Math.max(asc, (f.ascent / f.unitsPerEm) * size);
    desc = Math.max(desc, (-f.descent / f.unitsPerEm) * size);
    maxSize = Math.max(maxSize, size);
  }
  const height = opts.lineHeight * maxSize;
  const halfLeading = (height - (asc + desc)) / 2;
  const lineStart = pieces[a]?.start ?? 0;
  const lineEnd = pieces[b - 1]?.end ?? lineStart;
  return {
    runs,
    naturalWidth: natural,
    width: opts.width,
    ascent: asc + halfLeading,
    descent: desc + halfLeading,
    height,
    text: text.slice(lineStart, lineEnd),
  };
}

/** What a paragraph's layout depends on besides its text. */
interface ParagraphKey {
  spec: ParagraphSpec;
  family: FontFamily;
}

function sameParagraph(a: ParagraphKey, b: ParagraphKey): boolean {
  const x = a.spec;
  const y = b.spec;
  if (a.family !== b.family || x.width !== y.width || x.align !== y.align || x.direction !== y.direction || x.lineHeight !== y.lineHeight || Boolean(x.kashida) !== Boolean(y.kashida)) return false;
  if (x.runs.length !== y.runs.length) return false;
  for (let i = 0; i < x.runs.length; i++) {
    const r = x.runs[i];
    const q = y.runs[i];
    if (r.text !== q.text || r.style.weight !== q.style.weight || r.style.size !== q.style.size || r.style.color !== q.style.color) return false;
  }
  return true;
}

// about two editions of a 50-lesson course (one edition sets ~0.5 M characters)
const paragraphs = new LayoutCache<ParagraphKey, ParagraphLayout>(1_500_000, sameParagraph);

/**
 * Lay out one paragraph: break it into lines of at most `spec.width` points,
 * each with glyph runs in visual order. Concatenating `lines[i].text` gives
 * the paragraph's text back; an empty paragraph has no lines. The result is
 * shared with later calls for the same paragraph: read it, never change it.
 */
export function layoutParagraph(spec: ParagraphSpec, family: FontFamily): ParagraphLayout {
  const runs = spec.runs;
  const text = runs.length === 1 ? runs[0].text : runs.map((r) => r.text).join('');
  const key = { spec, family };
  const hit = paragraphs.get(text, key);
  if (hit) return hit;
  const layout = layoutUncached(spec, family);
  // keep a copy of the inputs: the caller's objects may change later
  const kept: ParagraphSpec = { ...spec, runs: runs.map((r) => ({ text: r.text, style: { ...r.style } })) };
  paragraphs.set(text, { spec: kept, family }, layout);
  return layout;
}

function layoutUncached(spec: ParagraphSpec, family: FontFamily): ParagraphLayout {
  const prep = prepare(spec.runs, spec.direction, family);
  if (prep.pieces.length === 0) return { lines: [], missing: [] };
  const ends = breakLines(prep.pieces, spec.width, (i, available) => splitPiece(prep, i, available, spec.width));
  const lines: LaidLine[] = [];
  let a = 0;
  for (let k = 0; k < ends.length; k++) {
    const b = ends[k];
    const lastLine = k === ends.length - 1 || prep.pieces[b - 1].forcedAfter;
    lines.push(
      buildLine(prep, a, b, {
        width: spec.width,
        align: spec.align,
        direction: spec.direction,
        lineHeight: spec.lineHeight,
        justify: spec.align === 'justify' && !lastLine,
        kashida: spec.kashida,
      }),
    );
    a = b;
  }
  return { lines, missing: collectMissing(prep.pieces) };
}

/**
 * Advance width of `text` set on one line, in points. Trailing spaces hang,
 * as at the end of any line, so this is the width `layoutLine` draws.
 */
export function measureText(text: string, style: TextStyle, family: FontFamily, direction: Direction = 'rtl'): number {
  const { pieces } = prepare([{ text, style }], direction, family);
  let last = pieces.length - 1;
  while (last >= 0 && pieces[last].space) last--;
  let w = 0;
  for (let k = 0; k <= last; k++) w += pieces[k].width;
  return w;
}

/** A laid-out single line, with the characters its font could not draw. */
export interface SingleLine extends LaidLine {
  missing: MissingGlyph[];
}

interface LineKey {
  style: TextStyle;
  family: FontFamily;
  direction: Direction;
  lineHeight: number;
}

function sameLine(a: LineKey, b: LineKey): boolean {
  return a.family === b.family && a.direction === b.direction && a.lineHeight === b.lineHeight && a.style.weight === b.style.weight && a.style.size === b.style.size && a.style.color === b.style.color;
}

// running heads and footers: a few texts, each repeated on many pages
const singleLines = new LayoutCache<LineKey, SingleLine>(100_000, sameLine);

/**
 * One unbroken line (page headers, labels): as wide as its content
 * (trailing spaces hang), runs from x = 0. Newlines are not honoured. The
 * result is shared with later calls for the same line: read it, never change it.
 */
export function layoutLine(text: string, style: TextStyle, family: FontFamily, direction: Direction = 'rtl', lineHeight = 1.2): SingleLine {
  const key = { style, family, direction, lineHeight };
  const hit = singleLines.get(text, key);
  if (hit) return hit;
  const line = lineUncached(text, style, family, direction, lineHeight);
  singleLines.set(text, { ...key, style: { ...style } }, line);
  return line;
}

function lineUncached(text: string, style: TextStyle, family: FontFamily, direction: Direction, lineHeight: number): SingleLine {
  const prep = prepare([{ text, style }], direction, family);
  if (prep.pieces.length === 0) {
    return { runs: [], naturalWidth: 0, width: 0, ascent: 0, descent: 0, height: lineHeight * style.size, text: '', missing: [] };
  }
  // left-aligned in a box of zero width: x starts at 0 on either direction
  const line = buildLine(prep, 0, prep.pieces.length, { width: 0, align: direction === 'rtl' ? 'end' : 'start', direction, lineHeight, justify: false });
  return { ...line, width: line.naturalWidth, missing: collectMissing(prep.pieces) };
}
