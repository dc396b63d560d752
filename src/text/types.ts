// The text engine's typed boundary. Everything above it speaks in styled
// strings and widths; everything below it (the PDF writer) in positioned glyphs.
import type { Font } from 'fontkit';

export type FontWeight = 'regular' | 'bold';

/** One loaded font file, shared by the shaper (fontkit) and the PDF writer (pdfkit). */
export interface FontFace {
  /** Stable key, e.g. "amiri-regular"; the PDF writer registers the file under it. */
  key: string;
  /** Absolute path of the TTF/OTF file. */
  path: string;
  /** The fontkit font used for shaping and metrics. */
  font: Font;
  /** font units per em */
  unitsPerEm: number;
  /** ascender / descender in font units (descender negative) */
  ascent: number;
  descent: number;
}

/** A family: the faces a paragraph may use, by weight. */
export interface FontFamily {
  name: string;
  faces: Record<FontWeight, FontFace>;
}

export interface TextStyle {
  weight: FontWeight;
  /** font size in points */
  size: number;
  /** CSS-like hex colour, e.g. "#1a1a1a" */
  color: string;
}

/** A piece of logical (typed-order) text with one style. */
export interface StyledText {
  text: string;
  style: TextStyle;
}

export type Align = 'justify' | 'start' | 'end' | 'center';

export interface ParagraphSpec {
  runs: StyledText[];
  /** available line width in points */
  width: number;
  /** start = the paragraph direction's start side (right for RTL). Justified
   *  paragraphs set their last line flush to the start side. */
  align: Align;
  /** paragraph base direction; hiwar's documents are RTL */
  direction: 'rtl' | 'ltr';
  /** line height as a multiple of the largest font size on the line */
  lineHeight: number;
  /** justified lines of Arabic take kashidas (tatweel) once their spaces reach a cap (src/text/kashida.ts) */
  kashida?: boolean;
}

/** One shaped glyph, all values in points (already scaled by size). */
export interface PlacedGlyph {
  id: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  /** the logical text this glyph stands for ("" for the 2nd+ glyph of a cluster) */
  text: string;
}

/**
 * A stretch of a run that points into a cached shaping result: glyph j has
 * advance `advances[j] * scale + stretch`, offsets `* scale`. Laying out a
 * course makes millions of glyphs; segments save making an object for each.
 */
export interface GlyphSegment {
  ids: number[];
  advances: number[];
  xOffsets: number[];
  yOffsets: number[];
  texts: string[];
  /** points per font unit */
  scale: number;
  /** justification added to every glyph's advance (spaces), points */
  stretch: number;
  /**
   * a word drawn out by kashida: glyphs [from, from + count) are the tatweel
   * stroke hiwar inserted (text '', no character of the source)
   */
  kashida?: { from: number; count: number };
}

/** A run of glyphs in visual (left-to-right drawing) order, one font, one style. */
export interface GlyphRun {
  face: FontFace;
  size: number;
  color: string;
  /** left edge of the run, measured from the left edge of the line box, points */
  x: number;
  /** total advance width, points (includes any justification stretch of spaces) */
  width: number;
  /** the glyphs, as segments of cached shapes (what the writer reads) */
  segments: GlyphSegment[];
  /** the same glyphs, one object each: a view made from `segments` on first use */
  readonly glyphs: PlacedGlyph[];
  /** the run's text in logical order (what copy/paste must give) */
  text: string;
  /** bidi embedding level (odd = right-to-left) */
  level: number;
}

export interface LaidLine {
  /** runs in visual order, left to right */
  runs: GlyphRun[];
  /** natural width of the content before alignment, points */
  naturalWidth: number;
  /** the line box width (= ParagraphSpec.width) */
  width: number;
  /** distance from the top of the line box to the baseline */
  ascent: number;
  /** distance from the baseline to the bottom of the line box */
  descent: number;
  /** total line box height (ascent + descent, with line-height applied) */
  height: number;
  /** logical text of the whole line */
  text: string;
}

/** A character the font cannot draw (reported, never printed as an empty box). */
export interface MissingGlyph {
  char: string;
  codePoint: number;
  /** offset in the paragraph's logical text (UTF-16 index) */
  index: number;
  font: string;
}

export interface ParagraphLayout {
  lines: LaidLine[];
  missing: MissingGlyph[];
}
