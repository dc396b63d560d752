// V8 flags for the processes that run the tests: they run a great deal of
// code a few times each, as a short hiwar run does, and V8 spent as much CPU
// optimizing it on background threads as the tests took. They are the
// compile flags hiwar's start-up snapshot runs under for the same reason
// (SHORT_RUN_FLAGS in bin/snapshot-check.js): JavaScript optimized later,
// WebAssembly compiled by its baseline compiler only. They change when code
// is compiled, never what it does.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const SHORT_RUN_FLAGS: string[] = (require('../../bin/snapshot-check.js') as { SHORT_RUN_FLAGS: string[] }).SHORT_RUN_FLAGS;
