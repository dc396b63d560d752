// HarfBuzz through its C API. harfbuzzjs's JavaScript API costs more than a
// word's shaping needs: one object per glyph (and one wasm call per glyph for
// its flags), a malloc'd copy of the script name and of the text on every call.
// On a cold build (≈ 1,500 distinct words) that was ≈ 15 ms of ≈ 80 ms
// shaping. So we load the Emscripten build of HarfBuzz that harfbuzzjs ships
// (its dist/harfbuzz.js, beside the harfbuzz.wasm the package exports), call
// the C functions harfbuzzjs's wrapper calls, and read glyphs straight from
// wasm memory. Only this module loads it: one wasm instance per process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface HbExports {
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_font_create(face: number): number;
  hb_buffer_create(): number;
  hb_buffer_clear_contents(buffer: number): void;
  hb_buffer_add_utf16(buffer: number, text: number, length: number, offset: number, itemLength: number): void;
  hb_buffer_set_direction(buffer: number, direction: number): void;
  hb_buffer_set_script(buffer: number, script: number): void;
  hb_buffer_set_cluster_level(buffer: number, level: number): void;
  hb_buffer_set_flags(buffer: number, flags: number): void;
  hb_buffer_get_length(buffer: number): number;
  hb_buffer_get_glyph_infos(buffer: number, length: number): number;
  hb_buffer_get_glyph_positions(buffer: number, length: number): number;
  hb_script_from_string(str: number, length: number): number;
  hb_shape(font: number, buffer: number, features: number, featureCount: number): void;
}

interface HbModule {
  wasmExports: HbExports;
  // views of wasm memory, replaced by the module when memory grows
  HEAPU8: Uint8Array;
  HEAPU16: Uint16Array;
  HEAPU32: Uint32Array;
  HEAP32: Int32Array;
}

const require = createRequire(import.meta.url);
const glue = join(dirname(require.resolve('harfbuzzjs/dist/harfbuzz.wasm')), 'harfbuzz.js');
const createHarfBuzz = ((await import(pathToFileURL(glue).href)) as { default: () => Promise<HbModule> }).default;
const mod = await createHarfBuzz();
const hb = mod.wasmExports;

// HarfBuzz C API constants (hb-common.h, hb-buffer.h)
const DIRECTION_LTR = 4;
const DIRECTION_RTL = 5;
const MEMORY_MODE_WRITABLE = 2;
/** hb_buffer_cluster_level_t: a base and each of its marks keep their own cluster */
const CLUSTER_LEVEL_CHARACTERS = 2;
const FLAG_BOT = 1;
const FLAG_EOT = 2;
const FLAG_REMOVE_DEFAULT_IGNORABLES = 8;

/** A HarfBuzz font (hb_font_t*) for a font file; it lives as long as the process. */
export function hbFont(path: string): number {
  const data = readFileSync(path);
  const ptr = hb.malloc(data.byteLength);
  mod.HEAPU8.set(data, ptr);
  const blob = hb.hb_blob_create(ptr, data.byteLength, MEMORY_MODE_WRITABLE, 0, 0);
  return hb.hb_font_create(hb.hb_face_create(blob, 0)); // scale defaults to units per em
}

/**
 * The glyphs of the last shaping call, valid until the next one: glyph j's id
 * is info[infoAt + 5j] and its cluster info[infoAt + 5j + 2] (hb_glyph_info_t);
 * its x advance, x offset and y offset are pos[posAt + 5j], +2 and +3
 * (hb_glyph_position_t).
 */
export interface HbGlyphs {
  count: number;
  info: Uint32Array;
  infoAt: number;
  pos: Int32Array;
  posAt: number;
}

const result: HbGlyphs = { count: 0, info: mod.HEAPU32, infoAt: 0, pos: mod.HEAP32, posAt: 0 };
// One buffer for every call: clear_contents keeps its cluster level and flags.
const buffer = hb.hb_buffer_create();
hb.hb_buffer_set_cluster_level(buffer, CLUSTER_LEVEL_CHARACTERS);
hb.hb_buffer_set_flags(buffer, FLAG_BOT | FLAG_EOT | FLAG_REMOVE_DEFAULT_IGNORABLES);
// the text goes through one block of wasm memory, grown when a text needs more
let textRoom = 64;
let textPtr = hb.malloc(2 * textRoom);
const scripts = new Map<string, number>();

function scriptTag(script: string): number {
  let tag = scripts.get(script);
  if (tag === undefined) {
    const ptr = hb.malloc(script.length + 1);
    for (let i = 0; i < script.length; i++) mod.HEAPU8[ptr + i] = script.charCodeAt(i) & 0x7f;
    mod.HEAPU8[ptr + script.length] = 0;
    tag = hb.hb_script_from_string(ptr, -1);
    hb.free(ptr);
    scripts.set(script, tag);
  }
  return tag;
}

/**
 * Shape `text` with `font` (from hbFont) as harfbuzzjs's shape() would after
 * reset, addText, setDirection, setScript, setClusterLevel(CHARACTERS) and
 * setFlags(BOT | EOT | REMOVE_DEFAULT_IGNORABLES); no features.
 */
export function hbShape(font: number, text: string, rtl: boolean, script: string): HbGlyphs {
  const n = text.length;
  if (n > textRoom) {
    hb.free(textPtr);
    textRoom = 2 * n;
    textPtr = hb.malloc(2 * textRoom);
  }
  hb.hb_buffer_clear_contents(buffer);
  const u16 = mod.HEAPU16;
  for (let i = 0, at = textPtr >> 1; i < n; i++) u16[at + i] = text.charCodeAt(i);
  hb.hb_buffer_add_utf16(buffer, textPtr, n, 0, n);
  hb.hb_buffer_set_direction(buffer, rtl ? DIRECTION_RTL : DIRECTION_LTR);
  hb.hb_buffer_set_script(buffer, scriptTag(script));
  hb.hb_shape(font, buffer, 0, 0);
  result.count = hb.hb_buffer_get_length(buffer);
  // after shaping: memory may have grown, and the views with it
  result.info = mod.HEAPU32;
  result.infoAt = hb.hb_buffer_get_glyph_infos(buffer, 0) >> 2;
  result.pos = mod.HEAP32;
  result.posAt = hb.hb_buffer_get_glyph_positions(buffer, 0) >> 2;
  return result;
}
