// The worker pool never waits forever for a worker: one whose loading never
// finishes (a deadlocked import) or that dies while loading fails its job,
// and the jobs after it, with a message that says so.
import { describe, expect, test } from 'vitest';
import { WorkerPool } from '../../src/build/pool.js';
import type { RenderJob } from '../../src/build/job.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
// the worker never reads it: it fails before any job is taken
const job = { name: 'x', edition: 'student' } as unknown as RenderJob;

describe('a worker that does not load', () => {
  test('one that never finishes loading fails its job and the queued ones, and the pool closes', async () => {
    const pool = new WorkerPool(1, { entry: fixture('never-loads.mjs'), startLimitMs: 300 });
    const first = pool.run(job);
    const queued = pool.run(job);
    await expect(first).rejects.toThrow('a build worker did not finish loading within 0.3 s');
    await expect(queued).rejects.toThrow('did not finish loading');
    await expect(pool.run(job)).rejects.toThrow('did not finish loading');
    await pool.close();
  });

  test('one that dies while loading fails its job with its exit code', async () => {
    const pool = new WorkerPool(1, { entry: fixture('exits-loading.mjs') });
    await expect(pool.run(job)).rejects.toThrow('a build worker stopped unexpectedly (exit code 3)');
    await pool.close();
  });
});
