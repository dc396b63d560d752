// Soak: the sample course built 20 times in one process does not grow the
// heap. Runs in a child process started with --expose-gc, so every figure is
// taken after a full garbage collection, and builds in that process's own
// thread (HIWAR_WORKERS=0) so everything a build keeps stays in that heap,
// from the CLI bundled from the sources for this run (tests/helpers/compiled-cli.ts).
// The student edition only, to keep the suite quick (a course edition is the
// whole pipeline: resolve, templates, layout of 23 pages, contents, PDF).
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { hiwarPackage } from '../helpers/hiwar-process.js';
import { SHORT_RUN_FLAGS } from '../helpers/short-run-flags.js';

const run = promisify(execFile);
const here = fileURLToPath(new URL('./', import.meta.url));

const BUILDS = 20;
const MB = 1024 * 1024;

test(`the sample course built ${BUILDS} times in one process: the heap does not grow`, async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'hiwar-soak-'));
  // (under the test processes' V8 flags: 7.6 s of CPU instead of 10.5 s, and
  // the same heap figures, growth 0.44-0.65 MB with them or without)
  const { stdout } = await run(process.execPath, ['--expose-gc', ...SHORT_RUN_FLAGS, path.join(here, 'soak-child.mjs'), path.join(hiwarPackage(), 'dist/cli/main.js'), String(BUILDS), 'student', out], {
    cwd: path.join(here, '../..'),
    env: { ...process.env, HIWAR_WORKERS: '0' },
    maxBuffer: 1 << 20,
  });
  const { heap, seconds, rss } = JSON.parse(stdout.trim().split('\n').pop()!) as { heap: number[]; seconds: number; rss: number };
  expect(heap).toHaveLength(BUILDS);
  const mb = (n: number) => (n / MB).toFixed(2);
  // The first builds fill caches (fonts, shapes, templates); after that the
  // heap is flat. Medians of five builds, so one sample taken while a build's
  // last bits were still in flight does not decide.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const early = median(heap.slice(3, 8));
  const late = median(heap.slice(BUILDS - 5));
  console.log(
    `soak: ${BUILDS} builds of the course (student edition) in ${seconds.toFixed(1)} s; heap after GC: 1st build ${mb(heap[0])} MB, ` +
      `builds 4–8 ${mb(early)} MB, builds ${BUILDS - 4}–${BUILDS} ${mb(late)} MB (medians); growth ${((late - early) / 1024).toFixed(0)} KB; rss ${mb(rss)} MB; all: ${heap.map(mb).join(' ')}`,
  );
  // one build's pages and PDF are several MB: keeping any part of them would show at once
  expect(late - early).toBeLessThan(1.5 * MB);
}, 90_000);
