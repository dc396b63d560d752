// Runs worker.ts straight from the TypeScript sources (tests, `vitest`): a
// module loader that strips types with esbuild, then the real worker. Built
// code (dist/) never uses this file; it starts dist/build/worker.js.
import { register } from 'node:module';

register('./dev-loader.mjs', import.meta.url);
await import('./worker.ts');
