// A web page carries only the glyphs it shows: the font cut to the page's
// characters by HarfBuzz's subsetter (harfbuzzjs ships it as a standalone
// wasm, harfbuzz-subset.wasm, with the C API hb-subset.h), then packed as
// WOFF2 (wawoff2: Google's woff2 encoder compiled to wasm, no native build).
// The subsetter keeps what shaping reaches from those characters through the
// font's layout tables (the joining forms, ligatures and marks of Arabic), so
// the page shapes as the full font would. Equal input, equal bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const WASM = require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');

/**
 * wawoff2's compress(), loaded from node_modules when first used and never
 * bundled: its Emscripten glue finds itself through __dirname, which an ES
 * module bundle does not have.
 */
let compressor: ((font: Uint8Array) => Promise<Uint8Array>) | undefined;
const compressWoff2 = (font: Uint8Array) => (compressor ??= require('wawoff2/compress.js') as (font: Uint8Array) => Promise<Uint8Array>)(font);

/** The parts of hb-subset.h (and hb-blob, hb-face, hb-set) used here, as the wasm exports them. */
interface SubsetExports {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

/** hb_memory_mode_t: HarfBuzz may write into the copy it is given */
const HB_MEMORY_MODE_WRITABLE = 2;

let subsetter: SubsetExports | undefined;

function hb(): SubsetExports {
  if (!subsetter) {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(WASM)), {});
    subsetter = instance.exports as unknown as SubsetExports;
    subsetter._initialize();
  }
  return subsetter;
}

/** The font (TrueType bytes) cut to these characters, as TrueType bytes. */
export function subsetFont(font: Uint8Array, codePoints: Iterable<number>): Uint8Array {
  const x = hb();
  const data = x.malloc(font.byteLength);
  new Uint8Array(x.memory.buffer).set(font, data);
  const blob = x.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = x.hb_face_create(blob, 0);
  x.hb_blob_destroy(blob);
  const input = x.hb_subset_input_create_or_fail();
  const unicodes = x.hb_subset_input_unicode_set(input);
  for (const cp of codePoints) x.hb_set_add(unicodes, cp);
  const subset = x.hb_subset_or_fail(face, input);
  x.hb_subset_input_destroy(input);
  x.hb_face_destroy(face);
  x.free(data);
  if (!subset) throw new Error('HarfBuzz could not subset the font');
  const result = x.hb_face_reference_blob(subset);
  const at = x.hb_blob_get_data(result, 0);
  // a copy: the wasm memory is reused (and may grow) on the next call
  const bytes = new Uint8Array(x.memory.buffer, at, x.hb_blob_get_length(result)).slice();
  x.hb_blob_destroy(result);
  x.hb_face_destroy(subset);
  return bytes;
}

/**
 * Cuts already made in this process, by face and characters. Most pages of a
 * course need the same characters (those a student may type are in every
 * cut: the sample lessons, their teacher editions and the pack all cut to the
 * same 177), and WOFF2's Brotli at its best quality takes some 0.3-0.5 s per
 * face: a pack built as HTML, or a lesson rebuilt while watching, packs each
 * face once. A few faces and character sets at most (40-80 KB each).
 */
const cuts = new Map<string, Promise<Uint8Array>>();
const CUTS_KEPT = 16;

/** The font cut to these characters, as WOFF2 (shared between callers: not to be changed). */
export function woff2Subset(fontPath: string, codePoints: Iterable<number>): Promise<Uint8Array> {
  const chars = [...new Set(codePoints)].sort((a, b) => a - b);
  const key = `${fontPath}\0${chars.join(',')}`;
  let cut = cuts.get(key);
  if (!cut) {
    // a copy: wawoff2 gives a view of its wasm memory, which its next call overwrites
    cut = compressWoff2(subsetFont(readFileSync(fontPath), chars)).then((bytes) => bytes.slice());
    // a failure is not kept: the next call tries again
    cut.catch(() => cuts.delete(key));
    if (cuts.size >= CUTS_KEPT) cuts.delete(cuts.keys().next().value!);
    cuts.set(key, cut);
  }
  return cut;
}

/** Forget the cuts made so far (tests: to make one anew). */
export function forgetWoff2Subsets(): void {
  cuts.clear();
}
