// Failures that are not the teacher's mistake: a font that cannot be opened,
// a crash inside the renderer. Still one clear message, no stack trace, and
// the earlier good PDF untouched with nothing else written.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import * as fonts from '../../src/text/fonts.js';
import * as writer from '../../src/pdf/writer.js';
import { expectNoTemps, hiwar, lesson, snapshot, workspace } from './helpers.js';

// The faults are spies on the modules' exports, which hiwar's other modules
// call through (a module mock would need a fresh process of its own: see
// vitest.config.ts), undone after each test.
afterEach(() => {
  vi.restoreAllMocks();
});

function failFontLoading() {
  return vi.spyOn(fonts, 'loadFamily').mockImplementation(() => {
    throw new Error(`cannot open font /opt/hiwar/node_modules/@expo-google-fonts/amiri/400Regular/Amiri_400Regular.ttf: Unknown font format`);
  });
}

function crashTheWriter() {
  return vi.spyOn(writer, 'writePdf').mockImplementation(() => {
    throw new Error('simulated crash in the PDF writer');
  });
}

async function built() {
  const dir = workspace({ 'l.yaml': lesson() });
  expect((await hiwar(dir, 'build', 'l.yaml', '--edition', 'student')).code).toBe(0);
  const pdf = path.join(dir, 'out/demo-student.pdf');
  return { dir, pdf, good: fs.readFileSync(pdf) };
}

test('a font that cannot be opened: exit 1, one line that says to reinstall, the old PDF kept', async () => {
  const { dir, pdf, good } = await built();
  const before = snapshot(dir);
  const fault = failFontLoading();
  const r = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student');
  expect(fault).toHaveBeenCalled();
  expect(r.code).toBe(1);
  expect(r.stderr).toBe(
    "l.yaml:1:1: error: the font Amiri cannot be loaded: cannot open font /opt/hiwar/node_modules/@expo-google-fonts/amiri/400Regular/Amiri_400Regular.ttf: Unknown font format\n  hint: hiwar's fonts come with it: run `npm install` again in hiwar's folder",
  );
  expect(fs.readFileSync(pdf).equals(good)).toBe(true);
  expect(snapshot(dir)).toEqual(before);
});

test('a crash inside the renderer: reported as our bug (exit 3), no stack trace, nothing written, the old PDF kept', async () => {
  const { dir, pdf, good } = await built();
  fs.writeFileSync(path.join(dir, 'l.yaml'), lesson('سؤال جديد؟'));
  const before = snapshot(dir);
  const fault = crashTheWriter();
  const r = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student');
  expect(fault).toHaveBeenCalled();
  expect(r.code).toBe(3);
  expect(r.stderr).toContain('simulated crash in the PDF writer');
  expect(r.stderr).toContain('this is a bug in hiwar, not in your files');
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(fs.readFileSync(pdf).equals(good)).toBe(true);
  expect(snapshot(dir)).toEqual(before);
  expectNoTemps(dir);
});
