// Kashida justification: a justified Arabic line is evened by drawing out the
// joining stroke between two letters (tatweel, U+0640) instead of only
// widening its word spaces.
//
// Where a word may be drawn out follows the priorities Arabic typesetting
// software shares (Microsoft's, documented by the Khatt Foundation's "The Big
// Kashida Secret", and kept by LibreOffice's i18nutil/kashida.cxx):
//   1. after an initial or medial seen or sad (س ش ص ض),
//   2. before a final teh marbuta, heh or dal (ة ه د ذ),
//   3. before a final alef, tah, lam, kaf or gaf,
//   4. before a medial beh-like letter followed by reh or yeh (بر، ني),
//   5. before a final waw, ain, qaf or feh,
//   6. before a final reh, or any other final letter (but not a final yeh),
// one place per word, the last of equal rank. Only between two letters that
// join, so never after a final or isolated form, never inside lam-alef, and
// never in Latin or digits (they do not join).
//
// A place is used only if shaping the word with a tatweel there changes none
// of its letters' glyphs (HarfBuzz, the font's own rules): Amiri, for one,
// breaks its مح and لم ligatures around a tatweel, and such a word would
// change shape, not just grow. The tatweel glyph stands for no text ('' in
// the run's per-glyph text), so the PDF writer draws it as an outline and
// copy, search and read-aloud give the word as it was typed.
import { shapeText, type Shaped } from './shape.js';
import type { FontFace } from './types.js';

export const TATWEEL = '\u0640';

/** Joining types (Unicode ArabicShaping.txt) of the letters hiwar's texts use: D joins both sides, R only to the letter before. */
const DUAL = new Set('ئبتثجحخسشصضطظعغفقكلمنهيىپچکگی'.split('').map((c) => c.codePointAt(0)!).concat([0x0620, 0x066e, 0x066f, 0x06a1]));
const RIGHT = new Set('آأؤإاةدذرزوٱژ'.split('').map((c) => c.codePointAt(0)!));
/** Harakat, shadda, sukun, superscript alef: transparent to joining */
const isMark = (c: number) => (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed && c !== 0x06dd && c !== 0x06de && c !== 0x06e5 && c !== 0x06e6 && c !== 0x06e9);

const SEEN_SAD = new Set('سشصض'.split('').map((c) => c.codePointAt(0)!));
const TEH_MARBUTA_HEH_DAL = new Set('ةهدذ'.split('').map((c) => c.codePointAt(0)!));
const ALEF = new Set('آأإاٱ'.split('').map((c) => c.codePointAt(0)!));
const TAH_LAM_KAF_GAF = new Set('طظلكکگ'.split('').map((c) => c.codePointAt(0)!));
const BEH_LIKE = new Set('بتثنيئیپ'.split('').map((c) => c.codePointAt(0)!));
const REH_LIKE = new Set('رزژ'.split('').map((c) => c.codePointAt(0)!));
const YEH_LIKE = new Set('يىیئ'.split('').map((c) => c.codePointAt(0)!));
const WAW_AIN_QAF_FEH = new Set('ؤوعغقف'.split('').map((c) => c.codePointAt(0)!));
const WAW = new Set('ؤو'.split('').map((c) => c.codePointAt(0)!));
const LAM = 0x0644;

/** A place in a word where a tatweel may go: before the letter at `at` (UTF-16 offset); `rank` 1 is best. */
export interface KashidaPlace {
  at: number;
  rank: number;
}

/**
 * Every place in `word` where Arabic practice allows a kashida, best first
 * (rank, then nearer the end of the word). Text only; no font is asked.
 */
export function kashidaPlaces(word: string): KashidaPlace[] {
  // the word's letters with their offsets; marks are skipped, anything else breaks the joining
  const letters: Array<{ c: number; at: number }> = [];
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isMark(c)) continue;
    if (c === 0x0640 || c === 0x200c || c === 0x200d) return []; // a tatweel or joiner of the writer's own: leave the word as written
    letters.push({ c, at: i });
  }
  const joins = (k: number) => k > 0 && k < letters.length && DUAL.has(letters[k - 1].c) && (DUAL.has(letters[k].c) || RIGHT.has(letters[k].c));
  // a letter ends its joined group when nothing after it joins to it
  const isFinal = (k: number) => RIGHT.has(letters[k].c) || !joins(k + 1);
  const out: KashidaPlace[] = [];
  for (let k = 1; k < letters.length; k++) {
    if (!joins(k)) continue; // never after a final or isolated form
    const prev = letters[k - 1].c;
    const c = letters[k].c;
    if (prev === LAM && ALEF.has(c)) continue; // lam-alef is one ligature
    const final = isFinal(k);
    let rank = 0;
    if (SEEN_SAD.has(prev)) rank = 1;
    else if (final && TEH_MARBUTA_HEH_DAL.has(c)) rank = 2;
    else if (final && (ALEF.has(c) || TAH_LAM_KAF_GAF.has(c))) rank = 3;
    else if (!final && BEH_LIKE.has(c) && k + 1 < letters.length && (REH_LIKE.has(letters[k + 1].c) || YEH_LIKE.has(letters[k + 1].c)) && joins(k + 1)) rank = 4;
    else if (final && (WAW.has(c) || WAW_AIN_QAF_FEH.has(c))) rank = 5;
    else if (final && !YEH_LIKE.has(c)) rank = 6; // before a final yeh the stroke looks broken (LibreOffice tdf#65344)
    if (rank) out.push({ at: letters[k].at, rank });
  }
  // best rank first; of equal rank, the one nearest the end of the word
  return out.sort((a, b) => a.rank - b.rank || b.at - a.at);
}

/** A word that can take a kashida: its shaping with one tatweel inserted, ready to be drawn out. */
export interface KashidaWord {
  /** the tatweel goes before this UTF-16 offset of the word */
  at: number;
  rank: number;
  /** the word shaped with a tatweel at the chosen place; the tatweel glyph's text is '' */
  shaped: Shaped;
  /** index of the tatweel glyph in `shaped` */
  glyph: number;
  /** font units the word grows by with the tatweel at its natural width */
  grows: number;
}

const words = new WeakMap<Shaped, KashidaWord | null>();

/**
 * The best rank the word shaped as `plain` can take a kashida at: its
 * kashidaWord's rank once that is known, else its best place's by the text
 * alone (the trial's rank is that or worse); null when it can take none.
 */
export function kashidaHope(word: string, plain: Shaped): number | null {
  const known = words.get(plain);
  if (known !== undefined) return known === null ? null : known.rank;
  if (plain.missing.length > 0) return null;
  const places = kashidaPlaces(word);
  return places.length > 0 ? places[0].rank : null;
}

/**
 * Where the word shaped as `plain` takes its kashida, or null: the best
 * place (kashidaPlaces) at which inserting a tatweel leaves every other
 * glyph of the word as it was. Remembered per shape.
 */
export function kashidaWord(face: FontFace, word: string, plain: Shaped, script: string): KashidaWord | null {
  const known = words.get(plain);
  if (known !== undefined) return known;
  let found: KashidaWord | null = null;
  if (plain.missing.length === 0) {
    for (const place of kashidaPlaces(word)) {
      const withTatweel = shapeText(face, word.slice(0, place.at) + TATWEEL + word.slice(place.at), script, 'rtl');
      const glyph = withTatweel.texts.indexOf(TATWEEL);
      if (glyph < 0 || withTatweel.ids.length !== plain.ids.length + 1) continue;
      let same = true;
      for (let j = 0, k = 0; j < withTatweel.ids.length && same; j++) if (j !== glyph) same = withTatweel.ids[j] === plain.ids[k++];
      if (!same) continue;
      // the same glyphs; the tatweel names no text of its own
      const texts = withTatweel.texts.slice();
      texts[glyph] = '';
      found = { at: place.at, rank: place.rank, shaped: { ...withTatweel, texts, plain: undefined }, glyph, grows: withTatweel.width - plain.width };
      break;
    }
  }
  words.set(plain, found);
  return found;
}

/**
 * The word's glyphs with its tatweel drawn out so the word grows by `grow`
 * font units. A long stroke is several tatweel glyphs whose inks overlap
 * (each advance at most the glyph's own), centred on their advances so any
 * overlap falls on the joining strokes either side: one unbroken line.
 */
export function drawnOut(k: KashidaWord, grow: number): Pick<Shaped, 'ids' | 'advances' | 'xOffsets' | 'yOffsets' | 'texts' | 'width'> & { count: number } {
  const sh = k.shaped;
  const natural = sh.advances[k.glyph];
  const stroke = Math.max(0, natural + grow - k.grows); // the tatweel's own advance
  const count = Math.max(1, Math.ceil(stroke / natural - 1e-9));
  const each = stroke / count;
  const ids: number[] = [];
  const advances: number[] = [];
  const xOffsets: number[] = [];
  const yOffsets: number[] = [];
  const texts: string[] = [];
  for (let j = 0; j < sh.ids.length; j++) {
    const n = j === k.glyph ? count : 1;
    for (let r = 0; r < n; r++) {
      ids.push(sh.ids[j]);
      advances.push(j === k.glyph ? each : sh.advances[j]);
      xOffsets.push(j === k.glyph ? sh.xOffsets[j] + (each - natural) / 2 : sh.xOffsets[j]);
      yOffsets.push(sh.yOffsets[j]);
      texts.push(sh.texts[j]);
    }
  }
  return { ids, advances, xOffsets, yOffsets, texts, width: sh.width - natural + stroke, count };
}

/** The spacing rules of a kashida-justified line. */
export const KASHIDA = {
  /** a word space grows to at most this many times its natural width before kashidas take the rest */
  spaceCap: 1.3,
  /** kashidas on one line, at most */
  perLine: 3,
  /** one kashida's length, in natural tatweel widths: at least, aimed at, at most */
  min: 0.5,
  aim: 1.5,
  max: 3,
} as const;

/**
 * Share `need` points of elongation among candidate words (best rank first,
 * spread along the line among equals). `unit` is a natural tatweel's width in
 * points. Returns the chosen candidates' indices and the points each grows by;
 * the total may be less than `need` (at most `max` each) or a little more (at
 * least `min` each; the spaces then give some back).
 */
export function shareKashida(ranks: readonly number[], need: number, unit: number): { chosen: number[]; each: number } {
  if (ranks.length === 0 || need <= 0 || unit <= 0) return { chosen: [], each: 0 };
  const slots = Math.max(1, Math.min(KASHIDA.perLine, ranks.length, Math.round(need / (KASHIDA.aim * unit))));
  const order = ranks.map((r, i) => ({ r, i })).sort((a, b) => a.r - b.r || a.i - b.i);
  const chosen: number[] = [];
  let g = 0;
  while (chosen.length < slots && g < order.length) {
    let h = g;
    while (h < order.length && order[h].r === order[g].r) h++;
    const group = order.slice(g, h).sort((a, b) => a.i - b.i);
    const room = slots - chosen.length;
    if (group.length <= room) chosen.push(...group.map((x) => x.i));
    else for (let s = 0; s < room; s++) chosen.push(group[Math.floor(((s + 0.5) * group.length) / room)].i);
    g = h;
  }
  const each = Math.min(Math.max(need / chosen.length, KASHIDA.min * unit), KASHIDA.max * unit);
  return { chosen: chosen.sort((a, b) => a - b), each };
}

/** A word of a line that may take a kashida. */
export interface KashidaCandidate {
  /** kashidaHope: the best rank its trial can give */
  hope: number;
  /** kashidaWord: where it really takes one (HarfBuzz shapes it with a tatweel), or null */
  trial: () => KashidaWord | null;
}

/**
 * shareKashida over the candidates whose trial passes, in line order, with
 * `unit` taken from the first that passes; the same choice as trying every
 * candidate first, but trying only those the choice depends on. A trial
 * shapes the word once or more, and a line needs a few of its words: trying
 * them all was ~7% of a one-lesson build. The choice takes the best ranks
 * first, so once every chosen word has passed its trial, a word whose hope is
 * worse than every chosen word's rank cannot change it (had it failed, there
 * are still as many candidates as kashidas chosen).
 */
export function shareKashidaLazily(candidates: readonly KashidaCandidate[], need: number, unitOf: (word: KashidaWord, index: number) => number): { chosen: Array<{ index: number; word: KashidaWord }>; each: number } {
  // undefined: not tried yet
  const tried: Array<KashidaWord | null | undefined> = candidates.map(() => undefined);
  const attempt = (i: number) => (tried[i] === undefined ? (tried[i] = candidates[i].trial()) : tried[i]);
  let first = 0;
  while (first < candidates.length && attempt(first) === null) first++;
  if (first === candidates.length) return { chosen: [], each: 0 };
  const unit = unitOf(tried[first]!, first);
  for (;;) {
    const live: number[] = [];
    for (let i = 0; i < candidates.length; i++) if (tried[i] !== null) live.push(i);
    const ranks = live.map((i) => tried[i]?.rank ?? candidates[i].hope);
    const { chosen, each } = shareKashida(ranks, need, unit);
    const worst = Math.max(...chosen.map((c) => ranks[c]));
    const next = live.filter((i) => tried[i] === undefined && candidates[i].hope <= worst);
    if (next.length === 0) return { chosen: chosen.map((c) => ({ index: live[c], word: tried[live[c]]! })), each };
    for (const i of next) attempt(i);
  }
}
