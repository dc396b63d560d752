// Runs before every test file (vitest.config.ts, setupFiles). The build loads
// its typesetting stack eagerly and without waiting for it (InProcessExecutor
// in src/build/pool.ts starts `import('./run-job.js')` when it is created). In
// the shared processes a file can end while that import is still being
// fetched from vitest's main process over the file's own channel, which
// closes with the file: the import then fails after 60 s ("Timeout calling
// fetch") and every later file in that process that renders fails with it
// (seen with --sequence.shuffle). Loaded here, awaited, it is already in the
// module cache whenever a file starts one.
await import('../../src/build/run-job.js');
