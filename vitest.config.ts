import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Two projects:
//
// - "shared": most files run one after another in two long-lived processes
//   (forks pool, isolate: false) that keep their module cache, so fonts,
//   HarfBuzz and the sources load once per process instead of once per file.
// - "isolated": files that replace modules (vi.mock, vi.doMock) get a fresh
//   worker thread each. A module mock cannot work in a shared worker: an earlier
//   file has already loaded the real module, and every later file would see
//   the mock. Which files mock is read from the files themselves, so a new
//   mocking test can never land in the shared worker by mistake.
//
// Whether a pool reuses its processes is decided by the root `poolOptions`,
// not by a project's `isolate` (vitest 3 creates one pool of each kind for all
// projects): with the root default (isolate: true) every "shared" file got a
// fresh process too, paying its imports, fonts and HarfBuzz again (the suite's
// "collect" time was 60+ s of its 100+). A project's `isolate` only decides
// whether the module cache is reset between files in a worker; the two
// mocking files, run in one worker with a reset cache, still saw each other's
// modules (shape-cache counted 0 HarfBuzz calls), hence a pool of their own
// that starts a fresh thread per file.
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
    // each file's changes to process.env are undone when it ends, and the
    // typesetting stack is loaded before it starts (see both files: shared workers)
    setupFiles: ['tests/helpers/restore-env.ts', 'tests/helpers/preload.ts'],
    pool: 'forks',
    poolOptions: {
      forks: { isolate: false },
      threads: { isolate: true },
    },
    // one worker per core (vitest's default leaves one core idle: on 2 cores
    // the suite ran in one process, 95 s instead of 67 s)
    maxWorkers: availableParallelism(),
    minWorkers: 1,
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: [`${TESTS}/**/*.test.ts`], exclude: mocking, isolate: false },
      },
      {
        extends: true,
        test: { name: 'isolated', include: mocking, isolate: true, pool: 'threads' },
      },
    ],
  },
});
