// `--format` and the `formats:` option: which files a build writes.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { hiwar } from '../faults/helpers.js';
import { FIXTURES, workspace, listing } from '../workspace/helpers.js';

const lessonText = fs.readFileSync(path.join(FIXTURES, 'lesson.yaml'), 'utf8');

test('an unknown format is a usage mistake: exit 2, the formats hiwar knows, nothing written', async () => {
  const dir = workspace({ 'lesson.yaml': lessonText });
  const r = await hiwar(dir, 'build', 'lesson.yaml', '--format', 'pdf,odt');
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('error: --format does not know "odt"; it takes pdf, docx, html');
  expect(listing(dir).filter((f) => f.startsWith('out'))).toEqual([]);
  const ar = await hiwar(dir, '--lang', 'ar', 'build', 'lesson.yaml', '--format', '');
  expect(ar.code).toBe(2);
  expect(ar.stderr).toContain('لا تعرف --format الصيغة ""');
});

test('`formats:` in the options is checked like any option', async () => {
  const dir = workspace({ 'lesson.yaml': lessonText.replace(/^options:\n/m, 'options:\n  formats: [pdf, odt]\n') });
  expect(fs.readFileSync(path.join(dir, 'lesson.yaml'), 'utf8')).toContain('formats: [pdf, odt]');
  const r = await hiwar(dir, 'build', 'lesson.yaml');
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/lesson\.yaml:\d+:\d+: error: .*formats/);
});

const built = (dir: string) => listing(dir).filter((f) => f.startsWith('out/')).map((f) => f.slice(4)).sort();

test('--format pdf,docx writes both beside each other, for each edition', async () => {
  const dir = workspace({ 'lesson.yaml': lessonText });
  const r = await hiwar(dir, 'build', 'lesson.yaml', '--format', 'pdf,docx', '--quiet');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const id = /^id:\s*(\S+)/m.exec(lessonText)![1];
  expect(built(dir)).toEqual([`${id}-student.docx`, `${id}-student.pdf`, `${id}-teacher.docx`, `${id}-teacher.pdf`]);
  expect(fs.readFileSync(path.join(dir, 'out', `${id}-student.docx`)).subarray(0, 2).toString()).toBe('PK');
});

test('`formats:` precedence: --format over the course over the lesson over [pdf]', async () => {
  const course = 'id: pack\ntitle: "وحدة"\nlessons: [lesson.yaml]\noptions: { formats: [pdf] }\n';
  const lessonDocx = lessonText.replace(/^options:\n/m, 'options:\n  formats: [docx]\n');
  const dir = workspace({ 'lesson.yaml': lessonDocx, 'course.yaml': course });
  const id = /^id:\s*(\S+)/m.exec(lessonText)![1];
  await hiwar(dir, 'build', 'lesson.yaml', '--quiet', '--edition', 'student');
  expect(built(dir)).toEqual([`${id}-student.docx`]);
  fs.rmSync(path.join(dir, 'out'), { recursive: true });
  await hiwar(dir, 'build', 'lesson.yaml', '--quiet', '--edition', 'student', '--format', 'pdf');
  expect(built(dir)).toEqual([`${id}-student.pdf`]);
  fs.rmSync(path.join(dir, 'out'), { recursive: true });
  // inside a course, the course's options win over the lesson's
  await hiwar(dir, 'build', 'course.yaml', '--quiet', '--edition', 'student', '--split');
  expect(built(dir)).toEqual(['pack-student.pdf', `${id}-student.pdf`]);
});

test('--json counts editions, not files: two editions in two formats are 2 editions and 4 outputs', async () => {
  const dir = workspace({ 'lesson.yaml': lessonText });
  const r = await hiwar(dir, 'build', 'lesson.yaml', '--format', 'pdf,docx', '--json');
  expect(r.code).toBe(0);
  const s = JSON.parse(r.stdout);
  expect(s.editions).toBe(2);
  expect(s.outputs.map((o: { edition: string }) => o.edition).sort()).toEqual(['student', 'student', 'teacher', 'teacher']);
  expect(s.outputs.map((o: { path: string }) => path.extname(o.path)).sort()).toEqual(['.docx', '.docx', '.pdf', '.pdf']);
});
