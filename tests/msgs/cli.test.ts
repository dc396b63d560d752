// The command line: `hiwar` alone is a usage mistake, and a reader that goes
// away (`hiwar passages … | head`) ends the command quietly.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { hiwar, workspace } from '../faults/helpers.js';
import { hiwarArgs } from '../helpers/hiwar-process.js';

test('`hiwar` with no command: help on stderr, nothing on stdout, exit 2', async () => {
  const r = await hiwar(workspace({}, { base: false }));
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n');
  expect(lines[0]).toBe('error: hiwar needs a command, e.g. `hiwar build lesson.yaml`');
  expect(r.stderr).toMatch(/^Usage: hiwar \[options\] \[command\]$/m);
  expect(r.stderr).toMatch(/^\s+build \[options\] <files\.\.\.>/m);
});

test('`hiwar --lang ar` with no command: the same, in Arabic', async () => {
  const r = await hiwar(workspace({}, { base: false }), '--lang', 'ar');
  expect(r.code).toBe(2);
  expect(r.stderr.split('\n')[0]).toBe('خطأ: يحتاج «حوار» إلى أمر، مثل `hiwar build lesson.yaml`');
});

test('`hiwar passages … | head`: the reader goes away, hiwar stops quietly with exit 0', async () => {
  // an article long enough that hiwar is still writing when the reader has gone
  const dir = workspace();
  const sample = readFileSync(path.join(dir, 'articles/sample.md'), 'utf8');
  const [front, body] = sample.split(/\n---\n/);
  writeFileSync(path.join(dir, 'articles/long.md'), `${front}\n---\n${Array(400).fill(body.trim()).join('\n\n')}\n`);
  const child = spawn(process.execPath, hiwarArgs('passages', 'articles/long.md'), {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // like `head -1`: read the first chunk, then close the pipe
  child.stdout.once('data', () => child.stdout.destroy());
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).toBe('');
  expect(code).toBe(0);
});
