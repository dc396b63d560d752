// Hostile and invisible characters in a teacher's text. Text is copied from
// web pages, chat apps and word processors, so it carries characters nobody
// can see: bidi controls that reorder what follows them, zero-width spaces,
// soft hyphens, stray control codes. This module decides, character by
// character, what hiwar keeps, and says so.
//
// The policy (README, "Invisible characters"):
//   kept as written   ZWNJ U+200C and ZWJ U+200D (they change how Arabic,
//                     Persian and Urdu letters join), the bidi marks LRM
//                     U+200E, RLM U+200F and ALM U+061C (common in Arabic text
//                     from the web; harmless once the field is isolated, see
//                     `isolate`), variation selectors, tabs and line breaks.
//   closed / dropped  bidi embeddings, overrides and isolates (U+202A–202E,
//                     U+2066–2069) must be balanced within one line of one
//                     field: an opener left open is closed at the end of the
//                     line, a closer that closes nothing is left out. Warning.
//   space             LINE SEPARATOR U+2028, PARAGRAPH SEPARATOR U+2029, NEL
//                     U+0085, vertical tab and form feed become a plain space
//                     (they would split a paragraph in two). Warning.
//   left out          every other invisible character: ZERO WIDTH SPACE
//                     U+200B, WORD JOINER U+2060, SOFT HYPHEN U+00AD, a BOM
//                     U+FEFF inside the text, invisible operators U+2061–2064,
//                     deprecated format characters U+206A–206F, Hangul and
//                     Mongolian fillers, tag characters, interlinear
//                     annotation marks, noncharacters and C0/C1 control
//                     codes. They print nothing but break searching, anchors
//                     and line breaking. Warning.
// Everything else is kept. Characters the font cannot draw are found later,
// when the font is known (src/safety/coverage.ts).
import { msg, type Param, type Params } from '../i18n/catalogue.js';

export const LRE = 0x202a;
export const RLE = 0x202b;
export const PDF = 0x202c;
export const LRO = 0x202d;
export const RLO = 0x202e;
export const LRI = 0x2066;
export const RLI = 0x2067;
export const FSI = 0x2068;
export const PDI = 0x2069;

const NAMES: Record<number, string> = {
  0x0009: 'TAB',
  0x000b: 'VERTICAL TAB',
  0x000c: 'FORM FEED',
  0x0085: 'NEXT LINE',
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x17b4: 'KHMER VOWEL INHERENT AQ',
  0x17b5: 'KHMER VOWEL INHERENT AA',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
  0xfffd: 'REPLACEMENT CHARACTER',
};

/** `U+202E (RIGHT-TO-LEFT OVERRIDE)`: how messages name a character a teacher cannot see. */
export function describeChar(cp: number): string {
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[cp] ?? (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? 'CONTROL CHARACTER' : cp >= 0xe0000 && cp <= 0xe007f ? 'TAG CHARACTER' : undefined);
  return name ? `${hex} (${name})` : hex;
}

const isEmbedOpen = (c: number) => c === LRE || c === RLE || c === LRO || c === RLO;
const isIsolateOpen = (c: number) => c === LRI || c === RLI || c === FSI;

/** Bidi formatting characters and marks: any of these makes a field worth isolating. */
export function isBidiControl(c: number): boolean {
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x200e || c === 0x200f || c === 0x061c;
}

const BIDI_RE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

type Fate = 'keep' | 'drop' | 'space';

/** What happens to a character that is not a bidi control. */
function fateOf(c: number): Fate {
  if (c < 0x20) return c === 0x09 || c === 0x0a ? 'keep' : c === 0x0b || c === 0x0c ? 'space' : 'drop';
  if (c < 0x7f) return 'keep';
  if (c <= 0x9f) return c === 0x85 ? 'space' : 'drop';
  if (c === 0x2028 || c === 0x2029) return 'space';
  if (
    c === 0x00ad ||
    c === 0x034f ||
    c === 0x115f ||
    c === 0x1160 ||
    c === 0x17b4 ||
    c === 0x17b5 ||
    c === 0x180e ||
    c === 0x200b ||
    (c >= 0x2060 && c <= 0x2065) ||
    (c >= 0x206a && c <= 0x206f) ||
    c === 0x3164 ||
    c === 0xfeff ||
    c === 0xffa0 ||
    (c >= 0xfff9 && c <= 0xfffb) ||
    (c >= 0xfdd0 && c <= 0xfdef) ||
    (c & 0xfffe) === 0xfffe ||
    (c >= 0x1bca0 && c <= 0x1bca3) ||
    (c >= 0x1d173 && c <= 0x1d17a) ||
    (c >= 0xe0000 && c <= 0xe007f)
  ) {
    return 'drop';
  }
  return 'keep';
}

// A quick test: text with none of these needs no work (nearly all text).
// eslint-disable-next-line no-control-regex
export const SUSPECT_RE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udfff]/;

export type IssueKind = 'unclosed' | 'unmatched' | 'dropped' | 'space';

/** One thing `sanitizeText` changed, at an index of the text it was given. */
export interface TextIssue {
  kind: IssueKind;
  /** UTF-16 index in the original text */
  index: number;
  codePoint: number;
  /** how many more of the same character on the same line were treated the same way (dropped / space) */
  more: number;
}

export interface Sanitized {
  text: string;
  issues: TextIssue[];
}

/**
 * Apply the policy above to one field. Balancing is per line: a line break
 * ends every embedding and isolate (as a paragraph break does in UAX #9).
 * Returns the text unchanged (same string) when there is nothing to do.
 */
export function sanitizeText(text: string): Sanitized {
  if (!SUSPECT_RE.test(text)) return { text, issues: [] };
  const issues: TextIssue[] = [];
  let out = '';
  // open embeddings and isolates on this line: the code point, its index in the original
  let stack: { cp: number; index: number }[] = [];
  // dropped / replaced characters already reported on this line, by code point
  let reported = new Map<number, TextIssue>();
  const closeAll = () => {
    for (let k = stack.length - 1; k >= 0; k--) {
      out += String.fromCodePoint(isIsolateOpen(stack[k].cp) ? PDI : PDF);
      issues.push({ kind: 'unclosed', index: stack[k].index, codePoint: stack[k].cp, more: 0 });
    }
    stack = [];
  };
  const note = (kind: 'dropped' | 'space', index: number, cp: number) => {
    const prev = reported.get(cp);
    if (prev) prev.more++;
    else {
      const issue: TextIssue = { kind, index, codePoint: cp, more: 0 };
      reported.set(cp, issue);
      issues.push(issue);
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    const width = c > 0xffff ? 2 : 1;
    if (c >= 0xd800 && c <= 0xdfff) {
      // a lone surrogate (only possible through a YAML escape): never valid text
      note('dropped', i, c);
      continue;
    }
    if (c === 0x0a) {
      closeAll();
      reported = new Map();
      out += '\n';
      continue;
    }
    if (isEmbedOpen(c) || isIsolateOpen(c)) {
      stack.push({ cp: c, index: i });
      out += String.fromCodePoint(c);
    } else if (c === PDF) {
      // closes the innermost embedding, if one is open inside the current isolate
      if (stack.length && isEmbedOpen(stack[stack.length - 1].cp)) {
        stack.pop();
        out += String.fromCodePoint(c);
      } else issues.push({ kind: 'unmatched', index: i, codePoint: c, more: 0 });
    } else if (c === PDI) {
      const k = stack.map((s) => isIsolateOpen(s.cp)).lastIndexOf(true);
      if (k < 0) issues.push({ kind: 'unmatched', index: i, codePoint: c, more: 0 });
      else {
        // embeddings opened inside the isolate and left open: close them first
        for (let j = stack.length - 1; j > k; j--) {
          out += String.fromCodePoint(PDF);
          issues.push({ kind: 'unclosed', index: stack[j].index, codePoint: stack[j].cp, more: 0 });
        }
        stack.length = k;
        out += String.fromCodePoint(c);
      }
    } else {
      const fate = fateOf(c);
      if (fate === 'keep') out += width === 2 ? text.slice(i, i + 2) : text[i];
      else if (fate === 'space') {
        out += ' ';
        note('space', i, c);
      } else note('dropped', i, c);
    }
    if (width === 2) i++;
  }
  closeAll();
  issues.sort((a, b) => a.index - b.index);
  return { text: issues.length ? out : text, issues };
}

/** The warning for one issue as a catalogue code and its parameters (the caller adds FILE:LINE:COL). */
export function issueMessage(issue: TextIssue): [code: string, params: Params] {
  const what = describeChar(issue.codePoint);
  const more: Param = issue.more ? msg('safety.more-on-line', { n: issue.more }) : '';
  switch (issue.kind) {
    case 'unclosed':
      return ['safety.bidi-unclosed', { what, closer: describeChar(isIsolateOpen(issue.codePoint) ? PDI : PDF) }];
    case 'unmatched':
      return ['safety.bidi-unmatched', { what }];
    case 'space':
      return ['safety.invisible-break', { what, more }];
    case 'dropped':
      return [issue.codePoint === 0xfeff ? 'safety.invisible-bom' : 'safety.invisible-dropped', { what, more }];
  }
}

/**
 * Make a field its own isolated paragraph: any line that holds a bidi control
 * or mark is balanced and wrapped in RLI … PDI, so nothing in it can reorder
 * or re-resolve the text the template puts around it (to the outside the
 * whole line is one neutral character, UAX #9 X5a–X6a). RLI, not FSI: inside,
 * the field reads right to left like every paragraph of the handout. Text
 * without bidi controls is returned unchanged, so ordinary text lays out
 * exactly as before.
 */
export function isolate(text: string): string {
  if (!BIDI_RE.test(text)) return text;
  // a line that held a control is isolated even if balancing removed it all
  return text
    .split('\n')
    .map((line) => (BIDI_RE.test(line) ? String.fromCodePoint(RLI) + sanitizeText(line).text + String.fromCodePoint(PDI) : line))
    .join('\n');
}

/** `isolate` every string of a plain data tree, except under the keys given (ids, paths, refs). */
export function isolateStrings<T>(value: T, skipKeys: ReadonlySet<string>): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return isolate(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = skipKeys.has(k) ? x : walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
