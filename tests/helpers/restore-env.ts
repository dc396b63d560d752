// Runs before every test file (vitest.config.ts, setupFiles). Files in the
// "shared" project run one after another in one process, so a variable a file
// sets (HIWAR_WORKERS=0 at its top, say) would reach every file after it, and
// which files that is depends on scheduling and on --sequence.shuffle. Each
// file's changes to process.env are undone when it ends.
import { afterAll } from 'vitest';

const before = { ...process.env };

afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in before)) delete process.env[key];
  Object.assign(process.env, before);
});
