// A mistake in a teacher's own template is the teacher's: exit 1, at the
// template file and the line that printed the offending markup, with a hint —
// never "internal error … a bug in hiwar" at the lesson's first line.
import { afterEach, describe, expect, test } from 'vitest';
import { clearTemplateCache } from '../../src/render/templates.js';
import { expectClean, hiwar, lesson, workspace } from '../faults/helpers.js';

afterEach(() => clearTemplateCache());

const HEAD = '<title>{{title}}</title>\n';

describe('markup a teacher’s template prints', () => {
  const cases: Array<[string, Record<string, string>, string, RegExp]> = [
    ['<img>', { 'lesson.hbs': `${HEAD}<p>x</p>\n<img src="a.png"/>\n` }, 't/lesson.hbs:3:1: error: template error: unknown tag <img>', /hint: a template may print only these tags: title, .*\bbox\b.*pagebreak/],
    ['<foo>', { 'lesson.hbs': `${HEAD}\n  <foo>{{title}}</foo>\n` }, 't/lesson.hbs:3:3: error: template error: unknown tag <foo>', /hint: a template may print only these tags/],
    ['<box> inside <p>', { 'lesson.hbs': `${HEAD}<p>x <box variant="note"><p>y</p></box></p>\n` }, 't/lesson.hbs:2:6: error: template error: <box> cannot stand inside a line of text', /hint: .*only <b>, <muted> and <br>.*close the line before <box>/],
    [
      'a bad tag in a partial: the partial is named',
      { 'partials/question.hbs': '<question n="{{number}}">{{text}}\n  <lines n="3"/>\n  <answer/>\n</question>\n' },
      't/partials/question.hbs:3:3: error: template error: the text of a <question> must come before its answer parts',
      /^$/,
    ],
    ['{{helperMissing}}', { 'lesson.hbs': `${HEAD}<p>{{helperMissing}}</p>\n` }, 't/lesson.hbs:2:4: error: template error: there is no helper `helperMissing`', /hint: templates may use only Handlebars' own helpers \(if, unless, each, with, lookup\)/],
    ['{{#blockHelperMissing}}', { 'lesson.hbs': `${HEAD}\n\n<p>{{#blockHelperMissing}}x{{/blockHelperMissing}}</p>\n` }, 't/lesson.hbs:4:4: error: template error: there is no helper `blockHelperMissing`', /hint: /],
  ];
  test.each(cases)('%s', async (_name, files, first, hint) => {
    const t = Object.fromEntries(Object.entries(files).map(([k, v]) => [`t/${k}`, v]));
    const dir = workspace({ 'l.yaml': lesson(), ...t });
    const r = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student', '--templates', 't');
    expect(r.code).toBe(1);
    expectClean(r);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe(first);
    expect(lines[1] ?? '').toMatch(hint);
    expect(r.stderr).not.toMatch(/bug in hiwar|l\.yaml:1:1/);
  });
});

test('hiwar’s own templates still lay out (no false alarm)', async () => {
  const dir = workspace({ 'l.yaml': lesson() });
  const r = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student');
  expect(r.code).toBe(0);
});
