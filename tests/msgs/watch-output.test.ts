// What watch mode shows on a terminal, read back as a terminal would show it:
// no stale progress bar after a build, a failed rebuild said to have failed
// (its last good PDFs kept), and a clean stop message on its own line.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { watchBuild } from '../../src/build/watch.js';
import type { BuiltFile, Summary } from '../../src/build/batch.js';
import { Progress } from '../../src/build/progress.js';
import { recordingIO, workspace } from '../workspace/helpers.js';
import { lesson } from '../faults/helpers.js';

/** A terminal: `\r\x1b[2K` clears the current line, `\n` ends it. */
function terminal() {
  const lines: string[] = [];
  let current = '';
  const write = (chunk: string) => {
    for (const part of chunk.split(/(\r\x1b\[2K|\n)/)) {
      if (part === '\r\x1b[2K') current = '';
      else if (part === '\n') {
        lines.push(current);
        current = '';
      } else current += part;
    }
  };
  return { lines, write, current: () => current };
}

function ttyIO(dir: string) {
  const screen = terminal();
  const io = { ...recordingIO(dir), isTTY: true, ci: false, err: (t: string) => screen.write(t.endsWith('\n') ? t : `${t}\n`), errRaw: (t: string) => screen.write(t) };
  return { io, screen };
}

function nextBuild(queue: unknown[], ms = 15_000) {
  const start = queue.length;
  return new Promise<void>((resolve, reject) => {
    const t0 = Date.now();
    const poll = () => (queue.length > start ? resolve() : Date.now() - t0 > ms ? reject(new Error('no rebuild')) : setTimeout(poll, 10));
    poll();
  });
}

test('watch on a terminal: no stale bar, a failed rebuild says so, Ctrl-C stops on a clean line', async () => {
  process.env.HIWAR_WORKERS = '0';
  const dir = workspace({ 'l.yaml': lesson() });
  const { io, screen } = ttyIO(dir);
  const ctl = new AbortController();
  const builds: { summary: Summary; results: BuiltFile[] }[] = [];
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  const done = watchBuild(['l.yaml'], { out: 'out', edition: 'student' }, io, ctl.signal, { debounceMs: 20, onReady: ready, onBuild: (summary, results) => builds.push({ summary, results }) });
  await isReady;
  expect(screen.lines).toEqual(['wrote out/demo-student.pdf (1 page)', expect.stringMatching(/^watching 1 file and 1 more they read; press Ctrl-C to stop$/)]);
  expect(screen.current()).toBe(''); // no bar left behind
  const good = fs.readFileSync(path.join(dir, 'out/demo-student.pdf'));

  // a mistake: reported, said to have failed, the PDF kept
  let next = nextBuild(builds);
  fs.writeFileSync(path.join(dir, 'l.yaml'), lesson().replace('ref: p1', 'ref: p42'));
  await next;
  const failed = screen.lines.slice(2);
  expect(failed[0]).toMatch(/^l\.yaml:6:\d+: error: /);
  expect(failed.at(-1)).toBe('rebuilding l.yaml failed; its last good PDFs are kept');
  expect(failed.join('\n')).not.toMatch(/rebuilt|^building/m);
  expect(screen.current()).toBe('');
  expect(fs.readFileSync(path.join(dir, 'out/demo-student.pdf')).equals(good)).toBe(true);

  // fixed: rebuilt
  const seen = screen.lines.length;
  next = nextBuild(builds);
  fs.writeFileSync(path.join(dir, 'l.yaml'), lesson('سؤال آخر؟'));
  await next;
  expect(screen.lines.slice(seen)).toEqual(['wrote out/demo-student.pdf (1 page)', expect.stringMatching(/^rebuilt l\.yaml in \d+ ms$/)]);
  expect(screen.current()).toBe('');

  // Ctrl-C: the terminal echoes ^C where the cursor is; the stop message has a line of its own
  screen.write('^C');
  ctl.abort();
  expect(await done).toBe(0);
  expect(screen.lines.at(-1)).toBe('stopped watching');
  expect(screen.lines.join('\n')).not.toMatch(/\^C|built: nothing|^building/m);
  expect(screen.current()).toBe('');
});

test('a finished build’s bar is not drawn again by the lines printed after it', () => {
  const { io, screen } = ttyIO('/tmp');
  const p = new Progress(io, {});
  p.start(1);
  p.fileDone();
  expect(screen.current()).toMatch(/^building .* 1\/1 files · 0\/0 PDFs/);
  p.finish();
  p.note('watch.rebuilt', { files: 'l.yaml', ms: 5 });
  expect(screen.lines).toEqual(['rebuilt l.yaml in 5 ms']);
  expect(screen.current()).toBe('');
});
