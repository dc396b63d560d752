// UAX #14 conformance: every line of the Unicode reference LineBreakTest.txt,
// through hiwar's breakOpportunities (what the paragraph layout breaks at; hiwar
// applies no tailoring of its own to UAX #14).
//
// Which file: line breaking is the linebreak npm package 1.1.0. Its README says
// Unicode 13, but its class table was built from Unicode 14.0.0's LineBreak.txt
// and the test file its own v1.1.0 release runs is LineBreakTest-14.0.0.txt:
// that file is the fixture (tests/fixtures/unicode/README.md).
//
// 59 of the 7,654 cases are excluded below, each group with the rule the
// package does not implement. They are the 59 lines the package's own test
// skips. The test also checks that each excluded case still fails, so a
// package that learns a rule makes this list shrink rather than hide it.
import { describe, expect, test } from 'vitest';
import { breakOpportunities } from '../../src/text/index.js';
import { unicodeTestLines } from './unicode-data.js';

/** Line numbers in LineBreakTest-14.0.0.txt the linebreak package does not pass, by the rule it does not implement. */
const EXCLUDED: { rule: string; lines: number[] }[] = [
  {
    // The package has a pair table only: PR × OP, PO × OP, CL/CP × PO/PR and
    // IS/SY × NU hold everywhere. The test file uses LB25's regular-expression
    // form (UAX #14 example 7), where they hold only inside a number such as
    // "$(12.5)%": so "a.2", "%(" or ")$" may break there. Numbers in our Arabic
    // texts are written inside words and spaces, where the two agree.
    rule: 'LB25 (numbers) applied as pairs, without the surrounding number',
    lines: [
      1161, 1163, 1165, 1167, 2873, 2875, 4425, 4427, 4473, 4475, 4597, 4599, 4645, 4647, 5109, 5111, 6149, 6151, 6153, 6155, 7477, 7486, 7491,
      7576, 7577, 7578, 7579, 7580, 7581, 7583, 7584, 7585, 7586, 7587,
    ],
  },
  {
    // LB30 forbids a break between a letter or digit and an opening bracket
    // unless the bracket is East Asian wide (U+2329, U+FF08). The package does
    // not read East_Asian_Width, so it never breaks there: no effect on Arabic
    // or Latin brackets.
    rule: 'LB30: the East Asian width exception for opening brackets',
    lines: [125, 127, 815, 1331, 2189, 2191, 3567, 3739, 4081, 4083, 4943, 5459, 6489, 6491, 6663, 6833, 6835, 7005, 7007, 7177, 7179, 7604, 7610, 7611],
  },
  {
    // LB30b keeps an emoji modifier with an unassigned Extended_Pictographic
    // code point (U+1F02C); the package has no Extended_Pictographic data for
    // unassigned code points.
    rule: 'LB30b: emoji modifier after an unassigned pictographic code point',
    lines: [7681],
  },
];

interface Case {
  line: number;
  text: string;
  /** UTF-16 positions where a line may start (not 0, not the end) */
  breaks: number[];
}

const lines = unicodeTestLines('LineBreakTest-14.0.0.txt');
const cases: Case[] = [];
lines.forEach((raw, i) => {
  if (!raw || raw.startsWith('#')) return;
  // "× 0023 ÷ 2329 ÷ # comment": code points with the rule between each pair
  const fields = raw.split('#')[0].trim().split(/\s+/);
  let text = '';
  const breaks: number[] = [];
  for (let k = 1; k < fields.length; k += 2) {
    text += String.fromCodePoint(parseInt(fields[k], 16));
    if (fields[k + 1] === '÷' && k + 2 < fields.length) breaks.push(text.length);
  }
  cases.push({ line: i + 1, text, breaks });
});

const excluded = new Map(EXCLUDED.flatMap(({ rule, lines }) => lines.map((l) => [l, rule] as const)));
const passes = (c: Case) =>
  breakOpportunities(c.text)
    .filter((b) => b.position < c.text.length)
    .map((b) => b.position)
    .join(' ') === c.breaks.join(' ');

describe('LineBreakTest-14.0.0.txt, in full', () => {
  test('is the whole file', () => {
    expect(lines[0]).toBe('# LineBreakTest-14.0.0.txt');
    expect(cases.length).toBe(7654);
    expect(excluded.size).toBe(59);
    expect([...excluded.keys()].every((l) => cases.some((c) => c.line === l))).toBe(true);
  });

  test('every case but the documented exclusions gives the reference break opportunities', () => {
    const failures = cases.filter((c) => !excluded.has(c.line) && !passes(c)).map((c) => `line ${c.line}: ${lines[c.line - 1]}`);
    console.log(`LineBreakTest-14.0.0: ${cases.length - excluded.size - failures.length} of ${cases.length} cases pass, ${excluded.size} excluded (${EXCLUDED.map((e) => `${e.lines.length} ${e.rule.split(':')[0].split(' ')[0]}`).join(', ')})`);
    expect(failures).toEqual([]);
  });

  test('the excluded cases still fail (remove them from the list when the package learns their rule)', () => {
    expect(cases.filter((c) => excluded.has(c.line) && passes(c)).map((c) => c.line)).toEqual([]);
  });
});
