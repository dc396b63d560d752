// The copy-text figures of issue 14: how much of what was typed comes back
// from a PDF through an extractor. A word is intact when it comes back whole:
// the same letters and harakat in the same order, no space inside. A passage
// is exact when its text appears as typed, runs of white space aside.
import type { Block, Document, Inline } from '../../src/document/model.js';

/** Fold what a reader does not see as different: presentation forms (NFKC), bidi controls, tatweel. */
export function fold(s: string): string {
  return s.normalize('NFKC').replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u0640]/g, '');
}

/**
 * Words of a text: maximal runs without white space, without the punctuation
 * around them (a word is its letters, digits and harakat; quotes and brackets
 * are the passages' business: a passage is exact only with them).
 */
export function words(s: string): string[] {
  return fold(s)
    .split(/\s+/)
    .map((w) => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    .filter(Boolean);
}

const inlineText = (inlines: Inline[]) => inlines.map((i) => i.text).join('');

/** Every text the Document prints, block by block (passages apart), as typed. */
export function documentTexts(doc: Document): { texts: string[]; passages: string[] } {
  const texts: string[] = [];
  const passages: string[] = [];
  const walk = (b: Block): void => {
    switch (b.kind) {
      case 'title':
      case 'meta':
      case 'heading':
      case 'para':
      case 'source':
        texts.push(inlineText(b.inlines));
        break;
      case 'passage':
        passages.push(inlineText(b.inlines));
        texts.push(inlineText(b.inlines));
        break;
      case 'box':
        if (b.title) texts.push(b.title);
        b.children.forEach(walk);
        break;
      case 'list':
      case 'rank':
        for (const item of b.items) texts.push(inlineText(item));
        break;
      case 'term':
        texts.push(b.term, inlineText(b.inlines));
        break;
      case 'question':
        texts.push(inlineText(b.inlines));
        b.children.forEach(walk);
        break;
      case 'options':
        for (const o of b.items) texts.push(inlineText(o.inlines));
        break;
      case 'scale':
        texts.push(...b.labels);
        break;
      default:
        break;
    }
  };
  for (const part of doc.parts) if ('blocks' in part) part.blocks.forEach(walk);
  return { texts, passages };
}

/** Words as they come back, counted: a word may appear more than once. */
function bag(extracted: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words(extracted)) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

export interface CopyScore {
  words: number;
  intact: number;
  /** a few words that did not come back whole */
  torn: string[];
  passages: number;
  exact: number;
  /** the first passage that did not come back */
  firstInexact?: string;
  /** the passages that did not come back exactly, as typed */
  inexact: string[];
  /** the body text the passages were looked for in (folded, white space collapsed) */
  body: string;
}

const squash = (s: string) => fold(s).replace(/\s+/g, ' ').trim();

/**
 * Score extracted page texts against the texts typed. A typed word counts
 * once per occurrence against the words extracted (so one whole copy of a
 * word cannot stand for two torn ones). Passages are looked for in the text
 * of the whole document with page breaks, running headers and footers taken
 * out (`bodyOf` says which extracted lines are body text).
 */
export function score(typed: { texts: string[]; passages: string[] }, pages: string[], isRunning: (line: string) => boolean): CopyScore {
  const all = pages.join('\n');
  const have = bag(all);
  let n = 0;
  let intact = 0;
  const torn: string[] = [];
  for (const t of typed.texts) {
    for (const w of words(t)) {
      n++;
      const k = have.get(w) ?? 0;
      if (k > 0) {
        intact++;
        have.set(w, k - 1);
      } else if (torn.length < 12) torn.push(w);
    }
  }
  const body = squash(
    pages
      .flatMap((p) => p.split('\n'))
      .filter((l) => !isRunning(squash(l)))
      .join('\n'),
  );
  let exact = 0;
  const inexact: string[] = [];
  for (const p of typed.passages) {
    if (body.includes(squash(p))) exact++;
    else inexact.push(p);
  }
  return { words: n, intact, torn, passages: typed.passages.length, exact, firstInexact: inexact[0], inexact, body };
}

/**
 * PDFium's own faults with right-to-left text that the writer cannot mend
 * without breaking pdf.js or MuPDF (README, "Copy text"): its line reordering
 * (CloseTempLine in core/fpdftext/cpdf_textpage.cpp)
 * - mirrors brackets and quotes: `«الخلافة»` comes back `»الخلافة«`;
 * - copies a run of digits with the comma, full stop, colon or slash drawn
 *   left of it (all "weak" to it) left to right: `2014، من` comes back
 *   `،2014 من`.
 */
export const PDFIUM_FAULTS = {
  mirrored: (s: string) => s.replace(/[«»()[\]“”‹›]/g, (c) => MIRRORED[c]),
  commaBeforeNumber: (s: string) => s.replace(/(\p{Nd}+)([\u060c,.:/]+)(?!\p{Nd})/gu, '$2$1'),
};
const MIRRORED: Record<string, string> = { '«': '»', '»': '«', '(': ')', ')': '(', '[': ']', ']': '[', '“': '”', '”': '“', '‹': '›', '›': '‹' };

/**
 * Why each passage PDFium misses is missed: the faults (PDFIUM_FAULTS) that,
 * applied to the typed passage, give what PDFium gave back; 'unexplained'
 * when none do (a fault of ours, or one not known yet).
 */
export function pdfiumMisses(sc: CopyScore): { causes: Map<string, number>; unexplained: string[] } {
  const causes = new Map<string, number>();
  const unexplained: string[] = [];
  const count = (k: string) => causes.set(k, (causes.get(k) ?? 0) + 1);
  const { mirrored, commaBeforeNumber } = PDFIUM_FAULTS;
  const found = (t: string) => sc.body.includes(squash(t));
  for (const p of sc.inexact) {
    if (found(mirrored(p))) count('mirrored brackets and quotes');
    else if (found(commaBeforeNumber(p))) count('comma before a number');
    else if (found(mirrored(commaBeforeNumber(p)))) count('both');
    else {
      count('unexplained');
      unexplained.push(p);
    }
  }
  return { causes, unexplained };
}
