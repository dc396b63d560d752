// `hiwar build FILE...`: every file given is resolved here, rendered on a pool
// of worker threads (or in this thread when that is quicker), and written
// atomically once all of its PDFs rendered. One bad file never stops the
// others. With --watch it stays and rebuilds what a changed file affects.
import type { IO } from './io.js';
import { buildBatch, exitCodeOf, summarize, type BuildFlags, type BuiltFile } from '../build/batch.js';
import { chooseExecutor, InProcessExecutor } from '../build/pool.js';
import { Progress } from '../build/progress.js';

export type { BuildFlags, BuiltFile, Summary } from '../build/batch.js';
export { chooseExecutor } from '../build/pool.js';

/** Build one lesson or course file in this thread. Returns what was written and every problem found. */
export async function buildFile(file: string, flags: BuildFlags, cwd: string): Promise<BuiltFile> {
  const executor = new InProcessExecutor();
  try {
    const [result] = await buildBatch([file], { flags, cwd, executor });
    return result;
  } finally {
    await executor.close();
  }
}

/** `committed` is called once every PDF of the batch is in place (before the workers are stopped). */
export async function buildCommand(files: string[], flags: BuildFlags, io: IO, signal?: AbortSignal, committed?: () => void): Promise<number> {
  if (flags.watch) {
    const { watchBuild } = await import('../build/watch.js');
    return watchBuild(files, flags, io, signal ?? abortOnInterrupt());
  }
  const started = performance.now();
  const executor = chooseExecutor(files, flags);
  const progress = new Progress(io, flags);
  let results: BuiltFile[];
  try {
    results = await buildBatch(files, { flags, cwd: io.cwd, executor, progress, signal });
    committed?.();
  } finally {
    await executor.close();
  }
  if (flags.json) io.out(JSON.stringify(summarize(results, (performance.now() - started) / 1000, executor, io.cwd)));
  return exitCodeOf(results);
}

/** An abort signal for Ctrl-C (SIGINT) and SIGTERM: watch mode then stops cleanly. */
export function abortOnInterrupt(): AbortSignal {
  const ctl = new AbortController();
  const stop = () => ctl.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  ctl.signal.addEventListener('abort', () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  });
  return ctl.signal;
}
