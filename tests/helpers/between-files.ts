// Runs before every file of the "shared" project (vitest.config.ts), whose
// files follow one another in long-lived processes. Whatever a file leaves
// behind would reach the files after it, and which those are depends on
// scheduling and on --sequence.shuffle: so each file starts, as far as vi's
// spies and stubs go, as if it ran alone. (Fonts, HarfBuzz, compiled templates
// and the shape and layout caches stay: loading and shaping the same seed
// article's words again in every file is what sharing saves. The caches are
// pure (a shape or a layout is a function of its inputs) and bounded (200,000
// shapes, then they start over); the files that count cache hits or HarfBuzz
// calls clear them first. Clearing them after every file cost 3-8 s of CPU
// over 70 files, measured A/B in one process.)
import { afterAll, vi } from 'vitest';

afterAll(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

