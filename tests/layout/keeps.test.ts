// Where pages break: widows and orphans (flow.ts marks the first two and the
// last two lines of a paragraph to stay together), headings kept with what
// follows (keep-with-next chains in paginate.ts), a question kept with its
// answer space. Each case is built so the page ends exactly where a rule has
// to act: text of a known number of lines (seed article, Amiri), pushed down
// the page by a spacer of a computed height.
import { describe, expect, test } from 'vitest';
import type { Block } from '../../src/document/model.js';
import { COLORS, SPACE } from '../../src/layout/style.js';
import { BODY_LINE, layOut, page, PAGE_ROOM, para, spacer, textOfLines } from './helpers.js';

/** A spacer that leaves room for `lines` body lines (and the paragraph's space above) at the bottom of the first page. */
const roomFor = (lines: number, extra = 0): Block => spacer(PAGE_ROOM - SPACE.paragraph - extra - lines * BODY_LINE);

describe('widows and orphans', () => {
  test('a paragraph whose first line alone would fit at the foot of a page starts on the next page', () => {
    const text = textOfLines(5);
    const laid = layOut([roomFor(1.5), para(text)]);
    const lines = laid.of[1];
    expect(lines).toHaveLength(5);
    // the one line that fitted would have been an orphan: the whole paragraph moves
    expect(lines.map((l) => laid.pageOf(l))).toEqual([1, 1, 1, 1, 1]);
  });

  test('a paragraph whose last line alone would go over takes its last two lines to the next page', () => {
    const text = textOfLines(5);
    const laid = layOut([roomFor(4.5), para(text)]);
    const lines = laid.of[1];
    // four lines fit; the fifth alone on the next page would be a widow: the fourth goes with it
    expect(lines.map((l) => laid.pageOf(l))).toEqual([0, 0, 0, 1, 1]);
  });

  test('wherever the page ends, no page ends on a first line or starts with a last line', () => {
    for (const n of [2, 3, 4, 6]) {
      const text = textOfLines(n);
      for (let room = 0.5; room < n + 1; room += 0.5) {
        const laid = layOut([roomFor(room), para(text)]);
        const pages = laid.of[1].map((l) => laid.pageOf(l));
        const where = `${n} lines, room for ${room}: pages ${pages.join(' ')}`;
        expect(pages[0], where).toBe(pages[1]); // no orphan
        expect(pages[n - 1], where).toBe(pages[n - 2]); // no widow
        expect(pages[n - 1] - pages[0], where).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('keep with next', () => {
  const heading = (text: string): Block => ({ kind: 'heading', level: 1, inlines: [{ text }] });
  // a heading's own height: its line at h1 size plus the space above it
  const headingHeight = (() => {
    const laid = layOut([heading('أسئلة للنقاش')]);
    return laid.items[0].height + SPACE.beforeH1;
  })();

  test('a heading that would be last on its page goes to the next page with its paragraph', () => {
    const text = textOfLines(5);
    // the heading and one line of the paragraph fit, not two
    const laid = layOut([roomFor(1.5, headingHeight), heading('أسئلة للنقاش'), para(text)]);
    const [h] = laid.of[1];
    const lines = laid.of[2];
    expect(laid.pageOf(h)).toBe(1);
    expect(lines.map((l) => laid.pageOf(l))).toEqual([1, 1, 1, 1, 1]);
  });

  test('a heading with room for itself and two lines after it stays, and the paragraph breaks after them', () => {
    const text = textOfLines(5);
    const laid = layOut([roomFor(2.5, headingHeight), heading('أسئلة للنقاش'), para(text)]);
    expect(laid.pageOf(laid.of[1][0])).toBe(0);
    expect(laid.of[2].map((l) => laid.pageOf(l))).toEqual([0, 0, 1, 1, 1]);
  });
});

describe('a question and its answer space', () => {
  const question = (text: string, children: Block[]): Block => ({ kind: 'question', number: '١', inlines: [{ text }], children });
  /** answer lines drawn on a page (thin grey rules) */
  const answerLines = (laid: ReturnType<typeof layOut>, p: number) =>
    laid.pages[p].ops.filter((o) => o.op === 'hline' && o.color === COLORS.rule && o.width === 0.6).length;

  test('a question of four lines and its three answer lines go to the next page together rather than split', () => {
    // the question's text is set beside its number (hanging)
    const text = textOfLines(4, page.contentWidth - SPACE.listMarker - 2);
    // room for the question and half its answer space
    const laid = layOut([spacer(PAGE_ROOM - SPACE.question - 4 * BODY_LINE - 1.5 * SPACE.answerLine), question(text, [{ kind: 'lines', count: 3 }])]);
    const lines = laid.of[1].filter((it) => it.ops.some((o) => o.op === 'text'));
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => laid.pageOf(l))).toEqual([1, 1, 1, 1]);
    expect(answerLines(laid, 0)).toBe(0);
    expect(answerLines(laid, 1)).toBe(3);
  });

  test('with room for all of it, the question and its answer space stay on the page', () => {
    const text = textOfLines(4, page.contentWidth - SPACE.listMarker - 2);
    const laid = layOut([spacer(PAGE_ROOM - SPACE.question - 4 * BODY_LINE - 3.2 * SPACE.answerLine), question(text, [{ kind: 'lines', count: 3 }])]);
    expect(laid.pages).toHaveLength(1);
    expect(answerLines(laid, 0)).toBe(3);
  });
});
