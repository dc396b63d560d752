// A running header's title cut to the room beside the edition label: the
// longest run of its first words that fits, marked with "…". Found by a binary
// search over the number of words (a few layouts of the title, not one per
// dropped word), once per title, room and typeface: every page repeats it.

/**
 * `text`, or its first words and "…", whichever is the longest that `width`
 * measures at most `room` (at least one word is kept). `width` is called
 * O(log words) times.
 */
export function shortenToWidth(text: string, room: number, width: (candidate: string) => number): string {
  if (width(text) <= room) return text;
  const words = text.split(' ');
  if (words.length === 1) return text;
  const cut = (k: number) => `${words.slice(0, k).join(' ')}…`;
  // the largest k in [1, words - 1] whose cut fits (1 when none does)
  let lo = 1;
  let hi = words.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (width(cut(mid)) <= room) lo = mid;
    else hi = mid - 1;
  }
  return cut(lo);
}

const MAX_ENTRIES = 256;
const shortened = new Map<string, string>();

/** shortenToWidth, remembered per (text, room, key): `key` names what `width` measures with (the typeface). */
export function shortenedTitle(text: string, room: number, key: string, width: (candidate: string) => number): string {
  const id = `${key}\u0000${room}\u0000${text}`;
  let hit = shortened.get(id);
  if (hit === undefined) {
    if (shortened.size >= MAX_ENTRIES) shortened.clear();
    hit = shortenToWidth(text, room, width);
    shortened.set(id, hit);
  }
  return hit;
}
