// Golden images: representative pages of the first sample pack, rendered by
// MuPDF in grey at 72 dpi, compared with the PNGs committed in tests/golden/ref.
// The pages are chosen by what they show (the cover, the contents, a lesson's
// title block, a passage, each kind of question, a teacher's box), not by
// number, so a change that moves content to other pages still compares like
// with like. `npm run golden:update` (scripts/golden.mjs) writes new references.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as mupdf from 'mupdf';
import type { Page } from '../../src/layout/ops.js';
import { COLORS } from '../../src/layout/style.js';
import { renderPdf } from '../../src/formats/pdf/render.js';
import { courseDocument } from '../../src/render/render.js';
import { loadTemplates } from '../../src/render/templates.js';
import { resolveFile } from '../../src/workspace/resolve.js';
import type { Edition } from '../../src/workspace/model.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REF_DIR = path.join(root, 'tests/golden/ref');
/** where a failing comparison leaves the page as it is now, and the difference, for review */
export const REVIEW_DIR = path.join(root, 'out/golden');
export const DPI = 72;
/** a pixel differs when its grey level changes by more than this (of 255): anti-aliasing noise stays below */
export const PIXEL_THRESHOLD = 48;
/** a page matches when at most this fraction of its pixels differ (about a short word at 72 dpi) */
export const PAGE_TOLERANCE = 0.001;

/** The page to keep, given the laid-out pages, where the lessons start and the pages already kept. */
type Pick = (pages: Page[], lessonStarts: number[], used: Set<number>) => number;

const texts = (p: Page) => p.ops.flatMap((o) => (o.op === 'text' ? [o.line] : []));
/** the first page of the lessons, not kept already, that shows it (so that each golden page is a different page) */
const first = (pred: (p: Page) => boolean): Pick => (pages, starts, used) => pages.findIndex((p, i) => i >= starts[0] && !used.has(i) && pred(p));

/** The pages kept as golden images: name, edition, and how to find the page. */
const WANTED: { name: string; edition: Edition; pick: Pick }[] = [
  { name: 'cover', edition: 'student', pick: () => 0 },
  { name: 'contents', edition: 'student', pick: () => 1 },
  { name: 'title-block', edition: 'student', pick: (_, starts) => starts[0] },
  // a passage's number is set small in the accent colour in the margin
  { name: 'passage', edition: 'student', pick: first((p) => texts(p).some((l) => l.runs.some((r) => r.size === 10 && r.color === COLORS.accent))) },
  // options: a letter and its bracket start the line («أ) …»)
  { name: 'question-options', edition: 'student', pick: first((p) => texts(p).some((l) => /^أ\)/.test(l.text))) },
  // a scale: circles in a row
  { name: 'question-scale', edition: 'student', pick: first((p) => p.ops.some((o) => o.op === 'circle')) },
  // ranking: a square box beside each item
  { name: 'question-rank', edition: 'student', pick: first((p) => p.ops.some((o) => o.op === 'rect' && o.w === o.h && o.w < 20 && !o.fill)) },
  // an open question: its answer lines
  { name: 'question-open', edition: 'student', pick: first((p) => p.ops.filter((o) => o.op === 'hline' && o.color === COLORS.rule && o.width === 0.6).length >= 3) },
  { name: 'teacher-box', edition: 'teacher', pick: first((p) => p.ops.some((o) => o.op === 'rect' && o.fill === COLORS.teacherBg)) },
];

export interface GoldenPage {
  name: string;
  /** 1-based page in its edition's PDF */
  page: number;
  edition: Edition;
  png: Uint8Array;
  width: number;
  height: number;
  grey: Uint8Array;
}

/** The golden pages as the code renders them now. */
export async function renderGolden(): Promise<GoldenPage[]> {
  const r = await resolveFile(path.join(root, 'lessons/course.yaml'));
  if (!r.ok || r.kind !== 'course') throw new Error('lessons/course.yaml does not resolve');
  const templates = loadTemplates();
  const out: GoldenPage[] = [];
  for (const edition of ['student', 'teacher'] as Edition[]) {
    const wanted = WANTED.filter((w) => w.edition === edition);
    let laid: Page[] = [];
    let starts: number[] = [];
    const pdf = await renderPdf(courseDocument(r.course, edition, templates), { onLayout: (l) => ((laid = l.pages), (starts = l.lessonStarts)) });
    const doc = mupdf.Document.openDocument(pdf.bytes, 'application/pdf');
    const used = new Set<number>();
    for (const w of wanted) {
      const index = w.pick(laid, starts, used);
      used.add(index);
      if (index < 0) throw new Error(`no page of the ${edition} edition shows ${w.name}`);
      const pix = doc.loadPage(index).toPixmap(mupdf.Matrix.scale(DPI / 72, DPI / 72), mupdf.ColorSpace.DeviceGray, false, true);
      out.push({ name: w.name, page: index + 1, edition, png: pix.asPNG(), ...greyOf(pix) });
    }
  }
  return out;
}

function greyOf(pix: mupdf.Pixmap): { width: number; height: number; grey: Uint8Array } {
  const width = pix.getWidth();
  const height = pix.getHeight();
  const stride = pix.getStride();
  const n = pix.getNumberOfComponents() + pix.getAlpha();
  const px = pix.getPixels();
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) grey[y * width + x] = px[y * stride + x * n];
  return { width, height, grey };
}

/** A committed reference's pixels, or undefined when there is none. */
export function reference(name: string): { width: number; height: number; grey: Uint8Array } | undefined {
  const file = path.join(REF_DIR, `${name}.png`);
  if (!fs.existsSync(file)) return undefined;
  const pix = new mupdf.Image(fs.readFileSync(file)).toPixmap();
  const grey = pix.getColorSpace()?.isGray() ? pix : pix.convertToColorSpace(mupdf.ColorSpace.DeviceGray, false);
  return greyOf(grey);
}

/** Pixels that differ by more than the threshold, and an image of them (black where they differ). */
export function compare(a: { width: number; height: number; grey: Uint8Array }, b: { width: number; height: number; grey: Uint8Array }): { differing: number; fraction: number; diffPng?: Uint8Array } {
  if (a.width !== b.width || a.height !== b.height) return { differing: Infinity, fraction: 1 };
  const diff = new mupdf.Pixmap(mupdf.ColorSpace.DeviceGray, [0, 0, a.width, a.height], false);
  diff.clear(255);
  const px = diff.getPixels();
  const stride = diff.getStride();
  let differing = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = y * a.width + x;
      if (Math.abs(a.grey[i] - b.grey[i]) > PIXEL_THRESHOLD) {
        differing++;
        px[y * stride + x] = 0;
      } else px[y * stride + x] = 235 - (255 - a.grey[i]) / 8; // the page faintly, for orientation
    }
  }
  return { differing, fraction: differing / (a.width * a.height), diffPng: diff.asPNG() };
}

/** Write the references anew (npm run golden:update); returns what was written. */
export async function updateGolden(): Promise<GoldenPage[]> {
  const pages = await renderGolden();
  fs.mkdirSync(REF_DIR, { recursive: true });
  for (const f of fs.readdirSync(REF_DIR)) if (f.endsWith('.png')) fs.rmSync(path.join(REF_DIR, f));
  for (const p of pages) fs.writeFileSync(path.join(REF_DIR, `${p.name}.png`), p.png);
  return pages;
}
