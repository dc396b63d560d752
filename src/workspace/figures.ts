// `figures:` of a lesson (and the check of `qr:`, the other lesson field that needs a file's content): PNG or JPEG files inside the workspace, each placed
// after a printed passage or a question. The pixel size is read here (for the
// layout's aspect ratio); the PDF writer embeds the file itself.
import { readRegularFileSync } from '../safety/read.js';
import { formatBytes, LIMITS } from '../safety/limits.js';
import { isInside, realPathOf } from '../safety/scope.js';
import path from 'node:path';
import { diagnostic } from './diagnostics.js';
import type { MessageCode } from '../i18n/catalogue.js';
import type { Ctx } from './load.js';
import type { ResolvedFigure, ResolvedPassage, ResolvedQuestion } from './model.js';
import type { FigureSpec } from './schema.js';
import { parseRef } from './refs.js';
import { positionOf, type YamlFile } from './yaml.js';
import type { Article } from './article.js';
import type { Layer } from './resolve.js';

export type ImageInfo = { format: 'png' | 'jpeg'; width: number; height: number };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Format and pixel size of PNG or JPEG bytes; a reason when they are neither, or broken. */
export function imageInfo(bytes: Uint8Array): ImageInfo | { error: 'format'; found?: string } | { error: 'broken'; detail: string } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.subarray(0, 8).equals(PNG_SIGNATURE)) {
    // the first chunk is IHDR: width and height as big-endian 32-bit numbers
    if (b.length < 33 || b.toString('latin1', 12, 16) !== 'IHDR') return { error: 'broken', detail: 'the PNG has no header' };
    const width = b.readUInt32BE(16);
    const height = b.readUInt32BE(20);
    if (!width || !height) return { error: 'broken', detail: 'the PNG has no pixels' };
    if (b.indexOf('IDAT', 33, 'latin1') < 0) return { error: 'broken', detail: 'the PNG has no image data (the file is cut short?)' };
    return { format: 'png', width, height };
  }
  if (b[0] === 0xff && b[1] === 0xd8) {
    // walk the JPEG segments to the first start-of-frame (SOF0–SOF15 but DHT, JPG, DAC)
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return { error: 'broken', detail: 'the JPEG structure is damaged' };
      const marker = b[i + 1];
      if (marker === 0xff) {
        i++;
        continue;
      }
      const len = b.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const height = b.readUInt16BE(i + 5);
        const width = b.readUInt16BE(i + 7);
        if (!width || !height) return { error: 'broken', detail: 'the JPEG has no pixels' };
        return { format: 'jpeg', width, height };
      }
      i += 2 + len;
    }
    return { error: 'broken', detail: 'the JPEG has no frame (the file is cut short?)' };
  }
  const found = b.subarray(0, 4).toString('latin1') === 'GIF8' ? 'GIF' : b.subarray(0, 4).toString('latin1') === '<svg' || b.subarray(0, 5).toString('latin1') === '<?xml' ? 'SVG' : b.subarray(0, 4).toString('latin1') === 'RIFF' ? 'WebP' : b.subarray(0, 4).toString('latin1') === '%PDF' ? 'PDF' : undefined;
  return { error: 'format', found };
}

/** Where a figure goes: a printed paragraph `pN` (the passage that prints it) or a question id. */
function placeOf(after: string, passages: readonly ResolvedPassage[], questions: readonly ResolvedQuestion[]): ResolvedFigure['after'] | undefined {
  const q = questions.findIndex((x) => x.id === after.trim());
  if (q >= 0) return { question: q };
  const r = parseRef(after);
  if (r.ok && r.ref.type !== 'anchor') {
    const n = r.ref.type === 'paragraphs' ? r.ref.to : r.ref.paragraph;
    {
      // the last passage that prints paragraph n
      for (let i = passages.length - 1; i >= 0; i--) if (passages[i].paragraphs.some((p) => p.number === n)) return { passage: i };
    }
  }
  return undefined;
}

/** Resolve `figures:` written in `file` (a lesson): errors at each figure's field. */
export function resolveFigures(ctx: Ctx, file: YamlFile, figures: readonly FigureSpec[], passages: readonly ResolvedPassage[], questions: readonly ResolvedQuestion[]): ResolvedFigure[] {
  const out: ResolvedFigure[] = [];
  const workspace = path.dirname(file.path);
  figures.forEach((f, i) => {
    const add = (field: string, code: MessageCode, params: Record<string, string>) => {
      const p = positionOf(file, ['figures', i, field]);
      ctx.add(diagnostic('error', file.path, p.line, p.col, code, params));
    };
    const abs = path.resolve(workspace, f.image);
    const rel = path.relative(workspace, abs);
    let ok = true;
    // the lesson's folder, also once links are followed (a figure links nowhere else)
    if (rel.startsWith('..') || path.isAbsolute(rel) || (!ctx.scope?.allowOutside && !isInside(realPathOf(workspace), realPathOf(abs)))) {
      add('image', 'output.figure-outside', { image: f.image });
      ok = false;
    } else {
      // a regular file of at most LIMITS.figure bytes: never a FIFO or a device
      const r = readRegularFileSync(abs, LIMITS.figure);
      const bytes = r.ok ? r.bytes : undefined;
      if (!r.ok && r.reason === 'too-big') {
        add('image', 'build.too-big', { name: f.image, limit: formatBytes(r.limit) });
        ok = false;
      } else if (!bytes) {
        add('image', 'output.figure-missing', { image: f.image, abs });
        ok = false;
      } else {
        ctx.deps.add(abs);
        const info = imageInfo(bytes);
        if ('error' in info) {
          if (info.error === 'format') add('image', 'output.figure-format', { image: f.image, found: info.found ? ` (${info.found})` : '' });
          else add('image', 'output.figure-broken', { image: f.image, detail: info.detail });
          ok = false;
        } else {
          const after = placeOf(f.after, passages, questions);
          if (!after) {
            const paragraphs = [...new Set(passages.flatMap((p) => p.paragraphs.map((x) => `p${x.number}`)))].join(', ') || 'none';
            add('after', 'output.figure-after', { after: f.after, paragraphs, questions: questions.map((q) => q.id).join(', ') || 'none' });
            ok = false;
          } else if (ok) {
            out.push({ path: abs, format: info.format, width: info.width, height: info.height, caption: f.caption, alt: f.alt, after });
          }
        }
      }
    }
  });
  return out;
}

/**
 * `qr: true` needs the article's `url`. Written in the lesson (or a lesson it
 * extends) that is a mistake, shown at `qr`; set for a whole course over
 * several articles, the code is printed where there is a url.
 */
export function checkQr(ctx: Ctx, root: Layer, article: Article): void {
  if (article.url) return;
  for (let l: Layer | null = root; l; l = l.parent) {
    const data = l.v.data as unknown;
    const o = data && typeof data === 'object' ? (data as Record<string, unknown>).options : undefined;
    if (o && typeof o === 'object' && 'qr' in o) {
      const p = positionOf(l.file, ['options', 'qr']);
      ctx.add(diagnostic('error', l.file.path, p.line, p.col, 'output.qr-no-url'));
      return;
    }
  }
}
