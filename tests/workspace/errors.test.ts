// Bad inputs, one mistake each: every case asserts the exact FILE:LINE:COL, message and hint that
// `hiwar check` prints, exit code 1, and that nothing was written.
import { describe, expect, test } from 'vitest';
import { checkCommand } from '../../src/cli/commands/check.js';
import { listing, recordingIO, workspace } from './helpers.js';
import { cases, head, LAST } from './error-cases.js';

function parse(lines: string[]): { first: string; hint?: string; related?: string; errors: number } {
  const errs = lines.filter((l) => / error: /.test(l) && /^\S+:\d+:\d+: /.test(l));
  const i = lines.indexOf(errs[0]);
  const next = lines[i]?.split('\n')[1] ?? lines[i + 1];
  const hint = next && next.startsWith('  hint: ') ? next.slice('  hint: '.length) : undefined;
  // a second location: a `FILE:LINE:COL: note: …` line inside the same problem
  const related = (errs[0] ?? '').split('\n').find((l) => /^\S+:\d+:\d+: note: /.test(l));
  return { first: errs[0]?.split('\n')[0] ?? '(no error)', hint, related, errors: errs.length };
}

describe('hiwar check: one mistake, one clear message', () => {
  test.each(cases)('$name', async (c) => {
    const dir = workspace(c.files);
    const before = listing(dir);
    const io = recordingIO(dir);
    const code = await checkCommand([c.check ?? Object.keys(c.files)[0]], {}, io);
    const lines = io.stderr;
    const got = parse(lines);
    expect(got.first).toBe(c.error);
    expect(got.hint).toBe(c.hint?.replace('<DIR>', dir).replace('<LAST>', LAST));
    expect(got.related).toBe(c.related);
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
