// The output-neutral document: what templates and markup produce and every
// format (src/formats/<name>/) consumes. Nothing here knows about pages,
// fonts or glyphs.
import type { Digits, Justify, Paper } from '../workspace/model.js';

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

/**
 * One part of a document: a lesson, a pack's cover, contents, answer key or
 * sources page. Every format starts a part on a new page when `newPage` says so.
 */
export interface Part {
  kind: 'lesson' | 'key' | 'cover' | 'sources';
  blocks: Block[];
  /** the file the part's text comes from (for warnings about it) */
  file?: string;
  /** the running header's content on the part's pages */
  head?: RunningHead;
  newPage: boolean;
  /**
   * start on an odd page, so that printed double-sided the part begins a
   * sheet of its own (a lesson in a pack): the PDF inserts a blank page
   * before it when needed, Word an odd-page section break
   */
  recto?: boolean;
  /** false: no running header or footer (a cover) */
  decorated?: boolean;
  /** level of the part's own level-1 headings in the outline (0 alone, 1 or 2 in a pack) */
  headingLevel: number;
  /** an outline entry for the part itself (a lesson in a pack, the pack's cover) */
  bookmark?: { title: string; level: number };
  /** the lesson's number in a pack (numbering restarts per lesson) */
  lessonNumber?: number;
}

/** A pack's contents: what the entries say; a format adds page numbers, a TOC field or links. */
export interface ContentsEntry {
  title: string;
  /** «الدرس ١» */
  label?: string;
  /** the entry's page number, once a format knows it */
  page: string;
  sections: { title: string; page: string }[];
}

export interface ContentsPart extends Omit<Part, 'kind' | 'blocks'> {
  kind: 'contents';
  /** one entry per lesson, then the sources page; `page` empty, `sections` empty */
  entries: ContentsEntry[];
  /** the contents' blocks for these entries (the template, run again once the pages are known) */
  blocksFor(entries: ContentsEntry[]): Block[];
}

/**
 * What a handout says, for every format: its parts in reading order, the
 * running header/footer content, and the teacher's layout options. Nothing
 * here knows about pages, fonts or glyphs.
 */
export interface Document {
  meta: { title: string; subject?: string; author?: string; lang: 'ar' };
  paper: Paper;
  digits: Digits;
  /** how justified Arabic paragraphs are evened (the lesson option `justify`); spaces when absent */
  justify?: Justify;
  /** the footer's words around the page numbers: «صفحة X من Y» */
  pageLabels: { page: string; of: string };
  parts: (Part | ContentsPart)[];
}
