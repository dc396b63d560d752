// The document tree: what the markup parser produces and the paginator lays out.
// Nothing here knows about lessons (above) or glyphs (below).

export interface Inline {
  text: string;
  bold?: boolean;
  /** grey secondary text */
  muted?: boolean;
}

export type BoxVariant = 'objectives' | 'note' | 'teacher' | 'guidance' | 'activity';

export type Block =
  | { kind: 'title'; inlines: Inline[]; align?: 'start' | 'center'; size?: number }
  | { kind: 'meta'; inlines: Inline[] }
  /** level 1 = section of a lesson (bookmarked), 2 = sub-heading */
  | { kind: 'heading'; level: 1 | 2; inlines: Inline[]; bookmark?: string }
  | { kind: 'para'; inlines: Inline[]; small?: boolean; align?: 'justify' | 'start' | 'center' }
  | { kind: 'box'; variant: BoxVariant; title?: string; children: Block[] }
  | { kind: 'passage'; number: string; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][]; markers?: string[] }
  | { kind: 'term'; term: string; inlines: Inline[] }
  | { kind: 'question'; number: string; meta?: string; inlines: Inline[]; children: Block[] }
  | { kind: 'lines'; count: number }
  /** `mark`: a right answer (teacher edition), printed in bold with this word after it */
  | { kind: 'options'; items: { letter: string; inlines: Inline[]; mark?: string }[] }
  /** where the text comes from: a line of facts, then the URL as a link after `linkLabel` (and its QR code) */
  | { kind: 'source'; inlines: Inline[]; url?: string; linkLabel?: string; qr?: boolean }
  /** blanks to fill in on one line: «الاسم ____ الصف ____»; weights share the width */
  | { kind: 'fields'; fields: { label: string; weight: number }[] }
  /** a picture (PNG/JPEG file), scaled to the text width, its caption under it; `alt` says what it shows */
  | { kind: 'figure'; path: string; width: number; height: number; alt: string; caption: Inline[] }
  | { kind: 'scale'; labels: string[] }
  | { kind: 'rank'; items: Inline[][] }
  | { kind: 'spacer'; height: number }
  /** a short centred accent rule (covers) */
  | { kind: 'rule' }
  /** a table-of-contents line: title on the right, page number on the left */
  | { kind: 'entry'; inlines: Inline[]; page: string; level: number }
  | { kind: 'pagebreak' };

/** The running parts of every page of one document (or one lesson of a course). */
export interface RunningHead {
  /** right side (start) of the header: the lesson or course title */
  start: string;
  /** left side (end): the edition, or the lesson title inside a course */
  end: string;
}
