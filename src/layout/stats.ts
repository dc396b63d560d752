// Measures of how well a document is paginated, for the sample packs' before
// and after figures (scripts/pagination-stats.mjs) and the layout tests:
// paragraphs ending in one word, pages left mostly empty, lessons starting on
// a left-hand (even) page.
import type { FlowItem } from './flow.js';
import type { Page } from './ops.js';

export interface PaginationStats {
  pages: number;
  /** paragraphs of two lines or more whose last line holds one word */
  oneWordLastLines: number;
  /** the text of those last lines (to look at) */
  oneWordLines: string[];
  /** pages with content whose content fills less than 30% of the text area */
  emptyPages: number;
  /** their page numbers (1-based) */
  emptyPageNumbers: number[];
  /** the same, leaving out the last page of each part (a lesson may end anywhere) */
  emptyPagesInside: number;
  /** blank pages (nothing drawn: a left-hand page before a lesson) */
  blankPages: number;
  /** lessons that start on an even page number (1-based), i.e. a left-hand page */
  lessonsOnEvenPages: number;
}

/** The last line of a multi-line paragraph, when it holds one word. */
export function oneWordLastLine(item: FlowItem): string | undefined {
  if (!item.line || item.line.count < 2 || item.line.index !== item.line.count - 1) return undefined;
  const own = item.ops.filter((o) => o.op === 'text').pop();
  if (!own || own.op !== 'text') return undefined;
  const text = own.line.text.trim();
  return text && !/\s/.test(text) ? text : undefined;
}

/** How far down the text area (0 = empty, 1 = full) a page's content reaches. */
export function pageFill(page: Page, top: number, bottom: number): number {
  let low = top;
  for (const o of page.ops) {
    const end = o.op === 'text' ? o.y + o.line.height : o.op === 'hline' ? o.y : o.op === 'circle' ? o.cy + o.r : o.y + o.h;
    low = Math.max(low, end);
  }
  return Math.min(1, (low - top) / (bottom - top));
}

export function paginationStats(
  laid: { items: FlowItem[]; pages: Page[]; sectionStarts: number[]; lessonStarts: number[] },
  area: { top: number; bottom: number },
): PaginationStats {
  const oneWordLines = laid.items.map(oneWordLastLine).filter((t): t is string => t !== undefined);
  const starts = new Set(laid.sectionStarts);
  const blank = (i: number) => laid.pages[i].ops.length === 0;
  // the last page of a part: the next page starts a part, or is blank before one
  const lastOfPart = (i: number) => i === laid.pages.length - 1 || starts.has(i + 1) || blank(i + 1);
  let emptyPages = 0;
  const emptyPageNumbers: number[] = [];
  let emptyPagesInside = 0;
  let blankPages = 0;
  laid.pages.forEach((p, i) => {
    if (blank(i)) {
      blankPages++;
      return;
    }
    if (pageFill(p, area.top, area.bottom) < 0.3) {
      emptyPages++;
      emptyPageNumbers.push(i + 1);
      if (!lastOfPart(i)) emptyPagesInside++;
    }
  });
  return {
    pages: laid.pages.length,
    oneWordLastLines: oneWordLines.length,
    oneWordLines,
    emptyPages,
    emptyPageNumbers,
    emptyPagesInside,
    blankPages,
    lessonsOnEvenPages: laid.lessonStarts.filter((p) => (p + 1) % 2 === 0).length,
  };
}
