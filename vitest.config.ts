import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { SHORT_RUN_FLAGS } from './tests/helpers/short-run-flags.js';

// Two projects:
//
// - "shared": most files run one after another in long-lived processes (the
//   forks pool with root `poolOptions.forks.isolate: false`; vitest 3 reads
//   process reuse from the root, not from a project's `isolate`), which keep
//   their module cache: fonts, HarfBuzz and the sources load once per process
//   instead of once per file. A file that ended while one of its dynamic
//   imports was still being fetched would leave that fetch on its closed
//   channel, and the half-loaded module would fail every later file in the
//   process 60 s later ("Timeout calling fetch"); the build therefore waits
//   for everything it starts loading (InProcessExecutor.close in
//   src/build/pool.ts).
// - "isolated": files that replace modules (vi.mock, vi.doMock) get a fresh
//   worker thread each (the threads pool, isolating). A module mock cannot
//   work in a shared worker: an earlier file has already loaded the real
//   module, and every later file would see the mock. Which files mock is read
//   from the files themselves, so a new mocking test can never land in the
//   shared worker by mistake.
//
// (This replaces `poolMatchGlobs`, deprecated, whose globs were matched against
// absolute paths without `dot`: in a clone under a folder starting with "."
// the mocking files silently ran shared and four tests failed, see issue 11.)
const TESTS = 'tests';
const MOCKS = /\bvi\s*\.\s*(?:mock|doMock)\s*\(/;

const root = fileURLToPath(new URL('.', import.meta.url));

/** test files under `dir`, as paths relative to the project root */
function testFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const p = path.posix.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : testFiles(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const mocking = testFiles(TESTS).filter((f) => MOCKS.test(readFileSync(path.join(root, f), 'utf8')));

export default defineConfig({
  test: {
    // Time limits catch hangs only: generous, so a machine busy with other
    // work (2 cores, loaded) cannot fail a test (a course build in a
    // beforeAll hook took over 10 s, the default, at load average 15).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // each file's changes to process.env are undone when it ends (files that
    // share a process must not see each other's HIWAR_WORKERS=0)
    setupFiles: ['tests/helpers/restore-env.ts'],
    // the CLI bundled once per run, for the tests that start hiwar as a process
    globalSetup: ['tests/helpers/compiled-cli.ts'],
    // A failed toEqual on layout objects (lines hold their font faces, fontkit
    // fonts, glyph caches) made the diff printer walk the whole graph: one
    // process grew to 4.5 GB and the run hung (shuffled, seed 4242). Deep
    // levels print as [Object]; the message still names what differs.
    diff: { maxDepth: 6, truncateThreshold: 200 },
    pool: 'forks',
    // Processes are reused (vitest 3 reads this from the root, not from a
    // project's `isolate`): the suite's CPU fell from ~300 s to ~180 s. The
    // shuffled run (seed 4242) that once grew a shared process to 4.5 GB was
    // the failure diff above, not the caches; still, what a file leaves in
    // its process is cleared after it (between-files.ts).
    poolOptions: {
      // tests/helpers/short-run-flags.ts: measured A/B on the whole suite,
      // interleaved, 118-124 s of CPU against 134-138 s
      forks: { isolate: false, execArgv: SHORT_RUN_FLAGS },
      threads: { isolate: true },
    },
    // one worker per core (vitest's default leaves one core idle: on 2 cores
    // the suite ran in one process, 95 s instead of 67 s)
    maxWorkers: availableParallelism(),
    minWorkers: 1,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: [`${TESTS}/**/*.test.ts`],
          exclude: mocking,
          isolate: false,
          setupFiles: ['tests/helpers/between-files.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'isolated', include: mocking, isolate: true, pool: 'threads' },
      },
    ],
  },
});
