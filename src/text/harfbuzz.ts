// HarfBuzz through its C API. harfbuzzjs's JavaScript API costs more than a
// word's shaping needs: one object per glyph (and one wasm call per glyph for
// its flags), a malloc'd copy of the script name and of the text on every call.
// On a cold build (≈ 1,500 distinct words) that was ≈ 15 ms of ≈ 80 ms
// shaping. So we instantiate the HarfBuzz wasm build that harfbuzzjs exports
// (`harfbuzzjs/dist/harfbuzz.wasm`), call the C functions harfbuzzjs's wrapper
// calls, and read glyphs straight from wasm memory. We own this small loader
// instead of running the package's Emscripten glue (its dist/harfbuzz.js, not
// part of its API): the wasm asks for five host functions (below), and it is
// instantiated synchronously on first use, so no module waits at load time
// (a V8 startup snapshot cannot hold a wasm instance; see scripts/snapshot.mjs).
// The exports and imports are those of harfbuzzjs 1.6.4, pinned exactly in
// package.json; tests/text/harfbuzz.test.ts checks the results against
// harfbuzzjs's own API. One wasm instance per process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface HbExports {
  memory: WebAssembly.Memory;
  __wasm_call_ctors(): void;
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

/** The running instance: its exports, its fonts by file, and views of its memory (new views when memory grows). */
interface Hb {
  x: HbExports;
  fonts: Map<string, number>;
  buffer: ArrayBuffer;
  u8: Uint8Array;
  u16: Uint16Array;
  u32: Uint32Array;
  i32: Int32Array;
}

const WASM = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz.wasm');

function views(hb: Hb): Hb {
  const b = hb.x.memory.buffer;
  if (b !== hb.buffer) {
    hb.buffer = b;
    hb.u8 = new Uint8Array(b);
    hb.u16 = new Uint16Array(b);
    hb.u32 = new Uint32Array(b);
    hb.i32 = new Int32Array(b);
  }
  return hb;
}

function instantiate(): Hb {
  const fail = (what: string) => () => {
    throw new Error(`HarfBuzz (wasm) ${what}`);
  };
  let exports: HbExports | undefined;
  // what the wasm asks of its host: growing memory; an abort or exit (never expected);
  // timers and keep-alive (Emscripten's event loop, which plain C calls never use)
  const env = {
    emscripten_resize_heap(requested: number): number {
      const memory = exports!.memory;
      const pages = Math.ceil(((requested >>> 0) - memory.buffer.byteLength) / 65536);
      try {
        memory.grow(Math.max(pages, memory.buffer.byteLength >> 17)); // at least +50 %, as Emscripten does
        return 1;
      } catch {
        try {
          memory.grow(pages);
          return 1;
        } catch {
          return 0;
        }
      }
    },
    _abort_js: fail('aborted'),
    _setitimer_js: () => 0,
    _emscripten_runtime_keepalive_clear: () => undefined,
  };
  const module = new WebAssembly.Module(readFileSync(WASM));
  const instance = new WebAssembly.Instance(module, { env, wasi_snapshot_preview1: { proc_exit: fail('exited') } });
  exports = instance.exports as unknown as HbExports;
  exports.__wasm_call_ctors();
  return views({ x: exports, fonts: new Map(), buffer: new ArrayBuffer(0), u8: new Uint8Array(0), u16: new Uint16Array(0), u32: new Uint32Array(0), i32: new Int32Array(0) });
}

let instance: Hb | undefined;
const harfbuzz = (): Hb => (instance ??= instantiate());

/**
 * Drop the instance and everything made in it (fonts, buffer); the next call
 * starts a new one. For the start-up snapshot, which may warm up by shaping
 * but cannot hold a wasm instance.
 */
export function releaseHarfBuzz(): void {
  instance = undefined;
  shaper = undefined;
}

/** The size of HarfBuzz's wasm memory now, bytes. */
export const memoryBytes = (): number => harfbuzz().x.memory.buffer.byteLength;

// HarfBuzz C API constants (hb-common.h, hb-buffer.h)
const DIRECTION_LTR = 4;
const DIRECTION_RTL = 5;
const MEMORY_MODE_WRITABLE = 2;
/** hb_buffer_cluster_level_t: a base and each of its marks keep their own cluster */
const CLUSTER_LEVEL_CHARACTERS = 2;
const FLAG_BOT = 1;
const FLAG_EOT = 2;
const FLAG_REMOVE_DEFAULT_IGNORABLES = 8;

/** The HarfBuzz font (hb_font_t*) of a font file, made once per instance. */
export function hbFont(path: string): number {
  const h = harfbuzz();
  let font = h.fonts.get(path);
  if (font === undefined) {
    const data = readFileSync(path);
    const hb = h.x;
    const ptr = hb.malloc(data.byteLength);
    views(h).u8.set(data, ptr);
    const blob = hb.hb_blob_create(ptr, data.byteLength, MEMORY_MODE_WRITABLE, 0, 0);
    font = hb.hb_font_create(hb.hb_face_create(blob, 0)); // scale defaults to units per em
    h.fonts.set(path, font);
  }
  return font;
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

/** The one buffer (clear_contents keeps its cluster level and flags) and the block of wasm memory texts go through. */
interface Shaper {
  hb: Hb;
  buffer: number;
  textPtr: number;
  textRoom: number;
  scripts: Map<string, number>;
  result: HbGlyphs;
}
let shaper: Shaper | undefined;

function makeShaper(): Shaper {
  const hb = harfbuzz();
  const buffer = hb.x.hb_buffer_create();
  hb.x.hb_buffer_set_cluster_level(buffer, CLUSTER_LEVEL_CHARACTERS);
  hb.x.hb_buffer_set_flags(buffer, FLAG_BOT | FLAG_EOT | FLAG_REMOVE_DEFAULT_IGNORABLES);
  const textRoom = 64;
  return { hb, buffer, textRoom, textPtr: hb.x.malloc(2 * textRoom), scripts: new Map(), result: { count: 0, info: hb.u32, infoAt: 0, pos: hb.i32, posAt: 0 } };
}

function scriptTag(s: Shaper, script: string): number {
  let tag = s.scripts.get(script);
  if (tag === undefined) {
    const hb = s.hb.x;
    const ptr = hb.malloc(script.length + 1);
    const u8 = views(s.hb).u8;
    for (let i = 0; i < script.length; i++) u8[ptr + i] = script.charCodeAt(i) & 0x7f;
    u8[ptr + script.length] = 0;
    tag = hb.hb_script_from_string(ptr, -1);
    hb.free(ptr);
    s.scripts.set(script, tag);
  }
  return tag;
}

/** How many times hbShape has run HarfBuzz in this process (what the shape cache saves, counted where it is spent). */
let shapeCalls = 0;
export const hbShapeCalls = (): number => shapeCalls;

/**
 * Shape `text` with `font` (from hbFont) as harfbuzzjs's shape() would after
 * reset, addText, setDirection, setScript, setClusterLevel(CHARACTERS) and
 * setFlags(BOT | EOT | REMOVE_DEFAULT_IGNORABLES); no features.
 */
export function hbShape(font: number, text: string, rtl: boolean, script: string): HbGlyphs {
  shapeCalls++;
  const s = (shaper ??= makeShaper());
  const hb = s.hb.x;
  const { buffer, result } = s;
  const n = text.length;
  if (n > s.textRoom) {
    hb.free(s.textPtr);
    s.textRoom = 2 * n;
    s.textPtr = hb.malloc(2 * s.textRoom);
  }
  hb.hb_buffer_clear_contents(buffer);
  const u16 = views(s.hb).u16;
  for (let i = 0, at = s.textPtr >> 1; i < n; i++) u16[at + i] = text.charCodeAt(i);
  hb.hb_buffer_add_utf16(buffer, s.textPtr, n, 0, n);
  hb.hb_buffer_set_direction(buffer, rtl ? DIRECTION_RTL : DIRECTION_LTR);
  hb.hb_buffer_set_script(buffer, scriptTag(s, script));
  hb.hb_shape(font, buffer, 0, 0);
  result.count = hb.hb_buffer_get_length(buffer);
  // after shaping: memory may have grown, and the views with it
  const v = views(s.hb);
  result.info = v.u32;
  result.infoAt = hb.hb_buffer_get_glyph_infos(buffer, 0) >> 2;
  result.pos = v.i32;
  result.posAt = hb.hb_buffer_get_glyph_positions(buffer, 0) >> 2;
  return result;
}
