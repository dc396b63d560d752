import { defineConfig } from 'vitest/config';

// Test files that replace modules (vi.mock, vi.spyOn) run isolated in the
// threads pool; every other file runs in the forks pool and shares its
// worker's module cache (fonts and HarfBuzz load once per worker instead of
// once per file), which roughly halves the suite's time.
const MOCKING = ['**/tests/faults/crash.test.ts', '**/tests/faults/templates.test.ts', '**/tests/faults/output.test.ts', '**/tests/render/precompiled-templates.test.ts'];

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    poolMatchGlobs: MOCKING.map((glob) => [glob, 'threads'] as [string, 'threads']),
    poolOptions: {
      forks: { isolate: false },
      threads: { isolate: true },
    },
  },
});
