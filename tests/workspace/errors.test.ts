// Bad inputs, one mistake each: every case asserts the exact FILE:LINE:COL, message and hint that
// `hiwar check` prints, exit code 1, and that nothing was written.
import { describe, expect, test } from 'vitest';
import { checkCommand } from '../../src/cli/commands/check.js';
import { listing, recordingIO, workspace } from './helpers.js';

interface Case {
  name: string;
  files: Record<string, string>;
  /** the file given to `hiwar check` (default: the first of `files`) */
  check?: string;
  /** the first printed problem, exactly */
  error: string;
  hint?: string;
  /** how many errors in all (default 1: one mistake, one message) */
  count?: number;
}

const head = (id = 'demo') => `id: ${id}\ntitle: "درس"\narticle: articles/sample.md\nobjectives: ["هدف"]\n`;

const cases: Case[] = [
  {
    name: 'YAML syntax error (unclosed quote)',
    files: { 'lesson.yaml': 'id: demo\ntitle: "درس\narticle: articles/sample.md\n' },
    error: 'lesson.yaml:2:8: error: YAML syntax: the quote `"` opened here is never closed',
    hint: 'end the text with `"` (a `"` inside the text is written `\\"`)',
  },
  {
    name: 'YAML syntax error (missing colon)',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\nquestions:\n  - text: "سؤال؟"\n    kind open\n' },
    error: 'lesson.yaml:9:5: error: YAML syntax: this line has no `:` after its field name',
    hint: 'is a `:` missing after a field name? e.g. `kind: open`',
  },
  {
    name: 'unknown field (typo)',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\nqestions:\n  - text: "سؤال؟"\n' },
    error: 'lesson.yaml:7:1: error: unknown field `qestions`',
    hint: 'did you mean `questions`?',
  },
  {
    name: 'unknown field inside a question',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\nquestions:\n  - text: "سؤال؟"\n    guidence: "…"\n' },
    error: 'lesson.yaml:9:5: error: unknown field `guidence`',
    hint: 'did you mean `guidance`?',
  },
  {
    name: 'ref beyond the article',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\n  - ref: p3-p9\nquestions:\n  - text: "سؤال؟"\n' },
    error: 'lesson.yaml:7:10: error: paragraph 9 does not exist: the article has 4 paragraphs',
    hint: 'the last paragraph is p4: «يقترح آخرون تعليمَ الطلاب التفكيرَ النقدي بدل الاكتفاء …»',
  },
  {
    name: 'sentence beyond a paragraph',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p2.s3\nquestions:\n  - text: "سؤال؟"\n' },
    error: 'lesson.yaml:6:10: error: sentence 3 of paragraph 2 does not exist: paragraph 2 has 2 sentences',
    hint: 'p2.s1 «قال د. أحمد سالم إن نسبة المحتوى المحذوف …»; p2.s2 «وأضاف: «لا نعرف كم منشورًا لم يُكتشف. …»',
  },
  {
    name: 'anchor not found (nearest sentence in the hint)',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: { from: "هل يكفى الحظر وحده", to: "أعمق من ذلك" }\nquestions:\n  - text: "سؤال؟"\n' },
    error: 'lesson.yaml:6:18: error: `from` text «هل يكفى الحظر وحده» is not in the article',
    hint: 'nearest text is «هل يكفي الحذف وحده» in p1.s2: «لكن هل يكفي الحذف وحده؟»',
  },
  {
    name: 'missing bank id',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\nquestions:\n  - use: questions/bank.yaml#why-delet\n' },
    error: 'lesson.yaml:8:10: error: the question bank `questions/bank.yaml` has no question `why-delet`',
    hint: 'did you mean `why-delete`? its questions are `why-delete`, `best-response`, `encryption-scale`, `rank-actors`, `displacement`, `transparency`',
  },
  {
    name: 'pick count larger than what matches',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\nquestions:\n  - pick: { from: questions/bank.yaml, tags: [encryption], count: 3 }\n' },
    error: 'lesson.yaml:8:67: error: `pick` asks for 3 questions, but `questions/bank.yaml` has only 2 tagged `encryption`',
    hint: 'the matching questions are `encryption-scale`, `displacement`; lower `count` or widen `tags`',
  },
  {
    name: 'pick with a tag nobody has',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\nquestions:\n  - pick:\n      from: questions/bank.yaml\n      tags: [encription]\n' },
    error: 'lesson.yaml:9:13: error: `pick` asks for 1 question, but `questions/bank.yaml` has none tagged `encription`',
    hint: "did you mean `encryption`? the bank's tags are `encryption`, `moderation`, `policy`",
  },
  {
    name: 'wrong kind',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\nquestions:\n  - text: "سؤال؟"\n    kind: essay\n' },
    error: 'lesson.yaml:9:11: error: `kind` must be one of `open`, `choice`, `scale`, `rank`, not `essay`',
  },
  {
    name: 'kind with a typo',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\nquestions:\n  - text: "سؤال؟"\n    kind: choise\n    options: [أ, ب]\n' },
    error: 'lesson.yaml:9:11: error: `kind` must be one of `open`, `choice`, `scale`, `rank`, not `choise`',
    hint: 'did you mean `choice`?',
  },
  {
    name: 'choice without options',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\nquestions:\n  - text: "سؤال؟"\n    kind: choice\n' },
    error: 'lesson.yaml:9:11: error: a `choice` question needs `options`: the answers to choose from',
    hint: 'add e.g. `options: ["…", "…", "…"]` under it',
  },
  {
    name: 'missing article file',
    files: { 'lesson.yaml': 'id: demo\ntitle: "درس"\narticle: articles/nope.md\nobjectives: ["هدف"]\npassages:\n  - ref: p1\nquestions:\n  - text: "سؤال؟"\n' },
    error: 'lesson.yaml:3:10: error: cannot find the article `articles/nope.md`: file not found',
    hint: 'looked for <DIR>/articles/nope.md',
  },
  {
    name: 'duplicate question ids',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\nquestions:\n  - id: q-a\n    text: "سؤال؟"\n  - id: q-a\n    text: "سؤال آخر؟"\n' },
    error: 'lesson.yaml:10:9: error: two questions have the id `q-a` (the other is at line 8)',
    hint: 'give each question its own `id`',
  },
  {
    name: 'duplicate id with an automatic one',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\nquestions:\n  - id: q2\n    text: "سؤال؟"\n  - text: "سؤال آخر؟"\n' },
    error: 'lesson.yaml:10:5: error: two questions have the id `q2` (the other is at line 8)',
    hint: 'questions without an `id` are numbered q1, q2, … by their place in the list; give this one its own `id`',
  },
  {
    name: 'extends cycle',
    files: {
      'a.yaml': 'extends: b.yaml\nid: a\n',
      'b.yaml': 'extends: c.yaml\nid: b\n',
      'c.yaml': 'extends: a.yaml\nid: c\n',
    },
    error: 'c.yaml:1:10: error: `extends` makes a cycle: a.yaml → b.yaml → c.yaml → a.yaml',
    hint: 'a lesson cannot extend itself, directly or through others; remove one `extends`',
  },
  {
    name: 'missing required field',
    files: { 'lesson.yaml': 'id: demo\narticle: articles/sample.md\nobjectives: ["هدف"]\npassages:\n  - ref: p1\nquestions:\n  - text: "سؤال؟"\n' },
    error: 'lesson.yaml:1:1: error: the lesson has no `title`',
    hint: 'add e.g. `title: "…"`: the lesson title printed on the handout',
  },
  {
    name: 'bad lesson id',
    files: { 'lesson.yaml': head('Demo Lesson') + 'passages:\n  - ref: p1\nquestions:\n  - text: "سؤال؟"\n' },
    error:
      'lesson.yaml:1:5: error: `id` may use only lowercase Latin letters, digits and single `-` between them (it names the output files), e.g. `virtual-caliphate-intro`; got `Demo Lesson`',
  },
  {
    name: 'question ref that is not a ref',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\nquestions:\n  - text: "سؤال؟"\n    refs: [p1, paragraph 2]\n' },
    error: 'lesson.yaml:9:16: error: `paragraph 2` is not a passage ref',
    hint: 'write p3, p3-p5, p5.s2 or p5.s1-s2 (or {from: "…", to: "…"})',
  },
  {
    name: 'questions written without `- `',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\nquestions:\n  text: "سؤال؟"\n  kind: open\n' },
    error: 'lesson.yaml:8:3: error: `questions` must be a list: each question starts with `- `',
    hint: 'put each question on its own line starting with `  - `, e.g. `  - text: "…"`',
  },
  {
    name: 'sentence ref without the `s`',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p2.1\nquestions:\n  - text: "سؤال؟"\n' },
    error: 'lesson.yaml:6:10: error: `p2.1` is not a passage ref',
    hint: 'did you mean `p2.s1`? sentences are written with an `s`',
  },
  {
    name: 'text that is a number',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\nquestions:\n  - text: 2024\n' },
    error: 'lesson.yaml:8:11: error: `text` must be a text, not the number 2024',
    hint: 'put it in quotes: "2024"',
  },
  {
    name: 'overlay drops a question that does not exist',
    files: {
      'child.yaml': 'extends: parent.yaml\nid: child\nquestions:\n  drop: [q-claimm]\n',
      'parent.yaml': head('parent') + 'passages:\n  - ref: p1\nquestions:\n  - id: q-claim\n    text: "سؤال؟"\n  - text: "آخر"\n',
    },
    error: 'child.yaml:4:10: error: there is no inherited question `q-claimm` to drop',
    hint: 'did you mean `q-claim`? the inherited questions are `q-claim`, `q2`',
  },
  {
    name: 'extends a missing file',
    files: { 'child.yaml': 'extends: parnet.yaml\nid: child\n' },
    error: 'child.yaml:1:10: error: cannot find the lesson `parnet.yaml`: file not found',
    hint: 'looked for <DIR>/parnet.yaml',
  },
  {
    name: 'use without #id',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\nquestions:\n  - use: questions/bank.yaml\n' },
    error: 'lesson.yaml:8:10: error: `use` names a bank file and a question id joined by `#`, not `questions/bank.yaml`',
    hint: 'e.g. `use: questions/moderation.yaml#deletion-displacement`; `hiwar questions BANK` lists the ids',
  },
  {
    name: 'missing bank file',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\nquestions:\n  - use: questions/nope.yaml#x\n' },
    error: 'lesson.yaml:8:10: error: cannot find the question bank `questions/nope.yaml`: file not found',
    hint: 'looked for <DIR>/questions/nope.yaml',
  },
  {
    name: 'paper option typo',
    files: { 'lesson.yaml': head() + 'passages:\n  - ref: p1\nquestions:\n  - text: "سؤال؟"\noptions: { paper: a4 }\n' },
    error: 'lesson.yaml:9:19: error: `paper` must be one of `A4`, `letter`, not `a4`',
    hint: 'did you mean `A4`?',
  },
  {
    name: 'course lists a missing lesson',
    files: { 'course.yaml': 'id: c\ntitle: "وحدة"\nlessons:\n  - lesson-one.yaml\n' },
    error: 'course.yaml:4:5: error: cannot find the lesson `lesson-one.yaml`: file not found',
    hint: 'looked for <DIR>/lesson-one.yaml',
  },
  {
    name: 'error in a question bank',
    files: {
      'lesson.yaml': head() + 'passages:\n  - ref: p1\nquestions:\n  - use: questions/b2.yaml#x\n',
      'questions/b2.yaml': 'id: b2\nquestions:\n  - id: x\n    text: "رتّب"\n    kind: rank\n',
    },
    error: 'questions/b2.yaml:5:11: error: a `rank` question needs `options`: the items to put in order',
    hint: 'add e.g. `options: ["…", "…", "…"]` under it',
  },
];

function parse(lines: string[]): { first: string; hint?: string; errors: number } {
  const errs = lines.filter((l) => / error: /.test(l) && /^\S+:\d+:\d+: /.test(l));
  const i = lines.indexOf(errs[0]);
  const next = lines[i]?.split('\n')[1] ?? lines[i + 1];
  const hint = next && next.startsWith('  hint: ') ? next.slice('  hint: '.length) : undefined;
  return { first: errs[0]?.split('\n')[0] ?? '(no error)', hint, errors: errs.length };
}

describe('hiwar check: one mistake, one clear message', () => {
  test.each(cases)('$name', async (c) => {
    const dir = workspace(c.files);
    const before = listing(dir);
    const io = recordingIO(dir);
    const code = await checkCommand([c.check ?? Object.keys(c.files)[0]], {}, io);
    const lines = io.stderr.flatMap((t) => t.split(/\n(?=\S)/));
    const got = parse(lines);
    expect(got.first).toBe(c.error);
    expect(got.hint).toBe(c.hint?.replace('<DIR>', dir));
    expect(got.errors).toBe(c.count ?? 1);
    expect(code).toBe(1);
    expect(io.stdout).toEqual([]);
    expect(listing(dir)).toEqual(before);
    // never a stack trace
    expect(io.stderr.join('\n')).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
  });

  test('all problems of a file are reported at once', async () => {
    const dir = workspace({
      'lesson.yaml': head() + 'passages:\n  - ref: p9\n  - ref: p1.s7\nqestions: []\nquestions:\n  - text: "سؤال؟"\n    kind: essay\n    refs: [p8]\n  - text: "اختر"\n    kind: choice\n    refs: [p1.s9]\n',
    });
    const io = recordingIO(dir);
    expect(await checkCommand(['lesson.yaml'], {}, io)).toBe(1);
    const firsts = io.stderr.filter((l) => / error: /.test(l)).map((l) => l.split('\n')[0].replace(/: error: .*/, ''));
    expect(firsts).toEqual(['lesson.yaml:6:10', 'lesson.yaml:7:10', 'lesson.yaml:8:1', 'lesson.yaml:11:11', 'lesson.yaml:12:12', 'lesson.yaml:14:11', 'lesson.yaml:15:12']);
    expect(io.stderr[io.stderr.length - 1]).toBe('7 errors in 1 file');
  });

  test('usage mistakes exit 2', async () => {
    const dir = workspace();
    const io = recordingIO(dir);
    expect(await checkCommand([], {}, io)).toBe(2);
    expect(await checkCommand(['x.yaml'], { paper: 'A5' }, io)).toBe(2);
    expect(io.stderr.at(-1)).toBe('error: --paper must be A4 or letter, not "A5" (did you mean `A4`?)');
  });
});
