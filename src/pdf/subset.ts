// Font subsets without fontkit's table codec. hiwar's PDF fonts (fonts.ts,
// which owns the font objects) are cut by fontkit's TrueType subsetter, whose
// _addGlyph decodes every glyph's outline (with restructure) only to learn
// whether it is composite, and reads its metrics through a glyph object; its
// encode() then writes the subset file through restructure too, field by
// field (≈ 10 ms a build, cold). A subset needs just the glyph's bytes in the
// glyf table, the ids and places of its components, and its hmtx entry: read
// here straight from the font's tables, once per font and glyph for the whole
// process (fonts never change), so both editions and later builds reuse them;
// and the file is a few tables copied or patched. The subset file comes out
// byte for byte as fontkit writes it (tests/pdf/subset.test.ts). This file
// owns that subsetter: it replaces the _addGlyph and encode of the TTFSubset
// that fonts.ts makes (fontkit 2.0.4, pinned exactly in package.json,
// tests/build/pins.test.ts). Without it a one-lesson build cost ≈ 14 % more
// CPU, measured by interleaved cold runs. (The HTML edition subsets with
// HarfBuzz's hb-subset instead: formats/html/subset.ts.)
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
  /** fontkit's decoded tables by tag */
  _tables: Record<string, unknown>;
  _variationProcessor?: unknown;
}
interface TTFSubsetInternals {
  font: unknown;
  glyphs: number[];
  glyf: Uint8Array[];
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  offset: number;
  includeGlyph(id: number): number;
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
}

/** What we read of a font's file: its bytes, where its tables are, its loca offsets. */
interface FontFile {
  data: Uint8Array;
  view: DataView;
  tables: TTFFontInternals['directory']['tables'];
  /** 0: short offsets (halved), 1: long (head.indexToLocFormat) */
  locaVersion: number;
  /** glyph byte offsets in glyf, as fontkit's loca table has them */
  loca: number[];
  /** hmtx entries with their own advance (hhea.numberOfMetrics) */
  numberOfMetrics: number;
}

// composite glyph flags (OpenType glyf table)
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

const RECORDS = new WeakMap<object, Map<number, GlyphRecord>>();
const FILES = new WeakMap<object, FontFile>();

// the fixed-size tables a subset patches (fontkit writes exactly these sizes)
const HEAD_SIZE = 54;
const HHEA_SIZE = 36;
const MAXP_SIZE = 32;

/** Whether `font` is one this module reads: an uncompressed font file (not WOFF) with TrueType outlines, no variations. */
export function isPlainTrueType(font: Font): boolean {
  const f = font as unknown as TTFFontInternals;
  const t = f.directory.tables;
  return (
    font.type === 'TTF' &&
    !!t.glyf &&
    !!t.loca &&
    !!t.hmtx &&
    !t['CFF '] &&
    (t.head?.length ?? 0) >= HEAD_SIZE &&
    (t.hhea?.length ?? 0) >= HHEA_SIZE &&
    (t.maxp?.length ?? 0) >= MAXP_SIZE &&
    !f._variationProcessor
  );
}

/**
 * The file of a plain TrueType font, its loca table read once. fontkit gets
 * the same offsets too: it decodes loca through restructure one number at a
 * time (≈ 4 ms a face, cold), and pdfkit asks for glyph 0's width as it
 * embeds a font, which needs them.
 */
function fontFile(font: Font): FontFile {
  let file = FILES.get(font);
  if (file) return file;
  const f = font as unknown as TTFFontInternals;
  const data = f.stream.buffer;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tables = f.directory.tables;
  const locaVersion = view.getInt16(tables.head!.offset + 50);
  const { offset, length } = tables.loca!;
  // as fontkit decodes it: every whole entry of the table, short ones doubled
  const loca: number[] = new Array(locaVersion === 0 ? length >> 1 : length >> 2);
  if (locaVersion === 0) for (let i = 0; i < loca.length; i++) loca[i] = view.getUint16(offset + 2 * i) << 1;
  else for (let i = 0; i < loca.length; i++) loca[i] = view.getUint32(offset + 4 * i);
  file = { data, view, tables, locaVersion, loca, numberOfMetrics: view.getUint16(tables.hhea!.offset + 34) };
  FILES.set(font, file);
  if (!('loca' in f._tables)) f._tables.loca = { version: locaVersion, offsets: loca.slice(), _processed: locaVersion === 0 };
  return file;
}

/** Read a plain TrueType font's loca table now (see fontFile); other fonts are left alone. */
export function preloadLoca(font: Font): void {
  if (isPlainTrueType(font)) fontFile(font);
}

function read(font: Font, gid: number): GlyphRecord {
  const { data, view, tables, loca, numberOfMetrics: n } = fontFile(font);
  const glyf = tables.glyf!.offset;
  const start = loca[gid];
  const end = loca[gid + 1];
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
  const hmtx = tables.hmtx!;
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
    record = read(font, gid);
    records.set(gid, record);
  }
  return record;
}

/**
 * Make a fontkit TrueType subset of a plain TrueType font add its glyphs from
 * the records above and write its file itself. Does what fontkit's
 * TTFSubset._addGlyph and encode do, in the same order (so the same ids and
 * bytes); leaves any other subset alone.
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
  s.encode = function encode(this: TTFSubsetInternals): Uint8Array {
    const file = fontFile(font);
    this.glyf = [];
    this.offset = 0;
    this.loca = { offsets: [], version: file.locaVersion };
    this.hmtx = { metrics: [], bearings: [] };
    // adding a composite includes its components: the list grows as we go
    for (let i = 0; i < this.glyphs.length; i++) this._addGlyph(this.glyphs[i]);
    this.loca.offsets.push(this.offset);
    return writeSubset(file, this);
  };
}

/** A copy of the font's table `tag` (its own memory: the patches must not reach the font), `size` bytes of it (all when omitted). */
function tableCopy(file: FontFile, tag: string, size?: number): Uint8Array | undefined {
  const t = file.tables[tag];
  return t && new Uint8Array(file.data.subarray(t.offset, t.offset + (size ?? t.length)));
}

/**
 * The subset's font file as fontkit's TTFSubset.encode writes it: tables head,
 * hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm in that order (those the font
 * has), each right after the one before, checksums 0, directory tag "true".
 * head, hhea and maxp are the font's own with the counts and the loca format
 * of the subset (and what fontkit's codec drops: reserved bits and fields, zero).
 */
function writeSubset(file: FontFile, s: TTFSubsetInternals): Uint8Array {
  const head = tableCopy(file, 'head', HEAD_SIZE)!;
  const headView = new DataView(head.buffer);
  headView.setUint16(44, headView.getUint16(44) & 0x7f); // macStyle: the 7 defined bits
  headView.setInt16(50, s.loca.version); // indexToLocFormat
  const hhea = tableCopy(file, 'hhea', HHEA_SIZE)!;
  hhea.fill(0, 24, 32); // reserved
  new DataView(hhea.buffer).setUint16(34, s.hmtx.metrics.length); // numberOfMetrics
  const maxp = tableCopy(file, 'maxp', MAXP_SIZE)!;
  new DataView(maxp.buffer).setUint16(4, s.glyf.length); // numGlyphs
  const offsets = s.loca.offsets;
  const short = s.loca.version === 0;
  const loca = new Uint8Array(offsets.length * (short ? 2 : 4));
  const locaView = new DataView(loca.buffer);
  for (let i = 0; i < offsets.length; i++) {
    if (short) locaView.setUint16(2 * i, offsets[i] >>> 1);
    else locaView.setUint32(4 * i, offsets[i]);
  }
  const cvt = file.tables['cvt '] && tableCopy(file, 'cvt ', file.tables['cvt ']!.length & ~1); // whole int16 values
  const metrics = s.hmtx.metrics;
  const hmtx = new Uint8Array(4 * metrics.length);
  const hmtxView = new DataView(hmtx.buffer);
  for (let i = 0; i < metrics.length; i++) {
    hmtxView.setUint16(4 * i, metrics[i].advance);
    hmtxView.setInt16(4 * i + 2, metrics[i].bearing);
  }
  const glyfLength = s.glyf.reduce((sum, g) => sum + g.length, 0);
  const tables: [string, Uint8Array[]][] = [
    ['head', [head]],
    ['hhea', [hhea]],
    ['loca', [loca]],
    ['maxp', [maxp]],
  ];
  if (cvt) tables.push(['cvt ', [cvt]]);
  const prep = tableCopy(file, 'prep');
  if (prep) tables.push(['prep', [prep]]);
  tables.push(['glyf', s.glyf], ['hmtx', [hmtx]]);
  const fpgm = tableCopy(file, 'fpgm');
  if (fpgm) tables.push(['fpgm', [fpgm]]);

  const n = tables.length;
  const sizes = tables.map(([tag, parts]) => (tag === 'glyf' ? glyfLength : parts[0].length));
  let total = 12 + 16 * n;
  for (const size of sizes) total += size;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(n));
  out.set([0x74, 0x72, 0x75, 0x65]); // "true"
  view.setUint16(4, n);
  view.setUint16(6, power * 16); // searchRange
  view.setUint16(8, Math.log2(power)); // entrySelector
  view.setUint16(10, n * 16 - power * 16); // rangeShift
  let at = 12 + 16 * n;
  tables.forEach(([tag, parts], i) => {
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, sizes[i]);
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
  });
  return out;
}
