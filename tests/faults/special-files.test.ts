// Files that are not ordinary files (a FIFO, a device, a folder), files far
// too large, ids too long for a file name, and an empty --out: each is one
// clear message at the place that names it, at once (a FIFO never blocks),
// and nothing is written.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readRegularFileSync } from '../../src/safety/read.js';
import { expectClean, head, hiwar, lesson, snapshot, workspace } from './helpers.js';

const REGULAR_HINT = '  hint: hiwar reads only ordinary files: name the text file itself';

/** A workspace with a named pipe at `articles/pipe.md` that nobody ever writes to. */
function withFifo(files: Record<string, string> = {}, name = 'articles/pipe.md'): string {
  const dir = workspace(files);
  execFileSync('mkfifo', [path.join(dir, name)]);
  return dir;
}

describe('a named pipe (FIFO) never blocks a command: one message, exit 1', () => {
  test('build and check: an article that is a FIFO, at the line that names it', async () => {
    const dir = withFifo({ 'l.yaml': lesson('سؤال؟', 'demo', 'articles/pipe.md') });
    const before = snapshot(dir);
    for (const cmd of ['build', 'check']) {
      const r = await hiwar(dir, cmd, 'l.yaml');
      expect(r.code).toBe(1);
      expectClean(r);
      expect(r.stderr.split('\n').slice(0, 2)).toEqual(['l.yaml:3:10: error: `articles/pipe.md` is a named pipe (FIFO), not a regular file', REGULAR_HINT]);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  test('a lesson file that is a FIFO, given on the command line (build, check)', async () => {
    const dir = withFifo({}, 'l.yaml');
    for (const cmd of ['build', 'check']) {
      const r = await hiwar(dir, cmd, 'l.yaml');
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n').slice(0, 2)).toEqual(['l.yaml:1:1: error: `l.yaml` is a named pipe (FIFO), not a regular file', REGULAR_HINT]);
    }
  });

  test('import, new, passages and questions', async () => {
    const dir = withFifo();
    execFileSync('mkfifo', [path.join(dir, 'bank.yaml')]);
    const imp = await hiwar(dir, 'import', 'articles/pipe.md', '--id', 'x');
    const neu = await hiwar(dir, 'new', 'x', '--article', 'articles/pipe.md');
    const pas = await hiwar(dir, 'passages', 'articles/pipe.md');
    const qs = await hiwar(dir, 'questions', 'bank.yaml');
    for (const r of [imp, neu, pas]) {
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n')[0]).toBe('articles/pipe.md:1:1: error: `pipe.md` is a named pipe (FIFO), not a regular file');
    }
    expect(qs.code).toBe(1);
    expect(qs.stderr.split('\n')[0]).toBe('bank.yaml:1:1: error: `bank.yaml` is a named pipe (FIFO), not a regular file');
    expect(fs.existsSync(path.join(dir, 'x.yaml'))).toBe(false);
  });
});

describe('devices and folders', () => {
  test('article: /dev/zero is refused before a byte is read (outside the workspace, and a device)', async () => {
    const dir = workspace({ 'l.yaml': lesson('سؤال؟', 'demo', '/dev/zero') });
    const outside = await hiwar(dir, 'check', 'l.yaml');
    expect(outside.code).toBe(1);
    expect(outside.stderr.split('\n')[0]).toBe(`l.yaml:3:10: error: \`/dev/zero\` is outside the workspace folder ${dir}`);
    const allowed = await hiwar(dir, 'build', 'l.yaml', '--allow-outside');
    expect(allowed.code).toBe(1);
    expectClean(allowed);
    expect(allowed.stderr.split('\n').slice(0, 2)).toEqual(['l.yaml:3:10: error: `/dev/zero` is a device, not a regular file', REGULAR_HINT]);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test('a folder named as the article or as a course lesson', async () => {
    const dir = workspace({ 'l.yaml': lesson('سؤال؟', 'demo', 'articles'), 'c.yaml': 'id: c\ntitle: "وحدة"\nlessons: [questions]\n' });
    const r = await hiwar(dir, 'check', 'l.yaml', 'c.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('l.yaml:3:10: error: the article `articles` is a folder, not a file');
    expect(r.stderr).toContain('c.yaml:3:11: error: the lesson `questions` is a folder, not a file');
  });

  test('the reader itself: at most limit+1 bytes from a device, whatever stat says', () => {
    expect(readRegularFileSync('/dev/zero', 1000)).toEqual({ ok: false, reason: 'not-regular', kind: 'device' });
    // /proc files say size 0 and are not refused for that: the cap counts bytes read
    const status = readRegularFileSync('/proc/self/status', 10);
    expect(status).toEqual({ ok: false, reason: 'too-big', limit: 10 });
    const whole = readRegularFileSync('/proc/self/status', 1 << 20);
    expect(whole.ok && whole.bytes.toString('utf8')).toMatch(/^Name:/);
  });
});

describe('size limits (README: Limits)', () => {
  const TOO_BIG_HINT = '  hint: is it the right file? the limits are listed in the README under "Limits"; split a very long lesson or bank into several files';

  test('a lesson over 1 MB named by a course, a bank over 4 MB, an article over 16 MB: refused at the line naming them, at once', async () => {
    const dir = workspace({
      'c.yaml': 'id: c\ntitle: "وحدة"\nlessons: [big.yaml]\n',
      'l.yaml': `${head('demo', 'articles/huge.md')}passages:\n  - ref: p1\nquestions:\n  - use: big-bank.yaml#x\n`,
    });
    const sparse = (name: string, bytes: number) => {
      fs.closeSync(fs.openSync(path.join(dir, name), 'w'));
      fs.truncateSync(path.join(dir, name), bytes);
    };
    sparse('big.yaml', 1024 * 1024 + 1);
    sparse('big-bank.yaml', 4 * 1024 * 1024 + 1);
    sparse('articles/huge.md', 16 * 1024 * 1024 + 1);
    const r = await hiwar(dir, 'check', 'c.yaml', 'l.yaml');
    expect(r.code).toBe(1);
    expectClean(r);
    expect(r.stderr.split('\n')).toEqual([
      'c.yaml:3:11: error: `big.yaml` is larger than 1 MB, the most hiwar reads for this kind of file',
      TOO_BIG_HINT,
      'l.yaml:3:10: error: `articles/huge.md` is larger than 16 MB, the most hiwar reads for this kind of file',
      TOO_BIG_HINT,
      'l.yaml:8:10: error: `big-bank.yaml` is larger than 4 MB, the most hiwar reads for this kind of file',
      TOO_BIG_HINT,
      '3 errors in 2 files',
    ]);
  });

  test('a lesson over 1 MB given on the command line', async () => {
    const big = lesson() + `# ${'ح'.repeat(600 * 1024)}\n`;
    const dir = workspace({ 'l.yaml': big });
    const r = await hiwar(dir, 'build', 'l.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('l.yaml:1:1: error: `l.yaml` is larger than 1 MB, the most hiwar reads for this kind of file');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

describe('ids and output names', () => {
  test('a 235-letter id is caught by check (it once passed check and failed the build with ENAMETOOLONG)', async () => {
    const id = 'a'.repeat(235);
    const dir = workspace({ 'l.yaml': lesson('سؤال؟', id) });
    const r = await hiwar(dir, 'check', 'l.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      'l.yaml:1:5: error: `id` is too long: an id names the PDF files, and may have at most 100 characters (a long file name is refused by some disks and hard to read); shorten it',
    );
    expect((await hiwar(dir, 'new', id, '--article', 'articles/sample.md')).stderr).toBe('error: ID is too long (235 characters): an id names the files, and may have at most 100 characters');
  });

  test('an id of 100 characters builds, with short temporary names', async () => {
    const id = `${'b'.repeat(99)}c`;
    const dir = workspace({ 'l.yaml': lesson('سؤال؟', id) });
    const r = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, `out/${id}-student.pdf`))).toBe(true);
  });

  test('--out "" is a usage mistake (exit 2), not the current folder', async () => {
    const dir = workspace({ 'l.yaml': lesson() });
    const before = snapshot(dir);
    for (const out of ['', '  ']) {
      const r = await hiwar(dir, 'build', 'l.yaml', '--out', out);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('error: --out needs a folder name; an empty --out would write the PDFs into the current folder\n  hint: e.g. --out out, or --out . to write into the current folder on purpose');
    }
    expect(snapshot(dir)).toEqual(before);
  });
});
