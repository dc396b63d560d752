// Font subsets without decoding outlines. pdfkit embeds each font through
// fontkit's TrueType subsetter, whose _addGlyph decodes every glyph's outline
// (with restructure) only to learn whether it is composite, and reads its
// metrics through a glyph object. A subset needs just the glyph's bytes in the
// glyf table, the ids and places of its components, and its hmtx entry: read
// here straight from the font's tables, once per font and glyph for the whole
// process (fonts never change), so both editions and later builds reuse them.
// The subset file comes out byte for byte as fontkit writes it (tests/pdf/subset.test.ts).
import type { Font } from 'fontkit';

/** What a subset copies of one glyph. */
export interface GlyphRecord {
  /** the glyph's bytes in the glyf table (never changed: composites are copied before their ids are rewritten) */
  bytes: Uint8Array;
  /** component glyph ids and where each id sits in `bytes`; null for a simple or empty glyph */
  components: { glyphID: number; pos: number }[] | null;
  /** hmtx advance width and left side bearing, font units */
  advance: number;
  bearing: number;
}

// the parts of fontkit's TTFFont and TTFSubset we read (private in its types)
interface TTFFontInternals {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  loca?: { offsets: number[] };
  hhea: { numberOfMetrics: number };
  _variationProcessor?: unknown;
}
interface TTFSubsetInternals {
  font: unknown;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(id: number): number;
  _addGlyph(gid: number): number;
}

// composite glyph flags (OpenType glyf table)
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

const RECORDS = new WeakMap<object, Map<number, GlyphRecord>>();

/** Whether `font` is one this module reads: an uncompressed font file (not WOFF) with TrueType outlines, no variations. */
export function isPlainTrueType(font: Font): boolean {
  const f = font as unknown as TTFFontInternals;
  return font.type === 'TTF' && !!f.directory.tables.glyf && !!f.directory.tables.hmtx && !f.directory.tables['CFF '] && !!f.loca && !f._variationProcessor;
}

function read(font: TTFFontInternals, gid: number): GlyphRecord {
  const data = font.stream.buffer;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const glyf = font.directory.tables.glyf!.offset;
  const start = font.loca!.offsets[gid];
  const end = font.loca!.offsets[gid + 1];
  const bytes = data.slice(glyf + start, glyf + end);
  let components: GlyphRecord['components'] = null;
  // numberOfContours < 0: a composite; its components follow the 10-byte header
  if (end > start && view.getInt16(glyf + start) < 0) {
    components = [];
    let p = 10;
    for (let flags = MORE_COMPONENTS; flags & MORE_COMPONENTS; ) {
      flags = view.getUint16(glyf + start + p);
      components.push({ glyphID: view.getUint16(glyf + start + p + 2), pos: p + 2 });
      p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) p += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
    }
  }
  // hmtx: numberOfMetrics (advance, bearing) pairs, then bearings of the glyphs that share the last advance
  const hmtx = font.directory.tables.hmtx!;
  const n = font.hhea.numberOfMetrics;
  let advance = 0;
  let bearing = 0;
  if (gid < n) {
    advance = view.getUint16(hmtx.offset + 4 * gid);
    bearing = view.getInt16(hmtx.offset + 4 * gid + 2);
  } else {
    if (n > 0) advance = view.getUint16(hmtx.offset + 4 * (n - 1));
    const at = 4 * n + 2 * (gid - n);
    if (at + 2 <= hmtx.length) bearing = view.getInt16(hmtx.offset + at);
  }
  return { bytes, components, advance, bearing };
}

/** Glyph `gid` of a plain TrueType font (see isPlainTrueType), read once per process. */
export function glyphRecord(font: Font, gid: number): GlyphRecord {
  let records = RECORDS.get(font);
  if (!records) RECORDS.set(font, (records = new Map()));
  let record = records.get(gid);
  if (!record) {
    record = read(font as unknown as TTFFontInternals, gid);
    records.set(gid, record);
  }
  return record;
}

/**
 * Make a fontkit TrueType subset of a plain TrueType font add its glyphs from
 * the records above. Does what fontkit's TTFSubset._addGlyph does, in the
 * same order (so the same ids and bytes); leaves any other subset alone.
 */
export function useGlyphRecords(subset: unknown, font: Font): void {
  if (!isPlainTrueType(font)) return;
  const s = subset as TTFSubsetInternals;
  if (s.font !== font || !('glyphEncoder' in s)) return; // not fontkit's TTFSubset of this font
  s._addGlyph = function addGlyph(this: TTFSubsetInternals, gid: number): number {
    const record = glyphRecord(font, gid);
    let buffer = record.bytes;
    if (record.components) {
      buffer = new Uint8Array(buffer);
      const view = new DataView(buffer.buffer);
      for (const c of record.components) view.setUint16(c.pos, this.includeGlyph(c.glyphID));
    }
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: record.advance, bearing: record.bearing });
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
}
