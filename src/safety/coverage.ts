// Which characters a handout's font can draw. Checked while the teacher's
// files are validated, where every string still knows its FILE:LINE:COL, so
// a character the font lacks is an error at the place it was typed (never a
// blank box, never a silent gap in the PDF).
//
// The answer is the text engine's own: a character counts as drawable when
// the regular face maps it, and otherwise when HarfBuzz shapes it to a real
// glyph (space fallbacks, canonical decompositions) or removes it (default
// ignorables). Bold-only gaps are left to the renderer's warning.
import { hasGlyph, loadFamily, type BundledFamily } from '../text/fonts.js';
import { shapeText } from '../text/shape.js';
import type { FontFace } from '../text/types.js';

export interface Unprintable {
  /** UTF-16 index in the text */
  index: number;
  char: string;
  codePoint: number;
}

// per face: code point -> drawable (BMP in a typed array: 0 unknown, 1 yes, 2 no)
const bmp = new Map<string, Uint8Array>();
const astral = new Map<string, Map<number, boolean>>();

function decide(face: FontFace, cp: number): boolean {
  if (cp === 0x0a || cp === 0x09 || cp === 0x0d) return true;
  if (hasGlyph(face, cp)) return true;
  const ch = String.fromCodePoint(cp);
  if (/\p{Default_Ignorable_Code_Point}/u.test(ch)) return true;
  // HarfBuzz may still draw it: a space of another width, a decomposed letter
  const shaped = shapeText(face, ch, 'zyyy', 'ltr');
  return shaped.missing.length === 0 && shaped.ids.length > 0;
}

function bmpTable(face: FontFace): Uint8Array {
  let table = bmp.get(face.key);
  if (!table) bmp.set(face.key, (table = new Uint8Array(0x10000)));
  return table;
}

export function canDraw(face: FontFace, cp: number): boolean {
  if (cp < 0x10000) {
    const table = bmpTable(face);
    const known = table[cp];
    if (known) return known === 1;
    const ok = decide(face, cp);
    table[cp] = ok ? 1 : 2;
    return ok;
  }
  let m = astral.get(face.key);
  if (!m) astral.set(face.key, (m = new Map()));
  let ok = m.get(cp);
  if (ok === undefined) m.set(cp, (ok = decide(face, cp)));
  return ok;
}

/** The characters of `text` the family's regular face cannot draw, in order (each code point once). */
export function unprintable(text: string, family: BundledFamily | string = 'amiri'): Unprintable[] {
  const face = loadFamily(family as BundledFamily).faces.regular;
  const known = bmpTable(face);
  let out: Unprintable[] | undefined;
  let seen: Set<number> | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII letters, digits and punctuation: every bundled font has them;
    // a character already known to be drawable needs no look-up (an article's text is mostly these)
    if ((c >= 0x20 && c < 0x7f) || (known[c] === 1 && (c < 0xd800 || c > 0xdfff))) continue;
    const cp = c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
    if (!canDraw(face, cp)) {
      seen ??= new Set();
      if (!seen.has(cp)) {
        seen.add(cp);
        (out ??= []).push({ index: i, char: String.fromCodePoint(cp), codePoint: cp });
      }
    }
    if (cp > 0xffff) i++;
  }
  return out ?? [];
}
