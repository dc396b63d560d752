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
  expect(r.stderr).toContain('error: --format does not know "odt"; it takes pdf');
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
