// The files `build`, `check` and `questions` are given: folders, patterns the shell left alone
// (quoted, or a Windows shell), and a misspelt name answered with the nearest one.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { expandInputs } from '../../src/cli/inputs.js';
import { main } from '../../src/cli/main.js';
import { formatDiagnostic } from '../../src/workspace/diagnostics.js';
import { recordingIO, workspace } from './helpers.js';

const lesson = (id: string) => `id: ${id}\ntitle: "درس"\narticle: articles/sample.md\nobjectives: ["هدف"]\npassages:\n  - ref: p1\nquestions:\n  - text: "سؤال؟"\n`;

function ws() {
  return workspace({
    'intro.yaml': lesson('intro'),
    'second.yml': lesson('second'),
    'course.yaml': 'id: unit\ntitle: "وحدة"\nlessons: [intro.yaml]\n',
    'bank-here.yaml': 'id: b\nquestions:\n  - id: x\n    text: "سؤال"\n',
    'notes.txt': 'not a lesson',
  });
}
const rel = (dir: string, files: string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join('/'));

describe('file arguments', () => {
  test('a folder: build takes its lessons and courses (not banks), check everything under it', async () => {
    const dir = ws();
    expect(rel(dir, (await expandInputs(['.'], dir, 'build')).files)).toEqual(['course.yaml', 'intro.yaml', 'second.yml']);
    expect(rel(dir, (await expandInputs(['.'], dir, 'check')).files)).toEqual(['articles/sample.md', 'bank-here.yaml', 'course.yaml', 'intro.yaml', 'questions/bank.yaml', 'second.yml']);
    expect(rel(dir, (await expandInputs(['questions'], dir, 'banks')).files)).toEqual(['questions/bank.yaml']);
  });

  test('a pattern the shell did not expand, each file once, in the order given', async () => {
    const dir = ws();
    expect(rel(dir, (await expandInputs(['*.yaml', 'intro.yaml', 'questions/*.yaml'], dir, 'build')).files)).toEqual(['bank-here.yaml', 'course.yaml', 'intro.yaml', 'questions/bank.yaml']);
    const none = await expandInputs(['lessons/*.yaml'], dir, 'build');
    expect(none.files).toEqual([]);
    expect(none.problems.map((d) => formatDiagnostic(d, dir))).toEqual(['lessons/*.yaml:1:1: error: no file matches `lessons/*.yaml`\n  hint: check the folder and the pattern, e.g. lessons/*.yaml']);
  });

  test('a misspelt name: the nearest name in its folder', async () => {
    const dir = ws();
    const r = await expandInputs(['intor.yaml', 'cours.yaml', 'questions/bnak.yaml', 'zzz.yaml'], dir, 'check');
    expect(r.problems.map((d) => formatDiagnostic(d, dir))).toEqual([
      'intor.yaml:1:1: error: cannot find `intor.yaml`\n  hint: did you mean `intro.yaml`?',
      'cours.yaml:1:1: error: cannot find `cours.yaml`\n  hint: did you mean `course.yaml`?',
      'questions/bnak.yaml:1:1: error: cannot find `questions/bnak.yaml`\n  hint: did you mean `questions/bank.yaml`?',
      'zzz.yaml:1:1: error: cannot find `zzz.yaml`',
    ]);
  });

  test('hiwar check with a folder and a misspelt file checks the rest and exits 1', async () => {
    const dir = ws();
    const io = recordingIO(dir);
    expect(await main(['check', '.'], io)).toBe(0);
    expect(io.stdout.at(-1)).toBe('ok: 6 files');
    const io2 = recordingIO(dir);
    expect(await main(['check', 'intro.yaml', 'secnd.yml'], io2)).toBe(1);
    expect(io2.stderr[0]).toBe('secnd.yml:1:1: error: cannot find `secnd.yml`\n  hint: did you mean `second.yml`?');
    expect(io2.stdout.at(-1)).toBe('ok: 2 files');
  });
});
