// One build at a time replaces files in an output folder: `.hiwar.lock` in
// the folder, created exclusively (O_EXCL) and holding the owner's pid. It is
// held only while a group of outputs is renamed into place (microseconds), so
// two builds into one folder each commit whole pairs, never a mix, and a
// second build hardly ever waits. A lock whose owner no longer runs (killed
// while holding it) or that is older than any commit can take is stale and
// taken over.
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_NAME = '.hiwar.lock';
/** a lock this old is left over, whatever its pid says (the pid may have been reused) */
const STALE_MS = 60_000;
const DEFAULT_WAIT_MS = 10_000;

export class LockError extends Error {
  readonly code = 'ELOCKED';
  constructor(
    readonly dir: string,
    readonly lock: string,
    readonly pid: number,
    readonly waitedMs: number,
  ) {
    super(`another hiwar (process ${pid}) is writing into ${dir}`);
    this.name = 'LockError';
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false; // our own commits are synchronous: a lock of ours is a leftover
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in a lock file, and whether the lock is stale (NaN pid: being written this instant). */
function holder(lock: string): { pid: number; stale: boolean } | undefined {
  try {
    const st = fs.statSync(lock);
    const pid = Number(fs.readFileSync(lock, 'utf8').trim());
    const old = Date.now() - st.mtimeMs > STALE_MS;
    if (!Number.isInteger(pid) || pid <= 0) return { pid: NaN, stale: old };
    return { pid, stale: old || !alive(pid) };
  } catch {
    return undefined; // gone meanwhile
  }
}

function tryCreate(lock: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(lock, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    fs.writeSync(fd, `${process.pid}\n`);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/**
 * Take the lock of `dir`, waiting up to `waitMs` for another build to release
 * it; returns the function that releases it. Throws a `LockError` when the
 * other build holds it longer.
 */
export async function acquireLock(dir: string, opts: { waitMs?: number; signal?: AbortSignal } = {}): Promise<() => void> {
  const lock = path.join(dir, LOCK_NAME);
  const waitMs = opts.waitMs ?? DEFAULT_WAIT_MS;
  const started = Date.now();
  let lastPid = NaN;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    if (tryCreate(lock)) {
      return () => {
        // release only our own lock (a stale-lock take-over by another build may have replaced it)
        if (holder(lock)?.pid === process.pid) fs.rmSync(lock, { force: true });
      };
    }
    const h = holder(lock);
    if (h?.stale) {
      fs.rmSync(lock, { force: true });
      continue;
    }
    if (h && Number.isInteger(h.pid)) lastPid = h.pid;
    const waited = Date.now() - started;
    if (waited >= waitMs || opts.signal?.aborted) throw new LockError(dir, lock, lastPid, waited);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
