// Arabic-aware normalization for matching a teacher's typed quote against the article text.
// Diacritics and tatweel are ignored, أ/إ/آ/ٱ ≡ ا, ى ≡ ي, ة ≡ ه, every quote mark ≡ every other,
// whitespace runs fold to one space, Arabic-Indic digits ≡ Western digits, Latin case ignored.

/** Characters that vanish: harakat, Quranic marks, superscript alef, tatweel, zero-width and bidi marks. */
export function isIgnorable(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x06d6 && c <= 0x06dc) ||
    (c >= 0x06df && c <= 0x06e8) ||
    (c >= 0x06ea && c <= 0x06ed) ||
    (c >= 0x0610 && c <= 0x061a) ||
    c === 0x0640 ||
    c === 0x200b ||
    c === 0x200c ||
    c === 0x200d ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff ||
    c === 0x00ad
  );
}

const QUOTES = new Set(['"', '«', '»', '“', '”', '„', '‟', '‹', '›', '‘', '’', '‚', '‛', "'", '″', '〝', '〞', '＂']);

function foldChar(ch: string): string {
  switch (ch) {
    case 'أ':
    case 'إ':
    case 'آ':
    case 'ٱ':
      return 'ا';
    case 'ى':
      return 'ي';
    case 'ة':
      return 'ه';
  }
  if (QUOTES.has(ch)) return '"';
  const c = ch.charCodeAt(0);
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(c - 0x0660 + 48);
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(c - 0x06f0 + 48);
  return ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
}

export interface Folded {
  /** the normalized text */
  text: string;
  /** map[i] = index in the original of normalized char i; map[text.length] = original length */
  map: number[];
}

/** Normalize for matching, keeping a map back to the original offsets. Leading/trailing space is kept as one space. */
export function fold(original: string): Folded {
  const out: string[] = [];
  const map: number[] = [];
  let inSpace = false;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i];
    const c = original.charCodeAt(i);
    if (isIgnorable(c)) continue;
    if (/\s/.test(ch)) {
      if (!inSpace) {
        out.push(' ');
        map.push(i);
        inSpace = true;
      }
      continue;
    }
    inSpace = false;
    out.push(foldChar(ch));
    map.push(i);
  }
  map.push(original.length);
  return { text: out.join(''), map };
}

/** Normalize a typed quote (anchor): folded, trimmed. */
export function foldQuery(s: string): string {
  return fold(s.normalize('NFC')).text.trim();
}

/**
 * Map a span [a, b) of the folded text back to the original: from the original char of `a`
 * to just after the original char of `b - 1`, extended over trailing ignorable marks (harakat).
 */
export function unfoldSpan(f: Folded, original: string, a: number, b: number): [number, number] {
  const start = f.map[a];
  let end = b > a ? f.map[b - 1] + 1 : start;
  while (end < original.length && isIgnorable(original.charCodeAt(end)) && !/\s/.test(original[end])) end++;
  return [start, end];
}
