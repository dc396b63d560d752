// Runs before every file of the "shared" project (vitest.config.ts), whose
// files follow one another in long-lived processes. Whatever a file leaves
// behind would reach the files after it, and which those are depends on
// scheduling and on --sequence.shuffle: so each file starts, as far as the
// typesetting caches and vi's spies and stubs go, as if it ran alone. (Fonts,
// HarfBuzz and compiled templates stay: loading them is what sharing saves.)
import { afterAll, vi } from 'vitest';
import { clearShapeCache } from '../../src/text/shape.js';

afterAll(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  // shapes, and with them every layout cached from them (paragraphs, lines):
  // bounded, but at up to 200,000 shapes and 1.5 M characters of layouts they
  // are big enough to matter in a process that runs forty files
  clearShapeCache();
});

