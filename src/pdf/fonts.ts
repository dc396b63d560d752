// One embedded PDF font per font face, owned by hiwar (pdfkit only stores the
// objects). A PDF font maps each character code (CID) to one glyph, one
// advance width and one text (ToUnicode). hiwar's glyphs need more than one of
// each: a bracket mirrored in right-to-left text is the other bracket's glyph
// but copies as its own character; a ligature piece copies as different text
// in different words; a letter kerned against its neighbour advances by more
// or less than its own width. Each such (glyph, text, width) gets a CID of its
// own, all in one font: a TrueType font's CIDToGIDMap lets several CIDs draw
// the same glyph. One font per face matters to text extractors: pdf.js starts
// a new piece of text at every font change, and pieces inside a word come
// back out of order. (A CFF font has no CIDToGIDMap: its glyphs keep one CID
// each, and the writer opens another font for a glyph that needs a second.)
import type { Font } from 'fontkit';
import { glyphRecord, isPlainTrueType, preloadLoca, useGlyphRecords } from './subset.js';

/** What a font needs of pdfkit: indirect objects (pdfkit's public `ref`). */
export interface RefMaker {
  ref(data?: Record<string, unknown>): PdfRef;
}
export interface PdfRef {
  data: Record<string, unknown>;
  end(chunk?: Uint8Array | string): void;
  write(chunk: Uint8Array | string): void;
}

// fontkit's subset, as much of it as we use (its public createSubset API)
interface Subset {
  includeGlyph(id: number): number;
  encode(): Uint8Array;
  cff?: unknown;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

export class PdfFont {
  readonly ref: PdfRef;
  private readonly subset: Subset;
  /** by CID: subset glyph id, advance (1000ths of an em), text */
  private readonly gids: number[] = [0];
  readonly widths: number[];
  private readonly texts: string[] = [''];
  /** "glyph id|width|text" -> CID */
  private readonly cids = new Map<string, number>();
  /** CFF fonts: glyph id -> its one CID */
  private readonly single = new Map<number, number>();
  private readonly trueType: boolean;
  /** whether subset.ts reads this font's glyph records (asked once: ownWidth runs for every new glyph code) */
  private readonly plainTrueType: boolean;
  readonly scale: number;

  constructor(
    private readonly doc: RefMaker,
    private readonly font: Font,
    readonly id: string,
  ) {
    this.plainTrueType = isPlainTrueType(font);
    preloadLoca(font); // before fontkit's subset asks for glyph 0
    this.subset = font.createSubset() as unknown as Subset;
    useGlyphRecords(this.subset, font);
    this.trueType = this.subset.cff == null;
    this.scale = 1000 / font.unitsPerEm;
    this.widths = [this.ownWidth(0)];
    this.ref = doc.ref();
  }

  /** The glyph's own advance, 1000ths of an em. */
  ownWidth(id: number): number {
    return (this.plainTrueType ? glyphRecord(this.font, id).advance : this.font.getGlyph(id).advanceWidth) * this.scale;
  }

  /**
   * The CID (four hex digits) that draws glyph `id`, copies as `text` and
   * advances by `width` (own width when undefined); undefined when this font
   * cannot have it (a CFF font whose glyph has another text or width).
   */
  code(id: number, text: string, width?: number): string | undefined {
    const w = width ?? this.ownWidth(id);
    const key = `${id}|${w}|${text}`;
    let cid = this.cids.get(key);
    if (cid !== undefined) return hex4(cid);
    const gid = this.subset.includeGlyph(id);
    if (!this.trueType) {
      if (this.single.has(id)) return undefined;
      this.single.set(id, gid);
      cid = gid;
    } else cid = this.gids.length;
    this.gids[cid] = gid;
    this.widths[cid] = w;
    this.texts[cid] = text;
    this.cids.set(key, cid);
    if (cid > 0xffff) throw new Error('too many different glyphs for one PDF font');
    return hex4(cid);
  }

  /** Write the font's objects (once, when the pages are done). */
  embed(): void {
    const font = this.font;
    // tables fontkit decodes but does not declare in its types
    const tables = font as unknown as { post: { isFixedPitch: number }; head: { macStyle: { italic: boolean } } };
    const file = this.doc.ref(this.trueType ? {} : { Subtype: 'CIDFontType0C' });
    file.end(this.subset.encode());
    const familyClass = ((font['OS/2'] as { sFamilyClass?: number } | undefined)?.sFamilyClass ?? 0) >> 8;
    let flags = 1 << 2; // symbolic: glyphs are addressed by CID, not by a standard encoding
    if (tables.post.isFixedPitch) flags |= 1 << 0;
    if (1 <= familyClass && familyClass <= 7) flags |= 1 << 1;
    if (familyClass === 10) flags |= 1 << 3;
    if (tables.head.macStyle.italic) flags |= 1 << 6;
    const tag = [1, 2, 3, 4, 5, 6].map((i) => String.fromCharCode((this.id.charCodeAt(i) || 73) + 17)).join('');
    const name = `${tag}+${font.postscriptName.replaceAll(' ', '_')}`;
    const { bbox } = font;
    const s = this.scale;
    const descriptor = this.doc.ref({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: flags,
      FontBBox: [bbox.minX * s, bbox.minY * s, bbox.maxX * s, bbox.maxY * s],
      ItalicAngle: font.italicAngle,
      Ascent: font.ascent * s,
      Descent: font.descent * s,
      CapHeight: (font.capHeight || font.ascent) * s,
      XHeight: (font.xHeight || 0) * s,
      StemV: 0,
      [this.trueType ? 'FontFile2' : 'FontFile3']: file,
    });
    descriptor.end();
    const descendant: Record<string, unknown> = {
      Type: 'Font',
      Subtype: this.trueType ? 'CIDFontType2' : 'CIDFontType0',
      BaseFont: name,
      CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [0, this.widths.map((w) => w ?? 0)],
    };
    if (this.trueType) {
      const map = new Uint8Array(2 * this.gids.length);
      this.gids.forEach((g, cid) => {
        map[2 * cid] = g >> 8;
        map[2 * cid + 1] = g & 0xff;
      });
      const ref = this.doc.ref();
      ref.end(map);
      descendant.CIDToGIDMap = ref;
    }
    const descendantRef = this.doc.ref(descendant);
    descendantRef.end();
    this.ref.data.Type = 'Font';
    this.ref.data.Subtype = 'Type0';
    this.ref.data.BaseFont = name;
    this.ref.data.Encoding = 'Identity-H';
    this.ref.data.DescendantFonts = [descendantRef];
    this.ref.data.ToUnicode = this.toUnicode();
    this.ref.end();
  }

  /** The ToUnicode CMap: each CID's text, UTF-16BE (CIDs without text: none). */
  private toUnicode(): PdfRef {
    const lines: string[] = [];
    this.texts.forEach((text, cid) => {
      if (!text) return;
      let hex = '';
      for (let i = 0; i < text.length; i++) hex += hex4(text.charCodeAt(i)); // UTF-16 code units
      lines.push(`<${hex4(cid)}> <${hex}>`);
    });
    const chunks: string[] = [];
    for (let i = 0; i < lines.length; i += 100) {
      const part = lines.slice(i, i + 100);
      chunks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
    }
    const cmap = this.doc.ref();
    cmap.end(`/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${chunks.join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end
`);
    return cmap;
  }
}
