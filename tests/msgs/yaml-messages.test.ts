// YAML that yaml reads but hiwar does not: said in a teacher's words, at the
// right line, and never printed by the library itself.
import { afterEach, expect, test, vi } from 'vitest';
import { parseYamlFully } from '../../src/workspace/yaml.js';
import { expectClean, hiwar, lesson, workspace } from '../faults/helpers.js';

afterEach(() => vi.restoreAllMocks());

async function check(text: string) {
  const dir = workspace({ 'l.yaml': text });
  const r = await hiwar(dir, 'check', 'l.yaml');
  expectClean(r);
  return r;
}

test('two YAML documents: the line of the second `---`', async () => {
  const r = await check(`${lesson()}\n---\nid: other\n`);
  expect(r.code).toBe(1);
  const line = lesson().split('\n').length + 1;
  expect(r.stderr.split('\n').slice(0, 2)).toEqual([
    `l.yaml:${line}:1: error: this file holds more than one YAML document (a line \`---\` inside it)`,
    '  hint: a lesson, course or question bank is one document: remove this `---` line, or put what follows it in a file of its own',
  ]);
});

test.each([
  ['!!binary', 'title: !!binary aGVsbG8='],
  ['!!str', 'title: !!str 2024'],
  ['!arabic', 'title: !arabic "درس"'],
])('the tag %s: tags are not supported, at the tag', async (tag, line) => {
  const r = await check(lesson().replace('title: "درس"', line));
  expect(r.code).toBe(1);
  expect(r.stderr.split('\n').slice(0, 2)).toEqual([`l.yaml:2:8: error: YAML tags such as \`${tag}\` are not supported`, '  hint: write the value as plain text, without the tag; a text that starts with `!` needs quotes']);
});

test('a key that is a block of fields: an error at its line, and yaml prints nothing', async () => {
  const warn = vi.spyOn(process, 'emitWarning');
  const stderr = vi.spyOn(process.stderr, 'write');
  const r = await check(`${lesson()}{ yaml-language-server: $schema=x.json }: 1\n`);
  expect(r.code).toBe(1);
  const line = lesson().split('\n').length;
  expect(r.stderr.split('\n')[0]).toBe(`l.yaml:${line}:1: error: a field name here is a list or a block of fields (\`{ yaml-language-server: $schema=x.json }\`), not a name`);
  expect(r.stderr.split('\n')[1]).toMatch(/^ {2}hint: a field name is a word followed by `:`.*Start it with `#`$/);
  expect(warn).not.toHaveBeenCalled();
  expect(stderr).not.toHaveBeenCalled();
});

test('yaml itself is told never to print (its own warnings stay silent)', () => {
  const warn = vi.spyOn(process, 'emitWarning');
  const f = parseYamlFully('/w/l.yaml', '[a, b]: 1\nc: 2\n');
  expect(f.diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual(['1:1 errors.yaml-collection-key']);
  expect(warn).not.toHaveBeenCalled();
});
