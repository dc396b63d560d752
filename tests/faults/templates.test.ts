// Templates: a broken user template is reported at its own FILE:LINE:COL;
// Handlebars escapes everything, gives no prototype access, and has no helper
// that could read a file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { BUNDLED_TEMPLATES, clearTemplateCache, loadTemplates } from '../../src/render/templates.js';
import { readPages } from '../helpers/pdf.js';
import { expectClean, expectNoTemps, hiwar, lesson, snapshot, workspace } from './helpers.js';

afterEach(() => {
  clearTemplateCache();
  vi.restoreAllMocks();
});

/** A workspace with a good lesson already built, and a user template folder holding `files`. */
async function withTemplates(files: Record<string, string>) {
  const t: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) t[`t/${name}`] = text;
  const dir = workspace({ 'l.yaml': lesson(), ...t });
  expect((await hiwar(dir, 'build', 'l.yaml', '--edition', 'student')).code).toBe(0);
  return { dir, before: snapshot(dir) };
}

const lessonHbs = fs.readFileSync(path.join(BUNDLED_TEMPLATES, 'lesson.hbs'), 'utf8');

describe('a broken template: its own file and line, exit 1, the old PDF kept', () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    [
      'a block never closed',
      { 'lesson.hbs': '<title>{{title}}</title>\n{{#if objectives.length}}\n  <p>هدف</p>\n\n' },
      't/lesson.hbs:2:1: error: template error: the block `{{#if}}` is never closed\n  hint: add `{{/if}}` where it should end',
    ],
    [
      'a block closed by the wrong name',
      { 'lesson.hbs': '<title>{{title}}</title>\n{{#each objectives}}\n  <p>{{this}}</p>\n  {{/if}}\n' },
      't/lesson.hbs:2:4: error: template error: `{{/if}}` closes the `{{#each}}` block\n  hint: close `{{#each}}` with `{{/each}}` first; blocks close in the reverse order they open',
    ],
    [
      'an unclosed {{ in a partial: the partial is named, not lesson.hbs',
      { 'partials/question.hbs': '<question n="{{number}}">\n{{text}\n</question>\n' },
      't/partials/question.hbs:2:1: error: template error: a `{{` is not closed with `}}`, or holds something Handlebars cannot read',
    ],
    [
      'a partial that includes itself',
      { 'partials/loop.hbs': 'x{{> loop}}', 'lesson.hbs': lessonHbs.replace('<title>{{title}}</title>', '<title>{{title}}</title>{{> loop}}') },
      't/lesson.hbs:1:1: error: template error: the template never ends: a partial includes itself, directly or through others\n  hint: remove the `{{> …}}` that leads back to the partial it is in',
    ],
    ['a helper that does not exist (no file access)', { 'lesson.hbs': '<title>{{title}}</title>\n<p>{{readFile "/etc/passwd"}}</p>\n' }, 't/lesson.hbs:2:4: error: template error: there is no helper `readFile`'],
    ['a partial named by data (no file access)', { 'lesson.hbs': '<title>{{title}}</title>\n{{> (lookup . "id")}}\n' }, 't/lesson.hbs:1:1: error: template error: The partial demo could not be found'],
    ['a template that is not UTF-8', { 'lesson.hbs': '<title>\xff</title>' }, 't/lesson.hbs:1:1: error: template error: this template is not UTF-8 text; save it as UTF-8'],
  ];
  test.each(cases)('%s', async (_name, files, message) => {
    const enc = (s: string) => (s.includes('\xff') ? Buffer.from(s, 'latin1') : s);
    const { dir, before } = await withTemplates(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, enc(v) as string])));
    const r = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student', '--templates', 't');
    expect(r.code).toBe(1);
    expectClean(r);
    if (message.includes('\n')) expect(r.stderr).toBe(message);
    else expect(r.stderr.split('\n')[0]).toBe(message);
    expect(snapshot(dir)).toEqual(before);
    expectNoTemps(dir);
  });

  test('a templates folder that does not exist', async () => {
    const dir = workspace({ 'l.yaml': lesson() });
    const r = await hiwar(dir, 'build', 'l.yaml', '--templates', 'nope');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('nope:1:1: error: the templates folder does not exist');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

describe('what a template can reach', () => {
  test('no prototype access: constructor, __proto__ and friends print nothing', () => {
    const dir = workspace({ 'lesson.hbs': '[{{constructor}}][{{constructor.constructor}}][{{constructor.name}}][{{__proto__}}][{{__proto__.constructor}}][{{title.constructor.name}}][{{lookup this "constructor"}}][{{#with constructor}}{{name}}{{/with}}][{{toString}}][{{valueOf}}][{{hasOwnProperty}}][{{title.length}}][{{__defineGetter__}}]' }, { base: false });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const out = loadTemplates(dir).render('lesson', { title: 'عنوان' });
    expect(out).toBe('[][][][][][][][][][][][5][]');
    expect(quiet).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });

  test('the only helpers are Handlebars’ built-ins, none of which reads a file; {{log}} prints nothing', () => {
    const dir = workspace({ 'lesson.hbs': '{{log "secret"}}{{log title level="error"}}ok' }, { base: false });
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => undefined));
    const set = loadTemplates(dir);
    expect(set.helpers).toEqual(['blockHelperMissing', 'each', 'helperMissing', 'if', 'log', 'lookup', 'unless', 'with']);
    expect(set.render('lesson', { title: 'x' })).toBe('ok');
    for (const s of spies) expect(s).not.toHaveBeenCalled();
  });

  test('escaping is on: markup and Handlebars syntax in a teacher’s text print as text', async () => {
    const dir = workspace({ 'l.yaml': lesson('هل <b>هذا</b> <pagebreak/> & {{title}} نص؟') });
    const r = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student');
    expect(r).toMatchObject({ code: 0, stderr: 'wrote out/demo-student.pdf (1 page)' });
    // one page: `<pagebreak/>` was not obeyed; its letters and the others are printed
    // (text extractors reorder the mirrored < > of right-to-left text, so letters are compared)
    const pages = await readPages(fs.readFileSync(path.join(dir, 'out/demo-student.pdf')));
    expect(pages).toHaveLength(1);
    const text = pages[0].items.map((i) => i.str).join('');
    for (const piece of ['pagebreak', '/b', '&', '{{title}}']) expect(text).toContain(piece);
    expect((text.match(/[<>]/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });
});
