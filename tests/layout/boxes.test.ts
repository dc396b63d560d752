// Boxes across pages: a box's background is drawn on every page it reaches,
// around exactly its part there (headed by its title and «(تابع)» after the first); its title never ends a page alone; and its
// bottom padding may hang into the margin rather than take a page of its own.
import { describe, expect, test } from 'vitest';
import type { Block } from '../../src/document/model.js';
import type { DrawOp, Page } from '../../src/layout/ops.js';
import { COLORS, SPACE } from '../../src/layout/style.js';
import { BODY_LINE, layOut, page, PAGE_ROOM, spacer, textOfLines } from './helpers.js';

const BOX_TEXT = page.contentWidth - 2 * SPACE.boxPadX;
const note = (paragraphs: string[]): Block => ({ kind: 'box', variant: 'note', title: 'ملاحظة للمعلم', children: paragraphs.map((text) => ({ kind: 'para', inlines: [{ text }] })) });
const background = (p: Page) => p.ops.filter((o): o is Extract<DrawOp, { op: 'rect' }> => o.op === 'rect' && o.fill === COLORS.noteBg);
const bar = (p: Page) => p.ops.filter((o) => o.op === 'rect' && o.fill === COLORS.noteBar);

// the height of the box's top padding and title line
const TITLE_HEIGHT = layOut([note([])]).items[1].height;
const ABOVE_TEXT = SPACE.box + SPACE.boxPadY + TITLE_HEIGHT + SPACE.paragraph;

describe('a box that does not fit on its page', () => {
  test('has its background and bar on both pages, each around exactly the lines it holds there', () => {
    const texts = [textOfLines(6, BOX_TEXT), textOfLines(6, BOX_TEXT), textOfLines(6, BOX_TEXT)];
    const laid = layOut([spacer(PAGE_ROOM / 2), note(texts)]);
    const boxLines = laid.of[1].filter((it) => it.ops.some((o) => o.op === 'text'));
    const pagesOfLines = boxLines.map((l) => laid.pageOf(l));
    expect(new Set(pagesOfLines)).toEqual(new Set([0, 1]));
    for (const p of [0, 1]) {
      const [rect, ...more] = background(laid.pages[p]);
      expect(more).toEqual([]);
      expect(bar(laid.pages[p])).toHaveLength(1);
      const texts = laid.pages[p].ops.filter((o): o is Extract<DrawOp, { op: 'text' }> => o.op === 'text');
      const inBox = texts.filter((t) => boxLines.some((it) => it.ops.some((o) => o.op === 'text' && o.line === t.line)));
      expect(inBox.length).toBe(pagesOfLines.filter((x) => x === p).length);
      const top = Math.min(...inBox.map((t) => t.y));
      const bottom = Math.max(...inBox.map((t) => t.y + t.line.height));
      // the rectangle holds every line of the box on this page, with the padding only where the box begins or ends
      expect(rect.y).toBeLessThanOrEqual(top + 1e-6);
      expect(rect.y + rect.h).toBeGreaterThanOrEqual(bottom - 1e-6);
      // above the text: the padding and title where the box begins, its title with «(تابع)» where it continues
      expect(top - rect.y).toBeLessThanOrEqual(p === 0 ? SPACE.boxPadY + TITLE_HEIGHT + 1e-6 : TITLE_HEIGHT + SPACE.paragraph + 1e-6);
      expect(rect.y + rect.h - bottom).toBeLessThanOrEqual(p === 1 ? SPACE.boxPadY + 1e-6 : 1e-6);
      // and stays inside the text area of the page
      expect(rect.y).toBeGreaterThanOrEqual(page.top - 1e-6);
      expect(rect.y + rect.h).toBeLessThanOrEqual(page.bottom + SPACE.boxPadY);
      expect(rect.x).toBeCloseTo(page.left, 6);
      expect(rect.w).toBeCloseTo(page.contentWidth, 6);
    }
  });

  test('whose title and one line would fit at the foot of a page starts on the next page', () => {
    const text = textOfLines(5, BOX_TEXT);
    const laid = layOut([spacer(PAGE_ROOM - ABOVE_TEXT - 1.5 * BODY_LINE), note([text])]);
    const [, title, ...rest] = laid.of[1];
    expect(laid.pageOf(title)).toBe(1);
    expect(rest.filter((it) => it.ops.some((o) => o.op === 'text')).map((l) => laid.pageOf(l))).toEqual([1, 1, 1, 1, 1]);
    expect(background(laid.pages[0])).toEqual([]);
  });
});

test('a box whose last line ends at the foot of the page lets its bottom padding hang into the margin', () => {
  const text = textOfLines(3, BOX_TEXT);
  const laid = layOut([spacer(PAGE_ROOM - ABOVE_TEXT - 3 * BODY_LINE - 1), note([text])]);
  expect(laid.pages).toHaveLength(1);
  const [rect] = background(laid.pages[0]);
  expect(rect.y + rect.h).toBeGreaterThan(page.bottom);
  expect(rect.y + rect.h).toBeLessThanOrEqual(page.bottom + SPACE.boxPadY);
});
