// Places flow items on pages: keep-with-next chains (headings, questions with
// their answer space, orphan/widow pairs), forced breaks, space dropped at the
// top of a page, and box backgrounds drawn per page for the part of each box
// that landed there.
import type { Paper } from '../workspace/model.js';
import type { BoxDecor, FlowItem } from './flow.js';
import { translate, type DrawOp, type Page } from './ops.js';
import { PAGE, PAPER } from './style.js';
import { pageFill } from './stats.js';

export interface Section {
  items: FlowItem[];
  head?: { start: string; end: string };
  /** start this section on a fresh page */
  newPage: boolean;
  /** false: no running header or page number (a cover) */
  decorated?: boolean;
  /**
   * start on a right-hand page, an odd page number (a lesson in a pack, so
   * that printed double-sided it begins a sheet of its own): a blank page is
   * put before it when needed
   */
  recto?: boolean;
}

export interface Geometry {
  width: number;
  height: number;
  left: number;
  contentWidth: number;
  top: number;
  bottom: number;
}

export function geometry(paper: Paper): Geometry {
  const { width, height } = PAPER[paper];
  return {
    width,
    height,
    left: PAGE.marginSide,
    contentWidth: width - 2 * PAGE.marginSide,
    top: PAGE.marginTop,
    bottom: height - PAGE.marginBottom,
  };
}

interface Placed {
  item: FlowItem;
  y: number;
}

function boxOps(placed: Placed[], left: number): DrawOp[] {
  const extents = new Map<BoxDecor, { top: number; bottom: number; depth: number }>();
  for (const { item, y } of placed) {
    item.boxes.forEach((decor, depth) => {
      const e = extents.get(decor);
      if (e) e.bottom = y + item.height;
      else extents.set(decor, { top: y, bottom: y + item.height, depth });
    });
  }
  const ops: DrawOp[] = [];
  const ordered = [...extents.entries()].sort((a, b) => a[1].depth - b[1].depth);
  for (const [d, e] of ordered) {
    const x = left + d.left;
    const h = e.bottom - e.top;
    ops.push({ op: 'rect', x, y: e.top, w: d.width, h, fill: d.fill, stroke: d.border, lineWidth: d.border ? 0.8 : undefined, radius: d.border ? 4 : undefined });
    if (d.bar) ops.push({ op: 'rect', x: x + d.width - 3, y: e.top, w: 3, h, fill: d.bar });
  }
  return ops;
}

export function paginate(sections: Section[], paper: Paper): Page[] {
  return paginateSections(sections, paper).pages;
}

/**
 * The page left blank before a right-hand start. Book practice, Arabic as
 * elsewhere: a blank verso carries nothing at all, no running head, no folio
 * and no «صفحة فارغة عمدًا» (a convention of forms and exam papers, not of
 * books); it still counts in the page numbers.
 */
export function blankPage(): Page {
  return { ops: [], bookmarks: [], decorated: false };
}

/** A part's last page filled less than this (a fraction of the text area) is near-empty: the page before gives it some content. */
export const NEAR_EMPTY = 0.3;
/** ... but keeps at least this much of its own. */
const KEEP_FILLED = 0.5;

/**
 * Pages, and the index of the page each section starts on. `firstNumber` is
 * the page number the first page will carry (for right-hand starts).
 */
export function paginateSections(sections: Section[], paper: Paper, firstNumber = 1): { pages: Page[]; starts: number[] } {
  const starts: number[] = [];
  const g = geometry(paper);
  const pages: Page[] = [];
  const pageRoom = g.bottom - g.top;
  let page: Page | undefined;
  let placed: Placed[] = [];
  let y = g.top;
  // boxes that have had a part on an earlier page: their next part carries «(تابع)»
  let seen = new Set<BoxDecor>();

  const finish = () => {
    if (page) page.ops.unshift(...boxOps(placed, g.left));
  };
  const open = (section: Section, recto = false) => {
    finish();
    if (recto && (firstNumber + pages.length) % 2 === 0) pages.push(blankPage());
    page = { ops: [], bookmarks: [], head: section.head, decorated: section.decorated !== false };
    pages.push(page);
    for (const p of placed) for (const d of p.item.boxes) seen.add(d);
    placed = [];
    y = g.top;
  };
  /** a box's title again at the top of a page it continues onto */
  const continuedTitle = (item: FlowItem) => {
    const depth = item.boxes.findIndex((d) => seen.has(d) && d.continued);
    if (depth < 0 || item.glue) return;
    const { height, ops } = item.boxes[depth].continued!;
    page!.ops.push(...translate(ops, g.left, y));
    placed.push({ item: { height, spaceBefore: 0, keepWithNext: true, boxes: item.boxes.slice(0, depth + 1), ops: [] }, y });
    y += height;
  };

  /**
   * Place one section; `breakBefore`: items that start a page (to balance a
   * near-empty last page). Returns the index in the section of the first item
   * of each page it made or continued.
   */
  const place = (section: Section, breakBefore: Set<number>): number[] => {
    const pageStarts = [0];
    if (!page || section.newPage) open(section, section.recto);
    startPage = pages.length - 1;
    const items = section.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.pageBreakBefore) {
        if (y > g.top) {
          open(section);
          pageStarts.push(i);
        }
        continue;
      }
      const atTop = y <= g.top;
      let before = atTop ? 0 : item.spaceBefore;
      // the height this item needs together with everything it keeps with
      let need = before + item.height;
      for (let j = i; items[j].keepWithNext && j + 1 < items.length && !items[j + 1].pageBreakBefore; j++) {
        need += items[j + 1].spaceBefore + items[j + 1].height;
      }
      const room = g.bottom - y;
      const fits = before + item.height <= room;
      // box padding may hang into the bottom margin rather than start a page of its own
      const hangs = !fits && item.glue === true && before <= room + 2;
      if (!atTop && (breakBefore.has(i) || (!hangs && ((need > room && need <= pageRoom) || !fits)))) {
        open(section);
        pageStarts.push(i);
        before = 0;
        continuedTitle(item);
      }
      const top = y + before;
      page!.ops.push(...translate(item.ops, g.left, top));
      if (item.bookmark) page!.bookmarks.push({ ...item.bookmark, y: top });
      placed.push({ item, y: top });
      y = top + item.height;
    }
    return pageStarts;
  };

  let startPage = 0;
  for (const section of sections) {
    const saved = { pages: pages.length, seen: new Set(seen) };
    const pageStarts = place(section, new Set());
    starts.push(startPage);
    if (!section.newPage || pageStarts.length < 2) continue;
    // a near-empty last page: move the break before it earlier, to the latest
    // place that leaves the last page filled enough and the one before it too
    const fill = (p: Page) => pageFill(p, g.top, g.bottom);
    if (fill(pages[pages.length - 1]) >= NEAR_EMPTY) continue;
    const from = pageStarts[pageStarts.length - 2];
    const last = pageStarts[pageStarts.length - 1];
    const rerun = (breakAt: number) => {
      pages.length = saved.pages;
      page = undefined;
      placed = [];
      seen = new Set(saved.seen);
      return place(section, new Set([breakAt]));
    };
    let done = false;
    let changed = false;
    for (let k = last - 1; k > from && !done; k--) {
      if (section.items[k - 1].keepWithNext || section.items[k].glue) continue;
      changed = true;
      const tried = rerun(k);
      const n = pages.length;
      if (tried.length !== pageStarts.length || fill(pages[n - 2]) < KEEP_FILLED) break;
      if (fill(pages[n - 1]) >= NEAR_EMPTY) done = true;
    }
    if (!done && changed) rerun(-1); // no better place: as it was
  }
  finish();
  return { pages, starts };
}
