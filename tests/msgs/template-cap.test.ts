// Template output is capped: partials that include each other over and over
// (25 partials, each including the one before twice: 2^25 copies, 2.5 GB) stop
// with a clear error at the template that includes them, in a moment.
import { afterEach, expect, test } from 'vitest';
import { clearTemplateCache } from '../../src/render/templates.js';
import { expectClean, hiwar, lesson, workspace } from '../faults/helpers.js';

afterEach(() => clearTemplateCache());

function doubling(levels: number, base: string): Record<string, string> {
  const files: Record<string, string> = { 't/partials/p0.hbs': base };
  for (let k = 1; k <= levels; k++) files[`t/partials/p${k}.hbs`] = `{{> p${k - 1}}}{{> p${k - 1}}}`;
  files['t/lesson.hbs'] = `<title>{{title}}</title>\n<p>\n{{> p${levels}}}\n</p>\n`;
  return files;
}

test.each([
  ['text that doubles at each level', '<b>x</b> نص '],
  ['empty partials called 2^25 times', ''],
])('%s: a template error at the {{> …}} that includes them, exit 1', async (_name, base) => {
  const dir = workspace({ 'l.yaml': lesson(), ...doubling(25, base) });
  const r = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student', '--templates', 't');
  expect(r.code).toBe(1);
  expectClean(r);
  expect(r.stderr.split('\n')).toEqual([
    't/lesson.hbs:3:1: error: template error: this template printed more than 16 MB of markup',
    '  hint: a partial that includes others several times, each including others several times, grows without end; include each partial once where it is needed',
  ]);
});

test('{{#each}} inside {{#each}} over the same list is counted too', async () => {
  const nest = (d: number): string => (d === 0 ? '<b>{{this}}</b>' : `{{#each @root.objectives}}${nest(d - 1)}{{/each}}`);
  const objectives = Array.from({ length: 40 }, (_, i) => `"هدف ${i}"`).join(', ');
  const dir = workspace({ 'l.yaml': lesson().replace('objectives: ["هدف"]', `objectives: [${objectives}]`), 't/lesson.hbs': `<title>{{title}}</title>\n<p>${nest(6)}</p>\n` });
  const r = await hiwar(dir, 'build', 'l.yaml', '--edition', 'student', '--templates', 't');
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^t\/lesson\.hbs:1:1: error: template error: this template printed more than 16 MB of markup/);
});
