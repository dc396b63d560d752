// Line breaking: UAX #14 says where a line may end (the linebreak package);
// shaped widths say where it must. Greedy first-fit, which is what readers of
// justified Arabic expect, and linear in the number of pieces.
import LineBreaker from 'linebreak';

export interface BreakOpportunity {
  /** UTF-16 index where a new line may start */
  position: number;
  /** true after a newline: the line must end here */
  required: boolean;
}

/** UAX #14 break opportunities, excluding the trivial one at the end of the text. */
export function breakOpportunities(text: string): BreakOpportunity[] {
  const out: BreakOpportunity[] = [];
  const breaker = new LineBreaker(text);
  let bk;
  while ((bk = breaker.nextBreak())) {
    if (bk.position >= text.length && !bk.required) continue;
    out.push({ position: bk.position, required: bk.required });
  }
  return out;
}

/**
 * The same opportunities as flags per UTF-16 position (text.length + 1 of
 * them): 1 = a line may start here, 2 = a line must start here. Written into
 * `into` when given (reused by the layout; it may be longer).
 */
export function breakFlags(text: string, into?: Uint8Array): Uint8Array {
  const flags = into ?? new Uint8Array(text.length + 1);
  if (into) flags.fill(0, 0, text.length + 1);
  const breaker = new LineBreaker(text);
  let bk;
  while ((bk = breaker.nextBreak())) {
    if (bk.required) flags[bk.position] = 2;
    else if (bk.position < text.length) flags[bk.position] = 1;
  }
  return flags;
}

/** What the breaker needs to know about one unbreakable piece of a paragraph. */
export interface BreakPiece {
  /** advance width in points */
  width: number;
  /** a space: collapses at the end of a line and never starts one */
  space: boolean;
  /** a line may end after this piece */
  breakAfter: boolean;
  /** the line must end after this piece (newline) */
  forcedAfter: boolean;
}

/**
 * Replace piece `index` by smaller pieces whose first one fits in `available`
 * points when possible (at least one grapheme), or return null if the piece
 * cannot be split. Used for words longer than a whole line.
 */
export type SplitPiece<P extends BreakPiece> = (index: number, available: number) => P[] | null;

/**
 * Greedy line breaking. Returns the exclusive end index of each line in
 * `pieces` (which may have grown: over-long words are split in place).
 */
export function breakLines<P extends BreakPiece>(pieces: P[], width: number, split?: SplitPiece<P>): number[] {
  const ends: number[] = [];
  const eps = 1e-6;
  let start = 0;
  while (start < pieces.length) {
    // spaces at the start of a line (after a break) stay on the previous line
    let lineWidth = 0; // up to the end of the last content piece
    let pending = 0; // spaces after the last content piece
    let hasContent = false;
    let lastBreak = -1; // index of a piece after which we may break
    let end = -1;
    let i = start;
    for (; i < pieces.length; i++) {
      const p = pieces[i];
      if (p.space) {
        pending += p.width;
      } else {
        const w = lineWidth + pending + p.width;
        if (w > width + eps && (hasContent || p.width > width + eps)) {
          if (hasContent && lastBreak >= start) {
            end = lastBreak + 1;
            break;
          }
          if (hasContent) {
            // no opportunity on the line at all: break between pieces
            end = i;
            break;
          }
          // the first piece of the line is wider than the line: split it
          const parts = split ? split(i, Math.max(0, width - pending)) : null;
          if (parts && parts.length > 1) {
            pieces.splice(i, 1, ...parts);
            i--; // look at the first part again
            continue;
          }
          // cannot split (one grapheme): let it overflow alone
        }
        lineWidth = w;
        pending = 0;
        hasContent = true;
      }
      if (p.forcedAfter) {
        end = i + 1;
        break;
      }
      if (p.breakAfter) lastBreak = i;
    }
    if (end < 0) end = pieces.length;
    ends.push(end);
    start = end;
  }
  return ends;
}
