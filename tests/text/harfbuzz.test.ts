// harfbuzz.ts calls HarfBuzz's C API directly; harfbuzzjs's JavaScript API
// (its own wasm instance here) with the same settings is the reference: same
// glyph ids, clusters, advances and offsets, call after call.
import * as hb from 'harfbuzzjs';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { hbFont, hbShape, memoryBytes } from '../../src/text/harfbuzz.js';
import { loadFamily } from '../../src/text/index.js';
import { seedArticle, seedWords } from './helpers.js';

type Glyph = [id: number, cluster: number, xAdvance: number, xOffset: number, yOffset: number];

function reference(path: string): (text: string, rtl: boolean, script: string) => Glyph[] {
  const data = readFileSync(path);
  const font = new hb.Font(new hb.Face(new hb.Blob(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)), 0));
  const buffer = new hb.Buffer();
  return (text, rtl, script) => {
    buffer.reset();
    buffer.addText(text);
    buffer.setDirection(rtl ? hb.Direction.RTL : hb.Direction.LTR);
    buffer.setScript(script);
    buffer.setClusterLevel(hb.ClusterLevel.CHARACTERS);
    buffer.setFlags(hb.BufferFlag.BOT | hb.BufferFlag.EOT | hb.BufferFlag.REMOVE_DEFAULT_IGNORABLES);
    hb.shape(font, buffer);
    const pos = buffer.getGlyphPositions();
    return buffer.getGlyphInfos().map((g, i) => [g.codepoint, g.cluster, pos[i].xAdvance, pos[i].xOffset, pos[i].yOffset]);
  };
}

function ours(font: number, text: string, rtl: boolean, script: string): Glyph[] {
  const { count, info, infoAt, pos, posAt } = hbShape(font, text, rtl, script);
  const out: Glyph[] = [];
  for (let j = 0; j < count; j++) out.push([info[infoAt + 5 * j], info[infoAt + 5 * j + 2], pos[posAt + 5 * j], pos[posAt + 5 * j + 2], pos[posAt + 5 * j + 3]]);
  return out;
}

describe('HarfBuzz through its C API agrees with harfbuzzjs', () => {
  const faces = [loadFamily('amiri').faces.regular, loadFamily('amiri').faces.bold, loadFamily('noto-naskh').faces.regular];
  const fonts = faces.map((f) => ({ ours: hbFont(f.path), ref: reference(f.path) }));
  const { title, paragraphs } = seedArticle();
  // seed words, marks, invisible controls, mirrored brackets, Latin, and whole
  // paragraphs (longer than the first block of wasm memory the text goes through)
  const rtl = [...seedWords(), 'عَلَّمَ', 'مًِْ', 'لا\u200dإله', 'أ\u200cب', '(تويتر)', '«داعش»', '\u2067نص\u2069', title, ...paragraphs];
  const ltr = ['Twitter', 'https://example.com/news?id=2014', 'office', '2014', '٢٠١٤', 'AVAWAY'];

  test('every face, both directions, interleaved calls', () => {
    const bad: string[] = [];
    for (const [i, text] of rtl.entries()) {
      const f = fonts[i % fonts.length];
      if (JSON.stringify(ours(f.ours, text, true, 'arab')) !== JSON.stringify(f.ref(text, true, 'arab'))) bad.push(text);
    }
    for (const f of fonts) {
      for (const text of ltr) {
        for (const script of ['latn', 'arab', 'zyyy']) {
          if (JSON.stringify(ours(f.ours, text, false, script)) !== JSON.stringify(f.ref(text, false, script))) bad.push(`${script}:${text}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  test('a short text after a long one: no leftovers from the earlier call', () => {
    const f = fonts[0];
    ours(f.ours, paragraphs.join(' '), true, 'arab');
    expect(ours(f.ours, 'لا', true, 'arab')).toEqual(f.ref('لا', true, 'arab'));
    expect(ours(f.ours, '', true, 'arab')).toEqual([]);
  });

  test('wasm memory grows for a long text (our loader answers HarfBuzz\'s request for more memory)', () => {
    const f = fonts[0];
    const before = memoryBytes();
    const long = Array.from({ length: 60 }, () => paragraphs.join(' ')).join(' ');
    const glyphs = ours(f.ours, long, true, 'arab');
    expect(memoryBytes()).toBeGreaterThan(before);
    // some 100,000 glyphs: compared as text first (toEqual alone took 0.7 s),
    // and only when they differ glyph by glyph, for a message that shows where
    const ref = f.ref(long, true, 'arab');
    const same = JSON.stringify(glyphs) === JSON.stringify(ref);
    if (!same) expect(glyphs).toEqual(ref);
    expect(same).toBe(true);
  });
});
