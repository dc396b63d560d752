import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Two projects in one forks pool:
//
// - "shared": most files share their worker's module cache (isolate: false),
//   so fonts and HarfBuzz load once per worker instead of once per file,
//   which roughly halves the suite's time.
// - "isolated": files that replace modules (vi.mock, vi.doMock) get a fresh
//   process each. A module mock cannot work in a shared worker: an earlier
//   file has already loaded the real module, and every later file would see
//   the mock. Which files mock is read from the files themselves, so a new
//   mocking test can never land in the shared worker by mistake.
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
    testTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: [`${TESTS}/**/*.test.ts`], exclude: mocking, isolate: false },
      },
      {
        extends: true,
        test: { name: 'isolated', include: mocking, isolate: true },
      },
    ],
  },
});
