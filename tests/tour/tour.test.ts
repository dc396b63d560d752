// The README's five-minute tour, command by command, as a new teacher runs it on a fresh clone:
// every `hiwar …` command of the tour (in its code blocks and in its text) runs in a copy of the
// sample workspace, in the order the README gives them, and must succeed and write what it says.
// The commands are run as written, patterns included: hiwar expands `lessons/*.yaml` itself when
// a shell does not (a Windows shell), so nothing is expanded here.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { recordingIO, REPO } from '../workspace/helpers.js';

process.env.HIWAR_WORKERS = '0';

const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
const tour = readme.slice(readme.indexOf('## A five-minute tour'), readme.indexOf('## Reference'));

/** Words of a command line: spaces split, quotes group, `#` starts a comment. */
export function words(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(#.*)|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m[3] !== undefined) break;
    out.push(m[1] ?? m[2] ?? m[4]);
  }
  return out;
}

/** Every `hiwar …` command of the tour, in order: lines of its code blocks, and `hiwar …` in its text. */
export function tourCommands(text: string): string[] {
  const out: string[] = [];
  let inBlock = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) {
      inBlock = !inBlock;
      continue;
    }
    if (inBlock) {
      if (line.startsWith('hiwar ')) out.push(line.trim());
    } else for (const m of line.matchAll(/`(hiwar [^`]+)`/g)) out.push(m[1]);
  }
  return out;
}

const commands = tourCommands(tour);
// --watch stays until Ctrl-C: its build is the command before it, without --watch
// (a command the tour repeats, in a block and in its text, runs once)
const runnable = [...new Set(commands.filter((c) => !words(c).includes('--watch')).map((c) => words(c).join(' ')))];

describe('the README tour', () => {
  test('has the commands a teacher needs, in order', () => {
    const verbs = runnable.map((c) => words(c)[1]);
    expect(verbs.slice(0, 2)).toEqual(['import', 'passages']);
    expect(verbs).toEqual(expect.arrayContaining(['import', 'passages', 'new', 'build', 'check', 'questions']));
    expect(commands.filter((c) => words(c).includes('--watch'))).toHaveLength(1);
  });

  test('every command runs as written in a fresh copy of the workspace', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hiwar-tour-'));
    cpSync(path.join(REPO, 'lessons'), path.join(dir, 'lessons'), { recursive: true });
    cpSync(path.join(REPO, 'schema'), path.join(dir, 'schema'), { recursive: true });
    for (const command of runnable) {
      const io = recordingIO(dir);
      // the course packs and the whole folder are built as written, but in the student edition only
      // (the teacher edition doubles the time of this test and is built for my-lesson and the tests of render/)
      const argv = words(command).slice(1);
      if (argv[0] === 'build' && !argv.includes('lessons/my-lesson.yaml')) argv.push('--edition', 'student');
      const code = await main(argv, io);
      const said = [...io.stdout, ...io.stderr].join('\n');
      expect({ command, code, said }).toMatchObject({ command, code: 0 });
      expect(said, command).not.toMatch(/internal error|^\s+at .+:\d+:\d+\)?$/m);
      expect(io.stderr.filter((l) => / error: /.test(l)), command).toEqual([]);
    }
    // what the tour says it makes
    for (const f of [
      'lessons/articles/my-article.md',
      'lessons/my-lesson.yaml',
      'out/my-lesson-student.pdf',
      'out/my-lesson-teacher.pdf',
      'out/online-extremism-unit-student.pdf',
      'out/virtual-caliphate-intro-student.pdf',
      'out/moderation-unit-student.pdf',
    ]) {
      expect(existsSync(path.join(dir, f)), f).toBe(true);
      if (f.endsWith('.pdf')) expect(readFileSync(path.join(dir, f)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    // the imported article is the web page's text, its leftovers gone and its source read
    const article = readFileSync(path.join(dir, 'lessons/articles/my-article.md'), 'utf8');
    expect(article).toContain('source: "الشبكة اليوم"');
    expect(article).toContain('author: "سلمى الحدّاد"');
    expect(article).not.toMatch(/الرئيسية »|اقرأ أيضاً|^إعلان$|تابعونا/m);

    // the error the tour shows is the error hiwar prints, to the letter, for the slip it describes
    const block = /```\n(lessons\/my-lesson\.yaml:\d+:\d+: error: [^\n]+\n  hint: [^\n]+)\n```/.exec(tour);
    expect(block, 'the tour shows an example error').not.toBeNull();
    const lessonFile = path.join(dir, 'lessons/my-lesson.yaml');
    const bad = /paragraph (\d+) does not exist/.exec(block![1])![1];
    writeFileSync(lessonFile, readFileSync(lessonFile, 'utf8').replace(/ref: p1-p2\n/, `ref: p${bad}\n`));
    const io = recordingIO(dir);
    expect(await main(['check', 'lessons/my-lesson.yaml'], io)).toBe(1);
    expect(io.stderr[0]).toBe(block![1]);
  });
});
