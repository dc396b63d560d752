// The running header and footer of every decorated page, laid out as draw
// operations (the PDF writer only draws them).
import type { FontFamily, LaidLine } from '../text/types.js';
import { layoutLine } from '../text/index.js';
import type { Paper } from '../workspace/model.js';
import type { DrawOp, Page } from './ops.js';
import { COLORS, PAGE, PAPER, TYPE } from './style.js';
import { shortenedTitle } from './shorten.js';

const RUNNING_STYLE = { size: TYPE.running, color: COLORS.muted, weight: 'regular' as const };

/**
 * A running header or footer line. The text engine's own bounded line cache
 * (layoutLine) lays each text out once: every page of a lesson repeats its header.
 */
export function runningLine(text: string, family: FontFamily): LaidLine {
  return layoutLine(text, RUNNING_STYLE, family, 'rtl');
}

/** Header (start: right, end: left) and footer, in small grey type. */
export function runningOps(page: Page, paper: Paper, family: FontFamily): DrawOp[] {
  const { width, height } = PAPER[paper];
  const ops: DrawOp[] = [];
  const left = PAGE.marginSide;
  const right = width - PAGE.marginSide;
  if (page.head) {
    const end = runningLine(page.head.end, family);
    // a long title gives up its last words (with "…") rather than run into the other side
    const room = right - left - end.naturalWidth - 24;
    const startText = shortenedTitle(page.head.start, room, family.name, (t) => runningLine(t, family).naturalWidth);
    const start = runningLine(startText, family);
    ops.push({ op: 'text', line: start, x: right - start.naturalWidth, y: PAGE.headerY });
    ops.push({ op: 'text', line: end, x: left, y: PAGE.headerY });
  }
  if (page.foot) {
    const footer = runningLine(page.foot, family);
    ops.push({ op: 'text', line: footer, x: (width - footer.naturalWidth) / 2, y: height - PAGE.footerY });
  }
  return ops;
}

/** Pages with their running header and footer drawn after their own content (new objects: laid-out pages may be cached). */
export function withRunningHeads(pages: Page[], paper: Paper, family: FontFamily): Page[] {
  return pages.map((p) => (p.decorated ? { ...p, ops: [...p.ops, ...runningOps(p, paper, family)] } : p));
}
