// Pages of draw operations -> PDF bytes, through pdfkit. pdfkit cannot lay out
// right-to-left text, so we hand it glyphs the text engine already shaped and
// ordered, in fonts hiwar embeds itself (pdf/fonts.ts: a code per glyph, text
// and width). A line is drawn left to right in sweeps (see sweeps()), every
// glyph at its place with no gap or overlap inside a word (see runText), so
// that extractors (pdf.js, PDFium, MuPDF) give the Arabic as it was typed.
// /ActualText does not help Arabic: PDFium and MuPDF reorder it as if it were
// drawn text (whole lines came back reversed), poppler spreads it over the
// run, and pdf.js ignores it; nor is it needed there, the shaper gives every
// Arabic glyph its own letters. A Latin run gets it when its glyphs are
// ligatures, in the Span that marks it /Lang en (see latinSpan). The page is
// tagged: a structure tree of the handout's elements (layout's StructNode per
// op), artifacts for everything else.
import PDFDocument from 'pdfkit';
import type { FontFace, GlyphRun, LaidLine } from '../text/types.js';
import type { Paper } from '../workspace/model.js';
import type { Bookmark, DrawOp, Page, StructNode } from '../layout/ops.js';
import { PAPER } from '../layout/style.js';
import { PdfFont } from './fonts.js';
import { circlePath, colorOps, deflateContent, pdfNum, rectPath, roundedRectPath, type ColorOps } from './content.js';

/** A fixed date makes equal input give byte-equal PDFs. */
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

export interface PdfMeta {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  paper: Paper;
}

// pdfkit's public API draws text it lays out itself; hiwar's text is shaped
// and ordered already, so the writer uses pdfkit below its API: the embedded
// font objects (fontkit subsets it fills glyph by glyph, with widths and
// ToUnicode text), the page's content stream and font resources, the
// catalog's viewer preferences. pdfkit and fontkit are therefore pinned to
// exact versions in package.json (tests/build/pins.test.ts).
// a pdfkit stream object (PDFReference), as much of it as we use
interface StreamRef {
  data: Record<string, unknown>;
  buffer: Uint8Array[];
  compress: boolean;
}

/** pdfkit's structure element (doc.struct), as much of it as we use */
type StructElement = ReturnType<InstanceType<typeof PDFDocument>['struct']>;
type StructContent = ReturnType<InstanceType<typeof PDFDocument>['markStructureContent']>;

type Doc = InstanceType<typeof PDFDocument> & {
  page: { fonts: Record<string, unknown>; height: number; width: number; dictionary: unknown; content: StreamRef };
  _root: { data: { ViewerPreferences?: { data: Record<string, unknown> } } };
  addContent(s: string | Uint8Array): Doc;
  _normalizeColor(color: string): number[] | null;
  outline: OutlineNode;
};

interface OutlineNode {
  addItem(title: string, options?: Record<string, unknown>): OutlineNode;
  outlineData: Record<string, unknown>;
}

const num = (n: number) => (Math.round(n * 1000) / 1000).toString();

function hexColor(c: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  if (!m) return '0 0 0';
  return [m[1], m[2], m[3]].map((h) => num(parseInt(h, 16) / 255)).join(' ');
}

/** Text colours ("r g b" for the rg operator), parsed once per process. */
const TEXT_COLORS = new Map<string, string>();
function textColor(c: string): string {
  let rgb = TEXT_COLORS.get(c);
  if (rgb === undefined) TEXT_COLORS.set(c, (rgb = hexColor(c)));
  return rgb;
}

const NUMBER = /^\p{N}+(?:[.,\u066b\u066c]\p{N}+)*$/u;
const SEPARATOR = /^[^\p{L}\p{N}\p{M}\s]+$/u;
const LETTER = /\p{L}/u;
/** Latin letters, and the language hiwar's Latin text is in (English names, URLs) */
const LATIN = /\p{Script=Latin}/u;
const LATIN_LANG = 'en';

/**
 * A line's runs (visual order) as the sweeps to draw them in. A line is drawn
 * left to right, as displayed, in one sweep: pdf.js makes one piece of text
 * of it and puts that in logical order with its own bidi algorithm (runs
 * written in logical order made a piece per run, and lost the spaces between
 * them). Its algorithm takes a dash between numbers for a left-to-right
 * letter, and so reversed ranges («١٦–١٨» came back «١٨–١٦»): such a
 * separator is cut out, and the sweeps are written in reading order, each a
 * piece of its own. So is a change of font or size (a bold word): pdf.js starts a
 * new piece there anyway, and pieces must come in reading order; and so is a
 * left-to-right run with letters in a right-to-left line (Latin words, with
 * their slashes and brackets).
 */
export function sweeps<T extends { level: number; text: string; size: number; face: { key: string } }>(runs: T[]): T[][] {
  if (runs.length < 2) return [runs];
  const cuts = new Set<number>();
  let lowest = runs[0].level;
  for (const r of runs) if (r.level < lowest) lowest = r.level;
  const rtl = lowest % 2 === 1;
  for (let i = 0; i < runs.length; i++) {
    // Latin words in Arabic: pdf.js's algorithm turns «</b>» into «b/>» when it reorders them with the line
    if (rtl && runs[i].level % 2 === 0 && LETTER.test(runs[i].text)) cuts.add(i).add(i + 1);
    if (i === 0) continue;
    // pdf.js also starts a piece at every change of font or size: a bold word, a smaller reference tag
    if (runs[i].face.key !== runs[i - 1].face.key || runs[i].size !== runs[i - 1].size) cuts.add(i);
    // (the numbers first: most runs are words, and NUMBER fails on a word's first letter)
    if (i + 1 < runs.length && NUMBER.test(runs[i - 1].text) && NUMBER.test(runs[i + 1].text) && SEPARATOR.test(runs[i].text)) cuts.add(i).add(i + 1);
  }
  if (cuts.size === 0) return [runs];
  cuts.delete(0);
  cuts.delete(runs.length);
  if (cuts.size === 0) return [runs];
  const out: T[][] = [];
  let from = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    if (c > from) out.push(runs.slice(from, c));
    from = c;
  }
  out.push(runs.slice(from));
  return rtl ? out.reverse() : out;
}

/** Where a glyph that copies as `text` lives: its font, its code there. Glyphs with several texts chain. */
interface Slot {
  text: string;
  /** the advance the PDF font gives the glyph (1000ths of an em); undefined: the font's own */
  width: number | undefined;
  font: PdfFont;
  /** the advance in the font, 1000ths of an em */
  advance: number;
  hex: string;
  next: Slot | undefined;
}


/**
 * How far (in ems) the pen may move past a glyph's own width (a gap) or back
 * into it (an overlap) before the glyph is given its width in place; see runText.
 */
const FOLD_GAP = 0.04;
const FOLD_OVERLAP = 0.1;
/**
 * A mark is drawn before the letter it sits on (visual order), and the pen
 * then moves on to that letter. PDFium reads a forward move of half a space
 * or more inside a TJ array as a space (a haraka torn from its word:
 * «كامل ًا»); so the mark is given a width that takes the pen (most of the
 * way) to the letter. pdf.js gives marks no width whatever the font says,
 * and starts a new piece when the next letter then seems to step back by
 * more than 0.2 em: the width stays below that.
 */
const MARK_WIDTH_MAX = 0.19;

/**
 * The haraka of a word's last letter is drawn at the word's left edge, first
 * after the space before it (visual order). pdf.js takes the space it sees
 * there from the gap in front of the next letter, which is the letter the
 * haraka sits on: the haraka came back torn from its word («عوضا ً عن»).
 * pdf.js gives a mark no width whatever the font says, while the pen moves
 * on by it: such a haraka is given a width that takes the pen from where the
 * last letter before the space ended to this far (in ems) short of its own
 * letter, so pdf.js sees no gap there (it reads one from 0.102 em) and puts
 * the space where it saw the space glyph, before the haraka. The next glyph
 * is moved back to its place: nothing drawn moves. Measured: pdf.js passages
 * 92 → 100% (course), 89 → 100% (all paragraphs); PDFium, MuPDF unchanged.
 */
const WORD_END_MARK_SLACK = 0.06;

/** A gap between two pieces of a line that is a word break (ems); see spaceFirst. */
const WORD_GAP = 0.15;

/** Text that is combining marks only (harakat): extractors attach it to the letter before. */
const MARKS = new Map<string, boolean>();
function isMark(text: string): boolean {
  if (text.charCodeAt(0) < 0x300) return false; // Latin-1: no marks (the common case: spaces, digits, punctuation)
  let m = MARKS.get(text);
  if (m === undefined) MARKS.set(text, (m = /^\p{Mn}+$/u.test(text)));
  return m;
}

/** A PDF text string: UTF-16BE with its byte-order mark, in hex. */
export function textString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

/** What a glyph's text is, as runText tells glyphs apart (found once per glyph). */
const TEXT_NONE = 0; // none of its own: drawn as an outline
const TEXT_SPACE = 1; // ' ', a word break
const TEXT_MARKS = 2; // combining marks only
const TEXT_LETTER = 3; // anything else
function kindOf(text: string): number {
  return !text ? TEXT_NONE : text === ' ' ? TEXT_SPACE : isMark(text) ? TEXT_MARKS : TEXT_LETTER;
}

/**
 * Per-glyph working arrays for runText, kept between runs (a run is one
 * line's worth of glyphs at most): where the glyph is drawn (its origin, from
 * the run's origin), its id and rise, the text it copies as and its kind, and
 * for a glyph with text the origin of the next letter (NaN: none).
 */
interface Glyphs {
  origin: Float64Array;
  next: Float64Array;
  texts: string[];
  kinds: Uint8Array;
  ids: Int32Array;
  rises: Float64Array;
}
const newGlyphs = (size: number): Glyphs => ({
  origin: new Float64Array(size),
  next: new Float64Array(size),
  texts: new Array<string>(size),
  kinds: new Uint8Array(size),
  ids: new Int32Array(size),
  rises: new Float64Array(size),
});
let SCRATCH = newGlyphs(256);
function scratch(n: number): Glyphs {
  if (SCRATCH.origin.length < n) SCRATCH = newGlyphs(2 ** Math.ceil(Math.log2(n)));
  return SCRATCH;
}

/**
 * The run's glyphs, placed, in the scratch arrays, with each glyph's next
 * letter: a mark does not count as one (extractors attach it to its letter
 * wherever it is drawn; a mark's own next letter is the one it sits on,
 * drawn after it). One pass with indexed loops: this runs once per glyph of
 * every line. `raised`: whether any glyph has a rise (see joinRaisedMarks).
 */
function placeGlyphs(run: GlyphRun): { g: Glyphs; count: number; raised: boolean } {
  const segments = run.segments;
  let count = 0;
  for (let s = 0; s < segments.length; s++) count += segments[s].ids.length;
  const g = scratch(count);
  const { origin, next, texts, kinds, ids, rises } = g;
  let k = 0;
  let pen = 0;
  let raised = false;
  let last = -1; // the last glyph with text that is not marks
  let marksFrom = -1; // the first of the marks since
  for (let s = 0; s < segments.length; s++) {
    const { ids: sgIds, advances, xOffsets, yOffsets, texts: sgTexts, scale, stretch } = segments[s];
    for (let j = 0, n = sgIds.length; j < n; j++, k++) {
      const at = pen + xOffsets[j] * scale;
      origin[k] = at;
      pen += advances[j] * scale + stretch;
      const text = sgTexts[j];
      texts[k] = text;
      const kind = kindOf(text);
      kinds[k] = kind;
      ids[k] = sgIds[j];
      const rise = yOffsets[j] * scale;
      rises[k] = rise;
      if (rise) raised = true;
      next[k] = NaN;
      if (kind === TEXT_MARKS) {
        if (marksFrom < 0) marksFrom = k;
      } else if (kind !== TEXT_NONE) {
        if (last >= 0) next[last] = at;
        if (marksFrom >= 0) for (let m = marksFrom; m < k; m++) if (kinds[m] === TEXT_MARKS) next[m] = at;
        marksFrom = -1;
        last = k;
      }
    }
  }
  return { g, count, raised };
}

/**
 * A mark stacked on another (a fatha over a shadda) is raised, and a raised
 * glyph is a text object of its own, off the baseline: PDFium then takes it
 * for another line and moves the haraka there. Its text goes with the mark
 * it sits on, and it is drawn as an outline.
 */
function joinRaisedMarks({ texts, kinds, rises }: Glyphs, count: number): void {
  for (let i = 0; i < count; i++) {
    if (!rises[i] || kinds[i] !== TEXT_MARKS) continue;
    const on = i + 1 < count && !rises[i + 1] && kinds[i + 1] === TEXT_MARKS ? i + 1 : i > 0 && !rises[i - 1] && kinds[i - 1] === TEXT_MARKS ? i - 1 : -1;
    if (on < 0) continue;
    texts[on] = on > i ? texts[i] + texts[on] : texts[on] + texts[i];
    texts[i] = '';
    kinds[i] = TEXT_NONE;
  }
}

/** The letter read first in a right-to-left piece (its right end, drawn last) copies with a space before it: see spaceFirst. */
function spaceBeforeFirstLetter({ texts, kinds }: Glyphs, count: number): void {
  for (let i = count - 1; i >= 0; i--) {
    if (kinds[i] !== TEXT_LETTER) continue;
    texts[i] += ' ';
    break;
  }
}

/** A TJ array's elements so far, with the glyph codes not yet closed into it (one hex string). */
const closeHex = (parts: string, hex: string): string => (!hex ? parts : parts ? `${parts} <${hex}>` : `<${hex}>`);

/** A glyph drawn as an outline, relative to its run's origin. */
interface Outline {
  id: number;
  dx: number;
  dy: number;
}

/**
 * A glyph's outline as the path operators pdfkit's doc.path(svg) writes, once
 * per font and glyph for the whole process (fonts do not change). pdfkit's own
 * path methods run on a stand-in document that only collects what they write.
 */
const OUTLINES = new WeakMap<object, Map<number, string>>();
function outlineOps(font: FontFace['font'], id: number): string {
  let byId = OUTLINES.get(font);
  if (!byId) OUTLINES.set(font, (byId = new Map()));
  let ops = byId.get(id);
  if (ops === undefined) {
    const svg = font.getGlyph(id).path.toSVG();
    const parts: string[] = [];
    if (svg) {
      const collector = Object.create(PDFDocument.prototype) as Doc;
      collector.addContent = (op: string) => (parts.push(op), collector);
      collector.path(svg).fill();
    }
    ops = parts.join('\n');
    byId.set(id, ops);
  }
  return ops;
}

/**
 * Operators as page content bytes, one a line, as pdfkit's addContent writes
 * a string (its text and a newline). A Buffer goes in as it is: pdfkit turns
 * a string into bytes character by character, in JavaScript.
 */
function contentBytes(ops: string[]): Buffer {
  return Buffer.from(ops.join('\n') + '\n', 'latin1');
}

class Writer {
  /** per face: the embedded font, then variants for glyphs that must copy as other text */
  private fonts = new Map<string, PdfFont[]>();
  private fontCount = 0;
  /** face key -> glyph id -> slots (one per text the glyph copies as); an array: looked up once per glyph drawn */
  private slots = new Map<string, (Slot | undefined)[]>();
  /** colour string -> pdfkit's colour operators for shapes */
  private colors = new Map<string, ColorOps | null>();
  /** the current page's content, one operator (or several, joined by newlines) per entry */
  private readonly out: string[] = [];

  /** the structure tree: the document element, and an element per structure node met */
  private readonly root: StructElement;
  private readonly elements = new Map<StructNode, StructElement>();
  /** the piece of text drawn last on the page (a sweep): its baseline, its left edge, whether it ends (is read last) with white space; see spaceFirst */
  private lastPiece: { baseline: number; left: number; spaceAtEnd: boolean } | undefined;
  /** the marked-content sequence open on the page: its element and content, or an artifact */
  private open: { node: StructNode; content: StructContent } | 'Pagination' | 'Layout' | undefined;

  constructor(private readonly doc: Doc) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  /** The structure element of `node`, made (under its parent's) the first time its content is met: reading order. */
  private element(node: StructNode): StructElement {
    let el = this.elements.get(node);
    if (!el) {
      el = this.doc.struct(node.type, { lang: node.lang, alt: node.alt });
      (node.parent ? this.element(node.parent) : this.root).add(el);
      this.elements.set(node, el);
    }
    return el;
  }

  /** Hand what this writer collected to the page's content, so that pdfkit's marked content lands after it. */
  private flushOut(): void {
    // emptied in place: a method holding `out` while it calls this keeps writing to the live list
    if (this.out.length) this.doc.addContent(contentBytes(this.out));
    this.out.length = 0;
  }

  /**
   * Put the ops that follow in `node`'s marked content (a new sequence unless
   * the one open is `node`'s), or in an artifact when there is no node: a
   * running header or footer, a rule, a box, an answer line.
   */
  private mark(node: StructNode | 'Pagination' | 'Layout'): void {
    if (typeof node === 'string' ? this.open === node : typeof this.open === 'object' && this.open.node === node) return;
    this.closeMark();
    this.flushOut();
    if (typeof node === 'string') {
      this.doc.markContent('Artifact', { type: node });
      this.open = node;
    } else {
      this.open = { node, content: this.doc.markStructureContent(node.type) };
    }
  }

  private closeMark(): void {
    if (!this.open) return;
    this.flushOut();
    this.doc.endMarkedContent();
    if (typeof this.open === 'object') this.element(this.open.node).add(this.open.content);
    this.open = undefined;
  }

  /** End the structure tree (after the last page). */
  endStructure(): void {
    this.root.end();
  }

  /** The face's fonts: one for a TrueType face; a CFF face opens another for a glyph that needs a second text or width. */
  private fontsOf(face: FontFace): PdfFont[] {
    let list = this.fonts.get(face.key);
    if (!list) this.fonts.set(face.key, (list = [new PdfFont(this.doc, face.font, `F${++this.fontCount}`)]));
    return list;
  }

  /** Every font used, for writing them once the pages are done. */
  allFonts(): PdfFont[] {
    return [...this.fonts.values()].flat();
  }

  private slotsOf(face: FontFace): (Slot | undefined)[] {
    let byId = this.slots.get(face.key);
    if (!byId) this.slots.set(face.key, (byId = new Array<Slot | undefined>(face.font.numGlyphs)));
    return byId;
  }

  /**
   * Where glyph `id` copying as `text` lives, with the advance `width` (in
   * 1000ths of an em; undefined: the font's own); found once per document.
   */
  private slot(face: FontFace, byId: (Slot | undefined)[], id: number, text: string, width?: number): Slot {
    const first = byId[id];
    for (let s = first; s; s = s.next) if (s.text === text && s.width === width) return s;
    const list = this.fontsOf(face);
    let font: PdfFont | undefined;
    let hex: string | undefined;
    for (const f of list) {
      hex = f.code(id, text, width);
      if (hex !== undefined) {
        font = f;
        break;
      }
    }
    if (!font || hex === undefined) {
      font = new PdfFont(this.doc, face.font, `F${++this.fontCount}`);
      list.push(font);
      hex = font.code(id, text, width)!;
    }
    // the first text found stays first: the common case is one text per glyph
    const slot: Slot = { text, width, font, advance: width ?? font.ownWidth(id), hex, next: undefined };
    if (first) {
      let last = first;
      while (last.next) last = last.next;
      last.next = slot;
    } else byId[id] = slot;
    return slot;
  }

  /**
   * A run as text operators: TJ arrays, split where a glyph needs a vertical
   * rise or another font. Glyphs that stand for no text of their own (the
   * joining strokes and dot pieces some fonts add inside a cluster) are
   * returned as outlines to draw as vector paths: a ToUnicode entry cannot say
   * "nothing", and an empty one makes viewers invent a character.
   */
  private runText(run: GlyphRun, out: string[], spaceFirst: boolean): Outline[] | undefined {
    const face = run.face;
    const byId = this.slotsOf(face);
    const size = run.size;
    const fontSize = num(size);
    const { g, count, raised } = placeGlyphs(run);
    // (a raised mark's next letter, found above, goes unused: it is drawn as an outline)
    if (raised) joinRaisedMarks(g, count);
    if (spaceFirst) spaceBeforeFirstLetter(g, count);
    const { origin, next, texts, kinds, ids, rises } = g;
    let outlines: Outline[] | undefined;
    // the TJ array so far, and the glyph codes not yet closed into it:
    // glyphs that need no adjustment between them share one hex string
    let parts = '';
    let hex = '';
    let current: PdfFont | undefined;
    // Each glyph is shown at its origin: the text position is moved there
    // from where the glyph before it left it, by a number in the TJ array.
    // Kerning, joining strokes and marks make such moves inside a word, and
    // text extractors read a forward move as a space (pdf.js past 0.1 em) and
    // a move back as a new piece of text that they order apart (pdf.js past
    // 0.2 em). A glyph whose own width leaves such a move before the next
    // letter gets the width it really has here instead (a copy of it in a
    // variant font), so that the pen arrives where the next letter starts.
    // Spaces keep their width: their gaps are word breaks (justification).
    let at = 0; // the text position, from the run's origin
    // where the last letter (not a mark, not a space) drawn ended, and whether a space was drawn since: see WORD_END_MARK_SLACK
    let letterEnd = NaN;
    let afterSpace = false;
    for (let k = 0; k < count; k++) {
      const kind = kinds[k];
      const id = ids[k];
      const x = origin[k];
      const yOffset = rises[k];
      if (kind === TEXT_NONE) {
        (outlines ??= []).push({ id, dx: x, dy: yOffset });
        continue;
      }
      const text = texts[k];
      // the glyph's first slot is nearly always the one: its own width, its one text
      let slot = byId[id];
      if (slot === undefined || slot.text !== text || slot.width !== undefined) slot = this.slot(face, byId, id, text);
      const to = next[k];
      if (kind !== TEXT_SPACE && !Number.isNaN(to)) {
        const gap = to - x - (slot.advance * size) / 1000;
        if (kind !== TEXT_MARKS) {
          if (gap > FOLD_GAP * size || gap < -FOLD_OVERLAP * size) slot = this.slot(face, byId, id, text, Math.round(((to - x) * 1000) / size));
        } else if (afterSpace && to - letterEnd > WORD_END_MARK_SLACK * size) {
          // the haraka of a word's last letter, drawn first after the word space: see WORD_END_MARK_SLACK
          slot = this.slot(face, byId, id, text, Math.round(((to - letterEnd) / size - WORD_END_MARK_SLACK) * 1000));
        } else if (gap > FOLD_GAP * size) {
          // a mark drawn before its letter: see MARK_WIDTH_MAX
          const width = slot.advance + (Math.min(gap, MARK_WIDTH_MAX * size) * 1000) / size;
          slot = this.slot(face, byId, id, text, Math.round(width));
        }
      }
      const { font, advance } = slot;
      if (font !== current) {
        // a font change keeps the text position (same BT block)
        current = this.showText(out, closeHex(parts, hex), current, face, fontSize);
        parts = hex = '';
        current = this.selectFont(out, font, fontSize);
      }
      const move = ((at - x) * 1000) / size;
      if (yOffset) {
        current = this.showText(out, closeHex(parts, hex), current, face, fontSize);
        parts = hex = '';
        out.push(`${num(yOffset)} Ts`);
      }
      if (move > 0.0005 || move < -0.0005) {
        // a number between hex strings closes the open one
        parts = closeHex(parts, hex);
        parts = parts ? `${parts} ${num(move)}` : num(move);
        hex = '';
      }
      hex += slot.hex;
      at = x + (advance * size) / 1000;
      if (kind === TEXT_SPACE) afterSpace = true;
      else if (kind === TEXT_LETTER) {
        afterSpace = false;
        letterEnd = at;
      }
      if (yOffset) {
        current = this.showText(out, closeHex(parts, hex), current, face, fontSize);
        parts = hex = '';
        out.push('0 Ts');
      }
    }
    this.showText(out, closeHex(parts, hex), current, face, fontSize);
    return outlines;
  }

  /** Select `font` for the text that follows (and list it in the page's resources). */
  private selectFont(out: string[], font: PdfFont, fontSize: string): PdfFont {
    this.doc.page.fonts[font.id] = font.ref;
    out.push(`/${font.id} ${fontSize} Tf`);
    return font;
  }

  /** Show a TJ array (its elements), in the font selected, or in the face's first: TJ needs a font even to only move the pen. Returns the font selected. */
  private showText(out: string[], parts: string, current: PdfFont | undefined, face: FontFace, fontSize: string): PdfFont | undefined {
    if (!parts) return current;
    current ??= this.selectFont(out, this.fontsOf(face)[0], fontSize);
    out.push(`[${parts}] TJ`);
    return current;
  }

  private line(line: LaidLine, x: number, top: number): void {
    const out = this.out;
    const baseline = this.doc.page.height - (top + line.ascent);
    for (const sweep of sweeps(line.runs)) {
      const first = this.spaceFirst(sweep, x, baseline);
      for (const run of sweep) {
        if (run.segments.length === 0) continue;
        const span = this.latinSpan(run);
        if (span) {
          this.flushOut();
          this.doc.markContent('Span', span as Parameters<Doc['markContent']>[1]);
        }
        const color = textColor(run.color);
        out.push(`BT ${color} rg 1 0 0 1 ${num(x + run.x)} ${num(baseline)} Tm`);
        const outlines = this.runText(run, out, run === first);
        out.push('ET');
        if (outlines) {
          const scale = (Math.round((run.size / run.face.unitsPerEm) * 1e7) / 1e7).toString();
          for (const o of outlines) {
            const path = outlineOps(run.face.font, o.id);
            if (!path) continue;
            // the scale in full: 3 decimals made a 12.5 pt glyph (0.0125) 4% too big
            out.push(`q ${color} rg ${scale} 0 0 ${scale} ${num(x + run.x + o.dx)} ${num(baseline + o.dy)} cm`, path, 'Q');
          }
        }
        if (span) {
          this.flushOut();
          this.doc.endMarkedContent();
        }
      }
    }
  }

  /**
   * pdf.js makes a piece of text of every marked-content sequence (a list
   * label, a table cell, a contents entry's page number) and of every sweep,
   * and joins two pieces with a space only when the second lies to the right
   * of the first. In right-to-left text it lies to the left: a label and its
   * text came back as one word («٢)يحدد»), a bold term and its definition too
   * («تنبيه:يتناول»). pdf.js reverses a right-to-left piece character by
   * character, so a space at the end of the text of the piece's right-most
   * glyph (drawn last, read first) comes back at its start. That glyph copies
   * as its letter and a space when the piece is drawn just after another on
   * the same baseline, left of it with a word break between (white space at
   * the seam, or a gap of WORD_GAP), and pdf.js will read it right to left
   * (it does when 30% of the characters are Arabic). A space glyph at the
   * seam does not do: pdf.js drops white space at a piece's ends.
   * Returns the run to give that space (the last with a letter), if any.
   */
  private spaceFirst(sweep: GlyphRun[], x: number, baseline: number): GlyphRun | undefined {
    const before = this.lastPiece;
    const first = sweep[0];
    const last = sweep[sweep.length - 1];
    const right = x + last.x + last.width;
    // read last: the left end of a right-to-left piece
    this.lastPiece = { baseline, left: x + first.x, spaceAtEnd: first.level % 2 === 1 && /\s$/.test(first.text) };
    if (!before || Math.abs(before.baseline - baseline) > 0.5 || right > before.left + 0.5) return undefined;
    let arabic = 0;
    let length = 0;
    for (const r of sweep) {
      const text = r.text;
      length += text.length;
      // by UTF-16 unit, as `length` counts (surrogates lie outside the range)
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x0590 && c <= 0x08ff) arabic++;
      }
    }
    if (arabic < 0.3 * length) return undefined;
    // read first: the right end
    const seam = before.spaceAtEnd || (last.level % 2 === 1 && /^\s/.test(last.text)) || before.left - right > WORD_GAP * last.size;
    if (!seam) return undefined;
    for (let i = sweep.length - 1; i >= 0; i--) if (/\S/.test(sweep[i].text)) return sweep[i];
    return undefined;
  }

  /**
   * The Span a run with Latin letters is marked as (pdfkit's markContent
   * options), when it is in a structure element (not an artifact):
   * - /Lang en, unless the element is Latin already (a URL's Link);
   * - /ActualText, the run's text, when a glyph stands for several letters
   *   (Amiri's fi, ffi, fl ligatures) or for none: what the glyphs' own
   *   texts give is then not one-to-one.
   * Arabic runs need neither: the shaper gives every glyph its own letters
   * (a lam-alef is two glyphs; a haraka has its own glyph), and a glyph with
   * no text of its own is drawn as an outline (see runText).
   */
  private latinSpan(run: GlyphRun): { lang?: string; actual?: string } | undefined {
    if (typeof this.open !== 'object' || !LATIN.test(run.text)) return undefined;
    let lang: string | undefined = LATIN_LANG;
    for (let n: StructNode | undefined = this.open.node; n; n = n.parent) {
      if (n.lang) {
        if (n.lang === LATIN_LANG) lang = undefined;
        break;
      }
    }
    let oneToOne = true;
    for (const sg of run.segments) for (const t of sg.texts) if (t.length !== 1 && !(t.length === 2 && t.codePointAt(0)! > 0xffff)) oneToOne = false;
    if (!lang && oneToOne) return undefined;
    return oneToOne ? { lang } : { lang, actual: run.text };
  }

  private color(c: string): ColorOps | null {
    let ops = this.colors.get(c);
    if (ops === undefined) this.colors.set(c, (ops = colorOps(this.doc._normalizeColor(c))));
    return ops;
  }

  /** Draw ops, as the operators pdfkit's save/transform/rect/fill/stroke/restore wrote for them. */
  ops(ops: DrawOp[]): void {
    // text is drawn in unflipped coordinates: undo the page's y-down transform
    const flip = `q\n1 0 0 -1 0 ${pdfNum(this.doc.page.height)} cm`;
    const out = this.out;
    for (const o of ops) {
      // a link draws nothing (the text under it is its own op): it leaves the marked content as it is
      // text without an element is a running header or footer
      if (o.op === 'text') this.mark(o.tag ?? 'Pagination');
      else if (o.op === 'image') this.mark(o.tag ?? 'Layout');
      else if (o.op !== 'link') this.mark('Layout');
      switch (o.op) {
        case 'text':
          out.push(flip);
          this.line(o.line, o.x, o.y);
          out.push('Q');
          break;
        case 'rect': {
          out.push('q', o.radius ? roundedRectPath(o.x, o.y, o.w, o.h, o.radius) : rectPath(o.x, o.y, o.w, o.h));
          const width = `${pdfNum(o.lineWidth ?? 0.8)} w`;
          if (o.fill && o.stroke) {
            out.push(width);
            const fill = this.color(o.fill);
            if (fill) out.push(fill.fill);
            const stroke = this.color(o.stroke);
            if (stroke) out.push(stroke.stroke);
            out.push('B');
          } else if (o.fill) {
            const fill = this.color(o.fill);
            if (fill) out.push(fill.fill);
            out.push('f');
          } else if (o.stroke) {
            out.push(width);
            const stroke = this.color(o.stroke);
            if (stroke) out.push(stroke.stroke);
            out.push('S');
          }
          out.push('Q');
          break;
        }
        case 'hline': {
          out.push('q', `${pdfNum(o.x1)} ${pdfNum(o.y)} m`, `${pdfNum(o.x2)} ${pdfNum(o.y)} l`, `${pdfNum(o.width)} w`);
          const stroke = this.color(o.color);
          if (stroke) out.push(stroke.stroke);
          out.push('S', 'Q');
          break;
        }
        case 'circle': {
          out.push('q', circlePath(o.cx, o.cy, o.r), `${pdfNum(o.lineWidth)} w`);
          const stroke = this.color(o.stroke);
          if (stroke) out.push(stroke.stroke);
          out.push('S', 'Q');
          break;
        }
        case 'link':
          this.link(o);
          break;
        case 'image':
          this.image(o);
          break;
      }
    }
  }

  /** A URI link annotation over the area (pdfkit's public link(); its user space is ours: y down from the top). */
  /** A URI link annotation over the area (pdfkit's public link(); its user space is ours: y down from the top), in its Link element. */
  private link(o: Extract<DrawOp, { op: 'link' }>): void {
    // structParent: pdfkit 0.20's annotation option (its typings predate it)
    const options = o.tag ? { structParent: this.element(o.tag) } : {};
    this.doc.link(o.x, o.y, o.w, o.h, o.url, options as Parameters<Doc['link']>[5]);
  }

  /**
   * A picture, through pdfkit's public image(), in its Figure element, whose
   * /Alt says what it shows (for screen readers and text extraction).
   */
  private image(o: Extract<DrawOp, { op: 'image' }>): void {
    this.flushOut();
    this.doc.image(o.path, o.x, o.y, { width: o.w, height: o.h });
  }

  /**
   * Close the current page's content: what pdfkit wrote when it opened the
   * page (its y-down transform) and then ours, deflated by us in one piece
   * at our level (see CONTENT_DEFLATE_LEVEL) instead of by pdfkit.
   */
  endPage(): void {
    this.closeMark();
    this.lastPiece = undefined;
    const content = this.doc.page.content;
    if (this.out.length) content.buffer.push(contentBytes(this.out));
    const bytes = deflateContent(Buffer.concat(content.buffer));
    this.out.length = 0;
    content.compress = false;
    content.buffer = [bytes];
    content.data.Filter = 'FlateDecode';
    content.data.Length = bytes.length;
  }
}

/** Nest bookmarks by level under the document outline. */
function addOutline(doc: Doc, entries: { b: Bookmark; pageIndex: number; pageDict: unknown }[], pageHeight: number): void {
  const stack: { level: number; node: OutlineNode }[] = [{ level: -1, node: doc.outline }];
  for (const { b, pageDict } of entries) {
    while (stack.length > 1 && stack[stack.length - 1].level >= b.level) stack.pop();
    const parent = stack[stack.length - 1].node;
    const node = parent.addItem(b.title, { expanded: b.level === 0 });
    node.outlineData.Dest = [pageDict, 'XYZ', null, pageHeight - Math.max(0, b.y - 12), null];
    stack.push({ level: b.level, node });
  }
}

// pdfkit hashes every info entry into the file ID; it must not see undefined ones
function withoutEmpty<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}

export function writePdf(pages: Page[], meta: PdfMeta): Promise<Buffer> {
  const { width, height } = PAPER[meta.paper];
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    autoFirstPage: false,
    bufferPages: false,
    lang: 'ar',
    font: null as unknown as string, // no default Helvetica: every glyph comes from our fonts
    pdfVersion: '1.7',
    displayTitle: true,
    // tagged PDF (structure tree, /MarkInfo) and PDF/UA-1 identification in the XMP metadata
    tagged: true,
    subset: 'PDF/UA' as 'PDF/A-1', // pdfkit 0.20 has it; its typings predate it
    info: withoutEmpty({
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords,
      Creator: 'hiwar',
      Producer: 'hiwar (pdfkit)',
      CreationDate: FIXED_DATE,
      ModDate: FIXED_DATE,
    }),
  }) as Doc;
  // Right-to-left reading order for viewers (two-page spreads, page turning).
  const prefs = doc._root.data.ViewerPreferences;
  if (prefs) prefs.data.Direction = 'R2L';

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const writer = new Writer(doc);
  const outline: { b: Bookmark; pageIndex: number; pageDict: unknown }[] = [];
  pages.forEach((page, i) => {
    doc.addPage({ size: [width, height], margin: 0 });
    writer.ops(page.ops);
    writer.endPage();
    for (const b of page.bookmarks) outline.push({ b, pageIndex: i, pageDict: doc.page.dictionary });
  });
  addOutline(doc, outline, height);
  writer.endStructure();
  for (const font of writer.allFonts()) font.embed();
  doc.end();
  return done;
}
