// The fast subset path (src/pdf/subset.ts) must give fontkit's bytes exactly:
// same glyph order, same ids in composites, same metrics, same file. The
// reference is fontkit on its own copy of each font file (the fast path hands
// its loca table to the fonts it reads).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { glyphRecord, isPlainTrueType, preloadLoca, useGlyphRecords } from '../../src/pdf/subset.js';
import { loadFamily } from '../../src/text/fonts.js';

const fonts: [string, Font, Font][] = (['amiri', 'noto-naskh'] as const).flatMap((name) => {
  const f = loadFamily(name);
  return [f.faces.regular, f.faces.bold].map((face): [string, Font, Font] => [face.key, face.font, fontkit.openSync(face.path) as Font]);
});

function encode(font: Font, ids: number[], fast: boolean): Uint8Array {
  const subset = font.createSubset();
  if (fast) useGlyphRecords(subset, font);
  for (const id of ids) (subset as unknown as { includeGlyph(id: number): number }).includeGlyph(id);
  return subset.encode();
}

const fileHash = (font: Font) => createHash('sha256').update((font as unknown as { stream: { buffer: Uint8Array } }).stream.buffer).digest('hex');

/** Glyphs built from other glyphs: their component ids are rewritten in a subset. */
function composites(font: Font): number[] {
  const out: number[] = [];
  for (let id = 0; id < font.numGlyphs && out.length < 40; id++) {
    if (glyphRecord(font, id).components) out.push(id);
  }
  return out;
}

describe.each(fonts)('%s', (_name, font, reference) => {
  it('is read by the fast path', () => {
    expect(isPlainTrueType(font)).toBe(true);
  });

  it('has composite glyphs to test with', () => {
    expect(composites(font).length).toBeGreaterThan(0);
  });

  it('reads each glyph’s advance and bearing as fontkit does', () => {
    for (let id = 0; id < font.numGlyphs; id += 7) {
      const glyph = reference.getGlyph(id) as unknown as { advanceWidth: number; _getMetrics(): { leftBearing: number } };
      const record = glyphRecord(font, id);
      expect([id, record.advance, record.bearing]).toEqual([id, glyph.advanceWidth, glyph._getMetrics().leftBearing]);
    }
  });

  it('subsets byte for byte as fontkit does', () => {
    const pool = composites(font);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: font.numGlyphs - 1 }), fc.constantFrom(...pool)), { maxLength: 60 }), (ids) => {
        expect(Buffer.from(encode(font, ids, true)).equals(Buffer.from(encode(reference, ids, false)))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('hands fontkit the loca table fontkit would decode', () => {
    preloadLoca(font);
    const ours = (font as unknown as { _tables: { loca: unknown } })._tables.loca;
    const theirs = (reference as unknown as { loca: { version: number; offsets: number[] } }).loca;
    expect(ours).toEqual({ version: theirs.version, offsets: theirs.offsets, _processed: theirs.version === 0 });
    for (let id = 1; id < font.numGlyphs; id += 97) expect(font.getGlyph(id).path.toSVG()).toBe(reference.getGlyph(id).path.toSVG());
  });

  it('leaves the font file untouched', () => {
    const before = fileHash(font);
    encode(font, [0, 1, 2, 3, ...composites(font)], true);
    expect(fileHash(font)).toBe(before);
  });

  it('leaves the cached glyph bytes untouched when a composite’s ids are rewritten', () => {
    const id = composites(font)[0];
    const before = Buffer.from(glyphRecord(font, id).bytes);
    encode(font, [5, 9, id], true);
    encode(font, [id], true);
    expect(Buffer.from(glyphRecord(font, id).bytes).equals(before)).toBe(true);
  });
});
