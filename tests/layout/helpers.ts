// Layout test helpers: real blocks through the real flow builder (Amiri,
// shaping, line breaking) and paginator, with the page each line landed on.
import { FlowBuilder, type FlowItem } from '../../src/layout/flow.js';
import type { Block } from '../../src/document/model.js';
import type { Page } from '../../src/layout/ops.js';
import { geometry, paginateSections } from '../../src/layout/paginate.js';
import { TYPE } from '../../src/layout/style.js';
import { layoutParagraph, loadFamily, type LaidLine } from '../../src/text/index.js';
import { seedArticle } from '../text/helpers.js';

export const family = loadFamily('amiri');
export const page = geometry('A4');
/** the height a flow may fill on one page */
export const PAGE_ROOM = page.bottom - page.top;

export interface Laid {
  items: FlowItem[];
  /** the items each block made, by block */
  of: FlowItem[][];
  pages: Page[];
  /** 0-based page of an item that draws text (its own line, not a margin marker) */
  pageOf(item: FlowItem): number;
}

/** Blocks laid out and paginated on A4, as one section starting a new page. */
export function layOut(blocks: Block[]): Laid {
  const flow = new FlowBuilder({ family, width: page.contentWidth, digits: 'arabic', bookmarkLevel: 1 });
  const of = blocks.map((b) => {
    const start = flow.items.length;
    flow.block(b);
    return flow.items.slice(start);
  });
  const { pages } = paginateSections([{ items: flow.items, newPage: true }], 'A4');
  const where = new Map<LaidLine, number>();
  pages.forEach((p, i) => p.ops.forEach((op) => op.op === 'text' && where.set(op.line, i)));
  return {
    items: flow.items,
    of,
    pages,
    pageOf(item) {
      const texts = item.ops.filter((o) => o.op === 'text');
      const own = texts[texts.length - 1];
      if (!own || own.op !== 'text') throw new Error('this item draws no text');
      const p = where.get(own.line);
      if (p === undefined) throw new Error(`a line was not placed: ${own.line.text}`);
      return p;
    },
  };
}

const words = seedArticle().paragraphs.join(' ').split(/\s+/).filter(Boolean);
let cursor = 0;

/**
 * Seed-article text that sets in exactly `lines` lines at `width` in body type
 * (each call takes the next words, so no two paragraphs share their lines).
 */
export function textOfLines(lines: number, width = page.contentWidth, size = TYPE.body): string {
  const count = (t: string) =>
    layoutParagraph({ runs: [{ text: t, style: { size, color: '#000000', weight: 'regular' } }], width, align: 'justify', direction: 'rtl', lineHeight: TYPE.lineHeight }, family).lines.length;
  let n = 1;
  const take = (k: number) => words.slice(cursor, cursor + k).join(' ');
  while (count(take(n + 1)) <= lines) n++;
  const text = take(n);
  if (count(text) !== lines) throw new Error(`no text of ${lines} lines`);
  cursor += n;
  if (cursor > words.length - 200) cursor = 0;
  return text;
}

/** Height of one body line (every line of body type has it). */
export const BODY_LINE = (() => {
  const l = layoutParagraph({ runs: [{ text: 'سطر', style: { size: TYPE.body, color: '#000000', weight: 'regular' } }], width: 400, align: 'start', direction: 'rtl', lineHeight: TYPE.lineHeight }, family).lines[0];
  return l.height;
})();

export const para = (text: string): Block => ({ kind: 'para', inlines: [{ text }] });
export const spacer = (height: number): Block => ({ kind: 'spacer', height });
