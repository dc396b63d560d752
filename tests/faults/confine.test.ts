// Reads stay inside the workspace: the folder hiwar runs in, or the folder of a file
// built from elsewhere (or --root).
// A lesson shared by someone else cannot pull a file from elsewhere on the
// teacher's disk into a PDF (`../../secret.md`, an absolute path, a symlink),
// and a template folder cannot lead out of itself. Going outside is explicit
// (--allow-outside). Nothing of an outside file ever shows in a message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { bodyText, normalizeText, readPages } from '../helpers/pdf.js';
import { expectClean, hiwar, lesson, snapshot, workspace } from './helpers.js';

const SECRET = 'كلمة السر السرية 12345';
const HINT =
  '  hint: hiwar reads only files inside the folder you run it in (or the folder of the file you build, when that is elsewhere), so that a shared lesson cannot pull in other files; move the file into that folder, name a folder that holds both with --root DIR, or allow it with --allow-outside';

/** A folder outside the workspace holding an article with a secret line, and the workspace in it at `ws/`. */
function setup(files: Record<string, string>) {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-confine-'));
  const article = fs.readFileSync(path.join(workspace(), 'articles/sample.md'), 'utf8');
  fs.writeFileSync(path.join(top, 'secret.md'), article.replace(/^(تحذف المنصات)/m, `${SECRET}. $1`));
  const ws = path.join(top, 'ws');
  fs.mkdirSync(ws);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(ws, name)), { recursive: true });
    fs.writeFileSync(path.join(ws, name), text);
  }
  fs.cpSync(path.join(workspace(), 'articles'), path.join(ws, 'articles'), { recursive: true });
  return { top, ws, secret: path.join(top, 'secret.md') };
}

describe('an article outside the workspace is refused at the line that names it', () => {
  const cases: Array<[string, (s: { top: string; secret: string }) => string]> = [
    ['a path with ../', () => '../secret.md'],
    ['an absolute path', (s) => s.secret],
  ];
  test.each(cases)('%s: build and check refuse it, --allow-outside reads it', async (_name, written) => {
    const { ws, top, secret } = setup({});
    const ref = written({ top, secret });
    fs.writeFileSync(path.join(ws, 'l.yaml'), lesson('سؤال؟', 'demo', ref));
    const before = snapshot(ws);
    for (const cmd of ['build', 'check']) {
      const r = await hiwar(ws, cmd, 'l.yaml');
      expect(r.code).toBe(1);
      expectClean(r);
      expect(r.stderr.split('\n').slice(0, 2)).toEqual([`l.yaml:3:10: error: \`${ref}\` is outside the workspace folder ${ws}`, HINT]);
      expect(r.stderr).not.toContain(SECRET.slice(0, 8));
    }
    expect(snapshot(ws)).toEqual(before);
    const ok = await hiwar(ws, 'build', 'l.yaml', '--edition', 'student', '--allow-outside');
    expect(ok.code).toBe(0);
    const text = (await readPages(fs.readFileSync(path.join(ws, 'out/demo-student.pdf')))).map((p) => bodyText(p)).join('\n');
    expect(normalizeText(text)).toContain(normalizeText('السرية'));
  });

  test('a symlink inside the workspace to a file outside it', async () => {
    const { ws, secret } = setup({ 'l.yaml': lesson('سؤال؟', 'demo', 'articles/link.md') });
    fs.symlinkSync(secret, path.join(ws, 'articles/link.md'));
    const r = await hiwar(ws, 'build', 'l.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`l.yaml:3:10: error: \`articles/link.md\` is outside the workspace folder ${ws}`);
    expect(fs.existsSync(path.join(ws, 'out'))).toBe(false);
    expect((await hiwar(ws, 'check', 'l.yaml', '--allow-outside')).code).toBe(0);
  });

  test('a symlinked folder leading out, and banks and lessons of a course too', async () => {
    const { ws, top } = setup({
      'c.yaml': 'id: c\ntitle: "وحدة"\nlessons: [units/a.yaml, ../other.yaml]\n',
      'units/a.yaml': lesson('سؤال؟', 'a', '../articles/sample.md') + '  - use: ../out-link/bank.yaml#q\n',
    });
    fs.writeFileSync(path.join(top, 'other.yaml'), lesson('سؤال؟', 'other', 'ws/articles/sample.md'));
    fs.mkdirSync(path.join(top, 'elsewhere'));
    fs.writeFileSync(path.join(top, 'elsewhere/bank.yaml'), 'id: b\ntitle: "ب"\nquestions:\n  - id: q\n    text: "سؤال؟"\n');
    fs.symlinkSync(path.join(top, 'elsewhere'), path.join(ws, 'out-link'));
    const r = await hiwar(ws, 'check', 'c.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => !l.startsWith('  hint'))).toEqual([
      `units/a.yaml:9:10: error: \`../out-link/bank.yaml\` is outside the workspace folder ${ws}`,
      `c.yaml:3:25: error: \`../other.yaml\` is outside the workspace folder ${ws}`,
      '2 errors in 2 files',
    ]);
    // --root naming the folder above holds everything: nothing is outside it any more
    const wide = await hiwar(ws, 'check', 'c.yaml', '--root', '..');
    expect(wide.stderr).toBe('');
    expect(wide.code).toBe(0);
  });

  test('inside the workspace, folders above the referring file are fine; --root must be a folder', async () => {
    const { ws } = setup({ 'c.yaml': 'id: c\ntitle: "وحدة"\nlessons: [units/a.yaml]\n', 'units/a.yaml': lesson('سؤال؟', 'a', '../articles/sample.md') });
    expect((await hiwar(ws, 'check', 'c.yaml')).code).toBe(0);
    // checked on its own from the workspace, the lesson's workspace is still the folder hiwar runs in
    expect((await hiwar(ws, 'check', 'units/a.yaml')).code).toBe(0);
    // run from units/, the workspace is units/: the article is outside it, unless --root names the folder above
    const units = path.join(ws, 'units');
    const alone = await hiwar(units, 'check', 'a.yaml');
    expect(alone.stderr.split('\n')[0]).toBe(`a.yaml:3:10: error: \`../articles/sample.md\` is outside the workspace folder ${units}`);
    expect((await hiwar(units, 'check', 'a.yaml', '--root', '..')).code).toBe(0);
    const bad = await hiwar(ws, 'build', 'c.yaml', '--root', 'nope');
    expect(bad).toMatchObject({ code: 2, stderr: 'error: --root "nope" is not a folder\n  hint: name the folder that holds your lessons, articles and banks' });
  });
});

describe('templates stay inside their folder', () => {
  test('a template symlinked to a file outside: refused, and not a character of that file is shown', async () => {
    const { ws, top } = setup({ 'l.yaml': lesson() });
    // a file that is not valid Handlebars: its first line used to appear in the syntax error
    fs.writeFileSync(path.join(top, 'passwd'), 'root:x:0:0:root:/root:/bin/bash {{#if}}\n');
    fs.mkdirSync(path.join(ws, 'tpl'));
    fs.symlinkSync(path.join(top, 'passwd'), path.join(ws, 'tpl/lesson.hbs'));
    const r = await hiwar(ws, 'build', 'l.yaml', '--templates', 'tpl');
    expect(r.code).toBe(1);
    expectClean(r);
    expect(r.stderr.split('\n')).toEqual([
      `tpl/lesson.hbs:1:1: error: this template is a link to a file outside the templates folder ${path.join(ws, 'tpl')}; it is not read`,
      '  hint: copy the file itself into the templates folder, or build with --allow-outside',
    ]);
    expect(r.stderr).not.toContain('root:x');
    expect(fs.existsSync(path.join(ws, 'out'))).toBe(false);
    // allowed: it is read (and its mistake is reported as the template's own)
    const allowed = await hiwar(ws, 'build', 'l.yaml', '--templates', 'tpl', '--allow-outside');
    expect(allowed.code).toBe(1);
    expect(allowed.stderr).toMatch(/^tpl\/lesson\.hbs:1:\d+: error: template error/);
  });

  test('the --templates folder itself may be a symlink, and a link inside it to a file inside it is fine', async () => {
    const { ws, top } = setup({ 'l.yaml': lesson() });
    const real = path.join(top, 'my-templates');
    fs.mkdirSync(path.join(real, 'partials'), { recursive: true });
    fs.writeFileSync(path.join(real, 'partials/note.hbs'), '');
    fs.symlinkSync(path.join(real, 'partials/note.hbs'), path.join(real, 'partials/alias.hbs'));
    fs.symlinkSync(real, path.join(ws, 'tpl'));
    const r = await hiwar(ws, 'build', 'l.yaml', '--templates', 'tpl', '--edition', 'student');
    expect(r.stderr).toBe('wrote out/demo-student.pdf (1 page)');
    expect(r.code).toBe(0);
  });
});
