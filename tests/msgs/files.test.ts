// Wrong messages about a teacher's files: a NUL byte is not "Windows-1256",
// `hiwar new` writes a path YAML reads back, and a course cannot share its id
// with one of its lessons.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { expectClean, hiwar, lesson, workspace } from '../faults/helpers.js';

test('a NUL byte in an article: not a text file, at its line and column', async () => {
  const dir = workspace({ 'l.yaml': lesson() });
  const article = path.join(dir, 'articles/sample.md');
  const text = readFileSync(article, 'utf8');
  const lines = text.split('\n');
  // line 8 (the first of the body), after 4 Arabic letters
  expect(lines[7]).toMatch(/^تحذف/);
  lines[7] = `${lines[7].slice(0, 4)}\u0000${lines[7].slice(4)}`;
  writeFileSync(article, lines.join('\n'));
  const offset = readFileSync(article).indexOf(0);
  expect(offset).toBeGreaterThan(100);
  for (const argv of [['passages', 'articles/sample.md'], ['check', 'l.yaml']]) {
    const r = await hiwar(dir, ...argv);
    expect(r.code).toBe(1);
    expectClean(r);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      `articles/sample.md:8:5: error: cannot read this file: it is not a text file (a NUL byte at byte ${offset})`,
      '  hint: give hiwar a .yaml lesson, course or question bank, or an .md article; if this is your text, retype what is at this place and save it as UTF-8',
    ]);
    expect(r.stderr).not.toMatch(/Windows|1256/);
  }
});

test('hiwar new: an article path holding ` #` is quoted, and the lesson checks as it is', async () => {
  const dir = workspace({});
  mkdirSync(path.join(dir, 'week #3 [draft]'));
  cpSync(path.join(dir, 'articles/sample.md'), path.join(dir, 'week #3 [draft]/a #1.md'));
  const made = await hiwar(dir, 'new', 'demo', '--article', 'week #3 [draft]/a #1.md');
  expect(made.code).toBe(0);
  const text = readFileSync(path.join(dir, 'demo.yaml'), 'utf8');
  expect(text).toMatch(/^article: "week #3 \[draft\]\/a #1\.md"$/m);
  expect(parse(text).article).toBe('week #3 [draft]/a #1.md');
  const r = await hiwar(dir, 'check', 'demo.yaml');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  // a plain path stays as it was
  expect(await hiwar(dir, 'new', 'plain', '--article', 'articles/sample.md')).toMatchObject({ code: 0 });
  expect(readFileSync(path.join(dir, 'plain.yaml'), 'utf8')).toMatch(/^article: articles\/sample\.md$/m);
});

test('a course and one of its lessons with the same id: an error at the lesson’s id line', async () => {
  const dir = workspace({
    'c.yaml': 'id: unit-1\ntitle: "وحدة"\nlessons:\n  - a.yaml\n  - b.yaml\n',
    'a.yaml': lesson('سؤال؟', 'sample-a'),
    'b.yaml': `# the second lesson\n${lesson('سؤال؟', 'unit-1')}`,
  });
  for (const argv of [['check', 'c.yaml'], ['build', 'c.yaml', '--split']]) {
    const r = await hiwar(dir, ...argv);
    expect(r.code).toBe(1);
    expectClean(r);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'b.yaml:2:5: error: this lesson has the id `unit-1`, the same as its course: their PDFs would have the same names',
      '  hint: give the lesson or the course another id',
    ]);
  }
});
