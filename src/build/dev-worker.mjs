// Runs worker.ts straight from the TypeScript sources (tests, `vitest`): a
// module loader that strips types with esbuild, then the real worker. Built
// code (dist/) never uses this file; it starts dist/build/worker.js.
//
// The tests name, in HIWAR_DEV_WORKER, a worker bundled from these very
// sources (tests/helpers/compiled-cli.ts checks that by a hash of them): that
// one runs instead, the same code without loading ~90 modules through the
// loader in every worker thread a test starts (~0.5 s of CPU each).
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

if (process.env.HIWAR_DEV_WORKER) {
  await import(pathToFileURL(process.env.HIWAR_DEV_WORKER).href);
} else {
  register('./dev-loader.mjs', import.meta.url);
  await import('./worker.ts');
}
