// Paths: every ref is relative to the file that writes it; a missing file
// names the referring file (FILE:LINE:COL) and the path tried; duplicates and
// output-name collisions are handled, and an output folder inside the
// workspace is fine.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectClean, expectNoTemps, head, hiwar, lesson, snapshot, workspace } from './helpers.js';

describe('refs are relative to the file that writes them', () => {
  test('a course, lessons, an overlay, a bank and an article in different folders build from any folder', async () => {
    const dir = workspace({
      'units/one/intro.yaml': lesson('سؤال؟', 'intro', '../../articles/sample.md') + '  - use: ../../questions/bank.yaml#why-delete\n',
      // the overlay's parent writes its article path relative to itself, not to the overlay
      'units/two/short.yaml': 'extends: ../one/intro.yaml\nid: short\ntitle: "درس قصير"\n',
      'packs/unit.yaml': 'id: unit\ntitle: "وحدة"\nlessons: [../units/one/intro.yaml, ../units/two/short.yaml]\n',
    });
    fs.mkdirSync(path.join(dir, 'elsewhere'));
    const r = await hiwar(path.join(dir, 'elsewhere'), 'build', '../packs/unit.yaml', '../units/two/short.yaml', '--edition', 'student', '--out', '../out', '--root', '..');
    expect(r.code).toBe(0);
    // cover, contents, lesson 1 on page 3, a blank page 4, lesson 2 on page 5 (a right-hand page), sources
    expect(r.stderr.split('\n').sort()).toEqual(['wrote ../out/short-student.pdf (1 page)', 'wrote ../out/unit-student.pdf (6 pages)']);
  });

  test('a missing file: the referring FILE:LINE:COL, the path as written, and the path tried', async () => {
    const dir = workspace({
      'units/l.yaml': `${head('demo', '../articles/nope.md')}passages:\n  - ref: p1\nquestions:\n  - use: ../questions/none.yaml#x\n  - text: "سؤال؟"\n`,
      'units/o.yaml': 'extends: base.yaml\nid: o\n',
      'c.yaml': 'id: c\ntitle: "وحدة"\nlessons: [units/l.yaml, units/missing.yaml]\n',
    });
    const before = snapshot(dir);
    const r = await hiwar(dir, 'check', 'c.yaml', 'units/o.yaml');
    expect(r.code).toBe(1);
    expectClean(r);
    expect(r.stderr.split('\n')).toEqual([
      'units/l.yaml:3:10: error: cannot find the article `../articles/nope.md`: file not found',
      `  hint: looked for ${path.join(dir, 'articles/nope.md')}`,
      'units/l.yaml:8:10: error: cannot find the question bank `../questions/none.yaml`: file not found',
      `  hint: looked for ${path.join(dir, 'questions/none.yaml')}`,
      `c.yaml:3:25: error: cannot find the lesson \`units/missing.yaml\`: file not found`,
      `  hint: looked for ${path.join(dir, 'units/missing.yaml')}`,
      'units/o.yaml:1:10: error: cannot find the lesson `base.yaml`: file not found',
      `  hint: looked for ${path.join(dir, 'units/base.yaml')}`,
      '4 errors in 3 files',
    ]);
    expect(snapshot(dir)).toEqual(before);
  });

  test('a path written from the workspace instead of from the file gets the fix in the hint', async () => {
    const dir = workspace({ 'units/l.yaml': lesson('سؤال؟', 'demo', 'articles/sample.md') });
    const r = await hiwar(dir, 'check', 'units/l.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'units/l.yaml:3:10: error: cannot find the article `articles/sample.md`: file not found',
      `  hint: looked for ${path.join(dir, 'units/articles/sample.md')}; paths are relative to the file that writes them (l.yaml): did you mean \`../articles/sample.md\`?`,
    ]);
  });
});

describe('duplicates and collisions', () => {
  test('a course listing the same lesson twice: a warning, and the pack prints it once', async () => {
    const dir = workspace({
      'a.yaml': lesson('سؤال؟', 'a'),
      'once.yaml': 'id: unit\ntitle: "وحدة"\nlessons: [a.yaml]\n',
      'twice.yaml': 'id: unit\ntitle: "وحدة"\nlessons: [a.yaml, ./a.yaml]\n',
    });
    const once = await hiwar(dir, 'build', 'once.yaml', '--edition', 'student', '--out', 'once');
    const twice = await hiwar(dir, 'build', 'twice.yaml', '--edition', 'student', '--out', 'twice');
    expect(once.code).toBe(0);
    expect(twice.code).toBe(0);
    expect(twice.stderr.split('\n')).toEqual([
      'twice.yaml:3:19: warning: `./a.yaml` is listed twice (also entry 1); the pack prints it once, at its first place',
      '  hint: remove one of the two entries',
      'wrote twice/unit-student.pdf (4 pages)',
    ]);
    expect(fs.readFileSync(path.join(dir, 'twice/unit-student.pdf')).equals(fs.readFileSync(path.join(dir, 'once/unit-student.pdf')))).toBe(true);
  });

  test('two lessons of one course with the same id: an error at the second entry, nothing written', async () => {
    const dir = workspace({ 'a.yaml': lesson('سؤال؟', 'same'), 'b.yaml': lesson('سؤال آخر؟', 'same'), 'c.yaml': 'id: c\ntitle: "وحدة"\nlessons: [a.yaml, b.yaml]\n' });
    const before = snapshot(dir);
    const r = await hiwar(dir, 'build', 'c.yaml', '--split');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("c.yaml:3:19: error: two lessons of this course have the id `same`: `b.yaml` and entry 1 (`a.yaml`)\n  hint: a lesson's id names its PDFs (same-student.pdf); give one of them another `id`");
    expect(snapshot(dir)).toEqual(before);
  });

  test('two files of one build whose ids name the same PDF: the first is built, the second is an error and writes nothing', async () => {
    const dir = workspace({ 'a.yaml': lesson('سؤال؟', 'same'), 'b.yaml': lesson('سؤال آخر؟', 'same') });
    const r = await hiwar(dir, 'build', 'a.yaml', 'b.yaml', '--edition', 'student');
    expect(r.code).toBe(1);
    expectClean(r);
    expect(r.stderr.split('\n')).toEqual([
      'b.yaml:1:1: error: same-student.pdf would be written by both a.yaml and b.yaml; it is built from the first only',
      '  hint: the `id` names the PDFs: give each lesson and course its own id',
      'wrote out/same-student.pdf (1 page)',
    ]);
    // the PDF is a.yaml's: the same bytes as a.yaml built alone
    const alone = await hiwar(dir, 'build', 'a.yaml', '--edition', 'student', '--out', 'alone');
    expect(alone.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out/same-student.pdf')).equals(fs.readFileSync(path.join(dir, 'alone/same-student.pdf')))).toBe(true);
    expectNoTemps(dir);
  });

  test('the same lesson twice in one build, or alone and inside a --split course: built once, no complaint', async () => {
    const dir = workspace({ 'a.yaml': lesson('سؤال؟', 'a'), 'c.yaml': 'id: c\ntitle: "وحدة"\nlessons: [a.yaml]\n' });
    const r = await hiwar(dir, 'build', 'a.yaml', 'a.yaml', 'c.yaml', '--split', '--edition', 'student');
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').sort()).toEqual(['wrote out/a-student.pdf (1 page)', 'wrote out/c-student.pdf (4 pages)']);
  });
});

describe('an output folder inside the workspace', () => {
  // Allowed, and not warned about: outputs are only `<id>-<edition>.pdf`, so
  // they can never overwrite a lesson, bank or article, and hiwar never reads
  // a PDF. (The default `out/` sits beside the lessons when building from
  // inside a workspace.)
  test('PDFs land beside the inputs, the inputs stay byte-equal, and a second build and a check are unaffected', async () => {
    const dir = workspace({ 'l.yaml': lesson() });
    const inputs = snapshot(dir);
    const first = await hiwar(dir, 'build', 'l.yaml', '--out', 'articles', '--edition', 'student');
    expect(first).toMatchObject({ code: 0, stderr: 'wrote articles/demo-student.pdf (1 page)' });
    const second = await hiwar(dir, 'build', 'l.yaml', '--out', '.', '--edition', 'student');
    expect(second).toMatchObject({ code: 0, stderr: 'wrote demo-student.pdf (1 page)' });
    const after = snapshot(dir);
    for (const [f, hash] of Object.entries(inputs)) expect(after[f]).toBe(hash);
    expect(Object.keys(after).filter((f) => !(f in inputs)).sort()).toEqual(['articles/demo-student.pdf', 'demo-student.pdf']);
    expect(await hiwar(dir, 'check', 'l.yaml')).toMatchObject({ code: 0 });
    // the same PDF either way
    expect(fs.readFileSync(path.join(dir, 'demo-student.pdf')).equals(fs.readFileSync(path.join(dir, 'articles/demo-student.pdf')))).toBe(true);
  });
});
