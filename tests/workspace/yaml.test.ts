import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCommand } from '../../src/cli/commands/check.js';
import { resolveFile } from '../../src/workspace/resolve.js';
import { normalizeSource } from '../../src/workspace/source.js';
import { parseYaml, positionOf } from '../../src/workspace/yaml.js';
import { recordingIO, workspace } from './helpers.js';

const lesson = 'id: l\ntitle: "درس"\narticle: articles/sample.md\nobjectives: ["هدف"]\npassages:\n  - ref: p1\nquestions:\n  - text: "سؤال؟"\n';

describe('reading files', () => {
  test('BOM stripped, CRLF and CR accepted, NFC', () => {
    expect(normalizeSource('\ufeffa\r\nb\rc\n')).toBe('a\nb\nc\n');
    expect(normalizeSource('e\u0301')).toBe('\u00e9');
  });

  test('a lesson saved by Windows Notepad (BOM + CRLF) resolves, positions unchanged', async () => {
    const dir = workspace({ 'l.yaml': '\ufeff' + lesson.replace(/\n/g, '\r\n') + '    kind: essay\r\n' });
    const io = recordingIO(dir);
    expect(await checkCommand(['l.yaml'], {}, io)).toBe(1);
    expect(io.stderr[0].split('\n')[0]).toBe('l.yaml:9:11: error: `kind` must be one of `open`, `choice`, `scale`, `rank`, not `essay`');
    const ok = workspace({ 'l.yaml': '\ufeff' + lesson.replace(/\n/g, '\r\n') });
    expect((await resolveFile(path.join(ok, 'l.yaml'))).ok).toBe(true);
  });

  test('a file that is not UTF-8 text', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'l.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0x0a]));
    const io = recordingIO(dir);
    expect(await checkCommand(['l.yaml'], {}, io)).toBe(1);
    expect(io.stderr[0]).toBe(
      'l.yaml:1:1: error: cannot read this file: this file is not UTF-8: it may be Windows-1252 or Latin-1 (Western European)\n  hint: open it in your editor and save it as "UTF-8" (in Notepad: Save As → Encoding: UTF-8)',
    );
  });

  test('"billion laughs" is stopped before it expands', async () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const f = parseYaml('/x.yaml', bomb.join('\n'));
    expect(f.value).toBeUndefined();
    expect(f.diagnostics[0].message).toBe('YAML aliases (`*name`) expand too much');
  });

  test('a few aliases are fine', () => {
    const f = parseYaml('/x.yaml', 'a: &n "نص"\nb: *n\nc: *n\n');
    expect(f.value).toEqual({ a: 'نص', b: 'نص', c: 'نص' });
  });

  test('positions: value, key, and the nearest existing node', () => {
    const f = parseYaml('/x.yaml', 'questions:\n  - text: "س"\n    kind: essay\n');
    expect(positionOf(f, ['questions', 0, 'kind'])).toEqual({ line: 3, col: 11 });
    expect(positionOf(f, ['questions', 0, 'kind'], 'key')).toEqual({ line: 3, col: 5 });
    expect(positionOf(f, ['questions', 0, 'options'])).toEqual({ line: 2, col: 5 });
    const fm = parseYaml('/a.md', 'id: x\ntitle: 3\n', 1);
    expect(positionOf(fm, ['title'])).toEqual({ line: 3, col: 8 });
  });

  test('duplicate keys are an error', () => {
    const f = parseYaml('/x.yaml', 'id: a\nid: b\n');
    expect(f.diagnostics.map((d) => [d.line, d.col, d.message])).toEqual([[2, 1, 'YAML syntax: the field `id` appears twice in this block']]);
  });

  test('article front matter problems point into the article file', async () => {
    const dir = workspace({ 'articles/bad.md': '---\nid: bad\ntitel: "x"\n---\nفقرة.\n', 'l.yaml': lesson.replace('sample.md', 'bad.md') });
    const io = recordingIO(dir);
    expect(await checkCommand(['l.yaml'], {}, io)).toBe(1);
    // one mistake, one message: the misspelt `titel` is not also reported as a missing `title`
    expect(io.stderr).toEqual(['articles/bad.md:3:1: error: unknown field `titel`\n  hint: did you mean `title`?', '1 error in 1 file']);
  });
});
