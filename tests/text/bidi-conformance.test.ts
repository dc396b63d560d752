// UAX #9 conformance: every line of the Unicode reference BidiCharacterTest.txt.
//
// Which file: the bidi levels come from bidi-js 1.1.0, which implements UAX #9
// of Unicode 13.0.0 with Unicode 13 character classes (measured; see
// tests/fixtures/unicode/README.md). The file is BidiCharacterTest-15.0.0.txt
// (Debian's unicode-data; no 13.0.0 copy could be had offline): its 91,707
// cases use 78 code points, all from Unicode 6.3 or earlier, whose classes are
// the same in 13.0 and 15.0, so every case applies to the 13.0 implementation.
//
// What runs is hiwar's own entry points (resolveLevels with its right-to-left
// fast path, lineLevels for L1, visualOrder for L2), as the layout uses them.
// No exclusions. Only hiwar's one higher-level protocol, URLs set as
// left-to-right isolates (HL3), is switched off: it is a deliberate tailoring,
// tested in bidi.test.ts.
import { describe, expect, test } from 'vitest';
import { lineLevels, resolveLevels, visualOrder } from '../../src/text/index.js';
import { unicodeTestLines } from './unicode-data.js';

const lines = unicodeTestLines('BidiCharacterTest-15.0.0.txt');

// most texts come three times (LTR, RTL, auto paragraph): decode each once
const texts = new Map<string, string>();
const decode = (cps: string) => {
  let text = texts.get(cps);
  if (text === undefined) texts.set(cps, (text = String.fromCodePoint(...cps.split(' ').map((h) => parseInt(h, 16)))));
  return text;
};

describe('BidiCharacterTest-15.0.0.txt, in full', () => {
  test('is the whole file', () => {
    expect(lines[0]).toBe('# BidiCharacterTest-15.0.0.txt');
    expect(lines.filter((l) => l && !l.startsWith('#')).length).toBe(91_707);
  });

  test('every case: paragraph level, embedding levels, and visual order after L1 and L2', () => {
    let cases = 0;
    const failures: string[] = [];
    const byDirection = { ltr: 0, rtl: 0, auto: 0 };
    lines.forEach((raw, i) => {
      if (!raw || raw.startsWith('#')) return;
      const [cps, dir, para, levelField, orderField] = raw.split(';');
      const text = decode(cps);
      const direction = dir === '0' ? 'ltr' : dir === '1' ? 'rtl' : 'auto';
      const expected = levelField.split(' ').map((l) => (l === 'x' ? null : Number(l))); // x: removed by X9
      const expectedOrder = orderField.trim() ? orderField.trim().split(' ').map(Number) : [];
      cases++;
      byDirection[direction]++;

      const { levels, baseLevel } = resolveLevels(text, direction, { isolateUrls: false });
      const got = expected.map((l, k) => (l === null ? null : levels[k]));
      const line = lineLevels(text, levels, 0, text.length, baseLevel);
      // characters removed by X9 take no part in reordering
      const kept = expected.flatMap((l, k) => (l === null ? [] : [k]));
      const order = Array.from(visualOrder(kept.map((k) => line[k])), (k) => kept[k]);
      if (baseLevel !== Number(para) || got.join(' ') !== expected.join(' ') || order.join(' ') !== expectedOrder.join(' ')) {
        failures.push(`line ${i + 1}: paragraph ${baseLevel}, levels ${got.join(' ')}, order ${order.join(' ')}`);
      }
    });
    console.log(`BidiCharacterTest-15.0.0: ${cases - failures.length} of ${cases} cases pass (${byDirection.ltr} LTR, ${byDirection.rtl} RTL, ${byDirection.auto} auto paragraphs)`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(cases).toBe(91_707);
  });
});
