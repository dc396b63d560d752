// Font loading. Faces are opened once per process and shared: fontkit parses
// tables lazily and caches glyphs per Font object, and the shaping cache is
// keyed by face key, so loading a file twice would waste both.
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import type { FontFace, FontFamily } from './types.js';

export type BundledFamily = 'amiri' | 'noto-naskh';

const require = createRequire(import.meta.url);

// The bundled families come from npm packages so `npm install` is all a user
// needs; paths are resolved through the module system, never hard-coded.
const BUNDLED: Record<BundledFamily, { regular: string; bold: string }> = {
  amiri: {
    regular: '@expo-google-fonts/amiri/400Regular/Amiri_400Regular.ttf',
    bold: '@expo-google-fonts/amiri/700Bold/Amiri_700Bold.ttf',
  },
  'noto-naskh': {
    regular: '@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf',
    bold: '@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf',
  },
};

const families = new Map<string, FontFamily>();
const faces = new Map<string, FontFace>();

export function isBundledFamily(name: string): name is BundledFamily {
  return Object.prototype.hasOwnProperty.call(BUNDLED, name);
}

/** Regular and bold faces of a bundled family, loaded once per process. */
export function loadFamily(name: BundledFamily): FontFamily {
  const cached = families.get(name);
  if (cached) return cached;
  const files = BUNDLED[name];
  if (!files) throw new Error(`unknown font family "${name}" (known: ${Object.keys(BUNDLED).join(', ')})`);
  const family: FontFamily = {
    name,
    faces: {
      regular: loadFaceFromFile(require.resolve(files.regular), `${name}-regular`),
      bold: loadFaceFromFile(require.resolve(files.bold), `${name}-bold`),
    },
  };
  families.set(name, family);
  return family;
}

/**
 * A user's own TTF/OTF (first font of a collection). The key names the face
 * in caches and in the PDF, so one key must always mean one file.
 */
export function loadFaceFromFile(path: string, key: string): FontFace {
  const cached = faces.get(key);
  if (cached) {
    if (cached.path !== path) {
      throw new Error(`font key "${key}" is already used for ${cached.path}, cannot reuse it for ${path}`);
    }
    return cached;
  }
  let opened: ReturnType<typeof fontkit.openSync>;
  try {
    opened = fontkit.openSync(path);
  } catch (err) {
    throw new Error(`cannot open font ${path}: ${(err as Error).message}`);
  }
  const font: Font = 'fonts' in opened ? opened.fonts[0] : opened;
  if (!font || typeof font.layout !== 'function') throw new Error(`${path} holds no usable font`);
  const face = faceFromFont(font, path, key);
  faces.set(key, face);
  return face;
}

/** Build a family from faces a user named; a missing bold falls back to the regular face. */
export function familyFromFaces(name: string, regular: FontFace, bold?: FontFace): FontFamily {
  return { name, faces: { regular, bold: bold ?? regular } };
}

function faceFromFont(font: Font, path: string, key: string): FontFace {
  // Line boxes follow the metrics the font asks for: typo metrics when
  // USE_TYPO_METRICS is set (Amiri and Noto set it), else hhea (what fontkit
  // reports as ascent/descent).
  const os2 = (font as unknown as { 'OS/2'?: { typoAscender: number; typoDescender: number; fsSelection?: { useTypoMetrics?: boolean } } })['OS/2'];
  const useTypo = !!os2?.fsSelection?.useTypoMetrics;
  return {
    key,
    path,
    font,
    unitsPerEm: font.unitsPerEm,
    ascent: useTypo ? os2!.typoAscender : font.ascent,
    descent: useTypo ? os2!.typoDescender : font.descent,
  };
}

// per face, per BMP code point: 0 = not asked yet, 1 = has a glyph, 2 = has none
// (fontkit searches the cmap on every question; itemize asks for every
// character of bold text, the printable check for every character typed)
const coverage = new WeakMap<FontFace, Uint8Array>();

/** Whether the face's cmap maps `cp` to a glyph; asked of fontkit once per face and code point. */
export function hasGlyph(face: FontFace, cp: number): boolean {
  if (cp > 0xffff) return face.font.hasGlyphForCodePoint(cp);
  let known = coverage.get(face);
  if (!known) coverage.set(face, (known = new Uint8Array(0x10000)));
  if (known[cp] === 0) known[cp] = face.font.hasGlyphForCodePoint(cp) ? 1 : 2;
  return known[cp] === 1;
}
