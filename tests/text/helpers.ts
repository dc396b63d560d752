// Shared test helpers: the seed article and a HarfBuzz reference shaper.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FontFace, GlyphRun, TextStyle } from '../../src/text/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The imported seed article: its title and its paragraphs (front matter stripped). */
export function seedArticle(): { title: string; paragraphs: string[] } {
  const md = readFileSync(root + 'lessons/articles/virtual-caliphate.md', 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(md);
  if (!m) throw new Error('seed article has no front matter');
  const title = /^title:\s*"(.*)"\s*$/m.exec(m[1])?.[1] ?? '';
  const paragraphs = m[2].split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return { title, paragraphs };
}

/** Distinct whitespace-separated words of the seed article (title and body). */
export function seedWords(): string[] {
  const { title, paragraphs } = seedArticle();
  return [...new Set([title, ...paragraphs].join(' ').split(/\s+/).filter(Boolean))];
}

export const style12: TextStyle = { weight: 'regular', size: 12, color: '#000000' };

export interface HbGlyph {
  id: number;
  cluster: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

export type HbShaper = (text: string, direction: 'rtl' | 'ltr', script: string) => HbGlyph[];

/** A HarfBuzz shaper (harfbuzzjs, wasm) for the same font file as `face`. */
export async function harfbuzzFor(face: FontFace): Promise<HbShaper> {
  const hb = await import('harfbuzzjs');
  const data = readFileSync(face.path);
  const blob = new hb.Blob(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  const font = new hb.Font(new hb.Face(blob));
  const buffer = new hb.Buffer();
  return (text, direction, script) => {
    buffer.reset();
    buffer.addText(text);
    buffer.setDirection(direction === 'rtl' ? hb.Direction.RTL : hb.Direction.LTR);
    buffer.setScript(script);
    hb.shape(font, buffer);
    const infos = buffer.getGlyphInfos();
    const pos = buffer.getGlyphPositions();
    return infos.map((g, i) => ({ id: g.codepoint, cluster: g.cluster, xAdvance: pos[i].xAdvance, xOffset: pos[i].xOffset, yOffset: pos[i].yOffset }));
  };
}

/** A run's glyph texts joined in logical order. */
export function logicalGlyphText(run: GlyphRun): string {
  const texts = run.glyphs.map((g) => g.text);
  return (run.level & 1 ? texts.reverse() : texts).join('');
}
