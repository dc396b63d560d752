// Itemization: cut a paragraph into items, each one shaping call's worth of
// context: one bidi level (so one direction), one script (so one OpenType
// script system) and one style (so one face and size).
import type { FontFace, FontFamily, StyledText, TextStyle } from './types.js';
import { mirrorCodePoint } from './bidi.js';
import { hasGlyph } from './fonts.js';

export interface Item {
  /** UTF-16 range in the paragraph's logical text */
  start: number;
  end: number;
  level: number;
  /** OpenType script tag used for shaping, e.g. "arab", "latn" */
  script: string;
  face: FontFace;
  style: TextStyle;
}

// Script codes; only the scripts whose shaping differs for our fonts get
// their own tag, everything else shapes with the font's default script.
const COMMON = 0;
const INHERITED = 1;
const TAGS = ['zyyy', 'zinh', 'arab', 'latn', 'hebr', 'grek', 'cyrl', 'DFLT'];
const ARAB = 2;
const LATN = 3;

const SCRIPT_TESTS: Array<[RegExp, number]> = [
  [/\p{Script=Arabic}/u, ARAB],
  [/\p{Script=Latin}/u, LATN],
  [/\p{Script=Hebrew}/u, 4],
  [/\p{Script=Greek}/u, 5],
  [/\p{Script=Cyrillic}/u, 6],
  [/\p{Script=Inherited}/u, INHERITED],
  [/\p{Script=Common}/u, COMMON],
];

const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII[c] = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? LATN : COMMON;
const scriptCache = new Map<number, number>();

function scriptOf(cp: number): number {
  if (cp < 128) return ASCII[cp];
  // The Arabic blocks: Common/Inherited code points there (comma, tatweel,
  // harakat) all have Script_Extensions Arabic, so treat the block as Arabic.
  if ((cp >= 0x600 && cp <= 0x6ff) || (cp >= 0x750 && cp <= 0x77f) || (cp >= 0x870 && cp <= 0x8ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) return ARAB;
  let s = scriptCache.get(cp);
  if (s === undefined) {
    const ch = String.fromCodePoint(cp);
    s = 7; // any other script: font default
    for (const [re, code] of SCRIPT_TESTS) {
      if (re.test(ch)) {
        s = code;
        break;
      }
    }
    scriptCache.set(cp, s);
  }
  return s;
}

function isOpeningBracket(cp: number): boolean {
  return cp === 0x28 || cp === 0x5b || cp === 0x7b || cp === 0xab || cp === 0x2039 || cp === 0x201c || cp === 0x2018 || cp === 0xfd3f;
}

function isClosingBracket(cp: number): boolean {
  return cp === 0x29 || cp === 0x5d || cp === 0x7d || cp === 0xbb || cp === 0x203a || cp === 0x201d || cp === 0x2019 || cp === 0xfd3e;
}

/**
 * Per-code-unit resolved script: Common and Inherited characters take the
 * script of the text before them (leading ones the first real script), and a
 * closing bracket takes the script of its opening bracket, so "(Twitter تويتر)"
 * keeps both brackets in one style (UAX #24 practice, as in HarfBuzz users).
 */
export function resolveScripts(text: string, defaultScript: string): Uint8Array {
  return scriptsInto(text, defaultScript, new Uint8Array(text.length));
}

// itemize reads a paragraph's scripts once, right away: one buffer serves all
let scratch = new Uint8Array(256);

function scriptsInto(text: string, defaultScript: string, out: Uint8Array): Uint8Array {
  const n = text.length;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const cp = text.codePointAt(i)!;
    const s = scriptOf(cp);
    if (s > INHERITED) {
      first = s;
      break;
    }
    if (cp > 0xffff) i++;
  }
  let last = first >= 0 ? first : Math.max(TAGS.indexOf(defaultScript), 2);
  const stack: Array<{ cp: number; script: number }> = [];
  for (let i = 0; i < n; i++) {
    const cp = text.codePointAt(i)!;
    let s = scriptOf(cp);
    if (s <= INHERITED) {
      s = last;
      if (isOpeningBracket(cp)) {
        if (stack.length < 64) stack.push({ cp, script: s });
      } else if (isClosingBracket(cp)) {
        const opener = mirrorCodePoint(cp) === cp ? -1 : mirrorCodePoint(cp);
        for (let k = stack.length - 1; k >= 0; k--) {
          if (stack[k].cp === opener || (cp === 0x201d && stack[k].cp === 0x201c) || (cp === 0x2019 && stack[k].cp === 0x2018)) {
            s = stack[k].script;
            stack.length = k;
            break;
          }
        }
      }
    } else {
      last = s;
    }
    out[i] = s;
    if (cp > 0xffff) out[++i] = s;
  }
  return out;
}

/** Same style for shaping and drawing purposes. */
function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return a.weight === b.weight && a.size === b.size && a.color === b.color;
}

/**
 * Items of a paragraph in logical order. `runs` are the styled inputs whose
 * texts, concatenated, give `text`.
 */
export function itemize(text: string, levels: ArrayLike<number>, runs: StyledText[], family: FontFamily, defaultScript: string): Item[] {
  const n = text.length;
  const items: Item[] = [];
  if (n === 0) return items;
  if (scratch.length < n) scratch = new Uint8Array(Math.max(n, scratch.length * 2));
  const scripts = scriptsInto(text, defaultScript, scratch);
  const styled = runs.filter((r) => r.text.length > 0);
  let r = 0;
  let runEnd = styled[0].text.length;
  let style = styled[0].style;
  let start = 0;
  for (let i = 1; i <= n; i++) {
    let boundary = i === n;
    let nextStyle = style;
    if (!boundary && i === runEnd) {
      r++;
      runEnd += styled[r].text.length;
      nextStyle = styled[r].style;
      if (!sameStyle(style, nextStyle)) boundary = true;
    }
    if (!boundary && (levels[i] !== levels[i - 1] || scripts[i] !== scripts[i - 1])) {
      // never cut between the halves of a surrogate pair
      const c = text.charCodeAt(i);
      if (!(c >= 0xdc00 && c <= 0xdfff)) boundary = true;
    }
    if (boundary) {
      items.push({
        start,
        end: i,
        level: levels[start],
        script: TAGS[scripts[start]],
        face: family.faces[style.weight] ?? family.faces.regular,
        style,
      });
      start = i;
      style = nextStyle;
    }
  }
  return withFallback(items, text, family);
}

/**
 * A bold face can lack characters its regular face has (Amiri Bold lacks about
 * 150 rare ones): those characters are set in the regular face rather than lost.
 */
function withFallback(items: Item[], text: string, family: FontFamily): Item[] {
  const regular = family.faces.regular;
  if (items.every((it) => it.face === regular)) return items;
  const out: Item[] = [];
  for (const it of items) {
    if (it.face === regular) {
      out.push(it);
      continue;
    }
    let start = it.start;
    let useRegular = false;
    for (let i = it.start; i < it.end; ) {
      const cp = text.codePointAt(i)!;
      const size = cp > 0xffff ? 2 : 1;
      const lacks = !hasGlyph(it.face, cp) && hasGlyph(regular, cp);
      if (lacks !== useRegular && i > start) {
        out.push({ ...it, start, end: i, face: useRegular ? regular : it.face });
        start = i;
      }
      useRegular = lacks;
      i += size;
    }
    out.push({ ...it, start, end: it.end, face: useRegular ? regular : it.face });
  }
  return out;
}
