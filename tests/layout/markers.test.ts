// A question's number hangs right of its first line; «١٠)» and wider numbers
// are wider than the usual hanging space: the text moves over, the two never touch.
import { expect, test } from 'vitest';
import type { Block } from '../../src/document/model.js';
import { layOut, textOfLines } from './helpers.js';

const question = (number: string): Block => ({ kind: 'question', number, inlines: [{ text: textOfLines(2) }], children: [] });

test.each(['١)', '٩)', '١٠)', '٨٨)', '١٢٣)'])('question %s: its number stands clear of its text', (number) => {
  const laid = layOut([question(number)]);
  const first = laid.of[0][0];
  const [marker, text] = first.ops;
  if (marker.op !== 'text' || text.op !== 'text') throw new Error('expected a marker and a line');
  expect(marker.line.text).toBe(number);
  const textRight = text.x + text.line.width;
  const markerLeft = marker.x + marker.line.width - marker.line.naturalWidth;
  expect(markerLeft - textRight, number).toBeGreaterThanOrEqual(2.9);
});

test('one-digit questions all start their text at the same place; a wider number only moves its own question', () => {
  const laid = layOut([question('١)'), question('٩)'), question('١٠)')]);
  const widthOf = (i: number) => {
    const op = laid.of[i][0].ops[1];
    return op.op === 'text' ? op.line.width : NaN;
  };
  expect(widthOf(0)).toBe(widthOf(1));
  expect(widthOf(2)).toBeLessThan(widthOf(0));
});
